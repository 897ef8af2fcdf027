"""The official PDF: the .docx in the official layout, rendered by LibreOffice."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from baocao.document.atomic import atomic_path
from baocao.document.convert import convert
from baocao.document.model import Document


def write_pdf(
    doc: Document, path: str | Path, *, style: str | None = None, template: Path | None = None
) -> None:
    """Write `doc` as PDF at `path` (atomically)."""
    from baocao.document.writers.docx import write_docx

    work = Path(tempfile.mkdtemp(prefix="baocao-pdf-"))
    try:
        source = work / "baocao.docx"
        write_docx(doc, source, style=style, template=template)
        _publish(convert(source, "pdf", work), Path(path))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def docx_to_pdf(docx_path: str | Path, pdf_path: str | Path) -> None:
    """Convert an existing .docx to PDF at `pdf_path` (atomically)."""
    work = Path(tempfile.mkdtemp(prefix="baocao-pdf-"))
    try:
        _publish(convert(Path(docx_path), "pdf", work), Path(pdf_path))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _publish(produced: Path, target: Path) -> None:
    with atomic_path(target) as tmp:
        shutil.copyfile(produced, tmp)
