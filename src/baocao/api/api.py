"""Read access to periods, submissions, documents and tasks; every call checks permissions
through `baocao.org.access`, anonymous calls get 401. OpenAPI at /api/openapi.json."""

from __future__ import annotations

import datetime as dt
import functools

from django.db.models import Q
from django.http import Http404, HttpRequest, JsonResponse
from ninja import NinjaAPI, Schema
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
