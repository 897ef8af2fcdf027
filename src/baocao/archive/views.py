from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from baocao.archive.models import ArchivedReport
from baocao.archive.store import archive_document
from baocao.cycle.forms import UploadForm
from baocao.cycle.uploads import UploadError, read_upload
from baocao.org.access import bodies_visible_to, is_office, is_reader


def _readable(user):
    return ArchivedReport.objects.filter(
        body__in=[b.pk for b in bodies_visible_to(user) if is_reader(user, b)]
    )


@login_required
def archive_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    reports = _readable(request.user).defer("content", "document", "text", "folded")
    if q:
        reports = reports.search(q)
    office_bodies = [b for b in bodies_visible_to(request.user) if is_office(request.user, b)]
    return render(
        request,
        "archive/list.html",
        {"reports": reports[:200], "q": q, "form": UploadForm(), "office_bodies": office_bodies},
    )


@login_required
def archive_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _readable(request.user).filter(pk=pk).first()
    if report is None:
        raise Http404
    return render(
        request,
        "archive/detail.html",
        {"report": report, "office": is_office(request.user, report.body_id)},
    )


@login_required
def archive_download(request: HttpRequest, pk: int) -> HttpResponse:
    report = _readable(request.user).filter(pk=pk).first()
    if report is None:
        raise Http404
    response = HttpResponse(bytes(report.content), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{report.filename}"'
    return response


@require_POST
@login_required
def archive_import(request: HttpRequest) -> HttpResponse:
    """An old report (.docx, .doc, .pdf, .txt) added to a body's archive."""
    body = next(
        (b for b in bodies_visible_to(request.user) if str(b.pk) == request.POST.get("body")), None
    )
    if body is None or not is_reader(request.user, body):
        raise Http404
    if not is_office(request.user, body):
        raise PermissionDenied
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return redirect("archive:list")
    try:
        doc, data = read_upload(form.cleaned_data["file"])
    except UploadError as err:
        messages.error(request, str(err))
        return redirect("archive:list")
    report = archive_document(body, doc, form.cleaned_data["file"].name, data)
    messages.success(request, _("Đã nhập “%(title)s” vào lưu trữ.") % {"title": report.title})
    return redirect("archive:detail", pk=report.pk)


@require_POST
@login_required
def make_outline(request: HttpRequest, pk: int) -> HttpResponse:
    """The report's headings become a new outline (report template) of its body."""
    from baocao.cycle.outline import outline_from_nodes
    from baocao.document.compose import outline_of
    from baocao.document.model import Document

    report = _readable(request.user).filter(pk=pk).select_related("body").first()
    if report is None:
        raise Http404
    if not is_office(request.user, report.body):
        raise PermissionDenied
    nodes = outline_of(Document.from_dict(report.document))
    if not nodes:
        messages.error(request, _("Báo cáo này không có đề mục đánh số để làm mẫu đề cương."))
        return redirect("archive:detail", pk=pk)
    outline = outline_from_nodes(
        report.body,
        f"Theo {report.title[:150]}",
        nodes,
        report.document.get("style") or report.body.style,
    )
    messages.success(
        request,
        _(
            "Đã tạo mẫu đề cương “%(name)s” (%(count)s mục); "
            "giao đơn vị cho từng mục trong trang quản trị."
        )
        % {"name": outline.name, "count": outline.items.count()},
    )
    return redirect("archive:detail", pk=pk)
