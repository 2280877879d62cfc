"""The catalog search: which professions a query finds, and in what order.

The text rules (folding, words, the misspelling measure) are in professions/search.py; this
module decides, word by word, where a word finds a profession and how much that counts.
"""

from typing import NamedTuple

from django.db.models import F, Q, Value
from django.db.models.lookups import Contains

from professions.models import JobTitle, Profession, ProfessionQuerySet, ProfessionSkill, Skill
from professions.search import FORGIVING_LENGTH, SimilarWord, search_words

# How a query word finding a profession counts towards its search rank, best first.
# Misspellings are not looked for in the other titles: comparing a word with each word of
# some 60 titles per profession costs ten times the rest of a search.
SEARCH_WEIGHTS = {
    ("name", "holds"): 6,
    ("title", "holds"): 4,  # one of the common job titles on the profile
    ("other title", "holds"): 3,
    ("name", "misspells"): 3,
    ("title", "misspells"): 2,
    ("skill", "holds"): 2,
    ("skill", "misspells"): 1,
}


class SearchResult(NamedTuple):
    slugs: list[str]  # the professions found, best first
    misspelt: list[str]  # the query's words that were taken as misspelt


class _WordSearch:
    """How one folded query word finds published professions: as it is, or, when no name,
    job title or skill holds it and it has FORGIVING_LENGTH letters or more, as a
    misspelling. The professions whose job titles or skills find it are read here, in one
    query (a second and third for a misspelling); names and other titles are compared in
    the search's own query."""

    def __init__(self, word: str):
        self.word = word
        self.misspelt = False
        self.by_place = self._related_places(Contains)
        held = (
            any(self.by_place.values())
            or Profession.objects.published()
            .filter(
                Q(Contains(F("search_name"), word)) | Q(Contains(F("search_other_titles"), word))
            )
            .exists()
        )
        if not held and len(word) >= FORGIVING_LENGTH:
            self.misspelt = True
            self.by_place = self._related_places(self._similar)

    @staticmethod
    def _similar(text, word):
        return SimilarWord(word, text)

    @property
    def _match(self):
        return self._similar if self.misspelt else Contains

    def _related_places(self, match) -> dict[str, set[int]]:
        """The ids of the published professions a job title or a skill of which `match`es
        the word."""
        titles = JobTitle.objects.filter(
            match(F("search_title"), self.word), profession__published=True
        )
        skills = ProfessionSkill.objects.filter(
            skill__in=Skill.objects.filter(match(F("search_name"), self.word)),
            profession__published=True,
        )
        by_place: dict[str, set[int]] = {"title": set(), "skill": set()}
        for profession, place in (
            titles.order_by()
            .values_list("profession", Value("title"))
            .union(skills.order_by().values_list("profession", Value("skill")))
        ):
            by_place[place].add(profession)
        return by_place

    def own_columns(self) -> dict[str, object]:
        """Whether each profession's name, and other titles, find the word: boolean
        expressions for the search's query (no misspellings in other titles: SEARCH_WEIGHTS)."""
        columns = {"name": self._match(F("search_name"), self.word)}
        if not self.misspelt:
            columns["other title"] = self._match(F("search_other_titles"), self.word)
        return columns

    def anywhere(self) -> Q:
        """The professions the word finds in any place."""
        found = Q(pk__in=self.by_place["title"] | self.by_place["skill"])
        for expression in self.own_columns().values():
            found |= Q(expression)
        return found

    def score(self, pk: int, found_in_own: set[str]) -> int:
        """The SEARCH_WEIGHTS score of the best way the word finds profession `pk`; 0 if
        none. `found_in_own` names the places of its row that `own_columns` found it in."""
        how = "misspells" if self.misspelt else "holds"
        for (place, kind), weight in SEARCH_WEIGHTS.items():  # best first
            if kind == how and (place in found_in_own or pk in self.by_place.get(place, ())):
                return weight
        return 0


def search(professions: ProfessionQuerySet, query: str) -> SearchResult:
    """The slugs of `professions` that every word of `query` finds, best first: any
    order, case, accents and spacing ignored.

    A word finds a profession through its name, one of its job titles, one of its other
    titles or one of its skills' names, holding the word ("film" finds "Film Producer");
    a word that nothing holds is taken as misspelt and finds the words spelled like it
    ("prodcer" finds "Producer"; professions/search.py), so that "developer" finds
    developers but not also everyone who must "develop" something. Each word scores the
    best way it finds the profession, SEARCH_WEIGHTS: name above job title above skill,
    a held word above a misspelt one. The best have the highest sum over the words, then
    the shortest name, of which the words make up most: "product manager" puts Product
    manager (both words in its name, 12) before Biofuels Production Managers (12, a
    longer name) and both before Marketing Managers (a job title holds both, 8).

    Queries: one to three for each word (`_WordSearch`), then one that reads, for the
    professions the first word finds, whether their names and other titles find each
    word; they are scored and ranked here, so that lists of ids go into the SQL for the
    first word only (at most one id per profession) and no score is computed twice.
    Which words are looked for: `search_words`.
    """
    words = [_WordSearch(word) for word in search_words(query)]
    own_columns = [word.own_columns() for word in words]
    columns = {
        f"search_{index}_{place.replace(' ', '_')}": expression
        for index, places in enumerate(own_columns)
        for place, expression in places.items()
    }
    rows = professions.annotate(**columns).order_by().values_list("pk", "slug", "name", *columns)
    if words:  # the first word narrows the rows read; the ids are at most one per row
        rows = rows.filter(words[0].anywhere())
    found = []
    for pk, slug, name, *flags in rows:
        own = iter(flags)  # in the order of `columns`: word by word, place by place
        total = 0
        for word, places in zip(words, own_columns, strict=True):
            score = word.score(pk, {place for place in places if next(own)})
            if not score:
                break  # every word must find the profession
            total += score
        else:
            found.append((-total, len(name), name, slug))
    found.sort()
    return SearchResult(
        slugs=[slug for *_order, slug in found],
        misspelt=[word.word for word in words if word.misspelt],
    )
