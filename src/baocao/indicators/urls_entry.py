from django.urls import path

from baocao.indicators import views

urlpatterns = [
    path("bai/<int:pk>/", views.entry, name="entry"),
    path("bai/<int:pk>/bang.xlsx", views.sheet, name="sheet"),
    path("bai/<int:pk>/nhap-bang/", views.upload_sheet, name="upload_sheet"),
    path("bai/<int:pk>/chen-cau/", views.insert_sentence, name="insert"),
]
