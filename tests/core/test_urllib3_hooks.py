"""urllib3_hooks.py: the internals of urllib3, requests and http.client the plugin relies on are there.

Every hook degrades quietly when an attribute is missing (a cancel then waits for the read timeout,
a body goes through the slow reader), so a library upgrade would not break a download, only make
cancel slow without anyone noticing.  These tests make that loud: they fail when the installed
versions leave the declared ranges or when any attribute the hooks read is gone or no longer used.

The behaviour the hooks exist for -- a cancel aborts a request waiting for headers, and one reading
a body, within a second, and the server sees the connection close -- is tested end to end by
tests/core/test_transfer.py::test_cancel_on_a_stalled_server_takes_effect_within_one_second (both
cases) and tests/core/test_http.py::test_request_cancel_while_server_stalls_before_headers.
"""
import http.client
import inspect
import socket
import ssl
import threading
import time

import pytest
import requests
import urllib3

from plugin.core.transfer import http as eohttp
from plugin.core.transfer import urllib3_hooks as hooks
from tests.sims import faults
from tests.sims.faults import FaultServer, Resource
from tests.sims.tls import HttpsServer, throwaway_ca

DATA = faults.sample_bytes(300000, seed=3)


@pytest.fixture
def server():
    with FaultServer() as srv:
        yield srv


def _stream(url):
    return eohttp.make_session().get(url, stream=True, headers={"Accept-Encoding": "identity"}, timeout=5)


# --------------------------------------------------------------------------- versions

def test_installed_versions_are_the_supported_ones():
    assert hooks.in_range(urllib3.__version__, hooks.SUPPORTED_URLLIB3), (
        "urllib3 {} is outside {}: check every hook of urllib3_hooks.py against it, then widen the "
        "range".format(urllib3.__version__, hooks.SUPPORTED_URLLIB3))
    assert hooks.in_range(requests.__version__, hooks.SUPPORTED_REQUESTS), (
        "requests {} is outside {}".format(requests.__version__, hooks.SUPPORTED_REQUESTS))
    assert hooks.unsupported_versions() == []


@pytest.mark.parametrize("version, spec, expected", [
    ("1.26.12", ">=1.26,<3", True), ("2.2.3", ">=1.26,<3", True), ("1.25.11", ">=1.26,<3", False),
    ("3.0.0", ">=1.26,<3", False), ("2.0.0a1", ">=1.26,<3", True), ("", ">=1.26,<3", False),
    ("2.28.1", ">=2.25", True), ("2.28.1", "~=2.28", False),
])
def test_version_ranges(version, spec, expected):
    assert hooks.in_range(version, spec) is expected


def test_an_unsupported_version_is_logged(monkeypatch):
    monkeypatch.setattr(urllib3, "__version__", "3.1.0")
    problems = hooks.unsupported_versions()
    assert len(problems) == 1 and "urllib3 3.1.0" in problems[0]


# --------------------------------------------------------------------------- connection tracking

def test_pool_classes_are_replaced_and_used_by_urllib3():
    manager = urllib3.PoolManager()
    # _install_tracking does nothing when this is not a dict: that would lose cancel before headers
    assert isinstance(manager.pool_classes_by_scheme, dict)
    hooks._install_tracking(manager)
    assert isinstance(manager.connection_from_url("http://127.0.0.1:9/"), hooks._TrackingHTTPPool)
    assert isinstance(manager.connection_from_url("https://127.0.0.1:9/"), hooks._TrackingHTTPSPool)


def test_get_conn_is_the_pools_way_to_take_a_connection():
    for base in (urllib3.HTTPConnectionPool, urllib3.HTTPSConnectionPool):
        assert "timeout" in inspect.signature(base._get_conn).parameters
    assert "self._get_conn(" in inspect.getsource(urllib3.HTTPConnectionPool.urlopen)


def test_adapter_installs_tracking_on_direct_and_proxy_managers():
    adapter = hooks._Adapter()
    assert adapter.poolmanager.pool_classes_by_scheme["http"] is hooks._TrackingHTTPPool
    proxied = adapter.proxy_manager_for("http://127.0.0.1:3128")
    assert isinstance(proxied, urllib3.PoolManager)
    assert isinstance(proxied.connection_from_url("http://example.invalid/"), hooks._TrackingHTTPPool)


def test_the_connection_of_a_request_is_reported_before_its_answer(server):
    url = server.add("/f.bin", Resource(DATA))
    seen = []
    hooks._TLS.on_connection = seen.append
    try:
        response = _stream(url)
    finally:
        hooks._TLS.on_connection = None
    try:
        assert len(seen) == 1 and isinstance(seen[0].sock, socket.socket)
        assert response.raw._connection is seen[0]
    finally:
        response.close()


# --------------------------------------------------------------------------- aborting a response

def test_response_socket_finds_the_socket_both_ways(server):
    url = server.add("/f.bin", Resource(DATA))
    response = _stream(url)
    try:
        raw = response.raw
        sock = raw._connection.sock                     # the first way
        assert isinstance(sock, socket.socket)
        assert isinstance(raw._fp, http.client.HTTPResponse)
        assert raw._fp.fp.raw._sock is sock             # the fallback: BufferedReader > SocketIO > socket
        assert hooks.response_socket(response) is sock
    finally:
        response.close()


def test_response_socket_and_body_filler_over_tls(tmp_path):
    pki = throwaway_ca(str(tmp_path))
    with HttpsServer(pki["cert"], pki["key"]) as https:
        response = eohttp.make_session(verify=pki["ca"]).get(https.url, stream=True, timeout=5)
        try:
            sock = hooks.response_socket(response)
            assert isinstance(sock, ssl.SSLSocket) and response.raw._fp.fp.raw._sock is sock
            fill, remaining = hooks.body_filler(response, decoding=False)
            view = memoryview(bytearray(16))
            assert remaining == 2 and fill(view) == 2 and bytes(view[:2]) == b"ok"   # the engine stops at remaining
        finally:
            response.close()


def test_abort_response_wakes_a_blocked_body_read(server):
    url = server.add("/f.bin", Resource(DATA, always=faults.Fault.stall(at=1000)))
    response = _stream(url)
    try:
        fill, _ = hooks.body_filler(response, decoding=False)
        view = memoryview(bytearray(4096))
        assert fill(view) > 0
        timer = threading.Timer(0.3, hooks.abort_response, (response,))
        timer.start()
        start = time.monotonic()
        try:
            while fill(view):
                pass
        except OSError:
            pass
        assert time.monotonic() - start < 1.3
    finally:
        response.close()


# --------------------------------------------------------------------------- reading a body

def test_body_filler_fast_path_reads_from_the_buffered_socket(server):
    url = server.add("/f.bin", Resource(DATA))
    response = _stream(url)
    try:
        fp = response.raw._fp
        assert fp.chunked is False and fp.length == len(DATA)
        assert response.raw._fp_bytes_read == 0
        fill, remaining = hooks.body_filler(response, decoding=False)
        assert remaining == len(DATA)
        assert getattr(fill, "__self__", None) is fp.fp and fill.__name__ == "readinto1"
        buffer = bytearray(len(DATA))
        done = 0
        while done < remaining:
            done += fill(memoryview(buffer)[done:])
        assert bytes(buffer) == DATA
    finally:
        response.close()


def test_body_filler_leaves_the_fast_path_once_urllib3_has_read(server):
    url = server.add("/f.bin", Resource(DATA))
    response = _stream(url)
    try:
        head = response.raw.read(10, decode_content=False)
        assert response.raw._fp_bytes_read == 10        # else the fast path would skip its buffer
        fill, remaining = hooks.body_filler(response, decoding=False)
        assert remaining is None
        assert head + _drain(fill) == DATA
    finally:
        response.close()


def test_body_filler_reads_a_chunked_body(server):
    url = server.add("/c.bin", Resource(DATA, chunked=True))
    response = _stream(url)
    try:
        assert response.raw._fp.chunked is True
        fill, remaining = hooks.body_filler(response, decoding=False)
        assert remaining is None and _drain(fill) == DATA
    finally:
        response.close()


def _drain(fill) -> bytes:
    out = bytearray()
    view = memoryview(bytearray(65536))
    while True:
        count = fill(view)
        if not count:
            return bytes(out)
        out += view[:count]


def test_consumed_body_is_what_requests_already_read(server):
    url = server.add("/f.bin", Resource(DATA))
    response = _stream(url)
    assert hooks.consumed_body(response) is None       # nothing read yet: nothing is read here
    assert response.content == DATA
    assert response._content_consumed is True
    assert hooks.consumed_body(response) == DATA


def test_body_reader_returns_what_arrived_and_keeps_tell_right(server):
    """body_reader (the capped, rate-checked reads of http) reads http.client's ``read1`` and urllib3's
    decoder (urllib3 1.26) or urllib3's ``read1`` (2.x), and keeps ``raw.tell()`` counting the wire."""
    data = b"0123456789" * 10000
    url = server.add("/r", Resource(data))
    seen = []
    with requests.get(url, stream=True, timeout=5) as response:
        raw = response.raw
        assert hasattr(raw, "read1") or (isinstance(raw._fp, http.client.HTTPResponse) and hasattr(raw._fp, "read1")
                                         and hasattr(raw, "_init_decoder") and hasattr(raw, "_fp_bytes_read"))
        read = hooks.body_reader(response, seen.append)
        chunks = []
        while True:
            chunk = read(65536)
            if not chunk:
                break
            chunks.append(chunk)
        assert b"".join(chunks) == data and raw.tell() == len(data) and seen[-1] == len(data)
    hooks.set_consumed_body(response, b"x")
    assert hooks.consumed_body(response) == b"x" and response.content == b"x"
