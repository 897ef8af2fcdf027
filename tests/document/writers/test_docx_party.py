"""The Party layout (FORMAT.md §1) against the checklist of §5, items 1-15 and 23, plus the rules
every rendering keeps (fonts, footnotes, NFC, blanks, style choice, atomic write, speed)."""

from __future__ import annotations

import io
import re
import time
import unicodedata
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Pt

from baocao.document.errors import DocumentError
from baocao.document.model import Document, Footnote, Issuer, Paragraph, Section, Signature
from baocao.document.writers.docx import infer_style, render_docx_bytes, write_docx
from baocao.document.writers.template import BASE, build_base_template
from tests.document.writers.conftest import W, make_report, render, to_pdf

PARTY_NUMBER = re.compile(r"^Số \d{2,}-[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ][A-ZĐa-zđ-]*$")
DATE = re.compile(r"^.+, ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$")


def mm(length: int) -> float:
    return length / 36000


def lines(cell) -> list:
    return [p for p in cell.paragraphs if p.text.strip()]


def body_paragraphs(r) -> list:
    """Body paragraphs: after the title block's rule, before the signature table."""
    paras = [p for p in r.word.paragraphs if p.text.strip()]
    return paras[3:]


# --- 1, 2: page ---------------------------------------------------------------------------


def test_1_the_page_is_a4_with_margins_20_20_30_15_and_the_header_10_mm_down(party):
    s = party.word.sections[0]
    assert abs(mm(s.page_width) - 210) < 0.5 and abs(mm(s.page_height) - 297) < 0.5
    assert s.page_width < s.page_height
    margins = [mm(m) for m in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)]
    assert all(abs(a - b) < 0.2 for a, b in zip(margins, [20, 20, 30, 15], strict=True))
    assert abs(mm(s.header_distance) - 10) < 0.2


def test_2_the_page_number_is_a_centred_field_absent_from_page_one(either):
    s = either.word.sections[0]
    assert s.different_first_page_header_footer is True
    first = s.first_page_header._element
    assert not "".join(first.itertext()).strip() and first.find(f".//{W}fldChar") is None
    (p,) = s.header.paragraphs
    assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER
    kinds = [f.get(W + "fldCharType") for f in p._p.iter(W + "fldChar")]
    assert kinds == ["begin", "separate", "end"]
    assert [t.text for t in p._p.iter(W + "instrText")] == [" PAGE "]
    assert p.runs and all(r.font.size == Pt(14) for r in p.runs)


# --- 3, 4, 23: fonts, colour, NFC ----------------------------------------------------------


def test_3_defaults_and_normal_are_times_new_roman_in_four_slots_without_theme_fonts(either):
    styles = either.parts["word/styles.xml"]
    default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    normal = next(s for s in styles.iter(W + "style") if s.get(W + "styleId") == "Normal")
    for props in (default, normal.find(W + "rPr")):
        fonts = props.find(W + "rFonts")
        slots = {k.removeprefix(W): v for k, v in fonts.attrib.items()}
        assert slots == dict.fromkeys(("ascii", "hAnsi", "eastAsia", "cs"), "Times New Roman")
        assert props.find(W + "lang").get(W + "val") == "vi-VN"
    assert "word/theme/theme1.xml" not in either.parts


def test_4_no_run_anywhere_names_another_font_or_a_colour(either):
    for name, root in either.parts.items():
        for fonts in root.iter(W + "rFonts"):
            assert not any(k.endswith(("Theme", "theme")) for k in fonts.attrib), name
            assert set(fonts.attrib.values()) <= {"Times New Roman"}, name
        for colour in root.iter(W + "color"):
            assert colour.get(W + "val") in ("auto", "000000"), name


def test_23_every_text_run_of_body_footnotes_and_headers_is_nfc(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Huyện ủy Vụ Bản")
    doc = make_report("party")
    doc.closing = [Paragraph(decomposed)]
    doc.footnotes[0].text = decomposed
    r = render(doc, tmp_path / "nfd.docx")
    checked = 0
    for name, root in r.parts.items():
        if name.startswith(("word/document", "word/footnotes", "word/header")):
            for t in root.iter(W + "t"):
                assert unicodedata.is_normalized("NFC", t.text or ""), name
                checked += 1
    assert checked > 30
    texts = ["".join(p.itertext()) for p in r.parts["word/document.xml"].iter(W + "p")]
    assert unicodedata.normalize("NFC", decomposed) in texts


# --- 5-7: header block ---------------------------------------------------------------------


def test_5_the_first_body_element_is_a_borderless_fixed_80_85_mm_table(party):
    first = party.body[0]
    assert first.tag == W + "tbl"
    widths = [int(c.get(W + "w")) / 56.69 for c in first.find(W + "tblGrid")]
    assert [round(w) for w in widths] == [80, 85]
    cells = [int(c.get(W + "w")) for c in first.iter(W + "tcW")]
    assert cells == [int(c.get(W + "w")) for c in first.find(W + "tblGrid")] * 2
    assert first.find(f"{W}tblPr/{W}tblLayout").get(W + "type") == "fixed"
    borders = first.find(f"{W}tblPr/{W}tblBorders")
    assert len(borders) == 6 and all(b.get(W + "val") == "nil" for b in borders)


def test_6_left_cell_reads_parent_body_star_then_the_number(party):
    table = party.word.tables[0]
    left = lines(table.rows[0].cells[0])
    assert [p.text for p in left] == ["ĐẢNG BỘ TỈNH NAM ĐỊNH", "HUYỆN ỦY VỤ BẢN", "*"]
    assert [bool(p.runs[0].bold) for p in left] == [False, True, False]
    assert all(p.runs[0].font.size == Pt(14) for p in left)
    (number,) = lines(table.rows[1].cells[0])
    assert number.text == "Số 45-BC/HU" and PARTY_NUMBER.match(number.text)
    assert not number.runs[0].bold and number.runs[0].font.size == Pt(14)
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in [*left, number])


def test_7_right_cell_has_the_underlined_party_title_and_the_italic_date(party):
    table = party.word.tables[0]
    (title,) = lines(table.rows[0].cells[1])
    (date,) = lines(table.rows[1].cells[1])
    run = title.runs[0]
    assert title.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert run.bold and run.underline and run.font.size == Pt(15)
    assert date.text == "Vụ Bản, ngày 28 tháng 02 năm 2023" and DATE.match(date.text)
    assert date.runs[0].italic and date.runs[0].font.size == Pt(14)
    assert title.alignment == date.alignment == WD_ALIGN_PARAGRAPH.CENTER


# --- 8-10: title and body --------------------------------------------------------------------


def test_8_title_summary_with_its_line_break_and_the_dashes(party):
    title, summary, rule = [p for p in party.word.paragraphs if p.text.strip()][:3]
    assert title.text == "BÁO CÁO" and title.runs[0].bold and title.runs[0].font.size == Pt(16)
    assert summary.text == party.doc.subtitle
    assert summary._p.find(f".//{W}br") is not None
    assert summary.runs[0].bold and summary.runs[0].font.size == Pt(14)
    assert rule.text == "-----"
    for p in (title, summary, rule):
        assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_9_body_paragraphs_are_justified_14_pt_indented_10_mm_exactly_18_pt(party):
    body = body_paragraphs(party)
    assert len(body) >= 15
    for p in body:
        f = p.paragraph_format
        assert p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert abs(mm(f.first_line_indent) - 10) < 0.3
        assert f.space_before >= Pt(6)
        assert f.line_spacing_rule == WD_LINE_SPACING.EXACTLY and f.line_spacing == Pt(18)
        sizes = {r.font.size for r in p.runs if r.text}
        assert sizes == {Pt(14)}


def test_10_headings_keep_typed_labels_and_take_the_default_emphasis(party):
    by_text = {p.text: p for p in body_paragraphs(party)}
    expected = {
        "A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 2": (True, False),
        "I. Công tác xây dựng Đảng": (True, False),
        "II. Phát triển kinh tế - xã hội": (True, False),
        "1. Công tác tổ chức": (True, False),
        "2. Công tác kiểm tra, giám sát": (True, False),
        "a) Công tác tuyên giáo": (False, True),
        "* Một số hạn chế, yếu kém": (True, True),
        "B. NHIỆM VỤ TRỌNG TÂM THÁNG 3": (True, False),
    }
    for text, (bold, italic) in expected.items():
        (run,) = by_text[text].runs
        assert (bool(run.bold), bool(run.italic)) == (bold, italic), text
        assert by_text[text].paragraph_format.keep_with_next
    assert all(p._p.find(f".//{W}numPr") is None for p in party.word.paragraphs)
    bullets = [p for p in body_paragraphs(party) if p.text.startswith("- ")]
    assert len(bullets) == 7 and not any(r.bold for p in bullets for r in p.runs)


def test_emphasis_spans_become_bold_or_italic_runs(party):
    para = next(p for p in body_paragraphs(party) if "Kết nạp" in p.text)
    runs = [(r.text, bool(r.italic)) for r in para.runs if r.text]
    assert runs[:3] == [
        ("- ", False),
        ("Kết nạp", True),
        (" 21 đảng viên theo đúng quy định, đúng quy trình", False),
    ]


# --- 11, 12: footnotes -------------------------------------------------------------------------


def _notes(r) -> dict[str, str]:
    root = r.parts["word/footnotes.xml"]
    return {
        n.get(W + "id"): "".join(t.text for t in n.iter(W + "t")).strip()
        for n in root.iterfind(W + "footnote")
    }


def test_11_a_footnotes_part_with_separators_matches_the_references_one_to_one(either):
    rels = either.word.part.rels.values()
    assert any(r.reltype.endswith("/footnotes") for r in rels)
    root = either.parts["word/footnotes.xml"]
    kinds = {n.get(W + "id"): n.get(W + "type") for n in root.iterfind(W + "footnote")}
    assert kinds["-1"] == "separator" and kinds["0"] == "continuationSeparator"
    refs = [
        r.get(W + "id") for r in either.parts["word/document.xml"].iter(W + "footnoteReference")
    ]
    notes = {k: v for k, v in _notes(either).items() if k not in ("-1", "0")}
    assert refs == ["1", "2"] and sorted(notes) == refs
    assert [notes[i] for i in refs] == [f.text for f in either.doc.footnotes]


def test_12_references_are_superscript_styled_and_stand_at_their_anchor(either):
    doc = either.parts["word/document.xml"]
    ref = next(doc.iter(W + "footnoteReference"))
    run = ref.getparent()
    assert run.find(f"{W}rPr/{W}rStyle").get(W + "val") == "FootnoteReference"
    before = []
    for r in run.getparent().iterfind(W + "r"):
        if r is run:
            break
        before += [t.text for t in r.iter(W + "t")]
    assert "".join(before) == "- Kết nạp 21 đảng viên theo đúng quy định, đúng quy trình"
    styles = either.parts["word/styles.xml"]
    ref_style = next(
        s for s in styles.iter(W + "style") if s.get(W + "styleId") == "FootnoteReference"
    )
    assert ref_style.find(f".//{W}vertAlign").get(W + "val") == "superscript"
    for note in either.parts["word/footnotes.xml"].iterfind(W + "footnote"):
        if note.get(W + "id") not in ("-1", "0"):
            assert note.find(f".//{W}pStyle").get(W + "val") == "FootnoteText"
            sizes = {s.get(W + "val") for s in note.iter(W + "sz")}
            assert sizes == {"24"}  # 12 pt


def test_footnotes_are_renumbered_in_order_of_appearance_and_blank_when_textless(tmp_path):
    doc = Document(
        preamble=[
            Paragraph("Một.", footnotes=["z"], anchors=[4]),
            Paragraph("Hai.", footnotes=["k", "q"], anchors=[2]),  # "q" has no anchor: at the end
        ],
        footnotes=[Footnote("k", "Ka."), Footnote("z", "Zet."), Footnote("unused", "Thừa.")],
    )
    r = render(doc, tmp_path / "n.docx")
    notes = {k: v for k, v in _notes(r).items() if k not in ("-1", "0")}
    assert notes == {"1": "Zet.", "2": "Ka.", "3": "……"}
    second = next(p for p in r.word.paragraphs if p.text.startswith("Hai"))
    order = [(c.tag, c.get(W + "id")) for c in second._p.iter(W + "t", W + "footnoteReference")]
    assert [i for _, i in order] == [None, "2", None, "3"]


# --- 13-15: signature block -------------------------------------------------------------------


def test_13_the_last_body_element_is_an_unsplittable_80_85_table_kept_with_the_text(party):
    last = party.body[-1]
    assert last.tag == W + "tbl" and len(party.word.tables) == 2
    widths = [round(int(c.get(W + "w")) / 56.69) for c in last.find(W + "tblGrid")]
    assert widths == [80, 85]
    assert [tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in last.iter(W + "tr")] == [True]
    assert party.body[-2].find(f"{W}pPr/{W}keepNext") is not None


def test_14_noi_nhan_is_underlined_14_pt_and_the_recipients_dashed_12_pt(party):
    left = party.word.tables[-1].rows[0].cells[0].paragraphs
    label = left[0].runs[0]
    assert left[0].text == "Nơi nhận:" and label.font.size == Pt(14)
    assert label.underline and not label.bold and not label.italic
    assert [p.text for p in left[1:]] == ["- Thường trực Huyện ủy,", "- Lưu VT."]
    assert all(p.runs[0].font.size == Pt(12) for p in left[1:])
    assert left[-1].text.endswith(".")


def test_15_the_right_cell_is_authority_title_room_to_sign_and_name(party):
    right = party.word.tables[-1].rows[0].cells[1].paragraphs
    texts = [p.text for p in right]
    assert texts[:2] == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"] and texts[-1] == "Bùi Ánh Nguyệt"
    assert texts[2:-1] == ["", "", "", ""]
    assert [bool(p.runs[0].bold) for p in (right[0], right[1], right[-1])] == [True, False, True]
    assert all(p.runs[0].font.size == Pt(14) for p in right)
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in right)


# --- blanks, style, file ---------------------------------------------------------------------


def _texts(table) -> list[str]:
    return [p.text for row in table.rows for c in row.cells for p in c.paragraphs if p.text]


def test_missing_issuer_and_signature_leave_visible_blanks_never_invented_values(tmp_path):
    doc = Document(sections=[Section("I", "MỤC", paragraphs=[Paragraph("Nội dung.")])])
    r = render(doc, tmp_path / "blank.docx")
    head = _texts(r.word.tables[0])
    assert head == [
        "……",
        "……",
        "*",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số ……-BC/……",
        "……, ngày … tháng … năm …",
    ]
    assert _texts(r.word.tables[-1]) == ["Nơi nhận:", "……", "……", "……"]
    subtitle = [p.text for p in r.word.paragraphs if p.text][1]
    assert subtitle == "……"


def test_an_empty_number_takes_the_type_of_the_title_and_the_state_form(tmp_path):
    doc = Document(title="KẾ HOẠCH", issuer=Issuer(name="HUYỆN ỦY VỤ BẢN"))
    party = render(doc, tmp_path / "p.docx")
    assert "Số ……-KH/……" in _texts(party.word.tables[0])
    state = render(doc, tmp_path / "s.docx", style="state")
    assert "Số: ……/KH-……" in _texts(state.word.tables[0])


@pytest.mark.parametrize(
    ("number", "authority", "expected"),
    [
        ("Số 45-BC/HU", "", "party"),
        ("Số: 45/BC-UBND", "", "state"),
        ("", "T/M BAN THƯỜNG VỤ", "party"),
        ("", "K/T BÍ THƯ", "party"),
        ("", "T/L BAN THƯỜNG VỤ", "party"),
        ("", "TM. ỦY BAN NHÂN DÂN", "state"),
        ("", "KT. CHỦ TỊCH", "state"),
        ("", "TL. CHỦ TỊCH", "state"),
        ("", "", "party"),
    ],
)
def test_the_style_is_inferred_from_the_number_or_the_signature(number, authority, expected):
    doc = Document(issuer=Issuer(number=number), signature=Signature(authority=authority))
    assert infer_style(doc) == expected


def test_an_explicit_style_beats_the_documents_own_which_beats_inference(tmp_path):
    doc = make_report("party")
    doc.style = "state"
    assert render(doc, tmp_path / "own.docx").word.tables[0].rows[0].cells[1].paragraphs[
        0
    ].text == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    forced = render(doc, tmp_path / "forced.docx", style="party")
    assert _texts(forced.word.tables[0])[3] == "ĐẢNG CỘNG SẢN VIỆT NAM"


def test_a_date_that_is_not_iso_is_one_clear_error(tmp_path):
    doc = make_report("party")
    doc.issuer.date = "28/02/2023"
    with pytest.raises(DocumentError, match="ngày ban hành không hợp lệ"):
        write_docx(doc, tmp_path / "x.docx")
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_style_is_refused_and_nothing_is_written(tmp_path):
    with pytest.raises(DocumentError, match="kiểu trình bày"):
        write_docx(make_report("party"), tmp_path / "x.docx", style="Party")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_writing_replaces_the_file_whole_and_leaves_no_temporary_file(tmp_path):
    out = tmp_path / "r.docx"
    out.write_bytes(b"old")
    write_docx(make_report("party"), out)
    assert docx.Document(str(out)).tables and [p.name for p in tmp_path.iterdir()] == ["r.docx"]


def test_the_shipped_base_template_is_what_the_code_builds_and_small():
    assert BASE.read_bytes() == build_base_template()
    assert BASE.stat().st_size < 5000
    word = docx.Document(str(BASE))
    assert {s.style_id for s in word.styles} >= {"Normal", "FootnoteText", "FootnoteReference"}


def test_rendering_takes_at_most_twice_python_docx_writing_the_same_paragraphs_bare():
    doc = make_report("party")
    doc.sections = doc.sections * 20  # about 400 paragraphs, ten pages and more
    lines = [p.text for p in doc.iter_paragraphs()] + [s.heading_line for s in doc.iter_sections()]

    def bare() -> None:
        word = docx.Document()
        for line in lines:
            word.add_paragraph(line)
        word.save(io.BytesIO())

    def best(fn) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return min(times)

    assert best(lambda: render_docx_bytes(doc)) <= 2 * best(bare)


# --- LibreOffice --------------------------------------------------------------------------------


@pytest.mark.libreoffice
def test_libreoffice_prints_the_number_2_top_centre_on_page_two_and_none_on_page_one(party):
    pdf = to_pdf(party.path)
    top = 20 * 72 / 25.4
    with pdfplumber.open(pdf) as p:
        assert len(p.pages) >= 2
        assert all(round(pg.width) == 595 and round(pg.height) == 842 for pg in p.pages)
        first = [w["text"] for w in p.pages[0].extract_words() if w["bottom"] < top]
        assert first == []
        second = [w for w in p.pages[1].extract_words() if w["bottom"] < top]
        assert [w["text"] for w in second] == ["2"]
        centre = (second[0]["x0"] + second[0]["x1"]) / 2
        assert abs(centre - (30 + 195) / 2 * 72 / 25.4) < 3
        notes = {i: pg.extract_text() for i, pg in enumerate(p.pages)}
    page_of = {
        t: i for i, text in notes.items() for t in ("Điều động 04", "Bao gồm: 41") if t in text
    }
    assert page_of == {"Điều động 04": 0, "Bao gồm: 41": 0}


def test_the_sample_like_report_fits_the_shared_reader_round_trip(party):
    from baocao.document.readers.docx import read_docx

    again = read_docx(Path(party.path))
    assert again.issuer == party.doc.issuer
    assert again.signature == party.doc.signature
    assert again.recipients == party.doc.recipients
    assert [f.text for f in again.footnotes] == [f.text for f in party.doc.footnotes]
    assert [s.heading_line for s in again.iter_sections()] == [
        s.heading_line for s in party.doc.iter_sections()
    ]
