"""WSGI entry point for gunicorn (`baocao serve`) or any WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "baocao.web.settings")
application = get_wsgi_application()
