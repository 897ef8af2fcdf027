"""The collected real reports are sound test data: paired, UTF-8, NFC, varied, consistent."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPORTS

TEXTS = sorted(REPORTS.glob("*.txt"))
KINDS = {"party", "state", "mass", "department", "school", "other"}
PERIOD_TYPES = {"month", "quarter", "six_months", "nine_months", "year", None}


def _expected(path: Path) -> dict:
    return yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))


def _described() -> list[Path]:
    """Reports whose .yaml follows the corpus schema (they name their source)."""
    return [p for p in TEXTS if "source_url" in _expected(p)]


def test_there_are_at_least_eight_reports_each_with_its_yaml():
    assert len(TEXTS) >= 8
    assert sorted(p.stem for p in REPORTS.glob("*.yaml")) == [p.stem for p in TEXTS]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_every_report_is_utf8_nfc_text(path: Path):
    text = path.read_bytes().decode("utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert "\ufeff" not in text and "\r" not in text
    assert text.strip()


def test_the_corpus_covers_three_issuer_kinds_and_two_period_types():
    expected = [_expected(p) for p in _described()]
    kinds = {e["issuer_kind"] for e in expected}
    periods = {e["period"]["type"] for e in expected} - {None}
    assert kinds <= KINDS and len(kinds) >= 3
    assert len(periods) >= 2


@pytest.mark.parametrize("path", _described(), ids=lambda p: p.stem)
def test_expected_texts_occur_verbatim_in_the_report(path: Path):
    expected = _expected(path)
    text = path.read_text(encoding="utf-8")
    assert expected["issuer_kind"] in KINDS
    assert expected["period"]["type"] in PERIOD_TYPES
    assert expected["completeness"].split(":")[0] in {"whole", "partial"}
    # the type may be typed in mixed case ("Báo cáo tình hình …" reads as type BÁO CÁO)
    assert expected["title"].lower() in text.lower()
    pieces = [expected.get("subtitle"), *expected["sections"]]
    pieces += [figure["text"] for figure in expected["figures"]]
    for piece in filter(None, pieces):
        assert piece in text, piece


@pytest.mark.parametrize("path", _described(), ids=lambda p: p.stem)
def test_header_facts_are_lines_of_the_report(path: Path):
    issuer = _expected(path)["issuer"]
    if issuer is None:
        pytest.skip("no header block in this report")
    lines = path.read_text(encoding="utf-8").splitlines()
    for key in ("name", "parent", "number"):
        if issuer[key]:
            assert issuer[key] in lines, issuer[key]
    assert any(line.startswith(issuer["place"] + ", ngày") for line in lines)
