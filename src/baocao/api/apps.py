from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "baocao.api"
    label = "api"
    verbose_name = "API"
