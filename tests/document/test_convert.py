"""LibreOffice conversions: one-off with private profiles (also in parallel) and warm unoserver."""

from __future__ import annotations

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from baocao.document import convert as conv
from baocao.document.readers.text import read_text
from baocao.document.writers.docx import write_docx
from tests.conftest import ROOT, SAMPLE

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("src") / "sample.docx"
    write_docx(read_text(SAMPLE), path)
    return path


def test_two_one_off_conversions_in_parallel_both_succeed(source, tmp_path, monkeypatch):
    monkeypatch.setenv("BAOCAO_UNOSERVER", "127.0.0.1:1")  # nothing listens: one-off soffice
    with ThreadPoolExecutor(2) as pool:
        outs = list(pool.map(lambda d: conv.convert(source, "pdf", tmp_path / d), ["a", "b"]))
    assert all(p.exists() and p.read_bytes().startswith(b"%PDF") for p in outs)


@pytest.fixture(scope="module")
def warm_server():
    env = {
        **os.environ,
        "BAOCAO_UNOSERVER_PORT": "2013",
        "BAOCAO_UNO_PORT": "2012",
        "BAOCAO_UNOSERVER_PROFILE": "/tmp/baocao-unoserver-test",
    }
    script = ROOT / "scripts" / "unoserver.sh"
    subprocess.run(["bash", str(script), "start"], check=True, env=env, timeout=300)
    yield "127.0.0.1:2013"
    subprocess.run(["bash", str(script), "stop"], check=True, env=env, timeout=60)


def test_a_warm_server_converts_when_it_answers(warm_server, source, tmp_path, monkeypatch):
    monkeypatch.setenv("BAOCAO_UNOSERVER", warm_server)
    assert conv.unoserver_running()
    out = conv.convert(source, "pdf", tmp_path)
    assert out.read_bytes().startswith(b"%PDF")
