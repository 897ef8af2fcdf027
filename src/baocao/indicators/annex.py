"""The annex of an issued report: the indicators' charts as pictures after the signature block.

`annex_for` draws the period's charts (the dashboard's data, see `dashboard`): the progress
towards target of every indicator with a target, and month by month, this year against last,
the main indicators (no parent, with a target, in catalogue order, four at most). `add_annex`
appends them to the .docx: a page break, "PHỤ LỤC", the annex's title, then each chart with
its caption. Every annex paragraph has the style `ANNEX_STYLE`, at which the .docx reader
stops: the annex is not the report's text and never comes back on import.
"""

from __future__ import annotations

import io

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Mm, Pt

from baocao.cycle.models import Period
from baocao.document.readers.docx import ANNEX_STYLE
from baocao.document.writers._ooxml import TIMES
from baocao.indicators import chart_images, dashboard, tables

MAIN_CHARTS = 4
ANNEX_PT = 14


def annex_title(period: Period) -> list[str]:
    return ["PHỤ LỤC", f"Biểu đồ thực hiện chỉ tiêu {period.label}"]


def annex_for(period: Period) -> list[tuple[str, bytes]]:
    """(caption, PNG) of the period's charts; none when no indicator has a value for it."""
    lines = dashboard.table_lines(period)
    if not any(line.numbers[0] is not None for line in lines):
        return []
    with_target = [line for line in lines if line.numbers[2] is not None]
    out: list[tuple[str, bytes]] = []
    if with_target:
        out.append(
            (
                f"Tiến độ thực hiện chỉ tiêu, {period.label}",
                chart_images.progress_bars_png(dashboard.bar_rows(with_target)),
            )
        )
    main = [line.indicator for line in with_target if line.indicator.parent_id is None]
    main = main[:MAIN_CHARTS]
    if main:
        year = period.year
        values = tables.series_for(period.body, [year - 1, year])
        panels = [
            (
                f"{ind.name} ({ind.unit_name})",
                dashboard.year_series(values.get(ind.pk, {}), year),
                ind.unit_name,
            )
            for ind in main
        ]
        out.append(
            (
                f"Một số chỉ tiêu chủ yếu theo tháng, năm {year} so với năm {year - 1}",
                chart_images.series_png(panels),
            )
        )
    return out


def add_annex(docx_bytes: bytes, title_lines: list[str], images: list[tuple[str, bytes]]) -> bytes:
    """The .docx with the annex at its end: a page break, the title lines (centred, bold,
    14 pt), then each picture (160 mm wide) under its numbered caption."""
    word = docx.Document(io.BytesIO(docx_bytes))
    style = _annex_style(word)

    def para(text: str = "", *, bold: bool = False, italic: bool = False, after: float = 0):
        p = word.add_paragraph(style=style)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.first_line_indent = Mm(0)
        p.paragraph_format.space_before = Pt(0)
        p.paragraph_format.space_after = Pt(after)
        if text:
            r = p.add_run(text)
            r.bold, r.italic = bold, italic
            r.font.size = Pt(ANNEX_PT)
        return p

    para().add_run().add_break(WD_BREAK.PAGE)
    for i, line in enumerate(title_lines):
        para(line, bold=True, after=12 if i == len(title_lines) - 1 else 0)
    for n, (caption, png) in enumerate(images, 1):
        para(f"Biểu đồ {n}. {caption}", italic=True, after=3).paragraph_format.keep_with_next = True
        para(after=12).add_run().add_picture(io.BytesIO(png), width=Mm(chart_images.WIDTH_MM))
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _annex_style(word):
    """The annex's paragraph style (Times New Roman in every slot, 14 pt), added once."""
    styles = word.styles
    for existing in styles:
        if existing.style_id == ANNEX_STYLE:
            return existing
    style = styles.add_style(ANNEX_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = TIMES  # ascii and hAnsi
    fonts = style.element.rPr.rFonts
    for slot in ("w:eastAsia", "w:cs"):
        fonts.set(docx.oxml.ns.qn(slot), TIMES)
    style.font.size = Pt(ANNEX_PT)
    return style
