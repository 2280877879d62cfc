from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


class ProfessionsConfig(AppConfig):
    name = "professions"
    verbose_name = "Professions"

    def ready(self) -> None:
        from professions import history
        from professions.content import migrated, watch
        from professions.models import Comparison, JobTitle, Profession, ProfessionSkill, Skill
        from professions.search import register_sqlite_functions

        connection_created.connect(
            register_sqlite_functions, dispatch_uid="careerfit_sqlite_functions"
        )
        # Job titles and skill links are edited with their profession, whose save counts,
        # or in bulk, which ContentQuerySet counts.
        watch(Profession, Skill, Comparison)
        history.register(Profession, ProfessionSkill, JobTitle, Skill, Comparison)
        post_migrate.connect(migrated, sender=self, dispatch_uid="careerfit_content_version")
