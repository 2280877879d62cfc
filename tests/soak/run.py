"""`make soak`: many quiz takers, a fuzzing client, a database outage and a killed worker.

On a fresh PostgreSQL database (`<name>_soak` on DATABASE_URL's server, default the local
one) it starts the production stack and, for DURATION seconds, runs TAKERS simulated quiz
takers (each with its own cookies; some go back a page, some abandon) plus a fuzzing client that
sends FUZZ_REQUESTS malformed requests. Meanwhile PostgreSQL is stopped for OUTAGE seconds
and started again, and one gunicorn worker is killed with SIGKILL mid-run.

A taker who meets an error does what a person would: waits and sends the same step again.
The invariants, checked at the end (the exit status is 1 when one fails):
- every quiz a taker finished is stored, and nothing else: results in the database equal
  the finished quizzes, uuid for uuid;
- no 500 at all; 503s only while the database is down (and briefly after), each one the
  styled page without a traceback;
- the app serves again after the outage without a restart (takers finish quizzes after it).
Only loopback addresses are contacted. Every process it starts is stopped, and PostgreSQL is
started again even on Ctrl-C.
"""

import argparse
import collections
import http.client
import os
import random
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import uuid
from pathlib import Path

from tests.http import Session, item_codes
from tests.servers import (
    free_port,
    fresh_postgres_database,
    set_up_production_django,
    start_gunicorn,
    stop,
    worker_statuses,
)

TAKERS = 32
DURATION = 30
FUZZ_REQUESTS = 10_000
OUTAGE = 5
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/careerfit"
CLUSTER = ["pg_ctlcluster", "--skip-systemctl-redirect"]


class Log:
    """What every client saw, shared between threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses: collections.Counter = collections.Counter()
        self.latencies: list[float] = []
        self.finished: set[str] = set()
        self.abandoned = 0
        self.problems: list[str] = []
        self.outage: tuple[float, float] | None = None  # monotonic start, end
        self.late_503s = 0
        self.finished_after_outage = 0

    def record(self, response, seconds: float) -> None:
        with self.lock:
            self.statuses[response.status if response else "connection error"] += 1
            self.latencies.append(seconds)
            if response is None:
                return
            if response.status == 500:
                self.problems.append("a 500 response")
            if response.status == 503:
                if "Back in a moment" not in response.text or "Traceback" in response.text:
                    self.problems.append("a 503 without the friendly page")
                if not self.in_outage():
                    self.late_503s += 1

    def in_outage(self, grace: float = 10) -> bool:
        now = time.monotonic()
        return self.outage is not None and self.outage[0] <= now <= self.outage[1] + grace


def timed(log: Log, call, *args):
    start = time.monotonic()
    try:
        response = call(*args)
    # A worker killed mid-answer cuts the response short (IncompleteRead): for the client the
    # same fault as a refused connection.
    except (urllib.error.URLError, ConnectionError, TimeoutError, http.client.HTTPException):
        response = None
    log.record(response, time.monotonic() - start)
    return response


def persist(log: Log, deadline: float, call, *args):
    """Send a step until it gets a non-5xx answer, pausing like a person between tries."""
    while time.monotonic() < deadline:
        response = timed(log, call, *args)
        if response is not None and response.status < 500:
            return response
        time.sleep(0.5)
    return None


def take_quizzes(base: str, log: Log, deadline: float, seed: int) -> None:
    try:
        take_quizzes_until(base, log, deadline, seed)
    except Exception as error:  # a broken harness must fail the run, not thin it out
        with log.lock:
            log.problems.append(f"a simulated taker crashed: {error!r}")


def take_quizzes_until(base: str, log: Log, deadline: float, seed: int) -> None:
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        taker = Session(base)
        form = rng.choice(["quick", "quick", "full"])
        response = persist(log, deadline, taker.post, "/quiz/", {"form": form})
        if response is None:
            return
        pages = 3 if form == "quick" else 6
        page = 1
        went_back = False
        abandon_at = rng.randint(1, pages) if rng.random() < 0.1 else None
        while page <= pages:
            if page == abandon_at:
                with log.lock:
                    log.abandoned += 1
                break
            shown = persist(log, deadline, taker.get, f"/quiz/page/{page}/")
            if shown is None:
                return
            if shown.status == 302:  # e.g. the step already went through before a failure
                page = int(shown.location.rstrip("/").split("/")[-1])
                continue
            answers = {code: rng.randint(1, 5) for code in item_codes(shown)}
            back = not went_back and page > 1 and rng.random() < 0.2
            action = "back" if back else "next"
            step = {**answers, "action": action}
            sent = persist(log, deadline, taker.post, f"/quiz/page/{page}/", step)
            if sent is None:
                return
            if "/results/" in sent.location:
                with log.lock:
                    log.finished.add(sent.location.split("/")[2])
                    if log.outage and time.monotonic() > log.outage[1]:
                        log.finished_after_outage += 1
                break
            if back:
                went_back = True
                page -= 1
            elif sent.status == 302 and sent.location.startswith("/quiz/page/"):
                page = int(sent.location.rstrip("/").split("/")[-1])
            elif sent.status == 302:  # sent to the start or elsewhere: begin again
                break


def fuzz(base: str, log: Log, count: int, deadline: float, seed: int) -> None:
    """Malformed requests, most with a valid CSRF token so that they reach the views."""
    rng = random.Random(seed)
    client = Session(base)
    client.post("/quiz/", {"form": "quick"})  # a quiz cookie, and a CSRF token
    garbage = ["%ff%fe", "\x00", "<script>", "' OR 1=1", "A" * 5000, "../../etc/passwd", "😀", "-1"]
    requests = [
        lambda junk: client.get(
            f"/professions/?q={urllib.parse.quote(junk[:200], safe='%')}"
            f"&page={rng.randint(-5, 999)}&letter={urllib.parse.quote(junk[:3])}"
        ),
        lambda junk: client.post("/quiz/", {"form": junk}),
        lambda junk: client.post("/quiz/page/1/", {"R01": junk, "I01": "9", junk[:20]: "2"}),
        lambda junk: client.post(f"/quiz/page/{rng.randint(0, 99)}/", {"action": junk}),
        lambda junk: client.get(f"/results/{uuid.uuid4()}/json/"),
        lambda junk: client.post(f"/results/{uuid.uuid4()}/delete/", {}),
        lambda junk: client.get(f"/professions/compare/{secrets.token_hex(3)}/producer/"),
        lambda junk: client.request("POST", "/quiz/", {"form": "quick"}),  # no CSRF token
        lambda junk: client.post("/quiz/page/1/", {f"f{n}": junk[:5] for n in range(300)}),
        lambda junk: client.request("POST", "/quiz/page/1/", rng.randbytes(300)),
    ]
    for _ in range(count):
        if time.monotonic() > deadline:
            return
        timed(log, rng.choice(requests), rng.choice(garbage))


def cluster(action: str) -> None:
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run([*CLUSTER, version, "main", action], check=True, capture_output=True)


def outage(log: Log, delay: float) -> None:
    time.sleep(delay)
    start = time.monotonic()
    with log.lock:
        log.outage = (start, float("inf"))
    cluster("stop")
    try:
        time.sleep(OUTAGE)
    finally:
        cluster("start")
        with log.lock:
            log.outage = (start, time.monotonic())


def kill_a_worker(master: int, delay: float) -> None:
    time.sleep(delay)
    for pid in worker_statuses(master):
        os.kill(pid, signal.SIGKILL)
        return


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=DURATION)
    parser.add_argument("--takers", type=int, default=TAKERS)
    parser.add_argument("--fuzz-requests", type=int, default=FUZZ_REQUESTS)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    if urllib.parse.urlsplit(url).hostname not in {"127.0.0.1", "localhost", "::1", None}:
        raise SystemExit("make soak stops this machine's PostgreSQL: use a DATABASE_URL on it.")
    database = fresh_postgres_database(url, "_soak")
    # Every simulated taker comes from this machine's one address: lift the flood limit.
    os.environ.setdefault("CAREERFIT_RESULTS_PER_ADDRESS", "1000000")
    set_up_production_django(database, "careerfit.settings")
    from django.core.management import call_command

    from quiz.models import Result

    call_command("migrate", verbosity=0)
    call_command("loaddata", "professions", "questions", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server_log = Path(tempfile.gettempdir()) / "careerfit-soak-server.log"
    server = start_gunicorn(port, workers=2, threads=8, log=server_log)
    log = Log()
    began = time.monotonic()
    deadline = began + args.duration
    try:
        threads = [
            threading.Thread(target=take_quizzes, args=(base, log, deadline, n))
            for n in range(args.takers)
        ]
        threads.append(
            threading.Thread(target=fuzz, args=(base, log, args.fuzz_requests, deadline + 60, 99))
        )
        threads.append(threading.Thread(target=outage, args=(log, args.duration / 3)))
        threads.append(threading.Thread(target=kill_a_worker, args=(server.pid, args.duration / 2)))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        stop(server)
        if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode != 0:
            cluster("start")
    from django.db import connection

    connection.close()
    stored = set(map(str, Result.objects.values_list("uuid", flat=True)))

    failures = list(dict.fromkeys(log.problems))
    if stored != log.finished:
        failures.append(
            f"{len(log.finished)} quizzes finished but {len(stored)} results stored "
            f"({len(log.finished - stored)} lost, {len(stored - log.finished)} unexpected)"
        )
    if log.late_503s:
        failures.append(f"{log.late_503s} 503s outside the outage")
    if log.outage and not log.finished_after_outage:
        failures.append("no quiz finished after the outage: the app did not recover")

    p99 = statistics.quantiles(log.latencies, n=100)[98] * 1000 if len(log.latencies) > 100 else 0
    print(
        f"\nCareerFit soak: {args.takers} takers for {args.duration} s, fuzzing client, "
        f"{OUTAGE} s database outage, one worker killed; {time.monotonic() - began:.0f} s in all"
    )
    print("| quizzes finished | results stored | abandoned | after outage | p99 latency |")
    print("|------------------|----------------|-----------|--------------|-------------|")
    print(
        f"| {len(log.finished):>16} | {len(stored):>14} | {log.abandoned:>9} | "
        f"{log.finished_after_outage:>12} | {p99:>8.0f} ms |"
    )
    print(
        "\nResponses by status: "
        + ", ".join(f"{status}: {count}" for status, count in sorted(log.statuses.items(), key=str))
    )
    print(
        f"5xx: {sum(c for s, c in log.statuses.items() if isinstance(s, int) and s >= 500)} "
        f"(500s: {log.statuses.get(500, 0)}; 503s all during the outage: {log.late_503s == 0})"
    )
    print(f"The server's own log (tracebacks of the outage included): {server_log}")
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    print("All invariants held." if not failures else f"{len(failures)} invariant(s) failed.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
