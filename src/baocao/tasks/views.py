from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from baocao.org.access import bodies_visible_to, is_office, is_reader, units_of
from baocao.org.models import Unit
from baocao.tasks.models import Task


def _visible(user):
    readers = [b.pk for b in bodies_visible_to(user) if is_reader(user, b)]
    from django.db.models import Q

    return Task.objects.filter(Q(body__in=readers) | Q(owner__in=units_of(user))).distinct()


@login_required
def task_list(request: HttpRequest) -> HttpResponse:
    """Open, done and overdue tasks the user may see."""
    tasks = list(
        _visible(request.user)
        .select_related("owner", "due_period", "source_period", "body")
        .prefetch_related("body__units")
    )
    office_bodies = {b.pk for b in bodies_visible_to(request.user) if is_office(request.user, b)}
    state = request.GET.get("trang-thai", "")
    if state == "qua-han":
        tasks = [t for t in tasks if t.is_overdue()]
    elif state in Task.Status.values:
        tasks = [t for t in tasks if t.status == state]
    return render(
        request,
        "tasks/list.html",
        {"tasks": tasks, "state": state, "statuses": Task.Status, "office_bodies": office_bodies},
    )


@require_POST
@login_required
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    """The office changes a task's owner unit."""
    task = get_object_or_404(_visible(request.user), pk=pk)
    if not is_office(request.user, task.body_id):
        raise PermissionDenied
    unit = Unit.objects.filter(body=task.body, pk=request.POST.get("owner") or 0).first()
    task.owner = unit
    task._history_user = request.user
    task.save()
    messages.success(request, _("Đã giao nhiệm vụ."))
    return redirect("tasks:list")
