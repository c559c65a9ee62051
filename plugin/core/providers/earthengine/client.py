"""The Earth Engine REST calls of a synchronous download, as the official client makes them.

- ``get_asset(id)``: ``GET {base}/v1/projects/{earthengine-public|earthengine-legacy|p}/assets/{id}
  ?prettyPrint=false&alt=json`` (band types and native grids, for the size estimate);
- ``create_download_id(body)``: ``POST {base}/v1/projects/{project}/thumbnails?fields=name&alt=json``
  with the body of :func:`.expression.thumbnail_body`; returns the thumbnail name;
- ``download(name, dest)``: ``GET {base}/v1/{name}:getPixels`` through the transfer engine;
- ``list_assets(collection, query)``: ``GET {base}/v1/projects/earthengine-public/assets/
  {collection}:listAssets?...&alt=json`` (one page of :func:`.collections.search`);
- ``thumbnail_pixels(body)``: a small picture (e.g. a PNG preview) in memory: create, then getPixels.

Every call carries ``Authorization: Bearer <token>`` and, unless the project is
``earthengine-legacy``, ``X-Goog-User-Project: <project>``.  429, 5xx and
network errors are retried by :func:`plugin.core.transfer.http.request` (5 retries, like
the official client, with exponential backoff and ``Retry-After`` honoured).  A
401 makes the token provider forget its token and the call is tried once more
with a fresh one.  Errors become user-facing exceptions carrying Earth Engine's
own message verbatim plus what to change.
"""
import dataclasses
import json
import logging
import re
from urllib.parse import urlencode
from typing import Any, Callable, Dict, Optional

from ...transfer import http
from ...errors import AuthError, EoError, HttpError, ParameterError
from ...i18n import translate
from .auth import TokenProvider, fix_credentials_hint
from .budget import budget_for
from .params import LEGACY_PROJECT

_log = logging.getLogger(__name__)

API_VERSION = "v1"
_ASSET_NAME_RE = re.compile(r"^projects/((?:\w+(?:[\w\-]+\.[\w\-]+)*?\.\w+\:)?[a-z][a-z0-9\-]{4,28}[a-z0-9])"
                            r"/assets/(.*)$")


class RequestTooLargeError(HttpError):
    """Earth Engine refused a request as too big (bytes or grid dimensions)."""


class DownloadIdExpiredError(HttpError):
    """A getPixels id is unknown or expired; create a new one."""


def official_retry_policy() -> http.RetryPolicy:
    """Like the official client: 5 retries, the n-th after random() * 2**n seconds."""
    return http.RetryPolicy(max_attempts=6, base_delay=2.0, max_delay=64.0, max_total=600.0)


#: Base delay of the retries of a tile's requests (its download id's create, its getPixels) after a
#: 5xx or a dropped connection.  The official client waits random() * 2 s, then * 4 s ... (geedim
#: the same for the pixels); a download waits for its last tile, and a getPixels retried costs the
#: tile's whole computing time again, so the first retries come at once (full jitter: 0-0.25 s,
#: 0-0.5 s, ...), three more of them keeping about the API policy's patience (20 x 20 km with 10 % of
#: the requests failing: a create's 503 cost its tile 0-2 s).  A 429 still backs off as the API calls
#: do (and slows the budget down).
TILE_BASE_DELAY = 0.25
TILE_EXTRA_ATTEMPTS = 3


def tile_retry_policy(api: http.RetryPolicy) -> http.RetryPolicy:
    """The retry policy of a tile's requests (create, getPixels), from the client's API policy ``api``."""
    return dataclasses.replace(api, base_delay=min(api.base_delay, TILE_BASE_DELAY),
                               max_attempts=api.max_attempts + TILE_EXTRA_ATTEMPTS,
                               throttle_base_delay=api.throttle_base_delay or api.base_delay)


def asset_name(asset_id: str) -> str:
    """The Cloud API resource name of an asset id (as ``ee.data.getAsset`` builds it)."""
    asset_id = asset_id.strip()
    if _ASSET_NAME_RE.match(asset_id):
        return asset_id
    if asset_id.split("/")[0] in ("users", "projects"):
        return "projects/{}/assets/{}".format(LEGACY_PROJECT, asset_id)
    return "projects/earthengine-public/assets/{}".format(asset_id)


def service_message(exc: HttpError) -> str:
    return getattr(exc, "service_message", "") or exc.message


def is_size_error(exc: HttpError) -> bool:
    msg = service_message(exc)
    return exc.status == 400 and ("Total request size" in msg or "Pixel grid dimensions" in msg)


def translate_error(exc: HttpError, project: str, what: str = "") -> EoError:  # noqa: C901 (see docs/architecture.md, exceptions)
    """A user-facing error for an Earth Engine error response (its message kept verbatim)."""
    msg = service_message(exc)
    status = exc.status
    text = translate("EeClient", "Earth Engine: {}").format(msg)
    if status == 401:
        return AuthError(translate("EeClient", "Earth Engine refused the credentials (HTTP 401): {}").format(msg),
                         status=401, hint=fix_credentials_hint(), body=exc.body)
    if status == 403:
        if "not registered to use Earth Engine" in msg:
            hint = translate("EeClient", "Register the Cloud project {p} for Earth Engine at "
                                         "https://code.earthengine.google.com/register?project={p} (and enable "
                                         "the Earth Engine API in it), or choose a registered project in the "
                                         "settings.").format(p=project)
        elif "serviceusage" in msg or "required permission to use project" in msg:
            hint = translate("EeClient", "Your account needs the role \"Service Usage Consumer\" "
                                         "(roles/serviceusage.serviceUsageConsumer) on project {p}, or choose "
                                         "a project you own in the settings.").format(p=project)
        else:
            hint = translate("EeClient", "Check that the project id {p} is right, that your account may use "
                                         "it with Earth Engine, and that the image is readable by you.").format(
                p=project)
        return AuthError(text, status=403, hint=hint, body=exc.body)
    if is_size_error(exc):
        return RequestTooLargeError(
            text, status=400, body=exc.body,
            hint=translate("EeClient", "Make the area smaller or the scale coarser, choose fewer bands, or "
                                       "leave tiling on so the download is split into requests Earth Engine "
                                       "accepts."))
    if status == 404 and what == "asset":
        return ParameterError(text, translate("EeClient", "Check the image id (an Earth Engine asset id such "
                                                          "as COPERNICUS/S2_SR/...), and that you may read it."))
    if status == 404 and what == "collection":
        return ParameterError(text, translate("EeClient", "Check the collection id (an Earth Engine image "
                                                          "collection such as COPERNICUS/S2_SR_HARMONIZED)."))
    if status == 404 and what == "pixels":
        return DownloadIdExpiredError(text, status=404, body=exc.body)
    if status == 400:
        return HttpError(text, status=400, body=exc.body,
                         hint=translate("EeClient", "Earth Engine refused the download options; change what "
                                                    "the message names."))
    if status == 429:
        return HttpError(text, status=429, body=exc.body, retryable=True,
                         hint=translate("EeClient", "Earth Engine's request quota is exhausted for now; "
                                                    "wait a few minutes, or download fewer tiles at once."))
    if status is not None and status >= 500:
        return HttpError(text, status=status, body=exc.body, retryable=True,
                         hint=translate("EeClient", "Earth Engine has a problem; try again later."))
    if status is None:
        return exc
    return HttpError(text, status=status, body=exc.body, hint=exc.hint, retryable=exc.retryable)


class EeClient:
    """REST client for one project and one token provider (thread-safe).

    Each request holds one of the project's slots in this process
    (:class:`~plugin.core.providers.earthengine.budget.Budget`, at most ``cap`` in flight: the user's
    setting ``ee_max_concurrency``), whichever job or window sends it."""

    def __init__(self, base_url: str, project: str, token_provider: TokenProvider, session=None,
                 retry: Optional[http.RetryPolicy] = None, timeouts: Optional[http.Timeouts] = None,
                 cancel=None, cap: Optional[int] = None):
        self.base_url = base_url.rstrip("/")
        self.project = project
        self.budget = budget_for(self.base_url, project)
        self.cap = int(cap) if cap else None
        self.tokens = token_provider
        self.session = session
        self.retry = retry or official_retry_policy()
        self.timeouts = timeouts or http.Timeouts(connect=10.0, read=300.0)
        self.cancel = cancel

    # -- plumbing -----------------------------------------------------------
    def headers(self, json_body: bool = False) -> Dict[str, str]:
        token = self.tokens.token()
        http.register_secret(token)
        headers = {"Authorization": "Bearer " + token, "Accept": "application/json"}
        if self.project and self.project != LEGACY_PROJECT:
            headers["X-Goog-User-Project"] = self.project
        if json_body:
            headers["Content-Type"] = "application/json"
        return headers

    def _can_refresh(self) -> bool:
        check = getattr(self.tokens, "can_refresh", None)
        return bool(check()) if callable(check) else True

    def with_auth(self, call: Callable[[Dict[str, str]], Any], json_body: bool = False):
        """Run ``call(headers)``; on 401 forget the token and try once more with a fresh one."""
        try:
            return call(self.headers(json_body))
        except AuthError as exc:
            if exc.status != 401 or not self._can_refresh():
                raise
            _log.info("Earth Engine answered 401; fetching a new access token and retrying once.")
            self.tokens.invalidate()
            return call(self.headers(json_body))

    def _request(self, method: str, url: str, what: str, *, retry: Optional[http.RetryPolicy] = None,
                 cancel: Any = "ctx", **kwargs):
        """The response to one request (``cancel``: the client's token unless given, None: not
        cancellable); an error status as the user-facing error of ``what`` (:func:`translate_error`)."""
        token = self.cancel if cancel == "ctx" else cancel

        def call(headers):
            return http.request(self.session, method, url, retry=retry or self.retry, timeouts=self.timeouts,
                                cancel=token, headers=headers, **kwargs)
        try:
            with self.budget.slot(token, self.cap):
                return self.with_auth(call, json_body="data" in kwargs)
        except HttpError as exc:
            raise translate_error(exc, self.project, what) from None

    @staticmethod
    def _json(response, url: str) -> Dict[str, Any]:
        try:
            data = response.json()
        except ValueError:
            body = http.read_limited(response)
            info = http.parse_error_body(body, response.headers.get("Content-Type", ""))
            if info.is_html:      # a proxy's sign-in page, a captive portal...: say which
                raise HttpError(http.redact(translate("EeClient", "Earth Engine: {}").format(info.message)),
                                status=response.status_code, body=http.redact(body[:2000])) from None
            raise HttpError(translate("EeClient", "Earth Engine sent an answer that is not JSON ({}).")
                            .format(http.short_url(url)), status=response.status_code) from None
        if not isinstance(data, dict):
            raise HttpError(translate("EeClient", "Earth Engine sent an unexpected answer ({}).")
                            .format(http.short_url(url)), status=response.status_code)
        return data

    # -- API ------------------------------------------------------------------
    def asset_url(self, asset_id: str) -> str:
        return "{}/{}/{}?prettyPrint=false&alt=json".format(self.base_url, API_VERSION, asset_name(asset_id))

    def get_asset(self, asset_id: str) -> Dict[str, Any]:
        """The ``EarthEngineAsset`` of ``asset_id`` (bands with data types and grids)."""
        url = self.asset_url(asset_id)
        return self._json(self._request("GET", url, "asset"), url)

    def image_info(self, asset_id: str):
        """Band data types and native grids of an image (:class:`.tiling.ImageInfo`), for estimates."""
        from .tiling import ImageInfo
        return ImageInfo.from_asset(self.get_asset(asset_id), asset_id)

    def list_assets(self, collection: str, query: Dict[str, str]) -> Dict[str, Any]:
        """One page of ``ee.data.listImages``: ``GET .../assets/<collection>:listAssets``."""
        url = "{}/{}/{}:listAssets?{}".format(self.base_url, API_VERSION, asset_name(collection),
                                             urlencode(dict(query, alt="json")))
        return self._json(self._request("GET", url, "collection"), url)

    def thumbnail_pixels(self, body: Dict[str, Any]) -> bytes:
        """Create a thumbnail (``body`` of :func:`.composite.preview_body`) and GET its bytes."""
        name = self.create_download_id(body)
        url = self.download_url(name)
        response = self._request("GET", url, "pixels")
        data, problem = http.read_body(response)
        if problem:
            raise HttpError(translate("EeClient", "Earth Engine's picture was cut short: {}.").format(problem),
                            retryable=True)
        return data

    def thumbnails_url(self) -> str:
        return "{}/{}/projects/{}/thumbnails?fields=name&alt=json".format(self.base_url, API_VERSION, self.project)

    def create_download_id(self, body: Dict[str, Any]) -> str:
        """``getDownloadId``: POST the Thumbnail body, return its name ``projects/p/thumbnails/id``."""
        url = self.thumbnails_url()
        data = json.dumps(body)
        result = self._json(self._request("POST", url, "create", data=data, retry=tile_retry_policy(self.retry)), url)
        name = result.get("name")
        if not isinstance(name, str) or "/thumbnails/" not in name:
            raise HttpError(translate("EeClient", "Earth Engine did not return a download id."), status=200,
                            body=http.redact(json.dumps(result)[:500]))
        return name

    def download_url(self, name: str) -> str:
        """``makeDownloadUrl``: ``{base}/v1/{name}:getPixels`` (no token in the URL)."""
        return "{}/{}/{}:getPixels".format(self.base_url, API_VERSION, name)

    def download(self, name: str, dest: str, progress=None, accept=None):
        """GET the pixels of download id ``name`` into ``dest`` (transfer engine: verify, rename)."""
        from ...transfer import download as transfer
        url = self.download_url(name)

        def call(headers):
            headers = {k: v for k, v in headers.items() if k not in ("Accept", "X-Goog-User-Project")}
            return transfer.download(url, dest, session=self.session, headers=headers, cancel=self.cancel,
                                     progress=progress, retry=tile_retry_policy(self.retry),
                                     timeouts=self.timeouts,
                                     accept=accept, limiter=False)
        try:
            with self.budget.slot(self.cancel, self.cap):
                return self.with_auth(call)
        except HttpError as exc:
            raise translate_error(exc, self.project, "pixels") from None
