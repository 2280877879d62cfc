from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.generic import DetailView, TemplateView

from professions import profile_page, riasec
from professions.catalog_search import search
from professions.charts import hexagon_chart
from professions.compare import paragraphs_beyond, salary_gap, split_skills, text_topics
from professions.forms import CatalogForm, ComparePickForm
from professions.models import Comparison, Profession, compare_url
from professions.pagecache import SharedPageMixin, shared_page
from professions.profiles import published_catalog
from professions.search import search_words
from professions.visitor import visitor_key, visitor_precision, visitor_scores

PAGE_SIZE = 24
HOME_PROFESSIONS = 6
ORDERINGS = {
    "name": ["name"],
    "salary": [F("annual_salary").desc(nulls_last=True), "name"],
}


class HomeView(SharedPageMixin, TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            professions=Profession.objects.published().only("slug", "name", "summary")[
                :HOME_PROFESSIONS
            ],
            profession_count=Profession.objects.published().count(),
            **kwargs,
        )


@shared_page(varies_on=lambda request: (visitor_key(request),))
def catalog(request):
    """Published professions as cards: searched, filtered by letters, sorted, paginated.

    With the visitor's quiz scores (professions/visitor.py), each card shows its fit band and
    "best fit" ordering, band by band as on the results page, is offered (and chosen by
    default). Queries stay constant: matching uses the profiles kept per content version, and
    the filtered slugs and the page's professions come in one query each.
    """
    scores = visitor_scores(request)
    form = CatalogForm(request.GET or None, can_sort_by_fit=scores is not None)
    choices = form.choices()
    professions = Profession.objects.published().with_letters(choices.letters)
    if choices.zone:
        professions = professions.filter(job_zone=choices.zone)
    if choices.education:
        professions = professions.filter(education_level__in=choices.education)
    found = None
    if search_words(choices.query):
        found = search(professions, choices.query)
        professions = professions.filter(slug__in=found.slugs)
    published = published_catalog()
    fits = {}
    if scores:
        profiles = published.in_zone(choices.zone)
        bands = riasec.banded_matches(scores, profiles, visitor_precision(request))
        fits = _fit_bands(bands, professions)
    if choices.sort == "fit":
        page = _page_of(list(fits), request)
    elif choices.sort == "relevance":
        page = _page_of(found.slugs, request)
    else:
        page = Paginator(professions.order_by(*ORDERINGS[choices.sort]), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
    tie_notes = published.tie_notes
    return render(
        request,
        "professions/catalog.html",
        {
            "form": form,
            "page": page,
            "cards": [
                (profession, fits.get(profession.slug), tie_notes.get(profession.slug))
                for profession in page
            ],
            "page_range": page.paginator.get_elided_page_range(page.number),
            "misspelt": found.misspelt if found else [],
            "filtered": bool(choices.query or choices.letters or choices.zone or choices.education),
        },
    )


def _fit_bands(bands, professions) -> dict[str, riasec.Band]:
    """Each of `professions`' fit band for the visitor, in band order. The bands are those of
    the visitor's results page with the same preparation (job zone): formed over every
    published profession of that zone, whatever the other filters keep."""
    kept = set(professions.values_list("slug", flat=True))
    return {
        match.profession.slug: band
        for band, members in bands
        for match in members
        if match.profession.slug in kept
    }


def _page_of(slugs: list[str], request):
    """The requested page of professions listed by slug, read in one query."""
    page = Paginator(slugs, PAGE_SIZE).get_page(request.GET.get("page"))
    by_slug = Profession.objects.published().in_bulk(page.object_list, field_name="slug")
    # Skip any profession unpublished between the two queries.
    page.object_list = [by_slug[slug] for slug in page.object_list if slug in by_slug]
    return page


class ProfessionDetailView(SharedPageMixin, DetailView):
    """A profile: key facts first, then what the job involves, its interests, its essential
    knowledge and skills with their descriptions, the optional ones as one A-Z list, the
    long texts, and the sources named with their links and the profile's date."""

    template_name = "professions/profession_detail.html"
    context_object_name = "profession"

    def get_queryset(self):
        return Profession.objects.published().with_details()

    def get_context_data(self, **kwargs):
        profession = self.object
        profile = profession.profile
        groups = profession.skill_groups()
        optional = profile_page.optional_items(groups.optional)
        return super().get_context_data(
            chart=hexagon_chart([profile]),
            related=Profession.objects.published().related_to(profession),
            tied=Profession.objects.published().tied_to(profession),
            profile_rows=[(riasec.NAMES[letter], level) for letter, level in profile.items()],
            groups=groups,
            optional=optional,
            optional_folded=len(optional) >= profile_page.OPTIONAL_FOLDED_FROM,
            long_texts=profile_page.long_texts(profession),
            source_lines=[line for line in profession.sources.splitlines() if line.strip()],
            onet_release=profile_page.onet_release(profession),
            onet_database_url=profile_page.ONET_DATABASE_URL,
            onet_licence=profile_page.ONET_LICENCE,
            **kwargs,
        )


@shared_page()
def compare_pick(request):
    """A form to choose two professions; a valid choice goes to their comparison."""
    if {"a", "b"} <= request.GET.keys():
        form = ComparePickForm(request.GET)
        if form.is_valid():
            return redirect(compare_url(form.cleaned_data["a"].slug, form.cleaned_data["b"].slug))
    else:
        # Coming from a profile page: its profession is chosen, the visitor picks the other.
        form = ComparePickForm(initial={"a": request.GET.get("a")})
    return render(request, "professions/compare_pick.html", {"form": form})


@shared_page()
def compare(request, slug_a: str, slug_b: str):
    """Two profiles side by side, each fact stated once.

    One table holds the short facts, a column per profession (code, interest levels,
    preparation, education, salary, job titles, O*NET occupation), beside the one hexagon of
    both profiles. The long texts follow topic by topic: an editor's note where the pair has
    one, instead of the two texts it retells, else the two texts side by side
    (`professions.compare.text_topics`). The skills note speaks of kinds of skill and stands
    above the computed shared and distinct lists, which it does not list. The salary figures
    and the gap worked out from them are rows of the table; of a salary note, only the
    paragraphs that quote neither figure are shown (`paragraphs_beyond`). A fact both share
    (the same job zone, the same salary statistic and source) is said once for both.
    """
    if slug_a == slug_b:
        messages.error(request, "Choose two different professions to compare.")
        return redirect("professions:compare_pick")
    canonical = compare_url(slug_a, slug_b)
    if request.path != canonical:
        return redirect(canonical, permanent=True)
    found = (
        Profession.objects.published().with_details().in_bulk([slug_a, slug_b], field_name="slug")
    )
    if len(found) != 2:
        raise Http404("No such published profession.")
    a, b = found[slug_a], found[slug_b]
    notes = Comparison.objects.for_pair(a, b)
    groups_a, groups_b = a.skill_groups(), b.skill_groups()
    topics = text_topics(a, b, notes)
    onet = [
        (profession.closest_onet_code, bool(profession.onet_code), profession.closest_onet_url)
        for profession in (a, b)
    ]
    return render(
        request,
        "professions/compare.html",
        {
            "a": a,
            "b": b,
            "pair": [a, b],
            "notes": notes,
            "chart": hexagon_chart([a.profile, b.profile]),
            "profile_rows": [
                (riasec.NAMES[letter], a.profile[letter], b.profile[letter])
                for letter in riasec.LETTERS
            ],
            "onet": onet if any(code for code, _own, _url in onet) else [],
            "text_topics": topics,
            "has_notes": any(topic.note for topic in topics),
            "knowledge": split_skills(groups_a.essential_knowledge, groups_b.essential_knowledge),
            "skills": split_skills(groups_a.essential_skills, groups_b.essential_skills),
            "salary_gap": salary_gap(a, b),
            # Both figures the same statistic from the same source: said once, not per cell.
            "same_salary_basis": bool(a.salary_display and b.salary_display)
            and (a.salary_statistic, a.salary_source) == (b.salary_statistic, b.salary_source),
            "salary_note": paragraphs_beyond(
                notes.salary_note if notes else "", [a.salary_display, b.salary_display]
            ),
        },
    )
