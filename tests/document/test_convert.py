"""LibreOffice conversions: one-off with private profiles (also in parallel), warm unoserver,
and the failures: LibreOffice missing, a file it cannot load, a timeout, a broken server."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from baocao.document import convert as conv
from baocao.document.errors import DocumentError
from baocao.document.readers.text import read_text
from baocao.document.writers.docx import write_docx
from tests.conftest import ROOT, SAMPLE

pytestmark = pytest.mark.libreoffice
NOBODY = "127.0.0.1:1"  # nothing listens there: the one-off path


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("src") / "sample.docx"
    write_docx(read_text(SAMPLE), path)
    return path


def test_two_one_off_conversions_in_parallel_both_succeed(source, tmp_path, monkeypatch):
    monkeypatch.setenv("BAOCAO_UNOSERVER", NOBODY)
    with ThreadPoolExecutor(2) as pool:
        outs = list(pool.map(lambda d: conv.convert(source, "pdf", tmp_path / d), ["a", "b"]))
    assert all(p.exists() and p.read_bytes().startswith(b"%PDF") for p in outs)
    assert outs[0].stat().st_size > 10_000 and outs[1].stat().st_size > 10_000


def test_missing_libreoffice_names_the_debian_package(source, tmp_path, monkeypatch):
    monkeypatch.setenv("BAOCAO_UNOSERVER", NOBODY)
    monkeypatch.setenv("PATH", str(tmp_path))  # the outer edge: no soffice on PATH
    with pytest.raises(DocumentError, match="libreoffice-writer-nogui"):
        conv.convert(source, "pdf", tmp_path)


def test_a_file_libreoffice_cannot_load_is_an_error_not_a_stale_output(tmp_path, monkeypatch):
    # soffice exits 0 for it, printing "source file could not be loaded".
    monkeypatch.setenv("BAOCAO_UNOSERVER", NOBODY)
    bad = tmp_path / "bc.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "bc.pdf").write_bytes(b"%PDF old output of another call")
    with pytest.raises(DocumentError, match="could not be loaded"):
        conv.convert(bad, "pdf", tmp_path / "out")
    assert not (tmp_path / "out" / "bc.pdf").exists()


def test_a_conversion_over_its_time_limit_is_stopped(source, tmp_path, monkeypatch):
    monkeypatch.setenv("BAOCAO_UNOSERVER", NOBODY)
    with pytest.raises(DocumentError, match=r"quá 0\.2 giây"):
        conv.convert(source, "pdf", tmp_path, timeout=0.2)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def warm_server(tmp_path_factory):
    """A unoserver of our own on free ports, started and stopped by scripts/unoserver.sh."""
    port, uno_port = free_port(), free_port()
    env = {
        **os.environ,
        "BAOCAO_UNOSERVER_PORT": str(port),
        "BAOCAO_UNO_PORT": str(uno_port),
        "BAOCAO_UNOSERVER_PROFILE": str(tmp_path_factory.mktemp("uno-profile")),
    }
    script = ROOT / "scripts" / "unoserver.sh"
    started = subprocess.run(
        ["bash", str(script), "start"], env=env, timeout=300, capture_output=True, text=True
    )
    if started.returncode != 0:
        pytest.skip(f"unoserver could not be set up in .venv-uno: {started.stderr.strip()}")
    yield f"127.0.0.1:{port}", Path(f"/tmp/baocao-unoserver-{port}.log")
    subprocess.run(["bash", str(script), "stop"], check=True, env=env, timeout=60)


def test_a_warm_server_converts_when_it_answers(warm_server, source, tmp_path, monkeypatch):
    address, log = warm_server
    monkeypatch.setenv("BAOCAO_UNOSERVER", address)
    assert conv.unoserver_running()
    out = conv.convert(source, "pdf", tmp_path)
    assert out.read_bytes().startswith(b"%PDF")
    assert str(out) in log.read_text()  # the server wrote it, not a one-off soffice


def test_a_warm_server_writes_word_97_for_doc(warm_server, source, tmp_path, monkeypatch):
    monkeypatch.setenv("BAOCAO_UNOSERVER", warm_server[0])
    out = conv.convert(source, "doc", tmp_path)
    assert out.read_bytes().startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


@pytest.fixture
def broken_server():
    """Something that accepts connections on the port and hangs up at once."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                listener.accept()[0].close()
            except TimeoutError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join()
    listener.close()


def test_a_broken_warm_server_falls_back_to_a_one_off_conversion(
    broken_server, source, tmp_path, monkeypatch
):
    monkeypatch.setenv("BAOCAO_UNOSERVER", broken_server)
    assert conv.unoserver_running()
    out = conv.convert(source, "pdf", tmp_path)
    assert out.read_bytes().startswith(b"%PDF")
