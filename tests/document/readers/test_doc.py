""".doc reader: a Word 97-2003 file saved by LibreOffice reads like the .docx it came from."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from baocao.document.convert import convert
from baocao.document.errors import DocumentError
from baocao.document.readers.doc import OLE_MAGIC, read_doc
from baocao.document.readers.docx import read_docx

MARKDOWN = """\
Thực hiện Chương trình công tác năm 2023, Huyện ủy đã **chỉ đạo quyết liệt** các cơ sở đảng
hoàn thành nhiệm vụ trọng tâm[^1] và *tập trung nguồn lực* cho công tác xây dựng Đảng.

- Kết nạp 21 đảng viên mới, đạt 105% kế hoạch năm[^2].
- Xét công nhận đảng viên chính thức cho 18 đồng chí.

[^1]: Gồm 04 nhiệm vụ theo Kế hoạch số 12-KH/HU.
[^2]: Trong đó 12 đảng viên là đoàn viên thanh niên.
"""


@pytest.fixture(scope="module")
def docx_path(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("doc")
    (work / "bc.md").write_text(MARKDOWN, encoding="utf-8")
    subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "-o", "bc.docx", "bc.md"],
                   cwd=work, check=True)  # fmt: skip
    return work / "bc.docx"


@pytest.fixture(scope="module")
def doc_path(docx_path) -> Path:
    return convert(docx_path, "doc", docx_path.parent / "legacy")


@pytest.fixture(scope="module")
def legacy(doc_path):
    return read_doc(doc_path)


@pytest.mark.libreoffice
def test_a_doc_file_is_word_97_and_reads_like_its_docx(docx_path, doc_path, legacy):
    assert doc_path.read_bytes().startswith(OLE_MAGIC)
    assert legacy.to_dict() == read_docx(docx_path).to_dict()


@pytest.mark.libreoffice
def test_footnotes_and_emphasis_survive_the_conversion(legacy):
    doc = legacy
    first = doc.iter_paragraphs()[0]
    assert [f.text for f in doc.footnotes] == [
        "Gồm 04 nhiệm vụ theo Kế hoạch số 12-KH/HU.",
        "Trong đó 12 đảng viên là đoàn viên thanh niên.",
    ]
    assert first.text[: first.anchors[0]].endswith("nhiệm vụ trọng tâm")
    kinds = {(first.text[e.start : e.end], e.kind) for e in first.emphasis}
    assert kinds == {("chỉ đạo quyết liệt", "bold"), ("tập trung nguồn lực", "italic")}


@pytest.mark.libreoffice
def test_a_damaged_doc_is_refused_naming_the_users_file(doc_path, tmp_path):
    broken = tmp_path / "hỏng.doc"
    broken.write_bytes(doc_path.read_bytes()[:4096])
    with pytest.raises(DocumentError, match="LibreOffice không tạo được") as err:
        read_doc(broken)
    assert err.value.path == str(broken)


def test_a_docx_named_doc_is_read_as_docx(docx_path, tmp_path):
    renamed = tmp_path / "bc.doc"
    shutil.copyfile(docx_path, renamed)
    assert read_doc(renamed).to_dict() == read_docx(docx_path).to_dict()


def test_a_file_that_is_no_word_document_is_refused(tmp_path):
    path = tmp_path / "x.doc"
    path.write_text("Báo cáo kết quả tháng 2", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"không phải tệp Word \.doc"):
        read_doc(path)
