"""The indicators' charts as PNG pictures, for the annex of the issued .docx (and its .pdf).

The same two charts as the dashboard's SVG (`charts`), from the same plain data: the progress
bars take (label, percent of target, caption) rows, the month-by-month chart takes
{series name: 12 values} per indicator. Drawn by matplotlib's Agg canvas (no pyplot, no global
backend, no display, no network), in Liberation Serif (metric twin of Times New Roman, with the
Vietnamese letters) falling back to DejaVu Sans. Numbers are written the Vietnamese way
("10.430", "88,8"). No Django: plain functions returning PNG bytes.
"""

from __future__ import annotations

import io
import math
import textwrap

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from baocao.indicators.charts import (
    ACCENT,
    BAR,
    BAR_SCALE,
    DONE,
    INK,
    LIMIT,
    LINE,
    MUTED,
    SERIES_STYLES,
    TRACK,
    percent_text,
)
from baocao.text.numbers import format_number

WIDTH_MM = 160  # the picture's width in the .docx: within the 165 mm text width
DPI = 200
FONTS = ["Liberation Serif", "DejaVu Sans"]
MONTHS = [f"T{m}" for m in range(1, 13)]
MM = 1 / 25.4  # inches
_DASHES = {"": "-", "6 4": (0, (6, 4)), "2 3": (0, (2, 3)), "8 3 2 3": (0, (8, 3, 2, 3))}


def _figure(height_mm: float) -> Figure:
    fig = Figure(figsize=(WIDTH_MM * MM, height_mm * MM), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _png(fig: Figure) -> bytes:
    out = io.BytesIO()
    # no "Software" stamp: the same data gives the same bytes
    fig.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()


def _clean(v: float | None) -> float:
    """A value to plot: NaN (a gap) for None or a non-finite value, clipped to ±LIMIT."""
    if v is None:
        return math.nan
    try:
        v = float(v)
    except (TypeError, ValueError):
        return math.nan
    return max(-LIMIT, min(LIMIT, v)) if math.isfinite(v) else math.nan


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def progress_bars_png(rows: list[tuple[str, float | None, str]]) -> bytes:
    """One horizontal bar per indicator: (label, percent of target, caption), as on the
    dashboard: an axis from 0 to 120 % with a line at 100 %, a bar past 120 % cut at the edge
    (its figure says how far), no bar and "chưa có số liệu" for a missing percent."""
    import matplotlib

    n = max(len(rows), 1)
    with matplotlib.rc_context({"font.family": FONTS, "font.size": 8}):
        height = 10 + 8.5 * n
        fig = _figure(height)
        ax = fig.add_axes((0.36, 7 / height, 0.6, 1 - 8 / height))
        ax.set_xlim(0, BAR_SCALE)
        ax.set_ylim(n - 0.4, -0.5)
        ax.barh(range(len(rows)), [BAR_SCALE] * len(rows), height=0.46, color=TRACK, zorder=1)
        for i, (_label, percent, caption) in enumerate(rows):
            p = _clean(percent)
            if math.isnan(p):
                ax.text(1.5, i, "chưa có số liệu", va="center", color=MUTED, style="italic")
            else:
                shown = max(0.0, min(BAR_SCALE, p))
                colour = DONE if p >= 100 else BAR
                ax.barh(i, shown, height=0.46, color=colour, zorder=2)
                text = percent_text(p)
                if shown > BAR_SCALE - 22:  # no room after the bar: the figure inside it
                    ax.text(
                        shown - 1.2,
                        i,
                        text,
                        va="center",
                        ha="right",
                        color="white",
                        weight="bold",
                        zorder=4,
                    )
                else:
                    ax.text(shown + 1.2, i, text, va="center", color=INK, weight="bold", zorder=4)
            if caption:
                ax.text(0.5, i + 0.28, caption, va="top", color=MUTED, fontsize=7)
        ax.axvline(100, color=ACCENT, linewidth=0.9, linestyle=(0, (4, 2)), zorder=3)
        ax.set_yticks(range(len(rows)), [_wrap(r[0], 34) for r in rows], color=INK)
        ax.set_xticks([0, 25, 50, 75, 100, 120], [f"{t}%" for t in (0, 25, 50, 75, 100, 120)])
        ax.tick_params(axis="y", length=0, pad=6)
        ax.tick_params(axis="x", colors=MUTED, labelsize=7)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.spines["bottom"].set_color(LINE)
        return _png(fig)


def series_png(
    panels: list[tuple[str, dict[str, list[float | None]], str]],
    labels: list[str] = MONTHS,
) -> bytes:
    """Month-by-month lines, one panel per indicator: (title, {series name: 12 values}, unit).

    The first series (this year) is drawn strong, the next (last year) grey and dashed, as on
    the dashboard; a None is a gap. One panel takes the full width, more go two by two.
    """
    import matplotlib

    cols = 1 if len(panels) <= 1 else 2
    rows = max(1, math.ceil(len(panels) / cols))
    height = 55 if cols == 1 else 48 * rows
    with matplotlib.rc_context({"font.family": FONTS, "font.size": 7.5}):
        fig = _figure(height)
        axes = fig.subplots(rows, cols, squeeze=False)
        fig.subplots_adjust(
            left=0.09, right=0.98, top=1 - 9 / height, bottom=9 / height, wspace=0.22, hspace=0.42
        )
        for k, ax in enumerate(axes.flat):
            if k >= len(panels):
                ax.set_visible(False)
                continue
            title, series, unit = panels[k]
            _panel(ax, title, series, unit, labels)
        return _png(fig)


def _panel(ax, title: str, series: dict[str, list[float | None]], unit: str, labels) -> None:
    x = list(range(len(labels)))
    drawn = False
    for j, (name, values) in enumerate(series.items()):
        colour, dash = SERIES_STYLES[j % len(SERIES_STYLES)]
        ys = [_clean(v) for v in list(values)[: len(labels)]]
        ys += [math.nan] * (len(labels) - len(ys))
        if all(math.isnan(y) for y in ys):
            ax.plot([], [], color=colour, linestyle=_DASHES[dash], label=name)
            continue
        drawn = True
        ax.plot(
            x,
            ys,
            color=colour,
            linestyle=_DASHES[dash],
            linewidth=1.6 if j == 0 else 1.1,
            marker="o",
            markersize=2.8 if j == 0 else 2,
            label=name,
            zorder=3 - j / 10,
        )
    ax.set_title(
        _wrap(title, 60 if ax.get_subplotspec().get_gridspec().ncols == 1 else 44),
        fontsize=8,
        color=INK,
        loc="left",
        weight="bold",
    )
    ax.set_xticks(x, labels)
    ax.set_xlim(-0.4, len(labels) - 0.6)
    if not drawn:
        ax.set_ylim(0, 1)
        ax.text(
            0.5,
            0.5,
            "chưa có số liệu",
            transform=ax.transAxes,
            ha="center",
            va="center",
            color=MUTED,
            style="italic",
        )
    ax.yaxis.set_major_locator(MaxNLocator(5))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(v, None)))
    ax.set_ylabel(unit, color=MUTED)
    ax.grid(axis="y", color=LINE, linewidth=0.5)
    ax.tick_params(colors=MUTED, labelsize=7)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(LINE)
    ax.legend(loc="best", fontsize=7, frameon=False)
