import pytest

from professions.models import Profession


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
