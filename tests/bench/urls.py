from django.http import HttpResponse
from django.urls import path

from careerfit.urls import urlpatterns as site_urlpatterns


def floor(request):
    """The least a Django view can do: the framework's ceiling on this machine."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/floor/", floor), *site_urlpatterns]
