"""Numbers written the Vietnamese way: "." groups thousands, "," marks decimals."""

from __future__ import annotations

import math
import re

# ASCII digits only: str.isdigit and \d also accept "²" or Arabic-Indic digits
_NUMBER = re.compile(r"-?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?")


def parse_number(text: str) -> float:
    """'10.430' -> 10430.0, '101,929' -> 101.929, '02' -> 2.0; ValueError for anything else.

    A run of digits without dots is read whole ("1027"), dots must group exactly three digits
    ("10.43" is refused: it is an English decimal, not ours), and at most one decimal comma.
    Surrounding spaces are ignored; a leading "-" is accepted so that `format_number` of a
    negative value reads back.
    """
    s = text.strip()
    if not _NUMBER.fullmatch(s):
        raise ValueError(f"not a Vietnamese number: {text!r}")
    integer, _, frac = s.partition(",")
    return float(integer.replace(".", "") + ("." + frac if frac else ""))


def decimals_of(text: str) -> int:
    """How many digits follow the decimal comma: the precision the writer chose."""
    return len(text.partition(",")[2])


def format_number(value: float, decimals: int | None = None, *, group: bool = True) -> str:
    """10430 -> '10.430', 8.4 -> '8,4'.

    `decimals` None writes what the value needs, at most three decimals ("1,5", not "1,500");
    `group` False leaves thousands ungrouped ("1027", as in "1027 căn cước công dân").
    """
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    if decimals is None:
        text = f"{value:.3f}".rstrip("0").rstrip(".")
        decimals = len(text.partition(".")[2])
    text = f"{value:,.{decimals}f}" if group else f"{value:.{decimals}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # -0.0001 with 3 decimals is "0,000", not "-0,000"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
