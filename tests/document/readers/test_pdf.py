"""PDF reader on PDFs that LibreOffice makes from .docx files written by others (pandoc,
python-docx): paragraphs, footnotes, emphasis, page numbers, page breaks, header and signature
columns, and the refusals (scan, password, not a PDF)."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from baocao.document.convert import convert
from baocao.document.errors import DocumentError
from baocao.document.readers.pdf import font_style, read_pdf, read_pdf_blocks

CLAUSES = [
    "các cấp ủy đảng tiếp tục quán triệt và triển khai thực hiện nghiêm túc nghị quyết",
    "công tác kiểm tra, giám sát được tăng cường ở tất cả các chi bộ trực thuộc",
    "phong trào thi đua yêu nước được phát động sâu rộng trong cán bộ và nhân dân",
    "thu ngân sách trên địa bàn đạt khá so với dự toán được giao đầu năm",
    "các xã tập trung chỉ đạo sản xuất vụ xuân bảo đảm đúng khung thời vụ",
    "tình hình an ninh chính trị, trật tự an toàn xã hội được giữ vững ổn định",
]


def long_paragraph(n: int) -> str:
    """A paragraph of several sentences, different for every `n`."""
    sentences = [
        f"{CLAUSES[(n + k) % len(CLAUSES)].capitalize()} trong đợt {n}.{k}" for k in range(7)
    ]
    return f"Nội dung số {n}: " + "; ".join(sentences) + "."


# --- a block-paragraph layout with real footnotes: pandoc's .docx -------------------------------

PANDOC_FIRST = (
    "Thực hiện Chương trình công tác năm 2023, Huyện ủy đã **chỉ đạo quyết liệt** các cơ sở "
    "đảng hoàn thành nhiệm vụ trọng tâm[^1] và *tập trung nguồn lực* cho công tác xây dựng Đảng."
)
PANDOC_SECOND = (
    "Kết nạp 21 đảng viên mới, đạt 105% kế hoạch năm[^2]; xét chính thức 18 đồng chí; "
    "xây mới bể chứa 120 m^3^ nước."
)
NOTES = {"1": "Gồm 04 nhiệm vụ theo Kế hoạch số 12-KH/HU.", "2": "Trong đó 12 là đoàn viên."}


def plain(markdown: str) -> str:
    for markup in ("**", "*", "[^1]", "[^2]", "^"):
        markdown = markdown.replace(markup, "")
    return markdown


PANDOC_PARAGRAPHS = [plain(PANDOC_FIRST), plain(PANDOC_SECOND)] + [
    long_paragraph(n) for n in range(1, 9)
]


@pytest.fixture(scope="module")
def pandoc_pdf(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pandoc")
    body = [PANDOC_FIRST, PANDOC_SECOND, *PANDOC_PARAGRAPHS[2:]]
    notes = [f"[^{k}]: {v}" for k, v in NOTES.items()]
    (work / "bc.md").write_text("\n\n".join(body + notes) + "\n", encoding="utf-8")
    subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "-o", "bc.docx", "bc.md"],
                   cwd=work, check=True)  # fmt: skip
    return convert(work / "bc.docx", "pdf", work)


@pytest.fixture(scope="module")
def pandoc_blocks(pandoc_pdf):
    return read_pdf_blocks(pandoc_pdf)


def body_texts(blocks) -> list[str]:
    return [b.text for b in blocks if b.footnote_id is None]


pytestmark = pytest.mark.libreoffice


def test_it_gives_back_every_paragraph_in_order(pandoc_blocks):
    assert body_texts(pandoc_blocks[0]) == PANDOC_PARAGRAPHS


def test_footnote_texts_come_without_their_numbers(pandoc_blocks):
    notes = {b.footnote_id: b.text for b in pandoc_blocks[0] if b.footnote_id}
    assert notes == NOTES


def test_footnote_marks_become_anchors_after_their_word(pandoc_blocks):
    first, second = pandoc_blocks[0][:2]
    assert first.footnotes == ["1"] and second.footnotes == ["2"]
    assert first.text[: first.anchors[0]].endswith("nhiệm vụ trọng tâm")
    assert second.text[: second.anchors[0]].endswith("kế hoạch năm")


def test_raised_digits_without_a_footnote_on_the_page_stay_text(pandoc_blocks):
    second = pandoc_blocks[0][1]
    assert second.text.endswith("bể chứa 120 m3 nước.")
    assert second.footnotes == ["2"]


def test_bold_and_italic_runs_become_emphasis_spans(pandoc_blocks):
    first = pandoc_blocks[0][0]
    spans = {(first.text[e.start : e.end], e.kind) for e in first.emphasis}
    assert spans == {("chỉ đạo quyết liệt", "bold"), ("tập trung nguồn lực", "italic")}
    assert first.bold is False


def cut_paragraphs(pdf: Path, paragraphs: list[str]) -> list[str]:
    """The paragraphs that begin on one page and end on the next, as printed."""
    with pdfplumber.open(pdf) as p:
        pages = [" ".join((page.extract_text() or "").split()) for page in p.pages]
    cut = []
    for text in paragraphs:
        head, tail = " ".join(text.split()[:6]), " ".join(text.split()[-6:])
        at = [i for i, page in enumerate(pages) if head in page]
        if at and at[0] + 1 < len(pages) and tail not in pages[at[0]]:
            cut.append(text)
    return cut


def test_a_paragraph_cut_by_a_page_break_comes_back_whole(pandoc_pdf, pandoc_blocks):
    cut = cut_paragraphs(pandoc_pdf, PANDOC_PARAGRAPHS)
    assert cut, "the test document should have a paragraph running over a page break"
    texts = body_texts(pandoc_blocks[0])
    assert all(text in texts for text in cut)
    assert pandoc_blocks[1].repair_page_breaks is False  # joined here, from the geometry


def test_the_document_keeps_its_footnotes_in_place(pandoc_pdf):
    doc = read_pdf(pandoc_pdf)
    first = doc.iter_paragraphs()[0]
    assert [f.text for f in doc.footnotes] == list(NOTES.values())
    assert first.text[: first.anchors[0]].endswith("trọng tâm")


@pytest.fixture(scope="module")
def per_page_notes_pdf(tmp_path_factory) -> Path:
    """Footnote numbers restarting on every page (Word's "numRestart eachPage")."""
    work = tmp_path_factory.mktemp("restart")
    paragraphs = [f"{long_paragraph(n)}[^{n}]" for n in range(1, 9)]
    notes = [f"[^{n}]: Ghi chú của đoạn {n}." for n in range(1, 9)]
    (work / "bc.md").write_text("\n\n".join(paragraphs + notes) + "\n", encoding="utf-8")
    subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "-o", "bc.docx", "bc.md"],
                   cwd=work, check=True)  # fmt: skip
    d = docx.Document(str(work / "bc.docx"))
    settings = OxmlElement("w:footnotePr")
    restart = OxmlElement("w:numRestart")
    restart.set(qn("w:val"), "eachPage")
    settings.append(restart)
    d.sections[0]._sectPr.insert(0, settings)
    d.save(str(work / "bc.docx"))
    return convert(work / "bc.docx", "pdf", work)


def test_footnote_numbers_restarting_on_each_page_stay_apart(per_page_notes_pdf):
    with pdfplumber.open(per_page_notes_pdf) as p:
        assert len(p.pages) >= 2
        assert "1 Ghi chú của đoạn 5." in p.pages[1].extract_text()  # numbering restarted
    doc = read_pdf(per_page_notes_pdf)
    paragraphs = doc.iter_paragraphs()
    notes = {f.id: f.text for f in doc.footnotes}
    assert len(paragraphs) == 8
    for n, par in enumerate(paragraphs, 1):
        assert par.text.startswith(f"Nội dung số {n}:")
        assert [notes[fid] for fid in par.footnotes] == [f"Ghi chú của đoạn {n}."]


# --- the official layout built with python-docx: columns, indents, page numbers -----------------

OFFICIAL_PARAGRAPHS = [long_paragraph(n) for n in range(10, 19)]


def _cell(cell, lines: list[tuple[str, bool, bool]]) -> None:
    cell.paragraphs[0].text = ""
    for i, (text, bold, italic) in enumerate(lines):
        par = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        par.paragraph_format.first_line_indent = Cm(0)
        run = par.add_run(text)
        run.bold, run.italic = bold, italic


def _page_number_header(section) -> None:
    par = section.header.paragraphs[0]
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    par._p.append(field)


def official_docx(path: Path) -> None:
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = (
        Mm(20), Mm(20), Mm(30), Mm(15),
    )  # fmt: skip
    _page_number_header(sec)
    normal = d.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)
    normal.paragraph_format.first_line_indent = Cm(1)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.space_after = Pt(6)
    head = d.add_table(rows=1, cols=2)
    _cell(head.cell(0, 0), [("ĐẢNG BỘ TỈNH NAM ĐỊNH", False, False),
                            ("HUYỆN ỦY VỤ BẢN", True, False), ("*", False, False),
                            ("Số 45-BC/HU", False, False)])  # fmt: skip
    _cell(head.cell(0, 1), [("ĐẢNG CỘNG SẢN VIỆT NAM", True, False),
                            ("Vụ Bản, ngày 28 tháng 02 năm 2023", False, True)])  # fmt: skip
    for text in ("BÁO CÁO", "Kết quả thực hiện công tác tháng 2 năm 2023"):
        par = d.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        par.paragraph_format.first_line_indent = Cm(0)
        par.add_run(text).bold = True
    d.add_paragraph().add_run("I. CÔNG TÁC XÂY DỰNG ĐẢNG").bold = True
    for text in OFFICIAL_PARAGRAPHS:
        d.add_paragraph(text)
    d.add_paragraph("Trên đây là báo cáo kết quả công tác tháng 2 năm 2023./.")
    tail = d.add_table(rows=1, cols=2)
    _cell(tail.cell(0, 0), [("Nơi nhận:", True, True), ("- Thường trực Huyện ủy,", False, False),
                            ("- Lưu VT.", False, False)])  # fmt: skip
    _cell(tail.cell(0, 1), [("T/M BAN THƯỜNG VỤ", True, False), ("PHÓ BÍ THƯ", True, False),
                            ("", False, False), ("Bùi Ánh Nguyệt", True, False)])  # fmt: skip
    d.save(str(path))


@pytest.fixture(scope="module")
def official_pdf(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("official")
    official_docx(work / "bc.docx")
    return convert(work / "bc.docx", "pdf", work)


@pytest.fixture(scope="module")
def official(official_pdf):
    return read_pdf_blocks(official_pdf)


def test_page_numbers_are_dropped(official_pdf, official):
    with pdfplumber.open(official_pdf) as p:
        assert len(p.pages) >= 3
        assert "2" in p.pages[1].extract_text().split()  # printed, centred, at the top
    texts = body_texts(official[0])
    assert not any(t.strip().isdigit() for t in texts)
    assert all(t in texts for t in OFFICIAL_PARAGRAPHS)  # no number glued to a paragraph


def test_indented_paragraphs_cut_by_page_breaks_come_back_whole(official_pdf, official):
    assert cut_paragraphs(official_pdf, OFFICIAL_PARAGRAPHS)
    texts = body_texts(official[0])
    assert texts[texts.index("I. CÔNG TÁC XÂY DỰNG ĐẢNG") + 1 :][:9] == OFFICIAL_PARAGRAPHS


def test_the_title_is_centred_and_the_body_is_not(official):
    blocks = {b.text: b for b in official[0]}
    assert blocks["BÁO CÁO"].centered and blocks["BÁO CÁO"].bold
    assert not blocks[OFFICIAL_PARAGRAPHS[0]].centered


def test_the_header_columns_give_the_issuer_and_the_style(official):
    hints = official[1]
    assert hints.style == "party"
    issuer = hints.issuer
    assert issuer is not None
    assert (issuer.name, issuer.parent) == ("HUYỆN ỦY VỤ BẢN", "ĐẢNG BỘ TỈNH NAM ĐỊNH")
    assert (issuer.number, issuer.place, issuer.date) == ("Số 45-BC/HU", "Vụ Bản", "2023-02-28")


def test_the_closing_columns_give_recipients_and_signature(official):
    hints = official[1]
    assert hints.recipients == ["Thường trực Huyện ủy,", "Lưu VT."]
    sig = hints.signature
    assert sig is not None
    assert (sig.authority, sig.title, sig.name) == (
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
        "Bùi Ánh Nguyệt",
    )


def test_the_official_layout_reads_into_a_report(official_pdf):
    doc = read_pdf(official_pdf)
    assert doc.title == "BÁO CÁO"
    assert doc.subtitle == "Kết quả thực hiện công tác tháng 2 năm 2023"
    assert doc.sections[0].heading == "CÔNG TÁC XÂY DỰNG ĐẢNG"
    assert [p.text for p in doc.sections[0].paragraphs] == OFFICIAL_PARAGRAPHS


# --- text layers that pdfplumber gives decomposed; refusals -------------------------------------


def minimal_pdf(path: Path, runs: list[tuple[str, str]]) -> None:
    """A one-page PDF whose ToUnicode maps glyph codes to decomposed Vietnamese letters.

    `runs` are (font resource, text); in `text`, "\\x01" prints "ê" plus a combining acute as
    one glyph and "\\x02" a lone combining hook above, the way some producers write them.
    """
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"2 beginbfchar <01> <006503020301> <02> <0309> endbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    shows = b" ".join(
        b"/%s 14 Tf (%s) Tj" % (font.encode(), text.encode("latin-1")) for font, text in runs
    )
    content = b"BT 72 700 Td " + shows + b" ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /R 5 0 R /B 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /ToUnicode 7 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))


def test_decomposed_letters_come_back_composed_with_their_spans(tmp_path):
    path = tmp_path / "nfd.pdf"
    minimal_pdf(path, [("R", "K\x01t qua\x02 "), ("B", "tha\x02o"), ("R", " xong")])
    with pdfplumber.open(path) as p:
        raw = "".join(c["text"] for c in p.pages[0].chars)
    assert not unicodedata.is_normalized("NFC", raw)  # the input really is decomposed
    [block], _ = read_pdf_blocks(path)
    assert block.text == "Kết quả thảo xong"
    assert [(block.text[e.start : e.end], e.kind) for e in block.emphasis] == [("thảo", "bold")]


@pytest.mark.parametrize(
    ("name", "style"),
    [
        ("ABCDEF+TimesNewRomanPS-BoldItalicMT", (True, True)),
        ("BAAAAA+LiberationSerif-Bold", (True, False)),
        ("LiberationSerif-Italic", (False, True)),
        ("Times-BI", (True, True)),
        ("Arial,Bold", (True, False)),
        ("VNI-Times-I", (False, True)),
        ("CAAAAA+DejaVuSerif", (False, False)),
        ("Cambria", (False, False)),
    ],
)
def test_bold_and_italic_are_read_from_font_names(name, style):
    assert font_style(name) == style


def test_a_scan_without_text_layer_asks_for_ocr(official_pdf, tmp_path):
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1",
                    str(official_pdf), str(tmp_path / "scan")], check=True)  # fmt: skip
    # The page as a picture in a .docx, printed by LibreOffice Writer (Draw, which would open
    # the PNG itself, is not part of libreoffice-writer-nogui): an image-only PDF.
    page = docx.Document()
    page.add_picture(str(next(tmp_path.glob("scan*.png"))), width=Mm(150))
    page.save(str(tmp_path / "scan.docx"))
    scanned = convert(tmp_path / "scan.docx", "pdf", tmp_path / "out")
    with pdfplumber.open(scanned) as p:
        assert p.pages[0].images and not p.pages[0].chars
    with pytest.raises(DocumentError, match=r"không có lớp chữ \(bản quét\); cần OCR"):
        read_pdf(scanned)


def test_a_password_protected_pdf_is_named_as_such(pandoc_pdf, tmp_path):
    options = (
        '{"EncryptFile":{"type":"boolean","value":"true"},'
        '"DocumentOpenPassword":{"type":"string","value":"bimat"}}'
    )
    source = pandoc_pdf.with_suffix(".docx")
    locked = convert(source, f"pdf:writer_pdf_Export:{options}", tmp_path)
    with pytest.raises(DocumentError, match="mật khẩu"):
        read_pdf(locked)


@pytest.mark.parametrize("data", [b"", b"Hello, this is text", b"%PDF-1.4\n1 0 obj\n<<"])
def test_a_file_that_is_no_pdf_is_refused(tmp_path, data):
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    with pytest.raises(DocumentError, match="không phải PDF hợp lệ"):
        read_pdf(path)
