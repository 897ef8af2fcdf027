"""A whole period through the pages, as each role does it."""

from __future__ import annotations

import datetime as dt

import pytest

from baocao.cycle.models import Contribution, Draft, IssuedReport, PeriodStatus, Submission
from baocao.tasks.models import Task
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _save(client, sub, c, text, version=None, htmx=True):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(
        f"/bai/{sub.pk}/muc/{c.pk}/",
        {"text": text, "version": c.version if version is None else version},
        **headers,
    )


def test_a_unit_writes_submits_and_the_office_returns_then_accepts(cast, period):
    sub = Submission.objects.get(period=period, unit=cast.unit_a)
    c = sub.contributions.get(item=cast.item_a)
    a = client_for(cast.reporter_a)
    page = a.get(f"/bai/{sub.pk}/")
    assert page.status_code == 200
    assert "Công tác xây dựng Đảng" in page.content.decode()
    r = _save(a, sub, c, "- Trong tháng kết nạp 21 đảng viên, công nhận chính thức 03 đảng viên.")
    assert r.status_code == 200 and "Đã lưu" in r.content.decode()
    sub.refresh_from_db()
    assert sub.status == "draft"
    a.post(f"/bai/{sub.pk}/gui/")
    sub.refresh_from_db()
    assert sub.status == "submitted" and sub.submitted_at

    office = client_for(cast.compiler)
    office.post(f"/bai/{sub.pk}/tra-lai/", {"comment": "Bổ sung số liệu phát triển đảng viên"})
    sub.refresh_from_db()
    assert sub.status == "returned"
    assert "Bổ sung số liệu" in a.get(f"/bai/{sub.pk}/").content.decode()

    c.refresh_from_db()
    _save(a, sub, c, c.text + "\n\n- Xin ra khỏi Đảng 01 đ/c.")
    a.post(f"/bai/{sub.pk}/gui/")
    office.post(f"/bai/{sub.pk}/tiep-nhan/")
    sub.refresh_from_db()
    assert sub.status == "accepted"


def test_an_empty_part_cannot_be_submitted(cast, period):
    sub = Submission.objects.get(period=period, unit=cast.unit_a)
    r = client_for(cast.reporter_a).post(f"/bai/{sub.pk}/gui/", follow=True)
    assert "Chưa có nội dung" in r.content.decode()
    sub.refresh_from_db()
    assert sub.status == "new"


def test_a_stale_save_is_refused_and_both_texts_are_kept(cast, period):
    sub = Submission.objects.get(period=period, unit=cast.unit_a)
    c = sub.contributions.get(item=cast.item_a)
    first, second = client_for(cast.reporter_a), client_for(cast.reporter_a)
    assert _save(first, sub, c, "Bản thứ nhất.", version=0).status_code == 200
    r = _save(second, sub, c, "Bản thứ hai, soạn từ bản cũ.", version=0)
    assert r.status_code == 409
    assert "Không lưu" in r.content.decode() and "Bản thứ nhất." in r.content.decode()
    c.refresh_from_db()
    assert c.text == "Bản thứ nhất." and c.version == 1
    assert c.conflicts.get().text == "Bản thứ hai, soạn từ bản cũ."
    # without JavaScript the same refusal comes back as a message on the page
    r = _save(second, sub, c, "Bản thứ ba.", version=0, htmx=False)
    assert r.status_code == 302
    assert c.conflicts.count() == 2


def test_markup_pasted_into_the_editor_is_stripped(cast, period):
    sub = Submission.objects.get(period=period, unit=cast.unit_a)
    c = sub.contributions.get(item=cast.item_a)
    _save(
        client_for(cast.reporter_a),
        sub,
        c,
        'Kết nạp <script>alert(1)</script><b onclick="x">21</b> đảng viên',
    )
    c.refresh_from_db()
    assert "<" not in c.text and "21" in c.text


@pytest.mark.libreoffice
def test_the_whole_period_from_parts_to_issued_files_and_next_tasks(cast, period):
    sub_a = Submission.objects.get(period=period, unit=cast.unit_a)
    sub_b = Submission.objects.get(period=period, unit=cast.unit_b)
    a, b = client_for(cast.reporter_a), client_for(cast.reporter_b)
    ca = sub_a.contributions.get(item=cast.item_a)
    focus = sub_a.contributions.get(item=cast.focus_item)
    cb = sub_b.contributions.get(item=cast.item_b)
    _save(a, sub_a, ca, "- Kết nạp 21 đảng viên[^1].\n\n[^1]: Tại 12 chi bộ.")
    _save(a, sub_a, focus, "- Tổ chức hội nghị sơ kết quý I.\n\n- Kiện toàn cấp ủy các xã.")
    _save(b, sub_b, cb, "- Hội Nông dân, trồng 10.430 cây các loại.")
    a.post(f"/bai/{sub_a.pk}/gui/")
    b.post(f"/bai/{sub_b.pk}/gui/")
    office, leader = client_for(cast.compiler), client_for(cast.leader)
    for s in (sub_a, sub_b):
        office.post(f"/bai/{s.pk}/tiep-nhan/")
    office.post(f"/ky/{period.pk}/tong-hop/lap/")
    draft = Draft.objects.get(period=period)
    assert "Kết nạp 21 đảng viên[^1]" in draft.text and "10.430 cây" in draft.text
    assert draft.text.index("Kết nạp 21") < draft.text.index("10.430 cây")
    page = leader.get(f"/ky/{period.pk}/tong-hop/")
    assert page.status_code == 200
    # leaders comment and approve; they cannot edit
    leader.post(f"/ky/{period.pk}/y-kien/", {"quote": "Kết nạp 21", "text": "Ghi rõ số chi bộ"})
    assert draft.comments.count() == 1
    assert (
        leader.post(
            f"/ky/{period.pk}/tong-hop/", {"text": "x", "version": draft.version}
        ).status_code
        == 403
    )
    assert office.post(f"/ky/{period.pk}/duyet/").status_code == 403
    leader.post(f"/ky/{period.pk}/duyet/")
    period.refresh_from_db()
    assert period.status == PeriodStatus.APPROVED

    # the next period is already open, so part B's tasks are due there
    from baocao.cycle.workflow import open_period

    march = open_period(cast.body, cast.outline, "month", 2023, 3)
    r = office.post(f"/ky/{period.pk}/ban-hanh/", {"number": "Số 45-BC/HU", "date": "2023-02-28"})
    assert r.status_code == 302
    period.refresh_from_db()
    assert period.status == PeriodStatus.ISSUED
    issued = IssuedReport.objects.get(period=period)
    assert bytes(issued.docx[:2]) == b"PK"
    tasks = list(Task.objects.filter(source_period=period).order_by("order"))
    assert [t.text for t in tasks] == ["Tổ chức hội nghị sơ kết quý I.", "Kiện toàn cấp ủy các xã."]
    assert all(t.owner == cast.unit_a and t.due_period == march for t in tasks)
    # the period is locked now
    ca.refresh_from_db()
    assert _save(a, sub_a, ca, "sửa sau khi ban hành").content.decode().count("không sửa được") == 1
    # next period prompts unit A for its tasks, not unit B
    march_a = Submission.objects.get(period=march, unit=cast.unit_a)
    march_b = Submission.objects.get(period=march, unit=cast.unit_b)
    assert "Tổ chức hội nghị sơ kết quý I." in a.get(f"/bai/{march_a.pk}/").content.decode()
    assert "Tổ chức hội nghị sơ kết quý I." not in b.get(f"/bai/{march_b.pk}/").content.decode()
    a.post(
        f"/bai/{march_a.pk}/nhiem-vu/{tasks[0].pk}/",
        {"status": "done", "progress": "Đã tổ chức ngày 10/3"},
    )
    tasks[0].refresh_from_db()
    assert tasks[0].status == "done"
    # the docx downloads and re-imports to the consolidated text
    r = office.get(f"/ky/{period.pk}/tai/docx/")
    assert r.status_code == 200 and r["Content-Type"].endswith("wordprocessingml.document")


def test_the_exported_docx_reimports_to_the_consolidated_text(cast, period, tmp_path):
    from baocao.cycle import workflow
    from baocao.cycle.documents import draft_document
    from baocao.document.canonical import canonical_text
    from baocao.document.io import read_document

    sub = Submission.objects.get(period=period, unit=cast.unit_a)
    c = sub.contributions.get(item=cast.item_a)
    Contribution.objects.filter(pk=c.pk).update(
        text="- Kết nạp *21* đảng viên[^1].\n\n[^1]: Tại 12 chi bộ."
    )
    workflow.submit(sub, cast.reporter_a)
    workflow.accept(sub, cast.compiler)
    workflow.consolidate(period, cast.compiler)
    workflow.approve(period, cast.leader)
    issued = workflow.issue(
        period, cast.compiler, "Số 45-BC/HU", dt.date(2023, 2, 28), with_pdf=False
    )
    out = tmp_path / "bc.docx"
    out.write_bytes(bytes(issued.docx))
    back = read_document(out)
    period.refresh_from_db()
    expected = draft_document(period, number="Số 45-BC/HU", date=dt.date(2023, 2, 28))
    assert canonical_text(back) == canonical_text(expected)
    assert back.footnotes[0].text == "Tại 12 chi bộ."


def test_history_keeps_every_version_and_restores_one(cast, period):
    from baocao.cycle import workflow

    sub = Submission.objects.get(period=period, unit=cast.unit_a)
    Contribution.objects.filter(submission=sub, item=cast.item_a).update(text="- Đoạn một.")
    workflow.submit(sub, cast.reporter_a)
    workflow.accept(sub, cast.compiler)
    draft = workflow.consolidate(period, cast.compiler)
    office = client_for(cast.compiler)
    original = draft.text
    office.post(
        f"/ky/{period.pk}/tong-hop/", {"text": original + "\nThêm đoạn.", "version": draft.version}
    )
    draft.refresh_from_db()
    assert "Thêm đoạn." in draft.text
    first = draft.history.order_by("history_date").first()
    assert first.history_user == cast.compiler
    page = office.get(f"/ky/{period.pk}/tong-hop/so-sanh/")
    assert page.status_code == 200 and "Thêm&nbsp;đoạn." in page.content.decode()
    office.post(f"/ky/{period.pk}/tong-hop/khoi-phuc/{first.history_id}/")
    draft.refresh_from_db()
    assert draft.text == first.text and draft.history.count() >= 3


def test_the_completeness_page_shows_each_unit_and_late_ones(cast, period):
    period.deadline = dt.date(2023, 2, 16)
    period.save()
    page = client_for(cast.compiler).get(f"/ky/{period.pk}/").content.decode()
    assert "Ban Tổ chức" in page and "Hội Nông dân" in page
    assert page.count("Trễ hạn") == 2


def test_reminders_go_to_units_that_have_not_sent(cast, period, mailoutbox):
    from baocao.cycle import workflow

    sub_b = Submission.objects.get(period=period, unit=cast.unit_b)
    Contribution.objects.filter(submission=sub_b).update(text="x")
    workflow.submit(sub_b, cast.reporter_b)
    client_for(cast.compiler).post(f"/ky/{period.pk}/nhac-nho/")
    assert len(mailoutbox) == 1
    assert set(mailoutbox[0].to) == {"a@example.invalid", "reporter_a@example.invalid"}
    assert "tháng 2 năm 2023" in mailoutbox[0].subject


def test_a_bad_upload_gets_a_message_and_nothing_is_stored(cast, period):
    from django.core.files.uploadedfile import SimpleUploadedFile

    sub = Submission.objects.get(period=period, unit=cast.unit_a)
    f = SimpleUploadedFile("bao-cao.docx", b"PK\x03\x04 not really a zip")
    r = client_for(cast.reporter_a).post(f"/bai/{sub.pk}/tai-len/", {"file": f}, follow=True)
    assert "Không đọc được bao-cao.docx" in r.content.decode()
    assert not Contribution.objects.filter(submission=sub).exclude(text="").exists()


def test_a_docx_upload_fills_the_chosen_part(cast, period, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from baocao.document.compose import parse_markdown
    from baocao.document.io import write_document

    doc = parse_markdown("- Kết nạp **21** đảng viên[^1].\n\n[^1]: Tại 12 chi bộ.")
    path = tmp_path / "phan.docx"
    write_document(doc, path)
    sub = Submission.objects.get(period=period, unit=cast.unit_a)
    c = sub.contributions.get(item=cast.item_a)
    f = SimpleUploadedFile("phan.docx", path.read_bytes())
    client_for(cast.reporter_a).post(f"/bai/{sub.pk}/tai-len/", {"file": f, "item": c.pk})
    c.refresh_from_db()
    assert "Kết nạp **21** đảng viên[^1]" in c.text and "[^1]: Tại 12 chi bộ." in c.text


def test_editing_an_approved_draft_asks_for_approval_again(cast, period):
    from baocao.cycle import workflow

    sub = Submission.objects.get(period=period, unit=cast.unit_a)
    Contribution.objects.filter(submission=sub, item=cast.item_a).update(text="- Đoạn một.")
    workflow.submit(sub, cast.reporter_a)
    workflow.accept(sub, cast.compiler)
    draft = workflow.consolidate(period, cast.compiler)
    workflow.approve(period, cast.leader)
    client_for(cast.compiler).post(
        f"/ky/{period.pk}/tong-hop/", {"text": draft.text + "\nThêm.", "version": draft.version}
    )
    period.refresh_from_db()
    draft.refresh_from_db()
    assert period.status == PeriodStatus.OPEN and draft.approved_at is None
    r = client_for(cast.compiler).post(
        f"/ky/{period.pk}/ban-hanh/", {"number": "Số 45-BC/HU", "date": "2023-02-28"}, follow=True
    )
    assert "cần được lãnh đạo duyệt" in r.content.decode()


def test_pages_that_do_not_exist_answer_in_vietnamese(cast):
    r = client_for(cast.reporter_a).get("/bai/999999/")
    assert r.status_code == 404 and "Không tìm thấy trang" in r.content.decode()


def test_a_refused_save_is_shown_on_the_units_page(cast, period):
    sub = Submission.objects.get(period=period, unit=cast.unit_a)
    c = sub.contributions.get(item=cast.item_a)
    a = client_for(cast.reporter_a)
    _save(a, sub, c, "Bản thứ nhất.", version=0)
    _save(a, sub, c, "Bản soạn từ bản cũ.", version=0, htmx=False)
    page = a.get(f"/bai/{sub.pk}/").content.decode()
    assert "Bản không được lưu" in page and "Bản soạn từ bản cũ." in page


def test_a_unit_restores_an_earlier_version_of_its_part(cast, period):
    sub = Submission.objects.get(period=period, unit=cast.unit_a)
    c = sub.contributions.get(item=cast.item_a)
    a = client_for(cast.reporter_a)
    _save(a, sub, c, "Bản một.", version=0)
    c.refresh_from_db()
    _save(a, sub, c, "Bản hai.")
    first = c.history.filter(text="Bản một.").first()
    page = a.get(f"/bai/{sub.pk}/").content.decode()
    assert "Các phiên bản trước" in page
    assert (
        client_for(cast.reporter_b)
        .post(f"/bai/{sub.pk}/muc/{c.pk}/khoi-phuc/{first.history_id}/")
        .status_code
        == 404
    )
    assert (
        client_for(cast.compiler)
        .post(f"/bai/{sub.pk}/muc/{c.pk}/khoi-phuc/{first.history_id}/")
        .status_code
        == 403
    )
    a.post(f"/bai/{sub.pk}/muc/{c.pk}/khoi-phuc/{first.history_id}/")
    c.refresh_from_db()
    assert c.text == "Bản một." and c.version == 3
