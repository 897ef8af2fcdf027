"""Checker speed: the sample, and 30 KB / 300 KB / 1 MB / 3 MB of report text (linear cost).

    .venv/bin/python bench/bench_check.py

The larger inputs repeat the sample's body paragraph by paragraph up to the size, so every rule
has the same work per kilobyte; the bound for linearity is time per KB staying within 2× of the
30 KB figure. Each run clears the per-text caches first: a report is checked as if new. The
first line times a fixed pure-Python workload, to compare runs made on machines (or hours) of
different speed; bench/cost_check.py counts instructions instead, which do not vary.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import machine_speed_ms, median_ms, row

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "huyen-uy-vu-ban-2023-02.txt"


def _scaled(kb: int) -> str:
    """About `kb` KB of report: the sample's head, then its body's paragraphs over and over.

    Each copy of a prose paragraph ends with one more sentence naming its copy in words ("Đây
    là bản một không hai."), so no paragraph repeats and the per-paragraph caches cannot serve a
    later copy: each costs what a new paragraph would. The sentence has no figure and is the
    same kind of text at every size, so every size has the same mix of work.
    """
    text = SAMPLE.read_text(encoding="utf-8")
    head, _, body = text.partition("A. KẾT QUẢ")
    body, _, tail = ("A. KẾT QUẢ" + body).partition("Nơi nhận:")
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    parts, size, i = [head], len(head.encode()), 0
    while size < kb * 1024:
        paragraph = paragraphs[i % len(paragraphs)]
        if paragraph.endswith("."):  # prose: headings and list lead-ins stay as they are
            paragraph += f" Đây là bản {_spelled(i // len(paragraphs) + 1)}."
        piece = paragraph + "\n\n"
        parts.append(piece)
        size += len(piece.encode())
        i += 1
    return "".join(parts) + "Nơi nhận:" + tail


_DIGITS = "không một hai ba bốn năm sáu bảy tám chín".split()  # noqa: SIM905


def _spelled(n: int) -> str:
    """A number in words, digit by digit ("một không hai"): unique, and no figure."""
    return " ".join(_DIGITS[int(d)] for d in str(n))


def main() -> None:
    from baocao.checks.quantities import clear_cache
    from baocao.checks.run import check_document
    from baocao.document.readers.text import parse_text, read_text
    from baocao.document.structure import build_document

    print(row("reference: 10⁷ squares summed in pure Python", machine_speed_ms()))
    doc = read_text(SAMPLE)
    check_document(doc)  # loads the word list once

    def cold() -> None:
        clear_cache()  # each run reads the text afresh, as a new report would be
        check_document(doc)

    print(
        row(
            "check the sample (27 KB), in-process (bound 50 ms)",
            median_ms(cold, runs=20),
        )
    )
    per_kb = {}
    for kb in (30, 300, 1024, 3000):
        text = _scaled(kb)
        size = len(text.encode()) / 1024
        big = build_document(*parse_text(text))
        runs = 5 if kb < 1000 else 3 if kb < 2000 else 1
        t0 = time.perf_counter()
        for _ in range(runs):
            clear_cache()
            check_document(big)
        ms = (time.perf_counter() - t0) * 1000 / runs
        per_kb[kb] = ms / size
        print(row(f"check {size:.0f} KB", ms, None) + f"   {per_kb[kb]:.3f} ms/KB")
    print(f"1 MB checked in {per_kb[1024] * 1024:.0f} ms (bound 2000 ms)")
    print(f"time per KB, 3 MB against 30 KB: {per_kb[3000] / per_kb[30]:.2f}× (bound 2×)")


if __name__ == "__main__":
    main()
