"""Case- and accent-insensitive text matching, exact and forgiving, that behaves the same on
SQLite and PostgreSQL.

Both sides of a comparison are folded to lower case without accents: the query in Python by
`fold()`, the column in SQL by `Folded()`, which calls careerfit_fold(). On PostgreSQL that
is an SQL function, lower(unaccent(...)) declared immutable so that generated columns can
keep it (migrations 0009 and 0010); SQLite's lower() knows only ASCII, so there `fold()` itself is
registered under that name on every new connection. Likewise careerfit_words()
(`distinct_words()`) keeps a long text's distinct words only.

A query word also finds a word it misspells (`SimilarWord`). On PostgreSQL that is pg_trgm's
strict word similarity: the word's trigrams against those of the best-matching run of
consecutive words of the text, |shared| / |either|, at least 0.5 (the `<<%` operator and its
default threshold). On SQLite `strict_word_similarity()` below computes the same figure in
Python: "prodcer" and "producer" share 6 of 11 trigrams (0.55) and match; "manager" and
"management" share 6 of 13 (0.46) and do not.
"""

import functools
import operator
import re
import unicodedata
from collections.abc import Iterable

from django.db.models import BooleanField, Func, TextField, Value

FOLD_FUNCTION = "careerfit_fold"
WORDS_FUNCTION = "careerfit_words"
SIMILAR_WORD_FUNCTION = "careerfit_similar_word"
SIMILARITY_THRESHOLD = 0.5  # pg_trgm's default pg_trgm.strict_word_similarity_threshold
FORGIVING_LENGTH = 4  # shorter words share too few trigrams to be told apart safely
_WORD = re.compile(r"[^\W_]+")  # pg_trgm's words: runs of letters and digits


# Cached: on SQLite every search folds every name, title and skill again, the same few
# thousand strings (the catalog holds about 13,000).
@functools.lru_cache(maxsize=1 << 15)
def fold(text: str | None) -> str | None:
    """ "Créatif ÉLAN" -> "creatif elan": lower case, accents removed."""
    if text is None:
        return None  # SQL NULL stays NULL
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def distinct_words(text: str | None) -> str | None:
    """A text's distinct words, folded, sorted and joined by spaces: what a search needs of a
    long list such as a job's sixty other titles, at a third of its length."""
    if text is None:
        return None
    return " ".join(sorted(set(_WORD.findall(fold(text)))))


def singular(word: str) -> str:
    """A folded word without an English plural ending, so that a query word finds its plural
    as a whole word: "nurses" -> "nurse", "classes" -> "class", "coaches" -> "coach",
    "companies" -> "company"; "business", "status" and "analysis" stay as they are. Query
    and text words go through the same rule, so a rare wrong stem still matches itself."""
    if len(word) > 4 and word.endswith("ies"):
        return f"{word[:-3]}y"
    if word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=1 << 14)
def word_set(text: str) -> frozenset[str]:
    """The words of a text, folded and `singular`."""
    return frozenset(singular(word) for word in _WORD.findall(fold(text)))


def how_held(word: str, text: str) -> str:
    """How a text holds a folded query word: "word" when one of its words is the word, a
    plural ending aside ("nurse" in "Registered Nurses"); "prefix" when a longer word
    starts with it ("nurse" in "Nursery"); "inner" when it is inside a longer word ("actor"
    in "Chiropractors"); "" when the text does not hold it."""
    if singular(word) in word_set(text):
        return "word"
    folded = fold(text)
    if re.search(rf"(?<![^\W_]){re.escape(word)}", folded):
        return "prefix"
    return "inner" if word in folded else ""


def title_word_sources(titles: Iterable[tuple[str, Iterable[str]]]) -> dict[str, int]:
    """For each word of an occupation's titles (`word_set`), the sources that report a title
    holding it, as a bit mask (a bit per source, in the order of their codes): how commonly
    the word names the job. From (title, sources) pairs."""
    titles = list(titles)
    bits = {
        source: 1 << place
        for place, source in enumerate(sorted({s for _title, sources in titles for s in sources}))
    }
    masks: dict[str, int] = {}
    for title, sources in titles:
        mask = sum(bits[source] for source in set(sources))
        for word in word_set(title):
            masks[word] = masks.get(word, 0) | mask
    return dict(sorted(masks.items()))


def plural_forms(word: str) -> list[str]:
    """The forms of a folded word that `singular` takes back to the same word: "nurse" ->
    nurse, nurses, nursees; "company" -> company, companys, companyes, companies."""
    base = singular(word)
    forms = [base, f"{base}s", f"{base}es"]
    if base.endswith("y"):
        forms.append(f"{base[:-1]}ies")
    return forms


def reported_by(masks: Iterable[int | None]) -> int:
    """How many sources report titles holding each of the words whose masks (from
    `title_word_sources`, None for a word no title holds) are given; a source counts when it
    reports some title with each word, not necessarily one title with all. 0 when no title
    holds any of them."""
    held = [mask for mask in masks if mask is not None]
    return functools.reduce(operator.and_, held).bit_count() if held else 0


MAX_SEARCH_WORDS = 8  # words of a query looked for; the rest are ignored
SHORTEST_SEARCH_WORD = 2  # a single letter ("c" of "c++") is in nearly every profession


def search_words(query: str) -> list[str]:
    """The distinct words of a query that a search looks for, folded, in order: "Film
    PRODUCER film" -> ["film", "producer"]; "c++ programmer" -> ["programmer"]."""
    words = (word for word in _WORD.findall(fold(query)) if len(word) >= SHORTEST_SEARCH_WORD)
    return list(dict.fromkeys(words))[:MAX_SEARCH_WORDS]


@functools.lru_cache(maxsize=65536)
def trigrams(word: str) -> frozenset[str]:
    """pg_trgm's trigrams of one word: padded with two spaces in front and one behind,
    "cat" -> {"  c", " ca", "cat", "at "}."""
    padded = f"  {word} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


@functools.lru_cache(maxsize=1 << 15)
def _text_trigrams(text: str) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """All the trigrams of a text's words, and each word's."""
    words = tuple(trigrams(word) for word in _WORD.findall(text))
    return frozenset().union(*words), words


def strict_word_similarity(word: str, text: str) -> float:
    """The best trigram similarity of `word` with a run of consecutive words of `text`, both
    folded, as pg_trgm's strict_word_similarity: a run's trigrams are its words' together,
    so "truckdriver" is 0.67 alike "truck driver" though 0.36 alike "driver" alone."""
    mine = trigrams(word)
    _everything, words = _text_trigrams(text)
    best = 0.0
    for start in range(len(words)):
        run: frozenset[str] = frozenset()
        for theirs in words[start:]:
            run |= theirs
            if len(mine) <= best * len(run):
                break  # |shared| / |either| <= |mine| / |run|: a longer run can only lose
            best = max(best, len(mine & run) / len(mine | run))
    return best


@functools.lru_cache(maxsize=1 << 15)  # a search asks about each text two or three times
def similar_word(word: str | None, text: str | None) -> bool | None:
    """The SQLite side of `SimilarWord`."""
    if word is None or text is None:
        return None
    # No word of the text shares more trigrams with `word` than the whole text does, and a
    # similarity is at most the shared share of `word`'s trigrams: most texts are passed over
    # after one comparison instead of one per word.
    mine = trigrams(word)
    everything, _words = _text_trigrams(text)
    if len(mine & everything) < SIMILARITY_THRESHOLD * len(mine):
        return False
    return strict_word_similarity(word, text) >= SIMILARITY_THRESHOLD


class Folded(Func):
    """A text column folded like `fold()`, for `__contains` lookups and `SimilarWord`."""

    function = FOLD_FUNCTION
    output_field = TextField()


class DistinctWords(Func):
    """A text column as `distinct_words()` gives it."""

    function = WORDS_FUNCTION
    output_field = TextField()


class SimilarWord(Func):
    """Whether a text (an expression, folded) holds a word like `word` (folded, at least
    FORGIVING_LENGTH letters): strict word similarity of at least SIMILARITY_THRESHOLD."""

    output_field = BooleanField()

    def __init__(self, word: str, text, **extra):
        super().__init__(Value(word), text, **extra)

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function=SIMILAR_WORD_FUNCTION, **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            template="(%(expressions)s)",
            arg_joiner=" <<%% ",
            **extra_context,
        )


def register_sqlite_functions(sender, connection, **kwargs) -> None:
    """`connection_created` receiver: give each SQLite connection the functions above."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(FOLD_FUNCTION, 1, fold, deterministic=True)
        connection.connection.create_function(WORDS_FUNCTION, 1, distinct_words, deterministic=True)
        connection.connection.create_function(
            SIMILAR_WORD_FUNCTION, 2, similar_word, deterministic=True
        )
