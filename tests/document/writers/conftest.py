"""Reports built from the model, their .docx renderings and PDF conversions, for writer tests."""

from __future__ import annotations

import shutil
import subprocess
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from lxml import etree

from baocao.document.model import (
    Document,
    Emphasis,
    Footnote,
    Issuer,
    Paragraph,
    Section,
    Signature,
)
from baocao.document.writers.docx import infer_style, write_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LONG = "Nội dung báo cáo chi tiết về kết quả thực hiện nhiệm vụ trong kỳ. " * 12


def _issuer(party: bool) -> Issuer:
    if party:
        return Issuer(
            "HUYỆN ỦY VỤ BẢN", "ĐẢNG BỘ TỈNH NAM ĐỊNH", "Số 45-BC/HU", "Vụ Bản", "2023-02-28"
        )
    return Issuer(
        "ỦY BAN NHÂN DÂN\nHUYỆN VỤ BẢN",
        "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH",
        "Số: 45/BC-UBND",
        "Vụ Bản",
        "2023-02-28",
    )


def _part_a() -> Section:
    body = [
        Paragraph("Thực hiện Chương trình công tác năm 2023, kết quả như sau:"),
        Paragraph(
            "Kết nạp 21 đảng viên theo đúng quy định, đúng quy trình.",
            bullet=True,
            footnotes=["a"],
            anchors=[len("Kết nạp 21 đảng viên theo đúng quy định, đúng quy trình")],
            emphasis=[Emphasis(0, 7, "italic")],
        ),
        Paragraph(LONG, bullet=True),
        Paragraph(LONG, bullet=True, footnotes=["b"], anchors=[20]),
    ]
    points = [
        Section("a", "Công tác tuyên giáo", delim=")", paragraphs=[Paragraph("Đã triển khai.")]),
    ]
    return Section(
        "A",
        "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 2",
        sections=[
            Section(
                "I",
                "Công tác xây dựng Đảng",
                sections=[
                    Section("1", "Công tác tổ chức", paragraphs=body),
                    Section(
                        "2",
                        "Công tác kiểm tra, giám sát",
                        paragraphs=[Paragraph("Kiểm tra 03 tổ chức đảng.", bullet=True)],
                        sections=points,
                    ),
                ],
            ),
            Section(
                "II",
                "Phát triển kinh tế - xã hội",
                paragraphs=[Paragraph("Tổng thu ngân sách đạt 101,929 tỷ đồng.", bullet=True)],
            ),
            Section(
                "*",
                "Một số hạn chế, yếu kém",
                delim="",
                paragraphs=[Paragraph("Còn chậm.", bullet=True)],
            ),
        ],
    )


def make_report(style: str) -> Document:
    """A small report in the given style: parts, sections, points, bullets, two footnotes."""
    party = style == "party"
    signature = (
        Signature("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Bùi Ánh Nguyệt")
        if party
        else Signature("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Nguyễn Văn A")
    )
    return Document(
        subtitle="Kết quả thực hiện công tác tháng 2,\nnhiệm vụ trọng tâm tháng 3 năm 2023",
        issuer=_issuer(party),
        sections=[
            _part_a(),
            Section(
                "B",
                "NHIỆM VỤ TRỌNG TÂM THÁNG 3",
                paragraphs=[Paragraph("Tiếp tục thực hiện các nhiệm vụ.", bullet=True)],
            ),
        ],
        closing=[Paragraph("Trên đây là báo cáo kết quả tháng 2./.")],
        footnotes=[Footnote("a", "Điều động 04 công chức."), Footnote("b", "Bao gồm: 41 hồ sơ.")],
        recipients=["Thường trực Huyện ủy,", "Lưu VT."],
        signature=signature,
    )


@dataclass
class Rendered:
    """A rendered report: its model, file, python-docx view and parsed XML parts."""

    style: str
    doc: Document
    path: Path
    word: docx.document.Document
    parts: dict[str, etree._Element]

    @property
    def body(self) -> list[etree._Element]:
        return [c for c in self.word.element.body if c.tag in (W + "p", W + "tbl")]


def render(doc: Document, path: Path, **kwargs: object) -> Rendered:
    """Write `doc` to `path` and open the result every way the tests need."""
    write_docx(doc, path, **kwargs)  # type: ignore[arg-type]
    with zipfile.ZipFile(path) as z:
        parts = {n: etree.fromstring(z.read(n)) for n in z.namelist() if n.endswith(".xml")}
    style = str(kwargs.get("style") or infer_style(doc))
    return Rendered(style, doc, path, docx.Document(str(path)), parts)


@pytest.fixture(scope="session")
def party(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    return render(make_report("party"), tmp_path_factory.mktemp("party") / "party.docx")


@pytest.fixture(scope="session")
def state(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    return render(make_report("state"), tmp_path_factory.mktemp("state") / "state.docx")


@pytest.fixture(scope="session", params=["party", "state"])
def either(request: pytest.FixtureRequest) -> Rendered:
    """Each of the two renderings in turn, for rules that hold in both layouts."""
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="session", params=["party", "state"])
def rendered(request, tmp_path_factory):
    """(style, model, path, python-docx Document) of a rendered report."""
    style = request.param
    doc = make_report(style)
    path = tmp_path_factory.mktemp(style) / f"{style}.docx"
    write_docx(doc, path)
    return style, doc, path, docx.Document(str(path))


def to_pdf(source: Path) -> Path:
    """Convert with a real LibreOffice: private profile per call, 60 s limit, PDF must exist."""
    profile = Path(f"/tmp/lo-{uuid.uuid4().hex}")
    try:
        _soffice(source, profile)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = source.with_suffix(".pdf")
    assert pdf.exists(), "LibreOffice exited without writing the PDF"
    return pdf


def _soffice(source: Path, profile: Path) -> None:
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(source.parent),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
