from django.apps import AppConfig


class CycleConfig(AppConfig):
    name = "baocao.cycle"
    label = "cycle"
    verbose_name = "Kỳ báo cáo"
