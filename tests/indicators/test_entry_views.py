"""A unit's indicator page: values typed in the browser, the Excel sheet, the sentences."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from baocao.cycle.checking import check_text
from baocao.cycle.models import Submission
from baocao.indicators.checking import checker_options
from baocao.indicators.models import Value
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _sub(period, unit):
    return Submission.objects.get(period=period, unit=unit)


def test_the_unit_types_its_values_and_gets_the_sentence(cast, period, thu):
    sub = _sub(period, cast.unit_a)
    a = client_for(cast.reporter_a)
    r = a.post(f"/chi-tieu/bai/{sub.pk}/", {"v-thu-nsnn": "88,8"}, follow=True)
    assert "Đã lưu 1 chỉ tiêu" in r.content.decode()
    page = a.get(f"/chi-tieu/bai/{sub.pk}/").content.decode()
    assert 'value="88,8"' in page
    assert "Tổng thu NSNN đến 14/02/2023 là 88,8 tỷ đồng, đạt 8,4% dự toán." in page


def test_a_bad_value_is_answered_in_its_row_and_nothing_saved(cast, period, thu):
    sub = _sub(period, cast.unit_a)
    page = client_for(cast.reporter_a).post(f"/chi-tieu/bai/{sub.pk}/", {"v-thu-nsnn": "88.8"})
    assert "không phải số" in page.content.decode()
    assert not Value.objects.exists()


def test_other_units_and_leaders_cannot_enter_values(cast, period, thu):
    sub = _sub(period, cast.unit_a)
    assert (
        client_for(cast.reporter_b)
        .post(f"/chi-tieu/bai/{sub.pk}/", {"v-thu-nsnn": "1"})
        .status_code
        == 404
    )
    assert (
        client_for(cast.leader).post(f"/chi-tieu/bai/{sub.pk}/", {"v-thu-nsnn": "1"}).status_code
        == 403
    )
    assert client_for(cast.leader).get(f"/chi-tieu/bai/{sub.pk}/").status_code == 200
    assert not Value.objects.exists()


def test_the_sheet_downloads_and_uploads(cast, period, thu):
    sub = _sub(period, cast.unit_a)
    a = client_for(cast.reporter_a)
    data = a.get(f"/chi-tieu/bai/{sub.pk}/bang.xlsx").content
    wb = load_workbook(io.BytesIO(data))
    wb.active["D3"] = 88.8
    out = io.BytesIO()
    wb.save(out)
    f = SimpleUploadedFile("bang.xlsx", out.getvalue())
    r = a.post(f"/chi-tieu/bai/{sub.pk}/nhap-bang/", {"file": f}, follow=True)
    assert "Đã nhập 1 chỉ tiêu" in r.content.decode()
    assert Value.objects.get().value == Decimal("88.8")


def test_a_sentence_is_inserted_into_a_part_and_the_checker_knows_the_value(cast, period, thu):
    sub = _sub(period, cast.unit_a)
    a = client_for(cast.reporter_a)
    a.post(f"/chi-tieu/bai/{sub.pk}/", {"v-thu-nsnn": "88,8"})
    c = sub.contributions.get(item=cast.item_a)
    sentence = "Tổng thu NSNN đến 14/02/2023 là 88,8 tỷ đồng, đạt 8,4% dự toán."
    a.post(f"/chi-tieu/bai/{sub.pk}/chen-cau/", {"item": c.pk, "sentence": sentence})
    c.refresh_from_db()
    assert c.text.endswith(f"- {sentence}")
    # a sentence of one's own making is refused
    a.post(f"/chi-tieu/bai/{sub.pk}/chen-cau/", {"item": c.pk, "sentence": "Bịa ra 1 tỷ đồng."})
    c.refresh_from_db()
    assert "Bịa ra" not in c.text
    options = checker_options(period)
    assert check_text(c.text, options=options) == []
    edited = c.text.replace("88,8 tỷ", "98,8 tỷ")
    rules = {r.rule for r in check_text(edited, options=options)}
    assert "data.indicator" in rules
