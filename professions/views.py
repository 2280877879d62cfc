from django.views.generic import DetailView, TemplateView

from professions.models import Profession
from quiz import riasec


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            types=[
                (letter, riasec.NAMES[letter], riasec.DESCRIPTIONS[letter])
                for letter in riasec.LETTERS
            ],
            professions=Profession.objects.published().only("slug", "name", "summary"),
            **kwargs,
        )


class ProfessionDetailView(DetailView):
    template_name = "professions/profession_detail.html"
    context_object_name = "profession"

    def get_queryset(self):
        return Profession.objects.published().with_details()
