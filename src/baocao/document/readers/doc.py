"""Reader for Word 97-2003 .doc files: LibreOffice converts them to .docx, which we then read."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from baocao.document.convert import convert
from baocao.document.model import Document


def read_doc(path: str | Path) -> Document:
    """Read a .doc report (footnotes survive LibreOffice's conversion)."""
    from baocao.document.readers.docx import read_docx

    work = Path(tempfile.mkdtemp(prefix="baocao-doc-"))
    try:
        source = work / "source.doc"
        shutil.copyfile(path, source)
        return read_docx(convert(source, "docx", work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
