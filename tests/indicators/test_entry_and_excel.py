"""Values typed by a unit and Excel sheets, on the real database."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from baocao.indicators.entry import save_values
from baocao.indicators.excel import SheetError, import_sheet, make_sheet
from baocao.indicators.models import Value
from baocao.indicators.tables import progress_table

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicators(thu, cay):
    return thu, cay


def test_typed_values_are_saved_the_vietnamese_way(cast, period, indicators):
    result = save_values(
        period, cast.unit_a, {"thu-nsnn": "88,8", "trong-cay": "88.000"}, cast.reporter_a
    )
    assert result.errors == {} and result.saved == 2
    assert Value.objects.get(indicator__code="trong-cay").value == 88000
    row = next(r for r in progress_table(period) if r.indicator.code == "thu-nsnn")
    assert round(row.progress.percent_target, 1) == Decimal("8.4")


def test_one_bad_field_saves_nothing(cast, period, indicators):
    result = save_values(
        period, cast.unit_a, {"thu-nsnn": "88,8", "trong-cay": "nhiều"}, cast.reporter_a
    )
    assert "trong-cay" in result.errors and "không phải số" in result.errors["trong-cay"]
    assert not Value.objects.exists()


def test_an_english_decimal_point_is_refused_not_misread(cast, period, indicators):
    result = save_values(period, cast.unit_a, {"thu-nsnn": "88.8"}, cast.reporter_a)
    assert "thu-nsnn" in result.errors and not Value.objects.exists()


def test_the_sheet_round_trips_through_excel(cast, period, indicators):
    save_values(period, cast.unit_a, {"thu-nsnn": "88,8"}, cast.reporter_a)
    data = make_sheet(period, cast.unit_a)
    wb = load_workbook(io.BytesIO(data))
    ws = wb.active
    rows = {ws.cell(row=r, column=1).value: r for r in range(3, 5)}
    assert ws.cell(row=rows["thu-nsnn"], column=4).value == pytest.approx(88.8)
    ws.cell(row=rows["trong-cay"], column=4).value = 88000
    ws.cell(row=rows["thu-nsnn"], column=4).value = "90,1"
    out = io.BytesIO()
    wb.save(out)
    result = import_sheet(period, cast.unit_a, out.getvalue(), cast.reporter_a)
    assert result.errors == {}
    assert Value.objects.get(indicator__code="thu-nsnn").value == Decimal("90.1")
    assert Value.objects.get(indicator__code="trong-cay").value == 88000


def test_a_sheet_with_bad_cells_names_each_and_saves_nothing(cast, period, indicators):
    wb = load_workbook(io.BytesIO(make_sheet(period, cast.unit_a)))
    ws = wb.active
    ws["D3"] = "tám mươi"
    ws["D4"] = -5
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(SheetError) as err:
        import_sheet(period, cast.unit_a, out.getvalue(), cast.reporter_a)
    assert "D3" in str(err.value) and "D4" in str(err.value)
    assert not Value.objects.exists()


def test_another_units_sheet_is_refused(cast, period, indicators):
    with pytest.raises(SheetError):
        import_sheet(period, cast.unit_b, make_sheet(period, cast.unit_a), cast.reporter_b)
    with pytest.raises(SheetError):
        import_sheet(period, cast.unit_a, b"not a workbook", cast.reporter_a)


def test_the_rollup_follows_every_way_values_are_written(cast, period, indicators):
    from django.core.management import call_command

    from baocao.indicators.models import Rollup

    thu, _ = indicators
    save_values(period, cast.unit_a, {"thu-nsnn": "88,8"}, cast.reporter_a)
    assert Rollup.objects.get(indicator=thu, year=2023, month=2).total == Decimal("88.8")
    save_values(period, cast.unit_a, {"thu-nsnn": ""}, cast.reporter_a)  # cleared
    assert not Rollup.objects.filter(indicator=thu).exists()
    Value.objects.bulk_create([Value(indicator=thu, unit=cast.unit_b, year=2023, month=1, value=5)])
    assert not Rollup.objects.filter(indicator=thu).exists()  # a bulk write skips save() ...
    call_command("indicators_rebuild", stdout=io.StringIO())
    assert Rollup.objects.get(indicator=thu, year=2023, month=1).total == 5  # ... until rebuilt
