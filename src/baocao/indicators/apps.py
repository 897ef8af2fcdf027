from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "baocao.indicators"
    label = "indicators"
    verbose_name = "Chỉ tiêu"
