"""The report model: plain dataclasses shared by every reader, writer and check.

A unit's section, the consolidated draft and an imported archive file are all a `Document`.
Offsets of figures, references, places (and of checker findings) index into the document's
canonical text, built by `baocao.document.canonical`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

EmphasisKind = Literal["bold", "italic"]
PeriodType = Literal["month", "quarter", "six_months", "nine_months", "year"]
Style = Literal["party", "state"]


@dataclass
class Emphasis:
    """A bold or italic span inside a paragraph's text, [start, end) in characters."""

    start: int
    end: int
    kind: EmphasisKind


@dataclass
class Paragraph:
    """One paragraph of body text.

    `bullet` means the paragraph was typed as "- …" (the dash is not part of `text`).
    `footnotes` lists footnote ids referenced from this paragraph; `anchors` gives, for each,
    the character offset in `text` where the reference mark stands (just after that character).
    """

    text: str
    bullet: bool = False
    footnotes: list[str] = field(default_factory=list)
    anchors: list[int] = field(default_factory=list)
    emphasis: list[Emphasis] = field(default_factory=list)
    # checker rules silenced for this paragraph by a marker in the source
    # ("<!-- baocao-ignore cap.org -->"); writers never print the marker
    ignore: list[str] = field(default_factory=list)


@dataclass
class Section:
    """A numbered (or starred, or unnumbered) block with its heading, paragraphs and subsections.

    `number` is the label as typed without its delimiter ("A", "I", "1", "a", "*") or None;
    `delim` is what follows it ("." for "A.", ")" for "a)", "" for "*").
    """

    number: str | None
    heading: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    delim: str = "."

    @property
    def label(self) -> str:
        """The typed label that precedes the heading, e.g. "A." or "a)" or "*"."""
        if self.number is None:
            return ""
        return f"{self.number}{self.delim}"

    @property
    def heading_line(self) -> str:
        """The heading as it reads on the page: label, a space, the heading."""
        return f"{self.label} {self.heading}".strip() if self.label else self.heading


@dataclass
class Period:
    """The period a report covers: month 2 of 2023, quarter 1 of 2024, the year 2025 …"""

    type: PeriodType
    year: int
    month: int | None = None
    quarter: int | None = None


@dataclass
class Issuer:
    """The header block: issuing body, its parent, number and symbol, place and date."""

    name: str = ""
    parent: str = ""
    number: str = ""
    place: str = ""
    date: str = ""  # ISO yyyy-mm-dd when known
    # The place-and-date line as typed ("Cẩm Hà, ngày  24 tháng 6 năm 2022"), kept for the
    # checker's form rule: writers format their own from place and date, so it is no part of a
    # document's identity (not compared) nor of the JSON contract.
    date_line: str = field(default="", compare=False)


@dataclass
class Footnote:
    id: str
    text: str


@dataclass
class Signature:
    authority: str = ""
    title: str = ""
    name: str = ""


@dataclass
class Figure:
    """A number in the text with its unit, parsed the Vietnamese way (10.430 = 10430)."""

    text: str
    value: float
    unit: str
    kind: Literal["quantity", "money", "percent", "ratio", "date"]
    start: int
    end: int
    total: float | None = None


@dataclass
class Reference:
    """A cited document: "Kế hoạch số 31-KH/HU, ngày 09/02/2023"."""

    text: str
    type: str
    number: str
    code: str
    date: str
    start: int
    end: int


@dataclass
class Place:
    """An administrative place named in the text: "xã Tam Thanh"."""

    text: str
    type: str
    name: str
    start: int
    end: int


@dataclass
class Document:
    """A whole report. Readers fill it, writers render it; `style` picks Party or State layout."""

    title: str = "BÁO CÁO"
    subtitle: str = ""  # the summary line (trích yếu); "\n" keeps the source's line breaks
    period: Period | None = None
    issuer: Issuer | None = None
    preamble: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signature: Signature | None = None
    style: Style | None = None
    figures: list[Figure] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    # what the reader noticed on the way in ("bảng mã TCVN3"); not part of the document
    notices: list[str] = field(default_factory=list, compare=False, repr=False)

    def iter_sections(self) -> list[Section]:
        """Every section, depth first, in document order."""
        out: list[Section] = []

        def walk(sections: list[Section]) -> None:
            for s in sections:
                out.append(s)
                walk(s.sections)

        walk(self.sections)
        return out

    def iter_paragraphs(self) -> list[Paragraph]:
        """Every body paragraph (preamble, sections, closing) in document order."""
        out = list(self.preamble)
        for s in self.iter_sections():
            out.extend(s.paragraphs)
        out.extend(self.closing)
        return out

    def footnote_text(self, fid: str) -> str | None:
        for f in self.footnotes:
            if f.id == fid:
                return f.text
        return None

    def to_dict(self) -> dict[str, Any]:
        from baocao.document._json import document_to_dict

        return document_to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        from baocao.document._json import document_from_dict

        return document_from_dict(data)
