from django.apps import AppConfig
from django.db.backends.signals import connection_created


class ProfessionsConfig(AppConfig):
    name = "professions"
    verbose_name = "Professions"

    def ready(self) -> None:
        from professions.search import register_sqlite_fold

        connection_created.connect(register_sqlite_fold, dispatch_uid="careerfit_sqlite_fold")
