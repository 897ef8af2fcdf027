"""The State layout (FORMAT.md §2, NĐ 30/2020) against the checklist of §5, items 16-20."""

from __future__ import annotations

import re

import pdfplumber
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Pt

from baocao.document.writers.docx import text_width_mm
from tests.document.writers.conftest import W, to_pdf

STATE_NUMBER = re.compile(r"^Số: \d{2,}(/\d{4})?/[A-ZĐ][A-Za-zĐđ]*-[A-ZĐ][A-ZĐa-zđ-]*$")


def mm(length: int) -> float:
    return length / 36000


def lines(cell) -> list:
    return [p for p in cell.paragraphs if p.text.strip()]


def rule_width_mm(p, column_mm: float) -> float:
    f = p.paragraph_format
    return column_mm - mm(f.left_indent or 0) - mm(f.right_indent or 0)


def test_16_margins_and_page_number_are_within_the_decree_ranges(state):
    s = state.word.sections[0]
    assert 20 <= round(mm(s.top_margin), 1) <= 25 and 20 <= round(mm(s.bottom_margin), 1) <= 25
    assert 30 <= round(mm(s.left_margin), 1) <= 35 and 15 <= round(mm(s.right_margin), 1) <= 20
    (p,) = s.header.paragraphs
    assert " PAGE " in [t.text for t in p._p.iter(W + "instrText")]
    assert all(Pt(13) <= r.font.size <= Pt(14) for r in p.runs)
    assert s.different_first_page_header_footer


def test_17_header_is_62_103_mm_with_the_national_title_motto_and_italic_date(state):
    first = state.body[0]
    widths = [round(int(c.get(W + "w")) / 56.69) for c in first.find(W + "tblGrid")]
    assert widths == [62, 103]
    table = state.word.tables[0]
    title, motto = lines(table.rows[0].cells[1])
    assert title.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert title.runs[0].bold and title.runs[0].font.size == Pt(13)
    assert "\n" not in title.text and text_width_mm(title.text, 13, bold=True) < 103
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert motto.runs[0].bold and motto.runs[0].underline and motto.runs[0].font.size == Pt(14)
    (date,) = lines(table.rows[1].cells[1])
    assert date.text == "Vụ Bản, ngày 28 tháng 02 năm 2023" and date.runs[0].italic


def test_18_left_cell_has_bold_body_lines_a_short_rule_and_the_number(state):
    cell = state.word.tables[0].rows[0].cells[0]
    texts = [p.text for p in cell.paragraphs]
    assert texts == ["ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH", "ỦY BAN NHÂN DÂN", "HUYỆN VỤ BẢN", ""]
    parent, *names, rule = cell.paragraphs
    assert not parent.runs[0].bold and parent.runs[0].font.size == Pt(13)
    assert all(p.runs[0].bold and p.runs[0].font.size == Pt(13) for p in names)
    assert all(p.text.isupper() for p in names)
    assert rule._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None
    longest = max(text_width_mm(p.text, 13, bold=True) for p in names)
    assert longest / 3 <= rule_width_mm(rule, 62) <= longest / 2
    (number,) = lines(state.word.tables[0].rows[1].cells[0])
    assert STATE_NUMBER.match(number.text) and number.text == "Số: 45/BC-UBND"
    assert not number.runs[0].bold and number.runs[0].font.size == Pt(13)


def test_19_title_and_summary_14_pt_then_a_short_rule_and_the_body_indented_12_7_mm(state):
    paras = state.word.paragraphs
    title, summary = [p for p in paras if p.text.strip()][:2]
    for p in (title, summary):
        assert p.runs[0].bold and p.runs[0].font.size == Pt(14)
        assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER
    rule = paras[[p._p for p in paras].index(summary._p) + 1]
    assert rule.text == "" and rule._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None
    longest = max(text_width_mm(t, 14, bold=True) for t in summary.text.split("\n"))
    assert longest / 3 <= rule_width_mm(rule, 165) <= longest / 2
    body = [p for p in paras if p.text.strip()][2:]
    assert len(body) >= 15
    for p in body:
        f = p.paragraph_format
        assert p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert abs(mm(f.first_line_indent) - 12.7) < 0.3 and f.space_before >= Pt(6)
        assert f.line_spacing_rule == WD_LINE_SPACING.EXACTLY
        assert {r.font.size for r in p.runs if r.text} == {Pt(14)}


def test_20_noi_nhan_bold_italic_12_pt_recipients_11_pt_signers_all_bold(state):
    table = state.word.tables[-1]
    assert state.body[-1].find(f"{W}tr/{W}trPr/{W}cantSplit") is not None
    left = table.rows[0].cells[0].paragraphs
    label = left[0].runs[0]
    assert left[0].text == "Nơi nhận:" and label.bold and label.italic
    assert label.font.size == Pt(12) and not label.underline
    assert all(p.text.startswith("- ") and p.runs[0].font.size == Pt(11) for p in left[1:])
    right = table.rows[0].cells[1].paragraphs
    signers = [p for p in right if p.text]
    assert [p.text for p in signers] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn A",
    ]
    assert all(p.runs[0].bold and p.runs[0].font.size == Pt(14) for p in signers)
    assert all(p.text.isupper() for p in signers[:3])
    assert sum(1 for p in right if not p.text) == 4


@pytest.mark.libreoffice
def test_libreoffice_draws_the_header_as_laid_out(state):
    """National title on one line, a short rule 1/3-1/2 as wide as the name, page 2 numbered."""
    pt = 72 / 25.4
    with pdfplumber.open(to_pdf(state.path)) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        title = [w for w in words if w["text"] in ("CỘNG", "HÒA", "XÃ", "CHỦ", "NGHĨA")]
        assert len({round(w["top"]) for w in title}) == 1
        left = [w for w in words if w["x1"] < (30 + 62) * pt and w["top"] < 60 * pt]
        rows: dict[int, list[dict]] = {}
        for w in left:
            rows.setdefault(round(w["top"]), []).append(w)
        rules = [
            e
            for e in page.edges
            if e["orientation"] == "h" and e["x1"] < (30 + 62) * pt and e["top"] < 60 * pt
        ]
        assert len(rules) >= 1, "no rule under the issuing body"
        rule_top = min(e["top"] for e in rules)
        rule = max(e["x1"] for e in rules) - min(e["x0"] for e in rules)
        above = sorted(top for top in rows if top < rule_top)[-2:]  # the two lines of the name
        assert [" ".join(w["text"] for w in rows[t]) for t in above] == [
            "ỦY BAN NHÂN DÂN",
            "HUYỆN VỤ BẢN",
        ]
        longest = max(max(w["x1"] for w in rows[t]) - min(w["x0"] for w in rows[t]) for t in above)
        assert longest / 3 <= rule <= longest / 2
        assert rule_top - max(w["bottom"] for w in rows[above[-1]]) < 6 * pt
        second = [w["text"] for w in pdf.pages[1].extract_words() if w["bottom"] < 20 * pt]
        assert second == ["2"]
