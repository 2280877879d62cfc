"""Set up a test client's quiz cookie as the quiz itself would leave it; read what a
results page shows."""

from quiz.progress import COOKIE_NAME, TakerState


def taker_state(client) -> TakerState:
    morsel = client.cookies.get(COOKIE_NAME)
    return TakerState.from_cookie(morsel.value if morsel else None)


def remember_result(client, uuid: str) -> None:
    """As if this browser had finished the quiz that stored the result `uuid`."""
    taker = taker_state(client)
    taker.remember_result(uuid)
    client.cookies[COOKIE_NAME] = taker.signed()


def shown_rows(response):
    """The match rows a results page shows, in its order, band after band."""
    return [row for band in response.context["bands"] for row in band.rows]
