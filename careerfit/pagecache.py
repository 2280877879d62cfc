"""Rendered pages, shared by every visitor while the content they show is unchanged.

The public pages (home, catalog, profiles, comparisons) and the results pages take
milliseconds of template rendering, yet are the same for every visitor in the same situation.
`cached_page()` keeps each one in Django's cache (each process's memory unless CACHES names a
shared cache) under a key made of:

- the content version: ContentVersion's token, which every change to professions, skills, job
  titles, comparisons and questions, and every deleted result, replaces in the same
  transaction: saves and deletes through `watch()` (a profession's save covers the job titles
  and skill links edited with it), bulk writes in ContentQuerySet, and fixtures in the
  loaddata command, once per load. Each process reads the token again at most every
  CAREERFIT_CONTENT_RECHECK_SECONDS, so an edit or a deletion shows on every server within
  that time;
- the page's absolute URL (scheme, host, path and query);
- whatever else of the visitor the view names in `varies_on`.

Entries expire after CAREERFIT_PAGE_CACHE_SECONDS, which bounds how old the percentiles on a
results page can be. Only what every visitor may see is served or stored: GET and HEAD
requests with no message waiting, and 200 responses that set no cookie, hold no CSRF token and
show no message.
"""

import functools
import hashlib
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse

from professions.models import ContentVersion

T = TypeVar("T")

# When this process last read the content version (time.monotonic()), and what it read.
_version: tuple[float, str] = (float("-inf"), "")


def content_version() -> str:
    global _version
    read_at, token = _version
    now = time.monotonic()
    if now - read_at >= settings.CAREERFIT_CONTENT_RECHECK_SECONDS:
        token = ContentVersion.objects.token()
        _version = (now, token)
    return token


def per_content_version(build: Callable[[], T]) -> Callable[[], T]:
    """Decorator: call `build()` once per content version in each process, and keep what it
    returns. For data every request needs and editors rarely change."""
    kept: list = [None, None]  # the version it was built for, what it built

    @functools.wraps(build)
    def current() -> T:
        version = content_version()
        built_for, value = kept
        if built_for != version:
            value = build()
            kept[:] = [version, value]
        return value

    return current


def content_changed(raw: bool = False, **_signal) -> None:
    """A save or delete receiver. Fixtures (raw saves) change the version once, when loaded."""
    if not raw:
        ContentVersion.objects.bump()


def watch(*models) -> None:
    """Saving or deleting any row of these models changes the content version."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(content_changed, sender=model, dispatch_uid="careerfit_pagecache")


def cached_page(
    request: HttpRequest, render: Callable[[], HttpResponse], varies_on: tuple = ()
) -> HttpResponse:
    """The page `render()` makes, from the cache when this visitor may share it."""
    if request.method not in ("GET", "HEAD") or CookieStorage.cookie_name in request.COOKIES:
        return render()
    described = repr((content_version(), request.build_absolute_uri(), varies_on))
    key = "page:" + hashlib.sha256(described.encode()).hexdigest()
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
