"""The .docx reader on files other programs wrote: pandoc, and LibreOffice's re-save."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from baocao.document.readers.docx import read_docx

SOURCE = """BÁO CÁO

**Kết quả công tác tháng 5 năm 2024**

I. KẾT QUẢ

1. Công tác xây dựng Đảng

- Kết nạp **12 đảng viên** mới[^1], tổ chức *hội nghị* chuyên đề.

- Trong tháng tiếp nhận 11 đơn[^2].

1. Xây dựng nông thôn mới
2. Giảm nghèo

[^1]: Bao gồm: 7 đảng viên ở xã A; 5 đảng viên ở xã B.

[^2]: Đã giải quyết 9 đơn.
"""


@pytest.fixture(scope="module")
def pandoc_docx(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pandoc")
    (work / "in.md").write_text(SOURCE, encoding="utf-8")
    subprocess.run(["pandoc", "in.md", "-o", "out.docx"], cwd=work, check=True, timeout=60)
    return work / "out.docx"


def _check(doc) -> None:
    assert doc.title == "BÁO CÁO"
    assert doc.subtitle == "Kết quả công tác tháng 5 năm 2024"
    assert (doc.period.type, doc.period.month, doc.period.year) == ("month", 5, 2024)
    first = doc.sections[0].sections[0]
    assert first.heading_line == "1. Công tác xây dựng Đảng"
    bullet = first.paragraphs[0]
    assert bullet.bullet and bullet.text.startswith("Kết nạp 12 đảng viên mới")
    assert [(e.kind, bullet.text[e.start : e.end]) for e in bullet.emphasis] == [
        ("bold", "12 đảng viên"),
        ("italic", "hội nghị"),
    ]
    assert bullet.text[: bullet.anchors[0]].endswith("đảng viên mới")
    assert [f.text for f in doc.footnotes] == [
        "Bao gồm: 7 đảng viên ở xã A; 5 đảng viên ở xã B.",
        "Đã giải quyết 9 đơn.",
    ]
    # pandoc writes the "1." list as Word numbering: its labels are read back
    headings = [s.heading_line for s in doc.sections[0].sections]
    assert headings[-2:] == ["1. Xây dựng nông thôn mới", "2. Giảm nghèo"]


def test_a_pandoc_docx_with_lists_emphasis_and_footnotes(pandoc_docx):
    _check(read_docx(pandoc_docx))


@pytest.mark.libreoffice
def test_the_same_file_resaved_by_libreoffice(pandoc_docx, tmp_path):
    """LibreOffice renumbers footnote ids and rewrites styles and numbering."""
    from baocao.document.convert import convert

    odt = convert(pandoc_docx, "odt", tmp_path / "odt")
    again = convert(odt, "docx", tmp_path / "docx")
    _check(read_docx(again))
