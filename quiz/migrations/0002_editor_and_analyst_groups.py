"""Create the Editors and Analysts groups with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_MODELS = {
    "professions": ["profession", "skill", "professionskill", "jobtitle", "comparison"],
    "quiz": ["question"],
}
ANALYST_PERMISSIONS = {"quiz": ["view_result", "view_analytics"]}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations run; the groups need them now.
    # create_permissions skips an app without a models module, which migration states lack;
    # each app gets back what it had (tests call this with the project's own apps).
    for app_config in apps.get_app_configs():
        had = getattr(app_config, "models_module", None)
        app_config.models_module = had or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = had
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(
        permission
        for app_label, models in EDITOR_MODELS.items()
        for permission in Permission.objects.filter(
            content_type__app_label=app_label, content_type__model__in=models
        )
    )
    analysts, _ = Group.objects.get_or_create(name="Analysts")
    analysts.permissions.set(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codenames in ANALYST_PERMISSIONS.items()
        for codename in codenames
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Analysts"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("professions", "0001_initial"),
        ("quiz", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
