"""Pages of the reporting cycle. Each view: permission-scoped getter, form, one domain call,
redirect or render. Permissions: `baocao.org.access`; steps: `baocao.cycle.workflow`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from baocao.cycle import workflow
from baocao.cycle.checking import check_text, findings_html
from baocao.cycle.editing import save_text
from baocao.cycle.forms import ReturnForm, SaveTextForm, TaskReportForm, UploadForm
from baocao.cycle.models import Conflict, Contribution, Submission
from baocao.cycle.uploads import UploadError, read_upload
from baocao.document.compose import fragment_markdown
from baocao.indicators.checking import checker_options
from baocao.org.access import get_submission_for, is_office, reports_for
from baocao.tasks.models import Task


def _tasks_for(sub: Submission):
    return Task.objects.due_for(sub.period).filter(owner=sub.unit).select_related("source_period")


@login_required
def submission(request: HttpRequest, pk: int) -> HttpResponse:
    """A unit's part for the period: one text box per outline item, tasks to report on."""
    sub = get_submission_for(request.user, pk)
    contributions = sub.contributions.select_related("item__parent__parent").prefetch_related(
        Prefetch(
            "conflicts",
            queryset=Conflict.objects.order_by("-created_at"),
            to_attr="recent_conflicts",
        )
    )
    values = sub.period.heading_values()
    for c in contributions:
        c.heading = c.item.path_label(values)
        c.versions = list(c.history.select_related("history_user").defer("text")[:8])
    context = {
        "sub": sub,
        "contributions": contributions,
        "tasks": _tasks_for(sub),
        "can_write": sub.editable and reports_for(request.user, sub.unit),
        "office": is_office(request.user, sub.period.body_id),
        "return_form": ReturnForm(),
        "upload_form": UploadForm(),
        "late": sub.is_late(),
        "has_indicators": sub.unit.indicators.exists(),
    }
    return render(request, "cycle/submission.html", context)


@require_POST
@login_required
def save_contribution(request: HttpRequest, pk: int, cid: int) -> HttpResponse:
    sub = get_submission_for(request.user, pk, write=True)
    c = get_object_or_404(Contribution, pk=cid, submission=sub)
    form = SaveTextForm(request.POST)
    if not sub.editable:
        return _save_reply(
            request, sub, c, error=_("Báo cáo đã gửi hoặc kỳ đã khóa: không sửa được.")
        )
    if not form.is_valid():
        return _save_reply(request, sub, c, error=_("Dữ liệu gửi lên không hợp lệ."))
    result = save_text(c, form.cleaned_data["text"], form.cleaned_data["version"], request.user)
    if result.saved:
        workflow.mark_started(sub)
    return _save_reply(request, sub, c, result=result)


def _save_reply(request, sub, c, *, result=None, error: str = "") -> HttpResponse:
    if request.htmx:
        return render(
            request,
            "cycle/_save_status.html",
            {"c": c, "result": result, "error": error, "now": timezone.localtime()},
            status=409 if result is not None and not result.saved else 200,
        )
    if error:
        messages.error(request, error)
    elif result is not None and not result.saved:
        messages.error(
            request,
            _(
                "Mục này vừa được người khác lưu. Bản của bạn đã được giữ lại bên dưới; "
                "hãy so sánh rồi lưu lại."
            ),
        )
    else:
        messages.success(request, _("Đã lưu."))
    return redirect("cycle:submission", pk=sub.pk)


@require_POST
@login_required
def check_submission_text(request: HttpRequest, pk: int) -> HttpResponse:
    sub = get_submission_for(request.user, pk)
    rows = check_text(request.POST.get("text", ""), options=checker_options(sub.period))
    return render(request, "cycle/_findings.html", {"findings_html": findings_html(rows)})


@require_POST
@login_required
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    sub = get_submission_for(request.user, pk, write=True)
    return _step(request, sub, lambda: workflow.submit(sub, request.user), _("Đã gửi báo cáo."))


@require_POST
@login_required
def return_submission(request: HttpRequest, pk: int) -> HttpResponse:
    sub = get_submission_for(request.user, pk, office=True)
    form = ReturnForm(request.POST)
    comment = form.data.get("comment", "")
    return _step(
        request,
        sub,
        lambda: workflow.return_for_revision(sub, request.user, comment),
        _("Đã trả lại báo cáo cho đơn vị."),
    )


@require_POST
@login_required
def accept_submission(request: HttpRequest, pk: int) -> HttpResponse:
    sub = get_submission_for(request.user, pk, office=True)
    return _step(request, sub, lambda: workflow.accept(sub, request.user), _("Đã tiếp nhận."))


def _step(request, sub, action, done: str) -> HttpResponse:
    try:
        action()
    except workflow.WorkflowError as err:
        messages.error(request, str(err))
    else:
        messages.success(request, done)
    return redirect("cycle:submission", pk=sub.pk)


@require_POST
@login_required
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    """A .docx (or other report file) imported into one of the unit's items."""
    sub = get_submission_for(request.user, pk, write=True)
    form = UploadForm(request.POST, request.FILES)
    if not sub.editable:
        messages.error(request, _("Báo cáo đã gửi hoặc kỳ đã khóa: không sửa được."))
        return redirect("cycle:submission", pk=sub.pk)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return redirect("cycle:submission", pk=sub.pk)
    c = sub.contributions.filter(pk=form.cleaned_data.get("item") or 0).first()
    c = c or sub.contributions.first()
    try:
        doc, _data = read_upload(form.cleaned_data["file"])
    except UploadError as err:
        messages.error(request, str(err))
        return redirect("cycle:submission", pk=sub.pk)
    notes = {f.id: f.text for f in doc.footnotes}
    text = fragment_markdown(doc.preamble + doc.closing, doc.sections, notes)
    if not text.strip():
        messages.error(request, _("Tệp không có nội dung để nhập."))
        return redirect("cycle:submission", pk=sub.pk)
    combined = f"{c.text.rstrip()}\n\n{text}".strip() if c.text.strip() else text
    save_text(c, combined, c.version, request.user)
    workflow.mark_started(sub)
    messages.success(request, _("Đã nhập nội dung từ tệp vào mục “%(item)s”.") % {"item": c.item})
    return redirect("cycle:submission", pk=sub.pk)


@require_POST
@login_required
def report_task(request: HttpRequest, pk: int, tid: int) -> HttpResponse:
    sub = get_submission_for(request.user, pk, write=True)
    task = get_object_or_404(_tasks_for(sub), pk=tid)
    form = TaskReportForm(request.POST)
    if sub.period.locked or not form.is_valid():
        messages.error(request, _("Không cập nhật được nhiệm vụ."))
    else:
        task.status = form.cleaned_data["status"]
        task.progress = form.cleaned_data["progress"]
        task._history_user = request.user
        task.save()
        messages.success(request, _("Đã cập nhật kết quả thực hiện nhiệm vụ."))
    return redirect("cycle:submission", pk=sub.pk)


@require_POST
@login_required
def restore_part(request: HttpRequest, pk: int, cid: int, hid: int) -> HttpResponse:
    """An earlier version of one part becomes its text again (as a new version)."""
    sub = get_submission_for(request.user, pk, write=True)
    c = get_object_or_404(Contribution, pk=cid, submission=sub)
    old = get_object_or_404(c.history, history_id=hid)
    if not sub.editable:
        messages.error(request, _("Báo cáo đã gửi hoặc kỳ đã khóa: không sửa được."))
    else:
        save_text(c, old.text, c.version, request.user)
        messages.success(
            request, _("Đã khôi phục phiên bản %(version)s.") % {"version": old.version}
        )
    return redirect("cycle:submission", pk=sub.pk)
