"""Two app servers on one PostgreSQL database: a quiz may move freely between them.

App servers keep no state of their own (a quiz in progress travels in a cookie signed with
the shared secret key, results live in the database), so any load balancer may send each
request to any instance. SQLite's test database lives in memory,
out of reach of other processes, so this runs only on PostgreSQL, as CI's second pass does.
"""

import os
import secrets
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import connection

from quiz.models import Result
from tests.http import Session, item_codes
from tests.servers import ROOT, free_port, start_gunicorn, stop

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a shared PostgreSQL"),
]


@pytest.fixture
def two_servers():
    call_command("loaddata", "professions", "questions", verbosity=0)
    settings = connection.settings_dict
    login = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "careerfit.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": (
            f"postgres://{login}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
        ),
    }
    # The production settings serve hashed static files: collect them as a deployment would.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity=0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    servers, bases = [], []
    try:
        for _ in range(2):
            port = free_port()
            servers.append(start_gunicorn(port, env=env, workers=1, threads=2))
            bases.append(f"http://127.0.0.1:{port}")
        yield bases
    finally:
        for server in servers:
            stop(server)


def test_start_on_one_continue_on_the_other_finish_on_the_first(two_servers):
    first, second = two_servers
    taker = Session(first)

    assert taker.post("/quiz/", {"form": "quick"}).location == "/quiz/page/1/"
    for page, base in ((1, second), (2, second), (3, first)):
        taker.base = base
        codes = item_codes(taker.get(f"/quiz/page/{page}/"))
        assert len(codes) == 10, f"page {page} on {base} did not know the quiz"
        response = taker.post(
            f"/quiz/page/{page}/", {**{code: 5 if code[0] in "EA" else 2 for code in codes}}
        )
        assert response.status == 302

    result = Result.objects.get()
    assert response.location == f"/results/{result.uuid}/"
    assert result.holland_code[:2] == "AE"  # A and E tie at the top, in hexagon order
    taker.base = second
    assert "Producer" in taker.get(response.location).text
