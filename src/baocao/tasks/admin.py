from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from baocao.tasks.models import Task


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin):
    list_display = ["text", "owner", "source_period", "due_period", "status"]
    list_filter = ["status", "body"]
