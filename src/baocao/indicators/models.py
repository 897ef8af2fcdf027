"""The catalogue of indicators, their annual targets and their values per period and unit.

A value belongs to one unit and one period; `year` and `month` (the period's last month) are
copied onto it so that year-to-date sums are one indexed aggregate, whatever the database.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from baocao.org.models import Body, Unit


class Indicator(models.Model):
    class TimeAgg(models.TextChoices):
        SUM = "sum", _("Cộng dồn (lũy kế)")
        LAST = "last", _("Giá trị cuối kỳ")
        AVERAGE = "average", _("Bình quân")

    class UnitAgg(models.TextChoices):
        SUM = "sum", _("Cộng các đơn vị")
        NONE = "none", _("Không cộng")

    class TargetKind(models.TextChoices):
        PLAN = "plan", _("Kế hoạch (KH)")
        ESTIMATE = "estimate", _("Dự toán")
        NONE = "none", _("Không có chỉ tiêu")

    body = models.ForeignKey(Body, related_name="indicators", on_delete=models.CASCADE)
    code = models.SlugField(_("mã"), max_length=50)
    name = models.CharField(_("tên chỉ tiêu"), max_length=300)
    # other ways the narrative names it ("thu ngân sách", "Tổng thu NSNN"), one per line
    aliases = models.TextField(_("tên gọi khác trong báo cáo"), blank=True)
    unit_name = models.CharField(_("đơn vị tính"), max_length=50)
    decimals = models.PositiveSmallIntegerField(_("số chữ số thập phân"), default=0)
    time_agg = models.CharField(max_length=10, choices=TimeAgg, default=TimeAgg.SUM)
    unit_agg = models.CharField(max_length=10, choices=UnitAgg, default=UnitAgg.SUM)
    target_kind = models.CharField(max_length=10, choices=TargetKind, default=TargetKind.PLAN)
    # a breakdown: this indicator is one part of `parent` (total = sum of parts)
    parent = models.ForeignKey(
        "self", null=True, blank=True, related_name="parts", on_delete=models.SET_NULL
    )
    reporter = models.ForeignKey(
        Unit, null=True, blank=True, related_name="indicators", on_delete=models.SET_NULL
    )
    # value ≤ target × ceiling (a figure far above its plan is more likely a typo)
    ceiling = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["body", "order", "code"]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        constraints = [
            models.UniqueConstraint(fields=["body", "code"], name="indicator_code_per_body")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit_name})"

    def names(self) -> list[str]:
        return [self.name, *(a.strip() for a in self.aliases.splitlines() if a.strip())]


class Target(models.Model):
    """The annual target of an indicator, for the body (unit empty) or for one unit."""

    indicator = models.ForeignKey(Indicator, related_name="targets", on_delete=models.CASCADE)
    year = models.PositiveIntegerField(_("năm"))
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.CASCADE)
    value = models.DecimalField(_("chỉ tiêu"), max_digits=20, decimal_places=4)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year", "unit"], name="one_target"),
        ]


class Value(models.Model):
    """One unit's figure for one month (a longer period is keyed by its last month). The
    period it was entered in is kept when there is one; history imported from old reports has
    none."""

    indicator = models.ForeignKey(Indicator, related_name="values", on_delete=models.CASCADE)
    unit = models.ForeignKey(Unit, related_name="values", on_delete=models.CASCADE)
    year = models.PositiveIntegerField()
    month = models.PositiveSmallIntegerField()
    period = models.ForeignKey(
        "cycle.Period", null=True, blank=True, related_name="values", on_delete=models.SET_NULL
    )
    value = models.DecimalField(max_digits=20, decimal_places=4)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "unit", "year", "month"], name="one_value"
            ),
        ]
        indexes = [models.Index(fields=["indicator", "year", "month"], name="value_by_time")]

    # One value changes one month of its indicator's rollup; bulk writes (QuerySet.update,
    # bulk_create, QuerySet.delete) must call `indicators.rollup.refresh` themselves.
    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        from baocao.indicators.rollup import refresh

        refresh([self.indicator_id], [(self.year, self.month)])

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        from baocao.indicators.rollup import refresh

        refresh([self.indicator_id], [(self.year, self.month)])
        return result


class Rollup(models.Model):
    """An indicator's body-wide figure for one month: the units' values summed (or, for an
    indicator that does not add up over units, its reporting unit's). Kept in step with
    `Value` by `indicators.rollup`, in the transaction that writes the values, so that a
    year-to-date table reads 12 rows per indicator instead of 12 × the number of units."""

    indicator = models.ForeignKey(Indicator, related_name="rollups", on_delete=models.CASCADE)
    year = models.PositiveIntegerField()
    month = models.PositiveSmallIntegerField()
    total = models.DecimalField(max_digits=24, decimal_places=4)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year", "month"], name="one_rollup")
        ]
