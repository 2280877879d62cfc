"""Error pages that need no database, so they still work when the database does not."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 10


def server_error(request) -> HttpResponse:
    """handler500: a 503 "try again shortly" while the database is unreachable, else a 500.

    Django calls it inside the except block of the unhandled exception, so the exception is
    at hand. Rendering without the request skips the context processors, which would read
    the session, and with it the database, again.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        logger.warning("Database unavailable: %s", error)
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse(render_to_string("500.html"), status=500)
