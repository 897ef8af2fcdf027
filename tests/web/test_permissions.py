"""Who may do what: every role against every page, every POST action and every API call.

The matrix below is the specification. One column per role, one row per view; a cell is the
expected status code. `200+` / `200-`: the page or list answers 200 and does / does not show the
row's protected object (so a list cannot leak what its detail view refuses). A cell ending in `!`
is the correct answer the application does not give yet (see BUGS): the cell runs as a strict
xfail. For POST rows the database is compared before and after: a refused request must change
nothing, an allowed one must make its change.

Rules: a unit reporter sees and edits only its own unit's submission (others: 404); the body's
office (admin, compiler) and leaders read every unit's work; only the office accepts, returns,
consolidates, reminds, issues, restores and edits the draft (a leader: 403); only a leader
approves (the office: 403); another body's office gets 404 on everything; anonymous users are
sent to /dang-nhap/ (pages) or get 401 (/api/*).

Indicators: the unit's reporter types, uploads and inserts its own unit's figures (the office and
leaders read the entry page and the sheet, 200, but a POST is 403); the dashboards, the period's
table and its exports are for readers (office and leaders) only, everyone else 404; the API lists
only what the user may see (readers: the body's; a reporter: its own unit's).

`test_every_route_is_in_the_matrix` walks the URL patterns and the OpenAPI schema, so that a new
view cannot skip the matrix.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve

from baocao.archive.models import ArchivedReport
from baocao.cycle.editing import save_text
from baocao.cycle.models import (
    Comment,
    Contribution,
    Draft,
    IssuedReport,
    Outline,
    Period,
    PeriodStatus,
    Submission,
)
from baocao.document.compose import parse_markdown
from baocao.indicators.models import Indicator, Target, Value
from baocao.tasks.models import Task
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "reporter_a",
    "reporter_b",
    "compiler",
    "admin",
    "leader",
    "outsider",
    "superuser",
]

# ---------------------------------------------------------------------------------------------
# The world every cell starts from
# ---------------------------------------------------------------------------------------------


def make_world(cast, period):
    """February 2023 open (unit A has written a part, a draft with two versions exists),
    January 2023 issued (with its .docx), a task of unit A due in February, an archived report."""
    from django.contrib.auth import get_user_model

    users = get_user_model()
    superuser = users.objects.create_superuser("root", "root@example.invalid", "pw")
    jan = Period.objects.create(
        body=cast.body,
        outline=cast.outline,
        kind="month",
        year=2023,
        number=1,
        cutoff=dt.date(2023, 1, 15),
        deadline=dt.date(2023, 1, 20),
        status=PeriodStatus.ISSUED,
    )
    IssuedReport.objects.create(
        period=jan,
        number="Số 40-BC/HU",
        date=dt.date(2023, 1, 31),
        docx=b"PK\x03\x04 issued docx",
        issued_by=cast.compiler,
    )
    sub_a = Submission.objects.get(period=period, unit=cast.unit_a)
    sub_b = Submission.objects.get(period=period, unit=cast.unit_b)
    c_a = sub_a.contributions.get(item=cast.item_a)
    save_text(c_a, "- Kết nạp 21 đảng viên.", c_a.version, cast.reporter_a)
    sub_a.status = Submission.Status.DRAFT
    sub_a.save()
    c_b = sub_b.contributions.get(item=cast.item_b)
    save_text(c_b, "- Hội Nông dân trồng 10.430 cây.", c_b.version, cast.reporter_b)
    draft = Draft(period=period, text="Bản tổng hợp thứ nhất.", version=1)
    draft._history_user = cast.compiler
    draft.save()
    save_text(draft, "Bản tổng hợp thứ hai.", draft.version, cast.compiler)
    draft.refresh_from_db()
    first = draft.history.order_by("history_date").first()
    c_a_first = c_a.history.order_by("history_date").first()
    task = Task.objects.create(
        body=cast.body,
        source_period=jan,
        due_period=period,
        heading="Nhiệm vụ trọng tâm",
        text="Tổ chức hội nghị sơ kết quý I (mật)",
        owner=cast.unit_a,
    )
    archived = ArchivedReport.objects.create(
        body=cast.body,
        title="Báo cáo lưu trữ tháng 12 năm 2022 (mật)",
        period_label="tháng 12 năm 2022",
        year=2022,
        text="Nội dung lưu trữ.",
        document=parse_markdown(
            "A. KẾT QUẢ\n\nI. Công tác xây dựng Đảng\n\n- Kết nạp 21 đảng viên.\n"
        ).to_dict(),
        filename="bc-12-2022.docx",
        content=b"PK\x03\x04 archived",
    )
    return SimpleNamespace(
        cast=cast,
        body=cast.body,
        period=period,
        jan=jan,
        sub_a=sub_a,
        sub_b=sub_b,
        c_a=c_a,
        c_a_first=c_a_first,
        draft=draft,
        first_version=first,
        task=task,
        archived=archived,
        superuser=superuser,
    )


@pytest.fixture
def world(cast, period, monkeypatch):
    # issuing renders the .docx only: LibreOffice (for the .pdf) is slow and optional
    from baocao.cycle import documents

    render = documents.render_files
    monkeypatch.setattr(
        documents,
        "render_files",
        lambda doc, style, with_pdf=True, **kw: render(doc, style, with_pdf=False, **kw),
    )
    mail.outbox = []
    w = make_world(cast, period)
    add_indicators(w)
    return w


def add_indicators(w):
    """Unit A reports one indicator of the body: a 2023 target and February's value."""
    w.indicator = Indicator.objects.create(
        body=w.body,
        code="ket-nap-mat",
        name="Kết nạp đảng viên diện mật",
        unit_name="đảng viên",
        reporter=w.cast.unit_a,
        order=1,
    )
    w.target = Target.objects.create(indicator=w.indicator, year=2023, value=Decimal(250))
    w.value = Value.objects.create(
        indicator=w.indicator,
        unit=w.cast.unit_a,
        year=2023,
        month=2,
        period=w.period,
        value=Decimal(21),
    )


def user_of(w, role: str):
    return w.superuser if role == "superuser" else getattr(w.cast, role)


def client_as(w, role: str) -> Client:
    return Client() if role == "anonymous" else client_for(user_of(w, role))


# ---------------------------------------------------------------------------------------------
# States some actions start from, and what each action changes
# ---------------------------------------------------------------------------------------------


def _status(sub, status):
    Submission.objects.filter(pk=sub.pk).update(status=status, submitted_at=dt.datetime.now(dt.UTC))


def submitted(w):
    _status(w.sub_a, Submission.Status.SUBMITTED)


def accepted(w):
    _status(w.sub_a, Submission.Status.ACCEPTED)


def approved(w):
    Period.objects.filter(pk=w.period.pk).update(status=PeriodStatus.APPROVED)
    Draft.objects.filter(pk=w.draft.pk).update(approved_by=w.cast.leader)


def sub_state(w):
    return list(Submission.objects.order_by("pk").values_list("pk", "status", "return_comment"))


def texts(w):
    return list(Contribution.objects.order_by("pk").values_list("pk", "text", "version"))


def draft_state(w):
    return list(Draft.objects.values_list("pk", "text", "version", "approved_by"))


def period_state(w):
    return list(Period.objects.order_by("pk").values_list("pk", "status"))


def reminders(w):
    return [
        *Submission.objects.order_by("pk").values_list("reminded_at", flat=True),
        mail.outbox[:],
    ]


def task_state(w):
    return list(Task.objects.order_by("pk").values_list("pk", "owner", "status", "progress"))


def comments(w):
    return list(Comment.objects.values_list("pk", "text"))


def issue_state(w):
    return [period_state(w), IssuedReport.objects.count(), Task.objects.count()]


def archive_state(w):
    return list(ArchivedReport.objects.order_by("pk").values_list("pk", "title"))


def outlines(w):
    return list(Outline.objects.order_by("pk").values_list("pk", "name"))


def values(w):
    return list(
        Value.objects.order_by("pk").values_list(
            "pk", "indicator", "unit", "year", "month", "value"
        )
    )


def filled_sheet(w):
    """Unit A's own .xlsx for the period, as downloaded, with 30 typed into column D."""
    from openpyxl import load_workbook

    from baocao.indicators.excel import FIRST_ROW, make_sheet

    wb = load_workbook(io.BytesIO(make_sheet(w.period, w.cast.unit_a)))
    wb.active.cell(row=FIRST_ROW, column=4, value=30)
    out = io.BytesIO()
    wb.save(out)
    return SimpleUploadedFile(
        "chi-tieu.xlsx",
        out.getvalue(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def a_sentence(w) -> str:
    """The sentence the entry page offers unit A for its February value."""
    from baocao.indicators.views import _sentences

    return _sentences(w.period, w.cast.unit_a)[0][1]


def txt_file(name="phan.txt"):
    return SimpleUploadedFile(name, "- Nội dung tải lên từ tệp văn bản.\n".encode(), "text/plain")


@dataclass
class Endpoint:
    method: str
    url: Callable
    data: Callable = lambda w: {}
    prepare: Callable | None = None
    probe: Callable | None = None  # POST: the database state the action changes
    marker: Callable | None = None  # 200+/200-: what must (not) be in the answer
    login: str = "/dang-nhap/"
    extra: dict = field(default_factory=dict)


E = Endpoint
ENDPOINTS: dict[str, Endpoint] = {
    # pages (GET)
    "home": E("get", lambda w: "/"),
    "open_period_form": E("get", lambda w: f"/co-quan/{w.body.pk}/mo-ky/"),
    "period": E("get", lambda w: f"/ky/{w.period.pk}/"),
    "draft": E("get", lambda w: f"/ky/{w.period.pk}/tong-hop/"),
    "preview": E("get", lambda w: f"/ky/{w.period.pk}/tong-hop/xem/"),
    "compare": E("get", lambda w: f"/ky/{w.period.pk}/tong-hop/so-sanh/"),
    "download": E("get", lambda w: f"/ky/{w.jan.pk}/tai/docx/"),
    "submission_a": E("get", lambda w: f"/bai/{w.sub_a.pk}/"),
    "submission_b": E("get", lambda w: f"/bai/{w.sub_b.pk}/"),
    "task_list": E("get", lambda w: "/nhiem-vu/", marker=lambda w: w.task.text),
    "archive_list": E("get", lambda w: "/luu-tru/", marker=lambda w: w.archived.title),
    "archive_detail": E("get", lambda w: f"/luu-tru/{w.archived.pk}/"),
    "archive_download": E("get", lambda w: f"/luu-tru/{w.archived.pk}/tai/"),
    "django_admin": E("get", lambda w: "/quan-tri/", login="/quan-tri/login/"),
    # actions (POST)
    "save": E(
        "post",
        lambda w: f"/bai/{w.sub_a.pk}/muc/{w.c_a.pk}/",
        lambda w: {"text": "Sửa đổi.", "version": w.c_a.version},
        probe=texts,
    ),
    "restore_part": E(
        "post",
        lambda w: f"/bai/{w.sub_a.pk}/muc/{w.c_a.pk}/khoi-phuc/{w.c_a_first.history_id}/",
        probe=texts,
    ),
    "check": E(
        "post", lambda w: f"/bai/{w.sub_a.pk}/kiem-tra/", lambda w: {"text": "21 đảng viên"}
    ),
    "submit": E("post", lambda w: f"/bai/{w.sub_a.pk}/gui/", probe=sub_state),
    "upload": E(
        "post",
        lambda w: f"/bai/{w.sub_a.pk}/tai-len/",
        lambda w: {"file": txt_file(), "item": w.c_a.pk},
        probe=texts,
    ),
    "report_task": E(
        "post",
        lambda w: f"/bai/{w.sub_a.pk}/nhiem-vu/{w.task.pk}/",
        lambda w: {"status": "done", "progress": "Đã tổ chức ngày 10/3"},
        probe=task_state,
    ),
    "return": E(
        "post",
        lambda w: f"/bai/{w.sub_a.pk}/tra-lai/",
        lambda w: {"comment": "Bổ sung số liệu"},
        prepare=submitted,
        probe=sub_state,
    ),
    "accept": E(
        "post", lambda w: f"/bai/{w.sub_a.pk}/tiep-nhan/", prepare=submitted, probe=sub_state
    ),
    "remind": E("post", lambda w: f"/ky/{w.period.pk}/nhac-nho/", probe=reminders),
    "consolidate": E(
        "post", lambda w: f"/ky/{w.period.pk}/tong-hop/lap/", prepare=accepted, probe=draft_state
    ),
    "check_draft": E(
        "post", lambda w: f"/ky/{w.period.pk}/tong-hop/kiem-tra/", lambda w: {"text": "x"}
    ),
    "edit_draft": E(
        "post",
        lambda w: f"/ky/{w.period.pk}/tong-hop/",
        lambda w: {"text": "Bản sửa của văn phòng.", "version": w.draft.version},
        probe=draft_state,
    ),
    "restore": E(
        "post",
        lambda w: f"/ky/{w.period.pk}/tong-hop/khoi-phuc/{w.first_version.history_id}/",
        probe=draft_state,
    ),
    "comment": E(
        "post",
        lambda w: f"/ky/{w.period.pk}/y-kien/",
        lambda w: {"quote": "thứ hai", "text": "Ghi rõ số liệu"},
        probe=comments,
    ),
    "approve": E("post", lambda w: f"/ky/{w.period.pk}/duyet/", probe=draft_state),
    "issue": E(
        "post",
        lambda w: f"/ky/{w.period.pk}/ban-hanh/",
        lambda w: {"number": "Số 45-BC/HU", "date": "2023-02-28"},
        prepare=approved,
        probe=issue_state,
    ),
    "open_period": E(
        "post",
        lambda w: f"/co-quan/{w.body.pk}/mo-ky/",
        lambda w: {"outline": w.cast.outline.pk, "kind": "month", "year": 2023, "number": 5},
        probe=period_state,
    ),
    "assign_task": E(
        "post",
        lambda w: f"/nhiem-vu/{w.task.pk}/giao/",
        lambda w: {"owner": w.cast.unit_b.pk},
        probe=task_state,
    ),
    "archive_import": E(
        "post",
        lambda w: "/luu-tru/nhap/",
        lambda w: {"body": w.body.pk, "file": txt_file("bc-cu.txt")},
        probe=archive_state,
    ),
    "make_outline": E("post", lambda w: f"/luu-tru/{w.archived.pk}/lam-mau/", probe=outlines),
    # API (GET, JSON)
    "api_periods": E("get", lambda w: "/api/periods", marker=lambda w: {"id": w.period.pk}),
    "api_period": E("get", lambda w: f"/api/periods/{w.period.pk}"),
    "api_submissions": E("get", lambda w: "/api/submissions", marker=lambda w: {"id": w.sub_a.pk}),
    "api_submission": E("get", lambda w: f"/api/submissions/{w.sub_a.pk}"),
    "api_documents": E("get", lambda w: "/api/documents", marker=lambda w: {"id": w.archived.pk}),
    "api_document": E("get", lambda w: f"/api/documents/{w.archived.pk}"),
    "api_tasks": E("get", lambda w: "/api/tasks", marker=lambda w: {"id": w.task.pk}),
    # indicators: the unit's entry (pages and actions)
    "indicators_entry": E("get", lambda w: f"/chi-tieu/bai/{w.sub_a.pk}/"),
    "indicators_entry_post": E(
        "post",
        lambda w: f"/chi-tieu/bai/{w.sub_a.pk}/",
        lambda w: {f"v-{w.indicator.code}": "23"},
        probe=values,
    ),
    "indicators_sheet": E("get", lambda w: f"/chi-tieu/bai/{w.sub_a.pk}/bang.xlsx"),
    "indicators_upload_sheet": E(
        "post",
        lambda w: f"/chi-tieu/bai/{w.sub_a.pk}/nhap-bang/",
        lambda w: {"file": filled_sheet(w)},
        probe=values,
    ),
    "indicators_insert": E(
        "post",
        lambda w: f"/chi-tieu/bai/{w.sub_a.pk}/chen-cau/",
        lambda w: {"item": w.c_a.pk, "sentence": a_sentence(w)},
        probe=texts,
    ),
    # indicators: the readers' pages
    "indicators_dashboards": E("get", lambda w: "/chi-tieu/"),
    "indicators_dashboard": E(
        "get",
        lambda w: f"/chi-tieu/{w.body.pk}/?ky={w.period.pk}",
        marker=lambda w: w.indicator.name,
    ),
    "indicators_table": E(
        "get", lambda w: f"/chi-tieu/ky/{w.period.pk}/", marker=lambda w: w.indicator.name
    ),
    "indicators_export": E("get", lambda w: f"/chi-tieu/ky/{w.period.pk}/xuat.xlsx"),
    "indicators_export_units": E(
        "get", lambda w: f"/chi-tieu/ky/{w.period.pk}/don-vi/{w.indicator.code}.csv"
    ),
    # indicators: the API
    "api_indicators": E(
        "get", lambda w: "/api/indicators", marker=lambda w: {"code": w.indicator.code}
    ),
    "api_targets": E(
        "get", lambda w: "/api/targets", marker=lambda w: {"indicator": w.indicator.code}
    ),
    "api_values": E(
        "get",
        lambda w: "/api/values?year=2023",
        marker=lambda w: {"indicator": w.indicator.code, "unit": w.cast.unit_a.name},
    ),
    "api_values_post": E(
        "post",
        lambda w: "/api/values",
        lambda w: {"submission": w.sub_a.pk, "values": {w.indicator.code: "24"}},
        probe=values,
        extra={"content_type": "application/json"},
    ),
}

# role:                  anonymous reporter_a reporter_b compiler admin leader outsider superuser
MATRIX = """
home                     302  200  200  200  200  200  200  200
open_period_form         302  403  403  200  200  403  404  200
period                   302  404  404  200  200  200  404  200
draft                    302  404  404  200  200  200  404  200
preview                  302  404  404  200  200  200  404  200
compare                  302  404  404  200  200  200  404  200
download                 302  404  404  200  200  200  404  200
submission_a             302  200  404  200  200  200  404  200
submission_b             302  404  200  200  200  200  404  200
task_list                302  200+ 200- 200+ 200+ 200+ 200- 200+
archive_list             302  200- 200- 200+ 200+ 200+ 200- 200+
archive_detail           302  404  404  200  200  200  404  200
archive_download         302  404  404  200  200  200  404  200
django_admin             302  302  302  302  302  302  302  200
save                     302  302  404  403  403  403  404  302
restore_part             302  302  404  403  403  403  404  302
check                    302  200  404  200  200  200  404  200
submit                   302  302  404  403  403  403  404  302
upload                   302  302  404  403  403  403  404  302
report_task              302  302  404  403  403  403  404  302
return                   302  403  404  302  302  403  404  302
accept                   302  403  404  302  302  403  404  302
remind                   302  404  404  302  302  403  404  302
consolidate              302  404  404  302  302  403  404  302
check_draft              302  404  404  200  200  200  404  200
edit_draft               302  404  404  302  302  403  404  302
restore                  302  404  404  302  302  403  404  302
comment                  302  404  404  302  302  302  404  302
approve                  302  404  404  403  403  302  404  302
issue                    302  404  404  302  302  403  404  302
open_period              302  403  403  302  302  403  404  302
assign_task              302  403  404  302  302  403  404  302
archive_import           302  404  404  302  302  403  404  302
make_outline             302  404  404  302  302  403  404  302
api_periods              401  200- 200- 200+ 200+ 200+ 200- 200+
api_period               401  404  404  200  200  200  404  200
api_submissions          401  200+ 200- 200+ 200+ 200+ 200- 200+
api_submission           401  200  404  200  200  200  404  200
api_documents            401  200- 200- 200+ 200+ 200+ 200- 200+
api_document             401  404  404  200  200  200  404  200
api_tasks                401  200+ 200- 200+ 200+ 200+ 200- 200+
indicators_entry         302  200  404  200  200  200  404  200
indicators_entry_post    302  302  404  403  403  403  404  302
indicators_sheet         302  200  404  200  200  200  404  200
indicators_upload_sheet  302  302  404  403  403  403  404  302
indicators_insert        302  302  404  403  403  403  404  302
indicators_dashboards    302  404  404  302  302  302  302  302
indicators_dashboard     302  404  404  200+ 200+ 200+ 404  200+
indicators_table         302  404  404  200+ 200+ 200+ 404  200+
indicators_export        302  404  404  200  200  200  404  200
indicators_export_units  302  404  404  200  200  200  404  200
api_indicators           401  200+ 200- 200+ 200+ 200+ 200- 200+
api_targets              401  200+ 200- 200+ 200+ 200+ 200- 200+
api_values               401  200+ 200- 200+ 200+ 200+ 200- 200+
api_values_post          401  200  404  403  403  403  404  200
"""

BUGS: dict[str, str] = {}  # endpoint -> why its "!" cells are expected to fail


def _cells():
    for line in MATRIX.strip().splitlines():
        name, *cells = line.split()
        assert name in ENDPOINTS, name
        assert len(cells) == len(ROLES), name
        for role, cell in zip(ROLES, cells, strict=True):
            marks = []
            if cell.endswith("!"):
                cell = cell[:-1]
                marks.append(pytest.mark.xfail(reason=BUGS[name], strict=True))
            yield pytest.param(name, role, cell, id=f"{name}-{role}", marks=marks)


def test_the_matrix_covers_every_endpoint():
    rows = {line.split()[0] for line in MATRIX.strip().splitlines()}
    assert rows == set(ENDPOINTS)


GUARDED_NAMESPACES = ("cycle", "tasks", "archive", "indicators")


def _named_routes() -> set[str]:
    """Every named URL pattern of the guarded namespaces, as "namespace:name"."""
    found: set[str] = set()

    def walk(patterns, namespace: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, p.namespace or namespace)
            elif p.name and namespace in GUARDED_NAMESPACES:
                found.add(f"{namespace}:{p.name}")

    walk(get_resolver().url_patterns, "")
    return found


def _api_operations() -> set[tuple[str, str]]:
    """(method, path template) of every operation of the OpenAPI schema."""
    from baocao.api.api import api

    schema = api.get_openapi_schema()
    return {
        (method.lower(), path)
        for path, operations in schema["paths"].items()
        for method in operations
        if method.lower() in ("get", "post", "put", "patch", "delete")
    }


def _path_pattern(template: str) -> str:
    """ "/api/periods/{pk}" -> a regular expression of the paths it answers."""
    parts = re.split(r"(\{[^}]+\})", template)
    return "".join("[^/]+" if part.startswith("{") else re.escape(part) for part in parts)


def test_every_route_is_in_the_matrix(world):
    """A view added to cycle, tasks, archive or indicators, or an API operation, must get a
    row of ENDPOINTS (and so of MATRIX) before it can be merged."""
    covered = {resolve(urlsplit(ep.url(world)).path).view_name for ep in ENDPOINTS.values()}
    missing = sorted(_named_routes() - covered)
    assert not missing, f"routes without a row in ENDPOINTS/MATRIX: {missing}"
    assert {"cycle:submission", "indicators:entry", "tasks:list", "archive:list"} <= covered

    calls = {(ep.method, urlsplit(ep.url(world)).path) for ep in ENDPOINTS.values()}
    operations = _api_operations()
    assert ("post", "/api/values") in operations  # the schema is read with its /api prefix
    untested = sorted(
        f"{method.upper()} {template}"
        for method, template in operations
        if not any(m == method and re.fullmatch(_path_pattern(template), path) for m, path in calls)
    )
    assert not untested, f"API operations without a row in ENDPOINTS/MATRIX: {untested}"


def test_the_indicator_dashboards_send_each_reader_to_their_own_body(world):
    r = client_as(world, "compiler").get("/chi-tieu/")
    assert r["Location"] == f"/chi-tieu/{world.body.pk}/"
    r = client_as(world, "outsider").get("/chi-tieu/")
    assert r["Location"] == f"/chi-tieu/{world.cast.other_body.pk}/"
    r = client_as(world, "compiler").get(f"/chi-tieu/{world.cast.other_body.pk}/")
    assert r.status_code == 404


def test_a_dashboard_refuses_another_bodys_period(world):
    other = Period.objects.create(
        body=world.cast.other_body,
        outline=world.cast.outline,
        kind="month",
        year=2023,
        number=2,
        cutoff=dt.date(2023, 2, 15),
        deadline=dt.date(2023, 2, 20),
    )
    r = client_as(world, "compiler").get(f"/chi-tieu/{world.body.pk}/?ky={other.pk}")
    assert r.status_code == 404


def _shows(response, wanted) -> bool:
    if isinstance(wanted, dict):
        return any(wanted.items() <= row.items() for row in response.json())
    return wanted in response.content.decode()


@pytest.mark.parametrize(("name", "role", "cell"), list(_cells()))
def test_permission(world, name, role, cell):
    ep = ENDPOINTS[name]
    expected = int(cell.rstrip("+-"))
    if ep.prepare:
        ep.prepare(world)
    before = ep.probe(world) if ep.probe else None
    client = client_as(world, role)
    url = ep.url(world)
    response = getattr(client, ep.method)(url, ep.data(world), **ep.extra)
    assert response.status_code == expected, (url, role, response.status_code)
    if (expected == 302 and role == "anonymous") or (expected == 302 and name == "django_admin"):
        assert response["Location"].startswith(ep.login), response["Location"]
    if cell.endswith("+"):
        assert _shows(response, ep.marker(world))
    if cell.endswith("-"):
        assert not _shows(response, ep.marker(world))
    if ep.probe:
        after = ep.probe(world)
        if expected in (200, 302) and role != "anonymous":
            assert after != before, f"{name} by {role} was allowed but changed nothing"
        else:
            assert after == before, f"{name} by {role} was refused but changed the database"


# POST /api/values shares its path with the GET list (row api_values)
POST_ONLY = [
    name for name, ep in ENDPOINTS.items() if ep.method == "post" and name != "api_values_post"
]
REPORTER_POSTS = {
    "save",
    "restore_part",
    "submit",
    "upload",
    "report_task",
    "indicators_entry_post",
    "indicators_upload_sheet",
    "indicators_insert",
}


@pytest.mark.parametrize("name", POST_ONLY)
def test_post_views_refuse_get(world, name):
    """Even for the role allowed to POST, a GET is answered 405 and changes nothing."""
    ep = ENDPOINTS[name]
    role = "leader" if name == "approve" else "reporter_a" if name in REPORTER_POSTS else "compiler"
    if ep.prepare:
        ep.prepare(world)
    before = ep.probe(world) if ep.probe else None
    if name in ("edit_draft", "open_period", "indicators_entry_post"):
        # these URLs also serve a page: GET shows it, and changes nothing
        response = client_as(world, role).get(ep.url(world), ep.data(world))
        assert response.status_code == 200
    else:
        response = client_as(world, role).get(ep.url(world))
        assert response.status_code == 405
    if ep.probe:
        assert ep.probe(world) == before


# every API call but the values, which a unit's reporter writes (rows api_values*)
READ_ONLY_API = [
    n for n, ep in ENDPOINTS.items() if n.startswith("api_") and not n.startswith("api_values")
]


@pytest.mark.parametrize("name", READ_ONLY_API)
def test_api_is_read_only(world, name):
    ep = ENDPOINTS[name]
    response = client_as(world, "compiler").post(ep.url(world), {})
    assert response.status_code == 405


def test_a_leader_cannot_edit_the_draft_through_htmx_either(world):
    before = draft_state(world)
    r = client_as(world, "leader").post(
        f"/ky/{world.period.pk}/tong-hop/",
        {"text": "x", "version": world.draft.version},
        HTTP_HX_REQUEST="true",
    )
    assert r.status_code == 403
    assert draft_state(world) == before


def test_an_outsider_cannot_import_into_another_body(world):
    before = archive_state(world)
    r = client_as(world, "outsider").post(
        "/luu-tru/nhap/", {"body": world.body.pk, "file": txt_file()}
    )
    assert r.status_code == 404
    assert archive_state(world) == before


def test_a_unit_cannot_write_into_another_units_part_through_its_own_submission(world):
    """The contribution id is checked against the submission in the URL."""
    before = texts(world)
    c_b = world.sub_b.contributions.first()
    r = client_as(world, "reporter_a").post(
        f"/bai/{world.sub_a.pk}/muc/{c_b.pk}/", {"text": "chen vao", "version": c_b.version}
    )
    assert r.status_code == 404
    assert texts(world) == before


def test_the_office_cannot_hand_a_task_to_another_bodys_unit(world):
    from baocao.org.models import Unit

    foreign = Unit.objects.create(body=world.cast.other_body, name="Đơn vị khác", code="x")
    client_as(world, "compiler").post(f"/nhiem-vu/{world.task.pk}/giao/", {"owner": foreign.pk})
    world.task.refresh_from_db()
    assert world.task.owner_id != foreign.pk
