"""Build a document from report-shaped text and run one rule on it."""

from __future__ import annotations

from baocao.checks.findings import Finding
from baocao.checks.run import check_document
from baocao.document.canonical import canonical_text
from baocao.document.model import Document
from baocao.document.readers.text import parse_text
from baocao.document.structure import build_document


def doc_of(text: str) -> Document:
    blocks, hints = parse_text(text, markdown=True)
    return build_document(blocks, hints)


def findings(text_or_doc: str | Document, rule: str) -> list[tuple[str, str | None]]:
    """(flagged text, suggestion) of every finding of `rule`."""
    doc = doc_of(text_or_doc) if isinstance(text_or_doc, str) else text_or_doc
    canon = canonical_text(doc)
    found: list[Finding] = [f for f in check_document(doc) if f.rule == rule]
    return [(canon[f.start : f.end], f.suggestion) for f in found]
