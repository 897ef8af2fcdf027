# Two commands on a fresh machine: `make run` and `make test` (see README.md).
SHELL := /bin/bash
# Django 6 needs Python 3.12+: the first one found (pyenv keeps them outside PATH here).
PYTHON ?= $(shell bash scripts/find-python.sh)
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := examples/huyen-uy-vu-ban-2023-02.txt
HEADER := --issuer "HUYỆN ỦY VỤ BẢN" --parent "ĐẢNG BỘ TỈNH NAM ĐỊNH" --number "Số 45-BC/HU" \
          --place "Vụ Bản" --date 28/02/2023

.PHONY: run test test-fast lint bench venv sysdeps clean

$(BIN)/baocao: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -e '.[test]'
	touch $@

venv: $(BIN)/baocao

# Debian packages: LibreOffice (PDF), Liberation fonts, poppler (pdftoppm), pandoc (bench, tests).
sysdeps:
	@bash scripts/sysdeps.sh

HOST ?= 127.0.0.1
PORT ?= 8000

# The sample rendered into out/, then the web application: database, demo, server.
run: venv sysdeps
	@mkdir -p out
	$(BIN)/baocao render $(SAMPLE) -o out/bao-cao-mau.docx $(HEADER)
	$(BIN)/baocao render $(SAMPLE) -o out/bao-cao-mau.pdf $(HEADER)
	$(BIN)/baocao render $(SAMPLE) -o out/bao-cao-mau.html $(HEADER)
	$(BIN)/baocao import $(SAMPLE) --format json > out/bao-cao-mau.json
	@echo "Đã trình bày báo cáo mẫu / sample report rendered:"
	@ls -1 out/bao-cao-mau.*
	$(BIN)/baocao migrate
	$(BIN)/baocao demo
	$(BIN)/baocao serve --host $(HOST) --port $(PORT)

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

test: venv sysdeps lint
	$(BIN)/pytest

# The core suite alone, without LibreOffice.
test-fast: venv
	$(BIN)/pytest -m "not libreoffice"

bench: venv sysdeps
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf out .pytest_cache .ruff_cache
