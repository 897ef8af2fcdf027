"""Bad input of every kind: one clear DocumentError, never another exception."""

from __future__ import annotations

import subprocess
import zipfile

import pytest

from baocao.document.errors import DocumentError
from baocao.document.io import read_document, write_document
from baocao.document.readers.docx import read_docx
from baocao.document.readers.text import read_text
from tests.conftest import SAMPLE


def test_a_zip_bomb_is_refused_before_parsing(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<a/>")
        z.writestr("word/padding.bin", b"\0" * (3 * 1024 * 1024))
    with pytest.raises(DocumentError, match="vượt giới hạn"):
        read_docx(bomb, max_size=2 * 1024 * 1024)


def test_a_zip_without_a_document_part_is_refused(tmp_path):
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(DocumentError, match=r"word/document\.xml"):
        read_document(path)


def test_a_password_protected_docx_is_named_as_such(tmp_path):
    # Word stores an encrypted .docx as an OLE file with an "EncryptedPackage" stream.
    path = tmp_path / "secret.docx"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    path.write_bytes(header + "EncryptedPackage".encode("utf-16-le") + b"\0" * 1000)
    with pytest.raises(DocumentError, match="mật khẩu"):
        read_document(path)


@pytest.mark.libreoffice
def test_a_scanned_pdf_asks_for_ocr(tmp_path):
    from PIL import Image

    write_document(read_text(SAMPLE), tmp_path / "bc.pdf")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "40",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "bc.pdf"),
            str(tmp_path / "scan"),
        ],
        check=True,
    )
    png = next(tmp_path.glob("scan*.png"))
    scanned = tmp_path / "scanned.pdf"
    Image.open(png).convert("RGB").save(scanned)  # an image-only PDF, like a scanner's
    with pytest.raises(DocumentError, match="không có lớp chữ"):
        read_document(scanned)


def test_a_truncated_pdf_is_refused(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<<")
    with pytest.raises(DocumentError):
        read_document(path)
