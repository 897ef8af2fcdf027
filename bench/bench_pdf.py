"""PDF speed: N warm conversions (unoserver) against N cold `soffice --convert-to pdf`, one run.

.venv/bin/python bench/bench_pdf.py [N]

Both convert the same .docx (the sample report in the official layout) through
`baocao.document.convert.convert`. A warm server already listening on BAOCAO_UNOSERVER is used;
otherwise the benchmark starts one on free ports with scripts/unoserver.sh and stops it after.
Bound: warm at least 3× faster than cold.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_ms, row

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "huyen-uy-vu-ban-2023-02.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def warm_server() -> Iterator[None]:
    """The running server, or one of our own for the length of the benchmark."""
    from baocao.document.convert import unoserver_running

    if unoserver_running():
        yield
        return
    port = _free_port()
    profile = tempfile.mkdtemp(prefix="baocao-bench-uno-")
    env = {
        **os.environ,
        "BAOCAO_UNOSERVER_PORT": str(port),
        "BAOCAO_UNO_PORT": str(_free_port()),
        "BAOCAO_UNOSERVER_PROFILE": profile,
    }
    script = [str(ROOT / "scripts" / "unoserver.sh")]
    subprocess.run(["bash", *script, "start"], env=env, check=True, timeout=300)
    os.environ["BAOCAO_UNOSERVER"] = f"127.0.0.1:{port}"
    try:
        yield
    finally:
        subprocess.run(["bash", *script, "stop"], env=env, check=True, timeout=60)
        shutil.rmtree(profile, ignore_errors=True)


def main() -> None:
    from baocao.document import convert as conv
    from baocao.document.readers.text import read_text
    from baocao.document.writers.docx import write_docx

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    work = Path(tempfile.mkdtemp())
    source = work / "sample.docx"
    write_docx(read_text(SAMPLE), source)
    with warm_server():
        warm = median_ms(lambda: conv.convert(source, "pdf", work / "warm"), runs=n, warmup=2)
    os.environ["BAOCAO_UNOSERVER"] = "127.0.0.1:1"  # nothing listens there: one-off soffice
    cold = median_ms(lambda: conv.convert(source, "pdf", work / "cold"), runs=n, warmup=1)
    print(f"PDF conversion of {source.name} ({source.stat().st_size // 1024} KiB), median of {n}")
    print(row("cold soffice --convert-to pdf (peer)", cold))
    print(row("warm unoserver conversion (bound: ≤ 0.33×)", warm, cold))
    print(f"warm is {cold / warm:.1f}× faster")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
