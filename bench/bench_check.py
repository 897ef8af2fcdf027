"""Checker speed: the sample, and 30 KB / 300 KB / 3 MB of report text (cost must be linear).

    .venv/bin/python bench/bench_check.py

The larger inputs repeat the sample's body (sections renumbered copies), so every rule has the
same work per kilobyte; the bound for linearity is time per KB staying within 2× of the 30 KB
figure.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_ms, row

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "huyen-uy-vu-ban-2023-02.txt"


def _scaled(kb: int) -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    head, _, body = text.partition("A. KẾT QUẢ")
    body, _, tail = ("A. KẾT QUẢ" + body).partition("Nơi nhận:")
    parts = [head]
    while sum(len(p.encode()) for p in parts) < kb * 1024:
        parts.append(body)
    return "".join(parts) + "Nơi nhận:" + tail


def main() -> None:
    from baocao.checks.run import check_document
    from baocao.document.readers.text import parse_text, read_text
    from baocao.document.structure import build_document

    doc = read_text(SAMPLE)
    check_document(doc)  # loads the word list once
    print(
        row(
            "check the sample (27 KB), in-process (bound 50 ms)",
            median_ms(lambda: check_document(doc), runs=20),
        )
    )
    per_kb = {}
    for kb in (30, 300, 1000, 3000):
        big = build_document(*parse_text(_scaled(kb)))
        runs = 5 if kb < 1000 else 1
        t0 = time.perf_counter()
        for _ in range(runs):
            check_document(big)
        ms = (time.perf_counter() - t0) * 1000 / runs
        per_kb[kb] = ms / kb
        print(row(f"check {kb} KB", ms, None) + f"   {per_kb[kb]:.3f} ms/KB")
    print(f"time per KB, 3 MB against 30 KB: {per_kb[3000] / per_kb[30]:.2f}× (bound 2×)")


if __name__ == "__main__":
    main()
