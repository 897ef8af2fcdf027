"""What the header needs on every page."""

from __future__ import annotations

from django.http import HttpRequest

from baocao.org.access import READERS, bodies_visible_to, roles_in


def nav(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    readers = any(roles_in(user, b) & READERS for b in bodies_visible_to(user))
    return {"show_indicators": readers}
