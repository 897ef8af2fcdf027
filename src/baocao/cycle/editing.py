"""Saving a text without losing anyone's work.

A save carries the version it was made from. The row is updated only if that version is still
current (one conditional UPDATE, the same on SQLite and PostgreSQL); otherwise the save is
refused, the refused text is kept as a `Conflict`, and the caller shows both texts.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F

from baocao.cycle.models import Conflict, Contribution, Draft
from baocao.cycle.sanitize import clean_text


@dataclass(frozen=True)
class SaveResult:
    saved: bool
    version: int
    current_text: str
    conflict: Conflict | None = None


def save_text(obj: Contribution | Draft, text: str, base_version: int, user) -> SaveResult:
    """Store `text` over `obj` if nobody saved since `base_version`."""
    text = clean_text(text)
    model = type(obj)
    with transaction.atomic():
        changed = model.objects.filter(pk=obj.pk, version=base_version).update(
            text=text, version=F("version") + 1
        )
        if changed:
            obj.refresh_from_db()
            # record the new state in the change history (update() does not)
            obj._history_user = user
            obj.save(update_fields=["text", "version", "updated_at"])
            return SaveResult(True, obj.version, obj.text)
        obj.refresh_from_db()
        conflict = Conflict.objects.create(
            author=user,
            text=text,
            base_version=base_version,
            **({"draft": obj} if isinstance(obj, Draft) else {"contribution": obj}),
        )
        return SaveResult(False, obj.version, obj.text, conflict)
