from django.urls import path

from baocao.archive import views

app_name = "archive"
urlpatterns = [
    path("", views.archive_list, name="list"),
    path("nhap/", views.archive_import, name="import"),
    path("<int:pk>/", views.archive_detail, name="detail"),
    path("<int:pk>/tai/", views.archive_download, name="download"),
    path("<int:pk>/lam-mau/", views.make_outline, name="make_outline"),
]
