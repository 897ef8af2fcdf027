"""The JSON API (django-ninja) under /api/, with the web pages' permissions."""
