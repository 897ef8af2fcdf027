"""A focus task: one commitment of part B, owned by a unit, due in a later period."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from baocao.cycle.models import Period
from baocao.org.models import Body, Unit


class TaskQuerySet(models.QuerySet):
    def due_for(self, period: Period) -> TaskQuerySet:
        """Tasks a period's part A reports on: due in it, or overdue from an issued period."""
        overdue = (
            models.Q(due_period__status="issued", due_period__kind=period.kind)
            & ~models.Q(status=Task.Status.DONE)
            & ~models.Q(source_period=period)
        )
        return self.filter(body=period.body).filter(models.Q(due_period=period) | overdue)


class Task(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Chưa thực hiện")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Đã hoàn thành")

    body = models.ForeignKey(Body, related_name="tasks", on_delete=models.CASCADE)
    source_period = models.ForeignKey(Period, related_name="tasks_set", on_delete=models.CASCADE)
    due_period = models.ForeignKey(
        Period, null=True, blank=True, related_name="tasks_due", on_delete=models.SET_NULL
    )
    heading = models.CharField(_("thuộc mục"), max_length=500, blank=True)
    text = models.TextField(_("nhiệm vụ"))
    owner = models.ForeignKey(
        Unit, null=True, blank=True, related_name="tasks", on_delete=models.SET_NULL
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.OPEN)
    progress = models.TextField(_("kết quả thực hiện"), blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["source_period", "order"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")

    def __str__(self) -> str:
        return self.text[:80]

    def is_overdue(self) -> bool:
        if self.status == self.Status.DONE or self.due_period is None:
            return False
        return self.due_period.status == "issued"
