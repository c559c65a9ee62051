"""Loopback simulator of Microsoft Planetary Computer's SAS token endpoint, and of the storage that
checks those tokens.

* ``GET /api/sas/v1/token/{collection}`` -> 200 ``{"msft:expiry": "<RFC 3339, Z>", "token": "<query
  string>"}`` as the real endpoint answers (shared/protocols.md, "STAC API"): the token is an Azure
  service SAS of the collection's container (``st``, ``se``, ``sp=rl``, ``sv``, ``sr=c``, ``skoid``,
  ``sig``); it is valid ``ttl`` seconds.  A collection the sim does not know: 404 JSON ``detail``
  [INF: the real endpoint's answer to an unknown collection was not captured].
* ``GET /storage/{collection}/{path}`` serves ``files[(collection, path)]`` (with Range) only with a
  token of that collection that has not expired (``se`` and the server's clock); else 403 with
  Azure's ``AuthenticationFailed`` XML -- so an expired or missing signature fails as it does on
  Azure.

``token_requests`` counts the token requests per collection (tests of the client's cache).
"""
import datetime as dt
import hashlib
import hmac
import json
import re
import secrets
import time
from typing import Dict, Tuple
from urllib.parse import parse_qsl, unquote, urlsplit

from .loopback import LoopbackServer, QuietHandler

_AUTH_FAILED = (b'<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>'
                b'Server failed to authenticate the request. Make sure the value of Authorization header is '
                b'formed correctly including the signature.</Message></Error>')


def _stamp(moment: float) -> str:
    return dt.datetime.fromtimestamp(moment, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class PcSasSim(LoopbackServer):
    thread_name = "pc-sas-sim"

    def __init__(self, collections=("sentinel-2-l2a",), ttl: float = 3600.0, clock=time.time):
        self.collections = set(collections)
        self.ttl = ttl
        self.clock = clock
        self.key = secrets.token_bytes(16)
        self.files: Dict[Tuple[str, str], bytes] = {}
        self.token_requests: Dict[str, int] = {}

    @property
    def sas_url(self) -> str:
        return self.url + "/api/sas/v1"

    def storage_url(self, collection: str, path: str) -> str:
        return "{}/storage/{}/{}".format(self.url, collection, path)

    def _sign(self, collection: str, start: str, expiry: str) -> str:
        text = "{}\n{}\n{}".format(collection, start, expiry).encode()
        return hmac.new(self.key, text, hashlib.sha256).hexdigest()

    def token(self, collection: str) -> dict:
        now = self.clock()
        start, expiry = _stamp(now - 60), _stamp(now + self.ttl)
        query = "st={}&se={}&sp=rl&sv=2021-06-08&sr=c&skoid={}&sig={}".format(
            start, expiry, secrets.token_hex(8), self._sign(collection, start, expiry))
        return {"msft:expiry": expiry, "token": query}

    def valid(self, collection: str, query: str) -> bool:
        fields = dict(parse_qsl(query))
        if not all(fields.get(k) for k in ("st", "se", "sig")):
            return False
        if not hmac.compare_digest(fields["sig"], self._sign(collection, fields["st"], fields["se"])):
            return False
        expiry = dt.datetime.strptime(fields["se"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
        return expiry.timestamp() > self.clock()

    def handler(self):
        class Handler(QuietHandler):
            def do_GET(self):
                sim = self.simulator
                parts = urlsplit(self.path)
                match = re.fullmatch(r"/api/sas/v1/token/([^/]+)", parts.path)
                if match:
                    collection = unquote(match.group(1))
                    sim.token_requests[collection] = sim.token_requests.get(collection, 0) + 1
                    if collection not in sim.collections:
                        body = json.dumps({"detail": "Collection {} not found".format(collection)}).encode()
                        return self.send_body(404, body, "application/json")
                    return self.send_body(200, json.dumps(sim.token(collection)).encode(), "application/json")
                match = re.fullmatch(r"/storage/([^/]+)/(.+)", parts.path)
                if match and (match.group(1), match.group(2)) in sim.files:
                    if not sim.valid(match.group(1), parts.query):
                        return self.send_body(403, _AUTH_FAILED, "application/xml")
                    return self._send_file(sim.files[(match.group(1), match.group(2))])
                return self.send_body(404, b'{"detail": "Not Found"}', "application/json")

            def _send_file(self, data: bytes):
                found = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", ""))
                if not found:
                    return self.send_body(200, data, "application/octet-stream", {"Accept-Ranges": "bytes"})
                first = int(found.group(1))
                last = min(int(found.group(2)) if found.group(2) else len(data) - 1, len(data) - 1)
                return self.send_body(206, data[first:last + 1], "application/octet-stream",
                                      {"Content-Range": "bytes {}-{}/{}".format(first, last, len(data))})
        return Handler
