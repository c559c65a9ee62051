"""Loopback simulator of the Earth Engine *synchronous download* REST calls.

It mimics, on 127.0.0.1, what the official ``earthengine-api`` client and
hand-written REST clients talk to (see /work/shared/protocols.md §1, §2, §6):

``POST /v1/projects/{project}/thumbnails?fields=name&alt=json[&workloadTag=..][&key=..]``
    ``projects.thumbnails.create``.  Body = a ``Thumbnail`` resource
    (``expression, fileFormat, bandIds, filenamePrefix, grid, visualizationOptions, name``;
    proto-JSON, so the snake_case spellings are accepted too).  Requires
    ``Authorization: Bearer <token>``.  The expression graph is evaluated, the
    output pixel grid(s) computed and the size limits checked *here*; the answer is
    only ``{"name": "projects/{project}/thumbnails/{32hex}-{32hex}"}``.
``GET /v1/projects/{project}/thumbnails/{id}:getPixels``
    ``projects.thumbnails.getPixels``.  No auth needed (the id is a capability).
    Pixels are rendered lazily (at every GET) and written with GDAL.  A ``PNG`` (or
    ``AUTO_JPEG_PNG``) thumbnail -- ``getThumbURL`` -- is the ``Image.visualize`` of the
    expression (bands, min, max, gamma, palette, opacity; without it the first 1 or 3
    bands over their type's range) on the grid of the first shown band, RGBA with masked
    pixels transparent.
``GET /v1/projects/{project}/assets/{assetId...}``
    ``projects.assets.get`` for the images of the catalogue (EarthEngineAsset JSON).
``GET /v1/projects/earthengine-public/assets/{collection}:listAssets`` and ``...:listImages``
    The images directly inside a collection, in id order (endpoint ``images``).
    ``pageSize`` (default and cap 1000), ``pageToken`` (bound to the query: another
    query's token -> 400 ``Invalid page token.`` [INF]), ``view`` (FULL: bands too; BASIC:
    no bands [INF]), ``filter`` (AIP-160: ``properties.NAME <op> value``, ``startTime`` /
    ``endTime`` ``<op> "RFC 3339"``, ``intersects("<GeoJSON>")`` with single or double
    quotes, AND, OR -- OR binds tighter --, parentheses; anything else -> 400 ``Invalid
    filter "...": ...`` [INF wording]); ``:listImages`` also takes ``startTime`` (>=),
    ``endTime`` (<, on the image's end time) and ``region`` (GeoJSON).  Unknown query
    parameters -> 400; an unknown collection -> 404; an empty page is ``{}``.  Answer
    ``{"assets" | "images": [EarthEngineAsset...], "nextPageToken"}``.

The catalogue holds, besides single images, synthetic collections (:func:`collection_catalogue`):
Sentinel-2 L2A and L1C harmonized on tiles T31TCJ, T31TDJ, T31TCH (7 dates each, with
``CLOUDY_PIXEL_PERCENTAGE``), the Cloud Score+ image of each (bands ``cs``, ``cs_cdf`` in
0..1, same ``system:index``), Landsat 8 and 9 C2 L2 (path/row 198/030, ``CLOUD_COVER``,
``QA_PIXEL`` drawn from real QA codes) and Sentinel-1 GRD (VV, VH in -30..5 dB).

Collections and composites are evaluated from the graph: ``ImageCollection.load``,
``Collection.filter`` (``Filter.dateRangeContains`` on ``system:time_start``,
``Filter.intersects`` on the footprint, ``Filter.lessThan`` ... ``notEquals``, ``Filter.and``),
``Collection.map`` (``functionDefinitionValue`` + ``argumentReference``, called per image),
``Collection.limit`` (sort by a property, optional limit), ``Image.linkCollection`` (matched
on ``system:index``; no match: the linked bands are fully masked), ``Image.updateMask``,
``Image.constant``, ``Image.gte/gt/lt/lte/eq/neq`` (0/1, uint8), ``Image.bitwiseAnd``,
``reduce.median/mean/min/max`` (over the valid pixels; median of an even count = mean of
the middle two; mean/median are float64, min/max keep the type [INF]) and
``ImageCollection.mosaic`` (the last valid pixel in collection order on top).  A computed
band is evaluated on the output grid (every input sampled by nearest neighbour there) and
has EE's default projection for computed images, EPSG:4326 with a 1-degree scale (north-up
[INF]); its footprint is the union of its inputs'.

Every error is the Google JSON error shape ``{"error": {"code", "message", "status"[, "details"]}}``.

Expression evaluation
---------------------
The serialized graph ``{"result": "0", "values": {...}}`` is evaluated with the
value kinds ``constantValue, integerValue, arrayValue, dictionaryValue,
functionInvocationValue, valueReference`` (``argumentReference``,
``functionDefinitionValue``, ``bytesValue`` give 400).  Supported functions, with the
argument names of the official algorithm list (python/ee/tests/algorithms.json):

* ``Image.load(id, version?)``
* ``Image.select(input, bandSelectors, newNames?)`` -- names are RE2 full-match patterns,
  ints are indices; ``Image.select: Pattern 'B99' did not match any bands.``
* ``Image.rename(input, names)``
* ``Image.clip(input, geometry)`` -- masks pixels whose centre is outside the geometry.
* ``Image.clipToBoundsAndScale(input, geometry?, width?, height?, maxDimension?, scale?)``
  -- *bounds only*: as documented, the image is clipped to the bounding box of the
  geometry in the image's projection; pixels inside the box but outside a polygon are
  NOT masked (use Image.clip for that).
* ``Image.reproject(image, crs, crsTransform?, scale?)``,
  ``Image.setDefaultProjection(image, crs, crsTransform?, scale?)``
* ``Image.addBands(dstImg, srcImg, names?, overwrite?)`` -- a name clash without
  ``overwrite`` renames the new band ``foo_1`` (``foo_2`` ...), as EE documents.
* ``Image.projection(image)``, ``Projection(crs, transform?, transformWkt?)``
* ``GeometryConstructors.Polygon / Rectangle / MultiPolygon / BBox``.  Edges are taken
  as straight lines in the geometry's CRS (``geodesic`` is accepted and ignored).

Unknown functions -> 400 ``Unknown algorithm 'X'.``; known EE algorithms this simulator
does not implement -> 400 ``... is not supported by the Earth Engine simulator.``

Output grid rules (what EE does, as far as documented; [INF] where marked)
-------------------------------------------------------------------------
Each band carries a *projection* (CRS + affine ``[scaleX, shearX, translateX, shearY,
scaleY, translateY]``), an optional output *window* (integer pixel rectangle in that
projection) and a list of *clip* geometries.  An ``Image.load`` band starts with its
native projection and no window.

* ``clipToBoundsAndScale(geometry, scale)``: the band projection is scaled so that a
  pixel is ``scale`` metres (the linear part of the affine is multiplied, the
  translation -- the native grid origin -- is kept; for geographic CRSs 1 degree =
  111319.49079327357 m).  The geometry is transformed (edges densified) into that
  pixel space and its bounding box is snapped *outward* to whole pixels (1e-6 px
  tolerance).  So the grid stays anchored on the native origin: e.g. S2 T10SEG at
  10 m gives ``translateX = 499980 + 10*k``.
* ``clipToBoundsAndScale(geometry, width, height)``: the (unsnapped) bounding box is
  divided into exactly ``width x height`` pixels.  ``maxDimension``: the longer side
  gets ``maxDimension`` pixels, the other ``round(maxDimension*ratio)`` (>= 1).
* ``clipToBoundsAndScale(geometry)`` alone: snapped bounding box at the current scale
  (this is what the client sends for crs + crs_transform + dimensions, with a
  ``Rectangle([0,0,w,h], crs=Image.projection(...))``: exactly that grid).
* No window at output time: the bounding box of the native footprint, intersected
  with the bounding boxes of the clip geometries, in the band projection, snapped outward.
* ``reproject(crs, crsTransform)`` sets exactly that projection; ``reproject(crs, scale)``
  uses ``[s, 0, 0, 0, -s, 0]`` (north-up, [INF]); ``reproject(crs)`` uses the
  Projection's own transform (identity = 1 CRS unit per pixel).  ``setDefaultProjection``
  behaves the same in this simulator.  A previous window survives a projection change as
  a clip rectangle.
* ``grid`` (PixelGrid) in the request overrides every band's grid.
* Default scale when none is given: the band's native scale.
* Single-file formats (``ZIPPED_GEO_TIFF``, ``GEO_TIFF``, ``NPY``) use the grid of the
  *first* band for all bands [INF]; ``ZIPPED_GEO_TIFF_PER_BAND`` writes each band on
  its own grid.  A single GeoTIFF of mixed types is promoted with ``numpy.result_type``
  [INF]; NPY keeps one field per band with the band's dtype.

Size checks (at create time, 400 INVALID_ARGUMENT, in this order)
----------------------------------------------------------------
1. bands > ``max_bands`` (1024): ``Number of bands (N) must be less than or equal to 1024.`` [INF wording]
2. any grid side > ``max_grid_dimension`` (10000):
   ``Pixel grid dimensions (WxH) must be less than or equal to 10000.``
3. ``N = sum over output bands of width*height*(bytes_per_pixel(dtype) + 1)`` -- the
   ``+ 1`` is the mask byte, which EE counts (protocols.md §2.3: Byte images cost 2 B/px)
   -- if ``N > max_request_bytes`` (50331648):
   ``Total request size (N bytes) must be less than or equal to 50331648 bytes.``

Pixel values (deterministic, so that a mosaic of tiles must equal one big request)
---------------------------------------------------------------------------------
EE resamples with nearest neighbour by default, and so does the simulator: an output
pixel takes the value of the *native* pixel that contains its centre (1e-7 px
tolerance towards the next pixel).  That native pixel's centre is transformed to
EPSG:4326 ``(lon, lat)`` and, with per-band integers ``a, b`` in 1..7 (from a CRC32 of
``"<image id>/<band id>"``) and ``t = lon*1e5*a + lat*1e5*b``:

* integer bands: ``min + 1 + (floor(t) mod (max - min))`` -- never 0 for unsigned types
  (a valid 0 of a signed type is replaced by 1), so 0 always means "masked";
* float bands: ``(lon*1e4*a + lat*1e4*b) mod 10000`` (float64, then cast).

:meth:`EeSimulator.expected_pixels` renders the same values for any grid, for tests.

Masked pixels (outside the image footprint, outside a clip geometry, outside an earlier
window): integers -> 0, floats -> ``-inf``; no nodata tag is written (protocols.md §2.2).
Clip geometries are rasterized with GDAL on the output grid (pixel centre inside).

getPixels bodies
----------------
Base name: ``filenamePrefix`` if given, else the last path component of the image id
(``system:id``, kept by select/clip/clipToBoundsAndScale/reproject/addBands(dstImg)),
else ``download`` for computed images; for ``GEO_TIFF``/``NPY`` without a prefix a
random string.  The body of one id is the same at every GET (``Range`` is ignored: always
200 with the whole body [INF]).  ``ZIPPED_GEO_TIFF`` -> zip with ``<name>.tif`` (multiband, band
descriptions = band ids [INF]); ``ZIPPED_GEO_TIFF_PER_BAND`` -> zip with
``<name>.<bandId>.tif``; ``GEO_TIFF`` -> bare GeoTIFF; ``NPY`` -> ``numpy.save`` of a
structured array of shape (height, width), one field per band.  GeoTIFFs: GTiff,
DEFLATE, tiled 256.  Headers: ``Content-Type`` application/zip, image/tiff or
application/octet-stream, exact ``Content-Length``, and (unless
``content_disposition=False``) ``Content-Disposition: attachment; filename="<name>.zip|.tif|.npy"`` [INF].

Expired or unknown ids: 404 ``{"error": {"code": 404, "message": "Requested entity was
not found.", "status": "NOT_FOUND"}}`` (both; protocols.md leaves it open).

Auth and projects
-----------------
Missing/unknown bearer token -> 401 UNAUTHENTICATED.  ``projects``: the projects the
caller may use (``None`` = any).  A path project in ``unregistered_projects`` -> 403
``Project X is not registered to use Earth Engine. ...``; any other unknown project ->
403 ``Permission denied on resource project X.``; an ``X-Goog-User-Project`` header
naming an unknown project -> 403 ``Caller does not have required permission to use
project X. ...``.  ``api_keys`` (``None`` = any): a ``key`` query parameter not in the
set -> 400 ``API key not valid. Please pass a valid API key.``.

Faults
------
``inject(endpoint, status, count, message, reason)`` queues errors (endpoint
``"create"``, ``"getPixels"`` or ``"asset"``); ``inject_drop(count, after_bytes)`` makes
getPixels send the headers and part of the body, then close the connection;
``inject_body(body, content_type, count)`` makes getPixels answer 200 with other bytes
(an HTML page, garbage) and ``inject_resize(d_width, d_height, count)`` with rasters of
another size than the requested grid;
``fault_rates`` (``{"create": {429: 0.1, 503: 0.05}, "getPixels": {500: 0.1, "drop": 0.1}}``)
draws faults from a ``random.Random(seed)``.  ``latency`` seconds are slept at the start
of every request.  Queued faults come before rate faults; both are applied after the
request is recorded and before auth.

Quotas and compute time (all off by default)
--------------------------------------------
``max_concurrent`` (Earth Engine: 40 per project) and ``max_rps`` (about 100 per second per
project): a request arriving while its project already has ``max_concurrent`` requests in flight,
or after ``max_rps`` requests of that project were admitted in the last second, gets 429
``{"error": {"code": 429, "message": "Too Many Requests: Request was rejected because the request
rate or concurrency limit was exceeded.", "status": "RESOURCE_EXHAUSTED"}}`` at once (no
``Retry-After``, as Google APIs send none); a rejected request holds no slot.  The project is the
path's for thumbnails and getPixels, the ``X-Goog-User-Project`` header's otherwise.  A getPixels
holds its slot while it is computed and sent.  ``compute_base + compute_per_mib * MiB`` seconds
(MiB of the request's size as EE counts it, mask byte included) pass before a getPixels answer
is sent, the simulator's own rendering of it included (an answer is late only when rendering takes
longer): Earth Engine computes the pixels when they are fetched, longer for bigger requests (e.g.
0.5 + 0.05 s/MiB: about 2 s for a 32 MiB tile).  ``peak_in_flight`` is the most
requests of one project served at once.

``render_processes`` (0 by default): the getPixels answers are rendered in that many worker
processes instead of the request's thread.  The service renders on other machines than the ones that
answer its API calls: its creates do not wait while it renders.  Rendered in this process's threads,
the pixels of the first tiles held its interpreter lock while a client's later creates waited
(benchmarks: 11 creates sent within 10 ms, answered over 0.08-0.12 s, the last tile's getPixels
0.04-0.06 s late).  The worker processes are started (and warmed up) by ``start()``.

Test API
--------
``EeSimulator(tokens=("test-token",), projects=("my-project",), unregistered_projects=(),
api_keys=None, images=None, ttl_seconds=14400, max_request_bytes=50331648,
max_grid_dimension=10000, max_bands=1024, latency=0.0, seed=0, fault_rates=None,
content_disposition=True, project_number="123456789012", host="127.0.0.1", port=0,
max_records=2000, max_concurrent=None, max_rps=None, compute_base=0.0, compute_per_mib=0.0,
render_processes=0)``; ``start()``/``stop()``/context manager; ``url`` (``http://127.0.0.1:PORT``,
no ``/v1``).  Counters: ``counts[endpoint]`` and ``status_counts[(endpoint, status)]``
(endpoints ``create, getPixels, asset, unknown``; status ``-1`` = a body cut by
``inject_drop``), ``count(endpoint, status=None)``; ``requests`` (dicts ``endpoint, method,
path, query, headers`` (lower-case keys), ``json, raw, status, time``), ``last_request(endpoint)``,
``reset_counters()``.  ``thumbnails()`` / ``thumbnail(name_or_id)`` describe the stored grids;
``expire(name_or_id=None)``; ``add_image(ImageSpec)``; ``expected_pixels(image_id, band_id,
crs, geotransform, width, height)``; ``inject``, ``inject_drop``, ``clear_faults``,
``fault_rates``, ``latency`` and ``ttl_seconds`` may be changed while running.

Run standalone: ``python -m tests.sims.ee_sim --port 8999 --token TOKEN --latency 0.2``
(``--project`` repeatable, default any project; ``--ttl``, ``--seed``, ``--rate-429``,
``--rate-5xx``, ``--rate-drop``, ``--max-concurrent``, ``--max-rps``, ``--compute-base``,
``--compute-per-mib``, ``--render-processes``); prints the URL on stdout.
"""
import argparse
import base64
import binascii
import collections
import copy
import dataclasses
import io
import json
import math
import random
import re
import secrets
import socket
import sys
import threading
import time
import uuid
import warnings
import zipfile
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple
from urllib.parse import parse_qs, unquote, urlsplit

import numpy as np
import pyproj
from osgeo import gdal, ogr, osr
from shapely.geometry import MultiPolygon, Polygon, box, mapping
from shapely.ops import transform as shapely_transform
from shapely.ops import unary_union

from tests.sims import ee_official_api
from tests.sims.loopback import LoopbackServer, QuietHandler

gdal.UseExceptions()

METRES_PER_DEGREE = 111319.49079327357
DEFAULT_MAX_REQUEST_BYTES = 50331648
DEFAULT_MAX_GRID_DIMENSION = 10000
DEFAULT_MAX_BANDS = 1024
DEFAULT_TTL_SECONDS = 4 * 3600.0
FILE_FORMATS = (
    "IMAGE_FILE_FORMAT_UNSPECIFIED", "JPEG", "PNG", "AUTO_JPEG_PNG", "NPY", "GEO_TIFF",
    "TF_RECORD_IMAGE", "MULTI_BAND_IMAGE_TILE", "ZIPPED_GEO_TIFF", "ZIPPED_GEO_TIFF_PER_BAND",
)
SUPPORTED_FORMATS = ("NPY", "GEO_TIFF", "ZIPPED_GEO_TIFF", "ZIPPED_GEO_TIFF_PER_BAND")
PICTURE_FORMATS = ("PNG", "AUTO_JPEG_PNG")
QUOTA_MESSAGE = ("Quota exceeded for quota metric 'Number of read requests' and limit "
                 "'Number of read requests per minute per user' of service "
                 "'earthengine.googleapis.com' for consumer 'project_number:{number}'.")
#: What Earth Engine answers (429 RESOURCE_EXHAUSTED) to a request over the project's concurrency or
#: request-rate limit (the message of the service's 429s, as reported by its users).
LIMIT_MESSAGE = ("Too Many Requests: Request was rejected because the request rate or concurrency limit "
                 "was exceeded.")
UNAUTHENTICATED_MESSAGE = ("Request had invalid authentication credentials. Expected OAuth 2 access "
                           "token, login cookie or other valid authentication credential. See "
                           "https://developers.google.com/identity/sign-in/web/devconsole-project.")

S2_SR_ID = "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG"
S2_SR_HARMONIZED_ID = "COPERNICUS/S2_SR_HARMONIZED/20210109T185751_20210109T185931_T10SEG"
# Tile T31TCJ (Toulouse): the tile of the captured request in protocols.md §2.1 (its id is elided there).
S2_T31TCJ_ID = "COPERNICUS/S2_SR_HARMONIZED/20230615T105031_20230615T105716_T31TCJ"
MERIT_DEM_ID = "MERIT/DEM/v1_0_3"
SRTM_ID = "USGS/SRTMGL1_003"
WORLDCOVER_ID = "ESA/WorldCover/v100/2020"
PUBLIC_PREFIXES = ("projects/earthengine-public/assets/", "projects/earthengine-legacy/assets/")

_STATUS_NAMES = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED",
                 404: "NOT_FOUND", 409: "ALREADY_EXISTS", 429: "RESOURCE_EXHAUSTED",
                 500: "INTERNAL", 501: "NOT_IMPLEMENTED", 502: "UNAVAILABLE", 503: "UNAVAILABLE",
                 504: "DEADLINE_EXCEEDED"}
_DEFAULT_MESSAGES = {400: "Request contains an invalid argument.",
                     401: UNAUTHENTICATED_MESSAGE,
                     403: "The caller does not have permission",
                     404: "Requested entity was not found.",
                     500: "Internal error encountered.",
                     502: "Bad Gateway",
                     503: "The service is currently unavailable.",
                     504: "Deadline expired before operation could complete."}


# ----------------------------------------------------------------------------------------
# Errors
# ----------------------------------------------------------------------------------------
class ApiError(Exception):
    """An error answered as Google JSON."""

    def __init__(self, code: int, message: str, status: Optional[str] = None,
                 details: Optional[list] = None, errors: Optional[list] = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status or _STATUS_NAMES.get(code, "UNKNOWN")
        self.details = details
        self.errors = errors

    def body(self) -> dict:
        err = {"code": self.code, "message": self.message}
        if self.errors:
            err["errors"] = self.errors
        err["status"] = self.status
        if self.details:
            err["details"] = self.details
        return {"error": err}


def _bad(message: str, details: Optional[list] = None) -> ApiError:
    return ApiError(400, message, "INVALID_ARGUMENT", details)


def _field_violation(field: Optional[str], description: str) -> ApiError:
    fv = {"description": description}
    if field:
        fv = {"field": field, "description": description}
    return _bad(description, [{"@type": "type.googleapis.com/google.rpc.BadRequest",
                               "fieldViolations": [fv]}])


# ----------------------------------------------------------------------------------------
# Affine helpers (EE order: scaleX, shearX, translateX, shearY, scaleY, translateY)
# ----------------------------------------------------------------------------------------
Affine = Tuple[float, float, float, float, float, float]


def ee_to_gdal(a: Sequence[float]) -> Tuple[float, ...]:
    sx, shx, tx, shy, sy, ty = (float(v) for v in a)
    return (tx, sx, shx, ty, shy, sy)


def gdal_to_ee(gt: Sequence[float]) -> Affine:
    tx, sx, shx, ty, shy, sy = (float(v) for v in gt)
    return (sx, shx, tx, shy, sy, ty)


def _apply(a: Affine, c, r):
    sx, shx, tx, shy, sy, ty = a
    return sx * c + shx * r + tx, shy * c + sy * r + ty


def _invert(a: Affine, x, y):
    sx, shx, tx, shy, sy, ty = a
    det = sx * sy - shx * shy
    dx = x - tx
    dy = y - ty
    return (sy * dx - shx * dy) / det, (-shy * dx + sx * dy) / det


def _shift(a: Affine, c0: float, r0: float) -> Affine:
    sx, shx, tx, shy, sy, ty = a
    x, y = _apply(a, c0, r0)
    return (sx, shx, float(x), shy, sy, float(y))


def _rescale(a: Affine, kx: float, ky: float, c0: float, r0: float) -> Affine:
    """Affine of pixel (c, r) -> a(c0 + kx*c, r0 + ky*r)."""
    sx, shx, tx, shy, sy, ty = a
    x, y = _apply(a, c0, r0)
    return (sx * kx, shx * ky, float(x), shy * kx, sy * ky, float(y))


def _affine_ok(a: Sequence[float]) -> bool:
    if len(a) != 6 or not all(isinstance(v, (int, float)) and math.isfinite(v) for v in a):
        return False
    return abs(a[0] * a[4] - a[1] * a[3]) > 0


# ----------------------------------------------------------------------------------------
# CRS and projections
# ----------------------------------------------------------------------------------------
_tls = threading.local()   # pyproj objects are kept per thread (they are not thread-safe)


def _crs(code: str) -> Tuple[pyproj.CRS, str]:
    """(pyproj CRS, canonical key) for a CRS string; raises ValueError."""
    cache = getattr(_tls, "crs", None)
    if cache is None:
        cache = _tls.crs = {}
    hit = cache.get(code)
    if hit:
        return hit
    crs = pyproj.CRS.from_user_input(code)
    epsg = crs.to_epsg(min_confidence=100)
    key = "EPSG:%d" % epsg if epsg else crs.to_wkt()
    cache[code] = (crs, key)
    return crs, key


def _transformer(src_key: str, dst_key: str) -> pyproj.Transformer:
    cache = getattr(_tls, "transformers", None)
    if cache is None:
        cache = _tls.transformers = {}
    t = cache.get((src_key, dst_key))
    if t is None:
        t = pyproj.Transformer.from_crs(_crs(src_key)[0], _crs(dst_key)[0], always_xy=True)
        cache[(src_key, dst_key)] = t
    return t


@dataclasses.dataclass(frozen=True)
class Proj:
    """A projection: CRS (as given, plus canonical key) and affine pixel->CRS."""
    code: str
    key: str
    affine: Affine

    @staticmethod
    def make(code: str, affine: Sequence[float] = (1, 0, 0, 0, 1, 0)) -> "Proj":
        _, key = _crs(code)
        return Proj(code, key, tuple(float(v) for v in affine))

    def with_affine(self, affine: Sequence[float]) -> "Proj":
        return Proj(self.code, self.key, tuple(float(v) for v in affine))

    @property
    def crs(self) -> pyproj.CRS:
        return _crs(self.key)[0]

    def nominal_scale(self) -> float:
        """Metres per pixel (EE's nominalScale)."""
        sx, shx, _, shy, sy, _ = self.affine
        units = math.sqrt(abs(sx * sy - shx * shy))
        crs = self.crs
        if crs.is_geographic:
            return units * METRES_PER_DEGREE
        try:
            factor = crs.axis_info[0].unit_conversion_factor or 1.0
        except (IndexError, AttributeError):
            factor = 1.0
        return units * factor

    def at_scale(self, metres: float) -> "Proj":
        f = metres / self.nominal_scale()
        sx, shx, tx, shy, sy, ty = self.affine
        return self.with_affine((sx * f, shx * f, tx, shy * f, sy * f, ty))

    def same(self, other: "Proj") -> bool:
        return self.key == other.key and all(
            abs(a - b) <= 1e-12 * max(1.0, abs(a), abs(b)) for a, b in zip(self.affine, other.affine))

    def describe(self) -> dict:
        return {"type": "Projection", "crs": self.code, "transform": list(self.affine)}


def _to_pixels(proj: Proj, x, y):
    return _invert(proj.affine, x, y)


def _densify(shape, max_parts: int = 64):
    """Insert vertices so that edges survive a non-affine CRS change."""
    minx, miny, maxx, maxy = shape.bounds
    span = max(maxx - minx, maxy - miny) or 1.0
    step = span / 100.0

    def ring(coords):
        pts = list(coords)
        out = []
        for (x0, y0), (x1, y1) in zip(pts[:-1], pts[1:]):
            n = min(max_parts, max(1, int(math.ceil(math.hypot(x1 - x0, y1 - y0) / step))))
            for k in range(n):
                out.append((x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n))
        out.append(pts[-1])
        return out

    def poly(p):
        return Polygon(ring(p.exterior.coords), [ring(i.coords) for i in p.interiors])

    if isinstance(shape, Polygon):
        return poly(shape)
    if isinstance(shape, MultiPolygon):
        return MultiPolygon([poly(p) for p in shape.geoms])
    return shape


@dataclasses.dataclass(frozen=True)
class Geom:
    """A geometry whose coordinates are in ``proj``'s projected (pixel) space."""
    shape: Any
    proj: Proj

    def in_proj(self, target: Proj):
        """The shape in ``target``'s pixel coordinates."""
        if self.proj.same(target):
            return self.shape
        shape = self.shape
        same_crs = self.proj.key == target.key
        if not same_crs:
            shape = _densify(shape)
        src, dst = self.proj, target

        def f(x, y, z=None):
            x = np.asarray(x, dtype=float)
            y = np.asarray(y, dtype=float)
            X, Y = _apply(src.affine, x, y)
            if not same_crs:
                X, Y = _transformer(src.key, dst.key).transform(X, Y)
            return _to_pixels(dst, np.asarray(X), np.asarray(Y))

        return shapely_transform(f, shape)

    def lonlat(self):
        return self.in_proj(Proj.make("EPSG:4326"))


# ----------------------------------------------------------------------------------------
# Catalogue
# ----------------------------------------------------------------------------------------
_INT_RANGES = {
    "uint8": (0, 255), "int8": (-128, 127), "uint16": (0, 65535), "int16": (-32768, 32767),
    "uint32": (0, 4294967295), "int32": (-2147483648, 2147483647),
}


@dataclasses.dataclass
class BandSpec:
    """A band of a catalogue image: numpy dtype name and native grid."""
    id: str
    dtype: str
    crs: str
    transform: Affine          # EE order
    width: int
    height: int
    pyramiding_policy: str = "MEAN"
    #: Float bands: values spread over [lo, hi) instead of [0, 10000).
    value_range: Optional[Tuple[float, float]] = None
    #: Integer bands: values drawn from these (e.g. real QA_PIXEL codes) instead of the whole range.
    choices: Optional[Tuple[int, ...]] = None

    def data_type(self) -> dict:
        """EE PixelDataType, proto-JSON style (zero values omitted)."""
        if self.dtype in _INT_RANGES:
            lo, hi = _INT_RANGES[self.dtype]
            rng = {}
            if lo:
                rng["min"] = lo
            rng["max"] = hi
            return {"precision": "INT", "range": rng}
        return {"precision": "DOUBLE" if self.dtype == "float64" else "FLOAT"}


@dataclasses.dataclass
class ImageSpec:
    id: str
    bands: List[BandSpec]
    start_time: Optional[str] = None
    end_time: Optional[str] = None
    properties: Dict[str, Any] = dataclasses.field(default_factory=dict)
    update_time: str = "2021-06-17T08:40:12.373Z"

    def footprint(self) -> Geom:
        b = self.bands[0]
        return Geom(box(0, 0, b.width, b.height), Proj.make(b.crs, b.transform))


def _s2_image(image_id: str, crs: str = "EPSG:32610", ox: float = 499980.0, oy: float = 4200000.0,
              time_start: str = "2021-01-09T19:05:37.561Z") -> ImageSpec:
    """A Sentinel-2 L2A image on the real MGRS tile grid (10980 px at 10 m)."""
    tile = image_id.rsplit("_T", 1)[-1]

    def band(name, dtype, res, policy="MEAN"):
        n = 109800 // res
        return BandSpec(name, dtype, crs, (float(res), 0.0, ox, 0.0, -float(res), oy),
                        n, n, policy)

    bands = [
        band("B1", "uint16", 60), band("B2", "uint16", 10), band("B3", "uint16", 10),
        band("B4", "uint16", 10), band("B5", "uint16", 20), band("B6", "uint16", 20),
        band("B7", "uint16", 20), band("B8", "uint16", 10), band("B8A", "uint16", 20),
        band("B9", "uint16", 60), band("B11", "uint16", 20), band("B12", "uint16", 20),
        band("AOT", "uint16", 10), band("WVP", "uint16", 10), band("SCL", "uint8", 20, "MODE"),
        band("TCI_R", "uint8", 10), band("TCI_G", "uint8", 10), band("TCI_B", "uint8", 10),
        band("MSK_CLDPRB", "uint8", 20), band("MSK_SNWPRB", "uint8", 20),
        band("QA10", "uint16", 10, "SAMPLE"), band("QA20", "uint32", 20, "SAMPLE"),
        band("QA60", "uint16", 60, "SAMPLE"),
    ]
    index = image_id.rsplit("/", 1)[-1]
    props = {
        "system:index": index, "SPACECRAFT_NAME": "Sentinel-2A", "MGRS_TILE": tile,
        "CLOUDY_PIXEL_PERCENTAGE": 4.1953, "PROCESSING_BASELINE": "02.14",
        "PRODUCT_ID": "S2A_MSIL2A_%s_N0214_R070_T%s_%s" % (index[:15], tile, index[16:31]),
    }
    return ImageSpec(image_id, bands, time_start, time_start, props)


def default_catalogue() -> List[ImageSpec]:
    """The images the simulator knows by default (grids like the real assets)."""
    merit = ImageSpec(MERIT_DEM_ID, [BandSpec("dem", "float32", "EPSG:4326",
                                              (1 / 1200.0, 0.0, -180.0, 0.0, -1 / 1200.0, 85.0),
                                              432000, 174000)],
                      None, None, {"system:index": "v1_0_3"})
    srtm = ImageSpec(SRTM_ID, [BandSpec("elevation", "int16", "EPSG:4326",
                                        (1 / 3600.0, 0.0, -180.0001388888889, 0.0, -1 / 3600.0,
                                         60.00013888888889), 1296001, 417601)],
                     "2000-02-11T00:00:00Z", "2000-02-22T00:00:00Z", {"system:index": "SRTMGL1_003"})
    worldcover = ImageSpec(WORLDCOVER_ID, [BandSpec("Map", "uint8", "EPSG:4326",
                                                    (1 / 12000.0, 0.0, -180.0, 0.0, -1 / 12000.0, 84.0),
                                                    4320000, 1728000, "MODE")],
                           "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z", {"system:index": "2020"})
    return [_s2_image(S2_SR_ID), _s2_image(S2_SR_HARMONIZED_ID),
            _s2_image(S2_T31TCJ_ID, "EPSG:32631", 300000.0, 4800000.0, "2023-06-15T10:56:02.112Z"),
            merit, srtm, worldcover] + collection_catalogue()


# ----------------------------------------------------------------------------------------
# Collections of the catalogue: scenes with dates, cloud cover and footprints
# ----------------------------------------------------------------------------------------
S2_SR_COLLECTION = "COPERNICUS/S2_SR_HARMONIZED"
S2_L1C_COLLECTION = "COPERNICUS/S2_HARMONIZED"
CS_PLUS_COLLECTION = "GOOGLE/CLOUD_SCORE_PLUS/V1/S2_HARMONIZED"
L8_COLLECTION = "LANDSAT/LC08/C02/T1_L2"
L9_COLLECTION = "LANDSAT/LC09/C02/T1_L2"
S1_COLLECTION = "COPERNICUS/S1_GRD"
#: MGRS tiles of the synthetic Sentinel-2 scenes: (tile, CRS, x origin, y origin).  The
#: AOI 1.0..1.1 E, 43.0..43.1 N lies in T31TCJ only.
S2_TILES = (("T31TCJ", "EPSG:32631", 300000.0, 4800000.0), ("T31TDJ", "EPSG:32631", 399960.0, 4800000.0),
            ("T31TCH", "EPSG:32631", 300000.0, 4700040.0))
#: (day, cloud %) of the synthetic Sentinel-2 acquisitions, the same on every tile.
S2_DATES = (("20230605", 12.5), ("20230615", 4.1953), ("20230625", 35.0), ("20230710", 8.0),
            ("20230720", 60.0), ("20230804", 2.3), ("20230819", 18.0))
#: Real Landsat C2 QA_PIXEL codes: clear land, water, cloud, cloud shadow, dilated cloud, cirrus.
LANDSAT_QA_CODES = (21824, 21824, 21824, 21952, 22280, 23888, 21890, 54596)
LANDSAT_DATES = {L8_COLLECTION: (("20230506", 55.1), ("20230607", 12.0), ("20230725", 3.4), ("20230826", 70.2)),
                 L9_COLLECTION: (("20230514", 20.4), ("20230615", 41.0), ("20230717", 0.8), ("20230918", 9.9))}
S1_DATES = ("20230603", "20230615", "20230627")


def _iso(day: str, clock: str = "10:56:02.112") -> str:
    return "%s-%s-%sT%sZ" % (day[:4], day[4:6], day[6:], clock)


def _s2_scene(collection: str, tile, day: str, cloud: float) -> ImageSpec:
    name, crs, ox, oy = tile
    image_id = "%s/%sT105031_%sT105716_%s" % (collection, day, day, name)
    spec = _s2_image(image_id, crs, ox, oy, _iso(day))
    if collection == S2_L1C_COLLECTION:   # L1C has no atmospheric bands
        spec.bands = [b for b in spec.bands if b.id.startswith("B") or b.id.startswith("QA")]
    spec.properties["CLOUDY_PIXEL_PERCENTAGE"] = cloud
    return spec


def _cs_plus_scene(tile, day: str) -> ImageSpec:
    name, crs, ox, oy = tile
    index = "%sT105031_%sT105716_%s" % (day, day, name)
    bands = [BandSpec(b, "float32", crs, (10.0, 0.0, ox, 0.0, -10.0, oy), 10980, 10980, value_range=(0.0, 1.0))
             for b in ("cs", "cs_cdf")]
    return ImageSpec("%s/%s" % (CS_PLUS_COLLECTION, index), bands, _iso(day), _iso(day),
                     {"system:index": index})


def _landsat_scene(collection: str, day: str, cloud: float) -> ImageSpec:
    sat = "LC08" if collection == L8_COLLECTION else "LC09"
    transform = (30.0, 0.0, 230085.0, 0.0, -30.0, 4884915.0)
    bands = [BandSpec("SR_B%d" % i, "uint16", "EPSG:32631", transform, 7800, 7800) for i in range(1, 8)]
    bands.append(BandSpec("QA_PIXEL", "uint16", "EPSG:32631", transform, 7800, 7800, "SAMPLE",
                          choices=LANDSAT_QA_CODES))
    index = "%s_198030_%s" % (sat, day)
    return ImageSpec("%s/%s" % (collection, index), bands, _iso(day, "10:38:12.000"), _iso(day, "10:38:12.000"),
                     {"system:index": index, "CLOUD_COVER": cloud, "WRS_PATH": 198, "WRS_ROW": 30})


def _s1_scene(day: str) -> ImageSpec:
    transform = (10.0, 0.0, 250000.0, 0.0, -10.0, 4850000.0)
    bands = [BandSpec(b, "float32", "EPSG:32631", transform, 25000, 20000, value_range=(-30.0, 5.0))
             for b in ("VV", "VH")]
    index = "S1A_IW_GRDH_1SDV_%sT175829_%sT175854_048807_05DE9B_7A1C" % (day, day)
    return ImageSpec("%s/%s" % (S1_COLLECTION, index), bands, _iso(day, "17:58:29.000"), _iso(day, "17:58:29.000"),
                     {"system:index": index, "instrumentMode": "IW", "orbitProperties_pass": "DESCENDING"})


def collection_catalogue() -> List[ImageSpec]:
    """The synthetic scenes of the collections the plugin offers (S2 L1C/L2A with their Cloud
    Score+ images, Landsat 8/9 C2 L2, Sentinel-1 GRD)."""
    out = []
    for tile in S2_TILES:
        for day, cloud in S2_DATES:
            out.append(_s2_scene(S2_SR_COLLECTION, tile, day, cloud))
            out.append(_s2_scene(S2_L1C_COLLECTION, tile, day, cloud))
            out.append(_cs_plus_scene(tile, day))
    for collection, dates in LANDSAT_DATES.items():
        out.extend(_landsat_scene(collection, day, cloud) for day, cloud in dates)
    out.extend(_s1_scene(day) for day in S1_DATES)
    return [spec for spec in out if spec.id != S2_T31TCJ_ID]   # that one is in default_catalogue()


def _strip_asset_prefix(asset_id: str) -> str:
    for p in PUBLIC_PREFIXES:
        if asset_id.startswith(p):
            return asset_id[len(p):]
    return asset_id


# ----------------------------------------------------------------------------------------
# The image model the expression evaluates to
# ----------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class SourceBand:
    image_id: str
    spec: BandSpec
    proj: Proj
    a: int
    b: int

    @property
    def dtype(self) -> np.dtype:
        return np.dtype(self.spec.dtype)


def _coefficients(image_id: str, band_id: str) -> Tuple[int, int]:
    h = binascii.crc32(("%s/%s" % (image_id, band_id)).encode("utf-8"))
    a = 1 + h % 7
    b = 1 + (h >> 8) % 7
    if b == a:
        b = 1 + (b % 7)
    return a, b


@dataclasses.dataclass(frozen=True)
class Band:
    name: str
    src: SourceBand
    proj: Proj
    window: Optional[Tuple[int, int, int, int]] = None   # c0, r0, c1, r1 in proj pixels
    clips: Tuple[Geom, ...] = ()
    #: A computed band (composites, masks, comparisons): its pixel operation; ``src`` then
    #: only carries the band's type (see :func:`computed_band`).
    op: Any = None

    def reprojected(self, proj: Proj) -> "Band":
        clips = self.clips
        if self.window is not None:
            c0, r0, c1, r1 = self.window
            clips = clips + (Geom(box(c0, r0, c1, r1), self.proj),)
        return dataclasses.replace(self, proj=proj, window=None, clips=clips)


@dataclasses.dataclass(frozen=True)
class EeImage:
    bands: Tuple[Band, ...]
    props: Tuple[Tuple[str, Any], ...] = ()

    @property
    def system_id(self) -> Optional[str]:
        return dict(self.props).get("system:id")


@dataclasses.dataclass(frozen=True)
class Grid:
    proj: Proj          # affine already shifted to the window origin
    width: int
    height: int

    def describe(self) -> dict:
        return {"crs": self.proj.code, "crs_transform": list(self.proj.affine),
                "geotransform": list(ee_to_gdal(self.proj.affine)),
                "width": self.width, "height": self.height}


# ----------------------------------------------------------------------------------------
# Collections: computed bands, filters, composites
# ----------------------------------------------------------------------------------------
#: The default projection EE gives computed images (composites, constants) [INF: north-up].
DEFAULT_PROJECTION_AFFINE = (1.0, 0.0, 0.0, 0.0, -1.0, 0.0)
_COMPARISONS = {"Image.gte": np.greater_equal, "Image.gt": np.greater, "Image.lt": np.less,
                "Image.lte": np.less_equal, "Image.eq": np.equal, "Image.neq": np.not_equal}
_FILTER_COMPARISONS = {"Filter.lessThan": "<", "Filter.greaterThan": ">", "Filter.lessThanOrEquals": "<=",
                       "Filter.greaterThanOrEquals": ">=", "Filter.equals": "=", "Filter.notEquals": "!="}
_FILTER_SIDES = ((), ("leftField", "rightValue", "rightField", "leftValue"))


def _default_projection() -> Proj:
    return Proj.make("EPSG:4326", DEFAULT_PROJECTION_AFFINE)


def _time_ms(text: Any) -> Optional[int]:
    """Milliseconds since 1970 of an RFC 3339 time or a YYYY-MM-DD date (UTC); numbers are ms."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return int(text)
    if not isinstance(text, str):
        return None
    value = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        value += "T00:00:00Z"
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,9})?Z", value)
    if not m:
        return None
    import datetime as _dt
    base = _dt.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S").replace(tzinfo=_dt.timezone.utc)
    frac = float(m.group(2)) if m.group(2) else 0.0
    return int(round((base.timestamp() + frac) * 1000))


def _compare(left: Any, op: str, right: Any) -> bool:
    if left is None or right is None:
        return False
    if isinstance(left, (int, float)) != isinstance(right, (int, float)):
        return False
    return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right,
            "=": left == right, "!=": left != right}[op]


def _band_footprint(band: "Band"):
    """The band's footprint in lon/lat (None: unbounded)."""
    if band.op is not None:
        return band.op.footprint()
    spec = band.src.spec
    return Geom(box(0, 0, spec.width, spec.height), band.src.proj).lonlat()


def _union(shapes):
    shapes = [s for s in shapes if s is not None]
    if not shapes:
        return None
    return unary_union(shapes)


def image_footprint(image: "EeImage"):
    return _union([_band_footprint(b) for b in image.bands])


class ConstantOp:
    def __init__(self, value: float):
        self.value = float(value)

    def footprint(self):
        return None

    def pixels(self, grid, cache):
        return (np.full((grid.height, grid.width), self.value), np.ones((grid.height, grid.width), dtype=bool))


class MaskedOp:
    """A band with no data anywhere (linkCollection without a matching image)."""

    def footprint(self):
        return None

    def pixels(self, grid, cache):
        return np.zeros((grid.height, grid.width)), np.zeros((grid.height, grid.width), dtype=bool)


class UpdateMaskOp:
    """``updateMask``: a pixel stays valid where the mask is valid and not 0."""

    def __init__(self, band, mask):
        self.band, self.mask = band, mask

    def footprint(self):
        return _band_footprint(self.band)

    def pixels(self, grid, cache):
        vals, valid = band_pixels(self.band, grid, cache)
        mvals, mvalid = band_pixels(self.mask, grid, cache)
        return vals, valid & mvalid & (mvals != 0)


class BinaryOp:
    """Comparisons (1 or 0) and bitwiseAnd, pixel by pixel; valid where both inputs are."""

    def __init__(self, fn: str, a, b):
        self.fn, self.a, self.b = fn, a, b

    def footprint(self):
        fa, fb = _band_footprint(self.a), _band_footprint(self.b)
        if fa is None or fb is None:
            return fa if fb is None else fb
        return fa.intersection(fb)

    def pixels(self, grid, cache):
        va, ma = band_pixels(self.a, grid, cache)
        vb, mb = band_pixels(self.b, grid, cache)
        if self.fn == "Image.bitwiseAnd":
            out = np.bitwise_and(va.astype(np.int64), vb.astype(np.int64)).astype(np.float64)
        else:
            out = _COMPARISONS[self.fn](va, vb).astype(np.float64)
        return out, ma & mb


class ReduceOp:
    """``reduce.median|mean|min|max``: over the valid inputs of each pixel (median of an even
    count: the mean of the middle two)."""

    def __init__(self, method: str, bands):
        self.method, self.bands = method, list(bands)

    def footprint(self):
        return _union([_band_footprint(b) for b in self.bands])

    def pixels(self, grid, cache):
        layers = [band_pixels(b, grid, cache) for b in self.bands]
        stack = np.stack([np.where(m, v, np.nan) for v, m in layers])
        valid = np.any(np.stack([m for _, m in layers]), axis=0)
        fn = {"median": np.nanmedian, "mean": np.nanmean, "min": np.nanmin, "max": np.nanmax}[self.method]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            out = fn(stack, axis=0)
        return np.where(valid, out, 0.0), valid


class MosaicOp:
    """``ImageCollection.mosaic``: the last valid pixel in collection order is on top."""

    def __init__(self, bands):
        self.bands = list(bands)

    def footprint(self):
        return _union([_band_footprint(b) for b in self.bands])

    def pixels(self, grid, cache):
        out = np.zeros((grid.height, grid.width))
        valid = np.zeros((grid.height, grid.width), dtype=bool)
        for band in self.bands:
            vals, ok = band_pixels(band, grid, cache)
            out = np.where(ok, vals, out)
            valid |= ok
        return out, valid


def computed_band(name: str, op, dtype: str, proj: Proj) -> "Band":
    spec = BandSpec(name, dtype, proj.code, proj.affine, 1, 1)
    return Band(name, SourceBand("", spec, proj, 1, 1), proj, op=op)


@dataclasses.dataclass(frozen=True)
class EeCollection:
    images: Tuple["EeImage", ...]


@dataclasses.dataclass(frozen=True)
class DateRange:
    start: int
    end: int


@dataclasses.dataclass(frozen=True)
class SimFeature:
    geom: Geom


@dataclasses.dataclass(frozen=True)
class SimFilter:
    kind: str          # "date", "intersects", "compare", "and"
    args: tuple

    def matches(self, image: "EeImage") -> bool:
        props = dict(image.props)
        if self.kind == "date":
            field, rng = self.args
            t = props.get(field)
            return isinstance(t, (int, float)) and rng.start <= t < rng.end
        if self.kind == "intersects":
            fp = image_footprint(image)
            return fp is not None and fp.intersects(self.args[0])
        if self.kind == "compare":
            field, op, value = self.args
            return _compare(props.get(field), op, value)
        return all(f.matches(image) for f in self.args)


@dataclasses.dataclass(frozen=True)
class Closure:
    names: Tuple[str, ...]
    body: str
    frame: Tuple[Tuple[str, Any], ...]


class CollectionAlgorithms:
    """The collection, filter and composite algorithms of :class:`Evaluator`."""

    def _collection(self, fn, args, name) -> EeCollection:
        v = args.get(name)
        if not isinstance(v, EeCollection):
            raise _type_error(fn, name, "ImageCollection", v)
        return v

    def _fn_ImageCollection_load(self, fn, args):
        cid = args["id"]
        if not isinstance(cid, str):
            raise _type_error(fn, "id", "String", cid)
        cid = _strip_asset_prefix(cid)
        images = [self._fn_Image_load("Image.load", {"id": spec.id}) for spec in collection_members(
            self.catalogue, cid)]
        if not images and cid not in self.catalogue_collections():
            raise _bad("ImageCollection.load: ImageCollection asset '%s' not found (does not exist or caller "
                       "does not have access)." % cid)
        return EeCollection(tuple(images))

    def catalogue_collections(self):
        return {spec.id.rsplit("/", 1)[0] for spec in self.catalogue.values()}

    def _fn_Collection_filter(self, fn, args):
        col = self._collection(fn, args, "collection")
        flt = args["filter"]
        if not isinstance(flt, SimFilter):
            raise _type_error(fn, "filter", "Filter", flt)
        return EeCollection(tuple(img for img in col.images if flt.matches(img)))

    def _fn_Collection_map(self, fn, args):
        col = self._collection(fn, args, "collection")
        closure = args["baseAlgorithm"]
        if not isinstance(closure, Closure) or len(closure.names) != 1:
            raise _type_error(fn, "baseAlgorithm", "Function", closure)
        out = []
        for img in col.images:
            result = self.call(closure, [img])
            if not isinstance(result, EeImage):
                raise _bad("Collection.map: A mapped algorithm must return a Feature or Image.")
            out.append(result)
        return EeCollection(tuple(out))

    def _fn_Collection_limit(self, fn, args):
        col = self._collection(fn, args, "collection")
        images = list(col.images)
        key = args.get("key")
        if key is not None:
            ascending = args.get("ascending")
            images.sort(key=lambda img: (dict(img.props).get(key) is None, dict(img.props).get(key) or 0),
                        reverse=ascending is False)
        limit = self._number(fn, args, "limit", integer=True)
        return EeCollection(tuple(images[:limit] if limit is not None else images))

    def _fn_DateRange(self, fn, args):
        start, end = _time_ms(args["start"]), _time_ms(args.get("end", args["start"]))
        if start is None or end is None:
            raise _bad("DateRange: Invalid date: %s." % json.dumps([args.get("start"), args.get("end")]))
        return DateRange(start, end)

    def _fn_Filter_dateRangeContains(self, fn, args):
        rng, field = args.get("leftValue"), args.get("rightField")
        if not isinstance(rng, DateRange) or not isinstance(field, str):
            raise _bad("Filter.dateRangeContains: only leftValue (a DateRange) and rightField are supported by "
                       "the Earth Engine simulator.")
        return SimFilter("date", (field, rng))

    def _fn_Filter_intersects(self, fn, args):
        value = args.get("rightValue")
        if isinstance(value, SimFeature):
            value = value.geom
        if args.get("leftField") != ".all" or not isinstance(value, Geom):
            raise _bad("Filter.intersects: only leftField '.all' and a geometry rightValue are supported by "
                       "the Earth Engine simulator.")
        return SimFilter("intersects", (value.lonlat(),))

    def _compare_filter(self, fn, args):
        field, value = args.get("leftField"), args.get("rightValue")
        if not isinstance(field, str) or args.get("rightField") is not None or args.get("leftValue") is not None:
            raise _bad("%s: only leftField and rightValue are supported by the Earth Engine simulator." % fn)
        return SimFilter("compare", (field, _FILTER_COMPARISONS[fn], value))

    def _fn_Filter_and(self, fn, args):
        filters = args["filters"]
        if not isinstance(filters, list) or not all(isinstance(f, SimFilter) for f in filters):
            raise _type_error(fn, "filters", "List<Filter>", filters)
        return SimFilter("and", tuple(filters))

    def _fn_Feature(self, fn, args):
        return SimFeature(self._geometry(fn, args, "geometry"))

    def _fn_Image_constant(self, fn, args):
        value = self._number(fn, args, "value")
        dtype = "int32" if float(value).is_integer() and abs(value) < 2 ** 31 else "float64"
        band = computed_band("constant", ConstantOp(value), dtype, _default_projection())
        return EeImage((band,))

    def _fn_Image_updateMask(self, fn, args):
        image, mask = self._image(fn, args, "image"), self._image(fn, args, "mask")
        masks = self._paired(fn, image, mask)
        bands = tuple(computed_band(b.name, UpdateMaskOp(b, m), b.src.dtype.name, b.proj)
                      for b, m in zip(image.bands, masks))
        return EeImage(bands, image.props)

    @staticmethod
    def _paired(fn, image, other) -> List["Band"]:
        if len(other.bands) == 1:
            return [other.bands[0]] * len(image.bands)
        if len(other.bands) != len(image.bands):
            raise _bad("%s: Images must contain the same number of bands or only 1 band. Got %d and %d."
                       % (fn, len(image.bands), len(other.bands)))
        return list(other.bands)

    def _binary(self, fn, args):
        a, b = self._image(fn, args, "image1"), self._image(fn, args, "image2")
        others = self._paired(fn, a, b)
        bands = []
        for left, right in zip(a.bands, others):
            if fn == "Image.bitwiseAnd":
                if left.src.dtype.kind not in "ui" or right.src.dtype.kind not in "ui":
                    raise _bad("Image.bitwiseAnd: Bitwise operators require integer inputs.")
                dtype = left.src.dtype.name
            else:
                dtype = "uint8"
            bands.append(computed_band(left.name, BinaryOp(fn, left, right), dtype, left.proj))
        return EeImage(tuple(bands), a.props)

    def _fn_Image_linkCollection(self, fn, args):
        image = self._image(fn, args, "input")
        other = self._collection(fn, args, "imageCollection")
        if args.get("linkedProperties") is not None:
            raise _bad("Image.linkCollection: linkedProperties are not supported by the Earth Engine simulator.")
        names = args.get("linkedBands") or []
        key = args.get("matchPropertyName") or "system:index"
        value = dict(image.props).get(key)
        match = next((img for img in other.images if value is not None and dict(img.props).get(key) == value), None)
        bands = list(image.bands)
        for name in names:
            if match is not None:
                found = [b for b in match.bands if b.name == name]
                if not found:
                    raise _bad("Image.select: Pattern '%s' did not match any bands." % name)
                new = found[0]
            else:
                new = computed_band(name, MaskedOp(), "float32", image.bands[0].proj if image.bands
                                    else _default_projection())
            bands = [b for b in bands if b.name != name] + [new]
        return EeImage(tuple(bands), image.props)

    def _reduce(self, fn, args, method):
        col = self._collection(fn, args, "collection")
        by_name: Dict[str, List[Band]] = {}
        for img in col.images:
            for b in img.bands:
                by_name.setdefault(b.name, []).append(b)
        bands = []
        for name, members in by_name.items():
            if method == "mosaic":
                op, dtype = MosaicOp(members), members[0].src.dtype.name
            else:
                op = ReduceOp(method, members)
                dtype = "float64" if method in ("median", "mean") else members[0].src.dtype.name
            bands.append(computed_band(name, op, dtype, _default_projection()))
        return EeImage(tuple(bands))

    def _fn_reduce_median(self, fn, args):
        return self._reduce(fn, args, "median")

    def _fn_reduce_mean(self, fn, args):
        return self._reduce(fn, args, "mean")

    def _fn_reduce_min(self, fn, args):
        return self._reduce(fn, args, "min")

    def _fn_reduce_max(self, fn, args):
        return self._reduce(fn, args, "max")

    def _fn_ImageCollection_mosaic(self, fn, args):
        return self._reduce(fn, args, "mosaic")


for _name in _COMPARISONS.keys() | {"Image.bitwiseAnd"}:
    setattr(CollectionAlgorithms, "_fn_" + _name.replace(".", "_"), CollectionAlgorithms._binary)
for _name in _FILTER_COMPARISONS:
    setattr(CollectionAlgorithms, "_fn_" + _name.replace(".", "_"), CollectionAlgorithms._compare_filter)


def collection_members(catalogue: Dict[str, "ImageSpec"], collection_id: str) -> List["ImageSpec"]:
    """The images directly inside ``collection_id``, in id order."""
    return sorted((s for s in catalogue.values() if s.id.rsplit("/", 1)[0] == collection_id), key=lambda s: s.id)


# ----------------------------------------------------------------------------------------
# Expression evaluation
# ----------------------------------------------------------------------------------------
_ALG_ARGS = {
    "Image.load": (("id",), ("version",)),
    "Image.select": (("input", "bandSelectors"), ("newNames",)),
    "Image.slice": (("image", "start"), ("end",)),
    "Image.rename": (("input", "names"), ()),
    "Image.clip": (("input", "geometry"), ()),
    "Image.clipToBoundsAndScale": (("input",), ("geometry", "width", "height", "maxDimension", "scale")),
    "Image.reproject": (("image", "crs"), ("crsTransform", "scale")),
    "Image.setDefaultProjection": (("image", "crs"), ("crsTransform", "scale")),
    "Image.addBands": (("dstImg", "srcImg"), ("names", "overwrite")),
    "Image.projection": (("image",), ()),
    "Projection": (("crs",), ("transform", "transformWkt")),
    "GeometryConstructors.Polygon": (("coordinates",), ("crs", "geodesic", "maxError", "evenOdd")),
    "GeometryConstructors.Rectangle": (("coordinates",), ("crs", "geodesic", "evenOdd")),
    "GeometryConstructors.MultiPolygon": (("coordinates",), ("crs", "geodesic", "maxError", "evenOdd")),
    "GeometryConstructors.BBox": (("west", "south", "east", "north"), ()),
    # collections and composites (CollectionAlgorithms)
    "ImageCollection.load": (("id",), ("version",)),
    "Collection.filter": (("collection", "filter"), ()),
    "Collection.map": (("collection", "baseAlgorithm"), ("dropNulls",)),
    "Collection.limit": (("collection",), ("limit", "key", "ascending")),
    "DateRange": (("start",), ("end", "timeZone")),
    "Filter.dateRangeContains": _FILTER_SIDES,
    "Filter.intersects": ((), _FILTER_SIDES[1] + ("maxError",)),
    "Filter.and": (("filters",), ()),
    "Feature": (("geometry",), ("metadata",)),
    "Image.constant": (("value",), ()),
    "Image.updateMask": (("image", "mask"), ()),
    "Image.bitwiseAnd": (("image1", "image2"), ()),
    "Image.linkCollection": (("input", "imageCollection"), ("linkedBands", "linkedProperties",
                                                            "matchPropertyName")),
    "reduce.median": (("collection",), ()),
    "reduce.mean": (("collection",), ()),
    "reduce.min": (("collection",), ()),
    "reduce.max": (("collection",), ()),
    "ImageCollection.mosaic": (("collection",), ()),
}
_ALG_ARGS.update({name: (("image1", "image2"), ()) for name in _COMPARISONS})
_ALG_ARGS.update({name: (("value",), ()) for name in ee_official_api.CASTS})
_ALG_ARGS.update({name: _FILTER_SIDES for name in _FILTER_COMPARISONS})
# Real EE algorithms that exist but are not simulated (a realistic client might send them).
_KNOWN_UNSUPPORTED = {
    "Image.cast", "Image.expression",
    "Image.unmask", "Image.resample", "ImageCollection.qualityMosaic", "ImageCollection.reduce",
    "Image.clipToCollection", "Collection", "GeometryConstructors.Point",
    "GeometryConstructors.LineString", "GeometryConstructors.LinearRing",
    "GeometryConstructors.MultiGeometry", "Geometry.transform", "Geometry.buffer", "Image.rgb",
}
_TYPE_NAMES = {"image": "Image<unknown bands>", "projection": "Projection", "geometry": "Geometry",
               "list": "List<Object>", "string": "String", "number": "Float", "boolean": "Boolean"}


def _type_of(v) -> str:
    if isinstance(v, EeImage):
        return "Image<unknown bands>"
    if isinstance(v, Proj):
        return "Projection"
    if isinstance(v, Geom):
        return "Geometry"
    if isinstance(v, bool):
        return "Boolean"
    if isinstance(v, int):
        return "Integer"
    if isinstance(v, float):
        return "Float"
    if isinstance(v, str):
        return "String"
    if isinstance(v, list):
        return "List<Object>"
    if isinstance(v, dict):
        return "Dictionary<Object>"
    if v is None:
        return "null"
    return type(v).__name__


def _type_error(fn: str, arg: str, expected: str, value) -> ApiError:
    return _bad("%s, argument '%s': Invalid type.\nExpected type: %s.\nActual type: %s."
                % (fn, arg, expected, _type_of(value)))


class Evaluator(CollectionAlgorithms):
    def __init__(self, catalogue: Dict[str, ImageSpec]):
        self.catalogue = catalogue

    # --- graph -----------------------------------------------------------------------
    def evaluate(self, expression: Any):
        if not isinstance(expression, dict):
            raise _field_violation("expression", "Invalid value at 'expression' (type.googleapis.com/"
                                   "google.earthengine.v1.Expression), %s" % json.dumps(expression))
        unknown = [k for k in expression if k not in ("result", "values")]
        if unknown:
            raise _field_violation("expression", 'Invalid JSON payload received. Unknown name "%s" at '
                                   "'expression': Cannot find field." % unknown[0])
        values = expression.get("values")
        result = expression.get("result")
        if not isinstance(values, dict) or not isinstance(result, str) or result not in values:
            raise _bad("Invalid expression: the result value '%s' is not defined." % result)
        self._values = values
        self._memo: Dict[Tuple[str, int], Any] = {}
        self._stack: List[Tuple[str, int]] = []
        self._frame: Dict[str, Any] = {}     # the arguments of the function being called
        self._frame_id = 0
        self._frames = 0
        return self._ref(result)

    def _ref(self, name: str):
        key = (name, self._frame_id)       # a value inside a function differs per call
        if key in self._memo:
            return self._memo[key]
        if name not in self._values:
            raise _bad("Invalid expression: reference to undefined value '%s'." % name)
        if key in self._stack:
            raise _bad("Invalid expression: cyclic reference to value '%s'." % name)
        self._stack.append(key)
        v = self._node(self._values[name], "expression.values[%s]" % name)
        self._stack.pop()
        self._memo[key] = v
        return v

    def call(self, closure: "Closure", arguments: Sequence[Any]):
        """Evaluate a function definition's body with its arguments bound (Collection.map)."""
        saved = self._frame, self._frame_id
        self._frames += 1
        self._frame = dict(closure.frame)
        self._frame.update(zip(closure.names, arguments))
        self._frame_id = self._frames
        try:
            return self._ref(closure.body)
        finally:
            self._frame, self._frame_id = saved

    def _node(self, node: Any, where: str):
        if not isinstance(node, dict) or len(node) != 1:
            raise _bad("Invalid expression node at '%s': exactly one value kind must be set." % where)
        kind, body = next(iter(node.items()))
        if kind == "constantValue":
            return body
        if kind == "integerValue":
            try:
                return int(body)
            except (TypeError, ValueError):
                raise _field_violation(where, "Invalid value at '%s.integer_value' (TYPE_INT64), %s"
                                       % (where, json.dumps(body)))
        if kind == "valueReference":
            if not isinstance(body, str):
                raise _bad("Invalid expression node at '%s': valueReference must be a string." % where)
            return self._ref(body)
        if kind == "arrayValue":
            if not isinstance(body, dict) or set(body) - {"values"}:
                raise _bad("Invalid arrayValue at '%s'." % where)
            return [self._node(v, where) for v in body.get("values") or []]
        if kind == "dictionaryValue":
            if not isinstance(body, dict) or set(body) - {"values"}:
                raise _bad("Invalid dictionaryValue at '%s'." % where)
            return {k: self._node(v, where) for k, v in (body.get("values") or {}).items()}
        if kind == "functionInvocationValue":
            return self._invoke(body, where)
        if kind == "argumentReference":
            if not isinstance(body, str) or body not in self._frame:
                raise _bad("Invalid expression: argument '%s' is not bound here." % body)
            return self._frame[body]
        if kind == "functionDefinitionValue":
            names = body.get("argumentNames") if isinstance(body, dict) else None
            if not isinstance(names, list) or not isinstance(body.get("body"), str):
                raise _bad("Invalid functionDefinitionValue at '%s'." % where)
            if body["body"] not in self._values:
                raise _bad("Invalid expression: reference to undefined value '%s'." % body["body"])
            return Closure(tuple(names), body["body"], tuple(sorted(self._frame.items())))
        if kind == "bytesValue":
            raise _bad("%s is not supported by the Earth Engine simulator." % kind)
        raise _field_violation(where, 'Invalid JSON payload received. Unknown name "%s" at \'%s\': '
                                      "Cannot find field." % (kind, where))

    def _invoke(self, body: Any, where: str):
        if not isinstance(body, dict) or set(body) - {"functionName", "arguments", "functionReference"}:
            raise _bad("Invalid functionInvocationValue at '%s'." % where)
        if body.get("functionName") == "Image.visualize":
            raw = body.get("arguments") or {}
            for name in raw:
                if name not in _VIS_ARGS:
                    raise _bad("Image.visualize: Unrecognized argument '%s'." % name)
            return visualize({k: self._node(v, where) for k, v in raw.items()})
        if "functionReference" in body:
            raise _bad("functionReference is not supported by the Earth Engine simulator.")
        fn = body.get("functionName")
        if not isinstance(fn, str):
            raise _bad("Invalid functionInvocationValue at '%s': functionName is required." % where)
        if fn not in _ALG_ARGS:
            if fn in _KNOWN_UNSUPPORTED:
                raise _bad("%s is not supported by the Earth Engine simulator." % fn)
            raise _bad("Unknown algorithm '%s'." % fn)
        required, optional = _ALG_ARGS[fn]
        raw = body.get("arguments") or {}
        if not isinstance(raw, dict):
            raise _bad("Invalid arguments for %s." % fn)
        for name in raw:
            if name not in required and name not in optional:
                raise _bad("%s: Unrecognized argument '%s'." % (fn, name))
        args = {k: self._node(v, where) for k, v in raw.items()}
        for name in required:
            if args.get(name) is None:
                raise _bad("%s, argument '%s': Parameter '%s' is required." % (fn, name, name))
        method = getattr(self, "_fn_" + fn.replace(".", "_"))
        return method(fn, args)

    # --- argument coercion -------------------------------------------------------------
    @staticmethod
    def _image(fn, args, name) -> EeImage:
        v = args.get(name)
        if not isinstance(v, EeImage):
            raise _type_error(fn, name, "Image<unknown bands>", v)
        return v

    @staticmethod
    def _number(fn, args, name, integer=False):
        v = args.get(name)
        if v is None:
            return None
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise _type_error(fn, name, "Integer" if integer else "Float", v)
        if integer:
            if float(v) != int(v):
                raise _type_error(fn, name, "Integer", v)
            return int(v)
        return float(v)

    @staticmethod
    def _projection(fn, args, name) -> Optional[Proj]:
        v = args.get(name)
        if v is None:
            return None
        if isinstance(v, Proj):
            return v
        if isinstance(v, str):
            try:
                return Proj.make(v)
            except Exception:
                raise _bad("%s, argument '%s': Invalid CRS: '%s'." % (fn, name, v))
        raise _type_error(fn, name, "Projection", v)

    @staticmethod
    def _transform(fn, args, name) -> Optional[Affine]:
        v = args.get(name)
        if v is None:
            return None
        if not isinstance(v, list) or len(v) != 6 or not _affine_ok(v):
            raise _bad("%s, argument '%s': Invalid transform: %s. Expected 6 numbers "
                       "[xScale, xShearing, xTranslation, yShearing, yScale, yTranslation]."
                       % (fn, name, json.dumps(v)))
        return tuple(float(x) for x in v)

    # --- Image functions ---------------------------------------------------------------
    def _fn_Image_load(self, fn, args):
        asset_id = args["id"]
        if not isinstance(asset_id, str):
            raise _type_error(fn, "id", "String", asset_id)
        spec = self.catalogue.get(_strip_asset_prefix(asset_id))
        if spec is None:
            raise _bad("Image.load: Image asset '%s' not found (does not exist or caller does not "
                       "have access)." % asset_id)
        bands = []
        for bs in spec.bands:
            proj = Proj.make(bs.crs, bs.transform)
            a, b = _coefficients(spec.id, bs.id)
            bands.append(Band(bs.id, SourceBand(spec.id, bs, proj, a, b), proj))
        props = {"system:id": spec.id, "system:index": spec.id.rsplit("/", 1)[-1]}
        if _time_ms(spec.start_time) is not None:
            props["system:time_start"] = _time_ms(spec.start_time)
        props.update(spec.properties)
        return EeImage(tuple(bands), tuple(sorted(props.items())))

    @staticmethod
    def _select_bands(fn, image: EeImage, selectors) -> List[Band]:
        if not isinstance(selectors, list):
            selectors = [selectors]
        picked: List[int] = []
        for sel in selectors:
            if isinstance(sel, bool):
                raise _bad("%s: Invalid band selector: %s." % (fn, json.dumps(sel)))
            if isinstance(sel, (int, float)):
                idx = int(sel)
                if idx != sel or not 0 <= idx < len(image.bands):
                    raise _bad("%s: Band index %s out of bounds; the image has %d bands."
                               % (fn, sel, len(image.bands)))
                if idx not in picked:
                    picked.append(idx)
                continue
            if not isinstance(sel, str):
                raise _bad("%s: Invalid band selector: %s." % (fn, json.dumps(sel)))
            try:
                rx = re.compile(sel)
            except re.error:
                rx = None
            hits = [i for i, b in enumerate(image.bands)
                    if b.name == sel or (rx is not None and rx.fullmatch(b.name))]
            if not hits:
                raise _bad("Image.select: Pattern '%s' did not match any bands." % sel)
            for i in hits:
                if i not in picked:
                    picked.append(i)
        return [image.bands[i] for i in picked]

    def _fn_Image_select(self, fn, args):
        image = self._image(fn, args, "input")
        bands = self._select_bands(fn, image, args["bandSelectors"])
        names = args.get("newNames")
        if names is not None:
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise _type_error(fn, "newNames", "List<String>", names)
            if len(names) != len(bands):
                raise _bad("Image.select: The number of new names (%d) must match the number of "
                           "selected bands (%d)." % (len(names), len(bands)))
            bands = [dataclasses.replace(b, name=n) for b, n in zip(bands, names)]
        self._check_unique(fn, bands)
        return EeImage(tuple(bands), image.props)

    def _fn_Image_slice(self, fn, args):
        """Bands ``start`` (included) to ``end`` (excluded) by position; negative counts from the end."""
        image = self._image(fn, args, "image")
        start = self._number(fn, args, "start", integer=True)
        end = self._number(fn, args, "end", integer=True)
        bands = image.bands[int(start):None if end is None else int(end)]
        if not bands:
            raise _bad("Image.slice: The selection (%s, %s) holds no band of the %d." % (start, end, len(image.bands)))
        return EeImage(tuple(bands), image.props)

    def _cast(self, fn, args):
        """``Image.toUint16`` ...: a cast that keeps every band's type changes nothing; another one is
        not simulated (its values would need EE's clamping and rounding)."""
        image = self._image(fn, args, "value")
        want = np.dtype(ee_official_api.CASTS[fn])
        for band in image.bands:
            if band.src.dtype != want:
                raise _bad("%s of a %s band is not supported by the Earth Engine simulator."
                           % (fn, band.src.dtype.name))
        return image

    _fn_Image_toUint8 = _fn_Image_toInt8 = _fn_Image_toUint16 = _fn_Image_toInt16 = _cast
    _fn_Image_toUint32 = _fn_Image_toInt32 = _fn_Image_toFloat = _fn_Image_toDouble = _cast

    def _fn_Image_rename(self, fn, args):
        image = self._image(fn, args, "input")
        names = args["names"]
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise _type_error(fn, "names", "List<String>", names)
        if len(names) != len(image.bands):
            raise _bad("Image.rename: The number of names (%d) must match the number of bands (%d)."
                       % (len(names), len(image.bands)))
        bands = [dataclasses.replace(b, name=n) for b, n in zip(image.bands, names)]
        self._check_unique(fn, bands)
        return EeImage(tuple(bands), image.props)

    @staticmethod
    def _check_unique(fn, bands):
        seen = set()
        for b in bands:
            if b.name in seen:
                raise _bad("%s: Duplicate band name '%s'." % (fn, b.name))
            seen.add(b.name)

    def _geometry(self, fn, args, name) -> Geom:
        v = args.get(name)
        if not isinstance(v, Geom):
            raise _type_error(fn, name, "Geometry", v)
        return v

    def _fn_Image_clip(self, fn, args):
        image = self._image(fn, args, "input")
        geom = self._geometry(fn, args, "geometry")
        bands = tuple(dataclasses.replace(b, clips=b.clips + (geom,)) for b in image.bands)
        return EeImage(bands, image.props)

    def _fn_Image_clipToBoundsAndScale(self, fn, args):
        image = self._image(fn, args, "input")
        geom = self._geometry(fn, args, "geometry") if args.get("geometry") is not None else None
        width = self._number(fn, args, "width", integer=True)
        height = self._number(fn, args, "height", integer=True)
        max_dim = self._number(fn, args, "maxDimension", integer=True)
        scale = self._number(fn, args, "scale")
        modes = sum(x is not None for x in ((width if width is not None else height), max_dim, scale))
        if modes > 1:
            raise _bad("Image.clipToBoundsAndScale: Only one of width/height, maxDimension and "
                       "scale may be specified.")
        if (width is None) != (height is None):
            raise _bad("Image.clipToBoundsAndScale: width and height must be specified together.")
        for label, v in (("width", width), ("height", height), ("maxDimension", max_dim)):
            if v is not None and v <= 0:
                raise _bad("Image.clipToBoundsAndScale: %s must be positive." % label)
        if scale is not None and scale <= 0:
            raise _bad("Image.clipToBoundsAndScale: scale must be positive.")
        out = []
        for band in image.bands:
            proj = band.proj.at_scale(scale) if scale is not None else band.proj
            if not proj.same(band.proj):
                band = band.reprojected(proj)
            if geom is not None:
                bounds = geom.in_proj(proj).bounds
            else:
                bounds = _band_bounds(band)
            if not bounds or any(not math.isfinite(v) for v in bounds):
                raise _bad("Image.clipToBoundsAndScale: Unable to compute the bounds of the geometry.")
            px0, py0, px1, py1 = bounds
            if width is not None or max_dim is not None:
                if width is None:
                    w_span, h_span = px1 - px0, py1 - py0
                    if w_span >= h_span:
                        width, height = max_dim, max(1, int(round(max_dim * h_span / w_span)))
                    else:
                        width, height = max(1, int(round(max_dim * w_span / h_span))), max_dim
                kx = (px1 - px0) / width
                ky = (py1 - py0) / height
                if kx <= 0 or ky <= 0:
                    raise _bad("Image.clipToBoundsAndScale: The geometry has an empty bounding box.")
                new = proj.with_affine(_rescale(proj.affine, kx, ky, px0, py0))
                band = band.reprojected(new) if band.window is not None else dataclasses.replace(band, proj=new)
                band = dataclasses.replace(band, window=(0, 0, width, height))
                if max_dim is not None:
                    width = height = None
            else:
                band = dataclasses.replace(band, window=_snap(px0, py0, px1, py1))
            out.append(band)
        return EeImage(tuple(out), image.props)

    def _reproject_common(self, fn, args):
        image = self._image(fn, args, "image")
        proj = self._projection(fn, args, "crs")
        transform = self._transform(fn, args, "crsTransform")
        scale = self._number(fn, args, "scale")
        if transform is not None and scale is not None:
            raise _bad("%s: crsTransform and scale are mutually exclusive." % fn)
        if transform is not None:
            proj = proj.with_affine(transform)
        elif scale is not None:
            if scale <= 0:
                raise _bad("%s: scale must be positive." % fn)
            unit = proj.with_affine((1, 0, 0, 0, -1, 0))
            f = scale / unit.nominal_scale()
            proj = proj.with_affine((f, 0, 0, 0, -f, 0))
        bands = tuple(b if b.proj.same(proj) and b.window is None else b.reprojected(proj)
                      for b in image.bands)
        return EeImage(bands, image.props)

    def _fn_Image_reproject(self, fn, args):
        return self._reproject_common(fn, args)

    def _fn_Image_setDefaultProjection(self, fn, args):
        return self._reproject_common(fn, args)

    def _fn_Image_addBands(self, fn, args):
        dst = self._image(fn, args, "dstImg")
        src = self._image(fn, args, "srcImg")
        names = args.get("names")
        overwrite = args.get("overwrite") or False
        if not isinstance(overwrite, bool):
            raise _type_error(fn, "overwrite", "Boolean", overwrite)
        src_bands = list(src.bands)
        if names is not None:
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise _type_error(fn, "names", "List<String>", names)
            src_bands = self._select_bands(fn, src, names)
        bands = list(dst.bands)
        for b in src_bands:
            existing = [i for i, d in enumerate(bands) if d.name == b.name]
            if existing and overwrite:
                bands[existing[0]] = b
                continue
            if existing:
                taken = {d.name for d in bands}
                k = 1
                while "%s_%d" % (b.name, k) in taken:
                    k += 1
                b = dataclasses.replace(b, name="%s_%d" % (b.name, k))
            bands.append(b)
        return EeImage(tuple(bands), dst.props)

    def _fn_Image_projection(self, fn, args):
        image = self._image(fn, args, "image")
        if not image.bands:
            raise _bad("Image.projection: The image has no bands.")
        first = image.bands[0].proj
        if any(not b.proj.same(first) for b in image.bands[1:]):
            raise _bad("Image.projection: The bands of the specified image contains different "
                       "projections. Use Image.select to pick a single band.")
        return first

    def _fn_Projection(self, fn, args):
        crs = args["crs"]
        if isinstance(crs, Proj):
            base = crs
        elif isinstance(crs, str):
            try:
                base = Proj.make(crs)
            except Exception:
                raise _bad("Projection: Invalid CRS: '%s'." % crs)
        else:
            raise _type_error(fn, "crs", "Object", crs)
        if args.get("transformWkt") is not None:
            raise _bad("Projection: transformWkt is not supported by the Earth Engine simulator.")
        transform = self._transform(fn, args, "transform")
        if transform is not None:
            return base.with_affine(transform)
        return base.with_affine((1, 0, 0, 0, 1, 0)) if not isinstance(crs, Proj) else base

    # --- geometry constructors -----------------------------------------------------------
    def _geom_proj(self, fn, args) -> Proj:
        proj = self._projection(fn, args, "crs")
        if proj is None:
            return Proj.make("EPSG:4326")
        return proj

    @staticmethod
    def _point(fn, p):
        if (not isinstance(p, list) or len(p) < 2 or
                not all(isinstance(c, (int, float)) and not isinstance(c, bool) and math.isfinite(c)
                        for c in p[:2])):
            raise _bad("%s: Invalid coordinate: %s." % (fn, json.dumps(p)))
        return float(p[0]), float(p[1])

    def _rings(self, fn, coords):
        if not isinstance(coords, list) or not coords:
            raise _bad("%s: Invalid coordinates." % fn)
        if all(isinstance(c, list) and c and isinstance(c[0], (int, float)) for c in coords):
            coords = [coords]          # a single ring
        rings = []
        for ring in coords:
            if not isinstance(ring, list):
                raise _bad("%s: Invalid coordinates." % fn)
            pts = [self._point(fn, p) for p in ring]
            if len(pts) >= 2 and pts[0] == pts[-1]:
                pts = pts[:-1]
            if len(set(pts)) < 3:
                raise _bad("%s: LinearRing requires at least 3 points." % fn)
            rings.append(pts)
        return rings

    def _polygon(self, fn, coords):
        rings = self._rings(fn, coords)
        poly = Polygon(rings[0], rings[1:])
        if not poly.is_valid:
            poly = poly.buffer(0)
        return poly

    def _fn_GeometryConstructors_Polygon(self, fn, args):
        return Geom(self._polygon(fn, args["coordinates"]), self._geom_proj(fn, args))

    def _fn_GeometryConstructors_MultiPolygon(self, fn, args):
        coords = args["coordinates"]
        if not isinstance(coords, list):
            raise _bad("%s: Invalid coordinates." % fn)
        polys = []
        for part in coords:
            p = self._polygon(fn, part)
            polys.extend(p.geoms if isinstance(p, MultiPolygon) else [p])
        return Geom(MultiPolygon(polys), self._geom_proj(fn, args))

    def _fn_GeometryConstructors_Rectangle(self, fn, args):
        c = args["coordinates"]
        if isinstance(c, list) and len(c) == 4 and all(isinstance(v, (int, float)) for v in c):
            x0, y0, x1, y1 = (float(v) for v in c)
        elif isinstance(c, list) and len(c) == 2:
            (x0, y0), (x1, y1) = self._point(fn, c[0]), self._point(fn, c[1])
        else:
            raise _bad("GeometryConstructors.Rectangle: The coordinates must be 2 points or 4 numbers.")
        if x0 == x1 or y0 == y1:
            raise _bad("GeometryConstructors.Rectangle: The rectangle is empty.")
        return Geom(box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)), self._geom_proj(fn, args))

    def _fn_GeometryConstructors_BBox(self, fn, args):
        w, s, e, n = (self._number(fn, args, k) for k in ("west", "south", "east", "north"))
        if e <= w or n <= s:
            raise _bad("GeometryConstructors.BBox: The bounding box is empty.")
        return Geom(box(w, max(s, -90.0), e, min(n, 90.0)), Proj.make("EPSG:4326"))


def _snap(px0, py0, px1, py1, eps=1e-6) -> Tuple[int, int, int, int]:
    c0 = int(math.floor(px0 + eps))
    r0 = int(math.floor(py0 + eps))
    c1 = int(math.ceil(px1 - eps))
    r1 = int(math.ceil(py1 - eps))
    return c0, r0, max(c1, c0 + 1), max(r1, r0 + 1)


def _band_bounds(band: Band) -> Tuple[float, float, float, float]:
    """Unsnapped bounds in band pixel space: window, else footprint ∩ clip boxes."""
    if band.window is not None:
        return tuple(float(v) for v in band.window)
    if band.op is not None:
        lonlat = band.op.footprint()
        if lonlat is None or lonlat.is_empty:
            if not band.clips:
                raise _bad("Unable to compute bounds for an unbounded image; give a region.")
            lonlat = band.clips[0].lonlat()
        fp = Geom(lonlat, Proj.make("EPSG:4326")).in_proj(band.proj)
    else:
        spec = band.src.spec
        fp = Geom(box(0, 0, spec.width, spec.height), band.src.proj).in_proj(band.proj)
    minx, miny, maxx, maxy = fp.bounds
    for clip in band.clips:
        cx0, cy0, cx1, cy1 = clip.in_proj(band.proj).bounds
        minx, miny, maxx, maxy = max(minx, cx0), max(miny, cy0), min(maxx, cx1), min(maxy, cy1)
    if maxx <= minx or maxy <= miny:
        # No overlap: EE would give an empty image; keep the clip's own box.
        if band.clips:
            minx, miny, maxx, maxy = band.clips[-1].in_proj(band.proj).bounds
        else:
            minx, miny, maxx, maxy = fp.bounds
    return minx, miny, maxx, maxy


def band_grid(band: Band) -> Grid:
    c0, r0, c1, r1 = _snap(*_band_bounds(band)) if band.window is None else band.window
    return Grid(band.proj.with_affine(_shift(band.proj.affine, c0, r0)), c1 - c0, r1 - r0)


# ----------------------------------------------------------------------------------------
# Rendering
# ----------------------------------------------------------------------------------------
def _values_from_lonlat(src: SourceBand, lon: np.ndarray, lat: np.ndarray, dtype: np.dtype) -> np.ndarray:
    dt = src.dtype
    spec = src.spec
    if spec.choices:
        t = np.floor(lon * 1e5 * src.a + lat * 1e5 * src.b)
        return np.asarray(spec.choices, dtype=np.float64)[np.mod(t, len(spec.choices)).astype(np.int64)].astype(dtype)
    if spec.value_range and dt.kind == "f":   # scattered over the range, pixel by pixel (golden-ratio steps)
        lo, hi = spec.value_range
        t = np.floor(lon * 1e5 * src.a + lat * 1e5 * src.b)
        return (lo + (hi - lo) * np.mod(t * 0.6180339887498949, 1.0)).astype(dtype)
    if dt.kind in "ui":
        lo, hi = _INT_RANGES[dt.name]
        t = np.floor(lon * 1e5 * src.a + lat * 1e5 * src.b)
        v = lo + 1 + np.mod(t, hi - lo)
        if lo < 0:
            v[v == 0] = 1
        return v.astype(dtype)
    v = np.mod(lon * 1e4 * src.a + lat * 1e4 * src.b, 10000.0)
    return v.astype(dtype)


def _render_values(src: SourceBand, grid: Grid, dtype: np.dtype, rows: Tuple[int, int],
                   memo: Optional[dict] = None) -> Tuple[np.ndarray, np.ndarray]:
    """Values and validity (inside the native footprint) of rows [r0, r1) of grid.  ``memo`` (one
    render's) keeps the native pixel centres in lon/lat for the bands that share a native grid."""
    key = (src.proj, src.spec.width, src.spec.height, grid, rows)
    if memo is not None and key in memo:
        lon, lat, valid = memo[key]
        return _values_from_lonlat(src, lon, lat, dtype), valid.copy()
    lon, lat, valid = _native_lonlat(src, grid, rows)
    if memo is not None:
        memo[key] = (lon, lat, valid)
    return _values_from_lonlat(src, lon, lat, dtype), valid.copy()


#: How pixel values are drawn: "lonlat" (the module text), or "index" (``--pixel-values index``, for
#: benchmarks): the formula is applied to ``(col / 1e5, -row / 1e5)`` of the native pixel instead of
#: its centre's lon/lat -- still nearest-neighbour and the same for a mosaic of tiles as for one
#: request, without a CRS transformation per pixel, which made the simulator's own CPU the bottleneck
#: of a download on this machine while Earth Engine computes on its own servers.
PIXEL_VALUES = "lonlat"


def _native_lonlat(src: SourceBand, grid: Grid, rows: Tuple[int, int]):
    """(lon, lat, valid) of the native pixel whose area holds each pixel centre of rows [r0, r1)."""
    r0, r1 = rows
    cols = np.arange(grid.width, dtype=np.float64) + 0.5
    rr = np.arange(r0, r1, dtype=np.float64) + 0.5
    cc, rg = np.meshgrid(cols, rr)
    x, y = _apply(grid.proj.affine, cc, rg)
    if grid.proj.key != src.proj.key:
        x, y = _transformer(grid.proj.key, src.proj.key).transform(x, y)
        x, y = np.asarray(x), np.asarray(y)
    nc, nr = _to_pixels(src.proj, x, y)
    with np.errstate(invalid="ignore"):
        ic = np.floor(nc + 1e-7)
        ir = np.floor(nr + 1e-7)
        valid = (ic >= 0) & (ic < src.spec.width) & (ir >= 0) & (ir < src.spec.height)
    ic = np.where(valid, ic, 0)
    ir = np.where(valid, ir, 0)
    if PIXEL_VALUES == "index":
        return ic / 1e5, -ir / 1e5, valid
    X, Y = _apply(src.proj.affine, ic + 0.5, ir + 0.5)
    if src.proj.key != "EPSG:4326":
        lon, lat = _transformer(src.proj.key, "EPSG:4326").transform(X, Y)
        lon, lat = np.asarray(lon), np.asarray(lat)
    else:
        lon, lat = X, Y
    return lon, lat, valid


def _rasterize_inside(geoms: Sequence[Any], width: int, height: int) -> np.ndarray:
    """Boolean (height, width): pixel centre inside every shape (shapes in pixel space)."""
    inside = np.ones((height, width), dtype=bool)
    for shape in geoms:
        if shape.is_empty:
            inside[:] = False
            continue
        drv = gdal.GetDriverByName("MEM")
        ds = drv.Create("", width, height, 1, gdal.GDT_Byte)
        ds.SetGeoTransform((0.0, 1.0, 0.0, 0.0, 0.0, 1.0))
        mem = ogr.GetDriverByName("Memory").CreateDataSource("m")
        layer = mem.CreateLayer("g", None, ogr.wkbMultiPolygon)
        feat = ogr.Feature(layer.GetLayerDefn())
        feat.SetGeometry(ogr.CreateGeometryFromWkt(shape.wkt))
        layer.CreateFeature(feat)
        gdal.PushErrorHandler("CPLQuietErrorHandler")   # no SRS on purpose: pixel space
        try:
            gdal.RasterizeLayer(ds, [1], layer, burn_values=[1])
        finally:
            gdal.PopErrorHandler()
        inside &= ds.GetRasterBand(1).ReadAsArray().astype(bool)
        ds = None
    return inside


def _masked_value(dtype: np.dtype):
    return -np.inf if dtype.kind == "f" else 0


def _inside(band: Band, grid: Grid) -> Optional[np.ndarray]:
    """Pixels of ``grid`` inside the band's clip geometries and window (None: no limit)."""
    shapes = [c.in_proj(grid.proj) for c in band.clips]
    if band.window is not None:
        own = band_grid(band)
        if not (own.proj.same(grid.proj) and own.width >= grid.width and own.height >= grid.height):
            c0, r0, c1, r1 = band.window
            shapes.append(Geom(box(c0, r0, c1, r1), band.proj).in_proj(grid.proj))
    return _rasterize_inside(shapes, grid.width, grid.height) if shapes else None


def band_pixels(band: Band, grid: Grid, cache: Optional[dict] = None) -> Tuple[np.ndarray, np.ndarray]:
    """(values as float64, valid) of ``band`` on ``grid``: what computed bands combine.

    Every input is sampled on the output grid (nearest neighbour), as EE computes in the
    requested projection.  ``cache`` (per render) keeps each band's pixels once."""
    key = (id(band), grid)
    if cache is not None and key in cache:
        return cache[key]
    if band.op is not None:
        vals, valid = band.op.pixels(grid, cache)
    else:
        vals, valid = _render_values(band.src, grid, band.src.dtype, (0, grid.height))
        vals = vals.astype(np.float64)
    inside = _inside(band, grid)
    if inside is not None:
        valid = valid & inside
    if cache is not None:
        cache[key] = (vals, valid)
    return vals, valid


def render_band(band: Band, grid: Grid, dtype: Optional[np.dtype] = None, cache: Optional[dict] = None,
                memo: Optional[dict] = None) -> np.ndarray:
    """The pixels of ``band`` on ``grid`` with EE masking applied (``memo``: see :func:`_render_values`)."""
    dtype = np.dtype(dtype or band.src.dtype)
    if band.op is not None:
        vals, valid = band_pixels(band, grid, {} if cache is None else cache)
        with np.errstate(invalid="ignore"):
            out = np.where(valid, vals, 0).astype(dtype)
        out[~valid] = _masked_value(dtype)
        return out
    out = np.empty((grid.height, grid.width), dtype=dtype)
    inside = _inside(band, grid)
    step = max(1, 262144 // max(1, grid.width))
    for r0 in range(0, grid.height, step):
        r1 = min(grid.height, r0 + step)
        vals, valid = _render_values(band.src, grid, dtype, (r0, r1), memo)
        if inside is not None:
            valid &= inside[r0:r1]
        vals[~valid] = _masked_value(dtype)
        out[r0:r1] = vals
    return out


_GDAL_TYPES = {"uint8": gdal.GDT_Byte, "int8": gdal.GDT_Int16, "uint16": gdal.GDT_UInt16,
               "int16": gdal.GDT_Int16, "uint32": gdal.GDT_UInt32, "int32": gdal.GDT_Int32,
               "float32": gdal.GDT_Float32, "float64": gdal.GDT_Float64}
if hasattr(gdal, "GDT_Int64"):
    _GDAL_TYPES.update({"int64": gdal.GDT_Int64, "uint64": gdal.GDT_UInt64})
if hasattr(gdal, "GDT_Int8"):
    _GDAL_TYPES["int8"] = gdal.GDT_Int8


def write_geotiff(arrays: Sequence[np.ndarray], names: Sequence[str], grid: Grid) -> bytes:
    """A GeoTIFF (bytes) of the arrays on grid, written by GDAL."""
    dtype = arrays[0].dtype
    path = "/vsimem/ee_sim_%s.tif" % uuid.uuid4().hex
    opts = ["COMPRESS=DEFLATE", "TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256"]
    if len(arrays) > 1:
        opts.append("INTERLEAVE=BAND")
    ds = gdal.GetDriverByName("GTiff").Create(path, grid.width, grid.height, len(arrays),
                                              _GDAL_TYPES[dtype.name], opts)
    ds.SetGeoTransform(ee_to_gdal(grid.proj.affine))
    srs = osr.SpatialReference()
    srs.ImportFromWkt(grid.proj.crs.to_wkt())
    ds.SetSpatialRef(srs)
    for i, (arr, name) in enumerate(zip(arrays, names), start=1):
        band = ds.GetRasterBand(i)
        band.WriteArray(arr)
        band.SetDescription(name)
    ds.FlushCache()
    ds = None
    try:
        f = gdal.VSIFOpenL(path, "rb")
        gdal.VSIFSeekL(f, 0, 2)
        size = gdal.VSIFTellL(f)
        gdal.VSIFSeekL(f, 0, 0)
        data = gdal.VSIFReadL(1, size, f)
        gdal.VSIFCloseL(f)
    finally:
        gdal.Unlink(path)
    return bytes(data)


# ----------------------------------------------------------------------------------------
# Visualization (Image.visualize) and PNG pictures: thumbnails and map tiles
# ----------------------------------------------------------------------------------------
_VIS_ARGS = ("image", "bands", "gain", "bias", "min", "max", "gamma", "opacity", "palette", "forceRgbOutput")


@dataclasses.dataclass
class VisImage:
    """The result of Image.visualize (or a plain image, rendered with defaults)."""
    image: EeImage
    bands: List[str]
    mins: List[float]
    maxs: List[float]
    gamma: List[float]
    palette: Optional[List[str]] = None
    opacity: float = 1.0


def visualize(args) -> VisImage:
    image = args.get("image")
    if not isinstance(image, EeImage):
        raise _bad("Image.visualize, argument 'image': Invalid type.\nExpected type: Image<unknown bands>.\n"
                   "Actual type: %s." % _type_of(image))
    for key in ("gain", "bias", "forceRgbOutput"):
        if args.get(key) is not None:
            raise _bad("Image.visualize: '%s' is not supported by the Earth Engine simulator." % key)
    bands = args.get("bands")
    if isinstance(bands, str):
        bands = [b.strip() for b in bands.split(",")]
    names = [b.name for b in image.bands]
    if bands is None:
        bands = names[:3] if len(names) >= 3 else names[:1]
    for b in bands:
        if b not in names:
            raise _bad("Image.visualize: No band named '%s'. Available band names: [%s]."
                       % (b, ", ".join(names)))
    if len(bands) not in (1, 3):
        raise _bad("Image.visualize: Exactly one or three bands must be visualized; got %d." % len(bands))
    palette = args.get("palette")
    if isinstance(palette, str):
        palette = [c.strip() for c in palette.split(",")]
    if palette is not None and len(bands) != 1:
        raise _bad("Image.visualize: Palette can only be used when visualizing a single band.")

    def per_band(key, default):
        value = args.get(key)
        if value is None:
            return [default] * len(bands)
        values = value if isinstance(value, list) else [value]
        if len(values) == 1:
            values = values * len(bands)
        if len(values) != len(bands) or not all(isinstance(v, (int, float)) for v in values):
            raise _bad("Image.visualize: '%s' must be a number or one number per band." % key)
        return [float(v) for v in values]
    return VisImage(image, list(bands), per_band("min", 0.0), per_band("max", 1.0), per_band("gamma", 1.0),
                    palette, float(args.get("opacity", 1.0)))


def default_vis(image: EeImage) -> VisImage:
    bands = [b for b in image.bands][:3] if len(image.bands) >= 3 else list(image.bands[:1])
    mins, maxs = [], []
    for b in bands:
        dt = b.src.dtype
        lo, hi = _INT_RANGES.get(dt.name, (0.0, 1.0))
        mins.append(float(lo))
        maxs.append(float(hi))
    return VisImage(image, [b.name for b in bands], mins, maxs, [1.0] * len(bands))


def _hex_color(text: str) -> Tuple[int, int, int]:
    named = {"black": "000000", "white": "ffffff", "red": "ff0000", "green": "008000", "blue": "0000ff"}
    text = named.get(text.lower(), text).lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if not re.fullmatch(r"[0-9a-fA-F]{6}", text):
        raise _bad("Image.visualize: Invalid color '%s'." % text)
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def vis_rgba(vis: VisImage, grid: Grid) -> np.ndarray:
    """(height, width, 4) uint8 of ``vis`` on ``grid``: ``(v - min) / (max - min)`` clipped to
    0..1, then ``** (1 / gamma)``, times 255; masked pixels transparent."""
    by_name = {b.name: b for b in vis.image.bands}
    cache: dict = {}
    channels, valid = [], np.ones((grid.height, grid.width), dtype=bool)
    for name, lo, hi, gamma in zip(vis.bands, vis.mins, vis.maxs, vis.gamma):
        arr, ok = band_pixels(by_name[name], grid, cache)
        valid &= ok
        scaled = np.clip((arr - lo) / ((hi - lo) or 1.0), 0.0, 1.0)
        if gamma and gamma != 1.0:
            scaled = scaled ** (1.0 / gamma)
        channels.append(np.where(ok, scaled, 0.0))
    if len(channels) == 1 and vis.palette:
        colors = np.array([_hex_color(c) for c in vis.palette], dtype=np.float64)
        pos = channels[0] * (len(colors) - 1)
        i0 = np.floor(pos).astype(int)
        i1 = np.minimum(i0 + 1, len(colors) - 1)
        f = (pos - i0)[..., None]
        rgb = colors[i0] * (1 - f) + colors[i1] * f
    elif len(channels) == 1:
        rgb = np.repeat((channels[0] * 255.0)[..., None], 3, axis=2)
    else:
        rgb = np.stack([c * 255.0 for c in channels], axis=2)
    alpha = np.where(valid, 255.0 * vis.opacity, 0.0)
    return np.concatenate([rgb, alpha[..., None]], axis=2).round().astype(np.uint8)


def render_png(vis: VisImage, grid: Grid) -> bytes:
    """A PNG (RGBA) of ``vis`` on ``grid``, written by GDAL."""
    rgba = vis_rgba(vis, grid)
    mem = gdal.GetDriverByName("MEM").Create("", grid.width, grid.height, 4, gdal.GDT_Byte)
    for i in range(4):
        mem.GetRasterBand(i + 1).WriteArray(rgba[:, :, i])
    path = "/vsimem/png_%s.png" % uuid.uuid4().hex
    gdal.GetDriverByName("PNG").CreateCopy(path, mem)
    mem = None
    try:
        f = gdal.VSIFOpenL(path, "rb")
        gdal.VSIFSeekL(f, 0, 2)
        n = gdal.VSIFTellL(f)
        gdal.VSIFSeekL(f, 0, 0)
        data = bytes(gdal.VSIFReadL(1, n, f))
        gdal.VSIFCloseL(f)
    finally:
        gdal.Unlink(path)
    return data


# ----------------------------------------------------------------------------------------
# Thumbnails
# ----------------------------------------------------------------------------------------
@dataclasses.dataclass
class Thumbnail:
    name: str                   # projects/{p}/thumbnails/{id}
    project: str
    file_format: str
    base_name: str
    bands: List[Band]
    grids: List[Grid]           # one per band (the grid each band is written on)
    created: float
    expires: float
    request: dict
    total_bytes: int
    created_wall: float = 0.0
    vis: Optional[VisImage] = None        # PNG pictures (getThumbURL)

    def _zip_entry(self, name: str) -> zipfile.ZipInfo:
        # Same bytes at every GET of one id: entries are dated at creation time.
        info = zipfile.ZipInfo(name, time.localtime(self.created_wall or 315532800)[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        return info

    def info(self) -> dict:
        return {"name": self.name, "project": self.project, "file_format": self.file_format,
                "base_name": self.base_name, "total_bytes": self.total_bytes,
                "bands": [dict(id=b.name, dtype=b.src.dtype.name, source_band=b.src.spec.id,
                               image=b.src.image_id, **g.describe())
                          for b, g in zip(self.bands, self.grids)],
                "expires_in": self.expires - time.monotonic()}

    def render(self) -> Tuple[bytes, str, str]:
        """(body, content type, file name)."""
        fmt = self.file_format
        if fmt == "PNG":
            return render_png(self.vis, self.grids[0]), "image/png", self.base_name + ".png"
        if fmt == "ZIPPED_GEO_TIFF_PER_BAND":
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                for band, grid in zip(self.bands, self.grids):
                    tif = write_geotiff([render_band(band, grid)], [band.name], grid)
                    zf.writestr(self._zip_entry("%s.%s.tif" % (self.base_name, band.name)), tif)
            return buf.getvalue(), "application/zip", self.base_name + ".zip"
        grid = self.grids[0]
        if fmt == "NPY":
            arrays = [render_band(b, grid) for b in self.bands]
            dtype = np.dtype([(b.name, a.dtype.newbyteorder("<") if a.dtype.itemsize > 1 else a.dtype)
                              for b, a in zip(self.bands, arrays)])
            rec = np.empty((grid.height, grid.width), dtype=dtype)
            for b, a in zip(self.bands, arrays):
                rec[b.name] = a
            buf = io.BytesIO()
            np.save(buf, rec, allow_pickle=False)
            return buf.getvalue(), "application/octet-stream", self.base_name + ".npy"
        dtype = np.result_type(*[b.src.dtype for b in self.bands])
        memo: dict = {}
        arrays = [render_band(b, grid, dtype, memo=memo) for b in self.bands]
        tif = write_geotiff(arrays, [b.name for b in self.bands], grid)
        if fmt == "GEO_TIFF":
            return tif, "image/tiff", self.base_name + ".tif"
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(self._zip_entry(self.base_name + ".tif"), tif)
        return buf.getvalue(), "application/zip", self.base_name + ".zip"


def image_info(image: EeImage) -> dict:
    """``ee.Image.getInfo()`` of an image: bands with their type, CRS, transform, dimensions (and
    ``origin`` when the grid does not start at the projection's origin), and the properties."""
    bands = []
    for band in image.bands:
        grid = band_grid(band)
        c0, r0 = (band.window[0], band.window[1]) if band.window is not None else _snap(*_band_bounds(band))[:2]
        entry = {"id": band.name, "data_type": ee_official_api.data_type(band.src.dtype),
                 "crs": band.proj.code, "crs_transform": list(band.proj.affine),
                 "dimensions": [grid.width, grid.height]}
        if c0 or r0:
            entry["origin"] = [int(c0), int(r0)]
        bands.append(entry)
    info = {"type": "Image", "bands": bands, "properties": {k: v for k, v in image.props if k != "system:id"}}
    if image.system_id:
        info["id"] = image.system_id
    return info


_THUMBNAIL_FIELDS = {"name": "name", "expression": "expression", "fileFormat": "fileFormat",
                     "file_format": "fileFormat", "bandIds": "bandIds", "band_ids": "bandIds",
                     "filenamePrefix": "filenamePrefix", "filename_prefix": "filenamePrefix",
                     "grid": "grid", "visualizationOptions": "visualizationOptions",
                     "visualization_options": "visualizationOptions"}
_GRID_FIELDS = {"crsCode": "crsCode", "crs_code": "crsCode", "crsWkt": "crsWkt", "crs_wkt": "crsWkt",
                "dimensions": "dimensions", "affineTransform": "affineTransform",
                "affine_transform": "affineTransform"}
_AFFINE_FIELDS = ("scaleX", "shearX", "translateX", "shearY", "scaleY", "translateY")
_AFFINE_SNAKE = {"scale_x": "scaleX", "shear_x": "shearX", "translate_x": "translateX",
                 "shear_y": "shearY", "scale_y": "scaleY", "translate_y": "translateY"}


def _normalise(obj: dict, fields: Dict[str, str], where: Optional[str]) -> dict:
    out = {}
    for k, v in obj.items():
        if k not in fields:
            at = " at '%s'" % where if where else ""
            raise _field_violation(where, 'Invalid JSON payload received. Unknown name "%s"%s: '
                                          "Cannot find field." % (k, at))
        out[fields[k]] = v
    return out


def _band_ids_and_prefix(t: dict) -> Tuple[Optional[list], Optional[str]]:
    """A Thumbnail's ``bandIds`` and ``filenamePrefix``, type-checked like the service."""
    band_ids = t.get("bandIds")
    if band_ids is not None:
        if not isinstance(band_ids, list):
            raise _field_violation("band_ids", "Invalid value at 'band_ids' (TYPE_STRING), %s"
                                   % json.dumps(band_ids))
        for i, v in enumerate(band_ids):
            if not isinstance(v, str):
                raise _field_violation("band_ids[%d]" % i, "Invalid value at 'band_ids[%d]' "
                                       "(TYPE_STRING), %s" % (i, json.dumps(v)))
    prefix = t.get("filenamePrefix")
    if prefix is not None and not isinstance(prefix, str):
        raise _field_violation("filename_prefix", "Invalid value at 'filename_prefix' (TYPE_STRING), %s"
                               % json.dumps(prefix))
    return band_ids, prefix


def _parse_grid(raw: Any) -> Tuple[Proj, Optional[Tuple[int, int]]]:
    if not isinstance(raw, dict):
        raise _field_violation("grid", "Invalid value at 'grid' (type.googleapis.com/"
                                       "google.earthengine.v1.PixelGrid), %s" % json.dumps(raw))
    g = _normalise(raw, _GRID_FIELDS, "grid")
    if g.get("crsCode") and g.get("crsWkt"):
        raise _bad("Only one of crsCode and crsWkt may be specified.")
    code = g.get("crsCode") or g.get("crsWkt")
    if not code:
        raise _bad("A PixelGrid requires crsCode or crsWkt.")
    try:
        proj = Proj.make(code)
    except Exception:
        raise _bad("Invalid CRS: '%s'." % code)
    at = g.get("affineTransform")
    if at is None:
        raise _bad("A PixelGrid requires affineTransform.")
    if not isinstance(at, dict):
        raise _field_violation("grid.affine_transform", "Invalid value at 'grid.affine_transform'.")
    at = {_AFFINE_SNAKE.get(k, k): v for k, v in at.items()}
    for k in at:
        if k not in _AFFINE_FIELDS:
            raise _field_violation("grid.affine_transform", 'Invalid JSON payload received. Unknown name '
                                   "\"%s\" at 'grid.affine_transform': Cannot find field." % k)
    aff = [at.get(k, 0) for k in _AFFINE_FIELDS]
    if not _affine_ok(aff):
        raise _bad("Invalid affine transform: %s." % json.dumps(at))
    dims = None
    if g.get("dimensions") is not None:
        d = g["dimensions"]
        if not isinstance(d, dict) or set(d) - {"width", "height"}:
            raise _field_violation("grid.dimensions", "Invalid value at 'grid.dimensions'.")
        try:
            w, h = int(d.get("width", 0)), int(d.get("height", 0))
        except (TypeError, ValueError):
            raise _field_violation("grid.dimensions", "Invalid value at 'grid.dimensions'.")
        if w <= 0 or h <= 0:
            raise _bad("Grid dimensions must be positive: %dx%d." % (w, h))
        dims = (w, h)
    return proj.with_affine(aff), dims


def _bytes_per_pixel(dtype: np.dtype) -> int:
    return dtype.itemsize


# ----------------------------------------------------------------------------------------
# Listing a collection (assets.listAssets / assets.listImages) and its AIP-160 filter
# ----------------------------------------------------------------------------------------
_LIST_PARAMS = {"pageSize", "pageToken", "filter", "view", "alt", "key", "prettyPrint", "fields", "$.xgafv"}
_LIST_IMAGES_PARAMS = _LIST_PARAMS | {"startTime", "endTime", "region"}
_FILTER_TOKEN = re.compile(r'\s*(?:(?P<str>"(?:[^"\\]|\\.)*")|(?P<op><=|>=|!=|<|>|=|\(|\))|'
                           r'(?P<num>-?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)|(?P<word>[A-Za-z_][A-Za-z0-9_.:]*))')
MAX_LIST_PAGE = 1000


def _filter_error(text: str, reason: str) -> ApiError:
    return _bad('Invalid filter "%s": %s' % (text, reason))   # [INF wording]


def _region_shape(text: str, what: str):
    """A GeoJSON geometry (double or single quoted, as the official client sends it) in lon/lat."""
    from shapely.geometry import shape
    try:
        return shape(json.loads(text.replace("'", '"')))
    except (ValueError, TypeError, KeyError, AttributeError):
        raise _bad("Invalid %s: a GeoJSON geometry is expected." % what)


class ListFilter:
    """An AIP-160 filter over images: ``properties.NAME <op> value`` (numbers or strings),
    ``startTime``/``endTime`` ``<op> "RFC 3339"``, ``intersects("<GeoJSON>")``, joined with
    AND and OR (OR binds tighter, as AIP-160 says) and parentheses.  Anything else -- NOT,
    ``-``, other fields, functions -- is refused with 400 [INF: the service's own grammar is
    wider; refusing keeps clients honest]."""

    def __init__(self, text: str):
        self.text = text
        self.tokens = []
        pos = 0
        while pos < len(text):
            m = _FILTER_TOKEN.match(text, pos)
            if not m or m.end() == pos:
                if text[pos:].strip():
                    raise _filter_error(text, "unexpected character at position %d" % pos)
                break
            kind = m.lastgroup
            self.tokens.append((kind, m.group(kind)))
            pos = m.end()
        self.i = 0
        self.test = self._and()
        if self.i != len(self.tokens):
            raise _filter_error(text, "unexpected %s" % self.tokens[self.i][1])

    def _peek(self, value=None):
        if self.i >= len(self.tokens):
            return None
        tok = self.tokens[self.i]
        return tok if value is None or tok[1] == value else None

    def _next(self, what: str):
        if self.i >= len(self.tokens):
            raise _filter_error(self.text, "%s expected at the end" % what)
        self.i += 1
        return self.tokens[self.i - 1]

    def _and(self):
        terms = [self._or()]
        while self._peek("AND"):
            self.i += 1
            terms.append(self._or())
        return lambda img: all(t(img) for t in terms)

    def _or(self):
        terms = [self._term()]
        while self._peek("OR"):
            self.i += 1
            terms.append(self._term())
        return lambda img: any(t(img) for t in terms)

    def _term(self):
        kind, value = self._next("a comparison")
        if value == "(":
            inner = self._and()
            if self._next("')'")[1] != ")":
                raise _filter_error(self.text, "')' expected")
            return inner
        if kind != "word" or value in ("NOT", "AND", "OR"):
            raise _filter_error(self.text, "'%s' is not supported" % value)
        if value == "intersects":
            if self._next("'('")[1] != "(":
                raise _filter_error(self.text, "'(' expected after intersects")
            kind, arg = self._next("a GeoJSON string")
            if kind != "str" or self._next("')'")[1] != ")":
                raise _filter_error(self.text, "intersects takes one quoted GeoJSON geometry")
            geom = _region_shape(json.loads(arg), "intersects() geometry")
            return lambda img: img.footprint().lonlat().intersects(geom)
        field = value
        kind, op = self._next("an operator")
        if kind != "op" or op in ("(", ")"):
            raise _filter_error(self.text, "an operator is expected after %s" % field)
        kind, raw = self._next("a value")
        literal = json.loads(raw) if kind == "str" else float(raw) if kind == "num" else \
            {"true": True, "false": False}.get(raw, raw)
        if field in ("startTime", "endTime"):
            when = _time_ms(literal)
            if when is None:
                raise _filter_error(self.text, "%s must be compared with an RFC 3339 time" % field)
            attr = "start_time" if field == "startTime" else "end_time"
            return lambda img: _compare(_time_ms(getattr(img, attr)), op, when)
        if not field.startswith("properties."):
            raise _filter_error(self.text, "unknown field '%s' (image properties are 'properties.NAME')" % field)
        name = field[len("properties."):]
        return lambda img: _compare(img.properties.get(name), op, literal)


def _rendering_ready(_index: int) -> bool:
    """(A render process's first task: this module imported there.)"""
    return True


def _render_elsewhere(thumb: "Thumbnail", pixel_values: str) -> Tuple[bytes, str, str]:
    """``thumb.render()`` in a render process (``EeSimulator(render_processes=)``), with the simulator's
    :data:`PIXEL_VALUES`."""
    global PIXEL_VALUES
    PIXEL_VALUES = pixel_values
    return thumb.render()


# ----------------------------------------------------------------------------------------
# The simulator
# ----------------------------------------------------------------------------------------
class EeSimulator(LoopbackServer):
    """Earth Engine sync-download simulator.  See the module docstring for behaviour."""

    ENDPOINTS = ("create", "getPixels", "asset", "images", "value", "algorithms", "discovery", "unknown")
    #: Subclasses (tests/sims/ee_export_sim.py) may evaluate more and serve more endpoints.
    evaluator_class = None   # None: Evaluator
    handler_class = None     # None: _Handler
    thread_name = "ee-sim"

    def handler(self):
        return self.handler_class or _Handler

    def __init__(self, *, tokens: Iterable[str] = ("test-token",),
                 projects: Optional[Iterable[str]] = ("my-project",),
                 unregistered_projects: Iterable[str] = (),
                 api_keys: Optional[Iterable[str]] = None,
                 images: Optional[Iterable[ImageSpec]] = None,
                 ttl_seconds: float = DEFAULT_TTL_SECONDS,
                 max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES,
                 max_grid_dimension: int = DEFAULT_MAX_GRID_DIMENSION,
                 max_bands: int = DEFAULT_MAX_BANDS,
                 latency: float = 0.0,
                 seed: int = 0,
                 fault_rates: Optional[Dict[str, Dict[Any, float]]] = None,
                 content_disposition: bool = True,
                 project_number: str = "123456789012",
                 host: str = "127.0.0.1", port: int = 0,
                 max_records: int = 2000,
                 max_concurrent: Optional[int] = None,
                 max_rps: Optional[float] = None,
                 compute_base: float = 0.0,
                 compute_per_mib: float = 0.0,
                 render_processes: int = 0):
        self.tokens = set(tokens)
        self.projects = None if projects is None else set(projects)
        self.unregistered_projects = set(unregistered_projects)
        self.api_keys = None if api_keys is None else set(api_keys)
        self.catalogue: Dict[str, ImageSpec] = {}
        for spec in (images if images is not None else default_catalogue()):
            self.catalogue[spec.id] = spec
        self.ttl_seconds = float(ttl_seconds)
        self.max_request_bytes = int(max_request_bytes)
        self.max_grid_dimension = int(max_grid_dimension)
        self.max_bands = int(max_bands)
        self.latency = float(latency)
        self.fault_rates = fault_rates or {}
        self.content_disposition = content_disposition
        self.project_number = project_number
        self.host = host
        self.port = port
        self.max_records = max_records
        self.rng = random.Random(seed)
        self.max_concurrent = max_concurrent
        self.max_rps = max_rps
        self.compute_base = float(compute_base)
        self.compute_per_mib = float(compute_per_mib)
        self.render_processes = int(render_processes)
        self._renderers = None
        self._in_flight: collections.Counter = collections.Counter()
        self._admitted: Dict[str, collections.deque] = collections.defaultdict(collections.deque)
        #: The most requests of one project that were being served at the same time.
        self.peak_in_flight = 0
        #: Wall clock of the first request per endpoint, and of the end of the last whole getPixels body.
        self.first_at: Dict[str, float] = {}
        self.last_pixels_at: Optional[float] = None
        self._lock = threading.RLock()
        self._faults: Dict[str, collections.deque] = collections.defaultdict(collections.deque)
        self._thumbs: Dict[str, Thumbnail] = {}
        self.counts: collections.Counter = collections.Counter()
        self.status_counts: collections.Counter = collections.Counter()
        self.requests: List[dict] = []

    # --- test helpers ------------------------------------------------------------------
    def add_image(self, spec: ImageSpec) -> None:
        with self._lock:
            self.catalogue[spec.id] = spec

    def inject(self, endpoint: str, status: int, count: int = 1, message: Optional[str] = None,
               reason: Optional[str] = None) -> None:
        """Queue ``count`` error answers on ``endpoint`` ("create", "getPixels", "asset")."""
        if endpoint not in self.ENDPOINTS:
            raise ValueError(endpoint)
        with self._lock:
            for _ in range(count):
                self._faults[endpoint].append(("status", status, message, reason))

    def inject_drop(self, count: int = 1, after_bytes: Optional[int] = None) -> None:
        """Queue ``count`` getPixels answers cut after ``after_bytes`` (default: half)."""
        with self._lock:
            for _ in range(count):
                self._faults["getPixels"].append(("drop", after_bytes, None, None))

    def inject_body(self, body: bytes, content_type: str = "image/tiff", count: int = 1) -> None:
        """Queue ``count`` getPixels answers of 200 with ``body`` as ``content_type`` instead of
        the pixels (a proxy's sign-in page, a body damaged on the way, ...)."""
        with self._lock:
            for _ in range(count):
                self._faults["getPixels"].append(("body", body, content_type, None))

    def inject_resize(self, d_width: int = -1, d_height: int = 0, count: int = 1) -> None:
        """Queue ``count`` getPixels answers whose rasters are ``d_width`` x ``d_height`` pixels
        larger (negative: smaller) than the grid the download id asked for."""
        with self._lock:
            for _ in range(count):
                self._faults["getPixels"].append(("resize", int(d_width), int(d_height), None))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()
            self.fault_rates = {}

    def expire(self, name: Optional[str] = None) -> None:
        """Expire one thumbnail (full name or id) or all of them."""
        with self._lock:
            for key, t in self._thumbs.items():
                if name is None or key == name or key.endswith("/" + name):
                    t.expires = time.monotonic() - 1

    def thumbnails(self) -> Dict[str, dict]:
        with self._lock:
            return {k: t.info() for k, t in self._thumbs.items()}

    def thumbnail(self, name: str) -> dict:
        with self._lock:
            for key, t in self._thumbs.items():
                if key == name or key.endswith("/" + name):
                    return t.info()
        raise KeyError(name)

    def count(self, endpoint: str, status: Optional[int] = None) -> int:
        with self._lock:
            if status is None:
                return self.counts[endpoint]
            return self.status_counts[(endpoint, status)]

    def last_request(self, endpoint: Optional[str] = None) -> Optional[dict]:
        with self._lock:
            for rec in reversed(self.requests):
                if endpoint is None or rec["endpoint"] == endpoint:
                    return rec
        return None

    def stats(self) -> dict:
        """Counters as JSON: requests per endpoint, answers per status, 429s, the peak in flight."""
        with self._lock:
            by_status: Dict[str, int] = collections.Counter()
            for (_endpoint, status), n in self.status_counts.items():
                by_status[str(status)] += n
            return {"requests": sum(self.counts.values()), "by_endpoint": dict(self.counts),
                    "by_status": dict(by_status), "429": by_status.get("429", 0),
                    "peak_in_flight": self.peak_in_flight, "first_at": dict(self.first_at),
                    "last_pixels_at": self.last_pixels_at}

    def reset_counters(self) -> None:
        with self._lock:
            self.counts.clear()
            self.status_counts.clear()
            self.requests.clear()

    def expected_pixels(self, image_id: str, band_id: str, crs: str, geotransform: Sequence[float],
                        width: int, height: int) -> np.ndarray:
        """The values the simulator gives ``band_id`` of ``image_id`` on a GDAL-style grid
        (footprint masking only: 0 / -inf outside the image)."""
        spec = self.catalogue[_strip_asset_prefix(image_id)]
        bs = next(b for b in spec.bands if b.id == band_id)
        proj = Proj.make(bs.crs, bs.transform)
        a, b = _coefficients(spec.id, bs.id)
        band = Band(bs.id, SourceBand(spec.id, bs, proj, a, b), proj)
        grid = Grid(Proj.make(crs, gdal_to_ee(geotransform)), int(width), int(height))
        return render_band(band, grid)

    # --- request handling (called by the handler) ---------------------------------------
    def _record(self, rec: dict) -> None:
        with self._lock:
            self.first_at.setdefault(rec["endpoint"], rec["time"])
            self.counts[rec["endpoint"]] += 1
            self.requests.append(rec)
            if len(self.requests) > self.max_records:
                del self.requests[: len(self.requests) - self.max_records]

    def _finish(self, rec: dict, status: int) -> None:
        with self._lock:
            rec["status"] = status
            self.status_counts[(rec["endpoint"], status)] += 1

    def _next_fault(self, endpoint: str):
        with self._lock:
            q = self._faults.get(endpoint)
            if q:
                return q.popleft()
            rates = self.fault_rates.get(endpoint) or {}
            for key, p in rates.items():
                if self.rng.random() < p:
                    if key == "drop":
                        return ("drop", None, None, None)
                    return ("status", int(key), None, None)
        return None

    def admit(self, project: str) -> None:
        """Take one of ``project``'s request slots, or 429 RESOURCE_EXHAUSTED when it already has
        ``max_concurrent`` requests in flight or was admitted ``max_rps`` times in the last second
        (per project, as Earth Engine's quotas are).  A rejected request holds no slot and does
        not count towards the rate.  Pair with :meth:`release`."""
        with self._lock:
            now = time.monotonic()
            window = self._admitted[project]
            while window and now - window[0] >= 1.0:
                window.popleft()
            if (self.max_concurrent is not None and self._in_flight[project] >= self.max_concurrent) or \
                    (self.max_rps is not None and len(window) >= self.max_rps):
                raise ApiError(429, LIMIT_MESSAGE, "RESOURCE_EXHAUSTED")
            window.append(now)
            self._in_flight[project] += 1
            self.peak_in_flight = max(self.peak_in_flight, self._in_flight[project])

    def release(self, project: str) -> None:
        with self._lock:
            self._in_flight[project] -= 1

    def start(self):
        if self.render_processes > 0 and self._renderers is None:
            import concurrent.futures
            import multiprocessing
            # (spawned, not forked: a test process has other threads)
            self._renderers = concurrent.futures.ProcessPoolExecutor(
                self.render_processes, mp_context=multiprocessing.get_context("spawn"))
            list(self._renderers.map(_rendering_ready, range(self.render_processes)))
        return super().start()

    def stop(self) -> None:
        super().stop()
        if self._renderers is not None:
            self._renderers.shutdown(wait=True, cancel_futures=True)
            self._renderers = None

    def render(self, thumb: "Thumbnail") -> Tuple[bytes, str, str]:
        """``thumb``'s answer (body, content type, file name), rendered by a worker process when there are
        ``render_processes``."""
        if self._renderers is None:
            return thumb.render()
        return self._renderers.submit(_render_elsewhere, thumb, PIXEL_VALUES).result()

    def compute_seconds(self, total_bytes: int) -> float:
        """How long computing a getPixels answer takes: ``compute_base`` plus ``compute_per_mib``
        per MiB of the request's size as Earth Engine counts it (0 unless set)."""
        return self.compute_base + self.compute_per_mib * total_bytes / 1048576.0

    def official_client_call(self, endpoint: str, match, headers, query, body_json, root_url: str) -> dict:
        """What ``ee.Initialize`` and ``ee.Image.getInfo`` ask (tests/sims/ee_official_api.py)."""
        if endpoint == "discovery":
            return ee_official_api.discovery_document(root_url)
        self._check_auth(headers, query)
        if endpoint == "algorithms":
            return ee_official_api.algorithms()
        self._check_project(match.group(2))
        if not isinstance(body_json, dict) or "expression" not in body_json:
            raise _bad("Invalid JSON payload received. Expected an expression.")
        with self._lock:
            catalogue = dict(self.catalogue)
        result = (self.evaluator_class or Evaluator)(catalogue).evaluate(body_json["expression"])
        if isinstance(result, EeImage):
            return {"result": image_info(result)}
        if isinstance(result, (int, float, str, list, dict, bool)) or result is None:
            return {"result": result}
        raise _bad("value:compute of a %s is not supported by the Earth Engine simulator." % _type_of(result))

    def fault_error(self, status: int, message: Optional[str], reason: Optional[str]) -> ApiError:
        if status == 429 and message is None:
            message = QUOTA_MESSAGE.format(number=self.project_number)
        msg = message or _DEFAULT_MESSAGES.get(status, "Error %d" % status)
        errors = None
        if reason:
            errors = [{"message": msg, "domain": "usageLimits", "reason": reason}]
        return ApiError(status, msg, None, None, errors)

    def _check_auth(self, headers, query) -> None:
        auth = headers.get("authorization", "")
        token = auth[7:].strip() if auth.lower().startswith("bearer ") else None
        if not token or token not in self.tokens:
            raise ApiError(401, UNAUTHENTICATED_MESSAGE, "UNAUTHENTICATED", [
                {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "ACCESS_TOKEN_TYPE_UNSUPPORTED"
                 if token else "CREDENTIALS_MISSING", "domain": "googleapis.com",
                 "metadata": {"service": "earthengine.googleapis.com",
                              "method": "google.earthengine.v1.EarthEngine"}}])
        key = query.get("key")
        if key is not None and self.api_keys is not None and key not in self.api_keys:
            raise ApiError(400, "API key not valid. Please pass a valid API key.", "INVALID_ARGUMENT", [
                {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID",
                 "domain": "googleapis.com", "metadata": {"service": "earthengine.googleapis.com"}}])
        user_project = headers.get("x-goog-user-project")
        if user_project and self.projects is not None and user_project not in self.projects:
            raise ApiError(403, (
                "Caller does not have required permission to use project {p}. Grant the caller the "
                "roles/serviceusage.serviceUsageConsumer role, or a custom role with the "
                "serviceusage.services.use permission, by visiting "
                "https://console.developers.google.com/iam-admin/iam/project?project={p} and then retry. "
                "Propagation of the new permission may take a few minutes.").format(p=user_project),
                "PERMISSION_DENIED")

    def _check_project(self, project: str) -> None:
        if project in self.unregistered_projects:
            raise ApiError(403, (
                "Project {p} is not registered to use Earth Engine. Visit "
                "https://code.earthengine.google.com/register?project={p} to register your project. "
                "See https://developers.google.com/earth-engine/guides/access for more details."
            ).format(p=project), "PERMISSION_DENIED")
        if self.projects is not None and project not in self.projects:
            raise ApiError(403, "Permission denied on resource project %s." % project, "PERMISSION_DENIED")

    def create_thumbnail(self, project: str, body: Any, version: str = "v1") -> dict:
        """Validate and evaluate a Thumbnail; returns {"name": ...} or raises ApiError."""
        if not isinstance(body, dict):
            raise _bad("Invalid JSON payload received. Expected an object.")
        t = _normalise(body, _THUMBNAIL_FIELDS, None)
        fmt = t.get("fileFormat")
        if fmt is None:
            fmt = "IMAGE_FILE_FORMAT_UNSPECIFIED"
        if not isinstance(fmt, str) or fmt not in FILE_FORMATS:
            raise _field_violation("file_format", "Invalid value at 'file_format' (type.googleapis.com/"
                                   "google.earthengine.%s.ImageFileFormat), %s" % (version, json.dumps(fmt)))
        band_ids, prefix = _band_ids_and_prefix(t)
        grid_override = _parse_grid(t["grid"]) if t.get("grid") is not None else None
        if "expression" not in t or t["expression"] is None:
            raise _bad("Thumbnail.expression is required.")
        vis = t.get("visualizationOptions")
        if vis:
            raise _bad("visualizationOptions are not supported by the Earth Engine simulator.")
        if fmt not in SUPPORTED_FORMATS + PICTURE_FORMATS:
            raise _bad("File format %s is not supported by the Earth Engine simulator." % fmt)

        with self._lock:
            catalogue = dict(self.catalogue)
        result = (self.evaluator_class or Evaluator)(catalogue).evaluate(t["expression"])
        if fmt in PICTURE_FORMATS:
            return self._create_picture(project, body, result, prefix)
        if not isinstance(result, EeImage):
            raise _bad("The expression must evaluate to an Image, not %s." % _type_of(result))
        image = result
        bands = list(image.bands)
        if band_ids:
            bands = []
            for bid in band_ids:
                match = [b for b in image.bands if b.name == bid]
                if not match:
                    raise _bad("Image.select: Pattern '%s' did not match any bands." % bid)
                bands.append(match[0])
        if not bands:
            raise _bad("The image has no bands to download.")
        if len(bands) > self.max_bands:
            raise _bad("Number of bands (%d) must be less than or equal to %d." % (len(bands), self.max_bands))

        if grid_override is not None:
            gproj, dims = grid_override
            grids = []
            for b in bands:
                if dims is not None:
                    grids.append(Grid(gproj, dims[0], dims[1]))
                else:
                    grids.append(band_grid(b.reprojected(gproj)))
        else:
            grids = [band_grid(b) for b in bands]
        if fmt != "ZIPPED_GEO_TIFF_PER_BAND":
            grids = [grids[0]] * len(bands)
        for g in grids:
            if g.width > self.max_grid_dimension or g.height > self.max_grid_dimension:
                raise _bad("Pixel grid dimensions (%dx%d) must be less than or equal to %d."
                           % (g.width, g.height, self.max_grid_dimension))
        total = sum(g.width * g.height * (_bytes_per_pixel(b.src.dtype) + 1) for b, g in zip(bands, grids))
        if total > self.max_request_bytes:
            raise _bad("Total request size (%d bytes) must be less than or equal to %d bytes."
                       % (total, self.max_request_bytes))

        sid = image.system_id
        if prefix:
            base = prefix
        elif fmt in ("ZIPPED_GEO_TIFF", "ZIPPED_GEO_TIFF_PER_BAND"):
            base = sid.rsplit("/", 1)[-1] if sid else "download"
        else:
            base = secrets.token_hex(8)
        tid = "%s-%s" % (secrets.token_hex(16), secrets.token_hex(16))
        name = "projects/%s/thumbnails/%s" % (project, tid)
        now = time.monotonic()
        thumb = Thumbnail(name, project, fmt, base, bands, grids, now, now + self.ttl_seconds,
                          copy.deepcopy(body), total, time.time())
        with self._lock:
            self._thumbs[name] = thumb
        return {"name": name}

    def _create_picture(self, project: str, body: dict, result: Any, prefix: Optional[str]) -> dict:
        """A PNG thumbnail (``getThumbURL``): the visualized image on the grid of its first shown band."""
        if isinstance(result, EeImage):
            result = default_vis(result)
        if not isinstance(result, VisImage):
            raise _bad("The expression must evaluate to an Image, not %s." % _type_of(result))
        by_name = {b.name: b for b in result.image.bands}
        bands = [by_name[name] for name in result.bands]
        grid = band_grid(bands[0])
        if grid.width > self.max_grid_dimension or grid.height > self.max_grid_dimension:
            raise _bad("Pixel grid dimensions (%dx%d) must be less than or equal to %d."
                       % (grid.width, grid.height, self.max_grid_dimension))
        name = "projects/%s/thumbnails/%s-%s" % (project, secrets.token_hex(16), secrets.token_hex(16))
        now = time.monotonic()
        thumb = Thumbnail(name, project, "PNG", prefix or "thumbnail", bands, [grid] * len(bands), now,
                          now + self.ttl_seconds, copy.deepcopy(body), grid.width * grid.height * 4, time.time(),
                          vis=result)
        with self._lock:
            self._thumbs[name] = thumb
        return {"name": name}

    def get_thumbnail(self, name: str) -> Thumbnail:
        with self._lock:
            t = self._thumbs.get(name)
        if t is None or time.monotonic() > t.expires:
            raise ApiError(404, "Requested entity was not found.", "NOT_FOUND")
        return t

    def list_collection(self, project: str, path: str, method: str, query: Dict[str, str]) -> dict:
        """One page of ``:listAssets`` (filter only) or ``:listImages`` (also startTime, endTime,
        region): images in id order, FULL view (bands too) unless ``view=BASIC``; an empty page
        is ``{}`` (proto-JSON leaves empty lists out)."""
        allowed = _LIST_IMAGES_PARAMS if method == "listImages" else _LIST_PARAMS
        for name in query:
            if name not in allowed:
                raise _bad('Invalid JSON payload received. Unknown name "%s": Cannot bind query parameter. '
                           "Field '%s' could not be found in request message." % (name, name))
        with self._lock:
            catalogue = dict(self.catalogue)
        members = collection_members(catalogue, path) if project in ("earthengine-public",
                                                                      "earthengine-legacy") else []
        if not members:
            raise ApiError(404, "Asset 'projects/%s/assets/%s' does not exist or doesn't allow this operation."
                           % (project, path), "NOT_FOUND")
        tests = []
        if query.get("filter"):
            tests.append(ListFilter(query["filter"]).test)
        if method == "listImages":
            tests.extend(self._list_images_terms(query))
        view = query.get("view") or "FULL"
        if view not in ("FULL", "BASIC", "IMAGE_VIEW_UNSPECIFIED"):
            raise _field_violation("view", "Invalid value at 'view' (type.googleapis.com/google.earthengine.v1."
                                           "ImageView), \"%s\"" % view)
        try:
            size = int(query.get("pageSize") or MAX_LIST_PAGE)
        except ValueError:
            raise _field_violation("page_size", "Invalid value at 'page_size' (TYPE_INT32), \"%s\""
                                   % query.get("pageSize"))
        if size < 0:
            raise _bad("The page size must not be negative.")
        size = min(size or MAX_LIST_PAGE, MAX_LIST_PAGE)
        matching = [spec for spec in members if all(t(spec) for t in tests)]
        fingerprint = binascii.crc32(json.dumps({k: v for k, v in sorted(query.items())
                                                 if k not in ("pageToken", "pageSize")}).encode())
        start = self._page_start(query.get("pageToken"), fingerprint)
        page = matching[start:start + size]
        out: Dict[str, Any] = {}
        if page:
            items = [self.asset_resource("earthengine-public", spec.id) for spec in page]
            if view == "BASIC":
                for item in items:
                    item.pop("bands", None)
            out["images" if method == "listImages" else "assets"] = items
        if start + size < len(matching):
            out["nextPageToken"] = base64.urlsafe_b64encode(("%d:%d" % (start + size, fingerprint)).encode()).decode()
        return out

    @staticmethod
    def _page_start(token: Optional[str], fingerprint: int) -> int:
        if not token:
            return 0
        try:
            offset, check = base64.urlsafe_b64decode(token.encode()).decode().split(":")
            if int(check) == fingerprint:
                return int(offset)
        except (ValueError, UnicodeDecodeError, binascii.Error):
            pass
        raise _bad("Invalid page token.")   # [INF wording]

    @staticmethod
    def _list_images_terms(query: Dict[str, str]) -> list:
        terms = []
        for key, op, attr in (("startTime", ">=", "start_time"), ("endTime", "<", "end_time")):
            if query.get(key):
                when = _time_ms(query[key])
                if when is None:
                    raise _field_violation(key, "Invalid value at '%s' (type.googleapis.com/google.protobuf."
                                                "Timestamp), \"%s\"" % (key, query[key]))
                terms.append(lambda spec, op=op, attr=attr, when=when: _compare(_time_ms(getattr(spec, attr)), op,
                                                                                 when))
        if query.get("region"):
            geom = _region_shape(query["region"], "region")
            terms.append(lambda spec: spec.footprint().lonlat().intersects(geom))
        return terms

    def asset_resource(self, project: str, asset_path: str) -> dict:
        full = "projects/%s/assets/%s" % (project, asset_path)
        spec = None
        if project in ("earthengine-public", "earthengine-legacy"):
            with self._lock:
                spec = self.catalogue.get(asset_path)
        if spec is None:
            raise ApiError(404, "Asset '%s' does not exist or doesn't allow this operation." % full,
                           "NOT_FOUND")
        bands = []
        for b in spec.bands:
            aff = dict(zip(_AFFINE_FIELDS, b.transform))
            aff = {k: v for k, v in aff.items() if v != 0}
            bands.append({"id": b.id, "dataType": b.data_type(),
                          "grid": {"crsCode": b.crs, "affineTransform": aff,
                                   "dimensions": {"width": b.width, "height": b.height}},
                          "pyramidingPolicy": b.pyramiding_policy})
        footprint = spec.footprint().lonlat()
        res = {"type": "IMAGE", "name": "projects/earthengine-public/assets/" + spec.id, "id": spec.id,
               "updateTime": spec.update_time}
        if spec.properties:
            res["properties"] = {k: v for k, v in spec.properties.items() if not k.startswith("system:")}
        if spec.start_time:
            res["startTime"] = spec.start_time
        if spec.end_time:
            res["endTime"] = spec.end_time
        res["geometry"] = mapping(footprint)
        res["geometry"] = json.loads(json.dumps(res["geometry"]))
        res["bands"] = bands
        res["sizeBytes"] = str(sum(b.width * b.height * np.dtype(b.dtype).itemsize // 3 for b in spec.bands))
        return res


_PATH_THUMBS = re.compile(r"^/(v1[a-z0-9]*)/projects/([^/]+)/thumbnails$")
_PATH_PIXELS = re.compile(r"^/(v1[a-z0-9]*)/projects/([^/]+)/thumbnails/([^/:]+):getPixels$")
_PATH_ASSET = re.compile(r"^/(v1[a-z0-9]*)/projects/([^/]+)/assets/(.+)$")
_PATH_LIST = re.compile(r"^/(v1[a-z0-9]*)/projects/([^/]+)/assets/(.+):(listAssets|listImages)$")
_PATH_VALUE = re.compile(r"^/(v1[a-z0-9]*)/projects/([^/]+)/value:compute$")
_PATH_ALGORITHMS = re.compile(r"^/(v1[a-z0-9]*)/projects/([^/]+)/algorithms$")
_PATH_DISCOVERY = re.compile(r"^/\$discovery/rest$")


def _route(method: str, path: str):
    """(endpoint, path match) of a request; ("unknown", None) when no endpoint serves it."""
    for verbs, endpoint, pattern in ((("POST",), "create", _PATH_THUMBS), (("GET", "HEAD"), "getPixels", _PATH_PIXELS),
                                     (("GET",), "images", _PATH_LIST), (("GET",), "asset", _PATH_ASSET),
                                     (("POST",), "value", _PATH_VALUE), (("GET",), "algorithms", _PATH_ALGORITHMS),
                                     (("GET",), "discovery", _PATH_DISCOVERY)):
        match = pattern.match(path) if method in verbs else None
        if match:
            return endpoint, match
    return "unknown", None


class _Handler(QuietHandler):
    simulator: EeSimulator = None  # set by a subclass in start()
    server_version = "ESF"
    sys_version = ""

    def _read_body(self) -> bytes:
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n > 0 else b""

    def _send(self, status: int, body: bytes, content_type: str, extra: Optional[dict] = None) -> None:
        self.send_body(status, body, content_type, extra)

    def _send_error(self, err: ApiError) -> None:
        body = json.dumps(err.body(), indent=2).encode("utf-8")
        self._send(err.code, body, "application/json; charset=UTF-8", {"Vary": "Origin, X-Origin, Referer"})

    def _send_json(self, obj: dict) -> None:
        self._send(200, json.dumps(obj, indent=2).encode("utf-8"), "application/json; charset=UTF-8",
                   {"Vary": "Origin, X-Origin, Referer"})

    def _handle(self, method: str) -> None:
        sim = self.simulator
        raw = self._read_body()
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        headers = {k.lower(): v for k, v in self.headers.items()}
        endpoint, match = _route(method, path)
        body_json = None
        if raw:
            try:
                body_json = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                body_json = None
        rec = {"endpoint": endpoint, "method": method, "path": path, "query": query, "headers": headers,
               "json": body_json, "raw": raw, "status": None, "time": time.time()}
        sim._record(rec)
        if sim.latency > 0:
            time.sleep(sim.latency)
        if endpoint == "unknown":
            sim._finish(rec, 404)
            html = (b"<!DOCTYPE html>\n<html lang=en><title>Error 404 (Not Found)!!1</title>"
                    b"<p><b>404.</b> <ins>That\xe2\x80\x99s an error.</ins><p>The requested URL was not "
                    b"found on this server.</p></html>")
            self._send(404, html, "text/html; charset=UTF-8")
            return
        project = match.group(2) if endpoint in ("create", "getPixels") else \
            headers.get("x-goog-user-project", "")
        try:
            sim.admit(project)
        except ApiError as err:
            sim._finish(rec, err.code)
            self._send_error(err)
            return
        try:
            self._serve(sim, rec, endpoint, match, headers, query, body_json)
        finally:
            sim.release(project)

    def _serve(self, sim, rec, endpoint, match, headers, query, body_json) -> None:
        """Answer a request that holds one of its project's slots."""
        fault = sim._next_fault(endpoint)
        drop_after = None
        try:
            if fault is not None and fault[0] == "status":
                raise sim.fault_error(fault[1], fault[2], fault[3])
            if fault is not None and fault[0] == "drop":
                drop_after = fault[1] if fault[1] is not None else -1
            if endpoint == "create":
                version, project = match.group(1), match.group(2)
                sim._check_auth(headers, query)
                sim._check_project(project)
                if body_json is None:
                    raise _bad("Invalid JSON payload received. Unexpected token.")
                result = sim.create_thumbnail(project, body_json, version)
                sim._finish(rec, 200)
                self._send_json(result)
            elif endpoint == "images":
                sim._check_auth(headers, query)
                result = sim.list_collection(match.group(2), match.group(3), match.group(4), query)
                sim._finish(rec, 200)
                self._send_json(result)
            elif endpoint == "asset":
                sim._check_auth(headers, query)
                result = sim.asset_resource(match.group(2), match.group(3))
                sim._finish(rec, 200)
                self._send_json(result)
            elif endpoint in ("value", "algorithms", "discovery"):
                result = sim.official_client_call(endpoint, match, headers, query, body_json,
                                                  "http://%s/" % self.headers.get("Host", sim.url[7:]))
                sim._finish(rec, 200)
                self._send_json(result)
            else:
                self._send_pixels(sim, rec, match, drop_after, fault)
        except ApiError as err:
            sim._finish(rec, err.code)
            self._send_error(err)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as exc:  # a simulator bug: answer 500 with the reason, keep serving
            sim._finish(rec, 500)
            self._send_error(ApiError(500, "Internal error encountered. (simulator: %r)" % (exc,), "INTERNAL"))

    def _send_pixels(self, sim, rec: dict, match, drop_after: Optional[int], fault=None) -> None:
        """getPixels: the thumbnail's bytes, or (``inject_drop``) only part of them, then a closed connection;
        (``inject_resize``) a grid of another size, (``inject_body``) another body."""
        name = "projects/%s/thumbnails/%s" % (match.group(2), match.group(3))
        thumb = sim.get_thumbnail(name)
        if fault is not None and fault[0] == "resize":
            thumb = dataclasses.replace(thumb, grids=[
                dataclasses.replace(g, width=g.width + fault[1], height=g.height + fault[2])
                for g in thumb.grids])
        # The rendering is part of the compute time, as on the service (whose servers render the
        # pixels within its latency): the answer comes after the longer of the two, not their sum.
        ready_at = time.monotonic() + sim.compute_seconds(thumb.total_bytes)
        data, ctype, fname = sim.render(thumb)
        if ready_at > time.monotonic():
            time.sleep(ready_at - time.monotonic())
        if fault is not None and fault[0] == "body":
            data, ctype = fault[1], fault[2]
        extra = {}
        if sim.content_disposition:
            extra["Content-Disposition"] = 'attachment; filename="%s"' % fname
        if drop_after is None:
            sim._finish(rec, 200)
            self._send(200, data, ctype, extra)
            with sim._lock:
                sim.last_pixels_at = time.time()
            return
        n = len(data) // 2 if drop_after < 0 else min(int(drop_after), max(0, len(data) - 1))
        sim._finish(rec, -1)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in extra.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data[:n])
        self.wfile.flush()
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def do_GET(self):
        self._handle("GET")

    def do_HEAD(self):
        self._handle("HEAD")

    def do_POST(self):
        self._handle("POST")

    def do_PUT(self):
        self._handle("PUT")

    def do_DELETE(self):
        self._handle("DELETE")


def main(argv: Optional[List[str]] = None) -> int:
    p = argparse.ArgumentParser(description="Earth Engine sync-download loopback simulator")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8999)
    p.add_argument("--token", action="append", help="accepted bearer token (repeatable)")
    p.add_argument("--project", action="append", help="known project (repeatable; default: any)")
    p.add_argument("--latency", type=float, default=0.0, help="seconds slept per request")
    p.add_argument("--ttl", type=float, default=DEFAULT_TTL_SECONDS, help="thumbnail id lifetime (s)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--rate-429", type=float, default=0.0, help="probability of 429 on create")
    p.add_argument("--rate-5xx", type=float, default=0.0, help="probability of 503 on create/getPixels")
    p.add_argument("--rate-drop", type=float, default=0.0, help="probability of a cut getPixels body")
    p.add_argument("--max-concurrent", type=int, default=None,
                   help="requests in flight per project above which 429 RESOURCE_EXHAUSTED (Earth Engine: 40)")
    p.add_argument("--max-rps", type=float, default=None,
                   help="requests admitted per second per project above which 429 (Earth Engine: about 100)")
    p.add_argument("--compute-base", type=float, default=0.0, help="seconds of computing per getPixels")
    p.add_argument("--compute-per-mib", type=float, default=0.0,
                   help="more seconds of computing per getPixels, per MiB of the request's size")
    p.add_argument("--render-processes", type=int, default=0,
                   help="render getPixels answers in this many worker processes (0: in the request's thread)")
    p.add_argument("--stats", help="on exit (SIGTERM too), write the counters here as JSON")
    p.add_argument("--pixel-values", choices=("lonlat", "index"), default="lonlat",
                   help="index: values from native pixel indices, no CRS transformation per pixel (benchmarks)")
    a = p.parse_args(argv)
    global PIXEL_VALUES
    PIXEL_VALUES = a.pixel_values
    rates: Dict[str, Dict[Any, float]] = {"create": {}, "getPixels": {}}
    if a.rate_429:
        rates["create"][429] = a.rate_429
    if a.rate_5xx:
        rates["create"][503] = a.rate_5xx
        rates["getPixels"][503] = a.rate_5xx
    if a.rate_drop:
        rates["getPixels"]["drop"] = a.rate_drop
    sim = EeSimulator(tokens=a.token or ["test-token"], projects=a.project, latency=a.latency,
                      ttl_seconds=a.ttl, seed=a.seed, fault_rates=rates, host=a.host, port=a.port,
                      max_concurrent=a.max_concurrent, max_rps=a.max_rps, compute_base=a.compute_base,
                      compute_per_mib=a.compute_per_mib, render_processes=a.render_processes)
    if a.stats:        # (before the URL is printed: a caller may stop the simulator as soon as it is served)
        import signal
        signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    sim.start()
    print(sim.url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
        if a.stats:
            with open(a.stats, "w") as handle:
                json.dump(sim.stats(), handle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
