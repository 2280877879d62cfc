from django.http import HttpResponse
from django.urls import path

from careerfit.urls import urlpatterns as site_urlpatterns
from quiz.progress import SESSION_KEY


def floor(request):
    """The least a Django view can do: the framework's ceiling on this machine."""
    return HttpResponse("ok", content_type="text/plain")


def floor_with_session(request):
    """The least a view that knows its visitor can do: one read of the database session,
    which every page of a quiz taker makes."""
    taking_quiz = SESSION_KEY in request.session
    return HttpResponse("ok, taker" if taking_quiz else "ok", content_type="text/plain")


urlpatterns = [
    path("bench/floor/", floor),
    path("bench/floor/session/", floor_with_session),
    *site_urlpatterns,
]
