from django.apps import AppConfig
from django.db.backends.signals import connection_created


class ProfessionsConfig(AppConfig):
    name = "professions"
    verbose_name = "Professions"

    def ready(self) -> None:
        from careerfit.pagecache import watch
        from professions.models import Comparison, Profession, Skill
        from professions.search import register_sqlite_fold

        connection_created.connect(register_sqlite_fold, dispatch_uid="careerfit_sqlite_fold")
        # Job titles and skill links are edited with their profession, whose save counts,
        # or in bulk, which ContentQuerySet counts.
        watch(Profession, Skill, Comparison)
