from django.db import migrations, models
from django.utils.text import slugify

from professions.onet.elements import ELEMENTS


def rows_of_imports_marked(apps, schema_editor):
    """Until now the importer treated every job title of an imported occupation, and every
    link of one to an O*NET knowledge area or skill, as its own: mark those as the import's,
    so the next import goes on changing them and everything else stays an editor's."""
    JobTitle = apps.get_model("professions", "JobTitle")
    ProfessionSkill = apps.get_model("professions", "ProfessionSkill")
    element_slugs = {element.same_as or slugify(element.name) for element in ELEMENTS.values()}
    JobTitle.objects.filter(profession__origin="onet").update(origin="onet")
    ProfessionSkill.objects.filter(
        profession__origin="onet", skill__slug__in=element_slugs
    ).update(origin="onet")


class Migration(migrations.Migration):

    dependencies = [
        ('professions', '0010_search_columns'),
    ]

    operations = [
        migrations.AddField(
            model_name='jobtitle',
            name='origin',
            field=models.CharField(choices=[('editorial', 'Written by editors'), ('onet', 'Imported from O*NET')], default='editorial', editable=False, help_text="The O*NET import adds and removes only the rows it made; editors' rows stay through every re-import.", max_length=10),
        ),
        migrations.AddField(
            model_name='profession',
            name='edited_fields',
            field=models.JSONField(blank=True, default=list, editable=False, help_text='Fields editors changed on an imported profession: the O*NET import keeps their values (professions/onet/changes.py).'),
        ),
        migrations.AddField(
            model_name='professionskill',
            name='origin',
            field=models.CharField(choices=[('editorial', 'Written by editors'), ('onet', 'Imported from O*NET')], default='editorial', editable=False, help_text="The O*NET import adds and removes only the rows it made; editors' rows stay through every re-import.", max_length=10),
        ),
        migrations.AlterField(
            model_name='profession',
            name='description',
            field=models.TextField(blank=True, help_text="What the job involves, in CareerFit's own words. Empty: the profile page says CareerFit has no description yet and links to O*NET OnLine."),
        ),
        migrations.AlterField(
            model_name='profession',
            name='summary',
            field=models.TextField(blank=True, help_text='One paragraph: what the job is, in plain words.'),
        ),
        migrations.AddConstraint(
            model_name='jobtitle',
            constraint=models.CheckConstraint(condition=models.Q(('origin__in', ['editorial', 'onet'])), name='job_title_origin_valid'),
        ),
        migrations.AddConstraint(
            model_name='professionskill',
            constraint=models.CheckConstraint(condition=models.Q(('origin__in', ['editorial', 'onet'])), name='profession_skill_origin_valid'),
        ),
        migrations.RunPython(rows_of_imports_marked, migrations.RunPython.noop),
    ]
