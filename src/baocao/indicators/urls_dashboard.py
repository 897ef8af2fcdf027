from django.urls import path

from baocao.indicators import dashboard

app_name = "indicators"

urlpatterns = [
    path("", dashboard.dashboards, name="dashboards"),
    path("<int:body_id>/", dashboard.dashboard, name="dashboard"),
    path("ky/<int:period_pk>/", dashboard.progress_table_view, name="table"),
    path("ky/<int:period_pk>/xuat.<str:fmt>", dashboard.export_table, name="export"),
    path(
        "ky/<int:period_pk>/don-vi/<slug:code>.<str:fmt>",
        dashboard.export_units,
        name="export_units",
    ),
]
