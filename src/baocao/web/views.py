from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from baocao.cycle.models import Period, Submission
from baocao.org.access import bodies_visible_to, is_office, is_reader, units_of


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Where each person starts: their units' parts to write, their bodies' periods."""
    bodies = list(bodies_visible_to(request.user))
    office_bodies = [b for b in bodies if is_reader(request.user, b)]
    periods = Period.objects.filter(body__in=office_bodies).select_related("body")[:24]
    mine = (
        Submission.objects.filter(unit__in=units_of(request.user))
        .select_related("unit", "period", "period__body")
        .order_by("-period__year", "-period__number")[:24]
    )
    return render(
        request,
        "web/home.html",
        {
            "periods": periods,
            "mine": mine,
            "today": timezone.localdate(),
            "bodies": office_bodies,
            "can_open": {b.pk for b in office_bodies if is_office(request.user, b)},
            "units": list(units_of(request.user)),
        },
    )
