from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from baocao.api.api import api
from baocao.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(
            template_name="web/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri/", admin.site.urls),
    path("", include("baocao.cycle.urls")),
    path("nhiem-vu/", include("baocao.tasks.urls")),
    path("luu-tru/", include("baocao.archive.urls")),
    path("chi-tieu/", include("baocao.indicators.urls")),
    path("api/", api.urls),
]
