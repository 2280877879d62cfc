"""The per-process cache of published profiles is rebuilt whenever the content changes."""

import pytest

from professions.models import Profession
from professions.profiles import published_profiles

pytestmark = pytest.mark.django_db


def test_profiles_are_reused_until_the_content_changes(make_profession, django_assert_num_queries):
    pilot = make_profession(slug="pilot")
    first = published_profiles()

    with django_assert_num_queries(1):  # only the content version
        assert published_profiles() is first
    pilot.social = 35
    pilot.save()
    changed = published_profiles()
    make_profession(slug="sailor", published=False)

    assert changed is not first
    assert changed[0].profile["S"] == 35
    assert published_profiles() == changed  # an unpublished profession is not matched


@pytest.mark.parametrize(
    "change",
    [
        lambda: Profession.objects.update(published=False),
        lambda: Profession.objects.update(realistic=81),  # bypasses save(): no new timestamp
        lambda: Profession.objects.all().delete(),
    ],
)
def test_bulk_writes_are_noticed_too(make_profession, change):
    make_profession(slug="pilot")
    before = published_profiles()

    change()

    assert published_profiles() != before
