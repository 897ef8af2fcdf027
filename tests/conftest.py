"""Shared fixtures: the sample report, the real reports collected as test data, and the cast
of the web tests: one body, two units, a person for every role.

Cast: `compiler` (office), `leader`, `admin` (the body's administrator), `reporter_a` (unit A),
`reporter_b` (unit B, must be refused A's work), `outsider` (another body's office). Web tests
use the real database (SQLite, or PostgreSQL when DATABASE_URL names it) and Django's test
client.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "huyen-uy-vu-ban-2023-02.txt"
REPORTS = ROOT / "tests" / "data" / "reports"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_doc():
    from baocao.document.readers.text import read_text

    return read_text(SAMPLE)


def report_paths() -> list[Path]:
    """The real reports of tests/data/reports plus the sample."""
    return [SAMPLE, *sorted(REPORTS.glob("*.txt"))]


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    # argon2 is the production hasher; tests need speed, not strength
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@dataclass
class Cast:
    body: object
    other_body: object
    unit_a: object
    unit_b: object
    outline: object
    compiler: object
    leader: object
    admin: object
    reporter_a: object
    reporter_b: object
    outsider: object
    item_a: object
    item_b: object
    focus_item: object


@pytest.fixture
def cast(db) -> Cast:
    from django.contrib.auth import get_user_model

    from baocao.cycle.outline import builtin_outline, load_outline
    from baocao.org.models import Body, Membership, Unit

    users = get_user_model()
    body = Body.objects.create(
        name="HUYỆN ỦY VỤ BẢN",
        parent_name="ĐẢNG BỘ TỈNH NAM ĐỊNH",
        place="Vụ Bản",
        signer_authority="T/M BAN THƯỜNG VỤ",
        signer_title="PHÓ BÍ THƯ",
        signer_name="Bùi Ánh Nguyệt",
        recipients="- Thường trực Huyện ủy,\n- Lưu VT.",
    )
    other = Body.objects.create(name="ĐẢNG ỦY XÃ KHÁC", style="party")
    unit_a = Unit.objects.create(body=body, name="Ban Tổ chức", code="a", email="a@example.invalid")
    unit_b = Unit.objects.create(body=body, name="Hội Nông dân", code="b", order=1)
    outline = load_outline(body, "Tháng", builtin_outline("party-monthly"))
    items = list(outline.items.order_by("order"))
    item_a = next(i for i in items if i.heading == "Công tác xây dựng Đảng")
    item_b = next(i for i in items if i.heading == "Hoạt động MTTQ và các đoàn thể nhân dân")
    focus_item = next(i for i in items if i.focus and i.number == "1")
    item_a.units.add(unit_a)
    item_b.units.add(unit_b)
    focus_item.units.add(unit_a)

    def person(name, role, unit=None, where=body):
        u = users.objects.create_user(name, f"{name}@example.invalid", "pw")
        Membership.objects.create(user=u, body=where, unit=unit, role=role)
        return u

    return Cast(
        body=body,
        other_body=other,
        unit_a=unit_a,
        unit_b=unit_b,
        outline=outline,
        compiler=person("compiler", "compiler"),
        leader=person("leader", "leader"),
        admin=person("bodyadmin", "admin"),
        reporter_a=person("reporter_a", "reporter", unit_a),
        reporter_b=person("reporter_b", "reporter", unit_b),
        outsider=person("outsider", "compiler", where=other),
        item_a=item_a,
        item_b=item_b,
        focus_item=focus_item,
    )


@pytest.fixture
def period(cast):
    from baocao.cycle.workflow import open_period

    return open_period(cast.body, cast.outline, "month", 2023, 2)


def client_for(user):
    from django.test import Client

    c = Client()
    c.force_login(user)
    return c
