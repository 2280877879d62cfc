from django.apps import AppConfig


class QuizConfig(AppConfig):
    name = "quiz"
    verbose_name = "Quiz"

    def ready(self) -> None:
        from careerfit.pagecache import watch
        from professions import history
        from quiz.models import Question

        watch(Question)
        history.register(Question)
