import pytest

from baocao.document.compose import parse_markdown
from baocao.tasks.from_report import create_tasks
from baocao.tasks.models import Task
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _tasks(period):
    doc = parse_markdown(
        "B. NHIỆM VỤ TRỌNG TÂM THÁNG 3\n\n"
        "1. Công tác xây dựng Đảng, hoạt động của MTTQ và các đoàn thể nhân dân\n\n"
        "- Tổng kết 15 năm thực hiện Nghị quyết số 10.\n\n"
        "2. Phát triển kinh tế\n\n- Đấu giá 28 lô đất."
    )
    return create_tasks(period, doc)


def test_part_b_owners_come_from_the_outline_and_the_office_can_change_them(cast, period):
    first, second = _tasks(period)
    assert first.owner == cast.unit_a and second.owner is None
    office = client_for(cast.compiler)
    assert "Đấu giá 28 lô đất." in office.get("/nhiem-vu/").content.decode()
    office.post(f"/nhiem-vu/{second.pk}/giao/", {"owner": cast.unit_b.pk})
    second.refresh_from_db()
    assert second.owner == cast.unit_b
    client_for(cast.leader).post(f"/nhiem-vu/{second.pk}/giao/", {"owner": cast.unit_a.pk})
    second.refresh_from_db()
    assert second.owner == cast.unit_b


def test_a_reporter_sees_only_its_units_tasks(cast, period):
    _tasks(period)
    page = client_for(cast.reporter_b).get("/nhiem-vu/").content.decode()
    assert "Tổng kết 15 năm" not in page
    assert "Tổng kết 15 năm" in client_for(cast.reporter_a).get("/nhiem-vu/").content.decode()
    assert Task.objects.count() == 2
