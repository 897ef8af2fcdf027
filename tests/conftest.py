"""Shared fixtures: the sample report and the real reports collected as test data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "huyen-uy-vu-ban-2023-02.txt"
REPORTS = ROOT / "tests" / "data" / "reports"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_doc():
    from baocao.document.readers.text import read_text

    return read_text(SAMPLE)


def report_paths() -> list[Path]:
    """The real reports of tests/data/reports plus the sample."""
    return [SAMPLE, *sorted(REPORTS.glob("*.txt"))]
