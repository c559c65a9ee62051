"""Nothing unbounded on the wire (issue 15, item 5, the HTTP part).

Loopback servers send an endless body without Content-Length, a JSON answer far larger than
any real one, and a body trickling in a byte at a time: the plugin stops each with a clear
message giving the size (or rate) and the limit, in the JSON reads of :mod:`http` and in the
transfer engine.  The rate window is made small through :class:`http.Timeouts`.
"""
import gzip
import json
import os
import time

import pytest

from plugin.core import config
from plugin.core.transfer import download as transfer, http as eohttp
from plugin.core.errors import HttpError, TransferError
from tests.sims.loopback import LoopbackServer, QuietHandler

FAST = eohttp.RetryPolicy(max_attempts=2, base_delay=0.01, max_delay=0.02)


def slow_window():
    """At least 100 bytes/s over 0.6 s (the default is 1 KiB/s over 30 s)."""
    return eohttp.Timeouts(connect=2, read=5, min_rate=100, rate_window=0.6)


class BodyServer(LoopbackServer):
    """``/endless`` (close-delimited, no Content-Length, never ends), ``/chunked-endless``,
    ``/announced-huge`` (Content-Length of 10 GB), ``/trickle`` (a byte every ``gap`` s, no
    Content-Length), ``/trickle-length`` (the same with a Content-Length), ``/gzip-json`` and
    ``/gzip-trickle`` (Content-Encoding: gzip)."""

    thread_name = "body-server"

    def __init__(self, gap=0.15):
        self.gap = gap
        self.sent = {}

    def handler(self):
        return _Handler


class _Handler(QuietHandler):
    def _count(self, n):
        self.simulator.sent[self.path] = self.simulator.sent.get(self.path, 0) + n

    def do_GET(self):
        path = self.path
        payload = json.dumps({"items": list(range(100))}).encode()
        if path == "/gzip-json":
            return self.send_body(200, gzip.compress(payload), "application/json", {"Content-Encoding": "gzip"})
        self.send_response(200)
        self.send_header("Content-Type", "application/json" if "trickle" in path or "json" in path
                         else "application/octet-stream")
        if path == "/announced-huge":
            self.send_header("Content-Length", str(10 * 1024 ** 3))
        elif path == "/trickle-length":
            self.send_header("Content-Length", "100000")
        elif path == "/chunked-endless":
            self.send_header("Transfer-Encoding", "chunked")
        elif path == "/gzip-trickle":
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Connection", "close")
        self.end_headers()
        block = b"x" * 65536
        try:
            if path in ("/endless", "/announced-huge"):
                while True:
                    self.wfile.write(block)
                    self._count(len(block))
            elif path == "/chunked-endless":
                while True:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
                    self._count(len(block))
            else:
                data = gzip.compress(b"[" + b"1," * 50000 + b"1]") if "gzip" in path else b"[" + b"1," * 50000
                for i in range(len(data)):
                    self.wfile.write(data[i:i + 1])
                    self.wfile.flush()
                    self._count(1)
                    time.sleep(self.simulator.gap)
        except OSError:
            pass


@pytest.fixture
def server():
    s = BodyServer().start()
    yield s
    s.stop()


# --------------------------------------------------------------------------- JSON and other bodies in memory

@pytest.mark.parametrize("path", ["/endless", "/chunked-endless"])
def test_a_json_answer_without_length_stops_at_the_cap(server, path, monkeypatch):
    monkeypatch.setattr(eohttp, "MAX_JSON_BYTES", 4 * 1024 * 1024)
    with pytest.raises(HttpError) as error:
        eohttp.get_json(None, "GET", server.url + path, retry=FAST)
    message = error.value.message
    assert "too large" in message and str(4 * 1024 * 1024) in message and not error.value.retryable
    assert server.sent[path] < 4 * 1024 * 1024 + 16 * 1024 * 1024     # (+ what the socket buffers hold)


def test_the_default_cap_holds_for_an_endless_answer(server):
    started = time.monotonic()
    with pytest.raises(HttpError) as error:
        eohttp.request(None, "GET", server.url + "/endless", retry=FAST)
    assert str(eohttp.MAX_JSON_BYTES) in error.value.message
    assert time.monotonic() - started < 30


def test_an_announced_huge_answer_is_refused_before_reading(server):
    with pytest.raises(HttpError) as error:
        eohttp.get_json(None, "GET", server.url + "/announced-huge", retry=FAST)
    assert "{} bytes announced".format(10 * 1024 ** 3) in error.value.message
    assert str(eohttp.MAX_JSON_BYTES) in error.value.message


@pytest.mark.parametrize("path", ["/trickle", "/trickle-length", "/gzip-trickle"])
def test_a_trickling_answer_times_out_at_the_minimum_rate(server, path):
    started = time.monotonic()
    with pytest.raises(HttpError) as error:
        eohttp.request(None, "GET", server.url + path, retry=FAST, timeouts=slow_window())
    message = error.value.message
    assert "slower than the minimum of 100 bytes/s" in message and "gave up after 2 attempts" in message
    assert "Error" not in message                 # the plain sentence, not an exception's name
    assert time.monotonic() - started < 2 * (0.6 + 2 * server.gap) + 2


def test_a_trickling_status_answer_is_a_cut_for_read_body(server):
    response = eohttp.request(None, "GET", server.url + "/trickle", retry=FAST, timeouts=slow_window(), stream=True)
    data, problem = eohttp.read_body(response, timeouts=slow_window())
    assert data == b"" and "slower than the minimum" in problem


def test_read_body_caps_a_streamed_answer(server):
    response = eohttp.request(None, "GET", server.url + "/endless", retry=FAST, stream=True)
    with pytest.raises(HttpError) as error:
        eohttp.read_body(response, limit=1024 * 1024)
    assert "too large" in error.value.message and str(1024 * 1024) in error.value.message


def test_gzip_answers_are_decoded_by_the_guarded_reader(server):
    """The urllib3 internals the reader relies on (``_fp``, ``_decoder``, ``_fp_bytes_read``)
    or its ``read1``: if they change, this fails."""
    assert eohttp.get_json(None, "GET", server.url + "/gzip-json", retry=FAST) == {"items": list(range(100))}
    response = eohttp.request(None, "GET", server.url + "/gzip-json", retry=FAST, stream=True)
    raw = response.raw
    assert hasattr(raw, "read1") or (hasattr(raw, "_fp") and hasattr(raw, "_init_decoder")
                                     and hasattr(raw, "_fp_bytes_read"))
    assert json.loads(eohttp.read_body(response)[0]) == {"items": list(range(100))}


def test_rate_guard_windows():
    now = [0.0]
    guard = eohttp.RateGuard(eohttp.Timeouts(min_rate=10, rate_window=2), clock=lambda: now[0])
    now[0] = 1.9
    guard.check(0)                       # the window is not over yet
    now[0] = 2.0
    guard.check(25)                      # 25 bytes in 2 s: enough
    now[0] = 4.5
    with pytest.raises(eohttp.SlowBodyError) as error:
        guard.check(40)                  # 15 bytes in 2.5 s: too slow
    assert "15 bytes in 2 s" in str(error.value) or "15 bytes in 3 s" in str(error.value)
    off = eohttp.RateGuard(eohttp.Timeouts(min_rate=0, rate_window=2), clock=lambda: now[0])
    now[0] = 100.0
    off.check(0)


def test_the_minimum_rate_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("EO_DOWNLOADER_MIN_RATE", "50")
    monkeypatch.setenv("EO_DOWNLOADER_MIN_RATE_WINDOW", "7.5")
    timeouts = eohttp.Timeouts()
    assert (timeouts.min_rate, timeouts.rate_window) == (50.0, 7.5)
    assert config.rate_limit("min_rate", 2048) == 50.0
    monkeypatch.setenv("EO_DOWNLOADER_MIN_RATE", "not a number")
    assert config.rate_limit("min_rate", 2048) == 2048.0
    monkeypatch.delenv("EO_DOWNLOADER_MIN_RATE")
    assert config.rate_limit("min_rate", None) == config.LIMIT_DEFAULTS["min_rate"] == 1024.0


# --------------------------------------------------------------------------- the transfer engine

@pytest.mark.parametrize("path", ["/endless", "/chunked-endless"])
def test_a_download_without_length_stops_at_its_size_limit(server, tmp_path, path):
    with pytest.raises(TransferError) as error:
        transfer.download(server.url + path, str(tmp_path / "out.bin"), retry=FAST, max_size=8 * 1024 * 1024)
    message = error.value.message
    assert "without announcing its size" in message and "8.0 MiB" in message
    assert os.listdir(str(tmp_path)) == []


def test_a_download_without_length_keeps_the_disk_margin(server, tmp_path, monkeypatch):
    free = {"bytes": 100 * 1024 * 1024}
    monkeypatch.setattr(transfer.shutil, "disk_usage", lambda folder: type("U", (), {"free": free["bytes"]})())
    monkeypatch.setattr(transfer, "DISK_CHECK_EVERY", 4 * 1024 * 1024)
    with pytest.raises(TransferError) as error:
        transfer.download(server.url + "/endless", str(tmp_path / "out.bin"), retry=FAST,
                          disk_margin=98 * 1024 * 1024)
    assert "Not enough free disk space" in error.value.message
    assert os.listdir(str(tmp_path)) == []


def test_a_trickling_download_times_out_at_the_minimum_rate(server, tmp_path):
    started = time.monotonic()
    with pytest.raises(TransferError) as error:
        transfer.download(server.url + "/trickle-length", str(tmp_path / "out.bin"), retry=FAST,
                          timeouts=slow_window())
    assert "slower than the minimum of 100 bytes/s" in error.value.message
    assert time.monotonic() - started < 2 * (0.6 + 2 * server.gap) + 2


def test_read_body_of_an_answer_already_read_gives_that_body(server):
    """A response not streamed was read (capped) by send_following; read_body hands that body on."""
    response = eohttp.request(None, "GET", server.url + "/gzip-json", retry=FAST)
    assert eohttp.read_body(response) == (json.dumps({"items": list(range(100))}).encode(), None)
