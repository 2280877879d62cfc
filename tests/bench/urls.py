import uuid

from django.http import HttpResponse
from django.urls import path

from careerfit.urls import urlpatterns as site_urlpatterns
from quiz.models import Result


def floor(request):
    """The least a Django view can do: the framework's ceiling on this machine."""
    return HttpResponse("ok", content_type="text/plain")


def floor_with_query(request):
    """The least a view that reads the database can do: one indexed query, as a results page
    makes to find its result."""
    found = Result.objects.filter(uuid=uuid.uuid4()).exists()
    return HttpResponse("found" if found else "ok", content_type="text/plain")


urlpatterns = [
    path("bench/floor/", floor),
    path("bench/floor/query/", floor_with_query),
    *site_urlpatterns,
]
