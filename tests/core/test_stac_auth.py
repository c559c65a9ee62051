"""Credentials of a private STAC catalogue: the headers (core/providers/stac/auth.py) and that they
go to the catalogue's own origin only -- not to a host a ``next`` link or a redirect names."""
import base64
import json

import pytest

from plugin.core.errors import AuthError
from plugin.core.providers.stac import auth
from plugin.core.providers.stac.client import StacClient
from plugin.core.transfer.http import RetryPolicy, make_session, redact
from tests import stac_data
from tests.sims.loopback import LoopbackServer, QuietHandler

CONFORMS = ["https://api.stacspec.org/v1.0.0/core", "https://api.stacspec.org/v1.0.0/item-search"]


class Catalogue(LoopbackServer):
    """A minimal catalogue: landing, /search answering one item per page.  ``next_to`` (a base URL)
    puts the next page on another host; ``redirect_to`` answers /search with a 307 there;
    ``methods``: the search methods the landing offers."""

    thread_name = "stac-catalogue"

    def __init__(self, host="127.0.0.1", next_to=None, redirect_to=None, methods=("GET", "POST"),
                 pages=2, require=None):
        self.host, self.next_to, self.redirect_to, self.methods = host, next_to, redirect_to, methods
        self.pages, self.require = pages, require
        self.seen = []          # (method, path, Authorization header, X-Api-Key header)

    def handler(self):
        class Handler(QuietHandler):
            def _answer(self):
                sim = self.simulator
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}") if length else {}
                sim.seen.append((self.command, self.path, self.headers.get("Authorization"),
                                 self.headers.get("X-Api-Key")))
                if sim.require and self.headers.get("Authorization") != sim.require:
                    return self.send_body(401, b'{"detail": "Unauthorized"}', "application/json")
                if self.path == "/":
                    links = [{"rel": "search", "href": sim.url + "/search", "method": m} for m in sim.methods]
                    return self.send_body(200, json.dumps({"type": "Catalog", "id": "c", "links": links,
                                                           "conformsTo": CONFORMS}).encode(), "application/json")
                if sim.redirect_to:
                    return self.send_body(307, b"", "text/plain", {"Location": sim.redirect_to + "/search"})
                page = int(body.get("page", 1)) if self.command == "POST" else \
                    int(self.path.split("page=")[1].split("&")[0]) if "page=" in self.path else 1
                day = 10 + page
                feature = stac_data.item("P{}".format(page), day, 5)
                links = []
                if page < sim.pages:
                    base = sim.next_to or sim.url
                    links = [{"rel": "next", "href": base + "/search", "method": "POST",
                              "body": dict(body, page=page + 1)}] if self.command == "POST" else \
                        [{"rel": "next", "href": base + "/search?page={}".format(page + 1)}]
                return self.send_body(200, json.dumps({"type": "FeatureCollection", "features": [feature],
                                                       "links": links}).encode(), "application/geo+json")

            do_GET = _answer
            do_POST = _answer
        return Handler


NO_RETRY = RetryPolicy(max_attempts=1)


def test_header_forms():
    assert auth.basic("ann", "s3cret") == {"Authorization": "Basic " + base64.b64encode(b"ann:s3cret").decode()}
    assert auth.bearer("Bearer tok-123") == {"Authorization": "Bearer tok-123"}
    assert auth.api_headers([("X-Api-Key", "k-456")]) == {"X-Api-Key": "k-456"}
    for bad in (lambda: auth.basic("", ""), lambda: auth.bearer(" "), lambda: auth.api_headers([]),
                lambda: auth.api_headers([("Bad Name", "v")]), lambda: auth.api_headers([("X-A", "v\r\nX: y")])):
        with pytest.raises(AuthError):
            bad()
    assert "k-456" not in redact("sent k-456 and tok-123 and s3cret")
    assert "tok-123" not in redact("tok-123") and "s3cret" not in redact("s3cret")


def test_private_catalogue_gets_its_header_and_refuses_without():
    headers = auth.bearer("private-token-1")
    with Catalogue(require="Bearer private-token-1") as cat:
        assert [i["id"] for i in StacClient(cat.url, make_session(), headers, retry=NO_RETRY)
                .search("s2", None).items] == ["P2", "P1"]
        with pytest.raises(AuthError, match="refused the request"):
            StacClient(cat.url, make_session(), retry=NO_RETRY).search("s2", None)


@pytest.mark.parametrize("methods", [("GET", "POST"), ("GET",)])
def test_next_link_to_another_host_gets_no_credentials(methods):
    headers = dict(auth.bearer("private-token-2"), **auth.api_headers([("X-Api-Key", "key-2")]))
    with Catalogue(host="localhost") as other, Catalogue(next_to=other.url, methods=methods) as cat:
        result = StacClient(cat.url, make_session(), headers, retry=NO_RETRY).search("s2", stac_data.AOI_WEST)
    assert [i["id"] for i in result.items] == ["P2", "P1"]
    assert other.seen, "the next page was not asked for"
    assert all(auth_header == ("Bearer private-token-2") and key == "key-2" for _m, _p, auth_header, key in cat.seen)
    assert all(auth_header is None and key is None for _m, _p, auth_header, key in other.seen)
    assert {m for m, _p, _a, _k in cat.seen if _p != "/"} == ({"POST"} if "POST" in methods else {"GET"})


def test_redirect_to_another_host_gets_no_credentials():
    headers = dict(auth.bearer("private-token-3"), **auth.api_headers([("X-Api-Key", "key-3")]))
    with Catalogue(host="localhost", pages=1) as other, Catalogue(redirect_to=other.url) as cat:
        result = StacClient(cat.url, make_session(), headers, retry=NO_RETRY).search("s2", None)
    assert [i["id"] for i in result.items] == ["P1"]
    assert [(a, k) for m, p, a, k in other.seen] == [(None, None)]
    assert other.seen[0][0] == "POST"                   # (307: the search body went along, without secrets)
