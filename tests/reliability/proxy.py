"""A fault-injecting HTTP reverse proxy on loopback, in front of any simulator.

Every provider's client is pointed at ``http://127.0.0.1:<proxy>/<tag>`` instead of
the simulator; the proxy strips ``/<tag>``, forwards the request to the simulator
and relays the answer -- or breaks it.  The *tag* names who is asking (one tag per
job in the fault campaigns, one per kind in the restart test), so the proxy keeps a
separate, ordered log of attempts per tag.  Absolute URLs of the simulator inside
text answers (result links, eodag download links) are rewritten to go through the
proxy under the same tag, so that every byte a job receives passes here.

Faults (:class:`FaultRates`), drawn per request from ``random.Random`` seeded with
``"<seed>:<tag>:<method>:<path with ids masked>:<n-th such request>"`` -- so which
request of a job gets which fault does not depend on thread timing, and a seed
reproduces a campaign:

* before forwarding (the service never sees the request; safe for every method):
  ``429`` (Google JSON error body, ``Retry-After`` absent, 0, 1 or 2 s), ``503``
  (JSON body), ``500`` with **no body**, ``stall`` (no answer until the client gives up);
* after forwarding, on GET answers only (a lost answer to a POST would make the
  service act twice -- only where the provider marks a POST idempotent, e.g. Earth
  Engine's ``image:export`` with its ``requestId``, is ``lost`` applied to it):
  ``drop`` (headers and a random part of the body, then a TCP reset), ``truncate``
  (the same with a clean close), ``stall_body`` (part of the body, then silence),
  ``lost`` (the service acted; the client gets a reset and no answer);
* on bodies that can be checked: ``corrupt_zip`` (one byte of a zip member flipped:
  its CRC no longer matches) and ``short_zip`` (the first part of a zip served as if
  it were all of it, with a matching Content-Length); ``corrupt_checksummed`` (a byte
  flipped in a body whose ``x-goog-hash`` / ``Content-MD5`` announces its checksum).
  Bodies without any checksum are never corrupted: no client could tell.

Gates (:class:`Gate`) hold chosen requests -- before forwarding, or after half of the
answer's body -- until released; the restart test uses them to stop jobs at a
known phase before killing the process.
"""
import http.client
import json
import random
import re
import socket
import struct
import threading
import time
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Dict, List, Optional, Tuple
from urllib.parse import urlsplit

PRE_FAULTS = ("429", "503", "500_empty", "stall")
BODY_FAULTS = ("drop", "truncate", "stall_body")
CHECKED_FAULTS = ("corrupt_zip", "short_zip", "corrupt_checksummed")
ALL_FAULTS = PRE_FAULTS + BODY_FAULTS + ("lost",) + CHECKED_FAULTS

_ID_RE = re.compile(r"(?<=/)(?:[0-9a-fA-F-]{16,}|[0-9]{4,}|[A-Za-z0-9_-]{24,})(?=/|:|$)")
_HOP_HEADERS = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
                "transfer-encoding", "upgrade", "content-length"}


def mask_ids(path: str) -> str:
    """``/api/gdw/api/0f3c...`` -> ``/api/gdw/api/*``: the same endpoint whatever the id."""
    return _ID_RE.sub("*", path)


@dataclass
class FaultRates:
    """Probability of each fault per request (pre), per GET answer (body) and per checkable body."""

    pre: Dict[str, float] = field(default_factory=lambda: {"429": 0.06, "503": 0.05, "500_empty": 0.03,
                                                           "stall": 0.02})
    body: Dict[str, float] = field(default_factory=lambda: {"drop": 0.08, "truncate": 0.05, "stall_body": 0.02})
    checked: Dict[str, float] = field(default_factory=lambda: {"corrupt_zip": 0.06, "short_zip": 0.04,
                                                               "corrupt_checksummed": 0.06})
    lost_post: float = 0.08          # only on POSTs the provider marks idempotent

    def scaled(self, factor: float) -> "FaultRates":
        return FaultRates({k: min(0.9, v * factor) for k, v in self.pre.items()},
                          {k: min(0.9, v * factor) for k, v in self.body.items()},
                          {k: min(0.9, v * factor) for k, v in self.checked.items()},
                          min(0.9, self.lost_post * factor))


NO_FAULTS = FaultRates({}, {}, {}, 0.0)


@dataclass
class Attempt:
    """One request as the proxy saw it."""

    tag: str
    method: str
    path: str                  # without the tag and the query
    endpoint: str              # path with ids masked
    occurrence: int            # n-th request of (tag, method, endpoint), from 0
    fault: Optional[str]       # injected fault, or None
    status: Optional[int] = None     # status sent to the client (None: no status line)
    forwarded: bool = False    # whether the simulator saw the request
    body: bytes = b""          # request body (for gates/tests)
    time: float = 0.0
    kind: str = ""             # "json" (JSON/text answer) or "file", once an answer came
    gate: str = ""             # the gate that held it, if any

    @property
    def failed(self) -> bool:
        """The client did not get a usable answer (fault injected or error status relayed)."""
        if self.fault is not None:
            return True
        return self.status is not None and (self.status == 429 or self.status >= 500)


class Gate:
    """Hold the first request(s) matching ``match(attempt)``; ``where`` "request" or "body".

    "request": the request waits before being forwarded (the service has not seen it).
    "response": forwarded (the service acted), then nothing is sent back: a lost answer.
    "body": forwarded; the answer's headers and half of its body are sent, then a
    pause and one more byte (so the client hands what it has to its file), then it waits.
    """

    def __init__(self, name: str, match: Callable[[Attempt], bool], where: str = "request", count: int = 1,
                 skip: int = 0):
        self.name = name
        self.match = match
        self.where = where
        self.left = count
        self.skip = skip                    # matching requests let through before holding
        self.held = threading.Event()       # set once a request is held
        self.release = threading.Event()
        self.attempts: List[Attempt] = []

    def take(self, attempt: Attempt) -> bool:
        if self.left <= 0 or not self.match(attempt):
            return False
        if self.skip > 0:
            self.skip -= 1
            return False
        self.left -= 1
        self.attempts.append(attempt)
        attempt.gate = self.name
        return True


def _flip_in_zip(body: bytes, rng: random.Random) -> Optional[bytes]:
    """The zip with one byte of its first non-empty member's data flipped (CRC mismatch), or None."""
    if body[:4] != b"PK\x03\x04" or len(body) < 64:
        return None
    pos = 0
    while body[pos:pos + 4] == b"PK\x03\x04":
        flags, method = struct.unpack_from("<HH", body, pos + 6)
        csize = struct.unpack_from("<I", body, pos + 18)[0]
        name_len, extra_len = struct.unpack_from("<HH", body, pos + 26)
        start = pos + 30 + name_len + extra_len
        if flags & 0x08 or csize in (0, 0xFFFFFFFF):
            return None
        if csize > 8:
            data = bytearray(body)
            offset = start + rng.randrange(2, csize - 2)
            data[offset] ^= 0x5A
            return bytes(data)
        pos = start + csize
    return None


def _flip(body: bytes, rng: random.Random) -> bytes:
    data = bytearray(body)
    data[rng.randrange(len(data))] ^= 0x01
    return bytes(data)


class FaultProxy(ThreadingHTTPServer):
    """Reverse proxy with fault injection.  ``with FaultProxy(upstream, seed) as p: p.url_for(tag)``.

    ``rates_for(tag) -> FaultRates`` chooses the faults per tag (default: none);
    ``idempotent_post(path) -> bool`` says which POSTs may lose their answer;
    ``error_body(status) -> (bytes, content type)`` the body of injected errors.
    """

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, upstream: str, seed: int = 0, rates_for: Optional[Callable[[str], FaultRates]] = None,
                 idempotent_post: Optional[Callable[[str], bool]] = None,
                 error_body: Optional[Callable[[int], Tuple[bytes, str]]] = None, upstream_timeout: float = 60.0):
        super().__init__(("127.0.0.1", 0), _Handler)
        parts = urlsplit(upstream)
        self.upstream = upstream.rstrip("/")
        self.upstream_host = parts.hostname
        self.upstream_port = parts.port or 80
        self.seed = seed
        self.rates_for = rates_for or (lambda tag: NO_FAULTS)
        self.idempotent_post = idempotent_post or (lambda path: False)
        self.error_body = error_body or _google_error
        self.upstream_timeout = upstream_timeout
        self.lock = threading.Lock()
        self.attempts: Dict[str, List[Attempt]] = {}
        self._occurrences: Dict[Tuple[str, str, str], int] = {}
        self.gates: List[Gate] = []
        self.stopping = threading.Event()
        self._thread: Optional[threading.Thread] = None

    # -- lifecycle ------------------------------------------------------------------
    @property
    def url(self) -> str:
        return "http://127.0.0.1:{}".format(self.server_address[1])

    def url_for(self, tag: str) -> str:
        return "{}/{}".format(self.url, tag)

    def start(self) -> "FaultProxy":
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="fault-proxy", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        for gate in self.gates:
            gate.release.set()
        self.shutdown()
        self.server_close()
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False

    def handle_error(self, request, client_address):  # clients that go away are part of the game
        pass

    # -- bookkeeping ----------------------------------------------------------------
    def add_gate(self, gate: Gate) -> Gate:
        with self.lock:
            self.gates.append(gate)
        return gate

    def log_of(self, tag: str) -> List[Attempt]:
        with self.lock:
            return list(self.attempts.get(tag, []))

    def all_attempts(self) -> List[Attempt]:
        with self.lock:
            return [a for items in self.attempts.values() for a in items]

    def _record(self, tag: str, method: str, path: str, body: bytes) -> Tuple[Attempt, random.Random]:
        endpoint = mask_ids(path)
        with self.lock:
            key = (tag, method, endpoint)
            occurrence = self._occurrences.get(key, 0)
            self._occurrences[key] = occurrence + 1
            attempt = Attempt(tag, method, path, endpoint, occurrence, None, body=body, time=time.time())
            self.attempts.setdefault(tag, []).append(attempt)
        rng = random.Random("{}:{}:{}:{}:{}".format(self.seed, tag, method, endpoint, occurrence))
        return attempt, rng

    def gate_for(self, attempt: Attempt, where: str) -> Optional[Gate]:
        with self.lock:
            for gate in self.gates:
                if gate.where == where and gate.take(attempt):
                    return gate
        return None


def _google_error(status: int) -> Tuple[bytes, str]:
    names = {429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE"}
    messages = {429: "Quota exceeded: too many requests (injected by the reliability proxy).",
                503: "The service is currently unavailable (injected by the reliability proxy).",
                500: "Internal error encountered (injected by the reliability proxy)."}
    body = {"error": {"code": status, "message": messages.get(status, "Injected error"),
                      "status": names.get(status, "UNKNOWN")}}
    return json.dumps(body).encode("utf-8"), "application/json; charset=UTF-8"


def _pick(rng: random.Random, rates: Dict[str, float]) -> Optional[str]:
    draw = rng.random()
    for name, p in rates.items():
        if draw < p:
            return name
        draw -= p
    return None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ReliabilityProxy/1.0"

    def log_message(self, fmt, *args):
        pass

    def do_GET(self):
        self._proxy()

    def do_POST(self):
        self._proxy()

    def do_PUT(self):
        self._proxy()

    def do_DELETE(self):
        self._proxy()

    def do_HEAD(self):
        self._proxy()

    # -- helpers ----------------------------------------------------------------------
    def _client_gone(self) -> bool:
        import select
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            if readable:
                return self.connection.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True
        return False

    def _wait(self, event: Optional[threading.Event] = None, limit: float = 600.0) -> None:
        """Block until ``event`` is set, the client goes away or the proxy stops."""
        end = time.monotonic() + limit
        while not self.server.stopping.is_set() and time.monotonic() < end:
            if event is not None and event.is_set():
                return
            if self._client_gone():
                return
            time.sleep(0.02)

    def _reset(self) -> None:
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass

    def _close_clean(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def _send(self, status: int, headers: List[Tuple[str, str]], body: bytes, length: Optional[int] = None) -> None:
        self.send_response(status)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()

    # -- the proxy --------------------------------------------------------------------
    def _proxy(self) -> None:
        server: FaultProxy = self.server
        parts = urlsplit(self.path)
        segments = parts.path.split("/", 2)
        tag = segments[1] if len(segments) > 1 else ""
        rest = "/" + (segments[2] if len(segments) > 2 else "")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        attempt, rng = server._record(tag, self.command, rest, body)
        rates = server.rates_for(tag)

        gate = server.gate_for(attempt, "request")
        if gate is not None:
            gate.held.set()
            self._wait(gate.release)
            if not gate.release.is_set():
                attempt.fault = "held"
                self.close_connection = True
                return

        fault = _pick(rng, rates.pre)
        if fault is not None:
            attempt.fault = fault
            if fault == "stall":
                self._wait(limit=120.0)
                self.close_connection = True
                return
            status = {"429": 429, "503": 503, "500_empty": 500}[fault]
            headers = []
            if fault == "500_empty":
                payload, ctype = b"", "text/plain"
            else:
                payload, ctype = server.error_body(status)
            headers.append(("Content-Type", ctype))
            if fault == "429":
                retry_after = rng.choice([None, "0", "1", "2"])
                if retry_after is not None:
                    headers.append(("Retry-After", retry_after))
            attempt.status = status
            self._send(status, headers, payload)
            self.wfile.write(payload)
            return

        # forward
        forward_path = rest + ("?" + parts.query if parts.query else "")
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_HEADERS and k.lower() != "host"}
        headers["Host"] = "{}:{}".format(server.upstream_host, server.upstream_port)
        headers["Connection"] = "close"
        try:
            conn = http.client.HTTPConnection(server.upstream_host, server.upstream_port,
                                              timeout=server.upstream_timeout)
            conn.request(self.command, forward_path, body=body if body or self.command in ("POST", "PUT") else None,
                         headers=headers)
            upstream = conn.getresponse()
            payload = upstream.read() if self.command != "HEAD" else b""
            status, reason = upstream.status, upstream.reason
            up_headers = [(k, v) for k, v in upstream.getheaders() if k.lower() not in _HOP_HEADERS]
            conn.close()
        except (OSError, http.client.HTTPException) as exc:
            attempt.fault = "upstream_error"
            payload = json.dumps({"error": {"code": 502, "message": "proxy: {}".format(exc)}}).encode()
            attempt.status = 502
            self._send(502, [("Content-Type", "application/json")], payload)
            self.wfile.write(payload)
            return
        attempt.forwarded = True

        # rewrite simulator URLs in text answers
        ctype = dict((k.lower(), v) for k, v in up_headers).get("content-type", "")
        attempt.kind = "json" if ("json" in ctype or ctype.startswith("text/")) else "file"
        if payload and ("json" in ctype or ctype.startswith("text/") or "xml" in ctype):
            target = server.upstream.encode()
            if target in payload:
                payload = payload.replace(target, server.url_for(tag).encode())
        location = [(k, v) for k, v in up_headers if k.lower() == "location"]
        if location:
            up_headers = [(k, v.replace(server.upstream, server.url_for(tag))) if k.lower() == "location" else (k, v)
                          for k, v in up_headers]

        gate = server.gate_for(attempt, "response")
        if gate is not None:
            gate.held.set()
            self._wait(gate.release)
            if not gate.release.is_set():
                attempt.fault = "held"
                self._reset()
                return

        lost = self.command == "POST" and server.idempotent_post(rest) and rng.random() < rates.lost_post
        if lost:
            attempt.fault = "lost"
            self._reset()
            return

        body_fault = None
        announced = len(payload)
        if self.command == "GET" and status in (200, 206) and payload:
            checked = _pick(rng, rates.checked)
            header_names = {k.lower() for k, _ in up_headers}
            if checked == "corrupt_zip" or checked == "short_zip":
                if payload[:4] == b"PK\x03\x04" and status == 200:
                    if checked == "corrupt_zip":
                        flipped = _flip_in_zip(payload, rng)
                        if flipped is not None:
                            payload, body_fault = flipped, checked
                    else:
                        payload, body_fault = payload[:max(22, int(len(payload) * rng.uniform(0.3, 0.9)))], checked
                        announced = len(payload)
            elif checked == "corrupt_checksummed" and len(payload) > 16 and (
                    "x-goog-hash" in header_names or "content-md5" in header_names):
                payload, body_fault = _flip(payload, rng), checked
            if body_fault is None:
                body_fault = _pick(rng, rates.body)
        attempt.fault = body_fault
        attempt.status = status

        gate = server.gate_for(attempt, "body") if self.command == "GET" and status in (200, 206) else None
        self.send_response(status, reason)
        for key, value in up_headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(announced))
        if body_fault in ("drop", "truncate"):
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command == "HEAD":
            return
        try:
            if gate is not None:
                half = max(1, len(payload) // 2)
                self.wfile.write(payload[:half])
                self.wfile.flush()
                time.sleep(0.3)
                self.wfile.write(payload[half:half + 1])
                self.wfile.flush()
                gate.held.set()
                self._wait(gate.release)
                if not gate.release.is_set():
                    self._reset()
                    return
                self.wfile.write(payload[half + 1:])
                return
            if body_fault in BODY_FAULTS:
                cut = rng.randint(0, max(0, len(payload) - 1))
                self.wfile.write(payload[:cut])
                self.wfile.flush()
                if body_fault == "drop":
                    self._reset()
                elif body_fault == "truncate":
                    self._close_clean()
                else:
                    self._wait(limit=120.0)
                    self.close_connection = True
                return
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True


