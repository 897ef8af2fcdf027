from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin  # noqa: F401 - used by other apps' admins

from baocao.org.models import Body, Membership, Unit


class UnitInline(admin.TabularInline):
    model = Unit
    extra = 0
    fields = ["order", "name", "code", "kind", "email", "active"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "parent_name", "style", "place"]
    search_fields = ["name"]
    inlines = [UnitInline]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "body", "code", "kind", "active"]
    list_filter = ["body", "active"]
    search_fields = ["name", "code"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "body", "unit", "role"]
    list_filter = ["body", "role"]
    autocomplete_fields = ["unit"]
