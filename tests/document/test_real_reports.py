"""Reports written by others: what a reader sees in each must be what the importer builds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from baocao.document.canonical import canonical_text
from baocao.document.readers.text import read_text
from tests.conftest import REPORTS

CASES = sorted(REPORTS.glob("*.yaml"))


def _outline(sections, depth=0):
    out = []
    for s in sections:
        out.append("  " * depth + s.heading_line)
        out += _outline(s.sections, depth + 1)
    return out


def test_there_are_at_least_five_real_reports_of_several_issuers():
    assert len(CASES) >= 5
    issuers = {yaml.safe_load(p.read_text(encoding="utf-8"))["issuer"] is None for p in CASES}
    assert issuers == {True, False}


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_the_importer_sees_what_a_reader_sees(case: Path):
    expected = yaml.safe_load(case.read_text(encoding="utf-8"))
    doc = read_text(case.with_suffix(".txt"))
    data = doc.to_dict()
    assert doc.title == expected["title"]
    assert doc.subtitle == expected["subtitle"]
    assert data["period"] == expected["period"]
    assert data["issuer"] == expected["issuer"]
    if "style" in expected:
        assert doc.style == expected["style"]
    assert _outline(doc.sections) == expected["outline"]
    assert len(doc.iter_paragraphs()) == expected["paragraphs"]
    text = canonical_text(doc)
    for piece in expected.get("joined", []):
        assert piece in text
    refs = [{k: getattr(r, k) for k in ("text", "number", "code", "date")} for r in doc.references]
    for ref in expected["references"]:
        assert ref in refs
    places = [p.text for p in doc.places]
    for place in expected.get("places", []):
        assert place in places
