"""Loopback fault-injection HTTP file server for the transfer engine's tests and benchmark.

A :class:`FaultServer` serves :class:`Resource` objects (bytes in memory or a
file on disk) like a real static file server does: ``Content-Length``,
``ETag``, ``Last-Modified``, ``Accept-Ranges``, ``Range`` / ``If-Range`` with
206 / 416, optional ``Content-MD5`` and ``x-goog-hash`` (correct or wrong) and
``Content-Disposition``.  Each resource carries a list of :class:`Fault` objects
applied to its successive requests (one per request, then normal service, or
``always`` for every request):

* ``Fault.drop(at)``       headers, then ``at`` body bytes (an int, a fraction of
                           the body, or None for a seeded random offset), then a
                           connection reset
* ``Fault.truncate(at)``   the same but a clean close (Content-Length larger than sent)
* ``Fault.wrong_length(d)`` Content-Length off by ``d`` (body sent in full, then close)
* ``Fault.status(code, retry_after=..., body=...)`` an error status (429, 503, 403 ...)
* ``Fault.stall(at)``      ``at`` body bytes (``before_headers=True``: nothing at all),
                           then silence until the client goes away
* ``Fault.html(title)``    a 200 ``text/html`` error page instead of the file
* ``Fault.trickle(every)``  one byte every ``every`` seconds until the client goes away:
                           of the body after the headers, or (``before_headers=True``) of
                           the status line itself, so no read timeout ever trips

Resources can ignore ``Range`` (``ranges=False``: always 200) and change their
ETag on every request (``change_etag=True``).  The server counts requests and
body bytes sent per path.  ``FaultServer.fallback``, when set, is the resource of every
path that has none (a server that stalls whatever is asked).  POST, PUT, PATCH and
DELETE are answered like GET once the request body is read (an API endpoint that stalls).

:func:`html_page` and :func:`sample_bytes` make bodies a hostile server sends in place of
a file.  Archive builders (:func:`zip_bytes`, :func:`zip_slip`, :func:`zip_absolute`,
:func:`zip_symlink`, :func:`zip_bomb`, :func:`zip_forged_size`,
:func:`truncated`) make the hostile archives.

Standalone: ``python -m tests.sims.faults --port 8000 --file PATH [--fault drop@0.5]``.
"""
import argparse
import base64
import email.utils
import hashlib
import io
import json
import os
import random
import re
import select
import socket
import struct
import threading
import time
import zipfile
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Dict, List, Optional, Union
from urllib.parse import urlsplit

from tests.sims.loopback import LoopbackHTTPServer

try:  # optional, for x-goog-hash crc32c
    import crcmod.predefined as _crcmod_predefined  # type: ignore
    _CRC32C = _crcmod_predefined.mkCrcFun("crc-32c")
except Exception:  # pragma: no cover - depends on the environment
    _CRC32C = None


@dataclass
class Fault:
    kind: str
    at: Union[None, int, float] = None
    status_code: int = 503
    retry_after: Optional[str] = None
    body: Optional[Union[bytes, str]] = None
    content_type: str = "application/json"
    headers: Dict[str, str] = field(default_factory=dict)
    delta: int = 0
    before_headers: bool = False
    title: str = "Service error"

    @classmethod
    def drop(cls, at=None):
        return cls("drop", at=at)

    @classmethod
    def truncate(cls, at=None):
        return cls("truncate", at=at)

    @classmethod
    def wrong_length(cls, delta):
        return cls("wrong_length", delta=delta)

    @classmethod
    def status(cls, code, retry_after=None, body=None, content_type="application/json", headers=None):
        return cls("status", status_code=code, retry_after=retry_after, body=body, content_type=content_type,
                   headers=dict(headers or {}))

    @classmethod
    def stall(cls, at=0, before_headers=False):
        return cls("stall", at=at, before_headers=before_headers)

    @classmethod
    def html(cls, title="Service error", body=None):
        return cls("html", title=title, body=body)

    @classmethod
    def trickle(cls, every=2.0, before_headers=False):
        return cls("trickle", at=every, before_headers=before_headers)


class Resource:
    """A file the server serves, with its headers and its fault plan."""

    def __init__(self, data: Optional[bytes] = None, path: Optional[str] = None,
                 content_type: str = "application/octet-stream", etag: Union[bool, str] = True,
                 last_modified: Union[bool, str] = True, ranges: bool = True, content_md5: Optional[str] = None,
                 goog_hash: Optional[str] = None, disposition: Optional[str] = None,
                 faults: Optional[List[Optional[Fault]]] = None, always: Optional[Fault] = None,
                 change_etag: bool = False, seed: int = 0, headers: Optional[Dict[str, str]] = None,
                 delay: float = 0.0, chunked: bool = False, gzip_encoding: bool = False):
        if (data is None) == (path is None):
            raise ValueError("give data or path")
        self.data = data
        self.path = path
        self.size = len(data) if data is not None else os.path.getsize(path)
        self.content_type = content_type
        self._md5: Optional[bytes] = None
        self._crc: Optional[int] = None
        if etag is True:
            self.etag = '"{}"'.format(hashlib.sha1(
                (data[:65536] if data is not None else path.encode()) + str(self.size).encode()).hexdigest()[:16])
        else:
            self.etag = etag or None
        if last_modified is True:
            self.last_modified = email.utils.formatdate(time.time() - 3600, usegmt=True)
        else:
            self.last_modified = last_modified or None
        self.ranges = ranges
        self.content_md5 = content_md5     # None, "good", "bad"
        self.goog_hash = goog_hash         # None, "good", "bad-md5", "bad-crc32c", "crc32c-only"
        self.disposition = disposition
        self.faults = list(faults or [])
        self.always = always
        self.change_etag = change_etag
        self.rng = random.Random(seed)
        self.extra_headers = dict(headers or {})
        self.delay = delay                 # seconds to wait before answering (slow server)
        self.chunked = chunked             # full responses use Transfer-Encoding: chunked
        self.gzip_wire = None              # Content-Encoding: gzip (ranges ignored)
        if gzip_encoding:
            import gzip
            self.gzip_wire = gzip.compress(self.read(0, self.size), compresslevel=1)
            self.ranges = False
        self.requests = 0
        self.lock = threading.Lock()

    def read(self, start: int, end: int) -> bytes:
        if self.data is not None:
            return self.data[start:end]
        with open(self.path, "rb") as handle:
            handle.seek(start)
            return handle.read(end - start)

    def chunks(self, start: int, end: int, size: int = 1 << 20):
        if self.data is not None:
            view = memoryview(self.data)
            for pos in range(start, end, size):
                yield view[pos:min(end, pos + size)]
            return
        with open(self.path, "rb") as handle:
            handle.seek(start)
            pos = start
            while pos < end:
                chunk = handle.read(min(size, end - pos))
                if not chunk:
                    return
                pos += len(chunk)
                yield chunk

    def md5(self) -> bytes:
        if self._md5 is None:
            digest = hashlib.md5()
            for chunk in self.chunks(0, self.size):
                digest.update(chunk)
            self._md5 = digest.digest()
        return self._md5

    def crc32c(self) -> Optional[int]:
        if _CRC32C is None:
            return None
        if self._crc is None:
            crc = 0
            for chunk in self.chunks(0, self.size):
                crc = _CRC32C(bytes(chunk), crc)
            self._crc = crc
        return self._crc

    def next_fault(self) -> Optional[Fault]:
        with self.lock:
            self.requests += 1
            if self.faults:
                return self.faults.pop(0)
            return self.always

    def current_etag(self) -> Optional[str]:
        if self.etag and self.change_etag:
            return '"{}-{}"'.format(self.etag.strip('"'), self.requests)
        return self.etag


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FaultServer/1.0"

    def log_message(self, fmt, *args):  # quiet
        if self.server.verbose:
            super().log_message(fmt, *args)

    # -- helpers
    def _send_simple(self, status: int, body: bytes, content_type: str, headers=None, close=False):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _client_gone(self) -> bool:
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            if readable:
                return self.connection.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True
        return False

    def _stall(self):
        while not self.server.stopping.is_set():
            if self._client_gone():
                break
            time.sleep(0.05)
        self.server.stalls_ended += 1
        self.close_connection = True

    def _trickle(self, data: bytes, every: float):
        """Send ``data`` one byte every ``every`` seconds (then silence) until the client goes away."""
        pos = 0
        while not self.server.stopping.is_set() and not self._client_gone():
            if pos < len(data):
                try:
                    self.wfile.write(data[pos:pos + 1])
                    self.wfile.flush()
                except OSError:
                    break
                pos += 1
            deadline = time.monotonic() + every
            while time.monotonic() < deadline and not self.server.stopping.is_set() and not self._client_gone():
                time.sleep(0.05)
        self.server.stalls_ended += 1
        self.close_connection = True

    def _abort(self, reset: bool):
        self.close_connection = True
        try:
            if reset:
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            else:
                self.connection.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    # -- verbs
    def do_HEAD(self):
        self.do_GET()

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.do_GET()

    do_PUT = do_PATCH = do_DELETE = do_POST

    def do_GET(self):
        server = self.server
        with server.lock:
            server.active += 1
            server.max_active = max(server.max_active, server.active)
        try:
            self._get()
        finally:
            with server.lock:
                server.active -= 1

    def _get(self):
        path = urlsplit(self.path).path
        server = self.server
        with server.lock:
            server.log.append({"method": self.command, "path": path, "raw_path": self.path,
                               "headers": dict(self.headers.items())})
            server.counts[path] = server.counts.get(path, 0) + 1
        resource = server.resources.get(path, server.fallback)
        if resource is None:
            body = json.dumps({"error": {"code": 404, "message": "No such file: {}".format(path),
                                         "status": "NOT_FOUND"}}).encode()
            self._send_simple(404, body, "application/json")
            return
        fault = resource.next_fault()
        if resource.delay:
            time.sleep(resource.delay)
        query_fault = _fault_from_query(self.path)
        if query_fault is not None:
            fault = query_fault
        if fault is not None and fault.kind == "status":
            body = fault.body
            if body is None:
                body = json.dumps({"error": {"code": fault.status_code, "message": "Injected error {}".format(
                    fault.status_code), "status": "UNAVAILABLE"}})
            headers = dict(fault.headers)
            if fault.retry_after is not None:
                headers["Retry-After"] = fault.retry_after
            self._send_simple(fault.status_code, body.encode() if isinstance(body, str) else body,
                              fault.content_type, headers)
            return
        if fault is not None and fault.kind == "html":
            body = fault.body or ("<!DOCTYPE html><html><head><title>{0}</title></head><body><h1>{0}</h1>"
                                  "<p>Please sign in again.</p></body></html>").format(fault.title)
            self._send_simple(200, body.encode(), "text/html; charset=utf-8")
            return
        if fault is not None and fault.kind == "stall" and fault.before_headers:
            self._stall()
            return
        if fault is not None and fault.kind == "trickle" and fault.before_headers:
            self._trickle(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n", float(fault.at))
            return

        size = resource.size if resource.gzip_wire is None else len(resource.gzip_wire)
        etag = resource.current_etag()
        start, end, status = 0, size, 200
        range_header = self.headers.get("Range")
        if range_header and resource.ranges:
            match = re.fullmatch(r"\s*bytes=(\d+)-(\d*)\s*", range_header)
            if_range = self.headers.get("If-Range")
            valid = if_range is None or if_range in (etag, resource.last_modified)
            if match and valid:
                first = int(match.group(1))
                last = int(match.group(2)) if match.group(2) else size - 1
                if first >= size:
                    self._send_simple(416, b"", "text/plain", {"Content-Range": "bytes */{}".format(size)})
                    return
                start, end, status = first, min(last, size - 1) + 1, 206
        length = end - start
        announced = length + (fault.delta if fault is not None and fault.kind == "wrong_length" else 0)
        chunked = resource.chunked and status == 200
        self.send_response(status)
        self.send_header("Content-Type", resource.content_type)
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(max(0, announced)))
        if resource.gzip_wire is not None:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Accept-Ranges", "bytes" if resource.ranges else "none")
        if etag:
            self.send_header("ETag", etag)
        if resource.last_modified:
            self.send_header("Last-Modified", resource.last_modified)
        if status == 206:
            self.send_header("Content-Range", "bytes {}-{}/{}".format(start, end - 1, size))
        if resource.disposition:
            self.send_header("Content-Disposition", resource.disposition)
        if resource.content_md5 and status == 200:
            md5 = resource.md5()
            if resource.content_md5 == "bad":
                md5 = hashlib.md5(b"not the file").digest()
            self.send_header("Content-MD5", _b64(md5))
        if resource.goog_hash:
            parts = []
            crc = resource.crc32c()
            if crc is not None or resource.goog_hash in ("bad-crc32c", "crc32c-only"):
                value = crc if crc is not None else 0
                if resource.goog_hash == "bad-crc32c":
                    value = (value ^ 0x5A5A5A5A) & 0xFFFFFFFF
                parts.append("crc32c=" + _b64(value.to_bytes(4, "big")))
            if resource.goog_hash != "crc32c-only":
                md5 = resource.md5()
                if resource.goog_hash == "bad-md5":
                    md5 = hashlib.md5(b"not the file").digest()
                parts.append("md5=" + _b64(md5))
            self.send_header("x-goog-hash", ",".join(parts))
        for key, value in resource.extra_headers.items():
            self.send_header(key, value)
        if fault is not None and fault.kind in ("drop", "truncate", "wrong_length"):
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command == "HEAD":
            return

        if fault is not None and fault.kind == "trickle":
            self._trickle(resource.read(start, end), float(fault.at))
            return
        cut = None
        if fault is not None and fault.kind in ("drop", "truncate", "stall"):
            at = fault.at
            if at is None:
                at = resource.rng.randint(1, max(1, length - 1))
            elif isinstance(at, float):
                at = int(length * at)
            cut = max(0, min(int(at), length))
        sent = 0
        if resource.gzip_wire is not None:
            pieces = (memoryview(resource.gzip_wire)[pos:pos + 65536] for pos in range(start, end, 65536))
        else:
            pieces = resource.chunks(start, end, 65536 if chunked else 1 << 20)
        try:
            for chunk in pieces:
                if cut is not None and sent + len(chunk) > cut:
                    chunk = chunk[:cut - sent]
                if chunk:
                    if chunked:
                        self.wfile.write(b"%x\r\n" % len(chunk) + bytes(chunk) + b"\r\n")
                    else:
                        self.wfile.write(chunk)
                    sent += len(chunk)
                    with server.lock:
                        server.bytes_sent[path] = server.bytes_sent.get(path, 0) + len(chunk)
                if cut is not None and sent >= cut:
                    break
                if server.stopping.is_set():
                    break
            if chunked and (fault is None or fault.kind not in ("drop", "truncate", "stall")):
                self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True
            return
        if fault is None:
            return
        if fault.kind == "stall":
            self._stall()
        elif fault.kind == "drop":
            self._abort(reset=True)
        elif fault.kind in ("truncate", "wrong_length"):
            self._abort(reset=False)


def _fault_from_query(raw_path: str) -> Optional[Fault]:
    """``?fault=drop@0.5`` / ``truncate@1000`` / ``status@503`` / ``stall@0`` / ``html`` (standalone use)."""
    query = urlsplit(raw_path).query
    match = re.search(r"(?:^|&)fault=([a-z_]+)(?:@([0-9.]+))?", query)
    if not match:
        return None
    kind, arg = match.group(1), match.group(2)
    number = None
    if arg:
        number = float(arg) if "." in arg else int(arg)
    if kind == "status":
        return Fault.status(int(number or 503))
    if kind == "html":
        return Fault.html()
    if kind in ("drop", "truncate", "stall"):
        return Fault(kind, at=number)
    if kind == "wrong_length":
        return Fault.wrong_length(int(number or 0))
    return None


class FaultServer(LoopbackHTTPServer):
    allow_reuse_address = True

    def __init__(self, host: str = "127.0.0.1", port: int = 0, verbose: bool = False):
        super().__init__((host, port), _Handler)
        self.resources: Dict[str, Resource] = {}
        self.fallback: Optional[Resource] = None     # the resource of every other path
        self.lock = threading.Lock()
        self.log: List[dict] = []
        self.counts: Dict[str, int] = {}
        self.bytes_sent: Dict[str, int] = {}
        self.stopping = threading.Event()
        self.stalls_ended = 0
        self.active = 0
        self.max_active = 0
        self.verbose = verbose
        self._thread: Optional[threading.Thread] = None

    def handle_error(self, request, client_address):
        import sys
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError, OSError)) and not self.verbose:
            return   # clients that go away are part of the game here
        super().handle_error(request, client_address)

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return "http://{}:{}".format(host, port)

    def url(self, path: str) -> str:
        return self.base_url + path

    def add(self, path: str, resource: Resource) -> str:
        self.resources[path] = resource
        return self.url(path)

    def requests_for(self, path: str) -> List[dict]:
        with self.lock:
            return [entry for entry in self.log if entry["path"] == path]

    def start(self) -> "FaultServer":
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="fault-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False


# --------------------------------------------------------------------------- archives

def zip_bytes(members: Dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_slip() -> bytes:
    return zip_bytes({"good.txt": b"fine", "../evil.txt": b"escaped"})


def zip_absolute() -> bytes:
    return zip_bytes({"good.txt": b"fine", "/tmp/eo_downloader_evil.txt": b"absolute"})


def zip_symlink(target: str = "/etc/passwd") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("good.txt", b"fine")
        info = zipfile.ZipInfo("link")
        info.create_system = 3
        info.external_attr = (0o120777 << 16)
        archive.writestr(info, target)
    return buffer.getvalue()


def zip_bomb(size: int = 64 * 1024 * 1024) -> bytes:
    """One member of ``size`` zero bytes (ratio ~1000:1)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("zeros.bin")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=size > 2 ** 31) as member:
            block = bytes(1 << 20)
            left = size
            while left > 0:
                member.write(block[:min(left, len(block))])
                left -= len(block)
    return buffer.getvalue()


def zip_forged_size(real: bytes = b"A" * 100000, claimed: int = 10) -> bytes:
    """A member whose headers claim ``claimed`` bytes while its data inflates to ``len(real)``."""
    data = bytearray(zip_bytes({"liar.bin": real}))
    # local header: signature(4) ver(2) flag(2) method(2) time(2) date(2) crc(4) csize(4) usize(4)
    assert data[:4] == b"PK\x03\x04"
    struct.pack_into("<I", data, 22, claimed)
    central = data.find(b"PK\x01\x02")
    # central header: sig(4) made(2) need(2) flag(2) method(2) time(2) date(2) crc(4) csize(4) usize(4)
    struct.pack_into("<I", data, central + 24, claimed)
    return bytes(data)


def truncated(data: bytes, keep: float = 0.6) -> bytes:
    return data[:int(len(data) * keep)]


def html_page(title: str = "Access denied", text: str = "Your session has expired. Please sign in again.",
              prolog: str = "") -> bytes:
    """A short HTML error page as proxies, captive portals and sign-in walls send (about 230 bytes).

    ``prolog``: what comes before ``<html>`` in some of them, e.g. a byte order mark
    ``"\ufeff"``, an XML declaration or an HTML comment."""
    page = ("{}<html><head><meta charset=\"utf-8\"><title>{}</title></head>"
            "<body><h1>{}</h1><p>{}</p></body></html>\n").format(prolog, title, title, text)
    return page.encode("utf-8")


def sample_bytes(size: int, seed: int = 1) -> bytes:
    """Deterministic pseudo-random bytes (fast)."""
    return random.Random(seed).randbytes(size)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Serve files with injected faults.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--file", action="append", default=[], help="file to serve as /<basename>")
    parser.add_argument("--size-mib", type=int, default=16, help="size of the built-in /sample.bin")
    parser.add_argument("--fault", action="append", default=[],
                        help="faults for the first requests, e.g. drop@0.5, status@503, truncate@1000")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    faults = [_fault_from_query("fault=" + spec) for spec in args.fault]
    server = FaultServer(args.host, args.port, verbose=args.verbose)
    server.add("/sample.bin", Resource(sample_bytes(args.size_mib * 1024 * 1024), faults=list(faults),
                                       goog_hash="good", content_md5="good"))
    for path in args.file:
        server.add("/" + os.path.basename(path), Resource(path=path, faults=list(faults)))
    print("serving on {} : {}".format(server.base_url, ", ".join(sorted(server.resources))), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()


# --------------------------------------------------------------------------- a recording server

class Recorder:
    """A loopback server that records every request (method, path, query, headers, body) and
    answers from :attr:`routes`: ``path -> (status, headers, body, content_type)``; other paths
    get 200 ``{"ok": true}``.  :meth:`redirect` makes a path answer a redirect.  Used as the
    origin that redirects and as the *hostile* host a redirect points to (another port, so
    another origin), which must never receive a secret.
    """

    def __init__(self):
        from tests.sims.loopback import LoopbackServer, QuietHandler
        recorder = self
        self.requests: List[dict] = []
        self.routes: Dict[str, tuple] = {}
        self.lock = threading.Lock()

        class Handler(QuietHandler):
            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                with recorder.lock:
                    recorder.requests.append({"method": self.command, "path": parts.path, "query": parts.query,
                                              "headers": {k.lower(): v for k, v in self.headers.items()},
                                              "body": body})
                    route = recorder.routes.get(parts.path)
                status, headers, data, ctype = route or (200, {}, b'{"ok": true}', "application/json")
                self.send_body(status, data, ctype, headers)

            do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = _any

        class Server(LoopbackServer):
            thread_name = "recorder"

            def handler(self):
                return Handler

        self.server = Server()

    def start(self) -> "Recorder":
        self.server.start()
        return self

    def stop(self) -> None:
        self.server.stop()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    @property
    def url(self) -> str:
        return self.server.url

    def redirect(self, path: str, status: int, location: str) -> None:
        self.routes[path] = (status, {"Location": location}, b"", "text/plain")

    def answer(self, path: str, body: bytes, status: int = 200, content_type: str = "application/json",
               headers: Optional[Dict[str, str]] = None) -> None:
        self.routes[path] = (status, dict(headers or {}), body, content_type)

    def everything(self) -> bytes:
        """All that arrived, as bytes (paths, queries, headers, bodies), to search for a secret."""
        with self.lock:
            return b"\n".join(b"%s %s?%s %s %s" % (r["method"].encode(), r["path"].encode(), r["query"].encode(),
                                                   repr(r["headers"]).encode(), r["body"])
                              for r in self.requests)
