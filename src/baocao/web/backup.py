"""A whole backup as one JSON file (Django's serialiser: the same file restores on SQLite and
PostgreSQL). Restore replaces everything in one transaction: a bad file leaves the data as it
was."""

from __future__ import annotations

import io
import json
from pathlib import Path

from django.core import serializers
from django.core.management import call_command
from django.db import DatabaseError, transaction

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
    path.chmod(0o600)  # it holds password hashes
    return len(json.loads(text))


def load(path: Path) -> int:
    try:
        text = path.read_text(encoding="utf-8")
        rows = json.loads(text)
    except FileNotFoundError:
        raise BackupError(f"{path}: không tìm thấy tệp") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BackupError(f"{path}: không phải tệp sao lưu của baocao ({str(exc)[:200]})") from None
    if not isinstance(rows, list) or not all(
        isinstance(r, dict) and "model" in r and "fields" in r for r in rows
    ):
        raise BackupError(f"{path}: không phải tệp sao lưu của baocao")
    count = 0
    try:
        with transaction.atomic():
            call_command("flush", interactive=False, verbosity=0)
            # Objects are saved as they are read, in the file's dependency order, so that a
            # natural key (a user name) finds the row restored a moment before.
            deferred = []
            for obj in serializers.deserialize("json", text, handle_forward_references=True):
                obj.save()
                count += 1
                if obj.deferred_fields:
                    deferred.append(obj)
            for obj in deferred:
                obj.save_deferred_fields()
    except (serializers.base.DeserializationError, DatabaseError) as exc:
        raise BackupError(
            f"{path}: không khôi phục được, dữ liệu giữ nguyên ({str(exc)[:200]})"
        ) from None
    return count
