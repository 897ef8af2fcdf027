import pytest

from baocao.archive.models import ArchivedReport
from baocao.archive.store import archive_document
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_search_without_diacritics_finds_the_report(cast, sample_doc):
    archive_document(cast.body, sample_doc, "bc.txt", b"x")
    assert ArchivedReport.objects.search("thanh loi").count() == 1
    assert ArchivedReport.objects.search("THÀNH LỢI chợ viềng").count() == 1
    assert ArchivedReport.objects.search("thanh loi xyzzyq").count() == 0


def test_the_archive_page_lists_only_the_users_bodies(cast, sample_doc):
    archive_document(cast.body, sample_doc, "bc.txt", b"x")
    assert (
        "Kết quả thực hiện công tác"
        in client_for(cast.compiler).get("/luu-tru/?q=vu+ban").content.decode()
    )
    page = client_for(cast.outsider).get("/luu-tru/?q=vu+ban").content.decode()
    assert "Kết quả thực hiện công tác" not in page


def test_an_old_report_file_is_imported_into_the_archive(cast, sample_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    f = SimpleUploadedFile("bc-2023-02.txt", sample_path.read_bytes())
    r = client_for(cast.compiler).post(
        "/luu-tru/nhap/", {"body": cast.body.pk, "file": f}, follow=True
    )
    assert r.status_code == 200
    report = ArchivedReport.objects.get()
    assert report.year == 2023 and report.period_label == "tháng 2 năm 2023"
    assert bytes(report.content) == sample_path.read_bytes()
    assert (
        client_for(cast.reporter_a).post("/luu-tru/nhap/", {"body": cast.body.pk}).status_code
        == 404
    )


def test_an_archived_reports_headings_become_an_outline(cast, sample_doc):
    from baocao.cycle.models import Outline

    report = archive_document(cast.body, sample_doc, "bc.txt", b"x")
    client_for(cast.compiler).post(f"/luu-tru/{report.pk}/lam-mau/")
    outline = Outline.objects.exclude(pk=cast.outline.pk).get()
    headings = list(outline.items.order_by("order").values_list("number", "heading"))
    assert headings[0] == ("A", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 2")
    assert ("*", "Một số hạn chế, yếu kém") in headings and len(headings) == 15
    assert client_for(cast.leader).post(f"/luu-tru/{report.pk}/lam-mau/").status_code == 403
