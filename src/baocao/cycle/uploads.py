"""An uploaded file read into the model, with one clear message when it cannot be."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from baocao.document.errors import DocumentError
from baocao.document.io import READ_FORMATS, read_document
from baocao.document.model import Document


class UploadError(Exception):
    pass


def read_upload(upload: UploadedFile) -> tuple[Document, bytes]:
    """The document in an uploaded file and the file's bytes; `UploadError` in Vietnamese."""
    name = Path(upload.name or "tep").name
    suffix = Path(name).suffix.lower()
    if suffix not in READ_FORMATS:
        raise UploadError(
            _("Không đọc được tệp %(name)s: hãy tải lên .docx, .doc, .pdf, .txt hoặc .md.")
            % {"name": suffix or name}
        )
    data = upload.read()
    if not data:
        raise UploadError(_("Tệp rỗng."))
    with tempfile.TemporaryDirectory(prefix="baocao-upload-") as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            doc = read_document(path)
        except DocumentError as err:
            raise UploadError(
                _("Không đọc được %(name)s: %(error)s") % {"name": name, "error": err.message}
            ) from None
        except Exception:  # a reader tripping on a damaged file must not become a 500
            raise UploadError(
                _("Không đọc được %(name)s: tệp bị hỏng hoặc không đúng định dạng.")
                % {"name": name}
            ) from None
    return doc, data
