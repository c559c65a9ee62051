"""Loopback simulator of Earth Engine *batch exports* and of where their files land.

An :class:`ExportSimulator` is an :class:`~tests.sims.ee_sim.EeSimulator` (so the
sync-download endpoints, the catalogue, the expression evaluation and the pixel
functions are the same, imported, not copied) that also serves, on one port
(see /work/shared/protocols.md §1, §3, §6):

Earth Engine (``/v1`` or ``/v1alpha``; Bearer token required everywhere)
    ``POST /v1/projects/{p}/image:export`` -- ``ExportImageRequest``: ``expression,
    description, maxPixels, grid, requestId, workloadTag, priority, maxWorkers`` and
    exactly one of ``fileExportOptions`` / ``assetExportOptions`` (proto-JSON: the
    snake_case names are accepted too; unknown names -> 400 "Unknown name").
    ``maxPixels`` and ``priority`` are accepted wrapped (``{"value": ..}``) or bare.
    A ``requestId`` seen before (same project) returns the existing operation -- one
    operation per requestId.  Answer: an Operation without ``done``.
    ``GET /v1/projects/{p}/operations/{id}``, ``GET /v1/projects/{p}/operations``
    (``pageSize`` <= 500, ``pageToken``; newest first), ``POST .../operations/{id}:cancel``
    (body ``{}``; answer ``{}``).  Unknown operation -> 404 NOT_FOUND.
    ``POST /v1/projects/{p}/maps`` (``fields=name``) -> ``{"name": "projects/{p}/maps/{id}"}``;
    ``GET /v1/projects/{p}/maps/{id}/tiles/{z}/{x}/{y}`` -> 256x256 PNG in Web Mercator
    (``Image.visualize`` bands/min/max/gamma/palette/opacity; without it the first three
    bands -- or the first -- stretched over the data type's range, floats over 0..1 [INF];
    masked pixels transparent).
    ``Image.load`` of a finished asset export yields the exported image, and
    ``GET /v1/projects/{p}/assets/{id}`` describes it, so the sync download of the
    asset (ee_download) works on it.
Cloud Storage JSON API
    ``GET /storage/v1/b/{bucket}/o?prefix=&pageToken=&maxResults=`` (``gcs_page_size``
    per page, default 1000) -> ``{"kind": "storage#objects", "items": [...],
    "nextPageToken"}``; ``GET /storage/v1/b/{bucket}/o/{object}`` (metadata) and
    ``...?alt=media`` (bytes, ``x-goog-hash: crc32c=..,md5=..``, ``x-goog-generation``,
    ETag, ``Range`` -> 206).  Unknown bucket/object -> 404 in GCS's error shape.
Drive API v3 (subset)
    ``GET /drive/v3/files?q=&fields=&pageSize=&pageToken=&orderBy=`` with ``q`` terms
    joined by ``and``: ``name = '..'``, ``name contains '..'`` (prefix match of the
    name or of a word of it [INF]), ``mimeType = '..'``, ``'<id>' in parents``
    (``root`` accepted), ``trashed = false|true``; ``orderBy`` ``modifiedTime [desc]``
    or ``name``.  ``fields`` picks the file fields (default ``kind,id,name,mimeType``).
    ``GET /drive/v3/files/{id}`` (metadata) and ``?alt=media`` (bytes, Range).
    ``drive_tokens`` (None: every token) may read Drive; others get 403
    "Request had insufficient authentication scopes.".

Operation life (per operation; ``pending_seconds``, ``running_seconds`` and
``cancelling_seconds`` are read at creation and can be changed per operation with
:meth:`set_timing`)::

    PENDING --pending_seconds--> RUNNING (progress 0..1; stages "Create List of Assets",
    then "Write Files" (asset: "Ingest Image"), whose description and work-unit fields
    are omitted until the stage starts) --running_seconds--> SUCCEEDED (done, response
    google.protobuf.Empty, destinationUris, endTime, batchEecuUsageSeconds)
    or FAILED (done, error {code 3, message}) as soon as RUNNING starts, when:
    the expression does not evaluate (its error message), the grid has more pixels
    than maxPixels (default 1e8): "Export too large: specified N pixels (max: M).
    Specify higher maxPixels value if you intend to export a large area.", the bucket
    does not exist [INF wording], or an asset exists and overwrite is false [INF wording].
    :cancel while not done -> CANCELLING --cancelling_seconds--> CANCELLED (done, error
    {code 1, message "Cancelled."} [INF]).  :cancel of a done operation -> 400
    FAILED_PRECONDITION [INF].

Written files (at the moment the operation succeeds): real GeoTIFFs made with GDAL on
the grid of the first band (all bands promoted to one type with numpy.result_type
[INF]); ``<prefix>.tif``, or -- when ``tileDimensions`` is smaller than the grid --
``<prefix>-<row10>-<col10>.tif`` with zero-padded pixel offsets; ``noData`` fills
masked pixels and sets the nodata tag (without it masked pixels are 0 / -inf, no tag,
like the sync download); ``cloudOptimized`` writes a COG; ``skipEmptyFiles`` leaves out
files with no valid pixel; ``tileDimensions`` must be multiples of the tile size (256;
400 otherwise [INF]).  Drive: into the most recently modified folder with the given
name, created at the root when missing (Earth Engine's documented behaviour), or the
root.  Assets: kept in memory on the export grid, with their pyramiding policies.

Faults: ``inject(endpoint, status, count, message, reason)`` for every endpoint of
:attr:`ExportSimulator.ENDPOINTS`; ``inject_lost(endpoint, count)`` handles the request
(e.g. creates the operation) and then closes the connection without an answer;
``inject_drop`` (getPixels) and ``fault_rates`` as in ee_sim.

Test API: ``ExportSimulator(buckets=("bkt",), drive_folders=(), drive_tokens=None,
pending_seconds=0.05, running_seconds=0.3, cancelling_seconds=0.1, gcs_page_size=1000,
**EeSimulator options)``; ``operations()``, ``operation(name)`` (JSON as served),
``set_timing(name, pending=, running=)``, ``export_grid(name)``, ``objects(bucket)`` (name -> bytes),
``put_object(bucket, name, data)``, ``drive_files()`` (list of dicts, bytes under
``"data"``), ``add_drive_folder(name)``, ``add_drive_file(name, data, folder_id)``,
``assets()``, counters as in ee_sim (``count("export")``, ``requests``...), plus
``dedup_hits``.

Run standalone: ``python -m tests.sims.ee_export_sim --port 8998 --token T --bucket bkt
--pending 0.1 --running 0.5`` (prints the URL).
"""
import argparse
import base64
import collections
import dataclasses
import hashlib
import json
import math
import re
import secrets
import socket
import string
import sys
import threading
import time
import uuid
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qs, quote, unquote, urlsplit

import numpy as np
from osgeo import gdal

from tests.sims.ee_sim import (ApiError, BandSpec, EeImage, EeSimulator,
                               Evaluator, Grid, Proj, VisImage, _AFFINE_FIELDS, _Handler,
                               _bad, _field_violation, _parse_grid, _shift, _type_of, band_grid,
                               default_vis, render_band, render_png, write_geotiff)

gdal.UseExceptions()

DEFAULT_MAX_PIXELS = 100000000
TILE_SIZE = 256
FOLDER_MIME = "application/vnd.google-apps.folder"
OP_TYPE = "type.googleapis.com/google.earthengine.v1.OperationMetadata"
TOO_LARGE = ("Export too large: specified {} pixels (max: {}). Specify higher maxPixels value if you "
             "intend to export a large area.")
POLICIES = ("MEAN", "SAMPLE", "MIN", "MAX", "MODE")
_EXPORT_FIELDS = {"expression": "expression", "description": "description", "maxPixels": "maxPixels",
                  "max_pixels": "maxPixels", "grid": "grid", "requestId": "requestId", "request_id": "requestId",
                  "workloadTag": "workloadTag", "workload_tag": "workloadTag", "priority": "priority",
                  "maxWorkers": "maxWorkers", "max_workers": "maxWorkers",
                  "fileExportOptions": "fileExportOptions", "file_export_options": "fileExportOptions",
                  "assetExportOptions": "assetExportOptions", "asset_export_options": "assetExportOptions"}
_FILE_FIELDS = {"fileFormat": "fileFormat", "file_format": "fileFormat",
                "cloudStorageDestination": "cloudStorageDestination",
                "cloud_storage_destination": "cloudStorageDestination",
                "driveDestination": "driveDestination", "drive_destination": "driveDestination",
                "geoTiffOptions": "geoTiffOptions", "geo_tiff_options": "geoTiffOptions",
                "tfRecordOptions": "tfRecordOptions", "tf_record_options": "tfRecordOptions"}
_GCS_FIELDS = {"bucket": "bucket", "filenamePrefix": "filenamePrefix", "filename_prefix": "filenamePrefix",
               "permissions": "permissions", "bucketCorsUris": "bucketCorsUris",
               "bucket_cors_uris": "bucketCorsUris"}
_DRIVE_FIELDS = {"folder": "folder", "filenamePrefix": "filenamePrefix", "filename_prefix": "filenamePrefix"}
_TIFF_FIELDS = {"cloudOptimized": "cloudOptimized", "cloud_optimized": "cloudOptimized",
                "tileDimensions": "tileDimensions", "tile_dimensions": "tileDimensions",
                "skipEmptyFiles": "skipEmptyFiles", "skip_empty_files": "skipEmptyFiles",
                "tileSize": "tileSize", "tile_size": "tileSize", "noData": "noData", "no_data": "noData",
                "metadataKeys": "metadataKeys", "metadata_keys": "metadataKeys"}
_ASSET_FIELDS = {"earthEngineDestination": "earthEngineDestination",
                 "earth_engine_destination": "earthEngineDestination",
                 "pyramidingPolicy": "pyramidingPolicy", "pyramiding_policy": "pyramidingPolicy",
                 "pyramidingPolicyOverrides": "pyramidingPolicyOverrides",
                 "pyramiding_policy_overrides": "pyramidingPolicyOverrides", "tileSize": "tileSize",
                 "tile_size": "tileSize"}
_REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9-]{1,60}$")
_WORKLOAD_TAG_RE = re.compile(r"^([a-z0-9]|[a-z0-9][-_a-z0-9]{0,61}[a-z0-9])$")
_ASSET_NAME_RE = re.compile(r"^projects/[^/]+/assets/.+[^/]$")


def _now_rfc3339(t: Optional[float] = None) -> str:
    t = time.time() if t is None else t
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + ".%03dZ" % int((t % 1) * 1000)


def _strict(obj: Any, fields: Dict[str, str], where: str) -> Dict[str, Any]:
    """Proto-JSON field names of ``obj`` mapped to camelCase; unknown names -> 400."""
    if not isinstance(obj, dict):
        raise _field_violation(where or None, "Invalid value at '%s', %s" % (where, json.dumps(obj)))
    out = {}
    for key, value in obj.items():
        if key not in fields:
            at = " at '%s'" % where if where else ""
            raise _field_violation(where or None, 'Invalid JSON payload received. Unknown name "%s"%s: '
                                                  "Cannot find field." % (key, at))
        out[fields[key]] = value
    return out


def _wrapped_int(value: Any, field: str, kind: str = "TYPE_INT64") -> Optional[int]:
    """An Int64Value/Int32Value: ``{"value": "123"}``, ``"123"`` or ``123``."""
    if value is None:
        return None
    if isinstance(value, dict):
        if set(value) - {"value"}:
            raise _field_violation(field, "Invalid value at '%s', %s" % (field, json.dumps(value)))
        value = value.get("value", 0)
    if isinstance(value, bool):
        raise _field_violation(field, "Invalid value at '%s' (%s), %s" % (field, kind, json.dumps(value)))
    try:
        number = int(value) if not isinstance(value, float) else int(value) if value.is_integer() else None
    except (TypeError, ValueError):
        number = None
    if number is None:
        raise _field_violation(field, "Invalid value at '%s' (%s), %s" % (field, kind, json.dumps(value)))
    return number


# ----------------------------------------------------------------------------------------
# CRC32C (Castagnoli), for x-goog-hash / crc32c like Cloud Storage
# ----------------------------------------------------------------------------------------
def _crc32c_table():
    table = []
    for i in range(256):
        crc = i
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
        table.append(crc)
    return table


_CRC_TABLE = _crc32c_table()


def crc32c(data: bytes) -> int:
    crc = 0xFFFFFFFF
    table = _CRC_TABLE
    for byte in data:
        crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


# ----------------------------------------------------------------------------------------
# Models
# ----------------------------------------------------------------------------------------
@dataclasses.dataclass
class ExportedAsset:
    name: str
    image: EeImage
    grid: Grid
    dtypes: Dict[str, str]
    policies: Dict[str, str]
    update_time: str


@dataclasses.dataclass
class StoredObject:
    data: bytes
    content_type: str
    created: float
    generation: int

    @property
    def md5_b64(self) -> str:
        return base64.b64encode(hashlib.md5(self.data).digest()).decode("ascii")

    @property
    def crc32c_b64(self) -> str:
        return base64.b64encode(crc32c(self.data).to_bytes(4, "big")).decode("ascii")


@dataclasses.dataclass
class SimOperation:
    name: str
    project: str
    request_id: Optional[str]
    description: str
    priority: int
    destination: str                 # gcs | drive | asset
    request: dict
    created: float                   # monotonic
    created_wall: float
    pending: float
    running: float
    cancelling: float
    image: Optional[EeImage] = None
    grid: Optional[Grid] = None
    planned_error: Optional[str] = None
    files: List[Tuple[str, Tuple[int, int, int, int]]] = dataclasses.field(default_factory=list)
    cancel_at: Optional[float] = None
    final: Optional[str] = None      # SUCCEEDED / FAILED / CANCELLED once decided
    final_error: Optional[dict] = None
    ended_wall: Optional[float] = None
    destination_uris: List[str] = dataclasses.field(default_factory=list)
    lock: Any = dataclasses.field(default_factory=threading.Lock)

    @property
    def op_id(self) -> str:
        return self.name.rsplit("/", 1)[-1]


class ExportEvaluator(Evaluator):
    """ee_sim's evaluator (Image.visualize included) plus finished asset exports (Image.load)."""

    def __init__(self, catalogue, sim: "ExportSimulator"):
        super().__init__(catalogue)
        self.sim = sim

    def _fn_Image_load(self, fn, args):
        asset_id = args.get("id")
        if isinstance(asset_id, str):
            asset = self.sim.asset(asset_id)
            if asset is not None:
                return asset.image
        return super()._fn_Image_load(fn, args)

def render_tile(vis: VisImage, z: int, x: int, y: int) -> bytes:
    """A 256x256 PNG (RGBA) of ``vis`` for Web Mercator tile z/x/y."""
    half = 20037508.342789244
    size = 2 * half / (2 ** z)
    affine = (size / 256.0, 0.0, -half + x * size, 0.0, -size / 256.0, half - y * size)
    return render_png(vis, Grid(Proj.make("EPSG:3857", affine), 256, 256))


def _export_tiff(arrays: List[np.ndarray], names: List[str], grid: Grid, nodata: Optional[float],
                 cog: bool) -> bytes:
    """ee_sim's GeoTIFF writer, then the nodata tag / COG layout when asked."""
    data = write_geotiff(arrays, names, grid)
    if nodata is None and not cog:
        return data
    src = "/vsimem/export_src_%s.tif" % uuid.uuid4().hex
    dst = "/vsimem/export_dst_%s.tif" % uuid.uuid4().hex
    gdal.FileFromMemBuffer(src, data)
    try:
        options = {"format": "COG" if cog else "GTiff",
                   "creationOptions": ["COMPRESS=DEFLATE"] + ([] if cog else ["TILED=YES"])}
        if nodata is not None:
            options["noData"] = nodata
        gdal.Translate(dst, src, **options)
        f = gdal.VSIFOpenL(dst, "rb")
        gdal.VSIFSeekL(f, 0, 2)
        n = gdal.VSIFTellL(f)
        gdal.VSIFSeekL(f, 0, 0)
        out = bytes(gdal.VSIFReadL(1, n, f))
        gdal.VSIFCloseL(f)
        return out
    finally:
        gdal.Unlink(src)
        gdal.Unlink(dst)


def _drive_id() -> str:
    alphabet = string.ascii_letters + string.digits + "-_"
    return "1" + "".join(secrets.choice(alphabet) for _ in range(32))


# ----------------------------------------------------------------------------------------
# The simulator
# ----------------------------------------------------------------------------------------
_EE = r"^/(v1[a-z0-9]*)/projects/([^/]+)"
_ROUTES = [
    ("POST", "export", re.compile(_EE + r"/image:export$")),
    ("GET", "list", re.compile(_EE + r"/operations$")),
    ("GET", "operation", re.compile(_EE + r"/operations/([^/:]+)$")),
    ("POST", "cancel", re.compile(_EE + r"/operations/([^/:]+):cancel$")),
    ("POST", "maps", re.compile(_EE + r"/maps$")),
    ("GET", "tiles", re.compile(_EE + r"/maps/([^/]+)/tiles/(\d+)/(\d+)/(\d+)$")),
    ("GET", "gcs_list", re.compile(r"^/storage/v1/b/([^/]+)/o$")),
    ("GET", "gcs_object", re.compile(r"^/storage/v1/b/([^/]+)/o/(.+)$")),
    ("GET", "drive_list", re.compile(r"^/drive/v3/files$")),
    ("GET", "drive_file", re.compile(r"^/drive/v3/files/([^/]+)$")),
]


class ExportSimulator(EeSimulator):
    """EE batch export + Cloud Storage + Drive + map tiles.  See the module docstring."""

    ENDPOINTS = EeSimulator.ENDPOINTS + ("export", "list", "operation", "cancel", "maps", "tiles", "gcs_list",
                                         "gcs_object", "drive_list", "drive_file")

    def __init__(self, *, buckets=("bkt",), drive_folders=(), drive_tokens=None, pending_seconds: float = 0.05,
                 running_seconds: float = 0.3, cancelling_seconds: float = 0.1, gcs_page_size: int = 1000,
                 **kwargs):
        super().__init__(**kwargs)
        self.evaluator_class = lambda catalogue: ExportEvaluator(catalogue, self)
        self.handler_class = _ExportHandler
        self.pending_seconds = float(pending_seconds)
        self.running_seconds = float(running_seconds)
        self.cancelling_seconds = float(cancelling_seconds)
        self.gcs_page_size = int(gcs_page_size)
        self.drive_tokens = None if drive_tokens is None else set(drive_tokens)
        self.buckets: Dict[str, Dict[str, StoredObject]] = {b: {} for b in buckets}
        self._ops: Dict[str, SimOperation] = {}
        self._by_request: Dict[Tuple[str, str], str] = {}
        self._assets: Dict[str, ExportedAsset] = {}
        self._maps: Dict[str, VisImage] = {}
        self.dedup_hits = 0
        self._lost: Dict[str, int] = collections.Counter()
        self.drive_root = _drive_id()
        self._drive: Dict[str, dict] = {}
        for folder in drive_folders:
            self.add_drive_folder(folder)

    # --- test helpers ------------------------------------------------------------------
    def inject_lost(self, endpoint: str = "export", count: int = 1) -> None:
        """Handle the next ``count`` requests on ``endpoint`` fully, then close without answering."""
        with self._lock:
            self._lost[endpoint] += count

    def operations(self) -> List[dict]:
        with self._lock:
            ops = list(self._ops.values())
        return [self._operation_json(op) for op in ops]

    def operation(self, name: str) -> dict:
        return self._operation_json(self._find_op(name))

    def export_grid(self, name: str) -> Optional[dict]:
        """The pixel grid the export of operation ``name`` is computed on (ee_sim's Grid.describe())."""
        op = self._find_op(name)
        return op.grid.describe() if op.grid is not None else None

    def set_timing(self, name: str, pending: Optional[float] = None, running: Optional[float] = None) -> None:
        op = self._find_op(name)
        with op.lock:
            if pending is not None:
                op.pending = float(pending)
            if running is not None:
                op.running = float(running)

    def objects(self, bucket: str) -> Dict[str, bytes]:
        with self._lock:
            return {k: v.data for k, v in self.buckets.get(bucket, {}).items()}

    def put_object(self, bucket: str, name: str, data: bytes, created: Optional[float] = None) -> None:
        with self._lock:
            self.buckets.setdefault(bucket, {})[name] = StoredObject(
                data, "image/tiff", created if created is not None else time.time(), time.time_ns() // 1000)

    def add_drive_folder(self, name: str, parent: Optional[str] = None, modified: Optional[float] = None) -> str:
        fid = _drive_id()
        t = modified if modified is not None else time.time()
        with self._lock:
            self._drive[fid] = {"id": fid, "name": name, "mimeType": FOLDER_MIME, "parents": [parent or self.drive_root],
                                "trashed": False, "createdTime": t, "modifiedTime": t, "data": None}
        return fid

    def add_drive_file(self, name: str, data: bytes, folder_id: Optional[str] = None,
                       modified: Optional[float] = None) -> str:
        fid = _drive_id()
        t = modified if modified is not None else time.time()
        with self._lock:
            self._drive[fid] = {"id": fid, "name": name, "mimeType": "image/tiff",
                                "parents": [folder_id or self.drive_root], "trashed": False, "createdTime": t,
                                "modifiedTime": t, "data": data}
        return fid

    def drive_files(self) -> List[dict]:
        with self._lock:
            return [dict(f) for f in self._drive.values()]

    def assets(self) -> Dict[str, dict]:
        with self._lock:
            return {k: {"grid": a.grid.describe(), "bands": [b.name for b in a.image.bands],
                        "policies": dict(a.policies)} for k, a in self._assets.items()}

    @staticmethod
    def asset_full_name(asset_id: str) -> str:
        if asset_id.startswith("projects/"):
            return asset_id
        if asset_id.split("/")[0] == "users":
            return "projects/earthengine-legacy/assets/" + asset_id
        return "projects/earthengine-public/assets/" + asset_id

    def asset(self, asset_id: str) -> Optional[ExportedAsset]:
        with self._lock:
            return self._assets.get(self.asset_full_name(asset_id))

    # --- operations --------------------------------------------------------------------
    def _find_op(self, name: str) -> SimOperation:
        with self._lock:
            for key, op in self._ops.items():
                if key == name or key.endswith("/" + name):
                    return op
        raise KeyError(name)

    def create_export(self, project: str, body: Any) -> dict:
        if not isinstance(body, dict):
            raise _bad("Invalid JSON payload received. Expected an object.")
        req = _strict(body, _EXPORT_FIELDS, "")
        request_id = req.get("requestId")
        if request_id is not None and (not isinstance(request_id, str) or not _REQUEST_ID_RE.match(request_id)):
            raise _bad("Invalid request ID '%s': it may contain only a-z, A-Z, 0-9 and '-', and be at most 60 "
                       "characters long." % request_id)
        if request_id:
            with self._lock:
                existing = self._by_request.get((project, request_id))
                if existing is not None:
                    self.dedup_hits += 1
                    return self._operation_json(self._ops[existing])
        max_pixels = _wrapped_int(req.get("maxPixels"), "max_pixels")
        if max_pixels is not None and max_pixels <= 0:
            raise _bad("maxPixels must be positive.")
        priority = _wrapped_int(req.get("priority"), "priority", "TYPE_INT32")
        if priority is not None and not 0 <= priority <= 9999:
            raise _bad("Priority must be between 0 and 9999, got %d." % priority)
        _wrapped_int(req.get("maxWorkers"), "max_workers", "TYPE_INT32")
        tag = req.get("workloadTag")
        if tag not in (None, "") and (not isinstance(tag, str) or not _WORKLOAD_TAG_RE.match(tag)):
            raise _bad("Invalid workload tag '%s'." % tag)
        description = req.get("description") or ""
        if not isinstance(description, str):
            raise _field_violation("description", "Invalid value at 'description' (TYPE_STRING), %s"
                                   % json.dumps(description))
        files, assets = req.get("fileExportOptions"), req.get("assetExportOptions")
        if files is not None and assets is not None:
            raise _bad("Invalid JSON payload received. Oneof field 'export_options' is already set. Cannot set "
                       "'assetExportOptions'")
        if files is None and assets is None:
            raise _bad("ExportImageRequest.export_options is required: set fileExportOptions or "
                       "assetExportOptions.")
        dest, options = self._destination(files, assets)
        grid_override = _parse_grid(req["grid"]) if req.get("grid") is not None else None
        if req.get("expression") is None:
            raise _bad("ExportImageRequest.expression is required.")

        planned_error, image, grid, file_list = None, None, None, []
        try:
            with self._lock:
                catalogue = dict(self.catalogue)
            result = self.evaluator_class(catalogue).evaluate(req["expression"])
            if not isinstance(result, EeImage):
                raise _bad("The expression must evaluate to an Image, not %s." % _type_of(result))
            image = result
            if not image.bands:
                raise _bad("The image has no bands to export.")
            if grid_override is not None:
                gproj, dims = grid_override
                first = image.bands[0]
                grid = Grid(gproj, dims[0], dims[1]) if dims else band_grid(first.reprojected(gproj))
                image = EeImage(tuple(b.reprojected(grid.proj) if not b.proj.same(grid.proj) else b
                                      for b in image.bands), image.props)
            else:
                grid = band_grid(image.bands[0])
            pixels = grid.width * grid.height
            limit = max_pixels if max_pixels is not None else DEFAULT_MAX_PIXELS
            if pixels > limit:
                raise _bad(TOO_LARGE.format(pixels, limit))
            if dest != "asset":
                file_list = self._file_windows(options, grid)
        except ApiError as err:
            planned_error = err.message
        if dest == "gcs" and planned_error is None and options["bucket"] not in self.buckets:
            planned_error = ("Permission denied when writing to the Cloud Storage bucket '%s': the bucket does "
                             "not exist or Earth Engine may not write to it." % options["bucket"])
        if dest == "asset" and planned_error is None:
            target = options["name"]
            with self._lock:
                exists = target in self._assets
            if exists and not options["overwrite"]:
                planned_error = "Cannot overwrite asset '%s'." % target
        now = time.monotonic()
        name = "projects/%s/operations/%s" % (project, "".join(
            secrets.choice(string.ascii_uppercase + string.digits) for _ in range(24)))
        op = SimOperation(name, project, request_id or None, description, priority if priority is not None else 100,
                          dest, dict(req, _options=options), now, time.time(), self.pending_seconds,
                          self.running_seconds, self.cancelling_seconds, image, grid, planned_error, file_list)
        with self._lock:
            self._ops[name] = op
            if request_id:
                self._by_request[(project, request_id)] = name
        return self._operation_json(op)

    def _destination(self, files, assets) -> Tuple[str, dict]:
        if files is not None:
            f = _strict(files, _FILE_FIELDS, "file_export_options")
            fmt = f.get("fileFormat", "IMAGE_FILE_FORMAT_UNSPECIFIED")
            if fmt not in ("GEO_TIFF", "TF_RECORD_IMAGE"):
                raise _field_violation("file_export_options.file_format", (
                    "Invalid value at 'file_export_options.file_format' (type.googleapis.com/"
                    "google.earthengine.v1.ImageFileFormat), %s" % json.dumps(fmt)))
            if fmt != "GEO_TIFF":
                raise _bad("File format %s is not supported by the Earth Engine simulator." % fmt)
            gcs, drive = f.get("cloudStorageDestination"), f.get("driveDestination")
            if (gcs is None) == (drive is None):
                raise _bad("Exactly one of cloudStorageDestination and driveDestination must be set.")
            tiff = _strict(f.get("geoTiffOptions") or {}, _TIFF_FIELDS, "file_export_options.geo_tiff_options")
            options: Dict[str, Any] = {"cloudOptimized": bool(tiff.get("cloudOptimized", False)),
                                       "skipEmptyFiles": bool(tiff.get("skipEmptyFiles", False)),
                                       "noData": None, "tileDimensions": None}
            tile = _wrapped_int(tiff.get("tileSize"), "tile_size", "TYPE_INT32") or TILE_SIZE
            if tiff.get("noData") is not None:
                nd = tiff["noData"]
                if not isinstance(nd, dict) or set(nd) - {"floatValue"} or \
                        not isinstance(nd.get("floatValue", 0), (int, float)):
                    raise _field_violation("file_export_options.geo_tiff_options.no_data",
                                           "Invalid value at 'file_export_options.geo_tiff_options.no_data', %s"
                                           % json.dumps(nd))
                options["noData"] = float(nd.get("floatValue", 0))
            if tiff.get("tileDimensions") is not None:
                td = tiff["tileDimensions"]
                if not isinstance(td, dict) or set(td) - {"width", "height"}:
                    raise _field_violation("file_export_options.geo_tiff_options.tile_dimensions",
                                           "Invalid value at 'file_export_options.geo_tiff_options."
                                           "tile_dimensions'.")
                w, h = int(td.get("width", 0)), int(td.get("height", 0))
                if w <= 0 or h <= 0 or w % tile or h % tile:
                    raise _bad("File dimensions (%dx%d) must be positive multiples of the tile size (%d)."
                               % (w, h, tile))
                options["tileDimensions"] = (w, h)
            if gcs is not None:
                g = _strict(gcs, _GCS_FIELDS, "file_export_options.cloud_storage_destination")
                if not g.get("bucket"):
                    raise _bad("CloudStorageDestination.bucket is required.")
                options.update(kind="gcs", bucket=g["bucket"], prefix=g.get("filenamePrefix") or "")
                return "gcs", options
            d = _strict(drive, _DRIVE_FIELDS, "file_export_options.drive_destination")
            options.update(kind="drive", folder=d.get("folder"), prefix=d.get("filenamePrefix") or "")
            return "drive", options
        a = _strict(assets, _ASSET_FIELDS, "asset_export_options")
        dest = a.get("earthEngineDestination")
        if not isinstance(dest, dict):
            raise _bad("ImageAssetExportOptions.earth_engine_destination is required.")
        dest = _strict(dest, {"name": "name", "overwrite": "overwrite"},
                       "asset_export_options.earth_engine_destination")
        name = dest.get("name") or ""
        if not _ASSET_NAME_RE.match(name):
            raise _bad("Invalid asset name '%s': expected projects/*/assets/**." % name)
        policies = {}
        default = a.get("pyramidingPolicy", "MEAN")
        for band, policy in [(".default", default)] + list((a.get("pyramidingPolicyOverrides") or {}).items()):
            if policy not in POLICIES:
                raise _field_violation("asset_export_options.pyramiding_policy", (
                    "Invalid value at 'asset_export_options.pyramiding_policy' (type.googleapis.com/"
                    "google.earthengine.v1.PyramidingPolicy), %s" % json.dumps(policy)))
            policies[band] = policy
        return "asset", {"kind": "asset", "name": name, "overwrite": bool(dest.get("overwrite", False)),
                         "policies": policies}

    @staticmethod
    def _file_windows(options: dict, grid: Grid) -> List[Tuple[str, Tuple[int, int, int, int]]]:
        prefix = options["prefix"]
        dims = options.get("tileDimensions")
        if dims is None or (dims[0] >= grid.width and dims[1] >= grid.height):
            return [(prefix + ".tif", (0, 0, grid.width, grid.height))]
        out = []
        for r0 in range(0, grid.height, dims[1]):
            for c0 in range(0, grid.width, dims[0]):
                w, h = min(dims[0], grid.width - c0), min(dims[1], grid.height - r0)
                out.append(("%s-%010d-%010d.tif" % (prefix, r0, c0), (c0, r0, w, h)))
        return out

    def cancel_op(self, project: str, op_id: str) -> dict:
        op = self._get_op(project, op_id)
        with op.lock:
            self._advance(op)
            if op.final is not None:
                raise ApiError(400, "Operation %s has already finished (%s)." % (op.name, op.final),
                               "FAILED_PRECONDITION")
            if op.cancel_at is None:
                op.cancel_at = time.monotonic()
        return {}

    def _get_op(self, project: str, op_id: str) -> SimOperation:
        with self._lock:
            op = self._ops.get("projects/%s/operations/%s" % (project, op_id))
        if op is None:
            raise ApiError(404, "Requested entity was not found.", "NOT_FOUND")
        return op

    def _advance(self, op: SimOperation) -> None:
        """Decide the final state when its time has come (with op.lock held)."""
        if op.final is not None:
            return
        t = time.monotonic() - op.created
        if op.cancel_at is not None:
            if time.monotonic() - op.cancel_at >= op.cancelling:
                op.final, op.final_error, op.ended_wall = "CANCELLED", {"code": 1, "message": "Cancelled."}, \
                    time.time()
            return
        if t < op.pending:
            return
        if op.planned_error is not None:
            op.final, op.final_error, op.ended_wall = "FAILED", {"code": 3, "message": op.planned_error}, time.time()
            return
        if t < op.pending + op.running:
            return
        try:
            self._write_results(op)
            op.final = "SUCCEEDED"
        except ApiError as err:
            op.final, op.final_error = "FAILED", {"code": 3, "message": err.message}
        except Exception as exc:  # a simulator bug shows as an internal failure
            op.final, op.final_error = "FAILED", {"code": 13, "message": "Internal error: %r" % (exc,)}
        op.ended_wall = time.time()

    def _write_results(self, op: SimOperation) -> None:
        options = op.request["_options"]
        image, grid = op.image, op.grid
        if op.destination == "asset":
            bands = []
            for b in image.bands:
                bands.append(dataclasses.replace(b.reprojected(grid.proj) if not b.proj.same(grid.proj) else b,
                                                 proj=grid.proj, window=(0, 0, grid.width, grid.height)))
            policies = {b.name: options["policies"].get(b.name, options["policies"][".default"])
                        for b in image.bands}
            props = dict(image.props)
            props["system:id"] = options["name"]
            asset = ExportedAsset(options["name"], EeImage(tuple(bands), tuple(sorted(props.items()))), grid,
                                  {b.name: b.src.dtype.name for b in image.bands}, policies, _now_rfc3339())
            with self._lock:
                self._assets[options["name"]] = asset
            op.destination_uris = ["https://code.earthengine.google.com/?asset=" + options["name"]]
            return
        dtype = np.result_type(*[b.src.dtype for b in image.bands])
        outputs = []
        for fname, (c0, r0, w, h) in op.files:
            sub = Grid(grid.proj.with_affine(_shift(grid.proj.affine, c0, r0)), w, h)
            arrays, any_valid = [], False
            for band in image.bands:
                arr = render_band(band, sub, dtype)
                masked = np.isneginf(arr) if dtype.kind == "f" else (arr == 0)
                any_valid = any_valid or not bool(masked.all())
                if options["noData"] is not None:
                    arr = np.where(masked, np.asarray(options["noData"]).astype(dtype), arr)
                arrays.append(arr)
            if options["skipEmptyFiles"] and not any_valid:
                continue
            outputs.append((fname, _export_tiff(arrays, [b.name for b in image.bands], sub, options["noData"],
                                                options["cloudOptimized"])))
        created = time.time()
        if op.destination == "gcs":
            with self._lock:
                bucket = self.buckets[options["bucket"]]
                for fname, data in outputs:
                    bucket[fname] = StoredObject(data, "image/tiff", created, time.time_ns() // 1000)
            folder = options["prefix"].rsplit("/", 1)[0] + "/" if "/" in options["prefix"] else ""
            op.destination_uris = ["https://console.developers.google.com/storage/browser/%s/%s"
                                   % (options["bucket"], folder)]
            return
        folder_id = self._drive_folder(options.get("folder"))
        for fname, data in outputs:
            self.add_drive_file(fname, data, folder_id, created)
        op.destination_uris = ["https://drive.google.com/#folders/" + folder_id]

    def _drive_folder(self, name: Optional[str]) -> str:
        if not name:
            return self.drive_root
        with self._lock:
            folders = [f for f in self._drive.values()
                       if f["mimeType"] == FOLDER_MIME and f["name"] == name and not f["trashed"]]
        if folders:
            return max(folders, key=lambda f: f["modifiedTime"])["id"]
        return self.add_drive_folder(name)

    def _operation_json(self, op: SimOperation) -> dict:
        with op.lock:
            self._advance(op)
            now = time.monotonic()
            t = now - op.created
            meta: Dict[str, Any] = {"@type": OP_TYPE, "description": op.description, "priority": op.priority,
                                    "createTime": _now_rfc3339(op.created_wall), "type": "EXPORT_IMAGE",
                                    "attempt": 1}
            if op.final is not None:
                state = op.final
            elif op.cancel_at is not None:
                state = "CANCELLING"
            elif t < op.pending:
                state = "PENDING"
            else:
                state = "RUNNING"
            meta["state"] = state
            started = t >= op.pending or op.final in ("SUCCEEDED", "FAILED")
            if started:
                meta["startTime"] = _now_rfc3339(op.created_wall + op.pending)
            if state != "PENDING":
                frac = 1.0 if state == "SUCCEEDED" else \
                    max(0.0, min(0.99, (t - op.pending) / op.running)) if op.running > 0 else 0.99
                meta["progress"] = round(frac, 4)
                meta["stages"] = self._stages(op, frac if state != "SUCCEEDED" else 1.0)
            update = op.ended_wall if op.ended_wall else op.created_wall + min(t, op.pending + op.running)
            meta["updateTime"] = _now_rfc3339(update)
            out: Dict[str, Any] = {"name": op.name, "metadata": meta}
            if op.final is not None:
                meta["endTime"] = _now_rfc3339(op.ended_wall)
                out["done"] = True
                if op.final == "SUCCEEDED":
                    meta["destinationUris"] = list(op.destination_uris)
                    meta["batchEecuUsageSeconds"] = round(0.5 + 0.001 * (op.grid.width * op.grid.height) / 1000, 3)
                    out["response"] = {"@type": "type.googleapis.com/google.protobuf.Empty"}
                else:
                    out["error"] = dict(op.final_error)
            return out

    @staticmethod
    def _stages(op: SimOperation, frac: float) -> List[dict]:
        second = "Ingest Image" if op.destination == "asset" else "Write Files"
        total2 = max(1, len(op.files)) if op.destination != "asset" else 1
        stages = []
        for i, (name, desc, start, end, total) in enumerate((
                ("Create List of Assets", "Compute the list of files to write.", 0.0, 0.3, 1),
                (second, "Write the image.", 0.3, 1.0, total2))):
            stage = {"displayName": name}
            if frac > start or frac >= 1.0:
                done = total if frac >= end else int(math.floor(total * (frac - start) / (end - start)))
                stage.update(description=desc, completeWorkUnits=min(total, done), totalWorkUnits=total)
            stages.append(stage)
        return stages

    def list_ops(self, project: str, query: dict) -> dict:
        size = query.get("pageSize")
        try:
            size = min(500, max(1, int(size))) if size not in (None, "") else 500
        except ValueError:
            raise _field_violation("page_size", "Invalid value at 'page_size' (TYPE_INT32), \"%s\"" % size)
        start = 0
        if query.get("pageToken"):
            try:
                start = int(base64.urlsafe_b64decode(query["pageToken"].encode()).decode())
            except Exception:
                raise _bad("Invalid page token.")
        with self._lock:
            ops = [op for op in self._ops.values() if op.project == project]
        ops.sort(key=lambda o: o.created, reverse=True)
        page = ops[start:start + size]
        out: Dict[str, Any] = {"operations": [self._operation_json(op) for op in page]}
        if start + size < len(ops):
            out["nextPageToken"] = base64.urlsafe_b64encode(str(start + size).encode()).decode()
        return out

    # --- maps --------------------------------------------------------------------------
    def create_map(self, project: str, body: Any) -> dict:
        if not isinstance(body, dict):
            raise _bad("Invalid JSON payload received. Expected an object.")
        m = _strict(body, {"expression": "expression", "fileFormat": "fileFormat", "file_format": "fileFormat",
                           "bandIds": "bandIds", "band_ids": "bandIds", "visualizationOptions":
                           "visualizationOptions", "visualization_options": "visualizationOptions",
                           "name": "name"}, "")
        if m.get("fileFormat", "AUTO_JPEG_PNG") not in ("AUTO_JPEG_PNG", "PNG", "JPEG"):
            raise _bad("Map file format %s is not supported by the Earth Engine simulator." % m.get("fileFormat"))
        if m.get("visualizationOptions"):
            raise _bad("visualizationOptions are not supported by the Earth Engine simulator.")
        with self._lock:
            catalogue = dict(self.catalogue)
        result = self.evaluator_class(catalogue).evaluate(m.get("expression"))
        if isinstance(result, EeImage):
            result = default_vis(result)
        if not isinstance(result, VisImage):
            raise _bad("The expression must evaluate to an Image, not %s." % _type_of(result))
        band_ids = m.get("bandIds") or []
        if band_ids:
            raise _bad("bandIds are not supported by the Earth Engine simulator's maps.")
        name = "projects/%s/maps/%s-%s" % (project, secrets.token_hex(16), secrets.token_hex(16))
        with self._lock:
            self._maps[name] = result
        return {"name": name}

    def tile(self, project: str, map_id: str, z: int, x: int, y: int) -> bytes:
        with self._lock:
            vis = self._maps.get("projects/%s/maps/%s" % (project, map_id))
        if vis is None:
            raise ApiError(404, "Requested entity was not found.", "NOT_FOUND")
        if not 0 <= z <= 24 or not 0 <= x < 2 ** z or not 0 <= y < 2 ** z:
            raise _bad("Invalid tile coordinates %d/%d/%d." % (z, x, y))
        return render_tile(vis, z, x, y)

    # --- assets --------------------------------------------------------------------------
    def asset_resource(self, project: str, asset_path: str) -> dict:
        full = "projects/%s/assets/%s" % (project, asset_path)
        with self._lock:
            asset = self._assets.get(full)
        if asset is None:
            return super().asset_resource(project, asset_path)
        aff = {k: v for k, v in zip(_AFFINE_FIELDS, asset.grid.proj.affine) if v != 0}
        bands = []
        for b in asset.image.bands:
            spec = BandSpec(b.name, asset.dtypes[b.name], asset.grid.proj.code, asset.grid.proj.affine,
                            asset.grid.width, asset.grid.height, asset.policies[b.name])
            bands.append({"id": b.name, "dataType": spec.data_type(),
                          "grid": {"crsCode": asset.grid.proj.code, "affineTransform": aff,
                                   "dimensions": {"width": asset.grid.width, "height": asset.grid.height}},
                          "pyramidingPolicy": asset.policies[b.name]})
        return {"type": "IMAGE", "name": full, "id": full.split("/assets/", 1)[1], "updateTime": asset.update_time,
                "bands": bands, "sizeBytes": str(sum(asset.grid.width * asset.grid.height *
                                                     np.dtype(d).itemsize for d in asset.dtypes.values()))}

    # --- Cloud Storage ----------------------------------------------------------------------
    @staticmethod
    def gcs_error(code: int, message: str, reason: str) -> ApiError:
        return ApiError(code, message, None, None, [{"message": message, "domain": "global", "reason": reason}])

    def _bucket(self, bucket: str) -> Dict[str, StoredObject]:
        with self._lock:
            objects = self.buckets.get(bucket)
        if objects is None:
            raise self.gcs_error(404, "The specified bucket does not exist.", "notFound")
        return objects

    def _object_resource(self, bucket: str, name: str, obj: StoredObject, base_url: str) -> dict:
        return {"kind": "storage#object", "id": "%s/%s/%d" % (bucket, name, obj.generation),
                "selfLink": "%s/storage/v1/b/%s/o/%s" % (base_url, bucket, quote(name, safe="")),
                "mediaLink": "%s/download/storage/v1/b/%s/o/%s?generation=%d&alt=media"
                             % (base_url, bucket, quote(name, safe=""), obj.generation),
                "name": name, "bucket": bucket, "generation": str(obj.generation), "metageneration": "1",
                "contentType": obj.content_type, "storageClass": "STANDARD", "size": str(len(obj.data)),
                "md5Hash": obj.md5_b64, "crc32c": obj.crc32c_b64, "etag": "C%s" % obj.md5_b64[:10],
                "timeCreated": _now_rfc3339(obj.created), "updated": _now_rfc3339(obj.created),
                "timeStorageClassUpdated": _now_rfc3339(obj.created)}

    def gcs_list(self, bucket: str, query: dict, base_url: str) -> dict:
        objects = self._bucket(bucket)
        prefix = query.get("prefix", "")
        size = self.gcs_page_size
        if query.get("maxResults"):
            size = min(size, max(1, int(query["maxResults"])))
        with self._lock:
            names = sorted(n for n in objects if n.startswith(prefix))
        start = 0
        if query.get("pageToken"):
            try:
                start = names.index(base64.urlsafe_b64decode(query["pageToken"].encode()).decode())
            except Exception:
                raise self.gcs_error(400, "Invalid argument.", "invalid")
        page = names[start:start + size]
        out: Dict[str, Any] = {"kind": "storage#objects"}
        if page:
            out["items"] = [self._object_resource(bucket, n, objects[n], base_url) for n in page]
        if start + size < len(names):
            out["nextPageToken"] = base64.urlsafe_b64encode(names[start + size].encode()).decode()
        return out

    def gcs_object(self, bucket: str, name: str) -> StoredObject:
        objects = self._bucket(bucket)
        with self._lock:
            obj = objects.get(name)
        if obj is None:
            raise self.gcs_error(404, "No such object: %s/%s" % (bucket, name), "notFound")
        return obj

    # --- Drive ------------------------------------------------------------------------------
    @staticmethod
    def drive_error(code: int, message: str, reason: str, location: Optional[str] = None) -> ApiError:
        err = {"domain": "global", "reason": reason, "message": message}
        if location:
            err.update(locationType="parameter", location=location)
        return ApiError(code, message, None, None, [err])

    def _drive_match(self, q: str):
        """A predicate for a Drive ``q`` (the subset in the module doc) or 400 Invalid Value."""
        term = r"\s*(?:(name|mimeType)\s*(=|!=|contains)\s*'((?:[^'\\]|\\.)*)'|'((?:[^'\\]|\\.)*)'\s+in\s+parents" \
               r"|trashed\s*=\s*(true|false))\s*"
        tests = []
        rest = q.strip()
        while rest:
            m = re.match(term, rest)
            if not m:
                raise self.drive_error(400, "Invalid Value", "invalid", "q")
            field, op, value, parent, trashed = m.groups()
            unescape = lambda s: re.sub(r"\\(.)", r"\1", s)   # noqa: E731
            if field:
                value = unescape(value)
                if field == "mimeType" and op == "contains":
                    raise self.drive_error(400, "Invalid Value", "invalid", "q")
                tests.append((field, op, value))
            elif parent is not None:
                pid = unescape(parent)
                tests.append(("parents", "in", self.drive_root if pid == "root" else pid))
            else:
                tests.append(("trashed", "=", trashed == "true"))
            rest = rest[m.end():]
            if rest:
                m2 = re.match(r"and\s+", rest)
                if not m2:
                    raise self.drive_error(400, "Invalid Value", "invalid", "q")
                rest = rest[m2.end():]

        def match(f: dict) -> bool:
            for field, op, value in tests:
                if field == "parents":
                    if value not in f["parents"]:
                        return False
                elif field == "trashed":
                    if f["trashed"] != value:
                        return False
                elif op == "contains":
                    words = [f[field]] + re.split(r"\s+", f[field])
                    if not any(w.lower().startswith(value.lower()) for w in words):
                        return False
                elif (f[field] == value) != (op == "="):
                    return False
            return True
        return match

    @staticmethod
    def _drive_fields(fields: Optional[str]) -> Optional[List[str]]:
        if not fields:
            return None
        m = re.search(r"files\(([^)]*)\)", fields)
        if not m:
            return None
        return [f.strip() for f in m.group(1).split(",") if f.strip()]

    @staticmethod
    def _drive_resource(f: dict, fields: Optional[List[str]]) -> dict:
        full = {"kind": "drive#file", "id": f["id"], "name": f["name"], "mimeType": f["mimeType"],
                "parents": list(f["parents"]), "trashed": f["trashed"],
                "createdTime": _now_rfc3339(f["createdTime"]), "modifiedTime": _now_rfc3339(f["modifiedTime"])}
        if f.get("data") is not None:
            full["size"] = str(len(f["data"]))
            full["md5Checksum"] = hashlib.md5(f["data"]).hexdigest()
        keys = fields or ["kind", "id", "name", "mimeType"]
        return {k: full[k] for k in keys if k in full}

    def drive_list(self, query: dict) -> dict:
        match = self._drive_match(query.get("q", "trashed = false"))
        try:
            size = min(1000, max(1, int(query.get("pageSize") or 100)))
        except ValueError:
            raise self.drive_error(400, "Invalid Value", "invalid", "pageSize")
        with self._lock:
            files = [f for f in self._drive.values() if match(f)]
        order = (query.get("orderBy") or "").strip()
        if order:
            key, _, direction = order.partition(" ")
            if key not in ("modifiedTime", "name", "createdTime"):
                raise self.drive_error(400, "Invalid Value", "invalid", "orderBy")
            files.sort(key=lambda f: f[key], reverse=direction.strip() == "desc")
        else:
            files.sort(key=lambda f: f["id"])
        start = 0
        if query.get("pageToken"):
            try:
                start = int(base64.urlsafe_b64decode(query["pageToken"].encode()).decode())
            except Exception:
                raise self.drive_error(400, "Invalid Value", "invalid", "pageToken")
        page = files[start:start + size]
        fields = self._drive_fields(query.get("fields"))
        out: Dict[str, Any] = {"kind": "drive#fileList", "incompleteSearch": False,
                               "files": [self._drive_resource(f, fields) for f in page]}
        if start + size < len(files):
            out["nextPageToken"] = base64.urlsafe_b64encode(str(start + size).encode()).decode()
        return out

    def drive_file(self, file_id: str) -> dict:
        with self._lock:
            f = self._drive.get(file_id)
        if f is None:
            raise self.drive_error(404, "File not found: %s." % file_id, "notFound", "fileId")
        return f


class _ExportHandler(_Handler):
    """Routes the export, operation, map, Cloud Storage and Drive endpoints; the rest to ee_sim."""

    def _route(self, method: str):
        path = urlsplit(self.path).path
        for verb, endpoint, pattern in _ROUTES:
            if verb == method or (verb == "GET" and method == "HEAD"):
                m = pattern.match(path)
                if m:
                    return endpoint, m
        return None, None

    def _send_range(self, data: bytes, ctype: str, extra: dict) -> None:
        rng = self.headers.get("Range")
        if_range = self.headers.get("If-Range")
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", rng.strip()) if rng else None
        if match and (not if_range or if_range == extra.get("ETag")):
            start = int(match.group(1))
            end = int(match.group(2)) if match.group(2) else len(data) - 1
            if start >= len(data):
                self._send(416, b"", ctype, dict(extra, **{"Content-Range": "bytes */%d" % len(data)}))
                return
            end = min(end, len(data) - 1)
            extra = dict(extra, **{"Content-Range": "bytes %d-%d/%d" % (start, end, len(data))})
            self._send(206, data[start:end + 1], ctype, extra)
            return
        self._send(200, data, ctype, extra)

    def _handle(self, method: str) -> None:
        endpoint, match = self._route(method)
        if endpoint is None:
            return super()._handle(method)
        sim: ExportSimulator = self.simulator
        raw = self._read_body()
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        headers = {k.lower(): v for k, v in self.headers.items()}
        body_json = None
        if raw:
            try:
                body_json = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                body_json = None
        rec = {"endpoint": endpoint, "method": method, "path": unquote(parts.path), "query": query,
               "headers": headers, "json": body_json, "raw": raw, "status": None, "time": time.time()}
        sim._record(rec)
        if sim.latency > 0:
            time.sleep(sim.latency)
        fault = sim._next_fault(endpoint)
        host = headers.get("host") or "%s:%d" % (sim.host, sim.port)
        base_url = "http://" + host
        try:
            if fault is not None and fault[0] == "status":
                raise sim.fault_error(fault[1], fault[2], fault[3])
            if endpoint in ("gcs_list", "gcs_object", "drive_list", "drive_file"):
                self._check_storage_auth(endpoint, headers)
            else:
                sim._check_auth(headers, query)
            g = match.groups()
            if endpoint == "export":
                sim._check_project(g[1])
                if body_json is None:
                    raise _bad("Invalid JSON payload received. Unexpected token.")
                result = sim.create_export(g[1], body_json)
                if self._lose(endpoint):
                    sim._finish(rec, -1)
                    return
                sim._finish(rec, 200)
                self._send_json(result)
            elif endpoint == "operation":
                result = sim._operation_json(sim._get_op(g[1], g[2]))
                sim._finish(rec, 200)
                self._send_json(result)
            elif endpoint == "cancel":
                if body_json not in ({}, None):
                    raise _bad("Invalid JSON payload received. CancelOperationRequest has no fields.")
                result = sim.cancel_op(g[1], g[2])
                sim._finish(rec, 200)
                self._send_json(result)
            elif endpoint == "list":
                result = sim.list_ops(g[1], query)
                sim._finish(rec, 200)
                self._send_json(result)
            elif endpoint == "maps":
                sim._check_project(g[1])
                result = sim.create_map(g[1], body_json)
                sim._finish(rec, 200)
                self._send_json(result)
            elif endpoint == "tiles":
                data = sim.tile(g[1], g[2], int(g[3]), int(g[4]), int(g[5]))
                sim._finish(rec, 200)
                self._send(200, data, "image/png", {"Cache-Control": "private, max-age=3600"})
            elif endpoint == "gcs_list":
                result = sim.gcs_list(unquote(g[0]), query, base_url)
                sim._finish(rec, 200)
                self._send_json(result)
            elif endpoint == "gcs_object":
                bucket, name = unquote(g[0]), unquote(g[1])
                obj = sim.gcs_object(bucket, name)
                if query.get("alt") == "media":
                    extra = {"x-goog-hash": "crc32c=%s,md5=%s" % (obj.crc32c_b64, obj.md5_b64),
                             "x-goog-generation": str(obj.generation), "x-goog-metageneration": "1",
                             "x-goog-stored-content-length": str(len(obj.data)), "ETag": '"%s"' % hashlib.md5(
                                 obj.data).hexdigest(), "Accept-Ranges": "bytes"}
                    sim._finish(rec, 200)
                    self._send_range(obj.data, obj.content_type, extra)
                else:
                    sim._finish(rec, 200)
                    self._send_json(sim._object_resource(bucket, name, obj, base_url))
            elif endpoint == "drive_list":
                result = sim.drive_list(query)
                sim._finish(rec, 200)
                self._send_json(result)
            elif endpoint == "drive_file":
                f = sim.drive_file(unquote(g[0]))
                if query.get("alt") == "media":
                    if f.get("data") is None:
                        raise sim.drive_error(403, "Only files with binary content can be downloaded. Use Export "
                                                   "with Docs Editors files.", "fileNotDownloadable", "alt")
                    sim._finish(rec, 200)
                    self._send_range(f["data"], f["mimeType"], {"ETag": '"%s"' % hashlib.md5(
                        f["data"]).hexdigest(), "Accept-Ranges": "bytes"})
                else:
                    sim._finish(rec, 200)
                    self._send_json(sim._drive_resource(f, self._fields(query)))
        except ApiError as err:
            sim._finish(rec, err.code)
            self._send_error(err)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as exc:  # a simulator bug: answer 500 with the reason, keep serving
            sim._finish(rec, 500)
            self._send_error(ApiError(500, "Internal error encountered. (simulator: %r)" % (exc,), "INTERNAL"))

    @staticmethod
    def _fields(query: dict) -> Optional[List[str]]:
        fields = query.get("fields")
        if not fields:
            return None
        return [f.strip() for f in fields.split(",") if f.strip()]

    def _lose(self, endpoint: str) -> bool:
        sim = self.simulator
        with sim._lock:
            if sim._lost.get(endpoint, 0) <= 0:
                return False
            sim._lost[endpoint] -= 1
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        return True

    def _check_storage_auth(self, endpoint: str, headers: dict) -> None:
        sim = self.simulator
        auth = headers.get("authorization", "")
        token = auth[7:].strip() if auth.lower().startswith("bearer ") else None
        if not token or token not in sim.tokens:
            e = ApiError(401, "Invalid Credentials", None, None, [{
                "message": "Invalid Credentials", "domain": "global", "reason": "authError",
                "locationType": "header", "location": "Authorization"}])
            e.status = "UNAUTHENTICATED"
            raise e
        if endpoint.startswith("drive") and sim.drive_tokens is not None and token not in sim.drive_tokens:
            e = ApiError(403, "Request had insufficient authentication scopes.", "PERMISSION_DENIED", [{
                "@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
                "domain": "googleapis.com", "metadata": {"service": "drive.googleapis.com",
                                                         "method": "google.apps.drive.v3.DriveFiles.List"}}],
                [{"message": "Insufficient Permission", "domain": "global", "reason": "insufficientPermissions"}])
            raise e


def main(argv: Optional[List[str]] = None) -> int:
    p = argparse.ArgumentParser(description="Earth Engine batch-export loopback simulator (+ GCS, Drive, tiles)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8998)
    p.add_argument("--token", action="append", help="accepted bearer token (repeatable)")
    p.add_argument("--project", action="append", help="known project (repeatable; default: any)")
    p.add_argument("--bucket", action="append", help="existing Cloud Storage bucket (repeatable; default bkt)")
    p.add_argument("--drive-folder", action="append", default=[], help="existing Drive folder (repeatable)")
    p.add_argument("--pending", type=float, default=0.5, help="seconds an operation stays PENDING")
    p.add_argument("--running", type=float, default=3.0, help="seconds an operation stays RUNNING")
    p.add_argument("--cancelling", type=float, default=0.5, help="seconds an operation stays CANCELLING")
    p.add_argument("--latency", type=float, default=0.0, help="seconds slept per request")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--rate-429", type=float, default=0.0, help="probability of 429 on export/operation polls")
    p.add_argument("--rate-5xx", type=float, default=0.0, help="probability of 503 on export/operation polls")
    a = p.parse_args(argv)
    rates: Dict[str, Dict[Any, float]] = {"export": {}, "operation": {}}
    for endpoint in rates:
        if a.rate_429:
            rates[endpoint][429] = a.rate_429
        if a.rate_5xx:
            rates[endpoint][503] = a.rate_5xx
    sim = ExportSimulator(tokens=a.token or ["test-token"], projects=a.project, buckets=a.bucket or ["bkt"],
                          drive_folders=a.drive_folder, pending_seconds=a.pending, running_seconds=a.running,
                          cancelling_seconds=a.cancelling, latency=a.latency, seed=a.seed, fault_rates=rates,
                          host=a.host, port=a.port)
    sim.start()
    print(sim.url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
