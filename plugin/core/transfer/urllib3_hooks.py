"""Every reach into the internals of urllib3, requests and http.client, in one place.

The plugin needs three things those libraries do not offer publicly:

* the connection a request is using before its response headers arrive, so that a cancel can shut
  it down (:class:`_TrackingHTTPPool` through :class:`_Adapter`; :func:`.http.send` listens);
* the socket under a streaming response, so that a thread blocked reading the body is woken at
  once when the job is cancelled (:func:`response_socket`, :func:`abort_response`, the
  :data:`WATCHER` thread and :class:`watch_response`);
* a body reader that fills the engine's buffers straight from the buffered socket file
  (:func:`body_filler`), one that returns what has arrived, decoded (:func:`body_reader`, for the
  capped and rate-checked reads of :mod:`.http`), and the body requests holds
  (:func:`consumed_body`, :func:`set_consumed_body`).

Each degrades quietly when an attribute it reads is missing (a cancel then waits for the read
timeout, a body takes the slower reader), so a library upgrade would not stop the plugin, only make
it slower without anyone noticing.  tests/core/test_urllib3_hooks.py therefore fails when the
installed versions leave :data:`SUPPORTED_URLLIB3` / :data:`SUPPORTED_REQUESTS` or when any
attribute used here is gone, and :mod:`.http` logs a warning at import outside those ranges.

Pure Python (requests + urllib3 + stdlib); no qgis import.
"""
import re
import socket
import threading
import time
from typing import Callable, Dict, List, Optional, Tuple

import requests
import urllib3

#: The versions whose internals this module was checked against.  Debian 12 ships urllib3 1.26.12 and
#: requests 2.28.1; QGIS installers for Windows and macOS bring their own, urllib3 2.x in recent ones.
#: tests/core/test_urllib3_hooks.py, test_http.py and test_transfer.py pass with urllib3 1.26.12, 2.2.3
#: and 2.8.0, and requests 2.28.1 and 2.34.2.  Widen a range only after running them on the new version.
SUPPORTED_URLLIB3 = ">=1.26,<3"
SUPPORTED_REQUESTS = ">=2.28,<3"


def version_tuple(version: str) -> Tuple[int, ...]:
    """(major, minor[, micro]) of a version string such as ``2.0.0a1`` or ``1.26.12``."""
    match = re.match(r"\s*(\d+(?:\.\d+)*)", version or "")
    return tuple(int(part) for part in match.group(1).split(".")) if match else ()


def in_range(version: str, spec: str) -> bool:
    """Whether ``version`` satisfies ``spec``: comma-separated ``>=X.Y`` / ``<X.Y`` clauses."""
    have = version_tuple(version)
    for clause in spec.split(","):
        match = re.fullmatch(r"\s*(>=|<)\s*([\d.]+)\s*", clause)
        if not match or not have:
            return False
        bound = version_tuple(match.group(2))
        if (match.group(1) == ">=" and have < bound) or (match.group(1) == "<" and have >= bound):
            return False
    return True


def unsupported_versions() -> List[str]:
    """Log lines for an installed urllib3/requests outside the ranges this module was checked with."""
    found = []
    for name, version, spec in (("urllib3", urllib3.__version__, SUPPORTED_URLLIB3),
                                ("requests", requests.__version__, SUPPORTED_REQUESTS)):
        if not in_range(version, spec):
            found.append("{} {} is not a version EO Downloader was checked with ({}): cancelling a transfer "
                         "may wait for the read timeout".format(name, version, spec))
    return found


# --------------------------------------------------------------------------- connection tracking

_TLS = threading.local()


def _track_connection(conn) -> None:
    hook = getattr(_TLS, "on_connection", None)
    if hook is not None:
        try:
            hook(conn)
        except Exception:
            pass


class _TrackingHTTPPool(urllib3.HTTPConnectionPool):
    """Tells :func:`send` which connection carries its request, so a cancel can close it."""

    def _get_conn(self, timeout=None):
        conn = super()._get_conn(timeout)
        _track_connection(conn)
        return conn


class _TrackingHTTPSPool(urllib3.HTTPSConnectionPool):
    def _get_conn(self, timeout=None):
        conn = super()._get_conn(timeout)
        _track_connection(conn)
        return conn


def _install_tracking(manager) -> None:
    if isinstance(getattr(manager, "pool_classes_by_scheme", None), dict):
        manager.pool_classes_by_scheme = {"http": _TrackingHTTPPool, "https": _TrackingHTTPSPool}


class _Adapter(requests.adapters.HTTPAdapter):
    """An HTTPAdapter whose pools report the connection each request uses (see :func:`send`)."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        _install_tracking(self.poolmanager)

    def proxy_manager_for(self, proxy, **proxy_kwargs):
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):
            _install_tracking(manager)
        return manager


# --------------------------------------------------------------------------- aborting a response

def response_socket(response) -> Optional[socket.socket]:
    """The socket under a streaming requests/urllib3 response, if it can be found."""
    raw = getattr(response, "raw", None)
    conn = getattr(raw, "_connection", None)
    sock = getattr(conn, "sock", None)
    if sock is not None:
        return sock
    fp = getattr(raw, "_fp", None)              # http.client.HTTPResponse
    buffered = getattr(fp, "fp", None)          # BufferedReader over SocketIO
    rawio = getattr(buffered, "raw", None)
    return getattr(rawio, "_sock", None)


def abort_response(response) -> None:
    """Unblock any thread reading ``response`` (shutdown of its socket), then close it."""
    sock = response_socket(response)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _shutdown_connection(conn) -> None:
    sock = getattr(conn, "sock", None)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


class _Watcher:
    """One daemon thread that aborts watched responses when their cancel token fires."""

    def __init__(self, period: float = 0.1):
        self.period = period
        self._lock = threading.Lock()
        self._items: Dict[int, Tuple[object, object]] = {}
        self._next = 0
        self._thread: Optional[threading.Thread] = None

    def watch(self, cancel, response) -> int:
        with self._lock:
            self._next += 1
            handle = self._next
            self._items[handle] = (cancel, response)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="eo-downloader-cancel-watch",
                                                daemon=True)
                self._thread.start()
        return handle

    def unwatch(self, handle: int) -> None:
        with self._lock:
            self._items.pop(handle, None)

    def _run(self) -> None:
        while True:
            time.sleep(self.period)
            with self._lock:
                items = list(self._items.items())
            for handle, (cancel, response) in items:
                try:
                    fired = cancel.is_cancelled()
                except Exception:
                    fired = False
                if fired:
                    abort_response(response)
                    self.unwatch(handle)


WATCHER = _Watcher()


class watch_response:
    """Context manager: abort ``response`` from the watcher thread if ``cancel`` fires."""

    def __init__(self, cancel, response):
        self.cancel = cancel
        self.response = response
        self.handle = None

    def __enter__(self):
        if self.cancel is not None:
            self.handle = WATCHER.watch(self.cancel, self.response)
        return self

    def __exit__(self, *exc):
        if self.handle is not None:
            WATCHER.unwatch(self.handle)
        return False


# --------------------------------------------------------------------------- reading a body

def body_filler(response: requests.Response, decoding: bool):
    """(fill(view) -> bytes read into view, 0 at the end; remaining body bytes or None).

    Reads only what has arrived (one socket read at most), so a drop loses
    nothing already received.  The fast path reads straight from the
    response's buffered socket file into our buffers (no allocation, no
    extra copy) and stops at Content-Length itself; chunked or encoded
    bodies go through http.client/urllib3.
    """
    raw = response.raw
    if decoding:
        def fill_decoded(view):
            data = raw.read(min(len(view), 65536), decode_content=True)
            view[:len(data)] = data
            return len(data)
        return fill_decoded, None
    fp = getattr(raw, "_fp", None)                   # http.client.HTTPResponse
    buffered = getattr(fp, "fp", None)               # its BufferedReader over the socket
    if (fp is not None and not getattr(fp, "chunked", True) and hasattr(buffered, "readinto1")
            and getattr(raw, "_fp_bytes_read", 0) == 0):
        length = getattr(fp, "length", None)
        return buffered.readinto1, (int(length) if length is not None else None)
    read1 = getattr(raw, "read1", None)              # urllib3 >= 2
    if read1 is not None:
        reader = lambda n: read1(n, decode_content=False)   # noqa: E731
    elif fp is not None and hasattr(fp, "read1"):
        reader = fp.read1
    else:
        reader = lambda n: raw.read(n, decode_content=False)  # noqa: E731

    def fill(view):
        data = reader(len(view))
        view[:len(data)] = data
        return len(data)
    return fill, None


def body_reader(response, check: Optional[Callable[[int], None]] = None) -> Callable[[int], bytes]:  # noqa: C901 (see docs/architecture.md, exceptions)
    """read(n) -> what has arrived (about ``n`` bytes at most, at least 1), b"" at the end.

    Unlike ``raw.read(n)``, which waits for ``n`` bytes, this returns after one socket
    read, and ``check(bytes received on the wire)`` is called after each (a compressed
    trickle may decode to nothing for a long time; :class:`.http.RateGuard` judges it).
    urllib3 1.26 has no ``read1``: the bytes come from its http.client response
    (``_fp``) and are decoded by its decoder, and ``_fp_bytes_read`` is kept so that
    ``raw.tell()`` stays right.
    """
    raw = response.raw
    read1 = getattr(raw, "read1", None)
    check = check or (lambda done: None)
    if read1 is not None:                                   # urllib3 >= 2
        def read_v2(n: int) -> bytes:
            data = read1(n, decode_content=True)
            check(raw.tell())
            return data
        return read_v2
    fp = getattr(raw, "_fp", None)
    if fp is None or not hasattr(fp, "read1"):
        def read_blocking(n: int) -> bytes:                 # (waits for n bytes: no better way)
            data = raw.read(n, decode_content=True)
            check(raw.tell())
            return data
        return read_blocking
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    decoder = None
    if encoding not in ("", "identity"):
        raw._init_decoder()
        decoder = raw._decoder
    state = {"flushed": False}

    def read(n: int) -> bytes:
        while True:
            data = fp.read1(n) if not fp.isclosed() else b""
            raw._fp_bytes_read += len(data)
            if not data:
                fp.close()        # (as urllib3 does at the end: the connection can then be reused)
            check(raw._fp_bytes_read)
            if decoder is None:
                return data
            if not data:
                if state["flushed"]:
                    return b""
                state["flushed"] = True
                return decoder.flush() if hasattr(decoder, "flush") else b""
            out = decoder.decompress(data)
            if out:
                return out

    return read


def set_consumed_body(response, data: bytes) -> None:
    """Make ``data`` the body requests holds (``.content``, ``.json()``) after reading it ourselves."""
    response._content = data
    response._content_consumed = True


def consumed_body(response) -> Optional[bytes]:
    """The body requests already read in full (``response.content``), else None (nothing is read)."""
    if getattr(response, "_content_consumed", False) and isinstance(getattr(response, "_content", None),
                                                                     bytes):
        return response._content
    return None
