from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from baocao.cycle.models import Contribution, Draft, Outline, OutlineItem, Period, Submission


class OutlineItemInline(admin.TabularInline):
    model = OutlineItem
    extra = 0
    fields = ["order", "parent", "number", "delim", "heading", "focus", "units"]
    filter_horizontal = ["units"]


@admin.register(Outline)
class OutlineAdmin(admin.ModelAdmin):
    list_display = ["name", "body", "style", "kind"]
    inlines = [OutlineItemInline]


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ["__str__", "body", "cutoff", "deadline", "status"]
    list_filter = ["body", "status", "kind"]


@admin.register(Submission)
class SubmissionAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "period", "status", "submitted_at"]
    list_filter = ["status", "period__body"]


@admin.register(Contribution)
class ContributionAdmin(SimpleHistoryAdmin):
    list_display = ["submission", "item", "version", "updated_at"]


@admin.register(Draft)
class DraftAdmin(SimpleHistoryAdmin):
    list_display = ["period", "version", "approved_at"]
