"""Rendered pages, shared by every visitor while the content they show is unchanged.

The public pages (home, catalog, profiles, comparisons) and the results pages take
milliseconds of template rendering, yet are the same for every visitor in the same situation.
`cached_page()` keeps each one in Django's cache (each process's memory unless CACHES names a
shared cache) under a key made of:

- the content version (professions/content.py), which every change to what the pages show
  replaces, so a cached page is never served after its content changed;
- the page's absolute URL (scheme, host, path and query);
- whatever else of the visitor the view names in `varies_on`.

Entries expire after CAREERFIT_PAGE_CACHE_SECONDS, which bounds how old the percentiles on a
results page can be; a results page still looks its result up first, so a deleted one is gone
at once. Only what every visitor may see is served or stored: GET and HEAD requests with no
message waiting, and 200 responses that set no cookie, hold no CSRF token and show no message.
"""

import functools
import hashlib
from collections.abc import Callable

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from professions.content import ContentVersion


def cached_page(
    request: HttpRequest,
    render: Callable[[], HttpResponse],
    varies_on: tuple = (),
    cache_alias: str = "",
) -> HttpResponse:
    """The page `render()` makes, from the cache when this visitor may share it.

    Pages few people see (a results page, the catalog ranked for one visitor's result) are
    kept in the "visitor" cache, so that they never push out the pages everyone sees; pages
    that depend on the visitor say `Vary: Cookie`, so that no cache in front mixes visitors
    up either."""
    response = page_from_cache(request, render, varies_on, cache_alias)
    if varies_on or cache_alias:
        patch_vary_headers(response, ["Cookie"])
    return response


def page_from_cache(
    request: HttpRequest, render: Callable[[], HttpResponse], varies_on: tuple, cache_alias: str
) -> HttpResponse:
    if (
        not settings.CAREERFIT_PAGE_CACHE_SECONDS  # caching is switched off
        or request.method not in ("GET", "HEAD")
        # A message waits for this visitor: stored in its cookie, or queued by this request.
        or CookieStorage.cookie_name in request.COOKIES
        or len(getattr(request, "_messages", ())) > 0
    ):
        return render()
    version = ContentVersion.objects.current()
    if not version:  # no version row (a database just flushed): nothing to key pages on
        return render()
    described = repr((version, request.build_absolute_uri(), varies_on))
    key = "page:" + hashlib.sha256(described.encode()).hexdigest()
    cache = caches[cache_alias or ("visitor" if any(varies_on) else "default")]
    if (stored := cache.get(key)) is not None:
        content, content_type = stored
        return HttpResponse(content, content_type=content_type)
    response = render()
    if hasattr(response, "render"):
        response.render()  # a TemplateResponse: render now, to know what it holds
    if shareable(request, response):
        stored = (response.content, response["Content-Type"])
        cache.set(key, stored, settings.CAREERFIT_PAGE_CACHE_SECONDS)
    return response


def shareable(request: HttpRequest, response: HttpResponse) -> bool:
    messages = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # The page holds a CSRF token, which belongs to this visitor's cookie.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (messages and messages.used)
    )


def shared_page(varies_on: Callable[..., tuple] = lambda request, *args, **kwargs: ()):
    """A view decorator: `cached_page()` with the view's arguments."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            render = functools.partial(view, request, *args, **kwargs)
            return cached_page(request, render, varies_on(request, *args, **kwargs))

        return wrapper

    return decorate


class SharedPageMixin:
    """For class-based views: GET through `cached_page()`."""

    def get(self, request, *args, **kwargs):
        return cached_page(request, functools.partial(super().get, request, *args, **kwargs))
