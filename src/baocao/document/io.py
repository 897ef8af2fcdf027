"""Read any supported report file, write any supported output: format chosen by content."""

from __future__ import annotations

from pathlib import Path

from baocao.document.errors import DocumentError
from baocao.document.model import Document

READ_FORMATS = (".txt", ".md", ".docx", ".pdf", ".doc", ".html", ".htm")
WRITE_FORMATS = (".docx", ".pdf", ".html", ".md", ".json", ".txt")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def detect_format(path: Path) -> str:
    """'docx', 'pdf', 'doc', 'encrypted', 'html' or 'text', from the bytes first, then the name."""
    with path.open("rb") as f:
        head = f.read(8)
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(_OLE):
        # Word encrypts a password-protected .docx into an OLE file with an EncryptedPackage.
        data = path.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in data:
            return "encrypted"
        return "doc"
    if suffix in (".html", ".htm"):
        return "html"
    if suffix in (".docx", ".pdf", ".doc"):
        return "broken"
    return "text"


def read_document(path: str | Path) -> Document:
    """Read a report file of any supported format into the model."""
    p = Path(path)
    if not p.exists():
        raise DocumentError(p, "không tìm thấy tệp", "file not found")
    if p.is_dir():
        raise DocumentError(p, "đây là một thư mục, không phải tệp", "is a directory, not a file")
    suffix = p.suffix.lower()
    if suffix and suffix not in READ_FORMATS:
        raise DocumentError(
            p,
            f"không đọc được định dạng {suffix}; hỗ trợ: {', '.join(READ_FORMATS)}",
            f"unsupported format {suffix}; supported: {', '.join(READ_FORMATS)}",
        )
    kind = detect_format(p)
    if kind == "encrypted":
        raise DocumentError(
            p,
            "tệp được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi nhập lại",
            "the file is password-protected; remove the password and import again",
        )
    if kind == "broken":
        raise DocumentError(
            p,
            f"tệp không phải {suffix} hợp lệ (bị hỏng hoặc sai phần mở rộng)",
            f"not a valid {suffix} file (corrupt or misnamed)",
        )
    return _reader(kind)(p)


def _reader(kind: str):
    if kind == "docx":
        from baocao.document.readers.docx import read_docx

        return read_docx
    if kind == "pdf":
        from baocao.document.readers.pdf import read_pdf

        return read_pdf
    if kind == "doc":
        from baocao.document.readers.doc import read_doc

        return read_doc
    if kind == "html":
        from baocao.document.readers.html import read_html

        return read_html
    from baocao.document.readers.text import read_text

    return read_text


def write_document(
    doc: Document, path: str | Path, *, style: str | None = None, template: Path | None = None
) -> None:
    """Write `doc` to `path` in the format its suffix names (atomically)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in WRITE_FORMATS:
        raise DocumentError(
            p,
            f"không ghi được định dạng {suffix or '(không có phần mở rộng)'}; "
            f"hỗ trợ: {', '.join(WRITE_FORMATS)}",
            f"cannot write {suffix or '(no extension)'}; supported: {', '.join(WRITE_FORMATS)}",
        )
    if style is not None and style not in ("party", "state"):
        raise DocumentError(
            None,
            f"kiểu trình bày không hợp lệ: {style} (party|state)",
            f"invalid style: {style} (party|state)",
        )
    if suffix == ".docx":
        from baocao.document.writers.docx import write_docx

        write_docx(doc, p, style=style, template=template)  # type: ignore[arg-type]
    elif suffix == ".pdf":
        from baocao.document.writers.pdf import write_pdf

        write_pdf(doc, p, style=style, template=template)
    elif suffix == ".html":
        from baocao.document.writers.html import write_html

        write_html(doc, p, style=style)
    elif suffix == ".md":
        from baocao.document.writers.md import write_md

        write_md(doc, p, style=style)
    else:
        from baocao.document.atomic import write_text_atomic

        write_text_atomic(p, to_text(doc, "json" if suffix == ".json" else "text"))


def to_text(doc: Document, fmt: str) -> str:
    """The document as JSON, canonical text or Markdown (what `baocao import` prints)."""
    if fmt == "json":
        import json

        return json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        from baocao.document.writers.md import render_md

        return render_md(doc)
    from baocao.document.canonical import canonical_text

    return canonical_text(doc) + "\n"
