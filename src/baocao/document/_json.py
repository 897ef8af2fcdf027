"""JSON form of the model, as in shared/DESIGN.md (plus `preamble`, `style`, `anchors`, `delim`)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from baocao.document.model import (
    Document,
    Emphasis,
    Figure,
    Footnote,
    Issuer,
    Paragraph,
    Period,
    Place,
    Reference,
    Section,
    Signature,
)


def _paragraph_to_dict(p: Paragraph) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": p.text,
        "bullet": p.bullet,
        "footnotes": list(p.footnotes),
        "anchors": list(p.anchors),
        "emphasis": [[e.start, e.end, e.kind] for e in p.emphasis],
    }
    if p.ignore:
        out["ignore"] = list(p.ignore)
    return out


def _section_to_dict(s: Section) -> dict[str, Any]:
    return {
        "number": s.number,
        "delim": s.delim,
        "heading": s.heading,
        "paragraphs": [_paragraph_to_dict(p) for p in s.paragraphs],
        "sections": [_section_to_dict(c) for c in s.sections],
    }


def _period_to_dict(p: Period) -> dict[str, Any]:
    out: dict[str, Any] = {"type": p.type, "year": p.year}
    if p.month is not None:
        out["month"] = p.month
    if p.quarter is not None:
        out["quarter"] = p.quarter
    return out


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def _issuer_to_dict(issuer: Issuer) -> dict[str, Any]:
    """The five fields of DESIGN.md's contract (the typed date line stays in the model)."""
    d = asdict(issuer)
    d.pop("date_line")
    return d


def document_to_dict(doc: Document) -> dict[str, Any]:
    return {
        "title": doc.title,
        "subtitle": doc.subtitle,
        "period": _period_to_dict(doc.period) if doc.period else None,
        "style": doc.style,
        "issuer": _issuer_to_dict(doc.issuer) if doc.issuer else None,
        "preamble": [_paragraph_to_dict(p) for p in doc.preamble],
        "sections": [_section_to_dict(s) for s in doc.sections],
        "closing": [_paragraph_to_dict(p) for p in doc.closing],
        "footnotes": [{"id": f.id, "text": f.text} for f in doc.footnotes],
        "recipients": list(doc.recipients),
        "signature": asdict(doc.signature) if doc.signature else None,
        "figures": [_drop_none(asdict(f)) for f in doc.figures],
        "references": [asdict(r) for r in doc.references],
        "places": [asdict(p) for p in doc.places],
    }


def _paragraph_from_dict(d: dict[str, Any]) -> Paragraph:
    return Paragraph(
        text=d["text"],
        bullet=bool(d.get("bullet", False)),
        footnotes=[str(x) for x in d.get("footnotes", [])],
        anchors=[int(x) for x in d.get("anchors", [])],
        emphasis=[Emphasis(int(a), int(b), k) for a, b, k in d.get("emphasis", [])],
        ignore=[str(x) for x in d.get("ignore", [])],
    )


def _section_from_dict(d: dict[str, Any]) -> Section:
    return Section(
        number=d.get("number"),
        delim=d.get("delim", "."),
        heading=d.get("heading", ""),
        paragraphs=[_paragraph_from_dict(p) for p in d.get("paragraphs", [])],
        sections=[_section_from_dict(s) for s in d.get("sections", [])],
    )


def document_from_dict(d: dict[str, Any]) -> Document:
    return Document(
        title=d.get("title", "BÁO CÁO"),
        subtitle=d.get("subtitle", ""),
        period=Period(**d["period"]) if d.get("period") else None,
        style=d.get("style"),
        issuer=Issuer(**d["issuer"]) if d.get("issuer") else None,
        preamble=[_paragraph_from_dict(p) for p in d.get("preamble", [])],
        sections=[_section_from_dict(s) for s in d.get("sections", [])],
        closing=[_paragraph_from_dict(p) for p in d.get("closing", [])],
        footnotes=[Footnote(str(f["id"]), f["text"]) for f in d.get("footnotes", [])],
        recipients=list(d.get("recipients", [])),
        signature=Signature(**d["signature"]) if d.get("signature") else None,
        figures=[Figure(**f) for f in d.get("figures", [])],
        references=[Reference(**r) for r in d.get("references", [])],
        places=[Place(**p) for p in d.get("places", [])],
    )
