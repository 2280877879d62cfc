"""Every registered admin page opens for a superuser; a typo in admin options fails here."""

import pytest
from django.contrib import admin
from django.urls import reverse

from quiz.models import Result

pytestmark = pytest.mark.django_db

# Stored results are evidence, not data to type in: nobody may add them by hand.
READ_ONLY = {Result}
MODEL_ADMINS = [
    pytest.param(model, id=f"{model._meta.app_label}.{model._meta.model_name}")
    for model in admin.site._registry
]


@pytest.mark.parametrize("model", MODEL_ADMINS)
def test_changelist_search_and_add_pages_open(admin_client, model, make_profession):
    make_profession()
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")

    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "pilot"}).status_code == 200
    add_page = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    assert add_page.status_code == (403 if model in READ_ONLY else 200)


def test_profession_change_page_opens_with_inlines(admin_client, make_profession):
    profession = make_profession()

    response = admin_client.get(
        reverse("admin:professions_profession_change", args=[profession.pk])
    )

    assert response.status_code == 200
    assert "Job titles" in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    response = client.get(reverse("admin:professions_profession_changelist"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
