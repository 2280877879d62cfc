from django.db import migrations

# Items revised after review (issue 16): each old item is retired, not changed, so results
# that answered it keep their answers and scores, and a new item with a new code takes its
# place, position and form. (old code, new code, new text)
REVISIONS = [
    # Outcome or ability words, not an activity.
    ("I02", "I11", "Work out the answer to a maths puzzle"),
    ("C01", "C11", "Record payments in an account book"),
    ("E02", "E11", "Lead a team of volunteers at a festival"),
    ("E04", "E12", "Start a new sports club in your town"),
    # Two actions in one item.
    ("R04", "R11", "Drive a forklift truck in a warehouse"),
    ("A06", "A11", "Make a short cartoon film"),
    ("E09", "E13", "Argue a case in court"),
    ("S09", "S12", "Listen to someone talk about their problems"),
    ("C09", "C12", "Keep track of meetings in an office diary"),
    # Work that is mostly of another type: mediators are Enterprising first in O*NET,
    # photographers Realistic first.
    ("S08", "S11", "Run games for children at a summer camp"),
    ("A08", "A12", "Sing with a band at a concert"),
]


def revise(apps, schema_editor):
    """In a database whose bank still holds an old item as shipped, retire it and add its
    replacement. A bank without it (a new database: the fixture brings the revised bank) or
    where its replacement exists already is left alone."""
    Question = apps.get_model("quiz", "Question")
    for old_code, new_code, text in REVISIONS:
        old = Question.objects.filter(code=old_code, active=True).first()
        if old is None or Question.objects.filter(code=new_code).exists():
            continue
        Question.objects.create(
            code=new_code,
            text=text,
            scale=old.scale,
            position=old.position,
            in_quick_form=old.in_quick_form,
            active=True,
        )
        old.active = False
        old.save(update_fields=["active"])


def restore(apps, schema_editor):
    Question = apps.get_model("quiz", "Question")
    for old_code, new_code, _text in REVISIONS:
        if Question.objects.filter(code=old_code).update(active=True):
            Question.objects.filter(code=new_code).delete()


class Migration(migrations.Migration):
    dependencies = [("quiz", "0004_screening")]

    operations = [migrations.RunPython(revise, restore)]
