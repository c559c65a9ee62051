"""Access tokens for the Earth Engine REST API (QGIS-free).

A :class:`TokenProvider` gives a bearer token (``token()``) and forgets it
(``invalidate()``) after the API answered 401, so the next ``token()`` fetches
a fresh one.  Providers:

- :class:`StaticToken`: a token the user pasted or the environment gave
  (``EO_DOWNLOADER_EE_TOKEN``, see :func:`from_environment`);
- :class:`RefreshTokenProvider`: an OAuth2 refresh token exchanged at the token
  endpoint (``grant_type=refresh_token``, form-encoded POST), cached until
  shortly before it expires; :func:`read_earthengine_credentials` builds one from
  the file ``earthengine authenticate`` writes;
- :class:`ServiceAccountProvider`: a service-account key, signed with google-auth
  when that package is installed.

Tokens are registered with :func:`plugin.core.transfer.http.register_secret` so they are
masked in every log line and message.
"""
import json
import os
import threading
import time
from typing import Any, Callable, Dict, Optional

from ... import config
from ...errors import AuthError, HttpError, ParameterError
from ...i18n import translate

#: OAuth scope Earth Engine needs (the official client also asks for cloud-platform).
EE_SCOPES = ("https://www.googleapis.com/auth/earthengine",
             "https://www.googleapis.com/auth/cloud-platform")
DEFAULT_CREDENTIALS_PATH = os.path.join("~", ".config", "earthengine", "credentials")
#: Refresh this many seconds before the token's announced expiry.
EXPIRY_MARGIN = 60.0


def _register(token: str) -> None:
    try:
        from ...transfer.http import register_secret
        register_secret(token)
    except ImportError:  # pragma: no cover - http is part of the core
        pass


def fix_credentials_hint() -> str:
    return translate("EeAuth", "Sign in to Earth Engine again: run \"earthengine authenticate\" (or "
                               "ee.Authenticate() in Python), or update the Earth Engine credentials in "
                               "the plugin settings (a service-account key or an access token), then retry.")


class TokenProvider:
    """Interface: ``token()`` returns a bearer token, ``invalidate()`` forgets it."""

    #: A short description for messages (never the secret itself).
    label = "token"

    def token(self) -> str:  # pragma: no cover - interface
        raise NotImplementedError

    def invalidate(self) -> None:
        """Forget the cached token (the API refused it)."""

    def can_refresh(self) -> bool:
        """Whether ``invalidate()`` + ``token()`` can yield a different token."""
        return False


class StaticToken(TokenProvider):
    label = "access token"

    def __init__(self, token: str):
        token = (token or "").strip()
        if token.lower().startswith("bearer "):
            token = token[7:].strip()
        if not token:
            raise ParameterError(translate("EeAuth", "The Earth Engine access token is empty."),
                                 fix_credentials_hint())
        self._token = token
        _register(token)

    def token(self) -> str:
        return self._token


class RefreshTokenProvider(TokenProvider):
    """Exchanges an OAuth2 refresh token for access tokens, cached until expiry."""

    label = "refresh token"

    def __init__(self, client_id: str, client_secret: str, refresh_token: str,
                 token_url: Optional[str] = None, session=None, scopes=None,
                 clock: Callable[[], float] = time.time, timeout: float = 30.0):
        if not refresh_token:
            raise ParameterError(translate("EeAuth", "The Earth Engine credentials hold no refresh token."),
                                 fix_credentials_hint())
        self.client_id = client_id
        self.client_secret = client_secret
        self.refresh_token = refresh_token
        self.token_url = token_url or config.base_url("ee_token")
        self.scopes = scopes
        self._session = session
        self._clock = clock
        self._timeout = timeout
        self._lock = threading.Lock()
        self._token: Optional[str] = None
        self._expires_at = 0.0
        self.exchanges = 0
        for secret in (client_secret, refresh_token):
            if secret:
                _register(secret)

    def can_refresh(self) -> bool:
        return True

    def invalidate(self) -> None:
        with self._lock:
            self._token = None
            self._expires_at = 0.0

    def token(self) -> str:
        with self._lock:
            if self._token and self._clock() < self._expires_at - EXPIRY_MARGIN:
                return self._token
            self._token, self._expires_at = self._exchange()
            return self._token

    def _exchange(self):
        from ...transfer import http
        form = {"grant_type": "refresh_token", "refresh_token": self.refresh_token}
        if self.client_id:
            form["client_id"] = self.client_id
        if self.client_secret:
            form["client_secret"] = self.client_secret
        try:
            response = http.request(self._session, "POST", self.token_url, data=form,
                                    headers={"Accept": "application/json"}, secrets=http.Secrets(body=True),
                                    retry=http.RetryPolicy(max_attempts=3, base_delay=0.5),
                                    timeouts=http.Timeouts(connect=10.0, read=self._timeout))
        except HttpError as exc:
            if exc.status in (400, 401, 403):
                reason = getattr(exc, "service_message", "") or exc.message
                raise AuthError(translate("EeAuth", "Google refused the Earth Engine refresh token: {}")
                                .format(reason), status=exc.status, hint=fix_credentials_hint()) from None
            raise
        try:
            data = response.json()
        except ValueError:
            raise AuthError(translate("EeAuth", "The token endpoint {} did not answer with JSON.")
                            .format(self.token_url), hint=fix_credentials_hint()) from None
        token = data.get("access_token") if isinstance(data, dict) else None
        if not token:
            raise AuthError(translate("EeAuth", "The token endpoint answered without an access token."),
                            hint=fix_credentials_hint())
        _register(token)
        self.exchanges += 1
        try:
            expires_in = float(data.get("expires_in", 3600))
        except (TypeError, ValueError):
            expires_in = 3600.0
        return token, self._clock() + expires_in


def read_earthengine_credentials(path: Optional[str] = None, token_url: Optional[str] = None,
                                 session=None, default_client_id: Optional[str] = None,
                                 default_client_secret: Optional[str] = None) -> RefreshTokenProvider:
    """A :class:`RefreshTokenProvider` from the JSON ``earthengine authenticate`` writes.

    The file holds ``refresh_token`` and usually ``client_id``, ``client_secret``,
    ``scopes`` and ``project``.  The provider gets ``.project`` (or None).
    """
    path = os.path.expanduser(path or DEFAULT_CREDENTIALS_PATH)
    try:
        with open(path, "r", encoding="utf-8") as f:
            data = json.load(f)
    except FileNotFoundError:
        raise ParameterError(translate("EeAuth", "No Earth Engine credentials file at {}.").format(path),
                             fix_credentials_hint()) from None
    except (OSError, ValueError) as exc:
        raise ParameterError(translate("EeAuth", "The Earth Engine credentials file {} cannot be read: {}")
                             .format(path, exc), fix_credentials_hint()) from None
    if not isinstance(data, dict) or not data.get("refresh_token"):
        raise ParameterError(translate("EeAuth", "The Earth Engine credentials file {} holds no refresh token.")
                             .format(path), fix_credentials_hint())
    client_id = data.get("client_id") or default_client_id
    client_secret = data.get("client_secret") or default_client_secret
    if not client_id:
        raise ParameterError(translate("EeAuth", "The Earth Engine credentials file {} names no OAuth client "
                                                 "(client_id).").format(path),
                             translate("EeAuth", "Run \"earthengine authenticate\" again with a current "
                                                 "earthengine-api, or use a service-account key."))
    provider = RefreshTokenProvider(client_id, client_secret or "", data["refresh_token"],
                                    token_url=token_url, session=session, scopes=data.get("scopes"))
    provider.project = data.get("project") or None
    return provider


class ServiceAccountProvider(TokenProvider):
    """A service-account key (JSON text, dict or file path) signed with google-auth."""

    label = "service account"

    def __init__(self, key_json: Any, scopes=EE_SCOPES, token_url: Optional[str] = None, session=None):
        try:
            from google.oauth2 import service_account
            import google.auth.transport.requests  # noqa: F401
        except ImportError:
            raise ParameterError(
                translate("EeAuth", "Service-account keys need the Python package google-auth, which is "
                                    "not installed."),
                translate("EeAuth", "Install google-auth into QGIS's Python (pip install google-auth), or "
                                    "sign in with \"earthengine authenticate\" instead.")) from None
        info = key_json
        if isinstance(info, str):
            text = info.strip()
            if not text.startswith("{") and os.path.exists(os.path.expanduser(text)):
                with open(os.path.expanduser(text), "r", encoding="utf-8") as f:
                    text = f.read()
            try:
                info = json.loads(text)
            except ValueError as exc:
                raise ParameterError(translate("EeAuth", "The service-account key is not valid JSON: {}")
                                     .format(exc), fix_credentials_hint()) from None
        if not isinstance(info, dict) or info.get("type") != "service_account" or not info.get("private_key"):
            raise ParameterError(translate("EeAuth", "This is not a service-account key (JSON with "
                                                     "\"type\": \"service_account\")."), fix_credentials_hint())
        if token_url:
            info = dict(info, token_uri=token_url)
        self._credentials = service_account.Credentials.from_service_account_info(info, scopes=list(scopes))
        self.project = info.get("project_id")
        self._transport = GoogleTransport(session)
        self._lock = threading.Lock()
        _register(info.get("private_key", ""))

    def can_refresh(self) -> bool:
        return True

    def invalidate(self) -> None:
        with self._lock:
            self._credentials.token = None

    def token(self) -> str:
        from google.auth import exceptions as gexc
        with self._lock:
            if not self._credentials.valid:
                try:
                    self._credentials.refresh(self._transport)
                except gexc.GoogleAuthError as exc:
                    raise AuthError(translate("EeAuth", "The service-account key was refused: {}").format(exc),
                                    hint=fix_credentials_hint()) from None
            _register(self._credentials.token)
            return self._credentials.token


class GoogleTransport:
    """google-auth's HTTP transport (a ``google.auth.transport.Request``) through the plugin's.

    google-auth's own transport lets requests follow redirects, which would post the
    signed assertion wherever a 307 points; here the body is a secret of
    :func:`plugin.core.http.send_following`: never sent to another origin, and the
    answer is read with the plugin's size and rate limits.
    """

    def __init__(self, session=None, timeout: float = 30.0):
        self._session = session
        self._timeout = timeout

    def __call__(self, url, method="GET", body=None, headers=None, timeout=None, **kwargs):
        import requests
        from google.auth import exceptions as gexc
        from ...transfer import http
        try:
            response = http.send_following(self._session or http.default_session(), method, url,
                                           secrets=http.Secrets(body=True), data=body, headers=dict(headers or {}),
                                           timeouts=http.Timeouts(connect=10.0, read=timeout or self._timeout))
        except requests.exceptions.RequestException as exc:
            raise gexc.TransportError(http.describe_exception(exc)) from None
        return _TransportResponse(response)


class _TransportResponse:
    """A ``google.auth.transport.Response`` of a requests response (body already read)."""

    def __init__(self, response):
        self.status = response.status_code
        self.headers = response.headers
        self.data = response.content


def provider_from_json(data: Any, token_url: Optional[str] = None, session=None) -> TokenProvider:
    """A provider from credential JSON (dict or text), whichever kind it is.

    - a service-account key (``"type": "service_account"``) -> :class:`ServiceAccountProvider`;
    - ``refresh_token`` with ``client_id`` / ``client_secret`` (what ``earthengine
      authenticate`` writes, or gcloud's ``authorized_user`` JSON) -> :class:`RefreshTokenProvider`;
    - ``access_token`` (or ``token``) -> :class:`StaticToken`;
    - a :class:`TokenProvider` (e.g. from :func:`read_earthengine_credentials`) is returned
      as it is (its token endpoint set to ``token_url`` when given).
    ``token_url`` overrides the token endpoint (tests, proxies).
    """
    if isinstance(data, TokenProvider):
        if token_url and isinstance(data, RefreshTokenProvider):
            data.token_url = token_url
        return data
    if isinstance(data, (str, bytes)):
        try:
            data = json.loads(data)
        except ValueError as exc:
            raise ParameterError(translate("EeAuth", "The Earth Engine credentials are not valid JSON: {}")
                                 .format(exc), fix_credentials_hint()) from None
    if not isinstance(data, dict):
        raise ParameterError(translate("EeAuth", "The Earth Engine credentials must be a JSON object."),
                             fix_credentials_hint())
    if data.get("type") == "service_account":
        return ServiceAccountProvider(data, token_url=token_url, session=session)
    if data.get("refresh_token"):
        if not data.get("client_id"):
            raise ParameterError(translate("EeAuth", "The Earth Engine credentials name no OAuth client "
                                                     "(client_id)."), fix_credentials_hint())
        provider = RefreshTokenProvider(data["client_id"], data.get("client_secret") or "", data["refresh_token"],
                                        token_url=token_url or data.get("token_uri"), session=session,
                                        scopes=data.get("scopes"))
        provider.project = data.get("project") or data.get("quota_project_id") or None
        return provider
    token = data.get("access_token") or data.get("token")
    if token:
        return StaticToken(str(token))
    raise ParameterError(translate("EeAuth", "These credentials hold neither a refresh token, a service-account "
                                             "key nor an access token."), fix_credentials_hint())


def from_environment(environ: Optional[Dict[str, str]] = None) -> Optional[TokenProvider]:
    """A :class:`StaticToken` from ``EO_DOWNLOADER_EE_TOKEN`` (None when unset)."""
    env = os.environ if environ is None else environ
    value = (env.get(config.SECRET_ENV_VARS["ee_token"]) or "").strip()
    return StaticToken(value) if value else None


def provider_from_credentials(credentials: Dict[str, Any]) -> TokenProvider:
    """The provider a runner should use, from ``ctx.credentials`` or the environment."""
    creds = credentials or {}
    provider = creds.get("token_provider")
    if isinstance(provider, TokenProvider) or (provider is not None and hasattr(provider, "token")):
        return provider
    if creds.get("token"):
        return StaticToken(creds["token"])
    if creds.get("service_account_key"):
        return ServiceAccountProvider(creds["service_account_key"], token_url=creds.get("token_url"))
    if creds.get("credentials_json"):
        return provider_from_json(creds["credentials_json"], token_url=creds.get("token_url"))
    if creds.get("refresh_token"):
        return RefreshTokenProvider(creds.get("client_id", ""), creds.get("client_secret", ""),
                                    creds["refresh_token"], token_url=creds.get("token_url"))
    env = from_environment()
    if env is not None:
        return env
    raise AuthError(translate("EeAuth", "No Earth Engine credentials are configured."),
                    hint=fix_credentials_hint())
