"""Median timing of a callable, shared by the benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(fn: Callable[[], object], runs: int = 30, warmup: int = 3) -> float:
    """Median wall time of `fn()` in milliseconds over `runs` calls after `warmup` calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def row(name: str, ms: float, ref: float | None = None) -> str:
    ratio = f"{ms / ref:5.2f}×" if ref else "     "
    return f"{name:<52} {ms:9.2f} ms  {ratio}"


def machine_speed_ms() -> float:
    """A fixed pure-Python workload (10⁷ squares summed), to say how fast the machine was.

    Wall-clock results of different runs on these shared machines differ by up to 2× for the
    same code; this line, printed beside them, lets a reader compare runs.
    """
    return median_ms(lambda: sum(i * i for i in range(10**7)), runs=3, warmup=0)
