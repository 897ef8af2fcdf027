"""A unit's indicator values for a period: typed in the browser or through an .xlsx sheet,
and the report sentences they give."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from baocao.cycle.editing import save_text
from baocao.cycle.periods import last_month
from baocao.indicators.entry import indicators_for, save_values
from baocao.indicators.excel import SheetError, import_sheet, make_sheet
from baocao.indicators.models import Value
from baocao.indicators.sentences import indicator_sentence
from baocao.indicators.tables import progress_table
from baocao.org.access import get_submission_for, reports_for


def _sentences(period, unit) -> list[tuple[str, str]]:
    """(indicator name, sentence) for the unit's indicators with a value this period."""
    mine = {i.pk for i in indicators_for(unit)}
    out = []
    for row in progress_table(period):
        if row.indicator.pk in mine and row.progress.value is not None:
            ind = row.indicator
            text = indicator_sentence(
                ind.name,
                ind.unit_name,
                ind.decimals,
                ind.target_kind,
                row.progress,
                cutoff=period.cutoff,
            )
            out.append((ind.name, text + "."))
    return out


@login_required
def entry(request: HttpRequest, pk: int) -> HttpResponse:
    """The unit's values beside its narrative; POST saves them all or none."""
    sub = get_submission_for(request.user, pk)
    period, unit = sub.period, sub.unit
    # figures follow their submission: once sent (or the period issued) they are read-only
    can_write = reports_for(request.user, unit) and sub.editable
    indicators = indicators_for(unit)
    result = None
    if request.method == "POST":
        if not can_write:
            return HttpResponse(status=403)
        typed = {i.code: request.POST.get(f"v-{i.code}", "") for i in indicators}
        result = save_values(period, unit, typed, request.user)
        if not result.errors:
            messages.success(request, _("Đã lưu %(n)s chỉ tiêu.") % {"n": result.saved})
            names = {i.code: i.name for i in indicators}
            for code, warning in result.warnings.items():
                messages.warning(
                    request,
                    _("%(name)s: %(warning)s — hãy kiểm tra lại.")
                    % {"name": names.get(code, code), "warning": warning},
                )
            return redirect("indicators:entry", pk=sub.pk)
    month = last_month(period.kind, period.number)
    stored = dict(
        Value.objects.filter(unit=unit, year=period.year, month=month).values_list(
            "indicator_id", "value"
        )
    )
    from baocao.indicators.sentences import fmt

    rows = [
        {
            "ind": i,
            "typed": request.POST.get(f"v-{i.code}") if result else None,
            "stored": fmt(stored[i.pk], i.decimals) if i.pk in stored else "",
            "error": result.errors.get(i.code) if result else None,
        }
        for i in indicators
    ]
    return render(
        request,
        "indicators/entry.html",
        {
            "sub": sub,
            "rows": rows,
            "can_write": can_write,
            "sentences": _sentences(period, unit),
            "contributions": sub.contributions.select_related("item") if can_write else [],
        },
    )


@login_required
def sheet(request: HttpRequest, pk: int) -> HttpResponse:
    sub = get_submission_for(request.user, pk)
    response = HttpResponse(
        make_sheet(sub.period, sub.unit),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"chi-tieu-{sub.unit.code}-{sub.period.year}-{sub.period.number:02d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
@login_required
def upload_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    sub = get_submission_for(request.user, pk, write=True)
    upload = request.FILES.get("file")
    if not sub.editable or upload is None:
        messages.error(request, _("Chưa chọn tệp, hoặc báo cáo đã gửi hay kỳ đã khóa."))
        return redirect("indicators:entry", pk=sub.pk)
    try:
        result = import_sheet(sub.period, sub.unit, upload.read(), request.user)
    except SheetError as err:
        messages.error(
            request, _("Không nhập được bảng: %(why)s. Chưa lưu số liệu nào.") % {"why": err}
        )
        return redirect("indicators:entry", pk=sub.pk)
    if result.errors:
        detail = "; ".join(f"{k}: {v}" for k, v in result.errors.items())
        messages.error(
            request, _("Không nhập được bảng: %(why)s. Chưa lưu số liệu nào.") % {"why": detail}
        )
    else:
        messages.success(request, _("Đã nhập %(n)s chỉ tiêu từ bảng Excel.") % {"n": result.saved})
    return redirect("indicators:entry", pk=sub.pk)


@require_POST
@login_required
def insert_sentence(request: HttpRequest, pk: int) -> HttpResponse:
    """Append a generated sentence to one of the unit's parts, as a bullet."""
    sub = get_submission_for(request.user, pk, write=True)
    c = get_object_or_404(sub.contributions, pk=request.POST.get("item") or 0)
    text = request.POST.get("sentence", "").strip()
    allowed = {s for _, s in _sentences(sub.period, sub.unit)}
    if not sub.editable or text not in allowed:
        messages.error(request, _("Không chèn được câu này."))
        return redirect("indicators:entry", pk=sub.pk)
    save_text(c, f"{c.text.rstrip()}\n\n- {text}".strip(), c.version, request.user)
    messages.success(request, _("Đã chèn câu số liệu vào báo cáo."))
    return redirect("cycle:submission", pk=sub.pk)
