from collections.abc import Iterable

from django import template

from professions.riasec import DESCRIPTIONS, LETTERS, NAMES

register = template.Library()


@register.filter
def type_names(letters: Iterable[str]) -> str:
    """Letters as a readable list of type names: "EA" -> "Enterprising and Artistic"."""
    names = [NAMES[letter] for letter in letters]
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


@register.simple_tag
def riasec_types() -> list[tuple[str, str, str]]:
    """The six types in hexagon order: (letter, name, what draws people to it)."""
    return [(letter, NAMES[letter], DESCRIPTIONS[letter]) for letter in LETTERS]
