"""Putting reports into the archive: issued ones, and old files imported by the office."""

from __future__ import annotations

import datetime as dt

from baocao.archive.models import ArchivedReport
from baocao.cycle.models import Period
from baocao.document.canonical import canonical_text
from baocao.document.model import Document
from baocao.org.models import Body


def _title(doc: Document) -> str:
    return " ".join(f"{doc.title} {doc.subtitle}".split()) or "(không có tiêu đề)"


def _period_label(doc: Document) -> str:
    from baocao.cycle import periods

    p = doc.period
    if p is None:
        return ""
    number = (
        p.month
        or p.quarter
        or (6 if p.type == "six_months" else 9 if p.type == "nine_months" else 1)
    )
    return periods.label(p.type, p.year, number)


def archive_document(
    body: Body, doc: Document, filename: str, content: bytes, *, period: Period | None = None
) -> ArchivedReport:
    date = None
    if doc.issuer and doc.issuer.date:
        try:
            date = dt.date.fromisoformat(doc.issuer.date)
        except ValueError:
            date = None
    return ArchivedReport.objects.create(
        body=body,
        title=_title(doc),
        period_label=period.label if period else _period_label(doc),
        year=period.year if period else (doc.period.year if doc.period else None),
        number=doc.issuer.number if doc.issuer else "",
        date=date,
        text=canonical_text(doc),
        document=doc.to_dict(),
        filename=filename,
        content=content,
        period=period,
    )


def archive_issued(period: Period, doc: Document, docx: bytes) -> ArchivedReport:
    name = f"bao-cao-{period.kind}-{period.year}-{period.number:02d}.docx"
    return archive_document(period.body, doc, name, docx, period=period)
