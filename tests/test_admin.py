"""Every registered admin page opens for a superuser; a typo in admin options fails here."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse

from professions.models import Profession
from quiz.models import QuizLength, Result

pytestmark = pytest.mark.django_db

# Stored results are evidence, not data to type in: nobody may add them by hand. The same goes
# for django-axes' records of logins (access attempts, logs and failures).
READ_ONLY = {Result, AccessAttempt, AccessLog, AccessFailureLog}
MODEL_ADMINS = [
    pytest.param(model, id=f"{model._meta.app_label}.{model._meta.model_name}")
    for model in admin.site._registry
]


@pytest.fixture
def data():
    call_command("loaddata", "professions", "questions", verbosity=0)
    answers = {"R01": 5, "I01": 4, "A01": 3, "S01": 2, "E01": 1, "C01": 2}
    Result.objects.score_and_create(
        length=QuizLength.QUICK, answers=answers, scale_of={code: code[0] for code in answers}
    )
    login = {"username": "editor", "ip_address": "203.0.113.7", "path_info": "/admin/login/"}
    AccessAttempt.objects.create(**login, failures_since_start=1)
    AccessLog.objects.create(**login)
    AccessFailureLog.objects.create(**login)


@pytest.mark.parametrize("model", MODEL_ADMINS)
def test_changelist_search_add_and_change_pages_open(admin_client, data, model):
    opts = model._meta
    name = f"admin:{opts.app_label}_{opts.model_name}"
    instance = model._default_manager.first()

    assert admin_client.get(reverse(f"{name}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"{name}_changelist"), {"q": "pro"}).status_code == 200
    add_page = admin_client.get(reverse(f"{name}_add"))
    assert add_page.status_code == (403 if model in READ_ONLY else 200)
    assert admin_client.get(reverse(f"{name}_change", args=[instance.pk])).status_code == 200


def test_profession_change_page_has_skill_and_job_title_inlines(admin_client, data):
    producer = Profession.objects.get(slug="producer")

    page = admin_client.get(reverse("admin:professions_profession_change", args=[producer.pk]))

    assert "Essential knowledge and skills" in page.content.decode()
    assert "Optional knowledge and skills" in page.content.decode()
    assert "Job titles" in page.content.decode()
