from django.apps import AppConfig


class QuizConfig(AppConfig):
    name = "quiz"
    verbose_name = "Quiz"

    def ready(self) -> None:
        from professions import history
        from professions.content import watch
        from quiz.models import Question

        watch(Question)
        history.register(Question)
