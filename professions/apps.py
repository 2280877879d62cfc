from django.apps import AppConfig


class ProfessionsConfig(AppConfig):
    name = "professions"
    verbose_name = "Professions"
