"""A whole backup as one JSON file (Django's serialiser: the same file restores on SQLite and
PostgreSQL). Restore replaces everything in one transaction: a bad file leaves the data as it
was."""

from __future__ import annotations

import io
import json
from pathlib import Path

from django.core import serializers
from django.core.management import call_command
from django.db import transaction

from baocao.document.atomic import write_text_atomic

EXCLUDE = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "axes"]


class BackupError(Exception):
    pass


def dump(path: Path) -> int:
    out = io.StringIO()
    call_command(
        "dumpdata",
        natural_foreign=True,
        natural_primary=True,
        exclude=EXCLUDE,
        stdout=out,
        verbosity=0,
    )
    text = out.getvalue()
    write_text_atomic(path, text)
    return len(json.loads(text))


def load(path: Path) -> int:
    try:
        text = path.read_text(encoding="utf-8")
        objects = list(serializers.deserialize("json", text, handle_forward_references=True))
    except FileNotFoundError:
        raise BackupError(f"{path}: không tìm thấy tệp") from None
    except (OSError, UnicodeDecodeError, serializers.base.DeserializationError) as exc:
        raise BackupError(f"{path}: không phải tệp sao lưu của baocao ({str(exc)[:200]})") from None
    with transaction.atomic():
        call_command("flush", interactive=False, verbosity=0)
        for obj in objects:
            obj.save()
        for obj in objects:
            if obj.deferred_fields:
                obj.save_deferred_fields()
    return len(objects)
