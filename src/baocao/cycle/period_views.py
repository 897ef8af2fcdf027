"""The office's and leaders' pages of a period: completeness, draft, approval, issue."""

from __future__ import annotations

import difflib
import shutil
import smtplib
from dataclasses import dataclass
from html import escape

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mass_mail
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from baocao.cycle import workflow
from baocao.cycle.checking import check_text, draft_findings, findings_html
from baocao.cycle.documents import draft_document, preview_html
from baocao.cycle.editing import save_text
from baocao.cycle.forms import CommentForm, IssueForm, OpenPeriodForm, SaveTextForm
from baocao.cycle.models import Comment, Draft, IssuedReport, Period, Submission
from baocao.indicators.checking import checker_options
from baocao.org.access import get_period_for, is_leader, is_office, require_body


@login_required
def open_period(request: HttpRequest, body_id: int) -> HttpResponse:
    body = require_body(request.user, body_id, office=True)
    form = OpenPeriodForm(request.POST or None, body=body)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            period = workflow.open_period(
                body,
                d["outline"],
                d["kind"],
                d["year"],
                d["number"] if d["kind"] in ("month", "quarter") else 1,
                cutoff=d["cutoff"],
                deadline=d["deadline"],
            )
        except workflow.WorkflowError as err:
            form.add_error(None, str(err))
        else:
            messages.success(request, _("Đã mở kỳ %(label)s.") % {"label": period.label})
            return redirect("cycle:period", pk=period.pk)
    return render(request, "cycle/open_period.html", {"form": form, "body": body})


@dataclass(frozen=True)
class UnitRow:
    unit: str
    status: str
    label: str
    submitted: str
    late: bool
    url: str


def completeness_rows(p: Period) -> list[UnitRow]:
    """One row per unit, built from plain values: the page lists hundreds of units, and model
    instances, lazy labels and per-row URL reversing cost more than the query."""
    today = timezone.localdate()
    tz = timezone.get_current_timezone()
    labels = {value: str(label) for value, label in Submission.Status.choices}
    url = reverse("cycle:submission", args=[0]).removesuffix("0/")
    sent = (Submission.Status.SUBMITTED, Submission.Status.ACCEPTED)
    rows = p.submissions.order_by("unit__order", "unit__name").values_list(
        "pk", "status", "submitted_at", "unit__name"
    )
    out = []
    for pk, status, at, name in rows:
        local = at.astimezone(tz) if at else None
        late = local.date() > p.deadline if local and status in sent else today > p.deadline
        shown = f"{local:%d/%m/%Y %H:%M}" if local else "—"
        out.append(UnitRow(name, status, labels[status], shown, late, f"{url}{pk}/"))
    return out


def completeness_html(rows: list[UnitRow]) -> str:
    """The table's rows, every value escaped; joined in Python because with hundreds of units
    the template loop (and Django's lazy-aware escaping per cell) cost more than the query."""
    late_word = _("Trễ hạn")  # outside the f-string, where xgettext can find it
    late = f'<span class="late">{escape(late_word)}</span>'
    on_time, view = escape(_("Đúng hạn")), escape(_("Xem"))
    return mark_safe(  # built from escaped values only
        "\n".join(
            f"<tr><td>{escape(r.unit)}</td>"
            f'<td><span class="status {escape(r.status)}">{escape(r.label)}</span></td>'
            f"<td>{r.submitted}</td><td>{late if r.late else on_time}</td>"
            f'<td><a href="{escape(r.url)}">{view}</a></td></tr>'
            for r in rows
        )
    )


@login_required
def period(request: HttpRequest, pk: int) -> HttpResponse:
    """Completeness: every unit's state, on time or late."""
    p = get_period_for(request.user, pk)
    rows = completeness_rows(p)
    counts = {st: sum(1 for r in rows if r.status == st) for st in Submission.Status.values}
    issued = (
        IssuedReport.objects.filter(period=p)
        .annotate(has_pdf=Q(pdf__isnull=False))
        .values("number", "date", "has_pdf")
        .first()
    )
    return render(
        request,
        "cycle/period.html",
        {
            "period": p,
            "rows_html": completeness_html(rows),
            "subs": rows,
            "counts": counts,
            "statuses": Submission.Status,
            "late_count": sum(
                1 for r in rows if r.late and r.status not in ("submitted", "accepted")
            ),
            "office": is_office(request.user, p.body_id),
            "leader": is_leader(request.user, p.body_id),
            "draft": Draft.objects.filter(period=p).exists(),
            "missing_figures": _missing_figures(p),
            "issued": issued,
        },
    )


def _missing_figures(p: Period) -> list[tuple[str, str]]:
    """(indicator, unit) whose reporting unit has entered nothing for the period."""
    from baocao.indicators.dashboard import missing_figures
    from baocao.indicators.models import Indicator

    indicators = list(Indicator.objects.filter(body=p.body_id).select_related("reporter"))
    return missing_figures(p, indicators) if indicators and p.kind == "month" else []


@require_POST
@login_required
def remind(request: HttpRequest, pk: int) -> HttpResponse:
    """E-mail every unit that has not sent its part yet (or was sent it back)."""
    p = get_period_for(request.user, pk, office=True)
    pending = p.submissions.exclude(status__in=["submitted", "accepted"]).select_related("unit")
    mails, mailed = [], []
    for s in pending:
        to = {s.unit.email, *s.unit.memberships.values_list("user__email", flat=True)} - {""}
        if not to:
            continue
        link = settings.SITE_URL.rstrip("/") + reverse("cycle:submission", args=[s.pk])
        body = (
            f"Kính gửi {s.unit.name},\n\nĐề nghị đơn vị gửi báo cáo {p.label} của {p.body.name} "
            f"trước ngày {p.deadline:%d/%m/%Y} (số liệu tính đến ngày {p.cutoff:%d/%m/%Y}).\n"
            f"Viết và gửi báo cáo tại: {link}\n"
        )
        mails.append((f"[baocao] Nhắc gửi báo cáo {p.label}", body, None, sorted(to)))
        mailed.append(s.pk)
    try:
        send_mass_mail(mails, fail_silently=False)
    except (OSError, smtplib.SMTPException) as exc:
        messages.error(
            request,
            _("Không gửi được thư nhắc (máy chủ thư: %(error)s); chưa đơn vị nào được nhắc.")
            % {"error": exc},
        )
        return redirect("cycle:period", pk=p.pk)
    Submission.objects.filter(pk__in=mailed).update(reminded_at=timezone.now())
    skipped = len(pending) - len(mailed)
    note = (
        ngettext(
            "; %(count)d đơn vị chưa có địa chỉ thư",
            "; %(count)d đơn vị chưa có địa chỉ thư",
            skipped,
        )
        % {"count": skipped}
        if skipped
        else ""
    )
    messages.success(
        request,
        ngettext(
            "Đã gửi nhắc nhở tới %(count)d đơn vị%(note)s.",
            "Đã gửi nhắc nhở tới %(count)d đơn vị%(note)s.",
            len(mailed),
        )
        % {"count": len(mailed), "note": note},
    )
    return redirect("cycle:period", pk=p.pk)


@login_required
def draft(request: HttpRequest, pk: int) -> HttpResponse:
    """The consolidated draft: the office edits, leaders read and comment."""
    p = get_period_for(request.user, pk)
    d = Draft.objects.filter(period=p).first()
    office = is_office(request.user, p.body_id)
    if request.method == "POST":
        if d is None:
            raise Http404
        if not office:
            raise PermissionDenied
        form = SaveTextForm(request.POST)
        if p.locked or not form.is_valid():
            messages.error(request, _("Không lưu được: kỳ đã ban hành hoặc dữ liệu không hợp lệ."))
            return redirect("cycle:draft", pk=p.pk)
        result = save_text(d, form.cleaned_data["text"], form.cleaned_data["version"], request.user)
        if result.saved and workflow.draft_changed(p):
            messages.warning(
                request, _("Bản tổng hợp đã sửa sau khi duyệt: cần lãnh đạo duyệt lại.")
            )
        if request.htmx:
            return render(
                request,
                "cycle/_save_status.html",
                {"c": d, "result": result, "now": timezone.localtime(), "draft": True},
                status=200 if result.saved else 409,
            )
        if result.saved:
            messages.success(request, _("Đã lưu bản tổng hợp."))
        else:
            messages.error(
                request, _("Bản tổng hợp vừa được người khác lưu; bản của bạn được giữ bên dưới.")
            )
        return redirect("cycle:draft", pk=p.pk)
    rows = draft_findings(d, checker_options(p)) if d else []
    return render(
        request,
        "cycle/draft.html",
        {
            "period": p,
            "draft": d,
            "office": office,
            "leader": is_leader(request.user, p.body_id),
            "findings_html": findings_html(rows),
            "comments": d.comments.select_related("author") if d else [],
            "conflicts": d.conflicts.order_by("-created_at")[:3] if d else [],
            # versions listed without their texts (a long draft times thirty)
            "history": (d.history.select_related("history_user").defer("text")[:30] if d else []),
            "comment_form": CommentForm(),
            "issue_form": IssueForm(initial={"date": timezone.localdate()}),
        },
    )


@require_POST
@login_required
def consolidate(request: HttpRequest, pk: int) -> HttpResponse:
    p = get_period_for(request.user, pk, office=True)
    try:
        workflow.consolidate(p, request.user)
    except workflow.WorkflowError as err:
        messages.error(request, str(err))
        return redirect("cycle:period", pk=p.pk)
    messages.success(request, _("Đã tổng hợp các báo cáo đã tiếp nhận thành bản dự thảo."))
    return redirect("cycle:draft", pk=p.pk)


@require_POST
@login_required
def check_draft_text(request: HttpRequest, pk: int) -> HttpResponse:
    p = get_period_for(request.user, pk)
    rows = check_text(request.POST.get("text", ""), whole=True, options=checker_options(p))
    return render(request, "cycle/_findings.html", {"findings_html": findings_html(rows)})


@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    p = get_period_for(request.user, pk)
    get_object_or_404(Draft, period=p)
    doc = draft_document(p)
    return HttpResponse(preview_html(doc, p.body.style))


@login_required
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    """Two versions of the draft side by side (default: the previous one and the current)."""
    p = get_period_for(request.user, pk)
    d = get_object_or_404(Draft, period=p)
    # the list without texts; only the two versions compared are read whole
    history = list(d.history.defer("text"))
    ids = [h.history_id for h in history]
    try:
        wanted_a, wanted_b = int(request.GET.get("a", 0)), int(request.GET.get("b", 0))
    except ValueError:
        raise Http404 from None
    if not ids:
        raise Http404
    a_id = wanted_a if wanted_a in ids else ids[1 if len(ids) > 1 else 0]
    b_id = wanted_b if wanted_b in ids else ids[0]
    texts = {h.history_id: h for h in d.history.filter(history_id__in={a_id, b_id})}
    a, b = texts[a_id], texts[b_id]
    table = difflib.HtmlDiff(wrapcolumn=70).make_table(
        a.text.splitlines(),
        b.text.splitlines(),
        _("Phiên bản %(version)s (%(date)s)")
        % {"version": a.version, "date": f"{a.history_date:%d/%m/%Y %H:%M}"},
        _("Phiên bản %(version)s (%(date)s)")
        % {"version": b.version, "date": f"{b.history_date:%d/%m/%Y %H:%M}"},
        context=True,
        numlines=2,
    )
    return render(
        request,
        "cycle/compare.html",
        {"period": p, "table": table, "a": a, "b": b, "history": history},
    )


@require_POST
@login_required
def restore(request: HttpRequest, pk: int, hid: int) -> HttpResponse:
    """An earlier version becomes the current text again (as a new version)."""
    p = get_period_for(request.user, pk, office=True)
    d = get_object_or_404(Draft, period=p)
    old = get_object_or_404(d.history, history_id=hid)
    if p.locked:
        messages.error(request, _("Kỳ đã ban hành, không khôi phục được."))
    else:
        save_text(d, old.text, d.version, request.user)
        workflow.draft_changed(p)
        messages.success(
            request, _("Đã khôi phục phiên bản %(version)s.") % {"version": old.version}
        )
    return redirect("cycle:draft", pk=p.pk)


@require_POST
@login_required
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    p = get_period_for(request.user, pk)
    d = get_object_or_404(Draft, period=p)
    form = CommentForm(request.POST)
    if form.is_valid():
        Comment.objects.create(draft=d, author=request.user, **form.cleaned_data)
        messages.success(request, _("Đã ghi ý kiến."))
    else:
        messages.error(request, _("Ý kiến trống."))
    return redirect("cycle:draft", pk=p.pk)


@require_POST
@login_required
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    p = get_period_for(request.user, pk, leader=True)
    try:
        workflow.approve(p, request.user)
    except workflow.WorkflowError as err:
        messages.error(request, str(err))
    else:
        messages.success(request, _("Đã duyệt bản tổng hợp."))
    return redirect("cycle:draft", pk=p.pk)


@require_POST
@login_required
def issue(request: HttpRequest, pk: int) -> HttpResponse:
    p = get_period_for(request.user, pk, office=True)
    form = IssueForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập số, ký hiệu và ngày ban hành hợp lệ."))
        return redirect("cycle:draft", pk=p.pk)
    try:
        workflow.issue(
            p,
            request.user,
            form.cleaned_data["number"],
            form.cleaned_data["date"],
            # without LibreOffice the report is issued as .docx only (system check W001)
            with_pdf=bool(shutil.which("soffice")),
        )
    except workflow.WorkflowError as err:
        messages.error(request, str(err))
        return redirect("cycle:draft", pk=p.pk)
    messages.success(request, _("Đã ban hành báo cáo; các nhiệm vụ kỳ tới đã được tạo."))
    return redirect("cycle:period", pk=p.pk)


@login_required
def download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    p = get_period_for(request.user, pk)
    issued = IssuedReport.objects.filter(period=p).first()
    data = getattr(issued, fmt, None) if fmt in ("docx", "pdf") and issued else None
    if not data:
        raise Http404
    kinds = {
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf": "application/pdf",
    }
    response = HttpResponse(bytes(data), content_type=kinds[fmt])
    name = f"bao-cao-{p.kind}-{p.year}-{p.number:02d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
