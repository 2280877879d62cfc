"""Start and stop the production stack (gunicorn) on a free loopback port, for tests and tools."""

import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def set_up_production_django(database_url: str, settings_module: str) -> None:
    """Set this process up as the production stack runs (DEBUG off, a throwaway secret key,
    plain HTTP on the loopback address) and start Django; gunicorn started from here inherits
    the same environment."""
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE=settings_module,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
    )
    import django

    django.setup()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(
    port: int,
    *,
    env: dict | None = None,
    workers: int = 2,
    threads: int = 4,
    ready: str = "/",
    log: Path | None = None,
) -> subprocess.Popen:
    """gunicorn serving careerfit.wsgi, returned once `ready` answers (any HTTP status).

    Its output goes to `log` when given, else to this process's.
    """
    output = open(log, "w") if log else None  # noqa: SIM115 - the server writes to it
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "careerfit.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            f"--threads={threads}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=output,
        start_new_session=True,  # its own process group, so stop() reaches every worker
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{ready}", timeout=1)
            return server
        except urllib.error.HTTPError:
            return server
        except OSError:
            if server.poll() is not None:
                raise RuntimeError("gunicorn exited during start-up") from None
            time.sleep(0.2)
    stop(server)
    raise RuntimeError("gunicorn did not answer within 30 s")


def worker_statuses(master: int) -> dict[int, str]:
    """The /proc status text of each gunicorn worker of `master`, by process id."""
    workers = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:  # the process ended meanwhile
            continue
        if f"PPid:\t{master}\n" in text:
            workers[int(status.parent.name)] = text
    return workers


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def fresh_postgres_database(url: str, suffix: str) -> str:
    """Drop and create `<name><suffix>` on the server of `url`; returns its URL."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/") + suffix
    maintenance = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
