from baocao.indicators import urls_entry

app_name = "indicators"
urlpatterns = [*urls_entry.urlpatterns]
