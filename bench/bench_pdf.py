"""PDF speed: a warm conversion (unoserver) against a cold `soffice --convert-to pdf`, one run.

scripts/unoserver.sh start && .venv/bin/python bench/bench_pdf.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_ms, row

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "huyen-uy-vu-ban-2023-02.txt"


def main() -> None:
    from baocao.document import convert as conv
    from baocao.document.readers.text import read_text
    from baocao.document.writers.docx import write_docx

    work = Path(tempfile.mkdtemp())
    source = work / "sample.docx"
    write_docx(read_text(SAMPLE), source)
    if not conv.unoserver_running():
        sys.exit("start the warm server first: scripts/unoserver.sh start")
    warm = median_ms(lambda: conv.convert(source, "pdf", work / "warm"), runs=10, warmup=2)
    os.environ["BAOCAO_UNOSERVER"] = "127.0.0.1:1"  # nothing listens there: one-off soffice
    cold = median_ms(lambda: conv.convert(source, "pdf", work / "cold"), runs=5, warmup=1)
    print(row("cold soffice --convert-to pdf (peer)", cold))
    print(row("warm unoserver conversion (bound: 3× faster)", warm, cold))


if __name__ == "__main__":
    main()
