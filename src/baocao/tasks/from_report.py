"""Part B of an issued report becomes next period's tasks."""

from __future__ import annotations

from baocao.cycle.models import Period
from baocao.document.compose import focus_tasks
from baocao.document.model import Document
from baocao.tasks.models import Task
from baocao.text.normalize import fold


def _key(heading: str) -> str:
    return " ".join(fold(heading).lower().split())


def create_tasks(period: Period, doc: Document) -> list[Task]:
    """One task per paragraph of part B; owner suggested from the outline item's first unit;
    due in the next period when it is open, else left for the office to set."""
    year, number = period.next_key()
    due = Period.objects.filter(
        body=period.body, kind=period.kind, year=year, number=number
    ).first()
    values = period.heading_values()
    owners = {}
    for item in period.outline.items.filter(focus=True).prefetch_related("units"):
        units = list(item.units.all())
        if units:
            owners[_key(f"{item.number}{item.delim} {item.heading.format_map(values)}")] = units[0]
    tasks = [
        Task(
            body=period.body,
            source_period=period,
            due_period=due,
            heading=t.heading,
            text=t.text,
            owner=owners.get(_key(t.heading)),
            order=i,
        )
        for i, t in enumerate(focus_tasks(doc))
    ]
    return Task.objects.bulk_create(tasks)


def attach_due_tasks(period: Period) -> int:
    """When a period opens, tasks that were waiting for it point at it."""
    previous = [
        p
        for p in Period.objects.filter(body=period.body, kind=period.kind)
        if p.next_key() == (period.year, period.number)
    ]
    return Task.objects.filter(source_period__in=previous, due_period__isnull=True).update(
        due_period=period
    )
