"""Who may see and change what: the one place every view and API call asks.

A body's office (admin, compiler) and its leaders see all of the body's work; a unit reporter
sees only their own unit's. An object the user may not see is answered 404 (its existence is
not disclosed); one they may see but not change is answered 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from baocao.org.models import Body, Membership, Role, Unit

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser

OFFICE = frozenset({Role.ADMIN, Role.COMPILER})
READERS = frozenset({Role.ADMIN, Role.COMPILER, Role.LEADER})


def roles_in(user: User, body: Body | int) -> frozenset[str]:
    """The user's roles in the body; a superuser holds every role everywhere."""
    if not user.is_authenticated:
        return frozenset()
    if user.is_superuser:
        return frozenset(Role.values)
    body_id = body if isinstance(body, int) else body.pk
    cache = _role_cache(user)
    return cache.get(body_id, frozenset())


def _role_cache(user: User) -> dict[int, frozenset[str]]:
    # One query per request: the user object lives as long as the request.
    cached = getattr(user, "_baocao_roles", None)
    if cached is None:
        found: dict[int, set[str]] = {}
        for body_id, role in Membership.objects.filter(user=user).values_list("body_id", "role"):
            found.setdefault(body_id, set()).add(role)
        cached = {k: frozenset(v) for k, v in found.items()}
        user._baocao_roles = cached  # type: ignore[union-attr]
    return cached


def bodies_visible_to(user: User) -> QuerySet[Body]:
    if not user.is_authenticated:
        return Body.objects.none()
    if user.is_superuser:
        return Body.objects.all()
    return Body.objects.filter(pk__in=list(_role_cache(user)))


def units_of(user: User) -> QuerySet[Unit]:
    """The units the user reports for."""
    if not user.is_authenticated:
        return Unit.objects.none()
    return Unit.objects.filter(memberships__user=user, memberships__role=Role.REPORTER).distinct()


def is_office(user: User, body: Body | int) -> bool:
    return bool(roles_in(user, body) & OFFICE)


def is_reader(user: User, body: Body | int) -> bool:
    """Office or leader: sees every unit's work of the body."""
    return bool(roles_in(user, body) & READERS)


def is_leader(user: User, body: Body | int) -> bool:
    return Role.LEADER in roles_in(user, body) or bool(user.is_superuser)


def reports_for(user: User, unit: Unit) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return Membership.objects.filter(user=user, unit=unit, role=Role.REPORTER).exists()


def require_body(user: User, body_id: int, *, office: bool = False) -> Body:
    """The body if the user belongs to it (404 otherwise); with office=True, 403 unless office."""
    roles = roles_in(user, body_id)
    if not roles:
        raise Http404
    if office and not roles & OFFICE:
        raise PermissionDenied
    return Body.objects.get(pk=body_id)


def get_period_for(user: User, pk: int, *, office: bool = False, leader: bool = False):
    """A period the user's body owns: office and leaders read it; `office`/`leader` narrow."""
    from baocao.cycle.models import Period

    period = Period.objects.select_related("body", "outline").filter(pk=pk).first()
    if period is None or not is_reader(user, period.body_id):
        raise Http404
    if office and not is_office(user, period.body_id):
        raise PermissionDenied
    if leader and not is_leader(user, period.body_id):
        raise PermissionDenied
    return period


def get_submission_for(user: User, pk: int, *, write: bool = False, office: bool = False):
    """A unit's submission: its reporters may write it, the body's office and leaders read it,
    nobody else learns it exists."""
    from baocao.cycle.models import Submission

    sub = Submission.objects.select_related("unit", "period", "period__body").filter(pk=pk).first()
    if sub is None:
        raise Http404
    own = reports_for(user, sub.unit)
    reader = is_reader(user, sub.period.body_id)
    if not (own or reader):
        raise Http404
    if office and not is_office(user, sub.period.body_id):
        raise PermissionDenied
    if write and not own:
        raise PermissionDenied
    return sub
