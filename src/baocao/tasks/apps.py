from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "baocao.tasks"
    label = "tasks"
    verbose_name = "Nhiệm vụ trọng tâm"
