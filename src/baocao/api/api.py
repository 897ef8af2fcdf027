"""Read access to periods, submissions, documents and tasks; every call checks permissions
through `baocao.org.access`, anonymous calls get 401. OpenAPI at /api/openapi.json."""

from __future__ import annotations

import datetime as dt
import functools

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, JsonResponse
from ninja import NinjaAPI, Schema, Status
from ninja.security import django_auth

from baocao.archive.models import ArchivedReport
from baocao.cycle.models import Period, Submission
from baocao.org.access import (
    bodies_visible_to,
    get_period_for,
    get_submission_for,
    is_reader,
    units_of,
)
from baocao.tasks.models import Task


def _docs_need_login(view):
    """The schema and its browser page answer 401 to anonymous callers, like every call."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return JsonResponse({"detail": "Unauthorized"}, status=401)
        return view(request, *args, **kwargs)

    return wrapped


api = NinjaAPI(
    title="baocao API",
    version="1",
    auth=django_auth,
    urls_namespace="api",
    docs_decorator=_docs_need_login,
)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied):
    # the access helper's 403 answered as JSON, like ninja's own 401 and 404
    return api.create_response(request, {"detail": "Forbidden"}, status=403)


class PeriodOut(Schema):
    id: int
    body: str
    kind: str
    year: int
    number: int
    label: str
    cutoff: dt.date
    deadline: dt.date
    status: str


class SubmissionOut(Schema):
    id: int
    period_id: int
    unit: str
    status: str
    submitted_at: dt.datetime | None
    late: bool


class PartOut(Schema):
    heading: str
    text: str
    version: int


class SubmissionDetail(SubmissionOut):
    parts: list[PartOut]


class DocumentOut(Schema):
    id: int
    title: str
    period: str
    number: str
    date: dt.date | None


class TaskOut(Schema):
    id: int
    text: str
    heading: str
    owner: str | None
    status: str
    source_period_id: int
    due_period_id: int | None


def _reader_bodies(request: HttpRequest) -> list[int]:
    return [b.pk for b in bodies_visible_to(request.user) if is_reader(request.user, b)]


def _period_out(p: Period) -> PeriodOut:
    return PeriodOut(
        id=p.pk,
        body=p.body.name,
        kind=p.kind,
        year=p.year,
        number=p.number,
        label=p.label,
        cutoff=p.cutoff,
        deadline=p.deadline,
        status=p.status,
    )


def _sub_out(s: Submission) -> dict:
    return {
        "id": s.pk,
        "period_id": s.period_id,
        "unit": s.unit.name,
        "status": s.status,
        "submitted_at": s.submitted_at,
        "late": s.is_late(),
    }


@api.get("/periods", response=list[PeriodOut])
def periods(request: HttpRequest):
    qs = Period.objects.filter(body__in=_reader_bodies(request)).select_related("body")
    return [_period_out(p) for p in qs]


@api.get("/periods/{pk}", response=PeriodOut)
def period(request: HttpRequest, pk: int):
    return _period_out(get_period_for(request.user, pk))


@api.get("/submissions", response=list[SubmissionOut])
def submissions(request: HttpRequest, period: int | None = None):
    qs = Submission.objects.filter(
        Q(period__body__in=_reader_bodies(request)) | Q(unit__in=units_of(request.user))
    ).select_related("unit", "period")
    if period is not None:
        qs = qs.filter(period_id=period)
    return [_sub_out(s) for s in qs.distinct()]


@api.get("/submissions/{pk}", response=SubmissionDetail)
def submission(request: HttpRequest, pk: int):
    s = get_submission_for(request.user, pk)
    values = s.period.heading_values()
    parts = [
        {"heading": str(c.item).format_map(values), "text": c.text, "version": c.version}
        for c in s.contributions.select_related("item")
    ]
    return {**_sub_out(s), "parts": parts}


@api.get("/documents", response=list[DocumentOut])
def documents(request: HttpRequest, q: str = ""):
    qs = ArchivedReport.objects.filter(body__in=_reader_bodies(request)).defer("content")
    if q:
        qs = qs.search(q)
    return [
        DocumentOut(id=r.pk, title=r.title, period=r.period_label, number=r.number, date=r.date)
        for r in qs[:500]
    ]


@api.get("/documents/{pk}")
def document(request: HttpRequest, pk: int) -> dict:
    r = ArchivedReport.objects.filter(body__in=_reader_bodies(request), pk=pk).first()
    if r is None:
        raise Http404
    return r.document


@api.get("/tasks", response=list[TaskOut])
def tasks(request: HttpRequest, status: str | None = None):
    qs = Task.objects.filter(
        Q(body__in=_reader_bodies(request)) | Q(owner__in=units_of(request.user))
    ).select_related("owner")
    if status:
        qs = qs.filter(status=status)
    return [
        TaskOut(
            id=t.pk,
            text=t.text,
            heading=t.heading,
            owner=t.owner.name if t.owner else None,
            status=t.status,
            source_period_id=t.source_period_id,
            due_period_id=t.due_period_id,
        )
        for t in qs.distinct()
    ]


class IndicatorOut(Schema):
    id: int
    code: str
    name: str
    unit: str
    decimals: int
    time_agg: str
    unit_agg: str
    target_kind: str
    parent: str | None
    reporter: str | None


class TargetOut(Schema):
    indicator: str
    year: int
    unit: str | None
    value: float


class ValueOut(Schema):
    indicator: str
    unit: str
    year: int
    month: int
    value: float


class ValuesIn(Schema):
    submission: int
    values: dict[str, str]  # indicator code → the figure as typed ("88,8", "10.430", "")


class ValuesResult(Schema):
    saved: int
    errors: dict[str, str]
    warnings: dict[str, str]


def _indicators(request: HttpRequest):
    from baocao.indicators.models import Indicator

    return Indicator.objects.filter(
        Q(body__in=_reader_bodies(request)) | Q(reporter__in=units_of(request.user))
    ).distinct()


@api.get("/indicators", response=list[IndicatorOut])
def indicators(request: HttpRequest):
    return [
        IndicatorOut(
            id=i.pk,
            code=i.code,
            name=i.name,
            unit=i.unit_name,
            decimals=i.decimals,
            time_agg=i.time_agg,
            unit_agg=i.unit_agg,
            target_kind=i.target_kind,
            parent=i.parent.code if i.parent else None,
            reporter=i.reporter.name if i.reporter else None,
        )
        for i in _indicators(request).select_related("parent", "reporter")
    ]


@api.get("/targets", response=list[TargetOut])
def targets(request: HttpRequest, year: int | None = None):
    from baocao.indicators.models import Target

    qs = Target.objects.filter(indicator__in=_indicators(request)).select_related(
        "indicator", "unit"
    )
    if year is not None:
        qs = qs.filter(year=year)
    return [
        TargetOut(
            indicator=t.indicator.code,
            year=t.year,
            unit=t.unit.name if t.unit else None,
            value=float(t.value),
        )
        for t in qs
    ]


@api.get("/values", response=list[ValueOut])
def values(request: HttpRequest, year: int, month: int | None = None, indicator: str | None = None):
    """Readers of a body see every unit's values; a unit's reporter sees its own unit's."""
    from baocao.indicators.models import Value

    qs = Value.objects.filter(
        Q(indicator__body__in=_reader_bodies(request)) | Q(unit__in=units_of(request.user)),
        year=year,
    ).select_related("indicator", "unit")
    if month is not None:
        qs = qs.filter(month=month)
    if indicator:
        qs = qs.filter(indicator__code=indicator)
    return [
        ValueOut(
            indicator=v.indicator.code,
            unit=v.unit.name,
            year=v.year,
            month=v.month,
            value=float(v.value),
        )
        for v in qs.distinct()[:10_000]
    ]


@api.post("/values", response={200: ValuesResult, 400: ValuesResult})
def save_values_api(request: HttpRequest, payload: ValuesIn):
    """A unit's values for its submission's period, all or none, as the entry page saves them."""
    from baocao.indicators.entry import save_values

    sub = get_submission_for(request.user, payload.submission, write=True)
    if not sub.editable:
        return Status(
            400,
            ValuesResult(
                saved=0, errors={"": "báo cáo đã gửi hoặc kỳ báo cáo đã khóa"}, warnings={}
            ),
        )
    result = save_values(sub.period, sub.unit, payload.values, request.user)
    status = 400 if result.errors else 200
    return Status(
        status, ValuesResult(saved=result.saved, errors=result.errors, warnings=result.warnings)
    )
