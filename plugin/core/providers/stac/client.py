"""A STAC API client: landing page, conformance, collections and item search.

Every request goes through :func:`core.transfer.http.request` (redirect rules with secrets kept to
their origin, body limits, cancel token, retries).  What the wire looks like (shared/protocols.md,
"STAC API"; STAC API 1.0 item-search, filter and query extensions):

* ``GET {api}/`` -- the landing page: ``conformsTo`` (else ``GET {api}/conformance``) and links,
  among them ``rel="search"`` with the ``method`` (GET/POST) the server accepts.
* ``GET {api}/collections`` -- ``{"collections": [...], "links": [...]}``, paged by ``rel="next"``.
* ``POST {api}/search`` with ``collections``, ``intersects``, ``datetime`` (``start/end``, ``..`` for
  an open end), ``limit``; or ``GET`` with the same as query parameters (``bbox`` for the area) when the
  landing offers no POST.  The next page is the ``rel="next"`` link: a GET URL, or a POST with a
  ``body`` that replaces the request's body (``merge: true``: is merged into it).
* Cloud cover: CQL2 ``filter`` (cql2-json) when the conformance lists ``item-search#filter``, else the
  ``query`` extension when it lists ``item-search#query``, else nothing is sent: a server without
  them may answer a ``filter`` with nothing at all (rustac does) -- the items are filtered here instead,
  and the result's notes say so.

The credentials of a private catalogue (``headers``) go only to the catalogue's own origin: a ``next``
link or a redirect to another host gets none.
"""
import datetime as _dt
import json
import logging
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Tuple
from urllib.parse import quote, urljoin

from ... import config
from ...errors import AuthError, HttpError, ParameterError, ProviderError
from ...i18n import translate

_log = logging.getLogger(__name__)

CLOUD_PROPERTY = "eo:cloud_cover"
_ACCEPT = "application/geo+json, application/json;q=0.9, */*;q=0.1"


@dataclass
class SearchResult:
    """Items found (newest first), what was done on the way (``notes``, translated), the server's
    ``numberMatched`` when it gave one, and whether the cap cut the result short."""

    items: List[Dict[str, Any]] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    matched: Optional[int] = None
    truncated: bool = False


def conforms(conformance: Iterable[str], part: str) -> bool:
    """Whether a conformance class ending in ``part`` (e.g. "item-search#filter") is listed, whatever
    the STAC API version in its URL."""
    return any(isinstance(c, str) and c.rstrip("/").endswith("/" + part) for c in conformance or ())


def cloud_mode(conformance: Iterable[str]) -> str:
    """How a cloud-cover limit is sent: "filter" (CQL2), "query" or "" (filtered here)."""
    if conforms(conformance, "item-search#filter"):
        return "filter"
    if conforms(conformance, "item-search#query"):
        return "query"
    return ""


def item_time(item: Dict[str, Any]) -> str:
    """The item's date for sorting and display: ``datetime``, else ``start_datetime``; "" if none."""
    props = item.get("properties") or {}
    return str(props.get("datetime") or props.get("start_datetime") or "")


def item_cloud(item: Dict[str, Any]) -> Optional[float]:
    value = (item.get("properties") or {}).get(CLOUD_PROPERTY)
    try:
        return None if value is None or isinstance(value, bool) else float(value)
    except (TypeError, ValueError):
        return None


def thumbnail_href(item: Dict[str, Any]) -> str:
    """The item's small picture: the asset keyed "thumbnail", else one with the role "thumbnail", else a
    rendered preview (Planetary Computer's ``rendered_preview``, roles "overview" in PNG/JPEG); else ""."""
    assets = {k: a for k, a in (item.get("assets") or {}).items() if isinstance(a, dict) and a.get("href")}

    def picture(asset):
        return str(asset.get("type") or "").startswith(("image/png", "image/jpeg", "image/webp"))
    chosen = assets.get("thumbnail") \
        or next((a for a in assets.values() if "thumbnail" in (a.get("roles") or [])), None) \
        or assets.get("rendered_preview") \
        or next((a for a in assets.values() if "overview" in (a.get("roles") or []) and picture(a)), None)
    return str(chosen["href"]) if chosen else ""


def newest_first(items: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Newest first, items without a date last (STAC times are RFC 3339 in UTC, so text order is time
    order for the usual ``Z`` form; others are parsed)."""
    def key(item):
        text = item_time(item)
        try:
            return (1, _dt.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())
        except ValueError:
            return (0, 0.0)
    return sorted(items, key=key, reverse=True)


def datetime_range(start, end) -> str:
    """``start/end`` as STAC wants it: dates become the whole days (start 00:00:00Z, end 23:59:59Z);
    an empty end is open (``..``)."""
    def text(value, end_of_day):
        if value in (None, ""):
            return ".."
        if isinstance(value, _dt.datetime):
            value = value.astimezone(_dt.timezone.utc) if value.tzinfo else value
            return value.strftime("%Y-%m-%dT%H:%M:%SZ")
        if isinstance(value, str) and "T" in value:
            return value
        try:
            day = value if isinstance(value, _dt.date) else _dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise ParameterError(translate("Stac", "The date '{}' is not a date (YYYY-MM-DD).").format(value)) \
                from None
        return day.isoformat() + ("T23:59:59Z" if end_of_day else "T00:00:00Z")
    first, last = text(start, False), text(end, True)
    if first != ".." and last != ".." and first > last:
        raise ParameterError(translate("Stac", "The dates are reversed: the start {} is after the end {}.")
                             .format(first[:10], last[:10]))
    return "{}/{}".format(first, last)


def _check_search_args(collections, max_cloud, limit, max_items) -> List[str]:
    names = [collections] if isinstance(collections, str) else list(collections or [])
    names = [str(name).strip() for name in names if str(name).strip()]
    if not names:
        raise ParameterError(translate("Stac", "No collection is chosen: load the catalogue's collections "
                                               "and pick one."))
    if max_cloud is not None and not 0 <= float(max_cloud) <= 100:
        raise ParameterError(translate("Stac", "The maximum cloud cover must be between 0 and 100 %."))
    if int(limit) < 1 or int(max_items) < 1:
        raise ParameterError(translate("Stac", "The page size and the maximum number of items must be "
                                               "positive."))
    return names


class StacClient:
    """One STAC API catalogue at ``api`` (its root URL).  ``headers``: credentials of a private
    catalogue (sent to its origin only); ``cancel``: a CancelToken for every request."""

    def __init__(self, api: str, session, headers: Optional[Dict[str, str]] = None, *, cancel=None,
                 retry=None, timeouts=None):
        from ...transfer import http
        self.api = (api or "").strip()
        if not self.api.lower().startswith(("http://", "https://")):
            raise ParameterError(translate("Stac", "The catalogue address must be an http(s) URL, not '{}'.")
                                 .format(self.api))
        self.root = self.api.rstrip("/") + "/"
        self.session = session
        self.headers = dict(headers or {})
        for value in self.headers.values():
            http.register_secret(value)
        self.cancel = cancel
        self.retry = retry
        self.timeouts = timeouts
        self._landing: Optional[Dict[str, Any]] = None
        self._conformance: Optional[List[str]] = None

    # -- plumbing ---------------------------------------------------------------------------------
    def _headers_for(self, url: str, json_body: bool = False) -> Dict[str, str]:
        """The catalogue's credentials for its own origin only, never for a link to another host."""
        from ...transfer import http
        headers = {"Accept": _ACCEPT}
        if json_body:
            headers["Content-Type"] = "application/json"
        if http.same_origin(self.root, url):
            headers.update(self.headers)
        return headers

    def _json(self, method: str, url: str, body: Optional[Dict[str, Any]] = None, cancel=None) -> Any:
        """The JSON answer of one request, errors in the catalogue's words."""
        from ...transfer import http
        kwargs = {"headers": self._headers_for(url, body is not None)}
        if body is not None:
            kwargs["data"] = json.dumps(body).encode("utf-8")
        try:
            response = http.request(self.session, method, url, retry=self.retry, timeouts=self.timeouts,
                                    cancel=cancel or self.cancel,
                                    secrets=http.Secrets(headers=tuple(self.headers)), **kwargs)
        except AuthError as exc:
            raise AuthError(translate("Stac", "The STAC catalogue {} refused the request (HTTP {}): {}").format(
                http.short_url(self.root), exc.status, exc.message), status=exc.status, body=exc.body,
                hint=translate("Stac", "A private catalogue needs an authentication configuration (Basic, "
                                       "OAuth2, or an API header); check the one chosen.")) from None
        except HttpError as exc:
            if exc.status is None:          # no answer at all: the network message and its hint
                raise
            raise ProviderError(translate("Stac", "The STAC catalogue answered {} {} with HTTP {}: {}").format(
                method, http.short_url(url), exc.status, exc.message)) from None
        try:
            return response.json()
        except ValueError:
            raise ProviderError(not_stac_message(self.root)) from None
        finally:
            response.close()

    # -- landing page, conformance, collections ----------------------------------------------------
    def landing(self) -> Dict[str, Any]:
        if self._landing is None:
            page = self._json("GET", self.root)
            if not isinstance(page, dict) or not isinstance(page.get("links"), list):
                raise ProviderError(not_stac_message(self.root))
            self._landing = page
        return self._landing

    def conformance(self) -> List[str]:
        """The conformance classes: the landing's ``conformsTo``, else ``/conformance``."""
        if self._conformance is None:
            listed = self.landing().get("conformsTo")
            if not isinstance(listed, list):
                answer = self._json("GET", self._link("conformance") or urljoin(self.root, "conformance"))
                listed = answer.get("conformsTo") if isinstance(answer, dict) else None
            if not isinstance(listed, list):
                raise ProviderError(not_stac_message(self.root))
            self._conformance = [c for c in listed if isinstance(c, str)]
        return self._conformance

    def _link(self, rel: str, method: Optional[str] = None) -> Optional[str]:
        for link in self.landing().get("links") or []:
            if isinstance(link, dict) and link.get("rel") == rel and link.get("href") and \
                    (method is None or str(link.get("method") or "GET").upper() == method):
                return urljoin(self.root, link["href"])
        return None

    def collections(self, cancel=None) -> List[Dict[str, Any]]:
        """Every collection of the catalogue (pages followed, at most ``config.MAX_LIST_PAGES``)."""
        url = self._link("data") or urljoin(self.root, "collections")
        out: List[Dict[str, Any]] = []
        seen = set()
        for _page in range(config.MAX_LIST_PAGES):
            seen.add(url)
            page = self._json("GET", url, cancel=cancel)
            if not isinstance(page, dict) or not isinstance(page.get("collections"), list):
                raise ProviderError(translate("Stac", "The catalogue's collection list is not a STAC answer "
                                                      "(no 'collections'): {}").format(self.root))
            out.extend(c for c in page["collections"] if isinstance(c, dict) and c.get("id"))
            link = next_link(page, url)
            if link is None or link[1] in seen:
                break
            url = link[1]
        return out

    def check_collection(self, collection: str, cancel=None) -> None:
        """Raises a clear error when the catalogue has no collection ``collection`` (HTTP 404)."""
        from ...transfer import http
        url = urljoin(self.root, "collections/" + quote(collection, safe=""))
        try:
            http.request(self.session, "GET", url, retry=self.retry, timeouts=self.timeouts,
                         cancel=cancel or self.cancel, headers=self._headers_for(url),
                         secrets=http.Secrets(headers=tuple(self.headers))).close()
        except AuthError:
            raise
        except HttpError as exc:
            if exc.status != 404:
                raise
            raise ProviderError(translate("Stac", "The catalogue {} has no collection '{}'.")
                                .format(http.short_url(self.root), collection),
                                hint=translate("Stac", "Load the catalogue's collections and pick one of "
                                                       "them.")) from None

    def fetch_bytes(self, href: str, max_bytes: int = 8 * 1024 * 1024, cancel=None) -> bytes:
        """A small file of the catalogue (a thumbnail): the catalogue's credentials on its own origin
        only, at most ``max_bytes``."""
        from ...transfer import http
        response = http.request(self.session, "GET", href, retry=self.retry, timeouts=self.timeouts,
                                cancel=cancel or self.cancel, headers=self._headers_for(href), max_body=max_bytes,
                                secrets=http.Secrets(headers=tuple(self.headers)))
        try:
            return response.content
        finally:
            response.close()

    # -- item search ----------------------------------------------------------------------------------
    def search(self, collections, intersects: Optional[Dict[str, Any]], start=None, end=None,
               max_cloud: Optional[float] = None, limit: int = config.STAC_PAGE_LIMIT,
               max_items: int = config.STAC_MAX_ITEMS, cancel=None) -> SearchResult:
        """Items of ``collections`` over ``intersects`` (GeoJSON, EPSG:4326) between ``start`` and ``end``
        (dates or RFC 3339 times; None: open), at most ``max_cloud`` % clouds, at most ``max_items``."""
        names = _check_search_args(collections, max_cloud, limit, max_items)
        if not conforms(self.conformance(), "item-search"):
            raise ProviderError(translate("Stac", "The catalogue {} does not offer item search (its conformance "
                                                  "does not list 'item-search').").format(self.root))
        mode = cloud_mode(self.conformance()) if max_cloud is not None else ""
        use_post = self._link("search", "POST") is not None or self._link("search") is None
        body = search_body(names, intersects, datetime_range(start, end), min(int(limit), int(max_items)),
                           max_cloud, mode)
        sorted_there = conforms(self.conformance(), "item-search#sort")
        if sorted_there:
            body["sortby"] = [{"field": "properties.datetime", "direction": "desc"}]
        url = self._link("search", "POST" if use_post else "GET") or urljoin(self.root, "search")
        result = self._pages(url, body, use_post, int(max_items), cloud_here=max_cloud if (
            max_cloud is not None and not mode) else None, cancel=cancel)
        if max_cloud is not None:
            result.notes.insert(0, cloud_note(mode))
        if not result.items:
            for name in names:
                self.check_collection(name, cancel=cancel)
        if result.truncated and not sorted_there:
            result.notes.append(translate("Stac", "The catalogue cannot sort (no sort extension): these are the "
                                                  "first items it gave, not necessarily the newest."))
        if not use_post and intersects:
            result.notes.append(translate("Stac", "The catalogue searches by GET only: it was asked for the "
                                                  "area's bounding box, and the items outside the area itself "
                                                  "were left out here."))
        result.items = newest_first(result.items)
        return result

    def _pages(self, url: str, body: Dict[str, Any], use_post: bool, max_items: int,
               cloud_here: Optional[float], cancel=None) -> SearchResult:
        """Follow the ``next`` links until ``max_items`` items are kept (see :class:`ClientFilter`)."""
        result = SearchResult()
        keep = ClientFilter(cloud_here, None if use_post else body.get("intersects"))
        method, request_body = ("POST", body) if use_post else ("GET", None)
        if not use_post:
            url = get_url(url, body)
        seen = set()
        for _page in range(config.MAX_LIST_PAGES):
            seen.add((method, url, json.dumps(request_body, sort_keys=True)))
            page = self._json(method, url, request_body, cancel=cancel)
            features = page.get("features") if isinstance(page, dict) else None
            if not isinstance(features, list):
                raise ProviderError(translate("Stac", "The catalogue's search answer is not a STAC item "
                                                      "collection (no 'features')."))
            if result.matched is None:
                result.matched = number_matched(page)
            kept = keep.items([f for f in features if isinstance(f, dict)])
            room = max_items - len(result.items)
            result.items.extend(kept[:room])
            link = next_link(page, url, request_body)
            if len(kept) > room or (len(kept) == room and link is not None):
                result.truncated = True
            if result.truncated or link is None or not features or \
                    (link[0], link[1], json.dumps(link[2], sort_keys=True)) in seen:
                break
            method, url, request_body = link
        else:
            result.truncated = True
        if cloud_here is not None:
            result.matched = None       # (the server counted the items before the cloud filter)
        elif result.matched is not None and result.matched <= len(result.items):
            result.truncated = False
        result.notes.extend(keep.notes(result.items))
        if result.truncated:
            result.notes.append(translate("Stac", "The search stopped at {} items; narrow the period or the "
                                                  "area, or raise the maximum, to see more.").format(
                len(result.items)) if result.matched is None else
                translate("Stac", "The search stopped at {} of {} matching items; narrow the period or the area, "
                                  "or raise the maximum, to see more.").format(len(result.items), result.matched))
        return result


class ClientFilter:
    """What the client filters itself: the cloud cover when the catalogue cannot (items over
    ``max_cloud`` left out, items without ``eo:cloud_cover`` kept and counted), and the area when
    the catalogue was asked by bounding box (GET)."""

    def __init__(self, max_cloud: Optional[float], area: Optional[Dict[str, Any]]):
        from shapely.geometry import shape
        self.max_cloud = max_cloud
        self.area = shape(area) if area else None
        self.dropped = 0

    def _in_area(self, item: Dict[str, Any]) -> bool:
        from shapely.geometry import shape
        if self.area is None or not item.get("geometry"):
            return True
        try:
            return shape(item["geometry"]).intersects(self.area)
        except Exception:       # (a footprint shapely cannot read: the catalogue's word stands)
            return True

    def items(self, features: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
        out = []
        for item in features:
            cloud = item_cloud(item) if self.max_cloud is not None else None
            if cloud is not None and cloud > self.max_cloud:
                self.dropped += 1
            elif self._in_area(item):
                out.append(item)
        return out

    def notes(self, kept: List[Dict[str, Any]]) -> List[str]:
        if self.max_cloud is None:
            return []
        out = [translate("Stac", "{} items over {:g} % cloud cover were left out.").format(
            self.dropped, self.max_cloud)]
        unknown = sum(1 for item in kept if item_cloud(item) is None)
        if unknown:
            out.append(translate("Stac", "{} items give no cloud cover ({}): they were kept.").format(
                unknown, CLOUD_PROPERTY))
        return out


def not_stac_message(root: str) -> str:
    return translate("Stac", "{} is not a STAC API: its landing page is not the JSON of a STAC catalogue "
                             "(check the address; it is usually the one ending in /v1 or /api/stac/v1).").format(root)


def cloud_note(mode: str) -> str:
    if mode == "filter":
        return translate("Stac", "Cloud cover filtered by the catalogue (CQL2 filter).")
    if mode == "query":
        return translate("Stac", "Cloud cover filtered by the catalogue (query extension).")
    return translate("Stac", "The catalogue supports neither the filter nor the query extension: cloud cover "
                             "filtered here.")


def search_body(collections: List[str], intersects, datetime: str, limit: int, max_cloud: Optional[float],
                mode: str) -> Dict[str, Any]:
    """The POST body of the first search page (GET: :func:`get_url` makes query parameters of it)."""
    body: Dict[str, Any] = {"collections": collections, "limit": limit}
    if intersects:
        body["intersects"] = intersects
    if datetime != "../..":
        body["datetime"] = datetime
    if max_cloud is not None and mode == "filter":
        body["filter-lang"] = "cql2-json"
        body["filter"] = {"op": "<=", "args": [{"property": CLOUD_PROPERTY}, float(max_cloud)]}
    elif max_cloud is not None and mode == "query":
        body["query"] = {CLOUD_PROPERTY: {"lte": float(max_cloud)}}
    return body


def get_url(url: str, body: Dict[str, Any]) -> str:
    """The GET form of a search body: lists joined by commas, the area as its ``bbox``, a CQL2 filter
    as cql2-text, a query as JSON, the sort as ``-field``."""
    import requests
    params: List[Tuple[str, str]] = [("collections", ",".join(body["collections"])),
                                     ("limit", str(body["limit"]))]
    if body.get("intersects"):
        from shapely.geometry import shape
        params.append(("bbox", ",".join("{:.8f}".format(v) for v in shape(body["intersects"]).bounds)))
    if body.get("datetime"):
        params.append(("datetime", body["datetime"]))
    if body.get("filter"):
        params += [("filter-lang", "cql2-text"),
                   ("filter", "{} <= {}".format(CLOUD_PROPERTY, body["filter"]["args"][1]))]
    if body.get("query"):
        params.append(("query", json.dumps(body["query"])))
    if body.get("sortby"):
        params.append(("sortby", "-properties.datetime"))
    return requests.Request("GET", url, params=params).prepare().url


def number_matched(page: Dict[str, Any]) -> Optional[int]:
    """``numberMatched`` (STAC API 1.0), else the older context extension's ``context.matched``."""
    value = page.get("numberMatched")
    if value is None and isinstance(page.get("context"), dict):
        value = page["context"].get("matched")
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0 else None


def next_link(page: Dict[str, Any], url: str, body: Optional[Dict[str, Any]] = None
              ) -> Optional[Tuple[str, str, Optional[Dict[str, Any]]]]:
    """(method, url, body) of the page's ``rel="next"`` link, else None.  A POST link's ``body``
    replaces the request's, or with ``merge: true`` is merged into it (STAC API item-search paging)."""
    for link in page.get("links") or []:
        if not isinstance(link, dict) or link.get("rel") != "next" or not link.get("href"):
            continue
        target = urljoin(url, link["href"])
        if str(link.get("method") or "GET").upper() != "POST":
            return "GET", target, None
        given = link.get("body") if isinstance(link.get("body"), dict) else None
        if given is None:
            return "POST", target, body
        return "POST", target, dict(body or {}, **given) if link.get("merge") else given
    return None
