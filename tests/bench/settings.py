"""The production settings plus the benchmark's floor view: same middleware, same stack."""

from careerfit.settings import *  # noqa: F403

ROOT_URLCONF = "tests.bench.urls"
