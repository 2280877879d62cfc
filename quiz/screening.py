"""Keeping floods and machine-made results out of the norms and the analysts' figures.

A plain HTTP client can finish a quiz in four POSTs. Two rules keep such scripts from bending
the percentile norms on every results page and the analysts' statistics:

- **A limit per client address.** One address may store CAREERFIT_RESULTS_PER_ADDRESS
  results (20) in CAREERFIT_RESULTS_WINDOW_SECONDS (an hour); after that the taker is told,
  kindly, to come back later, and the answers stay in the browser. The address is kept only
  as a keyed hash (HMAC-SHA256 with the secret key, 32 hex digits), never as it is. Behind a
  proxy (DJANGO_BEHIND_PROXY=1) it is the address the proxy saw, as for the login lockout.
- **Results no person produces are stored but not counted** in norms and analytics:
  answered faster than reading allows (under MIN_SECONDS_PER_ITEM, one second, per item
  from the start of the quiz to its end), or with one and the same answer to every item.
  Analysts see how many were left out, and why.
"""

import hashlib
import hmac
from collections.abc import Mapping

from django.conf import settings
from django.db import models
from django.utils.module_loading import import_string

# Reading a short activity and choosing an answer takes a person at least this long.
MIN_SECONDS_PER_ITEM = 1


class Exclusion(models.TextChoices):
    """Why a stored result is left out of norms and analytics; "" when it counts."""

    COUNTED = "", "Counted"
    TOO_FAST = "too_fast", "Answered faster than reading allows"
    ONE_ANSWER = "one_answer", "The same answer to every item"


def exclusion(answers: Mapping[str, int], seconds: int | None) -> str:
    """The Exclusion of a finished quiz: its answers and the seconds it took (None when
    unknown, for a quiz begun before CareerFit kept the time)."""
    if len(answers) > 1 and len(set(answers.values())) == 1:
        return Exclusion.ONE_ANSWER
    if seconds is not None and seconds < MIN_SECONDS_PER_ITEM * len(answers):
        return Exclusion.TOO_FAST
    return Exclusion.COUNTED


def client_key(request) -> str:
    """A keyed hash of the request's client address: counts an address without keeping it."""
    address_of = getattr(settings, "AXES_CLIENT_IP_CALLABLE", None)
    if isinstance(address_of, str):
        address_of = import_string(address_of)
    address = (address_of(request) if address_of else None) or request.META.get("REMOTE_ADDR", "")
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return digest.hexdigest()[:32]
