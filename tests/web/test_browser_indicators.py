"""A unit's indicator figures in a real browser against the real server.

The demo's March 2023: Ủy ban nhân dân huyện (`ubnd`) opens its submission, follows "Số liệu
chỉ tiêu của đơn vị", types a wrong figure (refused in its row, nothing saved), corrects it,
saves, inserts the generated sentence for Tổng thu NSNN into a part of its report, then edits the
figure by hand and sees the checker object (rule data.indicator); it downloads its .xlsx sheet.
The office (`vanphong`) sees the new year-to-date on the dashboard. Gunicorn serves a fresh
SQLite database; Chromium is Debian's. Screenshots: docs/img/web-indicator-*.png.
"""

from __future__ import annotations

import re

import pytest

from tests.web.browser_support import CHROMIUM, TIMEOUT_MS, message, shot

pytestmark = [pytest.mark.browser]

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

MARCH = "tháng 3 năm 2023"
# January 45,2 + February 43,6 (the demo) + March 40,5 (typed here), of the 1.057,1 tỷ estimate
YTD = "129,3 tỷ đồng"
PERCENT = "đạt 12,2% dự toán"
WRONG = "139,3 tỷ đồng"


def _value_row(page, name: str):
    return page.locator("#values tbody tr").filter(has_text=name)


def test_a_unit_enters_its_figures_inserts_the_sentence_and_the_office_sees_them(login, tmp_path):
    from openpyxl import load_workbook

    # -- the unit opens its March submission, then its figures
    unit = login("ubnd")
    row = unit.locator("table.grid tbody tr").filter(has_text=MARCH)
    row.get_by_role("link", name="Viết báo cáo").click()
    expect(unit.locator("h1")).to_contain_text(f"Báo cáo {MARCH}")
    sub_url = unit.url
    sub_id = re.search(r"/bai/(\d+)/$", sub_url).group(1)
    unit.get_by_role("link", name="Số liệu chỉ tiêu của đơn vị").click()
    assert unit.url.endswith(f"/chi-tieu/bai/{sub_id}/")
    entry_url = unit.url
    expect(unit.locator("h1")).to_contain_text(f"Số liệu chỉ tiêu {MARCH}")
    thu = unit.get_by_label("Tổng thu NSNN", exact=True)
    chi = unit.get_by_label("Tổng chi NSNN", exact=True)
    expect(thu).to_have_value("")  # March has no figures yet

    # -- one bad field: its row says why, and no field is saved
    thu.fill("abc")
    chi.fill("52,4")
    unit.get_by_role("button", name="Lưu số liệu").click()
    expect(_value_row(unit, "Tổng thu NSNN").locator(".error")).to_contain_text(
        "“abc” không phải số"
    )
    expect(_value_row(unit, "Tổng chi NSNN").locator(".error")).to_have_count(0)
    expect(unit.get_by_label("Tổng thu NSNN", exact=True)).to_have_value("abc")  # kept as typed
    unit.goto(entry_url)
    expect(unit.get_by_label("Tổng thu NSNN", exact=True)).to_have_value("")
    expect(unit.get_by_label("Tổng chi NSNN", exact=True)).to_have_value("")
    expect(unit.get_by_role("heading", name="Câu số liệu cho báo cáo")).to_have_count(0)

    # -- corrected and saved: the sentence is written from January to March
    unit.get_by_label("Tổng thu NSNN", exact=True).fill("40,5")
    unit.get_by_label("Tổng chi NSNN", exact=True).fill("52,4")
    unit.get_by_role("button", name="Lưu số liệu").click()
    message(unit, "Đã lưu 2 chỉ tiêu.")
    expect(unit.get_by_label("Tổng thu NSNN", exact=True)).to_have_value("40,5")
    sentence_item = unit.locator("ul.findings li").filter(has_text=re.compile(r"^Tổng thu NSNN"))
    expect(sentence_item).to_have_count(1)
    expect(sentence_item).to_contain_text(f"là {YTD}, {PERCENT}")
    sentence = sentence_item.locator("input[name=sentence]").get_attribute("value")
    assert sentence.startswith("Tổng thu NSNN đến ") and f"là {YTD}, {PERCENT}" in sentence
    shot(unit, "indicator-entry")

    # -- the unit's .xlsx sheet holds the figure as a number
    with unit.expect_download() as info:
        unit.get_by_role("link", name="Tải bảng Excel").click()
    download = info.value
    assert download.suggested_filename.endswith("-2023-03.xlsx")
    path = tmp_path / "chi-tieu.xlsx"
    download.save_as(path)
    sheet = load_workbook(path).active
    by_code = {r[0]: r[3] for r in sheet.iter_rows(min_row=3, values_only=True) if r[0]}
    assert by_code["thu-nsnn"] == pytest.approx(40.5)
    assert by_code["chi-nsnn"] == pytest.approx(52.4)

    # -- inserted into a part: the submission page shows it in that part's textarea
    part_name = sentence_item.locator("select[name=item] option").first.inner_text()
    sentence_item.get_by_role("button", name="Chèn vào báo cáo").click()
    message(unit, "Đã chèn câu số liệu vào báo cáo.")
    assert unit.url == sub_url
    part = unit.locator("form.part").filter(has=unit.locator(f"textarea:text-matches('{YTD}')"))
    expect(part).to_have_count(1)
    expect(part.locator("h3")).to_contain_text(part_name.rstrip("…").strip())
    area = part.locator("textarea[name=text]")
    expect(area).to_have_value(re.compile(re.escape(f"- {sentence}")))
    expect(part.locator(".findings-box")).not_to_contain_text("khác số liệu đã nhập")

    # -- the figure changed by hand: the checker compares it with the entered data
    text = area.input_value()
    wrong = text.replace(YTD, WRONG)
    area.fill(wrong[:-1])
    area.press_sequentially(wrong[-1])  # a keystroke: the checker runs on keyup
    finding = part.locator(".findings-box li").filter(has_text="khác số liệu đã nhập")
    expect(finding).to_contain_text(f"{WRONG} khác số liệu đã nhập", timeout=TIMEOUT_MS)
    expect(finding).to_contain_text("Tổng thu NSNN")
    expect(finding.locator("code")).to_have_text("data.indicator")
    expect(part.locator(".save-status")).to_contain_text("Đã lưu lúc", timeout=TIMEOUT_MS)

    # -- the office sees the new year-to-date on the body's dashboard for March
    office = login("vanphong")
    office.get_by_role("link", name=MARCH).click()
    march_id = re.search(r"/ky/(\d+)/$", office.url).group(1)
    office.get_by_role("link", name="Chỉ tiêu", exact=True).click()
    body_id = re.search(r"/chi-tieu/(\d+)/", office.url).group(1)
    office.goto(f"/chi-tieu/{body_id}/?ky={march_id}")
    expect(office.locator("h1")).to_contain_text(MARCH)
    bars = office.locator("figure.chart").first
    expect(bars).to_contain_text("129,3")
    expect(bars).to_contain_text("12,2%")
    missing = office.locator("#missing")
    expect(missing).not_to_contain_text("Tổng thu NSNN")
    expect(missing).to_contain_text("Thu trên địa bàn")  # not typed in March
    shot(office, "indicator-dashboard")
