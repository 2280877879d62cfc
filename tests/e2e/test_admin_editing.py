"""An editor edits each shipped profession in the admin, sees it on the site and undoes it."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from professions.models import Profession

PASSWORD = "correct horse battery"


@pytest.fixture
def editor(shipped):
    # The live server's tests empty the database between tests, groups included: make them
    # again as the data migration does.
    groups_migration = import_module("quiz.migrations.0002_editor_and_analyst_groups")
    groups_migration.create_groups(apps, schema_editor=None)
    user = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def log_in(site, user) -> None:
    page = site.visit("/admin/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Professions, questions and results")).to_be_visible()


@pytest.mark.parametrize("slug", ["producer", "product-manager"])
def test_an_editor_changes_a_profile_sees_it_and_reverts_it(site, editor, slug):
    profession = Profession.objects.get(slug=slug)
    original_summary = profession.summary
    summary = f"Edited in the browser: what a {profession.name.lower()} does."
    description = "Edited in the browser: what this item means for the job."
    log_in(site, editor)

    page = site.visit(f"/admin/professions/profession/{profession.pk}/change/")
    site.screenshot(f"admin-edit-{slug}")
    page.get_by_label("Summary").fill(summary)
    first_item = page.locator("#essential_items-group tbody tr.form-row").first
    skill_name = first_item.locator(".field-skill select option:checked").inner_text()
    first_item.locator("textarea").fill(description)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    site.visit(f"/professions/{slug}/")
    expect(page.locator(".profile-summary")).to_have_text(summary)
    expect(page.get_by_text(description)).to_be_visible()
    expect(page.get_by_text(skill_name, exact=True).first).to_be_visible()

    page = site.visit(f"/admin/professions/profession/{profession.pk}/history/")
    site.screenshot(f"admin-history-{slug}")
    page.get_by_role("button", name="Compare the chosen versions").click()
    expect(page.locator(".changed-fields").first).to_contain_text(summary)
    page.go_back()
    page.locator("#change-history tbody tr").last.get_by_role("link").click()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    site.visit(f"/professions/{slug}/")
    expect(page.locator(".profile-summary")).to_have_text(original_summary)
    expect(page.get_by_text(description)).to_have_count(0)
