"""The hexagon chart puts each score on its own axis, scaled from the centre."""

from professions.charts import CENTRE, RADIUS, hexagon_chart


def polygon(points: str) -> list[tuple[float, float]]:
    return [tuple(map(float, point.split(","))) for point in points.split()]


def test_a_full_score_reaches_its_corner_and_zero_stays_at_the_centre():
    chart = hexagon_chart([{"R": 100, "I": 0, "A": 0, "S": 0, "E": 0, "C": 0}])

    corners = polygon(chart.profiles[0])

    assert corners[0] == (CENTRE, CENTRE - RADIUS)  # R at the top
    assert all(corner == (CENTRE, CENTRE) for corner in corners[1:])


def test_half_score_on_social_lies_halfway_down():
    chart = hexagon_chart([{"R": 0, "I": 0, "A": 0, "S": 50, "E": 0, "C": 0}])

    # S is the fourth corner, straight below the centre: (160, 160 + 110 x 0.5).
    assert polygon(chart.profiles[0])[3] == (CENTRE, CENTRE + RADIUS / 2)


def test_every_profile_is_drawn_and_axes_follow_the_hexagon_order():
    chart = hexagon_chart([dict.fromkeys("RIASEC", 40), dict.fromkeys("RIASEC", 80)])

    assert len(chart.profiles) == 2
    assert [axis.letter for axis in chart.axes] == list("RIASEC")
    assert len(chart.rings) == 4
