from django.apps import AppConfig


class QuizConfig(AppConfig):
    name = "quiz"
    verbose_name = "Quiz"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from careerfit.pagecache import content_changed, watch
        from quiz.models import Question, Result

        watch(Question)
        # A deleted result's cached page must go; new results change no cached page.
        post_delete.connect(content_changed, sender=Result, dispatch_uid="careerfit_pagecache")
