"""Conversions through LibreOffice: .docx → .pdf, .doc → .docx.

A warm server (unoserver, see scripts/unoserver.sh) is used when one answers on
BAOCAO_UNOSERVER (default 127.0.0.1:2003); otherwise a one-off `soffice --convert-to` runs with
its own profile directory, since concurrent calls sharing a profile fail silently. Either way a
timeout bounds the call and the output file must exist and be non-empty.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

from baocao.document.errors import DocumentError

ROOT = Path(__file__).resolve().parents[3]
_FILTERS = {"doc": "MS Word 97", "docx": "MS Word 2007 XML", "pdf": "writer_pdf_Export"}


def unoserver_address() -> tuple[str, int]:
    host, _, port = os.environ.get("BAOCAO_UNOSERVER", "127.0.0.1:2003").rpartition(":")
    return host or "127.0.0.1", int(port)


def unoserver_running() -> bool:
    host, port = unoserver_address()
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False


def _unoconvert() -> str | None:
    explicit = os.environ.get("BAOCAO_UNOCONVERT")
    candidates = [explicit] if explicit else []
    candidates += [str(ROOT / ".venv-uno" / "bin" / "unoconvert"), shutil.which("unoconvert")]
    return next((c for c in candidates if c and Path(c).exists()), None)


def convert(src: Path, fmt: str, out_dir: Path, *, timeout: float = 60) -> Path:
    """Convert `src` to `fmt` ("pdf", "docx") in `out_dir`; returns the new file's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{src.stem}.{fmt}"
    client = _unoconvert() if unoserver_running() else None
    if client:
        host, port = unoserver_address()
        cmd = [client, "--host", host, "--port", str(port), "--convert-to", fmt]
        if fmt in _FILTERS:  # unoconvert guessed "writer_Mac_Word" for .doc
            cmd += ["--filter", _FILTERS[fmt]]
        cmd += [str(src), str(target)]
        _run(cmd, src, timeout)
    else:
        _soffice(src, fmt, out_dir, timeout)
    if not target.exists() or target.stat().st_size == 0:
        raise DocumentError(
            src, f"LibreOffice không tạo được tệp .{fmt}", f"LibreOffice produced no .{fmt} file"
        )
    return target


def _soffice(src: Path, fmt: str, out_dir: Path, timeout: float) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise DocumentError(
            src,
            "chưa cài LibreOffice (gói Debian libreoffice-writer-nogui)",
            "LibreOffice is not installed (Debian package libreoffice-writer-nogui)",
        )
    profile = Path(tempfile.gettempdir()) / f"baocao-lo-{uuid.uuid4().hex}"
    cmd = [
        soffice,
        "--headless",
        "--norestore",
        f"-env:UserInstallation={profile.as_uri()}",
        "--convert-to",
        fmt,
        "--outdir",
        str(out_dir),
        str(src),
    ]
    try:
        _run(cmd, src, timeout)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _run(cmd: list[str], src: Path, timeout: float) -> None:
    try:
        subprocess.run(cmd, check=True, timeout=timeout, capture_output=True)
    except subprocess.TimeoutExpired:
        raise DocumentError(
            src,
            f"LibreOffice quá {timeout:.0f} giây chưa chuyển xong",
            f"LibreOffice timed out after {timeout:.0f} s",
        ) from None
    except subprocess.CalledProcessError as exc:
        detail = exc.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
        raise DocumentError(
            src, f"LibreOffice báo lỗi: {detail[0]}", f"LibreOffice failed: {detail[0]}"
        ) from None
