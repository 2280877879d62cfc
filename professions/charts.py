"""Geometry of the RIASEC hexagon chart, drawn server-side as SVG (no JavaScript needed).

The six letters sit at the corners of a hexagon in Holland's order, R at the top and the rest
clockwise. A profile is the polygon whose corner for each letter lies score/100 of the way
from the centre to that letter's corner. Pure Python: the template only prints these numbers.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quiz.riasec import LETTERS, NAMES

SIZE = 320
CENTRE = SIZE / 2
RADIUS = 110
LABEL_RADIUS = RADIUS + 24
RINGS = (25, 50, 75, 100)


def corner(index: int, fraction: float) -> tuple[float, float]:
    angle = math.radians(-90 + 60 * index)
    return (
        round(CENTRE + RADIUS * fraction * math.cos(angle), 1),
        round(CENTRE + RADIUS * fraction * math.sin(angle), 1),
    )


def points(fractions: Sequence[float]) -> str:
    return " ".join(f"{x},{y}" for x, y in (corner(i, f) for i, f in enumerate(fractions)))


@dataclass(frozen=True)
class Axis:
    letter: str
    name: str
    x: float
    y: float
    label_x: float
    label_y: float


@dataclass(frozen=True)
class HexagonChart:
    size: int
    centre: float
    rings: list[str]
    axes: list[Axis]
    profiles: list[str]


def hexagon_chart(profiles: Sequence[Mapping[str, float]]) -> HexagonChart:
    """The chart of one or more profiles (scores 0-100 keyed by letter)."""
    axes = []
    for index, letter in enumerate(LETTERS):
        x, y = corner(index, 1)
        angle = math.radians(-90 + 60 * index)
        axes.append(
            Axis(
                letter=letter,
                name=NAMES[letter],
                x=x,
                y=y,
                label_x=round(CENTRE + LABEL_RADIUS * math.cos(angle), 1),
                label_y=round(CENTRE + LABEL_RADIUS * math.sin(angle) + 5, 1),
            )
        )
    return HexagonChart(
        size=SIZE,
        centre=CENTRE,
        rings=[points([ring / 100] * 6) for ring in RINGS],
        axes=axes,
        profiles=[
            points([max(0.0, min(100.0, profile[letter])) / 100 for letter in LETTERS])
            for profile in profiles
        ],
    )
