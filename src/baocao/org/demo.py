"""The demo: the sample's district, February 2023 issued from the sample report, March 2023
open with the tasks of its part B and a few units' drafts. Safe to run twice."""

from __future__ import annotations

import datetime as dt
import os
from importlib import resources
from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django.db import transaction

from baocao.cycle import workflow
from baocao.cycle.editing import save_text
from baocao.cycle.models import Outline, OutlineItem, Submission
from baocao.cycle.outline import builtin_outline, load_outline
from baocao.document.compose import parts_of
from baocao.document.io import read_document
from baocao.org.loading import load_spec
from baocao.org.models import Body

DEMO_BODY = "HUYỆN ỦY VỤ BẢN"
DEFAULT_PASSWORD = "baocao-demo-2023"


def demo_password() -> str:
    return os.environ.get("BAOCAO_DEMO_PASSWORD") or DEFAULT_PASSWORD


def sample_path() -> Path:
    """The sample report: the repository's copy, else the one shipped in the package."""
    return Path(str(resources.files("baocao.org").joinpath("demo-sample.txt")))


def item_paths(outline: Outline) -> dict[str, OutlineItem]:
    """Items by their position path ("1.1.1" = A. I. 1.), as `compose.parts_of` keys them."""
    items = list(outline.items.all())
    children: dict[int | None, list[OutlineItem]] = {}
    for i in items:
        children.setdefault(i.parent_id, []).append(i)
    out: dict[str, OutlineItem] = {}

    def walk(parent: int | None, prefix: str) -> None:
        for n, item in enumerate(sorted(children.get(parent, []), key=lambda x: x.order), 1):
            out[f"{prefix}{n}"] = item
            walk(item.pk, f"{prefix}{n}.")

    walk(None, "")
    return out


def load_demo(*, with_pdf: bool = True) -> tuple[bool, list[tuple[str, str, str]]]:
    """(created, accounts as (username, role, where)). Nothing is changed when it exists."""
    created = False
    if not Body.objects.filter(name=DEMO_BODY).exists():
        with transaction.atomic():
            _create(with_pdf=with_pdf)
        created = True
    return created, _accounts()


def _create(*, with_pdf: bool) -> None:
    spec = yaml.safe_load(resources.files("baocao.org").joinpath("demo.yaml").read_text("utf-8"))
    password = demo_password()
    load_spec(spec, password)
    users = get_user_model()
    admin, _ = users.objects.get_or_create(username="admin", defaults={"first_name": "Quản trị"})
    admin.is_superuser = admin.is_staff = True
    admin.set_password(password)
    admin.save()
    body = Body.objects.get(name=DEMO_BODY)
    party = load_outline(body, "Báo cáo tháng (Đảng)", builtin_outline("party-monthly"))
    load_outline(body, "Báo cáo tháng (Nhà nước)", builtin_outline("state-monthly"))
    paths = item_paths(party)
    for u in spec["bodies"][0]["units"]:
        for path in u.get("items", []):
            paths[path].units.add(body.units.get(code=u["code"]))

    office = users.objects.get(username="vanphong")
    leader = users.objects.get(username="pbt")
    # February 2023: every part written from the sample, accepted, consolidated, issued.
    feb = workflow.open_period(body, party, "month", 2023, 2)
    sample = read_document(sample_path())
    for path, text in parts_of(sample).items():
        item = paths[path]
        unit = item.units.first()
        sub = Submission.objects.get(period=feb, unit=unit)
        c = sub.contributions.get(item=item)
        save_text(c, text, c.version, users.objects.get(memberships__unit=unit))
    for sub in feb.submissions.all():
        if any(c.text for c in sub.contributions.all()):
            workflow.submit(sub, office)
            workflow.accept(sub, office)
        else:
            # units whose news the office wrote into others' parts that month
            sub.delete()
    draft = workflow.consolidate(feb, office)
    closing = "\n\n".join(p.text for p in sample.closing)
    save_text(draft, f"{draft.text.rstrip()}\n\n{closing}\n", draft.version, office)
    workflow.approve(feb, leader)
    from baocao.indicators.demo import load_demo_indicators

    load_demo_indicators(body)  # before issuing: the issued report's annex charts them
    workflow.issue(feb, office, "Số 45-BC/HU", dt.date(2023, 2, 28), with_pdf=with_pdf)

    # March 2023: open; part B's tasks now point here; a few units have started.
    mar = workflow.open_period(body, party, "month", 2023, 3)
    _draft(
        mar,
        "ban-to-chuc",
        "1.1.1",
        paths,
        (
            "- Tổ chức Hội nghị sơ kết công tác xây dựng Đảng quý I năm 2023; trong tháng kết nạp "
            "15 đảng viên, công nhận chính thức 05 đảng viên.\n\n"
            "- Hướng dẫn quy trình tạo nguồn cảm tình Đảng; đề nghị tặng Huy hiệu Đảng "
            "đợt 19/05/2023."
        ),
        submit=False,
    )
    _draft(
        mar,
        "hoi-nong-dan",
        "1.1.3",
        paths,
        (
            "- Hội Nông dân, chỉ đạo tổ chức đại hội Hội nông dân cấp xã nhiệm kỳ 2023-2028 "
            "tại 10/18 xã, thị trấn; trồng 5.200 cây các loại."
        ),
        submit=True,
    )
    _draft(
        mar,
        "mttq",
        "1.1.3",
        paths,
        (
            "- MTTQ, triển khai lấy ý kiến Nhân dân về dự thảo Luật Đất đai (sửa đổi) tại các xã, "
            "thị trấn; rà soát 139 hộ có hoàn cảnh khó khăn về nhà ở."
        ),
        submit=False,
    )


def _draft(period, unit_code, path, paths, text, *, submit: bool) -> None:
    users = get_user_model()
    sub = Submission.objects.get(period=period, unit__code=unit_code)
    c = sub.contributions.get(item=paths[path])
    user = users.objects.get(memberships__unit__code=unit_code)
    save_text(c, text, c.version, user)
    workflow.mark_started(sub)
    if submit:
        workflow.submit(sub, user)


def _accounts() -> list[tuple[str, str, str]]:
    from baocao.org.models import Membership

    rows = [("admin", "superuser", "toàn hệ thống")]
    for m in Membership.objects.filter(body__name=DEMO_BODY).select_related("user", "unit"):
        rows.append((m.user.username, m.get_role_display(), m.unit.name if m.unit else DEMO_BODY))
    return rows
