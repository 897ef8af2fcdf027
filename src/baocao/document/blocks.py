"""The flat stream every reader produces before the shared structuring step.

A reader's job is to turn its format into `RawBlock`s (one per printed paragraph, in reading
order, text already NFC with markup removed) plus whatever the format states explicitly
(`ReaderHints`: real footnotes, a header table, a signature table). `structure.build_document`
then finds the title, summary line, headings, bullets, page-break splits, closing, recipients
and signature the same way for every format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from baocao.document.model import Emphasis, Issuer, Signature


@dataclass
class RawBlock:
    """One printed paragraph.

    `footnotes`/`anchors`: ids of footnote references inside this block and the offset in `text`
    just after which each stands. `footnote_id` is set when the block is a footnote's own text
    printed in the flow (text and PDF files put it at the page foot); `page` is the 1-based page
    it came from when the format has pages. `bold`/`centered` are layout facts the reader saw
    (None = unknown), used as tie-breakers for titles and headings.
    """

    text: str
    emphasis: list[Emphasis] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    anchors: list[int] = field(default_factory=list)
    footnote_id: str | None = None
    page: int | None = None
    bold: bool | None = None
    centered: bool | None = None
    line_breaks: bool = False  # the block kept its source's line breaks ("\n" in text)
    kind: Literal["body", "header-cell", "signature-cell"] = "body"
    plain: bool = False  # the source marked it as a plain paragraph: never a heading or bullet
    ignore: list[str] = field(default_factory=list)  # checker rules silenced in the source


@dataclass
class ReaderHints:
    """What a format states outright, so the structurer need not guess it."""

    footnotes: dict[str, str] = field(default_factory=dict)  # id -> text (real Word footnotes)
    issuer: Issuer | None = None
    recipients: list[str] | None = None
    signature: Signature | None = None
    style: Literal["party", "state"] | None = None
    # page-break repair applies only to formats that were paginated in print (txt from a PDF, pdf)
    repair_page_breaks: bool = True
    title: str | None = None  # title and summary line when the format states them
    subtitle: str | None = None
    notices: list[str] = field(default_factory=list)  # what the reader wants the user to know
