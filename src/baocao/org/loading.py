"""Bodies, units and people from a YAML or CSV file (`baocao load-org FILE`).

YAML: {bodies: [{name, parent_name, style, place, code, signer_*, recipients: [..],
units: [{code, name, kind, email, parent}], people: [{username, name, email, role, unit}]}]}.
CSV: one row per unit, columns body,code,name,kind,email,parent. Nothing is saved from a file
with an error.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django.db import transaction

from baocao.org.models import Body, Membership, Role, Unit


class LoadError(Exception):
    pass


def load_file(path: Path, password: str | None = None) -> dict[str, int]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(f"{path}: không đọc được tệp ({exc})") from None
    if path.suffix.lower() == ".csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        bodies: dict[str, dict] = {}
        for i, row in enumerate(rows, 2):
            if not row.get("body") or not row.get("code") or not row.get("name"):
                raise LoadError(f"{path}:{i}: cần các cột body, code, name")
            bodies.setdefault(row["body"], {"name": row["body"], "units": []})["units"].append(row)
        spec = {"bodies": list(bodies.values())}
    else:
        try:
            spec = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (dòng {mark.line + 1})" if mark else ""
            problem = getattr(exc, "problem", None) or "cú pháp sai"
            raise LoadError(f"{path}: YAML không hợp lệ{where}: {problem}") from None
    if not isinstance(spec, dict) or not isinstance(spec.get("bodies"), list):
        raise LoadError(f"{path}: cần khóa 'bodies' là một danh sách")
    with transaction.atomic():
        return load_spec(spec, password)


def load_spec(spec: dict, password: str | None = None) -> dict[str, int]:
    counts = {"bodies": 0, "units": 0, "people": 0}
    users = get_user_model()
    for b in spec["bodies"]:
        body, _ = Body.objects.update_or_create(
            name=b["name"],
            defaults={
                k: b[k]
                for k in (
                    "parent_name",
                    "style",
                    "place",
                    "code",
                    "signer_authority",
                    "signer_title",
                    "signer_name",
                    "cutoff_day",
                    "deadline_day",
                )
                if k in b
            }
            | ({"recipients": "\n".join(b["recipients"])} if "recipients" in b else {}),
        )
        counts["bodies"] += 1
        units = {}
        for order, u in enumerate(b.get("units", []), 1):
            unit, _ = Unit.objects.update_or_create(
                body=body,
                code=u["code"],
                defaults={
                    "name": u["name"],
                    "kind": u.get("kind", ""),
                    "email": u.get("email", ""),
                    "order": order,
                },
            )
            units[u["code"]] = unit
            counts["units"] += 1
        for u in b.get("units", []):
            if u.get("parent"):
                if u["parent"] not in units:
                    raise LoadError(f"đơn vị {u['code']}: không có đơn vị cha {u['parent']}")
                units[u["code"]].parent = units[u["parent"]]
                units[u["code"]].save(update_fields=["parent"])
        for p in b.get("people", []):
            role = p.get("role", "")
            if role not in Role.values:
                raise LoadError(f"{p.get('username')}: vai trò không hợp lệ {role!r}")
            if role == Role.REPORTER and p.get("unit") not in units:
                raise LoadError(f"{p.get('username')}: không có đơn vị {p.get('unit')!r}")
            user, created = users.objects.get_or_create(username=p["username"])
            first, _, last = p.get("name", "").rpartition(" ")
            user.first_name, user.last_name = first, last or p.get("name", "")
            user.email = p.get("email", "")
            if created and password:
                user.set_password(password)
            user.save()
            Membership.objects.get_or_create(
                user=user,
                body=body,
                unit=units.get(p.get("unit")) if role == Role.REPORTER else None,
                role=role,
            )
            counts["people"] += 1
    return counts
