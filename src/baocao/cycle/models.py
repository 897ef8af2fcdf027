"""Periods, outlines, units' submissions and their parts, the consolidated draft, the issue.

A submission is one unit's work for one period; a contribution is its text for one outline
item. Text is stored as Markdown in the conventions of `baocao.document.readers.text`, so the
document core reads it like any other report. Texts carry a `version`: a save names the version
it was made from, and a stale save is refused (see `cycle.editing`).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from baocao.cycle import periods
from baocao.org.models import Body, Style, Unit


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Tháng")
    QUARTER = "quarter", _("Quý")
    SIX_MONTHS = "six_months", _("6 tháng")
    NINE_MONTHS = "nine_months", _("9 tháng")
    YEAR = "year", _("Năm")


class Outline(models.Model):
    """A report template: the numbered headings of a report and who writes under each."""

    body = models.ForeignKey(
        Body, null=True, blank=True, related_name="outlines", on_delete=models.CASCADE
    )
    name = models.CharField(_("tên mẫu"), max_length=200)
    style = models.CharField(_("thể thức"), max_length=10, choices=Style, default=Style.PARTY)
    kind = models.CharField(
        _("loại kỳ"), max_length=20, choices=PeriodKind, default=PeriodKind.MONTH
    )

    class Meta:
        verbose_name = _("mẫu đề cương")
        verbose_name_plural = _("mẫu đề cương")

    def __str__(self) -> str:
        return self.name


class OutlineItem(models.Model):
    """One heading. Its text may hold {period} and {next_period} ("THÁNG 2", "THÁNG 3")."""

    outline = models.ForeignKey(Outline, related_name="items", on_delete=models.CASCADE)
    parent = models.ForeignKey(
        "self", null=True, blank=True, related_name="children", on_delete=models.CASCADE
    )
    order = models.PositiveIntegerField(default=0)
    number = models.CharField(_("số"), max_length=10, blank=True)
    delim = models.CharField(max_length=2, blank=True, default=".")
    heading = models.CharField(_("tiêu đề"), max_length=500)
    units = models.ManyToManyField(Unit, blank=True, related_name="outline_items")
    # part B items: what is written here becomes next period's tasks
    focus = models.BooleanField(_("nhiệm vụ kỳ tới"), default=False)

    class Meta:
        ordering = ["outline", "order"]

    def __str__(self) -> str:
        return f"{self.number}{self.delim} {self.heading}".strip()

    def path_label(self, values: dict[str, str]) -> str:
        """The heading with its parents', so that B.1 and A.I.1 read apart:
        "B. NHIỆM VỤ TRỌNG TÂM THÁNG 3 › 1. Công tác xây dựng Đảng …"."""
        chain, item = [], self
        while item is not None:
            chain.append(str(item).format_map(values))
            item = item.parent
        return " › ".join(reversed(chain))


class PeriodStatus(models.TextChoices):
    OPEN = "open", _("Đang nhận báo cáo")
    APPROVED = "approved", _("Đã duyệt")
    ISSUED = "issued", _("Đã ban hành")


class Period(models.Model):
    body = models.ForeignKey(Body, related_name="periods", on_delete=models.CASCADE)
    outline = models.ForeignKey(Outline, on_delete=models.PROTECT)
    kind = models.CharField(_("loại kỳ"), max_length=20, choices=PeriodKind)
    year = models.PositiveIntegerField(_("năm"))
    number = models.PositiveSmallIntegerField(_("số kỳ"), default=1)  # month 1-12, quarter 1-4
    cutoff = models.DateField(_("ngày chốt số liệu"))
    deadline = models.DateField(_("hạn gửi"))
    status = models.CharField(max_length=20, choices=PeriodStatus, default=PeriodStatus.OPEN)

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["body", "kind", "year", "number"], name="one_period")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return periods.label(self.kind, self.year, self.number)

    @property
    def locked(self) -> bool:
        return self.status == PeriodStatus.ISSUED

    def next_key(self) -> tuple[int, int]:
        return periods.next_period(self.kind, self.year, self.number)

    def heading_values(self) -> dict[str, str]:
        _, nn = self.next_key()
        return {
            "period": periods.short_label(self.kind, self.number).upper(),
            "next_period": periods.short_label(self.kind, nn).upper(),
        }


class Submission(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("Chưa bắt đầu")
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã gửi")
        RETURNED = "returned", _("Bị trả lại")
        ACCEPTED = "accepted", _("Đã tiếp nhận")

    period = models.ForeignKey(Period, related_name="submissions", on_delete=models.CASCADE)
    unit = models.ForeignKey(Unit, related_name="submissions", on_delete=models.CASCADE)
    status = models.CharField(max_length=20, choices=Status, default=Status.NEW)
    submitted_at = models.DateTimeField(null=True, blank=True)
    return_comment = models.TextField(_("lý do trả lại"), blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["unit__order", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["period", "unit"], name="one_submission_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.period}"

    @property
    def editable(self) -> bool:
        return self.status in (self.Status.NEW, self.Status.DRAFT, self.Status.RETURNED) and (
            not self.period.locked
        )

    def is_late(self, today: dt.date | None = None) -> bool:
        """Sent after the deadline, or still not sent once it has passed."""
        return self.late_for(self.status, self.submitted_at, self.period.deadline, today)

    @classmethod
    def late_for(
        cls, status: str, submitted_at, deadline: dt.date, today: dt.date | None = None
    ) -> bool:
        """`is_late` on plain values, for pages that list hundreds of units."""
        if submitted_at and status in (cls.Status.SUBMITTED, cls.Status.ACCEPTED):
            return timezone.localdate(submitted_at) > deadline
        return (today or timezone.localdate()) > deadline


class Contribution(models.Model):
    """A unit's text under one outline item for one period."""

    submission = models.ForeignKey(
        Submission, related_name="contributions", on_delete=models.CASCADE
    )
    item = models.ForeignKey(OutlineItem, on_delete=models.CASCADE)
    text = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item__order"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "item"], name="one_text_per_item")
        ]


class Draft(models.Model):
    """The period's consolidated report, edited by the office, approved by a leader."""

    period = models.OneToOneField(Period, related_name="draft", on_delete=models.CASCADE)
    text = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    # the checker's findings on this version, so that opening the draft does not re-run the
    # whole-document checker for every reader (see cycle.checking.draft_findings)
    findings = models.JSONField(default=list, blank=True)
    findings_key = models.CharField(max_length=80, blank=True)
    history = HistoricalRecords(excluded_fields=["findings", "findings_key"])


class Conflict(models.Model):
    """A save refused because the text had changed meanwhile: kept so that nothing is lost."""

    contribution = models.ForeignKey(
        Contribution, null=True, blank=True, related_name="conflicts", on_delete=models.CASCADE
    )
    draft = models.ForeignKey(
        Draft, null=True, blank=True, related_name="conflicts", on_delete=models.CASCADE
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    text = models.TextField()
    base_version = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)


class Comment(models.Model):
    """A leader's (or the office's) remark on one paragraph of the draft."""

    draft = models.ForeignKey(Draft, related_name="comments", on_delete=models.CASCADE)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    quote = models.TextField(_("đoạn văn"), blank=True)
    text = models.TextField(_("ý kiến"))
    created_at = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at"]


class IssuedReport(models.Model):
    """What was issued: number, date and the official files, kept as bytes in the database
    so that a database backup is a whole backup."""

    period = models.OneToOneField(Period, related_name="issued", on_delete=models.CASCADE)
    number = models.CharField(_("số, ký hiệu"), max_length=100)
    date = models.DateField(_("ngày ban hành"))
    docx = models.BinaryField()
    pdf = models.BinaryField(null=True, blank=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    issued_at = models.DateTimeField(auto_now_add=True)
