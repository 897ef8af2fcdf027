"""Outlines as the document core sees them, and the default templates that ship with baocao."""

from __future__ import annotations

from importlib import resources

import yaml

from baocao.cycle.models import Outline, OutlineItem, Period
from baocao.document.compose import OutlineNode
from baocao.org.models import Body


def nodes_for(period: Period) -> list[OutlineNode]:
    """The period's outline as `compose` takes it, keyed by item id, headings filled in."""
    items = list(period.outline.items.all())
    values = period.heading_values()
    by_parent: dict[int | None, list[OutlineItem]] = {}
    for item in items:
        by_parent.setdefault(item.parent_id, []).append(item)

    def build(parent: int | None) -> list[OutlineNode]:
        return [
            OutlineNode(
                str(i.pk),
                i.number or None,
                i.heading.format_map(values),
                i.delim,
                build(i.pk),
            )
            for i in sorted(by_parent.get(parent, []), key=lambda x: x.order)
        ]

    return build(None)


def load_outline(body: Body | None, name: str, spec: dict) -> Outline:
    """An outline from its YAML form: {style, kind, items: [{number, heading, items: […]}]}."""
    outline = Outline.objects.create(
        body=body, name=name, style=spec.get("style", "party"), kind=spec.get("kind", "month")
    )
    counter = iter(range(1, 10_000))

    def add(items: list[dict], parent: OutlineItem | None) -> None:
        for spec_item in items:
            item = OutlineItem.objects.create(
                outline=outline,
                parent=parent,
                order=next(counter),
                number=str(spec_item.get("number") or ""),
                delim=spec_item.get("delim", "" if spec_item.get("number") == "*" else "."),
                heading=spec_item["heading"],
                focus=bool(spec_item.get("focus", parent.focus if parent else False)),
            )
            add(spec_item.get("items", []), item)

    add(spec.get("items", []), None)
    return outline


def builtin_outline(key: str) -> dict:
    """A shipped outline: "party-monthly" (the sample's) or "state-monthly"."""
    text = resources.files("baocao.cycle").joinpath(f"outlines/{key}.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def outline_from_nodes(body: Body, name: str, nodes: list[OutlineNode], style: str) -> Outline:
    """An outline built from an imported report's headings (`compose.outline_of`)."""

    def spec(n: OutlineNode) -> dict:
        return {
            "number": n.number or "",
            "delim": n.delim,
            "heading": n.heading,
            "items": [spec(c) for c in n.children],
        }

    return load_outline(body, name, {"style": style, "items": [spec(n) for n in nodes]})
