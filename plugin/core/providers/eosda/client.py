"""EOSDA API Connect client: Download API (``type: "lbe"``) and the Search API.

QGIS-free (requests, shapely, stdlib).  What the service expects comes from
``shared/protocols.md`` §4 and the EOS pages quoted there.

Download API (``lbe``, "load by extent")
----------------------------------------
* Create: ``POST {base}/api/gdw/api`` with ``Content-Type: application/json`` and
  ``{"type": "lbe", "params": {view_id, bands, geometry (Polygon only), merge,
  metadata?, reference}, "callback_url"?}``.  The answer (200/201/202) is
  ``{status, task_id, req_id, task_timeout}``; ``task_timeout`` is in seconds.
* Status/result: ``GET {base}/api/gdw/api/{task_id}``.  A finished task may answer
  in two ways, told apart by ``Content-Type``: (A) the file itself (``image/jp2``,
  ``image/tiff``, ``application/zip``, ``application/octet-stream``; name from
  ``Content-Disposition``), or (B) JSON with ``result: [{"url": ...}, ...]``.
  Pending answers are JSON with a ``status`` such as ``created``/``started``/
  ``processing``; failures have ``status`` ``failed``/``error``, ``task_type ==
  "error"`` or ``errors`` without a ``result``.  The result side is not in the
  documentation [INF], so both shapes are handled.

How the API key is sent (decision)
----------------------------------
The Download API page lists ``api_key`` as a *required* query parameter and its
main ``HTTP Request`` example puts it in the URL (``/api/gdw/api?api_key=...``),
while the worked example and the Quickstart ("Send your API key in the headers
parameter of every request") use the ``x-api-key`` header.  The client therefore
sends **both** by default (``auth="both"``): whichever the gateway checks, the
request matches a documented form.  ``auth="header"`` or ``auth="query"`` send
only one.  The key is registered with :func:`http.register_secret` so that
:func:`http.redact` masks it in URLs, logs and error messages; it never goes to
job params, files or messages.  Result URLs on another host (mode B, e.g. a
pre-signed storage URL) get no key at all.

Result type (documented rule, :func:`expected_result_type`)
----------------------------------------------------------
``jp2`` if one band and the sensor is Sentinel-2; ``tif`` if one band and no
metadata, or ``merge`` and all bands share one resolution and no metadata;
``zip`` otherwise.  A zip is extracted with :func:`archive.safe_extract`; rasters
(``.tif``/``.tiff``/``.jp2``) come first in the returned paths, metadata files
after them (see :func:`order_outputs` / :func:`is_raster_path`).

Search API
----------
``POST {base}/api/lms/search/v2/{dataset_id}`` with ``{search: {date: {from, to},
cloudCoverage: {from, to}, shape, shapeRelation?}, sort, fields?, limit, page}``;
answer ``{"meta": {"found", "page", "limit", "name"}, "results": [...]}`` whose
results carry ``view_id``, ``sceneID``, ``date``, ``cloudCoverage`` and
``dataGeometry`` (the footprint; shape seen in eodag's recorded ``aws_eos``
response).  Dataset ids used here: ``sentinel2``, ``landsat8``, ``landsat9``,
``naip``, ``modis`` [INF: ``sentinel2``/``landsat8``/``naip``/``modis`` are the ids
eodag's ``aws_eos`` provider and public clients use; ``landsat9`` by analogy].
"""
import datetime as _dt
import json
import logging
import math
import os
import re
import secrets
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union
from urllib.parse import urlencode, urlsplit

from ...errors import AuthError, HttpError, ParameterError, ProviderError
from ...i18n import translate

_log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------
# Sensors, view ids and bands
# ---------------------------------------------------------------------------

#: view_id patterns per sensor prefix (the part before the first "/").
_VIEW_ID_PATTERNS = {
    "S2": re.compile(r"^S2/(?P<zone>[1-9]|[1-5][0-9]|60)/(?P<lat_band>[C-HJ-NP-X])/"
                     r"(?P<square>[A-HJ-NP-Z][A-HJ-NP-V])/(?P<year>(?:19|20)\d\d)/"
                     r"(?P<month>1[0-2]|[1-9])/(?P<day>3[01]|[12][0-9]|[1-9])/(?P<seq>\d{1,2})$"),
    # Pre-collection ids (LC80110312016028LGN00) and Collection 1/2 product ids
    # (LC08_L1TP_011031_20160128_20200907_02_T1).
    "L": re.compile(r"^L(?P<mission>[4-9])/(?P<scene>"
                    r"L[COTEM](?P<m1>[4-9])\d{13}[A-Z]{3}\d{2}"
                    r"|L[COTEM]0(?P<m2>[4-9])_L[12][A-Z0-9]{2}_\d{6}_\d{8}_\d{8}_\d{2}_(?:T1|T2|RT))$"),
    "MODIS": re.compile(r"^MODIS/(?P<h>\d{1,2})/(?P<v>\d{1,2})/(?P<doy>\d{7})/(?P<prod>\d{7,14})$"),
    "NAIP": re.compile(r"^NAIP/[A-Za-z0-9_.\-]+(?:/[A-Za-z0-9_.\-]+)*$"),
}

#: Human-readable form of each sensor's view_id (for error messages).
VIEW_ID_FORMS = {
    "S2": "S2/{utm zone}/{latitude band}/{grid square}/{year}/{month}/{day}/{sequence}, "
          "e.g. S2/13/R/EL/2023/7/19/0",
    "L8": "L8/<Landsat 8 scene id>, e.g. L8/LC80110312016028LGN00 or "
          "L8/LC08_L1TP_011031_20160128_20200907_02_T1",
    "L9": "L9/<Landsat 9 scene id>, e.g. L9/LC90110312022028LGN00",
    "MODIS": "MODIS/{h}/{v}/{yyyyddd}/{production time}, e.g. MODIS/12/04/2017204/2017213034223",
    "NAIP": "NAIP/<scene id>",
}

SUPPORTED_SENSORS = ("S2", "L8", "L9", "L7", "L5", "L4", "MODIS", "NAIP")

#: Native resolution (metres) per band and sensor.  Sentinel-2 MSI bands are
#: from the ESA product specification; Landsat 8/9 OLI/TIRS as delivered in the
#: Level-1 products (thermal bands resampled to 30 m, panchromatic B8 at 15 m);
#: MODIS as the MCD43A4 NBAR product EOS indexes (7 bands at 500 m) [INF].
BAND_RESOLUTIONS: Dict[str, Dict[str, float]] = {
    "S2": {"B01": 60.0, "B02": 10.0, "B03": 10.0, "B04": 10.0, "B05": 20.0, "B06": 20.0,
           "B07": 20.0, "B08": 10.0, "B8A": 20.0, "B09": 60.0, "B10": 60.0, "B11": 20.0,
           "B12": 20.0},
    "L8": {"B1": 30.0, "B2": 30.0, "B3": 30.0, "B4": 30.0, "B5": 30.0, "B6": 30.0, "B7": 30.0,
           "B8": 15.0, "B9": 30.0, "B10": 30.0, "B11": 30.0, "BQA": 30.0},
    "MODIS": {"B01": 500.0, "B02": 500.0, "B03": 500.0, "B04": 500.0, "B05": 500.0,
              "B06": 500.0, "B07": 500.0},
}
BAND_RESOLUTIONS["L9"] = dict(BAND_RESOLUTIONS["L8"])

#: Sensors whose output bands all share one resolution whatever is asked
#: ("merge ... takes no effect for NAIP": one image of the requested bands) [INF].
_UNIFORM_SENSORS = ("NAIP",)

RASTER_EXTENSIONS = (".tif", ".tiff", ".jp2")

#: Task statuses meaning "finished" / "failed" (lower case); any other status is "not finished yet".
DONE_STATUSES = ("completed", "complete", "done", "success", "succeeded", "finished", "ready")
FAILED_STATUSES = ("failed", "failure", "error", "errored", "cancelled", "canceled",
                   "rejected", "timeout", "expired")

#: Dataset ids of the Search API the plugin offers (see module docstring).
DATASETS = ("sentinel2", "landsat8", "landsat9", "naip", "modis")

#: Default largest number of vertices per polygon sent to EOSDA.  The service
#: documents no limit; this keeps requests small and is a setting [INF].
DEFAULT_MAX_VERTICES = 1000


def sensor_of(view_id: str) -> str:
    """The sensor prefix of ``view_id`` ("S2", "L8", "MODIS", ...), upper case."""
    return str(view_id or "").strip().split("/", 1)[0].upper()


def validate_view_id(view_id: str) -> str:
    """Check the form of ``view_id``; return it stripped.  ParameterError otherwise."""
    text = str(view_id or "").strip()
    if not text:
        raise ParameterError(translate("Eosda", "The view id is empty: pick a scene from the search "
                                                "results (for example S2/13/R/EL/2023/7/19/0)."))
    sensor = sensor_of(text)
    if sensor not in SUPPORTED_SENSORS:
        raise ParameterError(
            translate("Eosda", "The view id '{}' does not start with a supported sensor ({}).")
            .format(text, ", ".join(SUPPORTED_SENSORS)),
            translate("Eosda", "Use a view id returned by the EOSDA search, for example "
                               "S2/13/R/EL/2023/7/19/0 or L8/LC80110312016028LGN00."))
    if sensor.startswith("L") and sensor[1:].isdigit():
        m = _VIEW_ID_PATTERNS["L"].match(text)
        ok = bool(m) and (m.group("m1") or m.group("m2")) == m.group("mission") == sensor[1:]
    else:
        ok = bool(_VIEW_ID_PATTERNS[sensor].match(text))
    if not ok:
        form = VIEW_ID_FORMS.get(sensor, "{}/<Landsat scene id>".format(sensor))
        raise ParameterError(
            translate("Eosda", "The view id '{}' is not a valid {} view id: expected {}.")
            .format(text, sensor, form))
    return text


def view_id_parts(view_id: str) -> Dict[str, str]:
    """The named fields of a valid view id (e.g. zone, lat_band, square for S2)."""
    text = validate_view_id(view_id)
    sensor = sensor_of(text)
    pattern = _VIEW_ID_PATTERNS["L"] if sensor.startswith("L") and sensor[1:].isdigit() \
        else _VIEW_ID_PATTERNS[sensor]
    m = pattern.match(text)
    parts = {k: v for k, v in m.groupdict().items() if v is not None}
    parts["sensor"] = sensor
    return parts


def _split_list(value: Union[None, str, Iterable[str]]) -> List[str]:
    if value is None:
        return []
    if isinstance(value, str):
        items = re.split(r"[,;\s]+", value)
    else:
        items = []
        for v in value:
            items.extend(re.split(r"[,;\s]+", str(v)))
    out = []
    for item in items:
        item = item.strip()
        if item and item not in out:
            out.append(item)
    return out


def _canonical_band(sensor: str, band: str) -> str:
    """Upper-case ``band`` and fix its zero padding to the sensor's naming (B2 -> B02 for S2)."""
    b = band.strip().upper()
    known = BAND_RESOLUTIONS.get(sensor)
    if not known or b in known:
        return b
    m = re.match(r"^B0*(\d+)(A?)$", b)
    if m:
        for candidate in ("B{:02d}{}".format(int(m.group(1)), m.group(2)),
                          "B{}{}".format(int(m.group(1)), m.group(2))):
            if candidate in known:
                return candidate
    return b


def parse_bands(bands: Union[str, Iterable[str]], view_id: Optional[str] = None) -> List[str]:
    """Bands as a list (from a comma string or a list), checked for the sensor when known."""
    items = _split_list(bands)
    if not items:
        raise ParameterError(translate("Eosda", "No band is selected: give at least one band "
                                                "(for example B04,B03,B02)."))
    sensor = sensor_of(view_id) if view_id else ""
    items = [_canonical_band(sensor, b) for b in items]
    items = list(dict.fromkeys(items))
    known = BAND_RESOLUTIONS.get(sensor)
    if known:
        unknown = [b for b in items if b not in known]
        if unknown:
            raise ParameterError(
                translate("Eosda", "Unknown band(s) for {}: {}. Available bands: {}.")
                .format(sensor, ", ".join(unknown), ", ".join(known)))
    return items


def expected_result_type(view_id: str, bands: Union[str, Sequence[str]], merge: bool = True,
                         metadata: Union[None, str, Sequence[str]] = None,
                         band_resolutions: Optional[Dict[str, float]] = None) -> str:
    """The documented result type of an ``lbe`` task: ``"jp2"``, ``"tif"`` or ``"zip"``.

    * jp2 if (len(bands)==1 and sensor == S2)
    * tif if (len(bands)==1 and no metadata) or (merge and all bands of one resolution
      and no metadata)
    * zip otherwise.

    ``band_resolutions`` overrides the built-in table ({band: metres}); a band of
    unknown resolution cannot be proven to share one, so it leads to zip.  NAIP is
    treated as one resolution, merged ("merge takes no effect for NAIP") [INF].
    """
    sensor = sensor_of(view_id)
    band_list = [_canonical_band(sensor, b) for b in _split_list(bands)]
    meta = _split_list(metadata)
    if not band_list:
        raise ParameterError(translate("Eosda", "No band is selected: give at least one band "
                                                "(for example B04,B03,B02)."))
    if len(band_list) == 1 and sensor == "S2":
        return "jp2"
    if meta:
        return "zip"
    if len(band_list) == 1:
        return "tif"
    if sensor in _UNIFORM_SENSORS:
        return "tif"
    if not merge:
        return "zip"
    table = dict(BAND_RESOLUTIONS.get(sensor, {}))
    if band_resolutions:
        table.update(band_resolutions)
    resolutions = {table.get(b) for b in band_list}
    if None in resolutions or len(resolutions) != 1:
        return "zip"
    return "tif"


def make_reference(now: Optional[_dt.datetime] = None) -> str:
    """A unique request reference: ``eo_downloader_<UTC yyyymmddThhmmss>_<8 hex>``."""
    now = now or _dt.datetime.now(_dt.timezone.utc)
    return "eo_downloader_{}_{}".format(now.strftime("%Y%m%dT%H%M%S"), secrets.token_hex(4))


_REFERENCE_RE = re.compile(r"^[A-Za-z0-9_.:\-]{1,128}$")


def build_params(view_id: str, bands: Union[str, Sequence[str]], merge: bool = True,
                 metadata: Union[None, str, Sequence[str]] = None, reference: Optional[str] = None,
                 callback_url: Optional[str] = None) -> Dict[str, Any]:
    """Validated ``lbe`` parameters (without geometry) for a job or the create body.

    Shared by the GUI and Processing.  ``bands``/``metadata`` may be comma
    strings or lists; a missing ``reference`` is generated (unique).  Returns
    ``{"view_id", "bands", "merge", "metadata", "reference", "callback_url"}``
    (``metadata`` a possibly empty list, ``callback_url`` possibly None).
    """
    vid = validate_view_id(view_id)
    band_list = parse_bands(bands, vid)
    meta = _split_list(metadata)
    ref = (reference or "").strip() or make_reference()
    if not _REFERENCE_RE.match(ref):
        raise ParameterError(translate("Eosda", "The reference '{}' may only hold letters, digits and "
                                                "_ . : - (at most 128 characters).").format(ref))
    cb = (callback_url or "").strip() or None
    if cb is not None:
        parts = urlsplit(cb)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ParameterError(translate("Eosda", "The callback URL must be an http(s) URL, not '{}'.")
                                 .format(cb))
    return {"view_id": vid, "bands": band_list, "merge": bool(merge), "metadata": meta,
            "reference": ref, "callback_url": cb}


def _check_polygon(geometry: Dict[str, Any]) -> Dict[str, Any]:
    if not isinstance(geometry, dict) or geometry.get("type") != "Polygon" \
            or not isinstance(geometry.get("coordinates"), list) or not geometry["coordinates"]:
        raise ParameterError(translate("Eosda", "EOSDA accepts one Polygon per request; a {} was given.")
                             .format(geometry.get("type") if isinstance(geometry, dict) else type(geometry)))
    return geometry


def build_task_body(params: Dict[str, Any], geometry: Dict[str, Any],
                    reference: Optional[str] = None) -> Dict[str, Any]:
    """The JSON body of ``POST /api/gdw/api`` for ``params`` (from :func:`build_params`)."""
    p = build_params(params.get("view_id"), params.get("bands"), params.get("merge", True),
                     params.get("metadata"), reference or params.get("reference"),
                     params.get("callback_url"))
    inner: Dict[str, Any] = {
        "view_id": p["view_id"],
        "bands": p["bands"],
        "geometry": _check_polygon(geometry),
        "merge": p["merge"],
        "reference": p["reference"],
    }
    if p["metadata"]:
        inner["metadata"] = p["metadata"]
    body: Dict[str, Any] = {"type": "lbe", "params": inner}
    if p["callback_url"]:
        body["callback_url"] = p["callback_url"]
    return body


# ---------------------------------------------------------------------------
# Outputs
# ---------------------------------------------------------------------------

def is_raster_path(path: str) -> bool:
    return path.lower().endswith(RASTER_EXTENSIONS)


def order_outputs(paths: Iterable[str]) -> List[str]:
    """Rasters first (sorted), then every other file (metadata), duplicates dropped."""
    uniq = list(dict.fromkeys(paths))
    rasters = sorted(p for p in uniq if is_raster_path(p))
    others = sorted(p for p in uniq if not is_raster_path(p))
    return rasters + others


# ---------------------------------------------------------------------------
# Polling policy and task records
# ---------------------------------------------------------------------------

@dataclass
class PollPolicy:
    """Delays between status requests: ``initial`` growing by ``factor`` to ``maximum``."""

    initial: float = 2.0
    factor: float = 1.5
    maximum: float = 30.0

    def delays(self) -> Iterator[float]:
        delay = max(0.0, self.initial)
        while True:
            yield delay
            delay = min(self.maximum, max(delay * self.factor, delay + 1e-3))


@dataclass
class TaskInfo:
    """A created ``lbe`` task (what the runner persists in ``job.server``)."""

    task_id: str
    req_id: str = ""
    status: str = ""
    task_timeout: Optional[float] = None
    created_at: float = field(default_factory=time.time)
    reference: str = ""

    def to_dict(self) -> Dict[str, Any]:
        return {"task_id": self.task_id, "req_id": self.req_id, "status": self.status,
                "task_timeout": self.task_timeout, "created_at": self.created_at,
                "reference": self.reference}

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "TaskInfo":
        return cls(task_id=str(d["task_id"]), req_id=str(d.get("req_id") or ""),
                   status=str(d.get("status") or ""), task_timeout=d.get("task_timeout"),
                   created_at=float(d.get("created_at") or time.time()),
                   reference=str(d.get("reference") or ""))


@dataclass
class TaskStatus:
    """One answer of ``GET /api/gdw/api/{task_id}``.

    ``kind`` is ``"pending"``, ``"file"`` (``response`` is the open streaming
    response carrying the result), ``"urls"`` (``urls`` to download) or
    ``"failed"`` (``message`` holds the server's text).
    """

    kind: str
    status: str = ""
    payload: Dict[str, Any] = field(default_factory=dict)
    response: Any = None
    urls: List[Tuple[str, Optional[str]]] = field(default_factory=list)
    message: str = ""


_JSON_TYPES = ("application/json", "text/json")
_FILE_EXT_BY_TYPE = {
    "image/jp2": ".jp2", "image/jpx": ".jp2", "image/tiff": ".tif", "image/tif": ".tif",
    "image/geotiff": ".tif", "application/zip": ".zip", "application/x-zip-compressed": ".zip",
    "application/x-zip": ".zip",
}


def _content_type(response) -> str:
    return (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()


def _is_json_type(ctype: str) -> bool:
    return ctype in _JSON_TYPES or ctype.endswith("+json")


def _server_message(payload: Any) -> str:
    """The human text of an EOSDA error payload (error_message / errors / message...)."""
    if payload is None:
        return ""
    if isinstance(payload, str):
        return payload.strip()
    if isinstance(payload, list):
        return "; ".join(filter(None, (_server_message(p) for p in payload)))
    if isinstance(payload, dict):
        for key in ("error_message", "message", "detail", "error_description", "description"):
            value = payload.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
        for key in ("errors", "error"):
            if payload.get(key):
                text = _server_message(payload[key])
                if text:
                    return text
        return ""
    return str(payload)


def _body_message(text: Optional[str]) -> str:
    if not text:
        return ""
    try:
        return _server_message(json.loads(text)) or text.strip()[:300]
    except ValueError:
        from ...transfer.http import looks_like_html, parse_error_body
        if looks_like_html(text):     # "the server sent an HTML page: <title>: <text>", not the markup
            return parse_error_body(text, "text/html").message
        return text.strip()[:300]


def _result_urls(result: Any) -> List[Tuple[str, Optional[str]]]:
    urls: List[Tuple[str, Optional[str]]] = []
    items = result if isinstance(result, list) else [result]
    for item in items:
        if isinstance(item, str) and item.startswith(("http://", "https://")):
            urls.append((item, None))
        elif isinstance(item, dict):
            url = item.get("url") or item.get("link") or item.get("href") or item.get("download_url")
            if isinstance(url, str) and url:
                name = item.get("name") or item.get("filename") or item.get("file_name")
                urls.append((url, str(name) if name else None))
    return urls


def classify_status(payload: Dict[str, Any]) -> TaskStatus:
    """Classify a JSON status answer (pending / urls / failed)."""
    status = str(payload.get("status") or "").strip()
    low = status.lower()
    result = payload.get("result")
    errors = payload.get("errors")
    urls = _result_urls(result) if result else []
    failed = (low in FAILED_STATUSES or str(payload.get("task_type") or "").lower() == "error"
              or (bool(errors) and not result))
    if failed:
        message = _server_message({k: payload.get(k) for k in ("error_message", "message", "errors", "error")
                                   if payload.get(k)}) or status or "error"
        return TaskStatus("failed", status, payload, message=message)
    if urls:
        return TaskStatus("urls", status, payload, urls=urls)
    if low in DONE_STATUSES:
        # Finished, but no link: an unexpected answer, reported as a failure.
        return TaskStatus("failed", status, payload, message=translate(
            "Eosda", "the task is marked '{}' but its answer holds no result file.").format(status))
    return TaskStatus("pending", status, payload)


# ---------------------------------------------------------------------------
# The client
# ---------------------------------------------------------------------------

class EosdaClient:
    """Talks to one EOSDA API Connect host with one API key.

    ``session``: requests session (proxy/TLS/User-Agent set by its maker);
    ``auth``: "both" (default), "header" or "query" (see module docstring);
    ``poll``: :class:`PollPolicy`; ``clock``: time source for deadlines (tests).
    """

    def __init__(self, session, base_url: str, api_key: str, *, auth: str = "both",
                 retry=None, timeouts=None, cancel=None, poll: Optional[PollPolicy] = None,
                 clock: Callable[[], float] = time.time):
        from ...transfer import http
        if not api_key:
            raise AuthError(missing_key_message())
        if auth not in ("both", "header", "query"):
            raise ValueError("auth must be 'both', 'header' or 'query'")
        http.register_secret(api_key)
        self.session = session
        self.base_url = (base_url or "").rstrip("/")
        self._key = api_key
        self.auth = auth
        self.retry = retry
        self.timeouts = timeouts
        if cancel is None:
            from ...runner import CancelToken
            cancel = CancelToken()
        self.cancel = cancel
        self.poll = poll or PollPolicy()
        self.clock = clock

    # -- plumbing --------------------------------------------------------------
    def log(self, text: str) -> None:
        _log.info(text)        # (redacted by the top logger's handler, core.transfer.http)

    def _url(self, path: str) -> str:
        url = self.base_url + path
        if self.auth in ("both", "query"):
            url += ("&" if "?" in url else "?") + urlencode({"api_key": self._key})
        return url

    def _headers(self, json_body: bool = False) -> Dict[str, str]:
        headers = {"Accept": "application/json, */*"}
        if json_body:
            headers["Content-Type"] = "application/json"
        if self.auth in ("both", "header"):
            headers["x-api-key"] = self._key
        return headers

    def _same_origin(self, url: str) -> bool:
        from ...transfer import http
        return http.host_key(url) == http.host_key(self.base_url)

    @staticmethod
    def _secrets():
        """The key's two places: http.send_following never sends them to another origin."""
        from ...transfer import http
        return http.Secrets(headers=("x-api-key",), params=("api_key",))

    def _request(self, method: str, url: str, *, finish_once_sent: bool = False, **kwargs):
        from ...transfer import http
        cancel = _FinishOnceSent(self.cancel) if finish_once_sent else self.cancel
        try:
            return http.request(self.session, method, url, retry=self.retry, timeouts=self.timeouts,
                                cancel=cancel, secrets=self._secrets(), **kwargs)
        except AuthError as exc:
            detail = _body_message(getattr(exc, "body", None)) or exc.message
            raise AuthError(translate("Eosda", "EOSDA refused the API key: {}").format(detail),
                            status=exc.status, body=exc.body,
                            hint=translate("Eosda", "Check the EOSDA API key in the plugin settings "
                                                    "(QGIS authentication manager) or in "
                                                    "EO_DOWNLOADER_EOSDA_API_KEY.")) from None

    # -- Download API ------------------------------------------------------------
    def create_task(self, body: Dict[str, Any]) -> TaskInfo:
        """``POST /api/gdw/api`` with ``body`` (see :func:`build_task_body`)."""
        url = self._url("/api/gdw/api")
        self.log("EOSDA create lbe task: POST {} reference={}".format(
            url, body.get("params", {}).get("reference")))
        try:
            # A create already sent runs to its answer even if the user cancels meanwhile:
            # abandoning it would lose the id of a task the server did create (and a
            # resumed job would then create a second one).
            resp = self._request("POST", url, data=json.dumps(body).encode("utf-8"),
                                 headers=self._headers(json_body=True), finish_once_sent=True)
        except AuthError:
            raise
        except HttpError as exc:
            detail = _body_message(exc.body) or exc.message
            raise ProviderError(translate("Eosda", "EOSDA rejected the download request (HTTP {}): {}")
                                .format(exc.status, detail)) from None
        try:
            payload = resp.json()
        except ValueError:
            from ...transfer import http
            text = http.read_limited(resp)
            if http.looks_like_html(text, resp.headers.get("Content-Type", "")):
                raise ProviderError(translate("Eosda", "EOSDA rejected the download request (HTTP {}): {}")
                                    .format(resp.status_code, _body_message(text))) from None
            raise ProviderError(translate("Eosda", "EOSDA answered the download request with something "
                                                   "other than JSON (HTTP {}).").format(resp.status_code)) from None
        finally:
            resp.close()
        if resp.status_code not in (200, 201, 202) or not isinstance(payload, dict) \
                or not payload.get("task_id"):
            message = _server_message(payload) if isinstance(payload, dict) else ""
            raise ProviderError(translate("Eosda", "EOSDA did not create the task: {}")
                                .format(message or json.dumps(payload)[:300]))
        timeout = payload.get("task_timeout")
        try:
            timeout = float(timeout) if timeout is not None else None
        except (TypeError, ValueError):
            timeout = None
        if timeout is not None and not (math.isfinite(timeout) and timeout > 0):
            timeout = None           # not usable (NaN, infinite, 0 or negative): the plugin's own limit applies
        info = TaskInfo(task_id=str(payload["task_id"]), req_id=str(payload.get("req_id") or ""),
                        status=str(payload.get("status") or ""), task_timeout=timeout,
                        created_at=self.clock(), reference=str(body.get("params", {}).get("reference", "")))
        self.log("EOSDA task {} created (status {}, timeout {} s)".format(info.task_id, info.status, timeout))
        return info

    def get_task(self, task_id: str) -> TaskStatus:
        """One status request.  A ``"file"`` status holds the open response: hand it on or close it.

        A JSON answer cut off by the network is asked for again, within the retry
        policy (its attempts counted together with those of the request itself).
        """
        from ...transfer import http
        url = self._url("/api/gdw/api/{}".format(task_id))
        backoff = http.Backoff(self.retry or http.RetryPolicy(), self.cancel)
        while True:
            try:
                resp = self._request("GET", url, headers=self._headers(), stream=True, backoff=backoff)
            except AuthError:
                raise
            except HttpError as exc:
                if exc.status == 404:
                    raise ProviderError(
                        translate("Eosda", "The EOSDA task {} no longer exists on the server (HTTP 404): {}")
                        .format(task_id, _body_message(exc.body) or exc.message),
                        translate("Eosda", "Tasks expire after their task_timeout; start the download again.")
                    ) from None
                if exc.status is None:      # no answer at all: keep the network message and its hint
                    raise
                detail = _body_message(exc.body) or exc.message
                raise ProviderError(translate("Eosda", "EOSDA could not report on task {} (HTTP {}): {}")
                                    .format(task_id, exc.status, detail)) from None
            ctype = _content_type(resp)
            if not (_is_json_type(ctype) or ctype.startswith("text/")):
                return TaskStatus("file", status="completed", response=resp)
            raw, cut = http.read_body(resp, timeouts=self.timeouts)
            if cut is not None:
                delay = backoff.next_delay(None)
                if delay is None:
                    message = translate("Http", "{method} {url} failed: {error}").format(
                        method="GET", url=http.short_url(url), error=cut)
                    message += " " + translate("Http", "(gave up after {} attempts)").format(backoff.failures)
                    raise HttpError(http.redact(message), status=None, retryable=True,
                                    hint=translate("Http", "Check the network connection and proxy settings."))
                self.log("EOSDA task {}: the status answer was cut off ({}); asking again in {:.1f} s".format(
                    task_id, cut, delay))
                backoff.sleep(delay)
                continue
            try:
                payload = json.loads(raw.decode("utf-8", "replace")) if raw else {}
            except ValueError:
                raise ProviderError(translate("Eosda", "EOSDA answered task {} with unexpected content ({}): "
                                                       "{}").format(task_id, ctype or "no type",
                                                                    raw[:200].decode("utf-8", "replace"))) from None
            if not isinstance(payload, dict):
                payload = {"result": payload}
            return classify_status(payload)

    def wait(self, task: TaskInfo, dest_dir: str, *, default_stem: Optional[str] = None,
             expected_type: Optional[str] = None,
             on_poll: Optional[Callable[[TaskStatus, float], None]] = None,
             on_download: Optional[Callable[[], None]] = None,
             progress: Optional[Callable[[Any], None]] = None,
             max_wait: Optional[float] = None, owned: Optional[set] = None) -> List[str]:
        """Poll ``task`` until it is done, then download (and unzip) its result(s) (``owned``:
        see :meth:`download_result`).

        Polls with the growing delays of :attr:`poll` until the task finishes,
        fails, ``task_timeout`` seconds have passed since it was created (when the
        server gave a usable one: finite and positive), or ``max_wait`` seconds
        (default :data:`config.EOSDA_MAX_WAIT`) since this wait began -- so a retry
        of the job polls the same task again for as long.  Returns the output
        paths, rasters first.
        """
        from ... import config
        max_wait = max_wait if max_wait is not None and math.isfinite(max_wait) and max_wait > 0 \
            else config.EOSDA_MAX_WAIT
        limit, deadline = max_wait, self.clock() + max_wait
        server = task.task_timeout
        if server is not None and math.isfinite(server) and server > 0 and task.created_at + server < deadline:
            limit, deadline = server, task.created_at + server
        delays = self.poll.delays()
        last = None
        while True:
            self.cancel.raise_if_cancelled()
            status = self.get_task(task.task_id)
            elapsed = self.clock() - task.created_at
            if (status.kind, status.status) != last:
                last = (status.kind, status.status)
                self.log("EOSDA task {}: {} ({}) after {:.0f} s".format(task.task_id, status.status or "-",
                                                                        status.kind, elapsed))
            if on_poll is not None:
                try:
                    on_poll(status, elapsed)
                except Exception:
                    if status.response is not None:
                        status.response.close()
                    raise
            if status.kind == "failed":
                raise ProviderError(translate("Eosda", "The EOSDA task {} failed: {}")
                                    .format(task.task_id, status.message))
            if status.kind in ("file", "urls"):
                if on_download is not None:
                    on_download()
                return self.download_result(task, status, dest_dir, default_stem=default_stem,
                                            expected_type=expected_type, progress=progress, owned=owned)
            now = self.clock()
            if now >= deadline:
                raise ProviderError(
                    translate("Eosda", "The EOSDA task {} did not finish within {:.0f} s (status '{}').")
                    .format(task.task_id, limit, status.status or "unknown"),
                    translate("Eosda", "The server may be busy: try again later (a retry of the job polls the "
                                       "same task again)."))
            self.cancel.sleep(min(next(delays), max(0.0, deadline - now)))

    def download_result(self, task: TaskInfo, status: TaskStatus, dest_dir: str, *,
                        default_stem: Optional[str] = None, expected_type: Optional[str] = None,
                        progress: Optional[Callable[[Any], None]] = None,
                        owned: Optional[set] = None) -> List[str]:
        """Download what a finished ``status`` points to into ``dest_dir``; unzip zips.

        The server chooses the names: a file or folder already there is never replaced
        unless it is in ``owned`` (what the job made in an earlier run); what this call
        makes is added to ``owned`` (whose ``add`` may record it at once)."""
        owned = set() if owned is None else owned
        from ...transfer import download as transfer
        os.makedirs(dest_dir, exist_ok=True)
        stem = default_stem or task.reference or task.task_id
        paths: List[str] = []
        if status.kind == "file":
            resp = status.response
            ext = _FILE_EXT_BY_TYPE.get(_content_type(resp)) or \
                (".{}".format(expected_type) if expected_type else ".bin")
            url = self._url("/api/gdw/api/{}".format(task.task_id))
            result = transfer.download(url, dest_dir=dest_dir, default_name=stem + ext, session=self.session,
                                       headers=self._headers(), cancel=self.cancel, progress=progress,
                                       retry=self.retry, timeouts=self.timeouts, response=resp, replace=owned,
                                       secrets=self._secrets())
            owned.add(result.path)
            paths.append(result.path)
        else:
            for index, (url, name) in enumerate(status.urls, start=1):
                self.cancel.raise_if_cancelled()
                headers = self._headers() if self._same_origin(url) else None
                if headers is not None and self.auth in ("both", "query") and "api_key=" not in url:
                    url += ("&" if "?" in url else "?") + urlencode({"api_key": self._key})
                default = name or "{}_{}{}".format(stem, index, ".{}".format(expected_type)
                                                    if expected_type else "")
                result = transfer.download(url, dest_dir=dest_dir, default_name=default, session=self.session,
                                           headers=headers, cancel=self.cancel, progress=progress,
                                           retry=self.retry, timeouts=self.timeouts, replace=owned,
                                           secrets=self._secrets())
                owned.add(result.path)
                paths.append(result.path)
        return unpack_outputs(paths, dest_dir, cancel=self.cancel, owned=owned)

    # -- Search API ---------------------------------------------------------------
    def search(self, dataset: str, aoi_geojson_polygon: Dict[str, Any], date_from, date_to,  # noqa: C901 (see docs/architecture.md, exceptions)
               cloud_max: float = 100.0, limit: int = 500, page: Optional[int] = None, *,
               max_pages: int = 20, shape_relation: Optional[str] = None,
               fields: Optional[Sequence[str]] = None, sort: Optional[Dict[str, str]] = None) -> List["Scene"]:
        """Scenes of ``dataset`` over the AOI between two dates, at most ``cloud_max`` % clouds.

        With ``page`` None, pages are fetched from 1 until ``meta.found`` results
        are collected, a page comes back short, or ``max_pages`` pages were read.
        """
        dataset = _check_dataset(dataset)
        d_from, d_to = _check_dates(date_from, date_to)
        cloud = _check_cloud(cloud_max)
        if not isinstance(limit, int) or limit < 1:
            raise ParameterError(translate("Eosda", "The search limit must be a positive number."))
        shapes = _search_shapes(aoi_geojson_polygon)
        if (_dt.date.fromisoformat(d_to) - _dt.date.fromisoformat(d_from)).days > 365:
            self.log("EOSDA search over more than 365 days: the service recommends at most one year.")
        scenes: Dict[str, Scene] = {}
        for shape in shapes:
            pages = [page] if page is not None else range(1, max_pages + 1)
            collected = 0
            for number in pages:
                self.cancel.raise_if_cancelled()
                body: Dict[str, Any] = {
                    "search": {"date": {"from": d_from, "to": d_to},
                               "cloudCoverage": {"from": 0, "to": cloud},
                               "shape": shape},
                    "sort": sort or {"date": "desc"},
                    "limit": limit,
                    "page": number,
                }
                if shape_relation:
                    body["search"]["shapeRelation"] = shape_relation
                if fields:
                    needed = ["view_id", "sceneID", "date", "cloudCoverage", "dataGeometry"]
                    body["fields"] = list(dict.fromkeys(list(fields) + needed))
                url = self._url("/api/lms/search/v2/{}".format(dataset))
                try:
                    resp = self._request("POST", url, data=json.dumps(body).encode("utf-8"),
                                         headers=self._headers(json_body=True))
                except AuthError:
                    raise
                except HttpError as exc:
                    if exc.status is None:      # no answer at all: keep the network message and hint
                        raise
                    detail = _body_message(exc.body) or exc.message
                    raise ProviderError(translate("Eosda", "The EOSDA search failed (HTTP {}): {}")
                                        .format(exc.status, detail)) from None
                try:
                    payload = resp.json()
                except ValueError:
                    raise ProviderError(translate("Eosda", "The EOSDA search answered with something other "
                                                           "than JSON.")) from None
                finally:
                    resp.close()
                results = payload.get("results") if isinstance(payload, dict) else None
                if not isinstance(results, list):
                    raise ProviderError(translate("Eosda", "The EOSDA search answer has no result list: {}")
                                        .format(_server_message(payload) or str(payload)[:200]))
                for raw in results:
                    if isinstance(raw, dict) and raw.get("view_id"):
                        scene = Scene.from_result(raw)
                        scenes.setdefault(scene.view_id, scene)
                collected += len(results)
                meta = payload.get("meta") or {}
                found = meta.get("found")
                if len(results) < limit or (isinstance(found, (int, float)) and collected >= found):
                    break
        out = list(scenes.values())
        reverse = (sort or {"date": "desc"}).get("date", "desc") == "desc"
        if not sort or "date" in sort:
            out.sort(key=lambda s: s.date or "", reverse=reverse)
        return out


class _FinishOnceSent:
    """Cancel token for a request that must not be abandoned once sent.

    :func:`http.send` abandons an in-flight request when ``is_cancelled()`` turns
    true; this wrapper says "not cancelled" there, while ``raise_if_cancelled``
    (checked before each attempt) and ``sleep`` (retry backoff) still honour the
    real token.  The request's own timeouts bound the wait.
    """

    def __init__(self, inner):
        self.inner = inner

    def is_cancelled(self) -> bool:
        return False

    def raise_if_cancelled(self) -> None:
        self.inner.raise_if_cancelled()

    def sleep(self, seconds: float, step: float = 0.1) -> None:
        self.inner.sleep(seconds, step)


def missing_key_message() -> str:
    return translate("Eosda", "No EOSDA API key is set: enter it in the plugin settings (stored in the "
                              "QGIS authentication manager) or set EO_DOWNLOADER_EOSDA_API_KEY.")


def unpack_outputs(paths: Sequence[str], dest_dir: str, cancel=None, owned: Optional[set] = None) -> List[str]:
    """Extract every zip among ``paths`` into a folder named after it (a new one, unless ``owned``
    holds it: the job's own), then delete the zip."""
    from ...transfer import archive
    owned = set() if owned is None else owned
    out: List[str] = []
    for path in paths:
        if path.lower().endswith(".zip") or _looks_like_zip(path):
            stem = os.path.splitext(os.path.basename(path))[0]
            target = os.path.join(dest_dir, stem)           # (a name the server chose)
            if target not in owned:
                target = archive.unique_path(target)
                owned.add(target)                           # (recorded before anything is written there)
            extracted = archive.safe_extract(path, target, cancel=cancel, owned=owned)
            out.extend(p for p in extracted if os.path.isfile(p))
            try:
                os.remove(path)
            except OSError:
                pass
        else:
            out.append(path)
    return order_outputs(out)


def _looks_like_zip(path: str) -> bool:
    if is_raster_path(path):
        return False
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False


# ---------------------------------------------------------------------------
# Search API
# ---------------------------------------------------------------------------

@dataclass
class Scene:
    """One search hit."""

    view_id: str
    scene_id: str = ""
    date: str = ""
    cloud_cover: Optional[float] = None
    footprint: Optional[Dict[str, Any]] = None
    raw: Dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_result(cls, r: Dict[str, Any]) -> "Scene":
        footprint = None
        for key in ("dataGeometry", "footprint", "tileGeometry", "geometry"):
            geom = r.get(key)
            if isinstance(geom, dict) and geom.get("type") and geom.get("coordinates") is not None:
                footprint = {k: v for k, v in geom.items() if k != "crs"}
                break
        cloud = r.get("cloudCoverage", r.get("cloudCover"))
        try:
            cloud = float(cloud) if cloud is not None else None
        except (TypeError, ValueError):
            cloud = None
        view_id = str(r.get("view_id"))
        scene_id = r.get("sceneID") or r.get("productID") or r.get("sceneId") or view_id.split("/", 1)[-1]
        return cls(view_id=view_id, scene_id=str(scene_id), date=str(r.get("date") or "")[:10],
                   cloud_cover=cloud, footprint=footprint, raw=dict(r))


def _check_dataset(dataset: str) -> str:
    d = str(dataset or "").strip().lower()
    if not re.match(r"^[a-z0-9_]+$", d):
        raise ParameterError(translate("Eosda", "Unknown EOSDA dataset '{}'; use one of: {}.")
                             .format(dataset, ", ".join(DATASETS)))
    return d


def _as_date(value, what: str) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = str(value or "").strip()
    try:
        return _dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ParameterError(translate("Eosda", "The {} date '{}' is not a date (YYYY-MM-DD).")
                             .format(what, text)) from None


def _check_dates(date_from, date_to) -> Tuple[str, str]:
    d0 = _as_date(date_from, translate("Eosda", "start"))
    d1 = _as_date(date_to, translate("Eosda", "end"))
    if d0 > d1:
        raise ParameterError(translate("Eosda", "The dates are reversed: the start {} is after the end {}.")
                             .format(d0.isoformat(), d1.isoformat()))
    return d0.isoformat(), d1.isoformat()


def _check_cloud(cloud_max) -> float:
    try:
        value = float(cloud_max)
    except (TypeError, ValueError):
        raise ParameterError(translate("Eosda", "The cloud cover limit must be a number from 0 to 100.")) \
            from None
    if math.isnan(value) or value < 0 or value > 100:
        raise ParameterError(translate("Eosda", "The cloud cover limit must be from 0 to 100, not {}.")
                             .format(cloud_max))
    return int(value) if value.is_integer() else value


def _search_shapes(geojson: Dict[str, Any]) -> List[Dict[str, Any]]:
    if isinstance(geojson, dict) and geojson.get("type") == "Feature":
        geojson = geojson.get("geometry") or {}
    if not isinstance(geojson, dict):
        raise ParameterError(translate("Eosda", "The search area must be a GeoJSON polygon."))
    if geojson.get("type") == "Polygon":
        return [{"type": "Polygon", "coordinates": geojson["coordinates"]}]
    if geojson.get("type") == "MultiPolygon":
        return [{"type": "Polygon", "coordinates": c} for c in geojson.get("coordinates") or []]
    raise ParameterError(translate("Eosda", "The search area must be a GeoJSON Polygon, not {}.")
                         .format(geojson.get("type")))


def search(session, base: str, api_key: str, dataset: str, aoi_geojson_polygon: Dict[str, Any],
           date_from, date_to, cloud_max: float = 100.0, limit: int = 500, page: Optional[int] = None, *,
           max_pages: int = 20, shape_relation: Optional[str] = None, fields: Optional[Sequence[str]] = None,
           sort: Optional[Dict[str, str]] = None, auth: str = "both", cancel=None, retry=None,
           timeouts=None) -> List[Scene]:
    """Search ``dataset`` (see :data:`DATASETS`); a MultiPolygon AOI is searched part by part."""
    client = EosdaClient(session, base, api_key, auth=auth, retry=retry, timeouts=timeouts,
                         cancel=cancel)
    return client.search(dataset, aoi_geojson_polygon, date_from, date_to, cloud_max, limit, page,
                         max_pages=max_pages, shape_relation=shape_relation, fields=fields, sort=sort)


__all__ = [
    "BAND_RESOLUTIONS", "DATASETS", "DEFAULT_MAX_VERTICES", "EosdaClient", "PollPolicy", "Scene",
    "TaskInfo", "TaskStatus", "build_params", "build_task_body", "classify_status",
    "expected_result_type", "is_raster_path", "make_reference", "missing_key_message", "order_outputs",
    "parse_bands", "search", "sensor_of", "unpack_outputs", "validate_view_id", "view_id_parts",
]
