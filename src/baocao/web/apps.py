from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "baocao.web"
    label = "web"
    verbose_name = "baocao"

    def ready(self) -> None:
        from baocao.web import checks  # noqa: F401 - registers the system checks
