"""HTTP plumbing shared by every provider client and the transfer engine.

* :func:`make_session` builds a ``requests.Session`` with the plugin's
  User-Agent, the caller's proxies (QGIS's proxy settings, applied by the QGIS
  adapter) and TLS verification.
* :func:`request` sends one request with connect/read timeouts and retries
  (exponential backoff with full jitter, ``Retry-After`` honoured) and turns
  error statuses into :class:`~.errors.HttpError` / :class:`~.errors.AuthError`
  carrying the service's own message.
* :func:`redact` masks secrets (API keys, tokens, registered values) in any text
  that could reach a log or a user; every message built here goes through it.
* :class:`HostLimiter` bounds the number of parallel transfers per host.

Pure Python (requests + stdlib); no qgis import.
"""
import contextlib
import contextvars
import email.utils
import html
import html.parser
import http.client
import json
import logging
import random
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Dict, Iterable, List, Optional, Tuple
from urllib.parse import parse_qsl, quote, quote_plus, unquote_plus, urlencode, urljoin, urlsplit, urlunsplit

import requests
import urllib3

from ...resources import version
from .. import config, workers
from ..errors import AuthError, CancelledError, HttpError
from ..i18n import translate
from ..logs import TOP
from .urllib3_hooks import (_TLS, _Adapter, _shutdown_connection, abort_response, body_reader, consumed_body,
                            set_consumed_body, unsupported_versions, watch_response)  # noqa: F401 (download: eohttp.watch_response)

LOGGER_NAME = TOP       # the plugin's top logger (core.logs): every module logger is below it
log = logging.getLogger(__name__)

#: What replaces a secret in redacted text.
MASK = "***"


# --------------------------------------------------------------------------- secrets

_SECRETS_LOCK = threading.Lock()
_SECRETS: set = set()

# Query/form parameters whose value is a secret (``?api_key=...``, ``&key=...``).
_PARAM_NAMES = (r"api[_-]?key|apikey|key|access[_-]?token|refresh[_-]?token|id[_-]?token|token|"
                r"client[_-]?secret|password|passwd|secret|signature|x-goog-signature|sig")
_PARAM_RE = re.compile(r"(?i)(?<![A-Za-z0-9_.-])((?:%s)=)([^&\s#\"'<>;,]+)" % _PARAM_NAMES)
# The same names as quoted JSON keys / Python dict keys followed by a quoted value (api_key: value).
_JSON_RE = re.compile(r"(?i)([\"'](?:%s|x-goog-api-key|x-api-key|authorization)[\"']\s*:\s*[\"'])"
                      r"((?:bearer|basic|token)\s+)?([^\"']+)" % _PARAM_NAMES)
# Header lines: "Authorization: Bearer x", "X-Goog-Api-Key: x", "x-api-key: x".
_HEADER_RE = re.compile(r"(?i)\b((?:proxy-)?authorization|x-goog-api-key|x-api-key|api-key)(\s*[:=]\s*)"
                        r"((?:bearer|basic|token|digest)\s+)?([^\s,;\"'}]+)")
# A bare bearer token anywhere ("Bearer ya29...."), and user:password@ in URLs.
_BEARER_RE = re.compile(r"(?i)\b(bearer\s+)([A-Za-z0-9._~+/=-]{4,})")
_USERINFO_RE = re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://[^/\s:@]+:)([^@\s/]+)(@)")


def register_secret(value: Optional[str]) -> None:
    """Make :func:`redact` mask ``value`` wherever it appears (also URL-encoded).

    Values shorter than 4 characters are ignored (masking them would garble text).
    """
    if not value or not isinstance(value, str):
        return
    value = value.strip()
    if len(value) < 4:
        return
    with _SECRETS_LOCK:
        _SECRETS.add(value)
        for encoded in (quote(value, safe=""), quote_plus(value, safe="")):
            if encoded != value:
                _SECRETS.add(encoded)


def unregister_secret(value: Optional[str]) -> None:
    if not value:
        return
    with _SECRETS_LOCK:
        for item in (value, quote(value, safe=""), quote_plus(value, safe="")):
            _SECRETS.discard(item)


def redact(text) -> str:
    """``text`` with API keys, tokens, passwords and registered secrets masked."""
    if text is None:
        return ""
    if not isinstance(text, str):
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        else:
            text = str(text)
    with _SECRETS_LOCK:
        secrets = sorted(_SECRETS, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    text = _USERINFO_RE.sub(lambda m: m.group(1) + MASK + m.group(3), text)
    text = _HEADER_RE.sub(lambda m: m.group(1) + m.group(2) + (m.group(3) or "") + MASK, text)
    text = _JSON_RE.sub(lambda m: m.group(1) + (m.group(2) or "") + MASK, text)
    text = _BEARER_RE.sub(lambda m: m.group(1) + MASK, text)
    text = _PARAM_RE.sub(lambda m: m.group(1) + MASK, text)
    return text


class _RedactingFilter(logging.Filter):
    """Last line of defence: every record logged under the plugin's top logger is redacted."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep the raw message
            message = str(record.msg)
        record.msg = redact(message)
        record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class _Redactor(logging.Handler):
    """The top logger's first handler: it writes nothing, its filter redacts each record in place.

    A logger's filter sees only the records made on that logger, not those of the module
    loggers below it; a handler of the top logger sees them all, before they go on to any
    other handler (the QGIS ones, the root logger's, pytest's)."""

    def __init__(self):
        super().__init__(logging.NOTSET)
        self.addFilter(_RedactingFilter())

    def emit(self, record: logging.LogRecord) -> None:
        pass


_top = logging.getLogger(LOGGER_NAME)
# (by class name: a reloaded plugin defines new classes, the loggers stay)
if not any(type(f).__name__ == "_RedactingFilter" for f in _top.filters):
    _top.addFilter(_RedactingFilter())
if not any(type(h).__name__ == "_Redactor" for h in _top.handlers):
    _top.handlers.insert(0, _Redactor())      # first: before a handler added before this import

# urllib3 logs every request line, query string included ("GET /api?api_key=... HTTP/1.1"), at
# DEBUG: a user who turns Python's debug logging on must not find the API key there either.
for _name in ("urllib3.connectionpool", "urllib3.util.retry", "urllib3.response"):
    _other = logging.getLogger(_name)
    if not any(isinstance(f, _RedactingFilter) for f in _other.filters):
        _other.addFilter(_RedactingFilter())

for _problem in unsupported_versions():
    log.warning(_problem)


#: Who hears of a retry on this thread (see :func:`reporting_retries`); None: nobody.
_ON_RETRY: contextvars.ContextVar = contextvars.ContextVar("eo_downloader_on_retry", default=None)


@contextlib.contextmanager
def reporting_retries(callback: Callable[[int, int], None]):
    """Inside the block, every wait before another attempt (:meth:`Backoff.sleep`) on this thread,
    or on the threads a job hands its work to (:func:`..logs.carry`), calls ``callback(attempt,
    max_attempts)`` first: a job says "Retrying (attempt 2 of 6)" instead of seeming stuck."""
    token = _ON_RETRY.set(callback)
    try:
        yield
    finally:
        _ON_RETRY.reset(token)


def _report_retry(attempt: int, attempts: int) -> None:
    callback = _ON_RETRY.get()
    if callback is not None:
        try:
            callback(attempt, attempts)
        except Exception:   # a listener never breaks the transfer
            pass


def _log(level: int, message: str) -> None:
    log.log(level, redact(message))


def short_url(url: str, limit: int = 160) -> str:
    """A redacted URL without its query string, for messages."""
    try:
        parts = urlsplit(url)
        text = "{}://{}{}".format(parts.scheme, parts.hostname or "", parts.path) if parts.scheme else url
        if parts.port:
            text = "{}://{}:{}{}".format(parts.scheme, parts.hostname or "", parts.port, parts.path)
    except ValueError:
        text = str(url)
    text = redact(text)
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


# --------------------------------------------------------------------------- settings

@dataclass
class Timeouts:
    """Connect and read timeouts (seconds) used on every request, and the slowest body accepted.

    ``read`` bounds each wait for data; a body that keeps trickling in (a byte now and
    then) is given up when less than ``min_rate`` bytes/s arrived over ``rate_window``
    seconds (see :class:`RateGuard`; 0 turns that off).  Their defaults come from
    :func:`.config.rate_limit` (environment variable > default).
    """

    connect: float = 10.0
    read: float = 60.0
    min_rate: float = field(default_factory=lambda: config.rate_limit("min_rate"))
    rate_window: float = field(default_factory=lambda: config.rate_limit("min_rate_window"))

    def as_tuple(self) -> Tuple[float, float]:
        return (float(self.connect), float(self.read))


@dataclass
class RetryPolicy:
    """How often and how long to retry transient failures.

    ``max_attempts`` counts every attempt (the first included); ``max_total``
    bounds the seconds spent from the first failure of a streak until giving up
    (sleeps included).  The delay before retry *n* is drawn uniformly from
    ``[0, min(max_delay, base_delay * 2**(n-1))]`` (full jitter), or is the
    server's ``Retry-After`` when it sends one.  ``sleep`` replaces the sleeping
    function (tests); by default the cancel token's sleep is used so a cancel
    interrupts a backoff at once.  ``on_retry(status, retry_after)`` is told of every
    error status about to be retried (e.g. a 429, so a caller can slow down).
    """

    max_attempts: int = 6
    base_delay: float = 1.0
    max_delay: float = 60.0
    max_total: float = 300.0
    sleep: Optional[Callable[[float], None]] = None
    rand: Optional[Callable[[], float]] = None
    on_retry: Optional[Callable[[int, Optional[float]], None]] = None
    #: ``base_delay`` of the retries after a 429 that names no ``Retry-After`` (None: ``base_delay``):
    #: a policy may retry a dropped connection or a 5xx at once yet slow down when rate-limited.
    throttle_base_delay: Optional[float] = None

    def backoff(self, failure: int, throttled: bool = False) -> float:
        base = self.throttle_base_delay if throttled and self.throttle_base_delay is not None else self.base_delay
        cap = min(self.max_delay, base * (2 ** max(0, failure - 1)))
        draw = (self.rand or random.random)()
        return max(0.0, cap * draw)


RETRY_STATUSES = frozenset([408, 429] + list(range(500, 600)))
RATE_LIMIT_REASONS = frozenset(["ratelimitexceeded", "userratelimitexceeded", "rate_limit_exceeded",
                                "resource_exhausted"])


def parse_retry_after(value: Optional[str], now: Optional[float] = None) -> Optional[float]:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date)."""
    if value is None:
        return None
    value = str(value).strip()
    if not value:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now_dt = datetime.fromtimestamp(time.time() if now is None else now, tz=timezone.utc)
    return max(0.0, (when - now_dt).total_seconds())


class Backoff:
    """Counts the failures of one operation and decides whether/how long to wait.

    Used by :func:`request` and by the transfer engine (which calls
    :meth:`reset` when a retry made progress, so a long download survives many
    separate drops while a dead server still fails within the policy's bounds).
    """

    def __init__(self, policy: Optional[RetryPolicy] = None, cancel=None):
        self.policy = policy or RetryPolicy()
        self.cancel = cancel
        self.failures = 0
        self._start: Optional[float] = None
        self._virtual = 0.0   # seconds "slept" by an injected sleep function
        self.last_reason = ""

    def elapsed(self) -> float:
        if self._start is None:
            return 0.0
        return time.monotonic() - self._start + self._virtual

    def reset(self) -> None:
        self.failures = 0
        self._start = None
        self._virtual = 0.0

    def next_delay(self, retry_after: Optional[float] = None, status: Optional[int] = None) -> Optional[float]:
        """Register a failure (an error ``status``, or None for a network failure: the policy's
        ``on_retry`` is told of a status); the seconds to wait before the next attempt, or None to give up."""
        if status is not None and self.policy.on_retry is not None:
            self.policy.on_retry(status, retry_after)
        self.failures += 1
        if self._start is None:
            self._start = time.monotonic()
        policy = self.policy
        if self.failures >= max(1, policy.max_attempts):
            self.last_reason = "attempts"
            return None
        delay = policy.backoff(self.failures, throttled=status == 429)
        if retry_after is not None:
            delay = max(0.0, float(retry_after))
        if self.elapsed() + delay > policy.max_total:
            self.last_reason = "retry_after" if retry_after is not None else "time"
            return None
        return delay

    def sleep(self, seconds: float) -> None:
        _report_retry(self.failures + 1, self.policy.max_attempts)
        cancel = self.cancel
        if cancel is not None:
            cancel.raise_if_cancelled()
        if self.policy.sleep is not None:
            self.policy.sleep(seconds)
            self._virtual += seconds
            if cancel is not None:
                cancel.raise_if_cancelled()
        elif cancel is not None:
            cancel.sleep(seconds)
        else:
            time.sleep(seconds)


# --------------------------------------------------------------------------- session

def default_user_agent() -> str:
    """``EO-Downloader/<version> (QGIS plugin)``."""
    return "EO-Downloader/{} (QGIS plugin)".format(version())


class _Session(requests.Session):
    """A Session whose own ``proxies`` and CA bundle win over environment variables.

    (Plain requests lets ``HTTP_PROXY`` override ``session.proxies``, and
    ``REQUESTS_CA_BUNDLE`` a ``session.verify`` bundle; the proxy the user
    configured in QGIS must win, and so must a bundle holding QGIS's trusted CAs,
    which :mod:`.tls` builds from the one the variable names.)
    """

    def merge_environment_settings(self, url, proxies, stream, verify, cert):
        explicit = dict(proxies or {})   # (the parent method adds the environment's to ``proxies``)
        settings = super().merge_environment_settings(url, proxies, stream, verify, cert)
        if verify is None and isinstance(self.verify, str):
            settings["verify"] = self.verify
        if self.proxies:
            no_proxy = self.proxies.get("no_proxy")
            if no_proxy and requests.utils.should_bypass_proxies(url, no_proxy=no_proxy):
                settings["proxies"] = explicit      # an excluded host: no proxy at all
                return settings
            merged = dict(settings.get("proxies") or {})
            for key, value in self.proxies.items():
                if key not in explicit:
                    merged[key] = value
            settings["proxies"] = merged
        return settings


#: Connections a session keeps open per host: as many as requests one job may have in flight (Earth
#: Engine's 40 per project, :data:`...providers.earthengine.budget.PROJECT_LIMIT`), so none of them is
#: closed after its request and opened again (a TLS handshake each time) for the next.
POOL_SIZE = 40


def make_session(proxies: Optional[Dict[str, str]] = None, verify=True,
                 user_agent: Optional[str] = None, pool_size: int = POOL_SIZE) -> requests.Session:
    """A session with the plugin's User-Agent, ``proxies`` and TLS ``verify`` applied.

    ``proxies`` is a requests proxies dict (``{"http": ..., "https": ..., "no_proxy": "host1,host2"}``),
    e.g. built from QGIS's network settings by the QGIS adapter; it wins over
    proxy environment variables, and hosts in ``no_proxy`` go direct.  Retries are
    done by :func:`request`, not by urllib3.
    """
    session = _Session()
    session.headers["User-Agent"] = user_agent or default_user_agent()
    if proxies:
        session.proxies.update({k: v for k, v in proxies.items() if v})
    session.verify = verify
    adapter_http = _Adapter(pool_connections=pool_size, pool_maxsize=pool_size, max_retries=0)
    adapter_https = _Adapter(pool_connections=pool_size, pool_maxsize=pool_size, max_retries=0)
    session.mount("http://", adapter_http)
    session.mount("https://", adapter_https)
    return session


_DEFAULT_SESSION: Optional[requests.Session] = None
_DEFAULT_SESSION_LOCK = threading.Lock()


def default_session() -> requests.Session:
    """A shared session for callers that did not bring one."""
    global _DEFAULT_SESSION
    with _DEFAULT_SESSION_LOCK:
        if _DEFAULT_SESSION is None:
            _DEFAULT_SESSION = make_session()
        return _DEFAULT_SESSION


# --------------------------------------------------------------------------- bodies: size and rate

#: The largest JSON (or other non-streamed) answer read into memory.  (An EOSDA search page of
#: 500 MODIS scenes, whose footprints have many vertices, is about 70 MB.)
MAX_JSON_BYTES = 128 * 1024 * 1024


class SlowBodyError(requests.exceptions.Timeout):
    """A body arrived slower than the minimum rate (a network failure: worth another attempt)."""


class RateGuard:
    """Gives up a body that arrives slower than ``min_rate`` bytes/s over ``window`` seconds.

    The read timeout only bounds each wait for data: a server sending a byte every few
    seconds never trips it.  :meth:`check` is called after every read with the bytes
    received so far; in each window of ``window`` seconds at least ``min_rate * window``
    bytes must arrive.  ``min_rate`` or ``window`` 0 turns the check off.
    """

    def __init__(self, timeouts: Optional["Timeouts"] = None, clock: Callable[[], float] = time.monotonic):
        timeouts = timeouts or Timeouts()
        self.min_rate = max(0.0, float(timeouts.min_rate or 0))
        self.window = max(0.0, float(timeouts.rate_window or 0))
        self.clock = clock
        self.start = clock()
        self.mark = 0

    def check(self, done: int) -> None:
        """Raise :class:`SlowBodyError` when the current window ended with too few bytes."""
        if self.min_rate <= 0 or self.window <= 0:
            return
        now = self.clock()
        elapsed = now - self.start
        if elapsed < self.window:
            return
        got = done - self.mark
        if got < self.min_rate * elapsed:
            raise SlowBodyError(translate(
                "Http", "the server sent {got} bytes in {seconds:.0f} s, slower than the minimum of {rate} "
                        "bytes/s").format(got=got, seconds=elapsed, rate=_number(self.min_rate)))
        self.start, self.mark = now, done


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else "{:g}".format(value)


def body_too_large(url: str, received: int, limit: int, announced: Optional[int] = None) -> HttpError:
    """The error for an answer larger than the plugin reads into memory (not retryable)."""
    if announced is not None:
        message = translate("Http", "The answer of {url} is too large: {size} bytes announced, the limit is "
                                    "{limit} bytes.").format(url=short_url(url), size=announced, limit=limit)
    else:
        message = translate("Http", "The answer of {url} is too large: more than {size} bytes without an "
                                    "announced size, the limit is {limit} bytes.").format(
            url=short_url(url), size=received, limit=limit)
    return HttpError(redact(message), status=None, retryable=False,
                     hint=translate("Http", "The service sent far more than such an answer holds; check the "
                                            "service address in the settings."))


def _body_reader(response, guard: Optional[RateGuard] = None) -> Callable[[int], bytes]:
    """:func:`.urllib3_hooks.body_reader` with ``guard`` checking the bytes received on the wire."""
    return body_reader(response, guard.check if guard is not None else None)


def read_capped(response, limit: int, timeouts: Optional["Timeouts"] = None, url: str = "") -> bytes:
    """The whole body, at most ``limit`` bytes, never slower than the minimum rate.

    Raises :func:`body_too_large` (the response is closed), :class:`SlowBodyError`,
    or the read's own error (a dropped connection, a read timeout).
    """
    length = response.headers.get("Content-Length", "").strip()
    if length.isdigit() and int(length) > limit and not response.headers.get("Content-Encoding"):
        response.close()
        raise body_too_large(url or response.url, 0, limit, announced=int(length))
    read = _body_reader(response, RateGuard(timeouts))
    chunks: List[bytes] = []
    size = 0
    while True:
        data = read(65536)
        if not data:
            return b"".join(chunks)
        chunks.append(data)
        size += len(data)
        if size > limit:
            response.close()
            raise body_too_large(url or response.url, size, limit)


def _read_into(response, limit: int, timeouts: Optional["Timeouts"], url: str) -> None:
    """Read a (streamed) response's body with the caps; afterwards ``.content``/``.json()`` work."""
    try:
        data = read_capped(response, limit, timeouts, url)
    except SlowBodyError:                   # (first: a requests exception is an OSError too)
        response.close()
        raise
    except (urllib3.exceptions.ReadTimeoutError, socket.timeout) as exc:
        response.close()
        raise requests.exceptions.ReadTimeout(exc) from None
    except _READ_ERRORS as exc:
        response.close()
        raise requests.exceptions.ChunkedEncodingError(exc) from None
    set_consumed_body(response, data)
    response.close()


#: What reading a body raises when the connection fails.
_READ_ERRORS = (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError)


# --------------------------------------------------------------------------- redirects

REDIRECT_STATUSES = frozenset([301, 302, 303, 307, 308])
#: Redirects followed for one request before giving up (a loop).
MAX_REDIRECTS = 10
_BODY_KWARGS = ("data", "json", "files")
_BODY_HEADERS = ("content-type", "content-length", "transfer-encoding")


@dataclass(frozen=True)
class Secrets:
    """What in a request is secret: :func:`send_following` never sends it to another origin.

    ``headers``: names of headers carrying a secret (``Authorization`` always is one);
    ``params``: names of query parameters carrying one; ``body``: the body carries one
    (a token request's form), so it is never sent again to another origin.  The
    ``auth=`` argument of requests (eodag's credentials) is always secret.
    """

    headers: Tuple[str, ...] = ()
    params: Tuple[str, ...] = ()
    body: bool = False

    def header_names(self) -> set:
        return {"authorization"} | {name.lower() for name in self.headers}

    def carried_by(self, url: str, kwargs: Dict) -> bool:
        """Whether a request of ``url`` with ``kwargs`` carries any of these secrets."""
        names = self.header_names()
        if any(key.lower() in names for key in (kwargs.get("headers") or {})) or kwargs.get("auth"):
            return True
        if self.body and any(kwargs.get(key) for key in _BODY_KWARGS):
            return True
        query = urlsplit(url).query
        return any(key in self.params for key, _ in parse_qsl(query, keep_blank_values=True))


NO_SECRETS = Secrets()


@dataclass
class RedirectStep:
    """Where and how a redirect is followed (see :func:`plan_redirect`)."""

    method: str
    url: str
    same_origin: bool
    keep_body: bool


def same_origin(url: str, other: str) -> bool:
    """Same scheme, host and port -- or ``other`` is ``url`` upgraded from http to https
    (same host, default ports), which requests allows for ``Authorization`` too."""
    if host_key(url) == host_key(other):
        return True
    a, b = urlsplit(url), urlsplit(other)
    return (a.scheme == "http" and b.scheme == "https" and (a.hostname or "").lower() == (b.hostname or "").lower()
            and a.port in (None, 80) and b.port in (None, 443))


def plan_redirect(method: str, url: str, status: int, location: str, start_url: str,
                  carries_secrets: bool, body_secret: bool) -> RedirectStep:
    """The next request after a ``status`` redirect to ``location`` -- or the refusal.

    ``start_url`` is where the request was meant to go (its secrets belong to that
    origin); ``carries_secrets``: the request carried any secret; ``body_secret``: its
    body holds one.  As requests and browsers do, 303 and 302 (of anything but HEAD) and
    301 of a POST become a GET, and only 307/308 send the body again.  Refused
    (HttpError, not retryable): a request with secrets redirected from https to http,
    and a secret body that would be sent again to another origin.
    """
    target = urljoin(url, location.strip())
    parts = urlsplit(target)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise HttpError(redact(translate("Http", "{method} {url} redirected to an address that is not http(s): "
                                                 "{target}").format(method=method, url=short_url(url),
                                                                    target=short_url(target))), status=status)
    new_method = method
    if (status == 303 and method != "HEAD") or (status == 302 and method != "HEAD") or \
            (status == 301 and method == "POST"):
        new_method = "GET"
    keep_body = status in (307, 308)
    same = same_origin(start_url, target)
    if carries_secrets and urlsplit(url).scheme == "https" and parts.scheme == "http":
        raise HttpError(redact(translate(
            "Http", "{method} {url}: the server redirected from {origin} to {target}, which is not encrypted "
                    "(http). The request carries credentials, so the redirect was not followed.").format(
            method=method, url=short_url(url), origin=host_key(url), target=host_key(target))),
            status=status, retryable=False,
            hint=translate("Http", "Check the service address in the settings, and the proxy."))
    if keep_body and body_secret and not same:
        raise HttpError(redact(translate(
            "Http", "{method} {url}: the server redirected to another host ({target}) and asked for the "
                    "request to be sent again there. The request carries credentials, so it was not "
                    "sent.").format(method=method, url=short_url(url), target=host_key(target))),
            status=status, retryable=False,
            hint=translate("Http", "Check the service address in the settings, and the proxy."))
    return RedirectStep(new_method, target, same, keep_body)


def _query_key(segment: str) -> str:
    return unquote_plus(segment.split("=", 1)[0])


def _with_params(url: str, params: Iterable[Tuple[str, str]]) -> str:
    """``url`` with the ``params`` it lacks appended (the rest of its query kept byte for byte)."""
    parts = urlsplit(url)
    present = {_query_key(segment) for segment in parts.query.split("&") if segment}
    missing = [(key, value) for key, value in params if key not in present]
    if not missing:
        return url
    query = (parts.query + "&" if parts.query else "") + urlencode(missing)
    return urlunsplit(parts._replace(query=query))


def _without_params(url: str, names: Tuple[str, ...]) -> str:
    """``url`` without the query parameters ``names`` (the rest kept byte for byte)."""
    parts = urlsplit(url)
    segments = [segment for segment in parts.query.split("&") if segment]
    kept = [segment for segment in segments if _query_key(segment) not in names]
    return url if len(kept) == len(segments) else urlunsplit(parts._replace(query="&".join(kept)))


def _next_kwargs(kwargs: Dict, step: RedirectStep, keep_secrets: bool, secrets: Secrets) -> Dict:
    kwargs = dict(kwargs)
    headers = dict(kwargs.get("headers") or {})
    if not step.keep_body:
        for key in _BODY_KWARGS:
            kwargs.pop(key, None)
        headers = {k: v for k, v in headers.items() if k.lower() not in _BODY_HEADERS}
    if not keep_secrets:
        names = secrets.header_names()
        headers = {k: v for k, v in headers.items() if k.lower() not in names}
        kwargs.pop("auth", None)
    kwargs["headers"] = headers
    return kwargs


def _discard(response, cancel) -> None:
    try:
        with watch_response(cancel, response):
            read_limited(response, 65536)
    finally:
        response.close()
    if cancel is not None:
        cancel.raise_if_cancelled()


def _read_watched(response, cancel, limit: int, timeouts: Optional["Timeouts"], url: str) -> None:
    """:func:`_read_into` that a cancel interrupts at once (the watcher shuts the socket down)."""
    try:
        with watch_response(cancel, response):
            _read_into(response, limit, timeouts, url)
    except requests.exceptions.RequestException:
        if cancel is not None and cancel.is_cancelled():
            raise _cancelled_error() from None
        raise
    if cancel is not None and cancel.is_cancelled():
        raise _cancelled_error()


def send_following(session: requests.Session, method: str, url: str, cancel=None, *,
                   secrets: Optional[Secrets] = None, timeouts: Optional["Timeouts"] = None,
                   max_body: Optional[int] = None, **kwargs) -> requests.Response:
    """:func:`send` that follows redirects itself, so secrets stay with their origin.

    requests' own redirect handling strips only ``Authorization`` when the host changes:
    a key header (``x-api-key``) or query parameter (``api_key``) would go wherever the
    server points.  Here every hop is sent with ``allow_redirects=False``; a hop to
    another origin goes without the ``secrets`` (headers, query parameters, ``auth``),
    and :func:`plan_redirect` refuses what cannot be made safe.  At most
    :data:`MAX_REDIRECTS` hops.  Without ``stream=True`` the body is read here, at most
    ``max_body`` bytes (default :data:`MAX_JSON_BYTES`) and not slower than ``timeouts``'
    minimum rate.  Any status is returned; ``allow_redirects=False`` returns the first
    answer as it is.
    """
    secrets = secrets or NO_SECRETS
    if "timeout" not in kwargs:
        kwargs["timeout"] = (timeouts or Timeouts()).as_tuple()
    stream = bool(kwargs.pop("stream", False))
    follow = kwargs.pop("allow_redirects", True)
    params = kwargs.pop("params", None)
    if params:
        url = requests.Request("GET", url, params=params).prepare().url
    carries = secrets.carried_by(url, kwargs)
    body_secret = secrets.body and any(kwargs.get(key) for key in _BODY_KWARGS)
    secret_params = [(k, v) for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True)
                     if k in secrets.params]
    start, keep = url, True
    for hop in range(MAX_REDIRECTS + 1):
        response = send(session, method, url, cancel, stream=True, allow_redirects=False, **kwargs)
        location = response.headers.get("Location") if response.status_code in REDIRECT_STATUSES else None
        if not follow or not location:
            break
        if hop == MAX_REDIRECTS:
            response.close()
            raise HttpError(redact(translate("Http", "{method} {url} was redirected more than {n} times; "
                                                     "stopped.").format(method=method, url=short_url(start),
                                                                        n=MAX_REDIRECTS)),
                            status=response.status_code, retryable=False)
        _discard(response, cancel)
        step = plan_redirect(method, url, response.status_code, location, start, carries, body_secret)
        keep = keep and step.same_origin
        kwargs = _next_kwargs(kwargs, step, keep, secrets)
        method = step.method
        url = _with_params(step.url, secret_params) if keep else _without_params(step.url, secrets.params)
        body_secret = body_secret and step.keep_body
        _log(logging.DEBUG, "{} redirected ({}) to {}{}".format(short_url(start), response.status_code,
                                                               short_url(url), "" if keep else " (no credentials)"))
    if not stream:
        _read_watched(response, cancel, MAX_JSON_BYTES if max_body is None else max_body, timeouts, url)
    return response


# --------------------------------------------------------------------------- per-host limit

def host_key(url: str) -> str:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    default = {"http": 80, "https": 443}.get(parts.scheme)
    host = (parts.hostname or "").lower()
    return "{}://{}{}".format(parts.scheme, host, "" if port in (None, default) else ":{}".format(port))


class HostLimiter:
    """At most ``max_per_host`` concurrent transfers per scheme+host+port."""

    def __init__(self, max_per_host: int = 4):
        self.max_per_host = max(1, int(max_per_host))
        self._lock = threading.Lock()
        self._sems: Dict[str, threading.BoundedSemaphore] = {}
        self._active: Dict[str, int] = {}

    def _sem(self, key: str) -> threading.BoundedSemaphore:
        with self._lock:
            sem = self._sems.get(key)
            if sem is None:
                sem = self._sems[key] = threading.BoundedSemaphore(self.max_per_host)
            return sem

    def active(self, url: str) -> int:
        with self._lock:
            return self._active.get(host_key(url), 0)

    def acquire(self, url: str, cancel=None) -> str:
        key = host_key(url)
        sem = self._sem(key)
        while not sem.acquire(timeout=0.1):
            if cancel is not None:
                cancel.raise_if_cancelled()
        with self._lock:
            self._active[key] = self._active.get(key, 0) + 1
        return key

    def release(self, key: str) -> None:
        with self._lock:
            self._active[key] = max(0, self._active.get(key, 0) - 1)
        self._sem(key).release()

    def slot(self, url: str, cancel=None):
        limiter = self

        class _Slot:
            def __enter__(self_inner):
                self_inner.key = limiter.acquire(url, cancel)
                return self_inner

            def __exit__(self_inner, *exc):
                limiter.release(self_inner.key)
                return False

        return _Slot()


#: Used by :func:`transfer.download` when no limiter is passed.
DEFAULT_LIMITER = HostLimiter(max_per_host=4)


# --------------------------------------------------------------------------- cancel

def _cancelled_error() -> CancelledError:
    return CancelledError(translate("Jobs", "Cancelled by the user."))


def send(session: requests.Session, method: str, url: str, cancel=None, **kwargs) -> requests.Response:  # noqa: C901 (see docs/architecture.md, exceptions)
    """``session.request`` that returns within ~0.1 s of ``cancel`` firing.

    Without a cancel token this is ``session.request``.  With one, the request
    runs on a helper thread while this thread watches the token.  On cancel the
    request's connection is shut down (sessions from :func:`make_session` report
    it), which also tells the server to stop; with other sessions the request
    is abandoned (its response, if it ever comes, is closed; the read timeout
    bounds how long the helper lingers).
    """
    if cancel is None:
        return session.request(method, url, **kwargs)
    cancel.raise_if_cancelled()
    box: Dict[str, object] = {}
    lock = threading.Lock()
    done = threading.Event()

    def on_connection(conn):
        with lock:
            box["conn"] = conn
            abandoned = box.get("abandoned")
        if abandoned:
            _shutdown_connection(conn)

    def work():
        _TLS.on_connection = on_connection
        try:
            result = session.request(method, url, **kwargs)
        except BaseException as exc:  # handed over to the waiting thread
            with lock:
                box["error"] = exc
        else:
            with lock:
                if box.get("abandoned"):
                    abort_response(result)
                    result.close()
                else:
                    box["response"] = result
        finally:
            _TLS.on_connection = None
            with lock:
                box["finished"] = True

    # (this thread is woken once the request's thread is free again: its next request finds it idle)
    workers.POOL.start(work, "eo-downloader-request", then=done.set)
    while not done.wait(0.05):
        if cancel.is_cancelled():
            with lock:
                if not box.get("finished"):
                    box["abandoned"] = True
                    conn = box.get("conn")
                else:
                    conn = None
            if box.get("abandoned"):
                if conn is not None:
                    _shutdown_connection(conn)
                raise _cancelled_error()
            break
    with lock:
        if "error" in box:
            raise box["error"]  # type: ignore[misc]
        response = box.get("response")
    if cancel.is_cancelled():
        if response is not None:
            response.close()
        raise _cancelled_error()
    return response  # type: ignore[return-value]


# --------------------------------------------------------------------------- error messages

class _TextExtractor(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: List[str] = []
        self.title: List[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self._skip += 1
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head") and self._skip:
            self._skip -= 1
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def html_to_text(body: str) -> Tuple[str, str]:
    """(title, visible text) of an HTML page."""
    parser = _TextExtractor()
    try:
        parser.feed(body)
        parser.close()
    except Exception:  # malformed HTML: fall back to a crude strip
        stripped = re.sub(r"(?s)<(script|style).*?</\1>|<[^>]+>", " ", body)
        return "", _squash(html.unescape(stripped))
    return _squash("".join(parser.title)), _squash(" ".join(parser.parts))


#: The start of an HTML page: after a byte order mark (as text, or as UTF-8 bytes read as
#: latin-1), white space, an XML declaration and comments, a doctype or one of the tags a page
#: opens with.  Captive portals and sign-in walls send every one of these forms.
_HTML_START = re.compile(r"(?:\ufeff|\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                         r"<(?:!doctype\s+html|html|head|body|title)[\s>]", re.IGNORECASE | re.DOTALL)


def looks_like_html(body: str, content_type: str = "") -> bool:
    if "html" in (content_type or "").lower():
        return True
    return bool(_HTML_START.match((body or "")[:1024]))


def html_summary(body: str) -> str:
    """"title: text" of an HTML page (what the page says, without its markup)."""
    title, text = html_to_text(body.lstrip("\ufeff"))
    summary = title
    if text and text != title:
        text_rest = text[len(title):].strip() if title and text.startswith(title) else text
        summary = "{}: {}".format(title, text_rest) if title else text_rest
    return summary[:300]


def describe_body(data: bytes) -> Tuple[bool, str]:
    """What a body saved in place of a file says: ``(is_html, the service's words)``.

    A web page gives its title and text; a text answer (a JSON error, a plain message) the
    message :func:`parse_error_body` finds in it; binary data gives ``(False, "")``.
    """
    head = (data or b"")[:65536]
    text = head.decode("utf-8", "replace").lstrip("\ufeff")
    if not text.strip():
        return False, ""
    if looks_like_html(text):
        return True, html_summary(text)
    sample = text[:4096]
    odd = sum(1 for c in sample if c == "\ufffd" or (ord(c) < 32 and c not in "\t\r\n"))
    if odd > len(sample) // 50:
        return False, ""
    return False, parse_error_body(text).message


@dataclass
class ServiceError:
    """What a service said in an error body."""

    message: str
    status: str = ""
    reasons: Tuple[str, ...] = ()
    is_html: bool = False


def _message_from_json(data) -> Optional[ServiceError]:  # noqa: C901 (see docs/architecture.md, exceptions)
    if isinstance(data, dict):
        err = data.get("error")
        if isinstance(err, dict):
            message = str(err.get("message") or err.get("error_message") or "").strip()
            status = str(err.get("status") or "")
            reasons = []
            for item in err.get("errors") or []:
                if isinstance(item, dict) and item.get("reason"):
                    reasons.append(str(item["reason"]))
            for item in err.get("details") or []:
                if isinstance(item, dict) and item.get("reason"):
                    reasons.append(str(item["reason"]))
            if status:
                reasons.append(status)
            if not message and err.get("errors"):
                first = err["errors"][0]
                message = str(first.get("message") if isinstance(first, dict) else first)
            if not message:
                message = json.dumps(err)[:300]
            return ServiceError(message, status, tuple(reasons))
        if isinstance(err, str) and err.strip():
            text = err.strip()
            description = data.get("error_description") or data.get("message") or data.get("detail")
            if description:
                text = "{}: {}".format(text, description)
            return ServiceError(text, "", (err.strip(),))
        for key in ("message", "error_message", "detail", "title", "description"):
            value = data.get(key)
            if isinstance(value, str) and value.strip():
                return ServiceError(value.strip())
            if isinstance(value, (list, dict)) and value:
                return ServiceError(json.dumps(value)[:300])
        errors = data.get("errors")
        if isinstance(errors, list) and errors:
            texts = []
            for item in errors:
                if isinstance(item, dict):
                    texts.append(str(item.get("message") or item.get("detail") or item.get("title")
                                     or json.dumps(item)))
                else:
                    texts.append(str(item))
            return ServiceError("; ".join(t for t in texts if t))
        if isinstance(errors, (str, dict)) and errors:
            return ServiceError(errors if isinstance(errors, str) else json.dumps(errors)[:300])
    return None


def parse_error_body(body: str, content_type: str = "") -> ServiceError:
    """The service's own message from an error body (JSON, HTML or text)."""
    body = body or ""
    stripped = body.strip()
    if stripped[:1] in ("{", "["):
        try:
            data = json.loads(stripped)
        except ValueError:
            data = None
        found = _message_from_json(data) if data is not None else None
        if found is not None:
            found.message = found.message[:1000]
            return found
    if looks_like_html(body, content_type):
        message = translate("Http", "the server sent an HTML page: {}").format(html_summary(body) or "?")
        return ServiceError(message, is_html=True)
    text = _squash(stripped)
    return ServiceError(text[:300])


def read_limited(response: requests.Response, limit: int = 65536) -> str:
    """Up to ``limit`` bytes of a response body as text (never raises)."""
    chunks: List[bytes] = []
    size = 0
    try:
        consumed = consumed_body(response)
        if consumed is not None:
            data = consumed[:limit]
        else:
            read = _body_reader(response, RateGuard())   # (an error page trickling in is not waited for)
            while size < limit:
                chunk = read(16384)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            data = b"".join(chunks)[:limit]
    except Exception:
        data = b"".join(chunks)[:limit]
    encoding = response.encoding or "utf-8"
    try:
        return data.decode(encoding, "replace")
    except LookupError:
        return data.decode("utf-8", "replace")


def _status_hint(status: Optional[int]) -> Optional[str]:
    if status == 401:
        return translate("Http", "Check your credentials (API key or sign-in); they were refused.")
    if status == 403:
        return translate("Http", "The account is not allowed to do this, or a quota is exhausted.")
    if status == 404:
        return translate("Http", "The item does not exist (any more), or the address is wrong.")
    if status == 429:
        return translate("Http", "The service is limiting the request rate; try again later.")
    if status is not None and status >= 500:
        return translate("Http", "The service has a problem; try again later.")
    return None


def http_error(method: str, url: str, status: int, reason: str, body: str, content_type: str = "",
               exhausted_after: int = 0, retry_after: Optional[float] = None) -> HttpError:
    """An HttpError/AuthError for an error response, with the service's message (redacted)."""
    info = parse_error_body(body, content_type)
    where = short_url(url)
    message = translate("Http", "{method} {url} failed with HTTP {status} {reason}: {message}").format(
        method=method.upper(), url=where, status=status, reason=reason or "",
        message=info.message or translate("Http", "(no message)"))
    if exhausted_after:
        message += " " + translate("Http", "(gave up after {} attempts)").format(exhausted_after)
    if retry_after is not None:
        message += " " + translate("Http", "(the service asked to wait {:.0f} s before retrying)").format(
            retry_after)
    message = redact(message)
    retryable = status in RETRY_STATUSES or _is_rate_limited(status, info)
    cls = AuthError if status in (401, 403) and not _is_rate_limited(status, info) else HttpError
    error = cls(message, status=status, hint=_status_hint(status), body=redact(body[:2000]),
                retryable=retryable)
    error.service_message = redact(info.message)
    error.service_status = info.status
    error.reasons = info.reasons
    return error


def _is_rate_limited(status: int, info: ServiceError) -> bool:
    if status != 403:
        return False
    return any(r.lower() in RATE_LIMIT_REASONS for r in info.reasons)


def network_error(method: str, url: str, exc: BaseException, attempts: int = 0) -> HttpError:
    message = translate("Http", "{method} {url} failed: {error}").format(
        method=method.upper(), url=short_url(url), error=describe_exception(exc))
    if attempts:
        message += " " + translate("Http", "(gave up after {} attempts)").format(attempts)
    hint = translate("Http", "Check the network connection and proxy settings.")
    return HttpError(redact(message), status=None, hint=hint, retryable=True)


def describe_exception(exc: BaseException) -> str:
    if isinstance(exc, SlowBodyError):
        return str(exc)
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return translate("Http", "connection timed out")
    if isinstance(exc, (requests.exceptions.ReadTimeout, urllib3.exceptions.ReadTimeoutError, socket.timeout)):
        # (socket.timeout: a body read straight from the socket, e.g. by the transfer engine)
        return translate("Http", "the server stopped answering (read timed out)")
    if isinstance(exc, requests.exceptions.SSLError):
        return redact(translate("Http", "TLS/SSL error: {}").format(exc))
    if isinstance(exc, requests.exceptions.ConnectionError):
        text = str(exc)
        if "Connection refused" in text:
            return translate("Http", "connection refused")
        if "Name or service not known" in text or "getaddrinfo" in text or "Failed to resolve" in text:
            return translate("Http", "the host name could not be resolved")
        return redact(translate("Http", "connection error: {}").format(text[:300]))
    return redact("{}: {}".format(type(exc).__name__, str(exc)[:300]))


#: Exceptions that mean "the network failed, trying again may help".
TRANSIENT_ERRORS = (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                    requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError)


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, requests.exceptions.SSLError):
        text = str(exc)
        # a certificate that does not verify will not verify next time either
        return not ("CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text
                    or "hostname" in text.lower())
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                        requests.exceptions.MissingSchema, requests.exceptions.InvalidHeader)):
        return False
    if isinstance(exc, requests.exceptions.ProxyError):
        return True
    return isinstance(exc, TRANSIENT_ERRORS)


# --------------------------------------------------------------------------- request

def request(session: Optional[requests.Session], method: str, url: str, *, retry: Optional[RetryPolicy] = None,  # noqa: C901 (see docs/architecture.md, exceptions)
            timeouts: Optional[Timeouts] = None, cancel=None, retry_statuses: Optional[Iterable[int]] = None,
            backoff: Optional[Backoff] = None, secrets: Optional[Secrets] = None,
            max_body: Optional[int] = None, **requests_kwargs) -> requests.Response:
    """Send a request with timeouts and retries; return the response for 1xx-3xx.

    Retries connection errors, timeouts, 408, 429, 5xx and 403 with a rate-limit
    reason, with exponential backoff and full jitter, honouring ``Retry-After``.
    Raises :class:`AuthError` for 401/403, :class:`HttpError` for other error
    statuses (or when the retries are exhausted; ``retryable`` tells which), and
    :class:`CancelledError` within ~0.1 s of ``cancel`` firing.  Every message is
    redacted.  ``requests_kwargs`` go to ``session.request`` (``stream=True`` for
    downloads; a ``timeout`` there overrides ``timeouts``).  Sent by :func:`send_following`
    (redirects, ``secrets``, ``max_body``); a too slow body counts as a network failure.
    """
    session = session or default_session()
    policy = retry or RetryPolicy()
    if "timeout" not in requests_kwargs:
        requests_kwargs["timeout"] = (timeouts or Timeouts()).as_tuple()
    retryable_statuses = frozenset(retry_statuses) if retry_statuses is not None else RETRY_STATUSES
    state = backoff or Backoff(policy, cancel)
    method = method.upper()
    while True:
        if cancel is not None:
            cancel.raise_if_cancelled()
        try:
            response = send_following(session, method, url, cancel, secrets=secrets, timeouts=timeouts,
                                      max_body=max_body, **requests_kwargs)
        except CancelledError:
            raise
        except requests.exceptions.RequestException as exc:
            if not is_transient(exc):
                raise network_error(method, url, exc) from None
            delay = state.next_delay(None)
            if delay is None:
                raise network_error(method, url, exc, attempts=state.failures) from None
            _log(logging.WARNING, "{} {}: {}; retrying in {:.1f} s (attempt {}/{})".format(
                method, short_url(url), describe_exception(exc), delay, state.failures + 1,
                policy.max_attempts))
            state.sleep(delay)
            continue
        status = response.status_code
        if status < 400:
            cut = None if requests_kwargs.get("stream") else incomplete_body(response, method)
            if cut is None:
                return response
            # urllib3 1.x accepts a body shorter than its Content-Length: a dropped answer
            # would reach the caller as truncated JSON.  It is a network failure: retry it.
            response.close()
            delay = state.next_delay(None)
            if delay is None:
                message = translate("Http", "{method} {url} failed: {error}").format(
                    method=method, url=short_url(url), error=cut)
                message += " " + translate("Http", "(gave up after {} attempts)").format(state.failures)
                raise HttpError(redact(message), status=None, retryable=True,
                                hint=translate("Http", "Check the network connection and proxy settings."))
            _log(logging.WARNING, "{} {}: {}; retrying in {:.1f} s (attempt {}/{})".format(
                method, short_url(url), cut, delay, state.failures + 1, policy.max_attempts))
            state.sleep(delay)
            continue
        body = read_limited(response)
        response.close()
        content_type = response.headers.get("Content-Type", "")
        info = parse_error_body(body, content_type)
        if status in retryable_statuses or _is_rate_limited(status, info):
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            delay = state.next_delay(retry_after, status)
            if delay is None:
                raise http_error(method, url, status, response.reason, body, content_type,
                                 exhausted_after=state.failures,
                                 retry_after=retry_after if state.last_reason == "retry_after" else None)
            _log(logging.WARNING, "{} {}: HTTP {} ({}); retrying in {:.1f} s (attempt {}/{})".format(
                method, short_url(url), status, info.message[:200], delay, state.failures + 1,
                policy.max_attempts))
            state.sleep(delay)
            continue
        error = http_error(method, url, status, response.reason, body, content_type)
        _log(logging.INFO, error.message)
        raise error


def incomplete_body(response: requests.Response, method: str = "GET") -> Optional[str]:
    """For a body already read in full: why it is shorter than its Content-Length, else None."""
    if method.upper() == "HEAD" or response.status_code in (204, 304):
        return None
    length = response.headers.get("Content-Length", "")
    if not length.strip().isdigit():
        return None
    try:
        received = int(response.raw.tell())
    except Exception:
        return None
    if received >= int(length):
        return None
    return translate("Transfer", "the connection closed after {} of {} bytes").format(received, int(length))


def read_body(response: requests.Response, method: str = "GET", limit: Optional[int] = None,
              timeouts: Optional[Timeouts] = None) -> Tuple[bytes, Optional[str]]:
    """(body, None) for a streamed response read to its end; (what came, why it is incomplete)
    when the connection failed, closed early or the body came slower than the minimum rate.
    A body over ``limit`` bytes (default :data:`MAX_JSON_BYTES`) raises :func:`body_too_large`.
    The response is closed."""
    try:
        data = consumed_body(response)          # (a response not streamed was read by send_following)
        if data is None:
            data = read_capped(response, MAX_JSON_BYTES if limit is None else limit, timeouts)
        problem = incomplete_body(response, method)
    except (requests.exceptions.RequestException,) + _READ_ERRORS as exc:
        data, problem = b"", describe_exception(exc)
    finally:
        response.close()
    return data, problem


def get_json(session: Optional[requests.Session], method: str, url: str, **kwargs):
    """:func:`request` and decode a JSON body (a clear HttpError when it is not JSON)."""
    response = request(session, method, url, **kwargs)
    try:
        return response.json()
    except ValueError:
        body = read_limited(response)
        info = parse_error_body(body, response.headers.get("Content-Type", ""))
        message = translate("Http", "{method} {url} did not return JSON: {message}").format(
            method=method.upper(), url=short_url(url), message=info.message or "?")
        raise HttpError(redact(message), status=response.status_code, body=redact(body[:2000])) from None
