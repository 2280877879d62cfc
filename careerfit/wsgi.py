"""WSGI entry point for gunicorn: `gunicorn careerfit.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerfit.settings")

application = get_wsgi_application()
