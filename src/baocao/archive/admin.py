from django.contrib import admin

from baocao.archive.models import ArchivedReport


@admin.register(ArchivedReport)
class ArchivedReportAdmin(admin.ModelAdmin):
    list_display = ["title", "body", "period_label", "number", "date"]
    search_fields = ["title", "number"]
    exclude = ["content", "document"]
