"""Reader for Word 97-2003 .doc files: LibreOffice converts them to .docx, which we then read.

Files named .doc are often something else: a .docx renamed (read directly) or RTF (which
LibreOffice converts the same way). Anything else is refused before LibreOffice sees it.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from baocao.document.convert import convert
from baocao.document.errors import DocumentError
from baocao.document.model import Document

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_doc(path: str | Path) -> Document:
    """Read a .doc report (footnotes survive LibreOffice's conversion to .docx)."""
    from baocao.document.readers.docx import read_docx

    path = Path(path)
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise DocumentError(path, f"không mở được tệp: {exc}", f"cannot open: {exc}") from None
    if head.startswith(b"PK"):
        return read_docx(path)
    if not head.startswith((OLE_MAGIC, b"{\\rtf")):
        raise DocumentError(
            path, "không phải tệp Word .doc (Word 97-2003)", "not a Word 97-2003 .doc file"
        )
    work = Path(tempfile.mkdtemp(prefix="baocao-doc-"))
    try:
        # A plain ASCII name: LibreOffice names its output after the source.
        source = work / ("source.rtf" if head.startswith(b"{\\rtf") else "source.doc")
        shutil.copyfile(path, source)
        try:
            return read_docx(convert(source, "docx", work / "out"))
        except DocumentError as exc:  # name the user's file, not our temporary copy
            raise DocumentError(path, exc.message, exc.message_en) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
