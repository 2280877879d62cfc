"""What a result says: the code with the ties measurement error allows, how clear the profile
is, and the professions in fit bands, within the preparation the taker is ready for.

The maths is in professions/riasec/; this module decides what a results page and its JSON show.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.urls import reverse

from professions import riasec
from professions.charts import HexagonChart, hexagon_chart
from professions.models import compare_url
from professions.profiles import PublishedCatalog, published_catalog
from quiz.models import Result

# Matches a results page shows before "Show all".
SHOWN_MATCHES = 10
# A type's place in the code, in words.
PLACES = ("strongest", "second", "third", "fourth", "fifth", "sixth")


@dataclass(frozen=True)
class MatchRow:
    match: riasec.Match
    band: riasec.Band
    difference: tuple[str, bool] | None  # see riasec.biggest_difference
    tie_note: str | None


@dataclass(frozen=True)
class BandRows:
    band: riasec.Band
    total: int  # the band's matches within the preparation chosen
    rows: list[MatchRow]  # those shown


@dataclass(frozen=True)
class ResultReport:
    """Everything a results page and its JSON download say about one result: both are built
    from this, so they cannot disagree."""

    result: Result
    zone: int | None  # the O*NET job zone chosen; None for all

    @cached_property
    def precision(self) -> riasec.Precision:
        return self.result.precision

    @cached_property
    def code(self) -> str:
        """The code with brackets around scores within measurement error, e.g. "S[RE]"."""
        return riasec.tie_code(self.result.scores, within=self.precision.tie_width)

    @property
    def code_groups(self) -> list[str]:
        """The code's places, a tie group as one string: "S[RE]" -> ["S", "RE"]."""
        return ["".join(group) for group in riasec.code_groups(self.code)]

    @property
    def code_meaning(self) -> list[tuple[str, str, str, int, str]]:
        """What each of the code's `leading_letters` says about this taker: (letter, type,
        description, score, place), place as in "Your strongest interest" or "Tied for your
        second interest"; a tie group cut by the third place is left to the tie note, and so
        is a first place tied among more than three types, which says nothing about any."""
        scores, leading = self.result.scores, riasec.leading_letters(self.code)
        if len(leading) > 3:
            return []
        meaning: list[tuple[str, str, str, int, str]] = []
        for group in riasec.code_groups(self.code):
            if group[0] not in leading:
                break
            place = PLACES[len(meaning)]
            where = f"Tied for your {place}" if len(group) > 1 else f"Your {place}"
            meaning.extend(
                (
                    letter,
                    riasec.NAMES[letter],
                    riasec.DESCRIPTIONS[letter],
                    round(scores[letter]),
                    where,
                )
                for letter in group
            )
        return meaning

    @cached_property
    def percentiles(self) -> dict[str, int] | None:
        """Per type, the percent of other takers of the form who scored lower; None until
        the form has enough results (Result.objects.percentiles)."""
        return Result.objects.percentiles(self.result)

    @property
    def type_rows(self) -> list[tuple[str, str, str, int, int | None]]:
        """All six types, highest score first (hexagon order among equals): (letter, type,
        description, score, percentile or None)."""
        scores, percentiles = self.result.scores, self.percentiles
        order = sorted(riasec.LETTERS, key=lambda letter: -scores[letter])
        return [
            (
                letter,
                riasec.NAMES[letter],
                riasec.DESCRIPTIONS[letter],
                round(scores[letter]),
                percentiles[letter] if percentiles else None,
            )
            for letter in order
        ]

    @property
    def ties(self) -> list[list[str]]:
        """The tied groups of the code, each in hexagon order."""
        groups = riasec.ties(self.result.scores, within=self.precision.tie_width)
        return [sorted(group, key=riasec.LETTERS.index) for group in groups]

    @property
    def top_pairs(self) -> list[tuple[str, str, str]]:
        return riasec.top_pairs(self.code)

    @property
    def weak_signal(self) -> str:
        return riasec.weak_signal(self.result.scores, self.precision)

    @property
    def differentiation_level(self) -> str:
        return riasec.differentiation_level(self.result.differentiation, self.precision)

    @cached_property
    def catalog(self) -> PublishedCatalog:
        return published_catalog()

    @cached_property
    def bands(self) -> list[tuple[riasec.Band, list[riasec.Match]]]:
        """Every published profession within the zone, in fit bands."""
        profiles = self.catalog.in_zone(self.zone)
        return riasec.banded_matches(self.result.scores, profiles, self.precision)

    @cached_property
    def in_band_order(self) -> list[tuple[riasec.Band, riasec.Match]]:
        return [(band, match) for band, matches in self.bands for match in matches]

    def shown(self, limit: int | None = SHOWN_MATCHES) -> list[BandRows]:
        """The first `limit` matches (all for None) in band order, grouped by band, each with
        its biggest difference and tie note: worked out only for the matches shown."""
        scores, tie_notes = self.result.scores, self.catalog.tie_notes
        grouped: list[BandRows] = []
        for band, match in self.in_band_order[:limit]:
            if not grouped or grouped[-1].band != band:
                total = next(len(matches) for shown, matches in self.bands if shown == band)
                grouped.append(BandRows(band, total, []))
            difference = riasec.biggest_difference(scores, match.profession)
            note = tie_notes.get(match.profession.slug)
            grouped[-1].rows.append(MatchRow(match, band, difference, note))
        return grouped

    def page(self, show_all: bool) -> tuple[list[BandRows], int]:
        """The matches a page shows, by band, and how many more "Show all" would add."""
        bands = self.shown(None if show_all else SHOWN_MATCHES)
        return bands, self.match_count - sum(len(band.rows) for band in bands)

    @property
    def match_count(self) -> int:
        return len(self.in_band_order)

    @property
    def flat(self) -> bool:
        """Whether all six scores are equal: no type stands out at all."""
        return riasec.spread(self.result.scores) == 0

    @cached_property
    def chart(self) -> HexagonChart:
        return hexagon_chart([self.result.scores])

    @property
    def norms_available(self) -> bool:
        return self.percentiles is not None

    @property
    def top_type(self) -> tuple[str, str]:
        """The strongest type's name, and the catalog filtered to it."""
        letter = riasec.holland_code(self.result.scores, 1)
        return riasec.NAMES[letter], f"{reverse('professions:catalog')}?letter={letter}"

    @property
    def top_two(self) -> str:
        """The comparison of the two best matches; "" with fewer than two."""
        if self.match_count < 2:
            return ""
        first, second = (match.profession.slug for _band, match in self.in_band_order[:2])
        return compare_url(first, second)

    def as_json(self, absolute: Callable[[str], str]) -> dict:
        """The result as the JSON download gives it; `absolute` makes a path a full address."""
        result = self.result
        return {
            "uuid": str(result.uuid),
            "created": result.created.isoformat(),
            "form": result.length,
            "answers": result.answers,
            "scores": result.scores,
            "holland_code": result.holland_code,
            "holland_code_with_ties": self.code,
            "differentiation": result.differentiation,
            "consistency": result.consistency,
            "weak_signal": self.weak_signal,
            "matches": [
                {
                    "profession": match.profession.slug,
                    "name": match.profession.name,
                    "code": match.profession.code,
                    "correlation": match.correlation,
                    "band": band.name,
                    "url": absolute(reverse("professions:detail", args=[match.profession.slug])),
                }
                for band, match in self.in_band_order
            ],
        }
