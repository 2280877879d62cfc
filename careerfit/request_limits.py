"""How much form data a request may send: a little for the public, more for staff in the admin.

Django has one pair of limits for every request (DATA_UPLOAD_MAX_NUMBER_FIELDS and
DATA_UPLOAD_MAX_MEMORY_SIZE); the settings set them to what the admin's largest forms need.
This middleware holds everyone else to the public limits (CAREERFIT_PUBLIC_MAX_FIELDS and
CAREERFIT_PUBLIC_MAX_BYTES), refusing larger requests with a 400 as Django would, and answers a
staff member's too-large admin post with a page in the admin saying what happened, instead of
Django's bare 400.
"""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse


def is_staff_in_admin(request: HttpRequest) -> bool:
    # The path first: asking who the user is reads the session.
    if not request.path.startswith(reverse("admin:index")):
        return False
    user = getattr(request, "user", None)
    return bool(user and user.is_active and user.is_staff)


def field_count(request: HttpRequest) -> int:
    return sum(len(values) for data in (request.GET, request.POST) for _, values in data.lists())


class RequestLimitsMiddleware:
    """After AuthenticationMiddleware, which says who is asking, and before any view or
    CsrfViewMiddleware reads the form data."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if is_staff_in_admin(request):
            try:
                field_count(request)  # parses the data now, under Django's (the admin's) limits
            except (TooManyFieldsSent, RequestDataTooBig) as error:
                return too_large_for_admin(request, error)
        else:
            self.check_public_limits(request)
        return self.get_response(request)

    @staticmethod
    def check_public_limits(request: HttpRequest) -> None:
        """Raise what Django raises for data over its limits; it answers with a 400."""
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > settings.CAREERFIT_PUBLIC_MAX_BYTES:
            raise RequestDataTooBig("Request body exceeded CAREERFIT_PUBLIC_MAX_BYTES.")
        # The body is small now, so parsing it to count its fields is cheap.
        if field_count(request) > settings.CAREERFIT_PUBLIC_MAX_FIELDS:
            raise TooManyFieldsSent("The number of fields exceeded CAREERFIT_PUBLIC_MAX_FIELDS.")


def too_large_for_admin(request: HttpRequest, error: Exception) -> HttpResponse:
    """Nothing was saved: say so in the admin, with what to do instead."""
    response = TemplateResponse(
        request,
        "admin/request_too_large.html",
        {
            **admin.site.each_context(request),
            "title": "Nothing was saved: the form was too large",
            "too_many_fields": isinstance(error, TooManyFieldsSent),
            "max_fields": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
            "max_kilobytes": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024,
        },
        status=413,
    )
    return response.render()
