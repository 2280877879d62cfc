"""The catalog search: which professions a query finds, and in what order.

The text rules (folding, words, plurals, the misspelling measure) are in professions/search.py;
this module decides, word by word, where and how a word finds a profession and what that
counts for.
"""

from typing import NamedTuple

from django.db.models import Case, F, IntegerField, Q, TextField, Value, When
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Concat
from django.db.models.lookups import Contains

from professions.models import JobTitle, Profession, ProfessionQuerySet, ProfessionSkill, Skill
from professions.search import (
    FORGIVING_LENGTH,
    SimilarWord,
    how_held,
    plural_forms,
    reported_by,
    search_words,
    singular,
    word_set,
)

# How a query word finding a profession counts towards its search rank: by place (its name,
# one of its job titles or other titles, one of its skills) and by how the place holds the
# word (professions.search.how_held): as a whole "word" (a plural ending aside), as the
# "prefix" of a longer word ("nurse" in "Nursery"), "inner" in one ("actor" in
# "Chiropractors"), or a word "misspelt" like it. Misspellings are not looked for in the
# other titles: comparing a word with each word of some 60 titles per profession costs ten
# times the rest of a search.
SEARCH_WEIGHTS = {
    ("name", "word"): 6,
    ("title", "word"): 4,
    ("name", "prefix"): 3,
    ("name", "misspelt"): 3,
    ("title", "prefix"): 2,
    ("title", "misspelt"): 2,
    ("skill", "word"): 2,
    ("skill", "prefix"): 1,
    ("skill", "misspelt"): 1,
    ("name", "inner"): 1,
    ("title", "inner"): 1,
    ("skill", "inner"): 1,
}


class SearchResult(NamedTuple):
    slugs: list[str]  # the professions found, best first
    misspelt: list[str]  # the query's words that were taken as misspelt


class _WordSearch:
    """How one folded query word finds published professions: as it is, or, when no name,
    job title or skill holds it and it has FORGIVING_LENGTH letters or more, as a
    misspelling. The professions whose job titles or skills find it are read here, with the
    text that does, in one query (a second and third for a misspelling); names and other
    titles are compared in the search's own query."""

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

    def _how(self, text: str) -> str:
        return "misspelt" if self.misspelt else how_held(self.word, text)

    def _related_places(self, match) -> dict[str, dict[int, str]]:
        """For each published profession a job title or a skill of which `match`es the word,
        how the best of them holds it, by place."""
        titles = JobTitle.objects.filter(
            match(F("search_title"), self.word), profession__published=True
        )
        skills = ProfessionSkill.objects.filter(
            skill__in=Skill.objects.filter(match(F("search_name"), self.word)),
            profession__published=True,
        )
        by_place: dict[str, dict[int, str]] = {"title": {}, "skill": {}}
        for profession, place, text in (
            titles.order_by()
            .values_list("profession", Value("title"), "search_title")
            .union(skills.order_by().values_list("profession", Value("skill"), "skill__name"))
        ):
            how, best = self._how(text), by_place[place].get(profession)
            if best is None or SEARCH_WEIGHTS[place, how] > SEARCH_WEIGHTS[place, best]:
                by_place[place][profession] = how
        return by_place

    def own_columns(self) -> dict[str, object]:
        """Expressions for the search's query, on each profession's own row: whether its name
        finds the word, how its other titles hold it (`OTHER_TITLES_HOW`; no misspellings in
        other titles: SEARCH_WEIGHTS), and which sources report a title with the word (for
        `reported_by`)."""
        columns = {"name": self._match(F("search_name"), self.word)}
        if not self.misspelt:
            # The other titles are kept as their distinct words, single-spaced: a whole word
            # is one between spaces.
            space = Value(" ", output_field=TextField())
            padded = Concat(space, F("search_other_titles"), space)
            whole = [
                When(Contains(padded, f" {form} "), then=Value(3))
                for form in plural_forms(self.word)
            ]
            columns["other title"] = Case(
                *whole,
                When(Contains(padded, f" {self.word}"), then=Value(2)),
                When(Contains(F("search_other_titles"), self.word), then=Value(1)),
                default=Value(0),
            )
        key = singular(self.word)
        if not key.isdigit():  # a number would be read as a list index
            columns["sources"] = Cast(KeyTextTransform(key, "title_words"), IntegerField())
        return columns

    def anywhere(self) -> Q:
        """The professions the word finds in any place."""
        found = Q(pk__in=self.by_place["title"].keys() | self.by_place["skill"].keys())
        found |= Q(self._match(F("search_name"), self.word))
        if not self.misspelt:
            found |= Q(Contains(F("search_other_titles"), self.word))
        return found

    def score(self, pk: int, name: str | None, other_titles: str) -> int:
        """The SEARCH_WEIGHTS score of the best way the word finds profession `pk`; 0 if
        none: `name` if its name finds the word, `other_titles` how they hold it."""
        ways = [(place, found[pk]) for place, found in self.by_place.items() if pk in found]
        if name is not None:
            ways.append(("name", self._how(name)))
        if other_titles:
            ways.append(("title", other_titles))
        return max((SEARCH_WEIGHTS.get(way, 0) for way in ways), default=0)


# How the other titles hold a word, as `_WordSearch.own_columns` reads it from the database.
OTHER_TITLES_HOW = {0: "", 1: "inner", 2: "prefix", 3: "word"}


def search(professions: ProfessionQuerySet, query: str) -> SearchResult:
    """The slugs of `professions` that every word of `query` finds, best first: any
    order, case, accents, spacing and plural endings ignored.

    A word finds a profession through its name, one of its job titles or other titles, or
    one of its skills' names, holding the word ("film" finds "Film Producer"); a word that
    nothing holds is taken as misspelt and finds the words spelled like it ("prodcer" finds
    "Producer"; professions/search.py), so that "developer" finds developers but not also
    everyone who must "develop" something. Each word scores the best way it finds the
    profession, SEARCH_WEIGHTS: name above job title above skill; a whole word above the
    start of a longer one ("nurse" finds "Registered Nurses" before "... Nursery ...") and
    that above a word inside one; a held word above a misspelt one.

    The best have the highest sum over the words. Among equals come first the professions
    whose name is the query ("product manager" is the Product manager profile), then those
    people most commonly mean by the words: how many of O*NET's sources report a title
    holding them (`reported_by`: six of O*NET's sources call Elementary, Middle and
    Secondary School Teachers teachers, at most five any of the 35 postsecondary teachers,
    and three or fewer most of them), then the shorter name.

    Queries: one to three for each word (`_WordSearch`), then one that reads, for the
    professions the first word finds, their names, how their other titles hold each word
    and which sources report a title with it; they are
    scored and ranked here, so that lists of ids go into the SQL for the first word only
    (at most one id per profession) and no score is computed twice. Which words are looked
    for: `search_words`.
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
    query_words = {singular(word.word) for word in words}
    found = []
    for pk, slug, name, *values in rows:
        read = iter(values)  # in the order of `columns`: word by word, place by place
        total, masks = 0, []
        for word, places in zip(words, own_columns, strict=True):
            own = {place: next(read) for place in places}
            masks.append(own.get("sources"))
            score = word.score(
                pk, name if own["name"] else None, OTHER_TITLES_HOW[own.get("other title", 0)]
            )
            if not score:
                break  # every word must find the profession
            total += score
        else:
            named = word_set(name) == query_words
            found.append((-total, not named, -reported_by(masks), len(name), name, slug))
    found.sort()
    return SearchResult(
        slugs=[slug for *_order, slug in found],
        misspelt=[word.word for word in words if word.misspelt],
    )
