from django.contrib import admin

from baocao.indicators.models import Indicator, Target, Value


class TargetInline(admin.TabularInline):
    model = Target
    extra = 1
    fields = ["year", "unit", "value"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit_name", "body", "reporter", "time_agg", "target_kind"]
    list_filter = ["body", "time_agg", "target_kind"]
    search_fields = ["code", "name", "aliases"]
    inlines = [TargetInline]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if change and {"unit_agg", "reporter"} & set(form.changed_data):
            from baocao.indicators.rollup import rebuild

            rebuild([obj])  # how the units add up changed: every month again


@admin.register(Value)
class ValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "unit", "year", "month", "value", "updated_by", "updated_at"]
    list_filter = ["indicator__body", "year"]
    search_fields = ["indicator__code", "indicator__name"]
