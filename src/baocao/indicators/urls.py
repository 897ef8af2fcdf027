from baocao.indicators import urls_dashboard, urls_entry

app_name = "indicators"
urlpatterns = [*urls_entry.urlpatterns, *urls_dashboard.urlpatterns]
