"""An archived report: its text, a folded copy for search, the file it came from."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from baocao.org.models import Body
from baocao.text.normalize import fold


class ArchivedQuerySet(models.QuerySet):
    def search(self, query: str) -> ArchivedQuerySet:
        """Every word of the query, compared without diacritics or case: `thanh loi` finds
        `Thành Lợi`. Folded copies make this one indexed-column LIKE on any database."""
        qs = self
        for word in fold(query).lower().split():
            qs = qs.filter(folded__contains=word)
        return qs


class ArchivedReport(models.Model):
    body = models.ForeignKey(Body, related_name="archive", on_delete=models.CASCADE)
    title = models.CharField(_("tiêu đề"), max_length=500)
    period_label = models.CharField(_("kỳ"), max_length=100, blank=True)
    year = models.PositiveIntegerField(null=True, blank=True)
    number = models.CharField(_("số, ký hiệu"), max_length=100, blank=True)
    date = models.DateField(null=True, blank=True)
    text = models.TextField()
    folded = models.TextField(editable=False)
    document = models.JSONField()
    # what the diacritic rule flags in this report (`archive.lexicon`), found when archived
    suspects = models.JSONField(default=list, editable=False)
    filename = models.CharField(max_length=255)
    content = models.BinaryField()
    period = models.OneToOneField(
        "cycle.Period", null=True, blank=True, related_name="archived", on_delete=models.SET_NULL
    )
    added_at = models.DateTimeField(auto_now_add=True)

    objects = ArchivedQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-date", "-added_at"]
        verbose_name = _("báo cáo lưu trữ")
        verbose_name_plural = _("báo cáo lưu trữ")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        from baocao.archive.lexicon import suspects_in

        self.folded = fold(f"{self.title}\n{self.number}\n{self.text}").lower()
        self.suspects = suspects_in(self.text)
        super().save(*args, **kwargs)
