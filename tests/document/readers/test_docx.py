"""The .docx reader on files built three ways: python-docx, pandoc, LibreOffice; and bad files."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from baocao.document.errors import DocumentError
from baocao.document.readers.docx import read_docx, read_docx_blocks

# numbering.xml content: I./1./a) headings and a "-" bullet list, and a list starting at 3
LVL = (
    '<w:lvl w:ilvl="{}"><w:start w:val="{}"/><w:numFmt w:val="{}"/><w:lvlText w:val="{}"/></w:lvl>'
)
ABSTRACT = (
    '<w:abstractNum {ns} w:abstractNumId="{aid}">'
    + LVL.format(0, "{start}", "{f0}", "{t0}")
    + LVL.format(1, 1, "decimal", "%2.")
    + LVL.format(2, 1, "lowerLetter", "%3)")
    + "</w:abstractNum>"
)
NUM = '<w:num {ns} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>'


def _numbering(d: docx.document.Document) -> None:
    numbering = d.part.numbering_part.element
    lists = [(90, 1, "upperRoman", "%1."), (91, 1, "bullet", "•"), (92, 3, "decimal", "%1.")]
    for k, (aid, start, fmt, text) in enumerate(lists):
        xml = ABSTRACT.format(ns=nsdecls("w"), aid=aid, start=start, f0=fmt, t0=text)
        numbering.insert(k, parse_xml(xml))
        numbering.append(parse_xml(NUM.format(ns=nsdecls("w"), nid=aid + 10, aid=aid)))


def _numbered(d, text: str, num_id: int, ilvl: int, bold: bool = False):
    p = d.add_paragraph()
    p.add_run(text).bold = bold
    ppr = p._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return p


def _raw(p, xml: str) -> None:
    """Append raw run-level XML (tracked changes, fields, hyperlinks) to paragraph p."""
    for el in parse_xml(f"<w:x {nsdecls('w')}>{xml}</w:x>"):
        p._p.append(el)


def _cell(cell, lines: list[tuple[str, bool]]) -> None:
    cell.paragraphs[0].add_run(lines[0][0]).bold = lines[0][1]
    for text, bold in lines[1:]:
        cell.add_paragraph().add_run(text).bold = bold


def build_python_docx(path: Path) -> Path:
    """A Party report the way a script would write it, with the hard cases of Word files."""
    d = docx.Document()
    _numbering(d)
    base = d.styles.add_style("DamGoc", WD_STYLE_TYPE.PARAGRAPH)
    base.font.bold = True
    derived = d.styles.add_style("DamKeThua", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = base
    char = d.styles.add_style("NghiengKyTu", WD_STYLE_TYPE.CHARACTER)
    char.font.italic = True
    header = d.add_table(rows=1, cols=2)
    _cell(
        header.cell(0, 0),
        [
            ("ĐẢNG BỘ TỈNH NAM ĐỊNH", False),
            ("HUYỆN ỦY VỤ BẢN", True),
            ("*", False),
            ("Số 45-BC/HU", False),
            ("V/v tổng hợp ý kiến", False),
        ],
    )
    _cell(
        header.cell(0, 1),
        [("ĐẢNG CỘNG SẢN VIỆT NAM", True), ("Vụ Bản, ngày 28 tháng 02 năm 2023", False)],
    )
    title = d.add_paragraph()
    title.add_run("BÁO CÁO").bold = True
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub = d.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = sub.add_run("kết quả thực hiện công tác tháng 2,")
    run.bold = True
    run.add_break()
    sub.add_run("nhiệm vụ trọng tâm tháng 3 năm 2023").bold = True
    d.add_paragraph("-----").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("")
    _numbered(d, "KẾT QUẢ THỰC HIỆN", 100, 0, bold=True)
    _numbered(d, "Công tác xây dựng Đảng", 100, 1)
    _numbered(d, "Chính trị tư tưởng", 100, 2)
    _numbered(d, "Tổ chức", 100, 2)
    _numbered(d, "Công tác dân vận", 100, 1)
    _numbered(d, "Tuyên truyền", 100, 2)
    _numbered(d, "Kết nạp đảng viên.", 101, 0)
    _numbered(d, "Danh sách tiếp theo", 102, 0)
    mixed = d.add_paragraph("Đã kết nạp ")
    mixed.add_run("12 đảng").bold = True
    mixed.add_run(" viên").bold = True  # two runs, one span
    mixed.add_run("   ").bold = True  # bold over spaces only: no span
    mixed.add_run("mới, tổ chức ")
    mixed.add_run("hội nghị").style = char
    mixed.add_run(" chuyên đề.")
    d.add_paragraph("Đoạn văn đậm theo kiểu kế thừa.", style=derived)
    tracked = d.add_paragraph("Văn bản ")
    _raw(
        tracked,
        '<w:del w:id="1" w:author="A"><w:r><w:delText>cũ </w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">mới </w:t></w:r></w:ins>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:hyperlink w:anchor="x"><w:r><w:t xml:space="preserve"> liên kết</w:t></w:r>'
        "</w:hyperlink>"
        "<w:r><w:tab/><w:t>sau tab</w:t></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>",
    )
    soft = d.add_paragraph("Dòng một")
    soft.runs[0].add_break()
    soft.add_run("dòng hai nối tiếp.")
    body = d.add_table(rows=2, cols=3)
    for r, row in enumerate([("Chỉ tiêu", "Kế hoạch", "Thực hiện"), ("Đảng viên", "10", "12")]):
        for c, text in enumerate(row):
            body.cell(r, c).text = text
    d.add_paragraph("Trên đây là báo cáo kết quả tháng 2./.")
    closing = d.add_table(rows=1, cols=2)
    _cell(
        closing.cell(0, 0),
        [("Nơi nhận:", False), ("- Ban Thường vụ Tỉnh ủy,", False), ("+ Lưu VT.", False)],
    )
    _cell(
        closing.cell(0, 1),
        [("T/M BAN THƯỜNG VỤ", True), ("PHÓ BÍ THƯ", False), ("Bùi Ánh Nguyệt", True)],
    )
    d.save(path)
    return path


MARKDOWN = """BÁO CÁO

**Kết quả công tác tháng 5 năm 2024**

Kết nạp **12 đảng viên** mới[^a], tổ chức *hội nghị* chuyên đề.

Trong tháng tiếp nhận 11 đơn[^b].

[^a]: Bao gồm: 7 đảng viên ở xã A.

[^b]: Đã giải quyết 9 đơn.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_python_docx(tmp_path_factory.mktemp("pydocx") / "built.docx")


@pytest.fixture(scope="module")
def pandoc_docx(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pandoc")
    (work / "in.md").write_text(MARKDOWN, encoding="utf-8")
    subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "in.md", "-o", "out.docx"],
                   cwd=work, check=True, timeout=60)  # fmt: skip
    return work / "out.docx"


def _soffice(src: Path, out: Path) -> Path:
    """`soffice --convert-to docx` with its own profile (parallel runs share none)."""
    profile = out / "profile"
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(src)],
        check=True, timeout=120, capture_output=True,
    )  # fmt: skip
    shutil.rmtree(profile, ignore_errors=True)
    result = out / (src.stem + ".docx")
    assert result.exists()
    return result


def _texts(blocks) -> list[str]:
    return [b.text for b in blocks]


def test_the_header_table_gives_issuer_style_and_the_lines_under_the_number(built):
    blocks, hints = read_docx_blocks(built)
    assert hints.style == "party"
    assert (hints.issuer.name, hints.issuer.parent) == ("HUYỆN ỦY VỤ BẢN", "ĐẢNG BỘ TỈNH NAM ĐỊNH")
    assert (hints.issuer.number, hints.issuer.place) == ("Số 45-BC/HU", "Vụ Bản")
    assert hints.issuer.date == "2023-02-28"
    assert blocks[0].text == "V/v tổng hợp ý kiến"
    assert blocks[1].text == "BÁO CÁO" and blocks[1].bold and blocks[1].centered
    assert hints.repair_page_breaks is False


def test_a_centred_summary_keeps_its_line_break_and_rules_and_empty_lines_go(built):
    texts = _texts(read_docx_blocks(built)[0])
    assert texts[2] == "kết quả thực hiện công tác tháng 2,\nnhiệm vụ trọng tâm tháng 3 năm 2023"
    assert "-----" not in texts and "" not in texts


def test_auto_numbered_paragraphs_get_their_labels_with_counters_per_level(built):
    texts = _texts(read_docx_blocks(built)[0])
    start = texts.index("I. KẾT QUẢ THỰC HIỆN")
    assert texts[start : start + 8] == [
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Công tác xây dựng Đảng",
        "a) Chính trị tư tưởng",
        "b) Tổ chức",
        "2. Công tác dân vận",
        "a) Tuyên truyền",  # a deeper level restarts under a new parent
        "- Kết nạp đảng viên.",
        "3. Danh sách tiếp theo",  # <w:start w:val="3"/>
    ]


def test_the_label_shifts_spans_and_a_bold_heading_stays_bold(built):
    blocks = read_docx_blocks(built)[0]
    heading = next(b for b in blocks if b.text == "I. KẾT QUẢ THỰC HIỆN")
    assert heading.bold
    assert [(e.kind, heading.text[e.start : e.end]) for e in heading.emphasis] == [
        ("bold", "KẾT QUẢ THỰC HIỆN")
    ]


def test_emphasis_merges_runs_drops_blank_spans_and_follows_character_styles(built):
    b = next(b for b in read_docx_blocks(built)[0] if b.text.startswith("Đã kết nạp"))
    assert b.text == "Đã kết nạp 12 đảng viên   mới, tổ chức hội nghị chuyên đề."
    assert [(e.kind, b.text[e.start : e.end]) for e in b.emphasis] == [
        ("bold", "12 đảng viên"),
        ("italic", "hội nghị"),
    ]
    assert b.bold is False


def test_bold_inherited_through_the_paragraph_style_chain(built):
    b = next(b for b in read_docx_blocks(built)[0] if b.text.startswith("Đoạn văn đậm"))
    assert b.bold and [(e.start, e.end) for e in b.emphasis if e.kind == "bold"] == [
        (0, len(b.text))
    ]


def test_tracked_changes_fields_hyperlinks_tabs_and_hidden_text(built):
    texts = _texts(read_docx_blocks(built)[0])
    assert "Văn bản mới 7 liên kết sau tab" in texts


def test_a_soft_break_in_running_text_reads_as_a_space(built):
    texts = _texts(read_docx_blocks(built)[0])
    assert "Dòng một dòng hai nối tiếp." in texts


def test_a_table_in_the_body_gives_one_block_per_row(built):
    texts = _texts(read_docx_blocks(built)[0])
    i = texts.index("Chỉ tiêu | Kế hoạch | Thực hiện")
    assert texts[i + 1] == "Đảng viên | 10 | 12"


def test_the_closing_table_gives_recipients_and_signature(built):
    blocks, hints = read_docx_blocks(built)
    assert blocks[-1].text == "Trên đây là báo cáo kết quả tháng 2./."
    assert hints.recipients == ["Ban Thường vụ Tỉnh ủy,", "Lưu VT."]
    sig = hints.signature
    assert (sig.authority, sig.title, sig.name) == (
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
        "Bùi Ánh Nguyệt",
    )


def test_the_whole_document_builds(built):
    doc = read_docx(built)
    assert doc.title == "BÁO CÁO" and doc.style == "party"
    assert doc.sections[0].heading_line == "I. KẾT QUẢ THỰC HIỆN"
    assert doc.signature.name == "Bùi Ánh Nguyệt"


def _check_pandoc_blocks(blocks, hints) -> None:
    body = next(b for b in blocks if b.text.startswith("Kết nạp"))
    assert [(e.kind, body.text[e.start : e.end]) for e in body.emphasis] == [
        ("bold", "12 đảng viên"),
        ("italic", "hội nghị"),
    ]
    assert body.text[: body.anchors[0]].endswith("đảng viên mới")
    second = next(b for b in blocks if b.text.startswith("Trong tháng"))
    assert hints.footnotes[body.footnotes[0]] == "Bao gồm: 7 đảng viên ở xã A."
    assert hints.footnotes[second.footnotes[0]] == "Đã giải quyết 9 đơn."
    assert second.anchors == [len(second.text) - 1]  # just after "đơn", before the full stop
    assert len(hints.footnotes) == 2  # separators skipped


def test_pandoc_footnotes_are_real_footnotes_mapped_by_id(pandoc_docx):
    blocks, hints = read_docx_blocks(pandoc_docx)
    _check_pandoc_blocks(blocks, hints)


@pytest.mark.libreoffice
def test_libreoffice_renumbers_footnote_ids_and_they_still_map(pandoc_docx, tmp_path):
    again = _soffice(pandoc_docx, tmp_path)
    blocks, hints = read_docx_blocks(again)
    _check_pandoc_blocks(blocks, hints)
    assert set(hints.footnotes) != set(read_docx_blocks(pandoc_docx)[1].footnotes)


@pytest.mark.libreoffice
def test_a_libreoffice_resave_reads_the_same_blocks(built, tmp_path):
    again = _soffice(built, tmp_path)
    ours, hints = read_docx_blocks(built)
    theirs, hints2 = read_docx_blocks(again)
    # LibreOffice recomputes the PAGE field's cached result ("7" becomes "1")
    assert [re.sub(r"mới \d", "mới N", t) for t in _texts(theirs)] == [
        re.sub(r"mới \d", "mới N", t) for t in _texts(ours)
    ]
    assert [b.emphasis for b in theirs] == [b.emphasis for b in ours]
    assert (hints2.issuer, hints2.recipients, hints2.signature) == (
        hints.issuer,
        hints.recipients,
        hints.signature,
    )


def _as_endnotes(src: Path, dst: Path) -> Path:
    """pandoc's footnotes moved to an endnotes part (pandoc writes no endnotes itself)."""
    with zipfile.ZipFile(src) as z:
        files = {n: z.read(n) for n in z.namelist()}
    notes = files.pop("word/footnotes.xml").decode()
    files["word/endnotes.xml"] = re.sub(r"\bw:footnote(s?)\b", r"w:endnote\1", notes).encode()
    for name in ("word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"):
        text = files[name].decode()
        text = text.replace("w:footnoteReference", "w:endnoteReference")
        text = text.replace("relationships/footnotes", "relationships/endnotes")
        text = text.replace("footnotes.xml", "endnotes.xml").replace(
            "footnotes+xml", "endnotes+xml"
        )
        files[name] = text.encode()
    with zipfile.ZipFile(dst, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return dst


def test_endnotes_are_read_with_ids_kept_apart(pandoc_docx, tmp_path):
    blocks, hints = read_docx_blocks(_as_endnotes(pandoc_docx, tmp_path / "end.docx"))
    body = next(b for b in blocks if b.text.startswith("Kết nạp"))
    assert body.footnotes[0].startswith("e")
    assert hints.footnotes[body.footnotes[0]] == "Bao gồm: 7 đảng viên ở xã A."


# --- bad files: one DocumentError, before any XML is parsed


def test_random_bytes_named_docx_are_refused(tmp_path):
    path = tmp_path / "x.docx"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(DocumentError, match=r"bị hỏng hoặc không phải \.docx"):
        read_docx_blocks(path)


def test_a_truncated_docx_is_refused(built, tmp_path):
    path = tmp_path / "cut.docx"
    path.write_bytes(built.read_bytes()[:3000])
    with pytest.raises(DocumentError, match="bị hỏng"):
        read_docx_blocks(path)


def test_a_damaged_member_is_refused(built, tmp_path):
    data = bytearray(built.read_bytes())
    with zipfile.ZipFile(built) as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 20
    data[start : start + 40] = b"\xff" * 40  # inside the deflated document part
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(DocumentError, match="bị hỏng"):
        read_docx_blocks(path)


def test_broken_xml_is_refused(tmp_path):
    path = tmp_path / "bad.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(DocumentError, match="bị hỏng"):
        read_docx_blocks(path)


def test_a_zip_without_the_document_part_is_refused(tmp_path):
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/styles.xml", "<a/>")
    with pytest.raises(DocumentError, match=r"word/document\.xml"):
        read_docx_blocks(path)


def test_an_encrypted_office_file_is_named_password_protected(tmp_path):
    # Crafted: the OLE magic and an "EncryptedPackage" directory name, as Word writes them.
    path = tmp_path / "secret.docx"
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    path.write_bytes(head + "EncryptedPackage".encode("utf-16-le") + b"\0" * 1000)
    with pytest.raises(DocumentError, match="mật khẩu"):
        read_docx_blocks(path)


def test_an_old_doc_named_docx_is_told_apart_from_an_encrypted_one(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    with pytest.raises(DocumentError, match="Word 97"):
        read_docx_blocks(path)


def test_a_zip_bomb_is_refused_by_size(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<a/>")
        z.writestr("word/media/pad.bin", b"\0" * (3 * 1024 * 1024))
    with pytest.raises(DocumentError, match="vượt giới hạn"):
        read_docx_blocks(bomb, max_size=2 * 1024 * 1024)


def test_a_zip_bomb_is_refused_by_compression_ratio(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("word/document.xml", b"<a/>")
        z.writestr("word/media/pad.bin", b"\0" * (12 * 1024 * 1024))  # ~1000:1
    with pytest.raises(DocumentError, match=r"nén \d+:1"):
        read_docx_blocks(bomb)


def test_a_signature_table_without_recipients_and_a_leading_data_table(tmp_path):
    d = docx.Document()
    first = d.add_table(rows=1, cols=2)  # no motto, no number: a data table, not a header
    first.cell(0, 0).text, first.cell(0, 1).text = "Xã A", "120"
    d.add_paragraph("Nội dung báo cáo.")
    sdt = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>Trong điều khiển nội dung.</w:t>"
        "</w:r></w:p></w:sdtContent></w:sdt>"
    )
    d.element.body.insert(len(d.element.body) - 1, sdt)  # before the section properties
    closing = d.add_table(rows=1, cols=2)
    _cell(closing.cell(0, 1), [("CHỦ TỊCH", True), ("(Đã ký)", False), ("Lê Văn Tám", True)])
    d.save(tmp_path / "s.docx")
    blocks, hints = read_docx_blocks(tmp_path / "s.docx")
    assert _texts(blocks) == ["Xã A | 120", "Nội dung báo cáo.", "Trong điều khiển nội dung."]
    assert hints.issuer is None and hints.recipients == []
    sig = hints.signature
    assert (sig.authority, sig.title, sig.name) == ("", "CHỦ TỊCH", "Lê Văn Tám")


def test_a_kt_signature_splits_authority_from_title(tmp_path):
    d = docx.Document()
    d.add_paragraph("Nội dung báo cáo.")
    closing = d.add_table(rows=1, cols=2)
    _cell(closing.cell(0, 0), [("Nơi nhận: - Sở Nội vụ;", False), ("- Lưu: VT.", False)])
    _cell(
        closing.cell(0, 1),
        [("KT. CHỦ TỊCH", True), ("PHÓ CHỦ TỊCH", True), ("Nguyễn Văn Hai", True)],
    )
    d.save(tmp_path / "kt.docx")
    _, hints = read_docx_blocks(tmp_path / "kt.docx")
    assert hints.recipients == ["Sở Nội vụ;", "Lưu: VT."]
    sig = hints.signature
    assert (sig.authority, sig.title, sig.name) == (
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn Hai",
    )
