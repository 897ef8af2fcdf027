"""Bodies, units and memberships.

No hierarchy is assumed: a body may have a parent body (a commune's Party committee under a
province's), a unit may have a parent unit, and neither needs one. A district, a ward, a board
or a mass organisation are all the same two models.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Style(models.TextChoices):
    PARTY = "party", _("Đảng (Hướng dẫn 36-HD/VPTW)")
    STATE = "state", _("Nhà nước (Nghị định 30/2020/NĐ-CP)")


class Body(models.Model):
    """A reporting body: a Party committee, a People's Committee, a department …"""

    name = models.CharField(_("tên cơ quan"), max_length=200, help_text=_("VD: HUYỆN ỦY VỤ BẢN"))
    parent_name = models.CharField(
        _("cơ quan cấp trên"), max_length=200, blank=True, help_text=_("VD: ĐẢNG BỘ TỈNH NAM ĐỊNH")
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("thuộc"), null=True, blank=True, on_delete=models.PROTECT
    )
    style = models.CharField(_("thể thức"), max_length=10, choices=Style, default=Style.PARTY)
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    # "HU" in "Số 45-BC/HU", "UBND" in "Số: 45/BC-UBND"
    code = models.CharField(_("ký hiệu cơ quan"), max_length=30, blank=True)
    signer_authority = models.CharField(_("thẩm quyền ký"), max_length=100, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=100, blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi"))
    # Nghị định 09/2019/NĐ-CP, Điều 12: data up to the 14th of the period's last month
    cutoff_day = models.PositiveSmallIntegerField(_("ngày chốt số liệu"), default=14)
    deadline_day = models.PositiveSmallIntegerField(_("hạn đơn vị gửi (ngày)"), default=16)

    class Meta:
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    """A unit of a body that writes its part of the report: a board, a commune, an organisation."""

    body = models.ForeignKey(
        Body, verbose_name=_("cơ quan"), related_name="units", on_delete=models.CASCADE
    )
    name = models.CharField(_("tên đơn vị"), max_length=200)
    code = models.SlugField(_("mã"), max_length=50)
    kind = models.CharField(_("loại"), max_length=50, blank=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("thuộc"), null=True, blank=True, on_delete=models.PROTECT
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    active = models.BooleanField(_("đang hoạt động"), default=True)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["body", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["body", "code"], name="unit_code_per_body")]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị")
    COMPILER = "compiler", _("Chuyên viên tổng hợp")
    LEADER = "leader", _("Lãnh đạo")
    REPORTER = "reporter", _("Người báo cáo của đơn vị")


class Membership(models.Model):
    """A person's role in a body, and for a reporter the unit they write for."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="memberships", on_delete=models.CASCADE
    )
    body = models.ForeignKey(Body, related_name="memberships", on_delete=models.CASCADE)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, related_name="memberships", on_delete=models.CASCADE
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role)

    class Meta:
        verbose_name = _("vai trò")
        verbose_name_plural = _("vai trò")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "body", "unit", "role"], name="one_membership_per_role"
            ),
            models.CheckConstraint(
                condition=models.Q(role="reporter", unit__isnull=False)
                | ~models.Q(role="reporter"),
                name="reporter_has_unit",
            ),
        ]

    def __str__(self) -> str:
        where = self.unit or self.body
        return f"{self.user} — {self.get_role_display()} — {where}"
