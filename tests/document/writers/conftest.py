"""Documents built from the model, and their .docx renderings, shared by the writer tests."""

from __future__ import annotations

import docx
import pytest

from baocao.document.model import (
    Document,
    Emphasis,
    Footnote,
    Issuer,
    Paragraph,
    Section,
    Signature,
)
from baocao.document.writers.docx import write_docx


def make_report(style: str) -> Document:
    party = style == "party"
    issuer = (
        Issuer("HUYỆN ỦY VỤ BẢN", "ĐẢNG BỘ TỈNH NAM ĐỊNH", "Số 45-BC/HU", "Vụ Bản", "2023-02-28")
        if party
        else Issuer(
            "ỦY BAN NHÂN DÂN\nHUYỆN VỤ BẢN",
            "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH",
            "Số: 45/BC-UBND",
            "Vụ Bản",
            "2023-02-28",
        )
    )
    signature = (
        Signature("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Bùi Ánh Nguyệt")
        if party
        else Signature("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Nguyễn Văn A")
    )
    long = "Nội dung báo cáo chi tiết về kết quả thực hiện nhiệm vụ trong kỳ. " * 12
    body = [
        Paragraph("Thực hiện Chương trình công tác năm 2023, kết quả như sau:"),
        Paragraph(
            "Kết nạp 21 đảng viên theo đúng quy định, đúng quy trình.",
            bullet=True,
            footnotes=["a"],
            anchors=[len("Kết nạp 21 đảng viên theo đúng quy định, đúng quy trình")],
            emphasis=[Emphasis(0, 7, "italic")],
        ),
        Paragraph(long, bullet=True),
        Paragraph(long, bullet=True, footnotes=["b"], anchors=[20]),
    ]
    return Document(
        subtitle="Kết quả thực hiện công tác tháng 2,\nnhiệm vụ trọng tâm tháng 3 năm 2023",
        issuer=issuer,
        sections=[
            Section(
                "A",
                "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 2",
                sections=[
                    Section(
                        "I",
                        "Công tác xây dựng Đảng",
                        sections=[
                            Section("1", "Công tác tổ chức", paragraphs=body),
                        ],
                    ),
                    Section(
                        "*",
                        "Một số hạn chế, yếu kém",
                        delim="",
                        paragraphs=[Paragraph("Còn chậm.", bullet=True)],
                    ),
                ],
            ),
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


@pytest.fixture(scope="session", params=["party", "state"])
def rendered(request, tmp_path_factory):
    """(style, model, path, python-docx Document) of a rendered report."""
    style = request.param
    doc = make_report(style)
    path = tmp_path_factory.mktemp(style) / f"{style}.docx"
    write_docx(doc, path)
    return style, doc, path, docx.Document(str(path))
