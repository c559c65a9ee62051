"""http.py: redaction, error messages, retry policy, sessions, host limits, cancel."""
import email.utils
import json
import logging
import threading
import time

import pytest

from plugin.core.transfer import http
from plugin.core.errors import AuthError, CancelledError, HttpError
from plugin.core.runner import CancelToken
from plugin.resources import version
from tests.sims.faults import Fault, FaultServer, Resource


@pytest.fixture
def server():
    with FaultServer() as srv:
        yield srv


class Sleeps:
    """Injected sleep: records the delays instead of waiting."""

    def __init__(self):
        self.delays = []

    def __call__(self, seconds):
        self.delays.append(seconds)


def fast_policy(**kwargs):
    sleeps = Sleeps()
    kwargs.setdefault("base_delay", 0.5)
    policy = http.RetryPolicy(sleep=sleeps, **kwargs)
    return policy, sleeps


# --------------------------------------------------------------------------- redact

@pytest.mark.parametrize("text, secret", [
    ("https://h/x?api_key=ABCDEF123&b=1", "ABCDEF123"),
    ("https://h/x?a=1&key=AIzaKEY987", "AIzaKEY987"),
    ("https://h/x?access_token=ya29.tok&x=1", "ya29.tok"),
    ("GET /x?token=T0KEN55 HTTP/1.1", "T0KEN55"),
    ("X-Goog-Api-Key: AIzaHEADER1", "AIzaHEADER1"),
    ("Authorization: Bearer ya29.abc-def_ghi", "ya29.abc-def_ghi"),
    ("{'Authorization': 'Bearer SECRETDICT'}", "SECRETDICT"),
    ('{"api_key": "JSONSECRET"}', "JSONSECRET"),
    ("x-api-key: EOSKEY42", "EOSKEY42"),
    ("https://user:p4ssw0rd@proxy:3128", "p4ssw0rd"),
])
def test_redact_masks_known_secret_forms(text, secret):
    out = http.redact(text)
    assert secret not in out
    assert http.MASK in out


def test_redact_keeps_harmless_text():
    text = "GET https://h/v1/projects/p/thumbnails?fields=name&alt=json&pageToken=abc monkey=1"
    assert http.redact(text) == text


def test_register_secret_masks_plain_and_url_encoded_values():
    http.register_secret("s3cr3t/with+chars")
    try:
        out = http.redact("value s3cr3t/with+chars and s3cr3t%2Fwith%2Bchars")
        assert "s3cr3t" not in out
    finally:
        http.unregister_secret("s3cr3t/with+chars")
    assert "s3cr3t/with+chars" in http.redact("s3cr3t/with+chars")


def test_logger_filter_redacts_records(caplog):
    caplog.set_level(logging.DEBUG, logger=http.LOGGER_NAME)
    logging.getLogger(http.LOGGER_NAME).info("calling %s", "https://h/?api_key=LEAKME1")
    assert "LEAKME1" not in caplog.text


def test_module_loggers_below_the_top_logger_are_redacted_before_any_handler(caplog):
    """The core logs with logging.getLogger(__name__): records of every module logger, raised
    errors' tracebacks included, are masked before the root logger's handlers (pytest's here) see them."""
    assert http.LOGGER_NAME == http.__name__.split(".")[0]
    caplog.set_level(logging.DEBUG, logger=http.LOGGER_NAME)
    module_log = logging.getLogger(http.LOGGER_NAME + ".core.providers.some_client")
    module_log.info("calling %s", "https://h/?api_key=LEAKME2")
    try:
        raise ValueError("Authorization: Bearer LEAKME3token")
    except ValueError:
        module_log.exception("failed")
    assert "calling https://h/?api_key=***" in caplog.text and "ValueError" in caplog.text
    assert "LEAKME2" not in caplog.text and "LEAKME3" not in caplog.text


# --------------------------------------------------------------------------- error bodies

@pytest.mark.parametrize("body, ctype, expected", [
    ('{"error": {"code": 400, "message": "Total request size (56623104 bytes) must be less than or equal '
     'to 50331648 bytes.", "status": "INVALID_ARGUMENT"}}', "application/json",
     "Total request size (56623104 bytes) must be less than or equal to 50331648 bytes."),
    ('{"error": "invalid_grant", "error_description": "Token has been expired or revoked."}',
     "application/json", "invalid_grant: Token has been expired or revoked."),
    ('{"message": "Task not found"}', "application/json", "Task not found"),
    ('{"errors": ["bands: required", {"message": "geometry must be a Polygon"}]}', "application/json",
     "bands: required; geometry must be a Polygon"),
    ("upstream connect error", "text/plain", "upstream connect error"),
])
def test_parse_error_body(body, ctype, expected):
    assert http.parse_error_body(body, ctype).message == expected


def test_parse_error_body_html_is_text_and_says_so():
    body = ("<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>p{}</style></head>"
            "<body><h1>Bad Gateway</h1><p>The proxy got <b>no</b> answer.</p><script>x()</script></body></html>")
    info = http.parse_error_body(body, "text/html")
    assert info.is_html
    assert "HTML page" in info.message
    assert "502 Bad Gateway" in info.message and "The proxy got no answer." in info.message
    assert "<" not in info.message and "x()" not in info.message


@pytest.mark.parametrize("prolog", ["", "\ufeff", "\xef\xbb\xbf", "<?xml version='1.0' encoding='utf-8'?>\n",
                                    "<!-- captive portal -->\n<!-- v2 -->", "  \r\n"])
def test_html_pages_are_recognised_after_a_bom_a_prolog_or_comments(prolog):
    for start in ("<!DOCTYPE html><html>", "<HTML>", "<head><title>x</title></head>", "<title>x</title>"):
        assert http.looks_like_html(prolog + start + "<body>Sign in</body>")
    assert not http.looks_like_html(prolog + "<Error><Code>AccessDenied</Code></Error>")
    assert not http.looks_like_html("II*\x00<html>")


@pytest.mark.parametrize("body, expected", [
    ("\ufeff<!-- portal --><html><head><title>Access denied</title></head><body><p>Sign in again.</p></body></html>"
     .encode("utf-8"), (True, "Access denied: Sign in again.")),
    (b'{"error": {"code": 429, "message": "Quota exceeded"}}', (False, "Quota exceeded")),
    (b"Service temporarily unavailable\n", (False, "Service temporarily unavailable")),
    (b"II*\x00" + bytes(range(256)) * 8, (False, "")),
    (b"", (False, "")),
])
def test_describe_body_gives_the_services_words(body, expected):
    assert http.describe_body(body) == expected


def test_parse_error_body_text_is_cut_to_300_chars():
    assert len(http.parse_error_body("x" * 5000, "text/plain").message) == 300


def test_parse_retry_after_forms():
    assert http.parse_retry_after("7") == 7.0
    now = time.time()
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert 28 <= http.parse_retry_after(date, now=now) <= 31
    past = email.utils.formatdate(now - 30, usegmt=True)
    assert http.parse_retry_after(past, now=now) == 0.0
    assert http.parse_retry_after("soon") is None
    assert http.parse_retry_after(None) is None


# --------------------------------------------------------------------------- backoff

def test_backoff_is_exponential_with_full_jitter_and_bounded():
    policy = http.RetryPolicy(max_attempts=5, base_delay=1.0, max_delay=5.0, max_total=1000, rand=lambda: 1.0)
    backoff = http.Backoff(policy)
    delays = [backoff.next_delay() for _ in range(5)]
    assert delays == [1.0, 2.0, 4.0, 5.0, None]
    zero = http.Backoff(http.RetryPolicy(rand=lambda: 0.0))
    assert zero.next_delay() == 0.0


def test_backoff_honours_retry_after_and_total_budget():
    policy = http.RetryPolicy(max_attempts=10, base_delay=1.0, max_total=60, sleep=lambda s: None)
    backoff = http.Backoff(policy)
    assert backoff.next_delay(retry_after=30) == 30
    backoff.sleep(30)
    assert backoff.next_delay(retry_after=40) is None   # 30 + 40 > 60
    assert backoff.last_reason == "retry_after"


# --------------------------------------------------------------------------- session

def test_make_session_user_agent_and_proxy_winning_over_environment(server, monkeypatch):
    server.add("/a.bin", Resource(b"hello"))
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")   # would fail if used
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    session = http.make_session(proxies={"http": server.base_url})
    # the proxy (the fault server) receives the absolute URL of an unresolvable host
    response = http.request(session, "GET", "http://eo-downloader.invalid/a.bin", retry=http.RetryPolicy(1))
    assert response.content == b"hello"
    entry = server.requests_for("/a.bin")[0]
    assert entry["raw_path"].startswith("http://eo-downloader.invalid/")
    assert entry["headers"]["User-Agent"] == "EO-Downloader/{} (QGIS plugin)".format(version())


def test_make_session_no_proxy_hosts_go_direct(server):
    server.add("/a.bin", Resource(b"direct"))
    session = http.make_session(proxies={"http": "http://127.0.0.1:9", "no_proxy": "127.0.0.1,localhost"})
    assert http.request(session, "GET", server.url("/a.bin"), retry=http.RetryPolicy(1)).content == b"direct"


def test_make_session_verify_and_custom_agent():
    session = http.make_session(verify=False, user_agent="X/1")
    assert session.verify is False
    assert session.headers["User-Agent"] == "X/1"


# --------------------------------------------------------------------------- request

def test_request_retries_503_then_succeeds(server):
    url = server.add("/r", Resource(b"ok", faults=[Fault.status(503), Fault.status(502)]))
    policy, sleeps = fast_policy()
    response = http.request(None, "GET", url, retry=policy)
    assert response.status_code == 200 and response.content == b"ok"
    assert server.counts["/r"] == 3
    assert len(sleeps.delays) == 2 and all(0 <= d <= 1.0 for d in sleeps.delays)


def test_request_honours_retry_after_seconds_and_date(server):
    date = email.utils.formatdate(time.time() + 4, usegmt=True)
    url = server.add("/r", Resource(b"ok", faults=[Fault.status(429, retry_after="3"),
                                                   Fault.status(503, retry_after=date)]))
    policy, sleeps = fast_policy(max_delay=0.1)
    http.request(None, "GET", url, retry=policy)
    assert sleeps.delays[0] == 3.0
    assert 1.5 <= sleeps.delays[1] <= 4.5


def test_request_gives_up_after_max_attempts_with_service_message(server):
    url = server.add("/r", Resource(b"ok", always=Fault.status(503)))
    policy, sleeps = fast_policy(max_attempts=4)
    with pytest.raises(HttpError) as info:
        http.request(None, "GET", url, retry=policy)
    assert info.value.status == 503 and info.value.retryable
    assert "Injected error 503" in info.value.message
    assert "4 attempts" in info.value.message
    assert server.counts["/r"] == 4 and len(sleeps.delays) == 3


def test_request_stops_when_retry_after_exceeds_budget(server):
    url = server.add("/r", Resource(b"ok", always=Fault.status(429, retry_after="3600")))
    policy, sleeps = fast_policy(max_total=300)
    with pytest.raises(HttpError) as info:
        http.request(None, "GET", url, retry=policy)
    assert info.value.status == 429
    assert "3600" in info.value.message
    assert server.counts["/r"] == 1 and sleeps.delays == []


@pytest.mark.parametrize("status, cls", [(400, HttpError), (404, HttpError), (401, AuthError), (403, AuthError)])
def test_request_does_not_retry_client_errors(server, status, cls):
    body = json.dumps({"error": {"code": status, "message": "Nope {}".format(status), "status": "X"}})
    url = server.add("/r", Resource(b"ok", always=Fault.status(status, body=body)))
    policy, sleeps = fast_policy()
    with pytest.raises(cls) as info:
        http.request(None, "GET", url, retry=policy)
    assert type(info.value) is cls
    assert info.value.status == status and not info.value.retryable
    assert "Nope {}".format(status) in info.value.message
    assert server.counts["/r"] == 1 and sleeps.delays == []


@pytest.mark.parametrize("reason", ["rateLimitExceeded", "userRateLimitExceeded"])
def test_request_retries_403_rate_limit(server, reason):
    body = json.dumps({"error": {"code": 403, "message": "Slow down", "errors": [{"reason": reason}]}})
    url = server.add("/r", Resource(b"ok", faults=[Fault.status(403, body=body)]))
    policy, sleeps = fast_policy()
    assert http.request(None, "GET", url, retry=policy).content == b"ok"
    assert server.counts["/r"] == 2


def test_request_connection_refused_is_retried_then_http_error():
    sock = __import__("socket").socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    policy, sleeps = fast_policy(max_attempts=3)
    with pytest.raises(HttpError) as info:
        http.request(None, "GET", "http://127.0.0.1:{}/x?api_key=NOLEAK".format(port), retry=policy)
    assert info.value.status is None and info.value.retryable
    assert "NOLEAK" not in info.value.message and "3 attempts" in info.value.message
    assert len(sleeps.delays) == 2


def test_request_cancel_while_server_stalls_before_headers(server):
    url = server.add("/s", Resource(b"x" * 100, always=Fault.stall(before_headers=True)))
    cancel = CancelToken()
    threading.Timer(0.3, cancel.cancel).start()
    start = time.monotonic()
    with pytest.raises(CancelledError):
        http.request(None, "GET", url, cancel=cancel, timeouts=http.Timeouts(read=30))
    assert time.monotonic() - start < 0.3 + 1.0


def test_request_cancel_during_backoff_sleep(server):
    url = server.add("/r", Resource(b"ok", always=Fault.status(503, retry_after="30")))
    cancel = CancelToken()
    threading.Timer(0.2, cancel.cancel).start()
    start = time.monotonic()
    with pytest.raises(CancelledError):
        http.request(None, "GET", url, cancel=cancel)
    assert time.monotonic() - start < 1.2


def test_request_read_timeout_is_retried(server):
    url = server.add("/s", Resource(b"ok", faults=[Fault.stall(before_headers=True)]))
    policy, sleeps = fast_policy()
    response = http.request(None, "GET", url, retry=policy, timeouts=http.Timeouts(connect=2, read=0.3))
    assert response.content == b"ok" and server.counts["/s"] == 2


def test_error_text_never_contains_secrets(server, caplog):
    caplog.set_level(logging.DEBUG, logger=http.LOGGER_NAME)
    body = json.dumps({"error": {"code": 403, "message": "API key SECRET1 is not valid for "
                                 "https://x/?api_key=SECRET1", "status": "PERMISSION_DENIED"}})
    url = server.add("/r", Resource(b"ok", always=Fault.status(403, body=body)))
    http.register_secret("SECRET1")
    try:
        with pytest.raises(AuthError) as info:
            http.request(None, "GET", url + "?api_key=SECRET1", headers={"Authorization": "Bearer SECRET2"})
    finally:
        http.unregister_secret("SECRET1")
    error = info.value
    for text in (str(error), error.message, error.body or "", error.hint or "", caplog.text):
        assert "SECRET1" not in text and "SECRET2" not in text
    assert "is not valid" in error.message


# --------------------------------------------------------------------------- host limiter

def test_host_limiter_bounds_concurrency_per_host():
    limiter = http.HostLimiter(max_per_host=2)
    active = {"a": 0, "max": 0, "b": 0}
    lock = threading.Lock()

    def use(url, key):
        with limiter.slot(url):
            with lock:
                active[key] += 1
                active["max"] = max(active["max"], active["a"])
            time.sleep(0.05)
            with lock:
                active[key] -= 1

    threads = [threading.Thread(target=use, args=("http://a.example/x{}".format(i), "a")) for i in range(6)]
    threads += [threading.Thread(target=use, args=("http://b.example/x", "b"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert active["max"] == 2
    assert http.host_key("HTTP://A.example:80/x") == http.host_key("http://a.example/y")


def test_host_limiter_acquire_honours_cancel():
    limiter = http.HostLimiter(max_per_host=1)
    key = limiter.acquire("http://a.example/")
    cancel = CancelToken()
    threading.Timer(0.2, cancel.cancel).start()
    with pytest.raises(CancelledError):
        limiter.acquire("http://a.example/", cancel)
    limiter.release(key)


def test_request_cancel_while_a_json_body_stalls(server):
    """The body of a non-streamed answer is read by send_following: a cancel still ends it at once."""
    url = server.add("/b", Resource(b'{"a": "' + b"x" * 5000 + b'"}', content_type="application/json",
                                    always=Fault.stall(at=100)))
    cancel = CancelToken()
    threading.Timer(0.3, cancel.cancel).start()
    start = time.monotonic()
    with pytest.raises(CancelledError):
        http.get_json(None, "GET", url, cancel=cancel, timeouts=http.Timeouts(read=30))
    assert time.monotonic() - start < 0.3 + 1.0


def test_a_session_keeps_a_connection_for_each_of_the_requests_a_job_has_in_flight():
    """Two rounds of Earth Engine's 40 concurrent requests through one session open 40 connections,
    not 40 per round: none is closed after its request (a new TLS handshake each on a real link)."""
    import socketserver
    from http.server import BaseHTTPRequestHandler, HTTPServer
    from plugin.core.providers.earthengine import budget
    peers = set()
    arrived = threading.Barrier(budget.PROJECT_LIMIT, timeout=10)    # the server answers when all 40 wait

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            peers.add(self.client_address)
            arrived.wait()
            body = b"ok"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    class Server(socketserver.ThreadingMixIn, HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    session = http.make_session()
    url = "http://127.0.0.1:{}/x".format(server.server_address[1])

    def one():
        response = session.get(url, timeout=10)
        assert response.content == b"ok"
    try:
        assert http.POOL_SIZE >= budget.PROJECT_LIMIT
        for _round in range(2):
            threads = [threading.Thread(target=one) for _ in range(budget.PROJECT_LIMIT)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(20)
            arrived.reset()
        assert len(peers) == budget.PROJECT_LIMIT, len(peers)
    finally:
        server.shutdown()
        server.server_close()
