"""A small HTTP client for tests and load tools that talk to a real server over loopback.

It keeps cookies by hand because the production settings mark them Secure, which Python's
cookie jar will not send over plain HTTP, although a browser on localhost does. It never
follows redirects, so callers see each step of the quiz's post/redirect/get.
"""

import re
import urllib.error
import urllib.parse
import urllib.request


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Response:
    def __init__(self, status: int, headers, body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


class Session:
    def __init__(self, base: str, timeout: float = 10) -> None:
        self.base = base
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self._opener = urllib.request.build_opener(_NoRedirect)

    def request(self, method: str, path: str, data: dict | bytes | None = None) -> Response:
        body = urllib.parse.urlencode(data, doseq=True).encode() if isinstance(data, dict) else data
        request = urllib.request.Request(self.base + path, data=body, method=method)
        if self.cookies:
            request.add_header("Cookie", self.cookie_header)
        try:
            raw = self._opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as error:  # 3xx, 4xx and 5xx arrive here
            raw = error
        for header in raw.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";")[0]
        return Response(raw.status, raw.headers, raw.read())

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, data: dict | bytes) -> Response:
        """POST with the CSRF token a browser would send (fetched first if need be)."""
        if "csrftoken" not in self.cookies:
            fetched = self.get("/quiz/")
            if "csrftoken" not in self.cookies:
                return fetched  # no token to be had (e.g. a 503): the caller decides
        if isinstance(data, dict):
            data = {"csrfmiddlewaretoken": self.cookies["csrftoken"], **data}
        return self.request("POST", path, data)

    @property
    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())


def item_codes(page: Response) -> list[str]:
    """The question codes a quiz page asks, in order."""
    return list(dict.fromkeys(re.findall(r'name="([A-Z]\d\d)"', page.text)))
