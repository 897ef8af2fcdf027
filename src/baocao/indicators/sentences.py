"""An indicator's figures as the sentence a report writes ("… đạt 8,4% dự toán")."""

from __future__ import annotations

import datetime as dt

from baocao.indicators.compute import Progress
from baocao.indicators.compute import figure_text as fmt

TARGET_WORDS = {"plan": "kế hoạch", "estimate": "dự toán"}


def indicator_sentence(
    name: str,
    unit: str,
    decimals: int,
    target_kind: str,
    p: Progress,
    *,
    cutoff: dt.date | None = None,
) -> str:
    """ "Tổng thu NSNN đến 20/02/2023 là 88,8 tỷ đồng, đạt 8,4% dự toán"."""
    if p.ytd is None:
        return ""
    when = f" đến {cutoff:%d/%m/%Y}" if cutoff else ""
    text = f"{name}{when} là {fmt(p.ytd, decimals)} {unit}"
    word = TARGET_WORDS.get(target_kind)
    if word and p.percent_target is not None:
        pct_decimals = 0 if abs(p.percent_target) >= 100 else 1
        text += f", đạt {fmt(p.percent_target, pct_decimals)}% {word}"
    if p.change_year is not None:
        verb = "tăng" if p.change_year >= 0 else "giảm"
        text += f", {verb} {fmt(abs(p.change_year), 1)}% so với cùng kỳ"
    return text
