"""Charts of the indicators as SVG markup, drawn on the server.

The pages' Content-Security-Policy forbids scripts and style attributes, so the charts are
plain SVG with presentation attributes only (fill, stroke, font-size …). Every text that comes
from the database is escaped here; the templates insert the result with `|safe`.

Numbers are written the Vietnamese way ("10.430", "88,8"). No Django: plain functions.
"""

from __future__ import annotations

import html
import math
import re

from baocao.text.numbers import format_number

ACCENT = "#a4161a"
INK = "#1b1f24"
MUTED = "#5b6470"
LINE = "#d5dae0"
TRACK = "#eef1f4"
BAR = "#2f6690"
DONE = "#1f7a3a"
FONT = "Liberation Sans, Arial, sans-serif"

# (colour, dash) of the 1st, 2nd … series: this year strong, last year grey and dashed
SERIES_STYLES = [(ACCENT, ""), (MUTED, "6 4"), (BAR, "2 3"), (DONE, "8 3 2 3")]

BAR_SCALE = 120.0  # the bars' axis runs 0–120 %; beyond that a bar is cut and marked
LIMIT = 1e15  # values beyond ± this are drawn at the edge (no figure of a report is that big)

# characters XML 1.0 does not allow, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def esc(text: object) -> str:
    """Text safe inside an SVG element or a quoted attribute."""
    return html.escape(_NOT_XML.sub("", str(text)), quote=True)


def _num(x: float) -> str:
    """A coordinate: one decimal, no exponent."""
    text = f"{x:.1f}"
    return "0" if text in ("-0.0", "0.0") else text.removesuffix(".0")


def _finite(v: float | None) -> float | None:
    if v is None:
        return None
    try:
        v = float(v)
    except (TypeError, ValueError, OverflowError):
        return None
    return v if math.isfinite(v) else None


def percent_text(p: float, decimals: int = 1) -> str:
    """ "8,4%", "105,0%"; an absurd percentage is not written out digit by digit."""
    if p >= 100_000:
        return "> 100.000%"
    if p <= -100_000:
        return "< -100.000%"
    return f"{format_number(p, decimals)}%"


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: int = 13,
    anchor: str = "start",
    fill: str = INK,
    **attrs,
) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{esc(v)}"' for k, v in attrs.items())
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{fill}"{extra}>{esc(text)}</text>'
    )


def _open(width: int, height: int, title: str) -> list[str]:
    t = esc(title)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{t}" '
        f'font-family="{FONT}">',
        f"<title>{t}</title>",
    ]


def progress_bars_svg(rows: list[tuple[str, float | None, str]], title: str = "") -> str:
    """One horizontal bar per indicator: (label, percent of target, caption).

    The axis runs from 0 to 120 %, with a line at 100 %; a bar past 120 % is cut at the edge
    and ends in an arrow, its real percentage written beside it. A missing percentage is an
    empty track marked "—".
    """
    width, left, bar_w = 800, 10, 520
    pct_x = left + bar_w + 12
    cap_x = pct_x + 68
    row_h, top = 42, 10
    height = top + row_h * max(len(rows), 1) + 30
    out = _open(width, height, title or "Tiến độ thực hiện chỉ tiêu")

    def x_of(p: float) -> float:
        return left + bar_w * max(0.0, min(p, BAR_SCALE)) / BAR_SCALE

    if not rows:
        out.append(_text(left, top + 20, "Chưa có chỉ tiêu nào có chỉ tiêu năm.", fill=MUTED))
    for i, (label, percent, caption) in enumerate(rows):
        y = top + i * row_h
        p = _finite(percent)
        out.append(_text(left, y + 13, label, size=13))
        bar_y, bar_h = y + 19, 14
        out.append(
            f'<rect x="{left}" y="{_num(bar_y)}" width="{bar_w}" height="{bar_h}" fill="{TRACK}"/>'
        )
        if p is None:
            out.append(_text(pct_x, bar_y + 12, "—", size=13, fill=MUTED))
        else:
            colour = DONE if p >= 100 else BAR
            end = x_of(p)
            if end > left:
                out.append(
                    f'<rect x="{left}" y="{_num(bar_y)}" width="{_num(end - left)}" '
                    f'height="{bar_h}" fill="{colour}"/>'
                )
            if p > BAR_SCALE:  # cut: an arrow at the edge says "goes on"
                tip = left + bar_w
                out.append(
                    f'<polygon points="{_num(tip - 10)},{_num(bar_y - 3)} {_num(tip + 4)},'
                    f'{_num(bar_y + bar_h / 2)} {_num(tip - 10)},{_num(bar_y + bar_h + 3)}" '
                    f'fill="{ACCENT}"><title>{esc(percent_text(p))}</title></polygon>'
                )
            out.append(_text(pct_x, bar_y + 12, percent_text(p), size=13, font_weight="bold"))
        out.append(_text(cap_x, bar_y + 12, caption, size=12, fill=MUTED))
    # the 100 % line and the axis ticks, over the bars
    axis_y = top + row_h * max(len(rows), 1)
    x100 = x_of(100)
    out.append(
        f'<line x1="{_num(x100)}" y1="{top + 14}" x2="{_num(x100)}" y2="{_num(axis_y + 4)}" '
        f'stroke="{INK}" stroke-width="1.5" stroke-dasharray="4 3"/>'
    )
    out.append(
        f'<line x1="{left}" y1="{_num(axis_y + 4)}" x2="{left + bar_w}" y2="{_num(axis_y + 4)}" '
        f'stroke="{LINE}" stroke-width="1"/>'
    )
    for tick in (0, 25, 50, 75, 100, 120):
        x = x_of(tick)
        out.append(
            f'<line x1="{_num(x)}" y1="{_num(axis_y + 4)}" x2="{_num(x)}" '
            f'y2="{_num(axis_y + 9)}" stroke="{MUTED}" stroke-width="1"/>'
        )
        anchor = "start" if tick == 0 else "end" if tick == 120 else "middle"
        out.append(_text(x, axis_y + 22, f"{tick}%", size=11, anchor=anchor, fill=MUTED))
    out.append("</svg>")
    return "\n".join(out)


def _nice_step(span: float, n: int = 5) -> float:
    raw = span / n
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * power:
            return m * power
    return 10 * power


def series_svg(
    title: str, series: dict[str, list[float | None]], labels: list[str], unit: str
) -> str:
    """Lines over the months (labels), one per series ("2023", "2022"), with a legend.

    The y axis starts at zero (or below when a value is negative); a missing month breaks the
    line. Ticks are written the Vietnamese way.
    """
    width, height = 800, 330
    left, right, top, bottom = 78, 20, 44, 70
    plot_w, plot_h = width - left - right, height - top - bottom
    clean = {
        name: [None if (v := _finite(x)) is None else max(-LIMIT, min(LIMIT, v)) for x in values]
        for name, values in series.items()
    }
    n = max([len(labels), *(len(v) for v in clean.values())])
    present = [v for values in clean.values() for v in values if v is not None]
    lo = min([0.0, *present])
    hi = max([0.0, *present])
    if hi - lo < 1e-6:
        hi = lo + 1
    step = _nice_step(hi - lo)
    lo = math.floor(lo / step) * step
    hi = math.ceil(hi / step) * step
    decimals = max(0, -math.floor(math.log10(step)))

    def x_of(i: int) -> float:
        return left + (plot_w * (i + 0.5) / n if n else plot_w / 2)

    def y_of(v: float) -> float:
        return top + plot_h * (hi - v) / (hi - lo)

    out = _open(width, height, title)
    out.append(_text(left, 20, title, size=15, font_weight="bold"))
    if unit:
        out.append(_text(left - 8, top - 10, unit, size=12, anchor="end", fill=MUTED))
    ticks = round((hi - lo) / step)
    for k in range(ticks + 1):
        v = lo + k * step
        y = y_of(v)
        colour = MUTED if abs(v) < step / 2 else LINE
        out.append(
            f'<line x1="{left}" y1="{_num(y)}" x2="{left + plot_w}" y2="{_num(y)}" '
            f'stroke="{colour}" stroke-width="1"/>'
        )
        out.append(
            _text(left - 8, y + 4, format_number(v, decimals), size=11, anchor="end", fill=MUTED)
        )
    for i in range(n):
        label = labels[i] if i < len(labels) else ""
        out.append(_text(x_of(i), top + plot_h + 18, label, size=11, anchor="middle", fill=MUTED))
    if not present:
        out.append(
            _text(
                left + plot_w / 2, top + plot_h / 2, "Chưa có số liệu", anchor="middle", fill=MUTED
            )
        )
    for s, (name, values) in enumerate(clean.items()):
        colour, dash = SERIES_STYLES[s % len(SERIES_STYLES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        runs: list[list[tuple[float, float]]] = [[]]
        for i, v in enumerate(values):
            if v is None:
                runs.append([])
            else:
                runs[-1].append((x_of(i), y_of(v)))
        for run in runs:
            if len(run) > 1:
                points = " ".join(f"{_num(x)},{_num(y)}" for x, y in run)
                out.append(
                    f'<polyline points="{points}" fill="none" stroke="{colour}" '
                    f'stroke-width="2.5"{dash_attr}/>'
                )
        for i, v in enumerate(values):
            if v is not None:
                label = labels[i] if i < len(labels) else ""
                tip = f"{name} {label}: {format_number(v, None)} {unit}".strip()
                out.append(
                    f'<circle cx="{_num(x_of(i))}" cy="{_num(y_of(v))}" r="3.5" fill="{colour}">'
                    f"<title>{esc(tip)}</title></circle>"
                )
        # legend, under the month labels
        lx = left + s * 150
        ly = height - 18
        out.append(
            f'<line x1="{lx}" y1="{ly}" x2="{lx + 28}" y2="{ly}" stroke="{colour}" '
            f'stroke-width="2.5"{dash_attr}/>'
        )
        out.append(_text(lx + 34, ly + 4, name, size=12, fill=INK))
    out.append("</svg>")
    return "\n".join(out)
