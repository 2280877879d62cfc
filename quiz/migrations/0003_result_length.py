from django.db import migrations, models


class Migration(migrations.Migration):
    """A result's quiz length was called its form, a word the code uses for Django's forms."""

    dependencies = [("quiz", "0002_editor_and_analyst_groups")]

    operations = [
        migrations.RemoveConstraint(model_name="result", name="result_form_valid"),
        migrations.RenameField(model_name="result", old_name="form", new_name="length"),
        migrations.AddConstraint(
            model_name="result",
            constraint=models.CheckConstraint(
                condition=models.Q(("length__in", ["full", "quick"])),
                name="result_length_valid",
            ),
        ),
    ]
