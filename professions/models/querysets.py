"""What the catalog asks of the professions: published ones, ties, profiles for matching."""

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q

from professions import riasec
from professions.content import ContentQuerySet
from professions.models.skills import ProfessionSkill

if TYPE_CHECKING:
    from professions.models.profession import Profession


class ProfessionQuerySet(ContentQuerySet):
    def published(self):
        return self.filter(published=True)

    def related_to(self, profession: "Profession") -> list["Profession"]:
        """The occupations related to `profession`, closest first: O*NET's related
        occupations; for an editorial profile tied to an occupation, that occupation and
        then its related ones. Two queries at most."""
        codes = list(profession.related_onet_codes)
        if profession.tied_onet_code:
            tied = self.filter(onet_code=profession.tied_onet_code)
            codes = [
                profession.tied_onet_code,
                *codes,
                *(tied.values_list("related_onet_codes", flat=True).first() or ()),
            ]
        codes = [code for code in dict.fromkeys(codes) if code != profession.onet_code]
        return self.only("slug", "name", "onet_code").in_order_of(codes)

    def tied_to(self, profession: "Profession") -> list["Profession"]:
        """The other side of `profession`'s ties: the occupation an editorial profile looks
        at closely, or the editorial profiles that look closely at an occupation."""
        if profession.tied_onet_code:
            ties = Q(onet_code=profession.tied_onet_code)
        elif profession.onet_code:
            ties = Q(tied_onet_code=profession.onet_code)
        else:
            return []
        return list(self.filter(ties).only("slug", "name", "onet_code", "tie_note"))

    def in_order_of(self, onet_codes: list[str]) -> list["Profession"]:
        """The professions holding these O*NET codes, in the codes' order; codes nobody holds
        are skipped."""
        found = self.in_bulk(onet_codes, field_name="onet_code")
        return [found[code] for code in onet_codes if code in found]

    def tie_notes(self) -> dict[str, str]:
        """What to say beside the card of each of these professions that is tied to another
        of them (an editorial profile and the O*NET occupation it looks at closely), by
        slug. One query."""
        tied_codes = self.exclude(tied_onet_code="").values("tied_onet_code")
        rows = list(
            self.filter(Q(onet_code__in=tied_codes) | ~Q(tied_onet_code="")).values_list(
                "slug", "name", "tie_note", "tied_onet_code", "onet_code"
            )
        )
        occupations = {onet_code: slug for slug, *_rest, onet_code in rows if onet_code}
        notes: dict[str, str] = {}
        for slug, name, note, code, _onet_code in rows:
            if code in occupations:
                notes[slug] = note
                about = (
                    f"CareerFit’s {name} profile looks closely at one job within this "
                    "occupation and says how the two differ."
                )
                other = occupations[code]
                notes[other] = f"{notes[other]} {about}" if other in notes else about
        return notes

    def with_letters(self, letters: str):
        """Professions whose Holland code contains every one of `letters`."""
        return self.filter(*(Q(holland_code__contains=letter) for letter in letters))

    def profiles(self) -> list[riasec.ProfessionProfile]:
        """Every profile for matching, read in one query of plain values."""
        fields = list(riasec.FIELDS.values())
        return [
            riasec.ProfessionProfile(
                slug=slug,
                name=name,
                code=code,
                profile=dict(zip(riasec.FIELDS, map(float, scores), strict=True)),
                job_zone=job_zone,
            )
            for slug, name, code, job_zone, *scores in self.values_list(
                "slug", "name", "holland_code", "job_zone", *fields
            )
        ]

    def with_details(self):
        """Everything a profile page shows, in a fixed number of queries."""
        return self.prefetch_related(
            models.Prefetch(
                "profession_skills",
                queryset=ProfessionSkill.objects.select_related("skill").order_by(
                    "-essential", "skill__kind", "skill__name"
                ),
            ),
            "job_titles",
        )


class ProfessionManager(models.Manager.from_queryset(ProfessionQuerySet)):
    def get_by_natural_key(self, slug: str) -> "Profession":
        return self.get(slug=slug)
