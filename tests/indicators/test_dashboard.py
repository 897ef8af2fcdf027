"""The readers' indicator pages: dashboard, full table, exports; and the SVG charts."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.urls import include, path, reverse
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

import baocao.indicators.urls as indicator_urls
import baocao.web.urls as web_urls
from baocao.indicators import charts, urls_dashboard
from baocao.indicators.models import Indicator, Target, Value
from tests.conftest import client_for

# Until urls_dashboard is merged into indicators/urls.py: the site's URLs with the dashboard's
# added to the "indicators" namespace (once merged, this adds nothing).
_known = {p.name for p in indicator_urls.urlpatterns}
_indicators = [*indicator_urls.urlpatterns]
_indicators += [p for p in urls_dashboard.urlpatterns if p.name not in _known]
urlpatterns = [
    path("chi-tieu/", include((_indicators, "indicators")))
    if getattr(p, "namespace", None) == "indicators"
    else p
    for p in web_urls.urlpatterns
]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

SVG = re.compile(r"<svg\b.*?</svg>", re.S)


@pytest.fixture
def figures(cast, period):
    """Two indicators of unit A, one of unit B (whose February value is missing), and 2022."""
    thu = Indicator.objects.create(
        body=cast.body,
        code="thu-nsnn",
        name="Tổng thu NSNN",
        unit_name="tỷ đồng",
        decimals=1,
        target_kind="estimate",
        reporter=cast.unit_a,
        order=1,
    )
    cay = Indicator.objects.create(
        body=cast.body,
        code="trong-cay",
        name="Trồng cây nhân dân",
        unit_name="cây",
        reporter=cast.unit_a,
        order=2,
    )
    hoi = Indicator.objects.create(
        body=cast.body,
        code="hoi-vien",
        name="Kết nạp hội viên <mới>",
        unit_name="người",
        reporter=cast.unit_b,
        order=3,
    )
    Target.objects.create(indicator=thu, year=2023, value=Decimal("1057.1"))
    Target.objects.create(indicator=cay, year=2023, value=Decimal("50000"))
    Target.objects.create(indicator=hoi, year=2023, value=Decimal("100"))

    def value(ind, year, month, v, unit=cast.unit_a):
        Value.objects.create(
            indicator=ind, unit=unit, year=year, month=month, value=Decimal(v), period=None
        )

    value(thu, 2023, 1, "45.2")
    value(thu, 2023, 2, "43.6")  # 88,8 to date: 8,4 % of 1.057,1
    value(thu, 2022, 1, "40.0")
    value(thu, 2022, 2, "40.0")  # 2022 to date 80,0: +11,0 % on last year
    value(cay, 2023, 2, "60000")  # 120 % of target: a bar at the edge
    value(hoi, 2023, 1, "7", cast.unit_b)  # nothing for February
    return thu, cay, hoi


def svgs(html: str) -> list[ET.Element]:
    found = SVG.findall(html)
    assert found
    for markup in found:
        assert "style=" not in markup
    return [ET.fromstring(markup) for markup in found]


def dashboard_url(cast, **query):
    url = reverse("indicators:dashboard", args=[cast.body.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.mark.parametrize("who", ["compiler", "leader"])
def test_the_dashboard_shows_progress_series_units_and_missing(cast, figures, who):
    response = client_for(getattr(cast, who)).get(dashboard_url(cast))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "tháng 2 năm 2023" in html
    assert "8,4%" in html and "88,8 / 1.057,1 tỷ đồng" in html
    assert "120,0%" in html
    bars, series, *_years = svgs(html)  # the years chart when there is more than one year
    texts = " ".join(t.text or "" for t in bars.iter("{http://www.w3.org/2000/svg}text"))
    assert "Kết nạp hội viên <mới>" in texts  # escaped in the markup, intact once parsed
    assert "&lt;mới&gt;" in html and "<mới>" not in html
    legend = [t.text for t in series.iter("{http://www.w3.org/2000/svg}text")]
    assert "2023" in legend and "2022" in legend
    # the per-unit table of the default indicator (the first with a target)
    units = html.split('class="grid indicator-units"')[1].split("</table>")[0]
    assert "Ban Tổ chức" in units and "43,6" in units and "Hội Nông dân" not in units
    assert "1 đơn vị khác chưa có số liệu" in html
    missing = html.split('id="missing"')[1].split("</table>")[0]
    assert "Kết nạp hội viên &lt;mới&gt;" in missing and "Hội Nông dân" in missing
    assert "Tổng thu NSNN" not in missing
    assert f"/chi-tieu/ky/{cast.body.periods.get().pk}/xuat.xlsx" in html


def test_the_dashboard_charts_the_chosen_indicator(cast, figures, period):
    html = (
        client_for(cast.compiler)
        .get(dashboard_url(cast, ky=period.pk, **{"chi-tieu": "trong-cay"}))
        .content.decode()
    )
    assert "Trồng cây nhân dân theo tháng, 2023 so với 2022" in html
    assert "60.000" in html


def test_an_unknown_period_is_not_found(cast, figures):
    c = client_for(cast.compiler)
    assert c.get(dashboard_url(cast, ky=999999)).status_code == 404
    assert c.get(dashboard_url(cast, ky="x")).status_code == 404


def test_without_values_or_periods_the_dashboard_still_renders(cast):
    response = client_for(cast.leader).get(dashboard_url(cast))
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


@pytest.mark.parametrize("who", ["reporter_a", "outsider"])
def test_others_are_refused(cast, figures, period, who):
    c = client_for(getattr(cast, who))
    assert c.get(dashboard_url(cast)).status_code == 404
    assert c.get(reverse("indicators:table", args=[period.pk])).status_code == 404
    assert c.get(reverse("indicators:export", args=[period.pk, "csv"])).status_code == 404


def test_anonymous_is_sent_to_login(cast, figures, period):
    from django.test import Client

    for url in (
        dashboard_url(cast),
        reverse("indicators:table", args=[period.pk]),
        reverse("indicators:export", args=[period.pk, "xlsx"]),
    ):
        response = Client().get(url)
        assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


@pytest.mark.parametrize("who", ["compiler", "leader"])
def test_the_table_has_every_column(cast, figures, period, who):
    response = client_for(getattr(cast, who)).get(reverse("indicators:table", args=[period.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    row = html.split("<td>Tổng thu NSNN</td>")[1].split("</tr>")[0]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    # ĐVT, kỳ này, lũy kế, chỉ tiêu năm, %, so cùng kỳ, so kỳ trước, cảnh báo
    assert cells[:7] == ["tỷ đồng", "43,6", "88,8", "1.057,1", "8,4%", "+11,0%", "-3,5%"]
    assert "Biểu đồ chỉ tiêu" in html


def test_an_unknown_export_format_is_not_found(cast, figures, period):
    url = f"/chi-tieu/ky/{period.pk}/xuat.pdf"
    assert client_for(cast.compiler).get(url).status_code == 404


def test_the_xlsx_holds_numbers(cast, figures, period):
    response = client_for(cast.compiler).get(reverse("indicators:export", args=[period.pk, "xlsx"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    ws = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in ws[2]][:3] == ["Chỉ tiêu", "ĐVT", "Kỳ này"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=3, values_only=True)}
    thu = rows["Tổng thu NSNN"]
    assert thu[2] == pytest.approx(43.6) and thu[3] == pytest.approx(88.8)
    assert thu[4] == pytest.approx(1057.1) and thu[5] == pytest.approx(8.4, abs=0.01)
    assert rows["Trồng cây nhân dân"][5] == pytest.approx(120)
    hoi = rows["Kết nạp hội viên <mới>"]
    assert hoi[2] is None and hoi[3] == 7  # nothing in February, 7 to date


def test_the_csv_has_a_bom_and_vietnamese_figures(cast, figures, period):
    response = client_for(cast.leader).get(reverse("indicators:export", args=[period.pk, "csv"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = response.content
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "Chỉ tiêu"
    thu = next(r for r in rows if r[0] == "Tổng thu NSNN")
    assert thu[1:6] == ["tỷ đồng", "43,6", "88,8", "1.057,1", "8,4%"]


# --- charts.py ---------------------------------------------------------------------------

maybe_float = st.one_of(st.none(), st.floats())
label = st.text(max_size=40)


def parse(svg: str) -> ET.Element:
    assert "style=" not in svg
    return ET.fromstring(svg)


@given(st.lists(st.tuples(label, maybe_float, label), max_size=15))
def test_progress_bars_are_well_formed_svg(rows):
    parse(charts.progress_bars_svg(rows))


@given(
    st.dictionaries(label, st.lists(maybe_float, max_size=14), max_size=4),
    st.lists(label, max_size=12),
    label,
    label,
)
def test_series_are_well_formed_svg(series, labels, title, unit):
    parse(charts.series_svg(title, series, labels, unit))


def test_series_ticks_are_written_the_vietnamese_way():
    svg = charts.series_svg(
        "Tổng thu", {"2023": [45.2, 43.6], "2022": [4000.0, None, 3900.5]}, ["T1", "T2"], "tỷ"
    )
    texts = [t.text for t in parse(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert "4.000" in texts and "0" in texts
    assert texts.count("2023") == 1


def test_a_bar_over_the_scale_is_cut_and_marked():
    svg = charts.progress_bars_svg([("Vượt", 250.0, "25 / 10"), ("Chưa có", None, "")])
    root = parse(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f".//{ns}polygon") is not None  # the arrow at the edge
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "250,0%" in texts and "—" in texts and "100%" in texts
    widths = [float(r.get("width")) for r in root.iter(f"{ns}rect")]
    assert max(widths) <= 520


def test_unit_targets_and_missing_figures_show_where_the_office_looks(cast, period):
    from decimal import Decimal

    from baocao.indicators.models import Indicator, Target, Value

    ind = Indicator.objects.create(
        body=cast.body, code="cay", name="Trồng cây nhân dân", unit_name="cây", reporter=cast.unit_a
    )
    other = Indicator.objects.create(
        body=cast.body,
        code="dv",
        name="Kết nạp đảng viên",
        unit_name="đảng viên",
        reporter=cast.unit_b,
    )
    Target.objects.create(indicator=ind, year=2023, unit=cast.unit_a, value=Decimal(1000))
    Value.objects.create(indicator=ind, unit=cast.unit_a, year=2023, month=1, value=Decimal(300))
    Value.objects.create(indicator=ind, unit=cast.unit_a, year=2023, month=2, value=Decimal(200))
    office = client_for(cast.compiler)
    page = office.get(f"/chi-tieu/{cast.body.pk}/?ky={period.pk}&chi-tieu=cay").content.decode()
    assert "1.000" in page and "50,0%" in page  # 500 of the unit's own 1.000
    completeness = office.get(f"/ky/{period.pk}/").content.decode()
    assert "Số liệu chỉ tiêu chưa nhập" in completeness and other.name in completeness
    assert ind.name not in completeness


def test_the_years_chart_and_the_unit_table_export(cast, period, thu):
    from decimal import Decimal

    from baocao.indicators.models import Value

    for year, value in ((2021, "700"), (2022, "800"), (2023, "88.8")):
        Value.objects.create(
            indicator=thu, unit=cast.unit_a, year=year, month=2, value=Decimal(value)
        )
    office = client_for(cast.compiler)
    page = office.get(
        f"/chi-tieu/{cast.body.pk}/?ky={period.pk}&chi-tieu=thu-nsnn"
    ).content.decode()
    assert "Tổng thu NSNN qua các năm" in page and ">2021<" in page
    r = office.get(f"/chi-tieu/ky/{period.pk}/don-vi/thu-nsnn.csv")
    text = r.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Đơn vị") and 'Ban Tổ chức,"88,8","88,8"' in text
    assert office.get(f"/chi-tieu/ky/{period.pk}/don-vi/khong-co.csv").status_code == 404
    assert (
        client_for(cast.reporter_a).get(f"/chi-tieu/ky/{period.pk}/don-vi/thu-nsnn.csv").status_code
        == 404
    )
