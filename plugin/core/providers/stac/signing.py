"""Signing asset hrefs before they are read: Microsoft Planetary Computer's SAS tokens.

Planetary Computer keeps its assets in Azure Blob Storage (``*.blob.core.windows.net``); a read
needs a SAS token of the collection's container, which anyone gets from the token endpoint:
``GET {sas}/token/{collection}`` -> ``{"msft:expiry": "<RFC 3339>", "token": "<query string>"}``
(shared/protocols.md, "STAC API").  The token is appended as the href's query string.

Tokens live in memory only (one per endpoint and collection, for this process), are renewed
when less than :data:`RENEW_BEFORE` seconds of validity remain, are registered with the log
redaction and never written.  Only hrefs on the storage hosts are signed
(:data:`SIGN_HOST_SUFFIXES`, environment ``EO_DOWNLOADER_STAC_PC_SIGN_HOSTS``: host names or
``.suffixes``, comma-separated) -- a token goes nowhere else; an href that already carries a
signature (``sig=``) is left as it is.
"""
import datetime as _dt
import logging
import os
import threading
import time
from typing import Callable, Dict, Optional, Tuple
from urllib.parse import parse_qsl, quote, urlsplit

from ... import config
from ...errors import HttpError, ParameterError, ProviderError
from ...i18n import translate

_log = logging.getLogger(__name__)

MODES = ("", "planetary-computer")
RENEW_BEFORE = 300.0
SIGN_HOST_SUFFIXES = (".blob.core.windows.net",)
SIGN_HOSTS_ENV = "EO_DOWNLOADER_STAC_PC_SIGN_HOSTS"

_TOKENS: Dict[Tuple[str, str], Tuple[str, float]] = {}
_LOCK = threading.Lock()


def sign_hosts() -> Tuple[str, ...]:
    listed = [h.strip().lower() for h in os.environ.get(SIGN_HOSTS_ENV, "").split(",") if h.strip()]
    return tuple(listed) or SIGN_HOST_SUFFIXES


def needs_signing(href: str) -> bool:
    """Whether ``href`` is on a storage host and carries no signature yet."""
    parts = urlsplit(href or "")
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return False
    if any(key == "sig" for key, _ in parse_qsl(parts.query, keep_blank_values=True)):
        return False
    return any(host == h or (h.startswith(".") and host.endswith(h)) for h in sign_hosts())


def parse_expiry(value) -> float:
    """``msft:expiry`` (RFC 3339, naive taken as UTC) as a POSIX time."""
    text = str(value or "").strip().replace("Z", "+00:00")
    moment = _dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_dt.timezone.utc)
    return moment.timestamp()


def _fetch_token(session, sas: str, collection: str, cancel=None) -> Tuple[str, float]:
    from ...transfer import http
    url = "{}/token/{}".format(sas.rstrip("/"), quote(collection, safe=""))
    try:
        answer = http.get_json(session, "GET", url, cancel=cancel)
    except HttpError as exc:
        raise ProviderError(translate("Stac", "Planetary Computer gave no access token for the collection "
                                              "'{}': {}").format(collection, exc.message)) from None
    token = answer.get("token") if isinstance(answer, dict) else None
    try:
        expiry = parse_expiry(answer.get("msft:expiry")) if isinstance(answer, dict) else None
    except ValueError:
        expiry = None
    if not isinstance(token, str) or not token.strip() or expiry is None:
        raise ProviderError(translate("Stac", "Planetary Computer's token endpoint answered without a token "
                                              "and its expiry for the collection '{}'.").format(collection))
    token = token.strip().lstrip("?")
    http.register_secret(token)
    for key, value in parse_qsl(token):
        if key == "sig":
            http.register_secret(value)
    return token, expiry


def token_for(session, sas: str, collection: str, cancel=None, clock: Callable[[], float] = time.time) -> str:
    """The collection's SAS token from the cache, or a new one when the cached one has less than
    :data:`RENEW_BEFORE` seconds left."""
    key = (sas.rstrip("/"), collection)
    with _LOCK:
        cached = _TOKENS.get(key)
        if cached is not None and cached[1] - clock() > RENEW_BEFORE:
            return cached[0]
        token, expiry = _fetch_token(session, sas, collection, cancel)
        _TOKENS[key] = (token, expiry)
        _log.debug("Planetary Computer token for %s renewed (valid %.0f s)", collection, expiry - clock())
        return token


def forget_tokens() -> None:
    """Drop every cached token (tests; a user signing out)."""
    with _LOCK:
        _TOKENS.clear()


def signer_for(api: str, mode: str, session, collection: str, *, sas_url: Optional[str] = None,
               cancel=None, clock: Callable[[], float] = time.time) -> Callable[[str], str]:
    """A function turning an asset href into the href to read: itself for mode "", with the
    collection's SAS token appended for "planetary-computer" (storage hosts only).  ``sas_url``:
    the token endpoint (setting ``stac_pc_sas``; environment and default from core/config)."""
    if mode not in MODES:
        raise ParameterError(translate("Stac", "Unknown signing '{}' for the catalogue {}; use one of: {}.")
                             .format(mode, api, ", ".join(repr(m) for m in MODES)))
    if not mode:
        return lambda href: href
    sas = config.base_url("stac_pc_sas", sas_url)

    def sign(href: str) -> str:
        if not needs_signing(href):
            return href
        token = token_for(session, sas, collection, cancel=cancel, clock=clock)
        return href + ("&" if urlsplit(href).query else ("" if href.endswith("?") else "?")) + token
    return sign
