from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "baocao.archive"
    label = "archive"
    verbose_name = "Lưu trữ"
