"""The steps of a period, each one function: open, submit, return, accept, consolidate,
approve, issue. Each checks the state it starts from and raises `WorkflowError` (a Vietnamese
message for the page) when the step does not apply; permissions are the views' business
(`baocao.org.access`)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from baocao.cycle import periods
from baocao.cycle.models import (
    Contribution,
    Draft,
    Outline,
    Period,
    PeriodStatus,
    Submission,
)
from baocao.org.models import Body


class WorkflowError(Exception):
    """A step that cannot be taken now; the message is shown to the user as it is."""


def open_period(
    body: Body,
    outline: Outline,
    kind: str,
    year: int,
    number: int,
    *,
    cutoff: dt.date | None = None,
    deadline: dt.date | None = None,
) -> Period:
    """A new period with a submission for every unit the outline assigns."""
    if Period.objects.filter(body=body, kind=kind, year=year, number=number).exists():
        raise WorkflowError(
            _("Kỳ %(label)s đã được mở.") % {"label": periods.label(kind, year, number)}
        )
    default_cutoff, default_deadline = periods.default_dates(
        kind, year, number, body.cutoff_day, body.deadline_day
    )
    with transaction.atomic():
        period = Period.objects.create(
            body=body,
            outline=outline,
            kind=kind,
            year=year,
            number=number,
            cutoff=cutoff or default_cutoff,
            deadline=deadline or default_deadline,
        )
        for item in outline.items.prefetch_related("units"):
            for unit in item.units.all():
                sub, _created = Submission.objects.get_or_create(period=period, unit=unit)
                Contribution.objects.get_or_create(submission=sub, item=item)
        from baocao.tasks.from_report import attach_due_tasks

        attach_due_tasks(period)
    return period


def _require_editable(sub: Submission) -> None:
    if sub.period.locked:
        raise WorkflowError(_("Kỳ báo cáo đã ban hành, không thể sửa."))


def mark_started(sub: Submission) -> None:
    if sub.status == Submission.Status.NEW:
        Submission.objects.filter(pk=sub.pk, status=Submission.Status.NEW).update(
            status=Submission.Status.DRAFT
        )
        sub.status = Submission.Status.DRAFT


def submit(sub: Submission, user) -> None:
    _require_editable(sub)
    if sub.status not in (
        Submission.Status.NEW,
        Submission.Status.DRAFT,
        Submission.Status.RETURNED,
    ):
        raise WorkflowError(_("Báo cáo đã được gửi."))
    if not any(c.text.strip() for c in sub.contributions.all()):
        raise WorkflowError(_("Chưa có nội dung: hãy viết ít nhất một mục trước khi gửi."))
    sub.status = Submission.Status.SUBMITTED
    sub.submitted_at = timezone.now()
    sub._history_user = user
    sub.save()


def return_for_revision(sub: Submission, user, comment: str) -> None:
    _require_editable(sub)
    if sub.status not in (Submission.Status.SUBMITTED, Submission.Status.ACCEPTED):
        raise WorkflowError(_("Chỉ trả lại được báo cáo đã gửi."))
    if not comment.strip():
        raise WorkflowError(_("Hãy ghi lý do trả lại để đơn vị biết cần sửa gì."))
    sub.status = Submission.Status.RETURNED
    sub.return_comment = comment.strip()
    sub._history_user = user
    sub.save()


def accept(sub: Submission, user) -> None:
    _require_editable(sub)
    if sub.status != Submission.Status.SUBMITTED:
        raise WorkflowError(_("Chỉ tiếp nhận được báo cáo đã gửi."))
    sub.status = Submission.Status.ACCEPTED
    sub._history_user = user
    sub.save()


def consolidate(period: Period, user) -> Draft:
    """Put the accepted parts together in outline order; the result becomes the draft's text
    (a new version, so the previous draft stays restorable)."""
    from baocao.cycle.documents import period_subtitle, render_draft_text
    from baocao.cycle.outline import nodes_for
    from baocao.document.compose import compose

    if period.locked:
        raise WorkflowError(_("Kỳ báo cáo đã ban hành."))
    parts: dict[str, list[str]] = {}
    accepted = Contribution.objects.filter(
        submission__period=period, submission__status=Submission.Status.ACCEPTED
    ).select_related("submission__unit")
    for c in accepted.order_by("submission__unit__order", "submission__unit__name"):
        parts.setdefault(str(c.item_id), []).append(c.text)
    if not parts:
        raise WorkflowError(_("Chưa có báo cáo nào được tiếp nhận để tổng hợp."))
    doc = compose(nodes_for(period), parts, subtitle=period_subtitle(period))
    text = render_draft_text(doc, period)
    draft = Draft.objects.filter(period=period).first() or Draft(period=period)
    draft.text = text
    draft.version += 1
    draft.approved_by = None
    draft.approved_at = None
    draft._history_user = user
    draft.save()
    if period.status == PeriodStatus.APPROVED:
        period.status = PeriodStatus.OPEN
        period.save(update_fields=["status"])
    return draft


def draft_changed(period: Period) -> bool:
    """An approved draft that is edited must be approved again; True when that happened."""
    if period.status != PeriodStatus.APPROVED:
        return False
    Draft.objects.filter(period=period).update(approved_by=None, approved_at=None)
    period.status = PeriodStatus.OPEN
    period.save(update_fields=["status"])
    return True


def approve(period: Period, user) -> None:
    draft = getattr(period, "draft", None)
    if draft is None or not draft.text.strip():
        raise WorkflowError(_("Chưa có bản tổng hợp để duyệt."))
    if period.locked:
        raise WorkflowError(_("Kỳ báo cáo đã ban hành."))
    draft.approved_by = user
    draft.approved_at = timezone.now()
    draft._history_user = user
    draft.save()
    period.status = PeriodStatus.APPROVED
    period.save(update_fields=["status"])


def issue(period: Period, user, number: str, date: dt.date, *, with_pdf: bool = True):
    """Render the approved draft as the official .docx (and .pdf), keep it, lock the period,
    archive it and turn part B into next period's tasks."""
    from baocao.archive.store import archive_issued
    from baocao.cycle.documents import draft_document, render_files
    from baocao.cycle.models import IssuedReport
    from baocao.tasks.from_report import create_tasks

    if period.status != PeriodStatus.APPROVED:
        raise WorkflowError(_("Bản tổng hợp cần được lãnh đạo duyệt trước khi ban hành."))
    if not number.strip():
        raise WorkflowError(_("Hãy nhập số, ký hiệu văn bản."))
    from baocao.document.errors import DocumentError

    doc = draft_document(period, number=number.strip(), date=date)
    try:
        docx, pdf = render_files(doc, period.body.style, with_pdf=with_pdf, period=period)
    except DocumentError as err:
        raise WorkflowError(
            _("Không tạo được tệp văn bản: %(error)s") % {"error": err.message}
        ) from None
    with transaction.atomic():
        issued = IssuedReport.objects.create(
            period=period, number=number.strip(), date=date, docx=docx, pdf=pdf, issued_by=user
        )
        period.status = PeriodStatus.ISSUED
        period.save(update_fields=["status"])
        archive_issued(period, doc, docx)
        create_tasks(period, doc)
    return issued
