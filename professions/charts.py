"""Geometry of the RIASEC hexagon chart, drawn server-side as SVG (no JavaScript needed).

The six letters sit at the corners of a hexagon in Holland's order, R at the top and the rest
clockwise. A profile is the polygon whose corner for each letter lies score/100 of the way
from the centre to that letter's corner. Pure Python: the template only prints these numbers.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from professions.riasec import LETTERS, NAMES

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
class Label:
    text: str
    x: float
    y: float
    letter: str = ""


@dataclass(frozen=True)
class HexagonChart:
    size: int
    centre: float
    rings: list[str]
    axes: list[Axis]
    profiles: list[str]
    ring_labels: list[Label]  # 25, 50, 75 and 100 on the C-R edge, where no value sits
    values: list[Label]  # each score beside its corner; for a single profile only


def ring_label(ring: int) -> Label:
    """A ring's value at the middle of its C-R edge, just outside it."""
    (cx, cy), (rx, ry) = corner(5, ring / 100), corner(0, ring / 100)
    return Label(str(ring), round((cx + rx) / 2 - 2, 1), round((cy + ry) / 2 - 2, 1))


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
    clamped = [
        [max(0.0, min(100.0, profile[letter])) / 100 for letter in LETTERS] for profile in profiles
    ]
    values = []
    if len(profiles) == 1:
        for index, (letter, fraction) in enumerate(zip(LETTERS, clamped[0], strict=True)):
            # Beside the corner, off the line it labels: outside it, or inside near the rim,
            # where the type's letter stands.
            offset = 16 / RADIUS if fraction <= 0.8 else -16 / RADIUS
            x, y = corner(index, fraction + offset)
            values.append(Label(f"{profiles[0][letter]:.0f}", x, y + 4, letter))
    return HexagonChart(
        size=SIZE,
        centre=CENTRE,
        rings=[points([ring / 100] * 6) for ring in RINGS],
        axes=axes,
        profiles=[points(fractions) for fractions in clamped],
        ring_labels=[ring_label(ring) for ring in RINGS],
        values=values,
    )
