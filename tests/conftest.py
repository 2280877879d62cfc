"""Fixtures every test may use, and how the suite is spread over processes.

`make test` runs the suite on two processes (pytest-xdist, `--dist loadgroup`). The tests of a
module that reads the seeded catalog run in one process, which builds the catalog once for
them (`seeded_catalog`); the rest go wherever a process is free.

With CAREERFIT_ENGINE_TESTS=1 (`make test-sqlite`, which CI runs on SQLite after the whole
suite on PostgreSQL) only the tests whose behaviour can depend on the database engine run:
every test that uses the database (the ORM and its queries, migrations, search, the admin,
fixtures and imports), except the browser tests, which test pages and their scripts, and
all but the first shard of the admin's whole-catalog sweep (tests/professions/
test_every_profession_saves.py), whose 925 professions test the data, the same on either
engine; one shard saves 116 of them, editorial and imported.
"""

import os
import time

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django_webtest.response import DjangoWebtestResponse

from professions.models import Profession

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


def pytest_collection_modifyitems(config, items):
    engine_only = os.environ.get("CAREERFIT_ENGINE_TESTS") == "1"
    kept, dropped = [], []
    for item in items:
        path = str(item.path)
        sweep_shard = "test_every_profession_saves" in path and "[" in item.name
        if "seeded_catalog" in item.fixturenames and not sweep_shard:
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
        uses_database = bool(DATABASE_FIXTURES & set(item.fixturenames)) or bool(
            item.get_closest_marker("django_db")
        )
        browser = f"{os.sep}e2e{os.sep}" in path
        later_shard = sweep_shard and not item.name.endswith("[0]")
        if engine_only and (not uses_database or browser or later_shard):
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(autouse=True)
def no_cached_pages():
    """Every test starts with no rendered page cached, as a freshly started server does."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture(scope="module")
def seeded_catalog(django_db_setup, django_db_blocker):
    """The catalog `seed` builds (the fixtures and the 923 O*NET occupations), built once for
    a module and rolled back after its last test; each test's own writes roll back as usual.
    Only for tests that use `db`, whose transactions nest inside this one."""
    with django_db_blocker.unblock():
        catalog = transaction.atomic()
        catalog.__enter__()
        call_command("seed", verbosity=0)
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        catalog.__exit__(None, None, None)


@pytest.fixture
def expire_cached_pages(monkeypatch):
    """Call to move the cache's clock past the lifetime of every page cached so far."""
    real_time = time.time

    def expire() -> None:
        offset = settings.CAREERFIT_PAGE_CACHE_SECONDS + 1
        monkeypatch.setattr(time, "time", lambda: real_time() + offset)

    return expire


@pytest.fixture
def make_profession(db):
    """Create a published profession; keyword arguments override the defaults."""

    def make(**fields) -> Profession:
        slug = fields.pop("slug", "test-pilot")
        values = {
            "name": slug.replace("-", " ").capitalize(),
            "summary": f"Summary of {slug}.",
            "description": f"Description of {slug}.",
            "realistic": 80,
            "investigative": 60,
            "artistic": 20,
            "social": 30,
            "enterprising": 40,
            "conventional": 50,
            "holland_code": "RIC",
            "published": True,
            **fields,
        }
        return Profession.objects.create(slug=slug, **values)

    return make


@pytest.fixture
def add_professions(db):
    """Add `count` published professions in one query: for query-count tests at scale."""

    def add(count: int) -> None:
        Profession.objects.bulk_create(
            Profession(
                slug=f"generated-{n}",
                name=f"Generated profession {n}",
                summary="Generated.",
                description="Generated.",
                realistic=80 - n % 7,
                investigative=60,
                artistic=20,
                social=30,
                enterprising=40,
                conventional=50,
                holland_code="RIC",
                published=True,
            )
            for n in range(count)
        )

    return add


class LxmlResponse(DjangoWebtestResponse):
    """Pages parsed by lxml, five times as fast as Python's parser on an admin change page."""

    parser_features = "lxml"


@pytest.fixture
def django_app(django_app, settings):
    """WebTest's browser-like client. It keeps cookies as a browser does, so over the tests'
    plain HTTP none may be Secure-only."""
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    django_app.response_class = LxmlResponse
    return django_app
