import pytest
from django.core.management import call_command


@pytest.fixture
def bank(db):
    """The shipped question bank."""
    call_command("loaddata", "questions", verbosity=0)
