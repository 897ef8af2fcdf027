"""The readers' pages of the indicators: the dashboard of a body, the full table of a period
and its export to .xlsx and .csv.

Office and leaders of the body only (anyone else gets 404, as everywhere). The figures come
from `tables`, the charts from `charts`; what is here only picks and formats.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from baocao.cycle.models import Period
from baocao.cycle.periods import last_month
from baocao.indicators import charts, compute, tables
from baocao.indicators.models import Indicator, Rollup, Value
from baocao.indicators.sentences import fmt as decimal_text
from baocao.org.access import get_period_for, is_reader, require_body
from baocao.org.models import Body

MONTHS = [f"T{m}" for m in range(1, 13)]
COLUMNS = [
    "Chỉ tiêu",
    "ĐVT",
    "Kỳ này",
    "Lũy kế",
    "Chỉ tiêu năm",
    "% chỉ tiêu",
    "So cùng kỳ",
    "So kỳ trước",
    "Cảnh báo",
]
EXPORTS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


# --- formatting -------------------------------------------------------------------------


def number_text(value: Decimal | None, decimals: int) -> str:
    return "" if value is None else decimal_text(value, decimals)


def percent_text(value: Decimal | None) -> str:
    return "" if value is None else f"{decimal_text(value, 1)}%"


def change_text(value: Decimal | None) -> str:
    """ "+5,2%", "-3,1%": the change on an earlier value."""
    if value is None:
        return ""
    text = decimal_text(value, 1)
    return f"{'+' if value > 0 and text.strip('0,') else ''}{text}%"


@dataclass(frozen=True)
class Line:
    """One row of the table, as numbers (for .xlsx) and as text (for the page and .csv)."""

    indicator: Indicator
    numbers: tuple[Decimal | None, ...]  # kỳ này, lũy kế, chỉ tiêu năm, %, cùng kỳ, kỳ trước
    problems: list[str]

    @property
    def texts(self) -> list[str]:
        d = self.indicator.decimals
        value, ytd, target, pct, year, previous = self.numbers
        return [
            number_text(value, d),
            number_text(ytd, d),
            number_text(target, d),
            percent_text(pct),
            change_text(year),
            change_text(previous),
        ]

    @property
    def cells(self) -> list[str]:
        """Every column as text, as the page and the .csv show it."""
        ind = self.indicator
        return [ind.name, ind.unit_name, *self.texts, "; ".join(self.problems)]


def table_lines(period: Period) -> list[Line]:
    out = []
    for row in tables.progress_table(period):
        p = row.progress
        target = p.target if row.indicator.target_kind != "none" else None
        numbers = (
            p.value,
            p.ytd,
            target,
            p.percent_target if target is not None else None,
            p.change_year,
            p.change_previous,
        )
        out.append(Line(row.indicator, numbers, [pr.message for pr in row.problems]))
    return out


# --- the dashboard's parts -----------------------------------------------------------------


def latest_period(body: Body) -> Period | None:
    """The latest month of the body that has values; else its latest period."""
    months = body.periods.filter(kind="month").order_by("-year", "-number")
    rollups = Rollup.objects.filter(indicator__body=body)
    for p in months:  # newest first: usually the first or second probe answers
        if rollups.filter(year=p.year, month=p.number).exists():
            return p
    return body.periods.order_by("-year", "-number").first()


def chosen_period(body: Body, ky: str | None) -> Period | None:
    if not ky:
        return latest_period(body)
    try:
        pk = int(ky)
    except ValueError:
        raise Http404 from None
    period = body.periods.filter(pk=pk).first()
    if period is None:
        raise Http404
    return period


def missing_figures(period: Period, indicators: list[Indicator]) -> list[tuple[str, str]]:
    """(indicator, unit) of the indicators whose reporting unit has no value for the period."""
    month = last_month(period.kind, period.number)
    have = set(
        Value.objects.filter(
            indicator__body=period.body,
            year=period.year,
            month=month,
            unit_id=F("indicator__reporter_id"),
        ).values_list("indicator_id", "unit_id")
    )
    return [
        (ind.name, ind.reporter.name)
        for ind in indicators
        if ind.reporter is not None and (ind.pk, ind.reporter_id) not in have
    ]


def dashboard_context(body: Body, period: Period | None, code: str | None) -> dict:
    context: dict = {"body": body, "period": period, "periods": list(body.periods.all())}
    if period is None:
        return context
    lines = table_lines(period)
    indicators = [line.indicator for line in lines]
    with_target = [line for line in lines if line.numbers[2] is not None]
    bars = bar_rows(with_target)
    by_code = {i.code: i for i in indicators}
    # the first with a target and a figure this period, so the chart opens on something
    filled = [line for line in with_target if line.numbers[0] is not None]
    default = (filled or with_target or lines or [None])[0]
    default = default.indicator if default is not None else None
    chosen = by_code.get(code or "", default)
    context.update(
        indicators=indicators,
        chosen=chosen,
        bars_svg=charts.progress_bars_svg(
            bars, _("Tiến độ thực hiện chỉ tiêu, %(label)s") % {"label": period.label}
        ),
        missing=missing_figures(period, indicators),
        late=timezone.localdate() > period.deadline,
    )
    if chosen is not None:
        year = period.year
        values = tables.series_for(body, [year - 1, year], chosen).get(chosen.pk, {})
        series = year_series(values, year)
        context["series_svg"] = charts.series_svg(
            _("%(name)s theo tháng, %(year)s so với %(before)s")
            % {"name": chosen.name, "year": year, "before": year - 1},
            series,
            MONTHS,
            chosen.unit_name,
        )
        yearly = year_totals(body, chosen)
        if len(yearly) > 1:
            context["years_svg"] = charts.series_svg(
                _("%(name)s qua các năm") % {"name": chosen.name},
                {chosen.name: [_float(v) for _, v in yearly]},
                [str(y) for y, _ in yearly],
                chosen.unit_name,
            )
        # the reporting unit, and any other unit that has a figure: a body has many units
        # and most indicators are reported by one of them
        reporter = chosen.reporter.name if chosen.reporter else None
        rows = tables.unit_table(period, chosen)
        context["units"] = [
            (
                r.unit,
                number_text(r.value, chosen.decimals),
                number_text(r.ytd, chosen.decimals),
                number_text(r.target, chosen.decimals),
                percent_text(r.percent),
            )
            for r in rows
            if r.ytd is not None or r.target is not None or r.unit == reporter
        ]
        context["units_hidden"] = len(rows) - len(context["units"])
    return context


def bar_rows(with_target: list[Line]) -> list[tuple[str, float | None, str]]:
    """(name, % of target, "to date / target unit") of lines that have a target: the progress
    bars (the dashboard's SVG and the annex's picture)."""
    return [
        (
            line.indicator.name,
            float(line.numbers[3]) if line.numbers[3] is not None else None,
            f"{line.texts[1] or '—'} / {line.texts[2]} {line.indicator.unit_name}",
        )
        for line in with_target
    ]


def year_totals(body: Body, indicator: Indicator) -> list[tuple[int, Decimal | None]]:
    """The indicator's figure for each whole year on record (the year to its last month)."""
    values = {
        (y, m): t
        for y, m, t in Rollup.objects.filter(indicator=indicator).values_list(
            "year", "month", "total"
        )
    }
    years = sorted({y for y, _ in values})
    return [(y, compute.year_to_date(values, y, 12, indicator.time_agg)) for y in years]


def year_series(values: dict, year: int) -> dict[str, list[float | None]]:
    """{"2023": 12 values, "2022": 12 values} of one indicator's (year, month) values."""
    return {str(y): [_float(values.get((y, m))) for m in range(1, 13)] for y in (year, year - 1)}


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


# --- views -------------------------------------------------------------------------------


@login_required
def dashboard(request: HttpRequest, body_id: int) -> HttpResponse:
    body = require_body(request.user, body_id)
    if not is_reader(request.user, body):
        raise Http404
    period = chosen_period(body, request.GET.get("ky"))
    context = dashboard_context(body, period, request.GET.get("chi-tieu"))
    return render(request, "indicators/dashboard.html", context)


@login_required
def progress_table_view(request: HttpRequest, period_pk: int) -> HttpResponse:
    period = get_period_for(request.user, period_pk)
    context = {"period": period, "columns": COLUMNS, "lines": table_lines(period)}
    return render(request, "indicators/table.html", context)


@login_required
def export_table(request: HttpRequest, period_pk: int, fmt: str) -> HttpResponse:
    if fmt not in EXPORTS:
        raise Http404
    period = get_period_for(request.user, period_pk)
    lines = table_lines(period)
    data = table_xlsx(period, lines) if fmt == "xlsx" else table_csv(lines)
    response = HttpResponse(data, content_type=EXPORTS[fmt])
    name = f"chi-tieu-{period.kind}-{period.year}-{period.number:02d}.{fmt}".replace("_", "-")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def export_units(request: HttpRequest, period_pk: int, code: str, fmt: str) -> HttpResponse:
    """The table per unit of one indicator, as .xlsx or .csv."""
    if fmt not in EXPORTS:
        raise Http404
    period = get_period_for(request.user, period_pk)
    indicator = Indicator.objects.filter(body=period.body_id, code=code).first()
    if indicator is None:
        raise Http404
    # exports keep Vietnamese headers, as the period table's COLUMNS do: the files go into
    # Vietnamese reports whatever the reader's interface language
    header = ["Đơn vị", "Kỳ này", "Lũy kế", "Chỉ tiêu của đơn vị", "% chỉ tiêu"]
    rows = [
        (r.unit, r.value, r.ytd, r.target, r.percent) for r in tables.unit_table(period, indicator)
    ]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(header)
        for unit, *numbers in rows:
            writer.writerow(
                [
                    unit,
                    *(number_text(n, indicator.decimals) for n in numbers[:3]),
                    percent_text(numbers[3]),
                ]
            )
        data = ("\ufeff" + out.getvalue()).encode("utf-8")
    else:
        wb = Workbook()
        ws = wb.active
        ws.append([f"{indicator.name} ({indicator.unit_name}) — {period.label}"])
        ws.append(header)
        for unit, *numbers in rows:
            ws.append([unit, *(float(n) if n is not None else None for n in numbers)])
        buffer = io.BytesIO()
        wb.save(buffer)
        data = buffer.getvalue()
    response = HttpResponse(data, content_type=EXPORTS[fmt])
    name = f"chi-tieu-{indicator.code}-{period.year}-{period.number:02d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- exports -------------------------------------------------------------------------------


def table_csv(lines: list[Line]) -> bytes:
    """UTF-8 with a BOM (so that Excel reads the Vietnamese letters), figures as written."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for line in lines:
        writer.writerow(line.cells)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def table_xlsx(period: Period, lines: list[Line]) -> bytes:
    """Row 1 names the period, row 2 the columns; figures are numbers, not text."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws["A1"] = f"Bảng chỉ tiêu {period.label} — {period.body.name}"
    ws["A1"].font = Font(bold=True)
    for col, title in enumerate(COLUMNS, 1):
        cell = ws.cell(row=2, column=col, value=title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True)
    for r, line in enumerate(lines, 3):
        ind = line.indicator
        ws.cell(row=r, column=1, value=ind.name)
        ws.cell(row=r, column=2, value=ind.unit_name)
        figure = "#,##0" + ("." + "0" * ind.decimals if ind.decimals else "")
        for c, number in enumerate(line.numbers, 3):
            cell = ws.cell(row=r, column=c, value=float(number) if number is not None else None)
            cell.number_format = figure if c <= 5 else "0.0"
        ws.cell(row=r, column=9, value="; ".join(line.problems) or None)
    ws.column_dimensions["A"].width = 48
    for col in "CDEFGH":
        ws.column_dimensions[col].width = 13
    ws.column_dimensions["I"].width = 40
    ws.freeze_panes = "C3"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@login_required
def dashboards(request: HttpRequest) -> HttpResponse:
    """The indicators of the user's body; with several bodies, the first (others linked)."""
    from baocao.org.access import bodies_visible_to

    readable = [b for b in bodies_visible_to(request.user) if is_reader(request.user, b)]
    if not readable:
        raise Http404
    return redirect("indicators:dashboard", body_id=readable[0].pk)
