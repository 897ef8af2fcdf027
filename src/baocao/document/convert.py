"""Conversions through LibreOffice: .docx → .pdf, .doc → .docx, .docx → .doc.

A warm server (unoserver, see scripts/unoserver.sh) is used when one answers on
BAOCAO_UNOSERVER (default 127.0.0.1:2003); otherwise a one-off `soffice --convert-to` runs with
its own profile directory, since concurrent calls sharing a profile fail silently. Either way a
timeout bounds the call (a broken server makes calls hang) and the output file must exist and
be non-empty (LibreOffice exits 0 without output when it cannot load a file). A warm conversion
that fails is retried once the one-off way, so a sick server slows rendering but never stops it.
The warm server must be unoserver 3.7 (scripts/unoserver.sh installs it in .venv-uno, on the
Debian Python that has LibreOffice's `uno` module); we speak its XML-RPC API directly.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import uuid
import xmlrpc.client
from pathlib import Path

from baocao.document.errors import DocumentError

DEFAULT_UNOSERVER = "127.0.0.1:2003"
# unoconvert guesses the export filter from the extension, and guessed "writer_Mac_Word" for .doc
_FILTERS = {"doc": "MS Word 97", "docx": "MS Word 2007 XML", "pdf": "writer_pdf_Export"}
_WRITER_SOURCES = (".doc", ".docx", ".odt", ".rtf", ".txt", ".html")
_NO_SOFFICE = (
    "chưa cài LibreOffice (cài gói Debian libreoffice-writer-nogui)",
    "LibreOffice is not installed (install the Debian package libreoffice-writer-nogui)",
)


def unoserver_address() -> tuple[str, int]:
    """Host and port of the warm server, from BAOCAO_UNOSERVER ("host:port")."""
    value = os.environ.get("BAOCAO_UNOSERVER") or DEFAULT_UNOSERVER
    host, _, port = value.rpartition(":")
    try:
        return host or "127.0.0.1", int(port)
    except ValueError:
        raise DocumentError(
            None,
            f"BAOCAO_UNOSERVER phải có dạng máy:cổng, không phải {value!r}",
            f"BAOCAO_UNOSERVER must be host:port, not {value!r}",
        ) from None


def unoserver_running() -> bool:
    """True when something accepts connections on the warm server's port (0.2 s at most)."""
    host, port = unoserver_address()
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False


def convert(src: Path, fmt: str, out_dir: Path, *, timeout: float = 60) -> Path:
    """Convert `src` to `fmt` ("pdf", "docx", "doc") in `out_dir`; return the new file's path.

    `fmt` may name a filter with options as soffice takes them
    ("pdf:writer_pdf_Export:{...}"); such a call always runs the one-off way.
    Raises DocumentError when LibreOffice is missing, fails, times out or writes nothing.
    """
    src = Path(src)
    if not src.is_file():
        raise DocumentError(src, "không tìm thấy tệp", "file not found")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    ext = fmt.split(":", 1)[0]
    target = out_dir / f"{src.stem}.{ext}"
    target.unlink(missing_ok=True)  # a stale file must not pass for this call's output
    warm = ext == fmt and unoserver_running() and _warm_ready()
    if warm:
        try:
            _warm(src, fmt, target, timeout)
        except DocumentError:
            target.unlink(missing_ok=True)
    detail = "" if _produced(target) else _soffice(src, fmt, out_dir, timeout)
    if not _produced(target):
        why = f": {detail}" if detail else ""
        raise DocumentError(
            src,
            f"LibreOffice không tạo được tệp .{ext} (tệp hỏng hoặc có mật khẩu?){why}",
            f"LibreOffice produced no .{ext} file (damaged or password-protected?){why}",
        )
    return target


def _produced(target: Path) -> bool:
    return target.is_file() and target.stat().st_size > 0


class _Transport(xmlrpc.client.Transport):
    """XML-RPC over HTTP with a socket timeout (the standard transport waits for ever)."""

    def __init__(self, timeout: float) -> None:
        super().__init__()
        self.timeout = timeout

    def make_connection(self, host: object) -> http.client.HTTPConnection:
        conn = super().make_connection(host)  # type: ignore[arg-type]
        conn.timeout = self.timeout
        return conn


def _proxy(timeout: float) -> xmlrpc.client.ServerProxy:
    host, port = unoserver_address()
    return xmlrpc.client.ServerProxy(
        f"http://{host}:{port}", allow_none=True, transport=_Transport(timeout)
    )


def _warm_ready() -> bool:
    """True when the server on the port answers as unoserver does (well under 1 ms)."""
    try:
        methods = _proxy(2.0).system.listMethods()
    except (OSError, xmlrpc.client.Error, http.client.HTTPException):
        return False
    return isinstance(methods, list) and "convert" in methods


def _warm(src: Path, fmt: str, target: Path, timeout: float) -> None:
    """Convert through unoserver's XML-RPC `convert` (API 3 of unoserver 3.7).

    Called directly rather than through its `unoconvert` command: that command costs a Python
    start per call (170 ms against 85 ms measured on a one-page .docx) and retries a dropped
    connection for 40 s. A local server reads and writes the paths itself; a remote one gets
    the bytes.
    """
    host, _ = unoserver_address()
    filtername = _FILTERS.get(fmt) if src.suffix.lower() in _WRITER_SOURCES else None
    proxy = _proxy(timeout)
    try:
        if host in ("127.0.0.1", "localhost", "::1"):
            proxy.convert(str(src.resolve()), None, str(target.resolve()), fmt, filtername)
        else:
            data = proxy.convert(
                None, xmlrpc.client.Binary(src.read_bytes()), None, fmt, filtername
            )
            target.write_bytes(data.data)
    except TimeoutError:
        raise DocumentError(
            src, f"unoserver quá {timeout:g} giây chưa chuyển xong", "unoserver timed out"
        ) from None
    except (OSError, xmlrpc.client.Error, http.client.HTTPException) as exc:
        raise DocumentError(src, f"unoserver báo lỗi: {exc}", f"unoserver failed: {exc}") from None


def _soffice(src: Path, fmt: str, out_dir: Path, timeout: float) -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise DocumentError(src, *_NO_SOFFICE)
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
        return _run(cmd, src, timeout)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _run(cmd: list[str], src: Path, timeout: float) -> str:
    """Run a LibreOffice command; return the last line it printed (its reason when it fails)."""
    try:
        # Its own process group: on timeout soffice.bin (a grandchild) must die with the wrapper.
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
        )
    except FileNotFoundError:
        raise DocumentError(src, *_NO_SOFFICE) from None
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise DocumentError(
            src,
            f"LibreOffice quá {timeout:g} giây chưa chuyển xong",
            f"LibreOffice timed out after {timeout:g} s",
        ) from None
    lines = (err + out).decode(errors="replace").strip().splitlines()
    detail = lines[-1].strip() if lines else ""
    if proc.returncode != 0:
        raise DocumentError(src, f"LibreOffice báo lỗi: {detail}", f"LibreOffice failed: {detail}")
    return detail
