from django.urls import path

from baocao.tasks import views

app_name = "tasks"
urlpatterns = [
    path("", views.task_list, name="list"),
    path("<int:pk>/giao/", views.assign, name="assign"),
]
