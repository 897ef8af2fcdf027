"""Numbers written the Vietnamese way: "." groups thousands, "," marks decimals."""

from __future__ import annotations

import re

_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_PLAIN = re.compile(r"^\d+(?:,\d+)?$")


def parse_number(text: str) -> float:
    """'10.430' -> 10430.0, '101,929' -> 101.929, '02' -> 2.0; ValueError for anything else."""
    s = text.strip()
    if not (_GROUPED.match(s) or _PLAIN.match(s)):
        raise ValueError(f"not a Vietnamese number: {text!r}")
    integer, _, frac = s.partition(",")
    return float(integer.replace(".", "") + ("." + frac if frac else ""))


def decimals_of(text: str) -> int:
    """How many digits follow the decimal comma: the precision the writer chose."""
    return len(text.partition(",")[2])


def format_number(value: float, decimals: int | None = None, *, group: bool = True) -> str:
    """10430 -> '10.430', 8.4 -> '8,4'; `decimals` None keeps what the value needs (≤ 3)."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else min(3, len(repr(float(value)).split(".")[1]))
    text = f"{value:,.{decimals}f}" if group else f"{value:.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
