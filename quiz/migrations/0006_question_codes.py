import re

import django.core.validators
from django.db import migrations, models

VALID = re.compile(r"[RIASEC][0-9]{2,3}")


def codes_made_valid(apps, schema_editor):
    """Before the stricter rule: give each question whose code is not its scale's letter and
    digits (an editor could type anything, even a spreadsheet formula) the next free code of
    its scale, and move the answers of stored results to the new code, so nothing is lost."""
    Question = apps.get_model("quiz", "Question")
    Result = apps.get_model("quiz", "Result")
    taken = set(Question.objects.values_list("code", flat=True))
    for question in Question.objects.order_by("pk"):
        if VALID.fullmatch(question.code) and question.code.startswith(question.scale):
            continue
        number = 1
        while f"{question.scale}{number:02d}" in taken:
            number += 1
        old, new = question.code, f"{question.scale}{number:02d}"
        taken.add(new)
        for result in Result.objects.filter(answers__has_key=old).only("answers"):
            result.answers[new] = result.answers.pop(old)
            result.save(update_fields=["answers"])
        question.code = new
        question.save(update_fields=["code"])


class Migration(migrations.Migration):
    dependencies = [("quiz", "0005_revised_items")]

    operations = [
        migrations.RunPython(codes_made_valid, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="question",
            name="code",
            field=models.CharField(
                help_text="Stable identifier: the scale's letter and two or three digits, e.g. "
                "R01. Fixed once a stored result uses it.",
                max_length=4,
                unique=True,
                validators=[
                    django.core.validators.RegexValidator(
                        "^[RIASEC][0-9]{2,3}$",
                        "Use the scale's letter and two or three digits, e.g. R01.",
                    )
                ],
            ),
        ),
        migrations.AddConstraint(
            model_name="question",
            constraint=models.CheckConstraint(
                condition=models.Q(("code__startswith", models.F("scale"))),
                name="question_code_starts_with_scale",
                violation_error_message="A question's code starts with its scale's letter.",
            ),
        ),
    ]
