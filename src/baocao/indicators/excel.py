"""The .xlsx sheet baocao makes for one unit and period, and reading it back.

Column D holds the values; row 1 names the body, unit and period so that a sheet for another
unit or period is refused. Reading reports every bad cell by its address and saves nothing.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.utils.exceptions import InvalidFileException

from baocao.cycle.models import Period
from baocao.cycle.periods import last_month
from baocao.indicators.entry import EntryResult, indicators_for, parse_value, save_values
from baocao.indicators.models import Value
from baocao.org.models import Unit
from baocao.text.numbers import format_number

HEADER = ["Mã", "Chỉ tiêu", "Đơn vị tính", "Giá trị kỳ này", "Kỳ trước"]
FIRST_ROW = 3


class SheetError(Exception):
    pass


def _stamp(period: Period, unit: Unit) -> str:
    return f"baocao:{period.pk}:{unit.pk}"


def make_sheet(period: Period, unit: Unit) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws["A1"] = f"{unit.name} — {period.label} ({period.body.name})"
    ws["A1"].font = Font(bold=True)
    ws["G1"] = _stamp(period, unit)  # where the sheet belongs; checked on the way back
    ws.column_dimensions["G"].hidden = True
    for col, title in enumerate(HEADER, 1):
        cell = ws.cell(row=2, column=col, value=title)
        cell.font = Font(bold=True)
    current = dict(
        Value.objects.filter(
            unit=unit, year=period.year, month=last_month(period.kind, period.number)
        ).values_list("indicator_id", "value")
    )
    previous = _previous_values(period, unit)
    fill = PatternFill("solid", fgColor="FFF6E0")
    for r, ind in enumerate(indicators_for(unit), FIRST_ROW):
        ws.cell(row=r, column=1, value=ind.code)
        ws.cell(row=r, column=2, value=ind.name)
        ws.cell(row=r, column=3, value=ind.unit_name)
        value = current.get(ind.pk)
        cell = ws.cell(row=r, column=4, value=float(value) if value is not None else None)
        cell.fill = fill
        cell.protection = Protection(locked=False)
        cell.number_format = "#,##0" + ("." + "0" * ind.decimals if ind.decimals else "")
        before = previous.get(ind.pk)
        ws.cell(row=r, column=5, value=float(before) if before is not None else None)
    ws.protection.sheet = True  # only column D can be typed into
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["D"].width = 18
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _previous_values(period: Period, unit: Unit) -> dict[int, Decimal]:
    from baocao.indicators.compute import previous_key

    step = {"month": 1, "quarter": 3}.get(period.kind, 12)
    y, m = previous_key(period.year, last_month(period.kind, period.number), step)
    return dict(
        Value.objects.filter(unit=unit, year=y, month=m).values_list("indicator_id", "value")
    )


def read_sheet(period: Period, unit: Unit, data: bytes) -> dict[str, str]:
    """code → value text from the sheet; `SheetError` with every bad cell named."""
    try:
        wb = load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError, zipfile.BadZipFile) as exc:
        raise SheetError(f"Không đọc được tệp Excel ({exc.__class__.__name__}).") from None
    ws = wb.worksheets[0]
    rows = list(ws.iter_rows(min_row=1, max_col=7, values_only=True))
    if not rows or (rows[0][6] if len(rows[0]) > 6 else None) != _stamp(period, unit):
        raise SheetError("Tệp này không phải bảng chỉ tiêu của đơn vị và kỳ này; hãy tải bảng mới.")
    known = {i.code for i in indicators_for(unit)}
    typed: dict[str, str] = {}
    errors: list[str] = []
    for r, row in enumerate(rows[FIRST_ROW - 1 :], FIRST_ROW):
        code, value = (row[0] if row else None), (row[3] if len(row) > 3 else None)
        if code is None and value is None:
            continue
        if code not in known:
            errors.append(f"A{r}: mã “{code}” không có trong danh mục")
            continue
        if value is None or value == "":
            typed[code] = ""
        elif isinstance(value, int | float) and not isinstance(value, bool):
            if value < 0:
                errors.append(f"D{r}: giá trị không được âm")
            typed[code] = format_number(float(value), None, group=False)
        else:
            try:
                typed[code] = format_number(float(parse_value(str(value))), None, group=False)
            except ValueError:
                errors.append(f"D{r}: “{value}” không phải số")
    if errors:
        raise SheetError("; ".join(errors))
    return typed


def import_sheet(period: Period, unit: Unit, data: bytes, user) -> EntryResult:
    return save_values(period, unit, read_sheet(period, unit, data), user)
