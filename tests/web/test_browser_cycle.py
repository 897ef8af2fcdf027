"""A whole reporting cycle in a real browser against the real server.

The demo's March 2023 (tasks from February's part B, Ban Tổ chức drafting, Hội Nông dân
submitted) taken to an issued report: the unit writes with autosave and the checker, the office
returns and accepts, consolidates, the leader approves, the office issues and downloads the .docx,
which re-imports to what the unit typed; March's part B shows up as tasks. Gunicorn serves a
fresh SQLite database; Chromium is Debian's. Screenshots go to docs/img/web-*.png.
"""

from __future__ import annotations

import re
import shutil

import pytest

from tests.web.browser_support import CHROMIUM, TIMEOUT_MS, message, shot

pytestmark = [pytest.mark.browser, pytest.mark.libreoffice]

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)
if shutil.which("soffice") is None:
    pytest.skip(
        "LibreOffice (soffice) is missing: issuing renders the .pdf", allow_module_level=True
    )

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

MARCH = "tháng 3 năm 2023"
PART_A = (
    "- Trong tháng Ban Tổ chức triển triển khai rà soát, bổ sung quy hoạch cấp ủy nhiệm kỳ "
    "2025-2030 tại 28 tổ chức cơ sở đảng."
)
PART_A_FIXED = PART_A.replace("triển triển khai", "triển khai")
PART_B = (
    "- Hoàn thành thẩm định hồ sơ kết nạp đảng viên đợt 19/5 tại các chi bộ.\n\n"
    "- Hướng dẫn đại hội chi bộ thôn, xóm nhiệm kỳ 2023-2025."
)
TASKS_B = [
    "Hoàn thành thẩm định hồ sơ kết nạp đảng viên đợt 19/5 tại các chi bộ.",
    "Hướng dẫn đại hội chi bộ thôn, xóm nhiệm kỳ 2023-2025.",
]
RETURN_COMMENT = "Đề nghị ghi rõ số chi bộ đã rà soát quy hoạch."
NUMBER = "Số 46-BC/HU"


def _row(page, text: str):
    return page.locator("#completeness tbody tr").filter(has_text=text)


def _open_submission(office, period_url: str, unit: str) -> str:
    office.goto(period_url)
    _row(office, unit).get_by_role("link", name="Xem").click()
    expect(office.locator("h1")).to_contain_text(unit)
    return office.url


def _type_and_autosave(page, form, text: str) -> None:
    """Replace the part's text the way a writer does: keystrokes, then the autosave."""
    area = form.locator("textarea[name=text]")
    area.click()
    area.fill("")
    area.press_sequentially(text)
    expect(form.locator(".save-status")).to_contain_text(
        re.compile(r"Đã lưu lúc \d\d:\d\d:\d\d \(phiên bản \d+\)"), timeout=TIMEOUT_MS
    )


def test_a_march_report_from_the_units_writing_to_the_issued_docx_and_next_tasks(
    server, login, tmp_path
):
    from baocao.document.canonical import canonical_text
    from baocao.document.io import read_document

    # -- the unit writes: autosave, the checker's finding, a task's result, submit
    unit = login("bantochuc", screenshot="login")
    row = unit.locator("table.grid tbody tr").filter(has_text=MARCH)
    expect(row).to_contain_text("Ban Tổ chức Huyện ủy")
    row.get_by_role("link", name="Viết báo cáo").click()
    expect(unit.locator("h1")).to_contain_text(f"Báo cáo {MARCH} — Ban Tổ chức Huyện ủy")
    sub_url = unit.url
    assert re.search(r"/bai/\d+/$", sub_url)

    # February's part B came back as tasks for this unit
    prompts = unit.locator("section").filter(has_text="Nhiệm vụ kỳ trước giao cho đơn vị")
    expect(prompts.locator(".task").first).to_be_visible()
    first_task = prompts.locator(".task").first
    task_text = first_task.locator("p").first.inner_text()
    first_task.get_by_label("Trạng thái").select_option("done")
    first_task.get_by_label("Kết quả thực hiện").fill("Đã hoàn thành trong tháng 3.")
    first_task.get_by_role("button", name="Cập nhật").click()
    message(unit, "Đã cập nhật kết quả thực hiện nhiệm vụ")
    first_task = unit.locator(".task").filter(has_text=task_text).first
    expect(first_task.get_by_label("Kết quả thực hiện")).to_have_value(
        "Đã hoàn thành trong tháng 3."
    )

    parts = unit.locator("form.part")
    expect(parts).to_have_count(2)
    part_a, part_b = parts.nth(0), parts.nth(1)
    expect(part_b.locator("h3")).to_contain_text("hoạt động của MTTQ")  # part B item
    _type_and_autosave(unit, part_a, PART_A)
    finding = part_a.locator(".findings-box li").filter(has_text="bị lặp")
    expect(finding).to_contain_text("Từ “triển” bị lặp", timeout=TIMEOUT_MS)
    _type_and_autosave(unit, part_b, PART_B)
    part_a.scroll_into_view_if_needed()
    shot(unit, "editor-findings")

    unit.get_by_role("button", name="Gửi báo cáo").click()
    message(unit, "Đã gửi báo cáo.")
    expect(unit.locator("span.status").first).to_have_text("Đã gửi")
    expect(unit.locator("textarea[name=text][readonly]")).to_have_count(2)

    # -- the office returns it with a comment
    office = login("vanphong")
    office.get_by_role("link", name=MARCH).click()
    expect(office.locator("#completeness")).to_be_visible()
    period_url = office.url
    assert re.search(r"/ky/\d+/$", period_url)
    expect(_row(office, "Hội Nông dân huyện")).to_contain_text("Đã gửi")
    _open_submission(office, period_url, "Ban Tổ chức Huyện ủy")
    assert office.url == sub_url
    expect(office.locator("textarea[readonly]").first).to_have_value(PART_A)
    office.get_by_label("Lý do trả lại").fill(RETURN_COMMENT)
    office.get_by_role("button", name="Trả lại").click()
    message(office, "Đã trả lại báo cáo cho đơn vị.")

    # -- the unit sees why, fixes the doubled word, sends again
    unit.reload()
    expect(unit.locator("p.conflict")).to_contain_text(f"Văn phòng trả lại: {RETURN_COMMENT}")
    shot(unit, "returned")
    part_a = unit.locator("form.part").nth(0)
    expect(part_a.locator("textarea[name=text]")).to_have_value(PART_A)
    _type_and_autosave(unit, part_a, PART_A_FIXED)
    expect(part_a.locator(".findings-box")).not_to_contain_text("bị lặp", timeout=TIMEOUT_MS)
    unit.get_by_role("button", name="Gửi báo cáo").click()
    message(unit, "Đã gửi báo cáo.")

    # -- a unit cannot open another unit's part: the server says it does not exist
    other_url = _open_submission(office, period_url, "Hội Nông dân huyện")
    response = unit.goto(other_url)
    assert response is not None and response.status == 404
    assert "Hội Nông dân" not in unit.content()
    shot(unit, "not-found")

    # -- the office accepts both, consolidates
    office.get_by_role("button", name="Tiếp nhận").click()
    message(office, "Đã tiếp nhận.")
    _open_submission(office, period_url, "Ban Tổ chức Huyện ủy")
    expect(office.locator("textarea[readonly]").first).to_have_value(PART_A_FIXED)
    office.get_by_role("button", name="Tiếp nhận").click()
    message(office, "Đã tiếp nhận.")
    office.goto(period_url)
    expect(_row(office, "Ban Tổ chức Huyện ủy")).to_contain_text("Đã tiếp nhận")
    expect(_row(office, "Hội Nông dân huyện")).to_contain_text("Đã tiếp nhận")
    shot(office, "completeness")
    office.get_by_role("button", name="Tổng hợp các báo cáo đã tiếp nhận").click()
    message(office, "Đã tổng hợp các báo cáo đã tiếp nhận thành bản dự thảo.")
    draft_url = office.url
    assert draft_url == period_url + "tong-hop/"
    draft = office.locator("#draft-text")
    expect(draft).to_have_value(re.compile(re.escape(PART_A_FIXED.removeprefix("- "))))
    expect(draft).to_have_value(re.compile(re.escape(TASKS_B[1])))
    expect(draft).to_have_value(re.compile("trồng 5.200 cây"))  # Hội Nông dân's part
    shot(office, "draft")

    # -- the leader approves; the office issues and downloads
    leader = login("pbt")
    leader.goto(draft_url)
    expect(leader.locator("#draft-text")).to_have_attribute("readonly", "")
    leader.get_by_role("button", name="Duyệt bản tổng hợp").click()
    message(leader, "Đã duyệt bản tổng hợp.")
    shot(leader, "approved")

    office.goto(draft_url)
    office.get_by_label("Số, ký hiệu").fill(NUMBER)
    office.get_by_label("Ngày ban hành").fill("2023-03-31")
    office.get_by_role("button", name="Ban hành (.docx, .pdf)").click(timeout=90_000)
    message(office, "Đã ban hành báo cáo")
    assert office.url == period_url
    expect(office.locator(".actions")).to_contain_text(f"{NUMBER}, ngày 31/03/2023")
    expect(office.get_by_role("link", name="Tải .pdf")).to_be_visible()
    shot(office, "issued")
    with office.expect_download() as info:
        office.get_by_role("link", name="Tải .docx").click()
    download = info.value
    assert download.suggested_filename.endswith(".docx")
    path = tmp_path / "bao-cao.docx"
    download.save_as(path)
    assert path.read_bytes()[:2] == b"PK"
    text = canonical_text(read_document(path))
    assert PART_A_FIXED.removeprefix("- ") in text
    assert "triển triển" not in text
    for t in TASKS_B:
        assert t in text
    assert NUMBER in text

    # -- March's part B is April's tasks, owned by Ban Tổ chức
    office.get_by_role("link", name="Nhiệm vụ").click()
    expect(office.locator("h1")).to_have_text("Nhiệm vụ trọng tâm")
    for t in TASKS_B:
        task_row = office.locator("table.grid tbody tr").filter(has_text=t)
        expect(task_row).to_have_count(1)
        expect(task_row).to_contain_text("Ban Tổ chức Huyện ủy")
        expect(task_row).to_contain_text(MARCH)
    done = office.locator("table.grid tbody tr").filter(has_text=task_text[:40])
    expect(done.first).to_contain_text("Đã hoàn thành trong tháng 3.")
    shot(office, "tasks")

    # -- the issued period is locked for the unit
    unit.goto(sub_url)
    expect(unit.get_by_role("button", name="Gửi báo cáo")).to_have_count(0)
    expect(unit.locator("textarea[name=text][readonly]")).to_have_count(2)
