from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "baocao.org"
    label = "org"
    verbose_name = "Cơ quan, đơn vị, người dùng"
