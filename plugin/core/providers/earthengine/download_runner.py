"""Runner of Earth Engine synchronous downloads: ``register_runner("ee_download", run)``.

``job.params`` (see :func:`build_params`, which Processing and the GUI share):
``image``, ``bands`` (names or dicts with ``id`` and band options), ``crs``,
``crs_transform``, ``dimensions``, ``scale``, ``format``, ``file_per_band``,
``name``, ``project``, ``aoi`` (GeoJSON in EPSG:4326, or None), ``tiling``
(default true).  Outputs go to ``job.output_dir``.  Instead of ``image``, a
``collection`` (a :class:`~plugin.core.providers.earthengine.composite.CompositeSpec` dict, see
:func:`plugin.core.providers.earthengine.params.check_collection`) downloads a composite: the collection
is searched first (no image: a clear error; the scenes are saved with
``ctx.save_server(scenes=...)``), the first scene's bands give the pixel types, and
every request carries the composite's graph instead of ``Image.load``.

Credentials: ``ctx.credentials["token_provider"]`` (a
:class:`~plugin.core.providers.earthengine.auth.TokenProvider`) or ``ctx.credentials["token"]``
(or the environment variable EO_DOWNLOADER_EE_TOKEN).  Settings (all optional):
``ee_api`` (base URL, else :func:`config.base_url`), ``ee_max_request_bytes``,
``ee_max_dimension``, ``ee_max_concurrency`` (the most requests in flight at once, default
and at most Earth Engine's 40 per project), ``ee_tile_attempts`` (default 3), ``ee_tiling``
(default true), ``retry`` / ``timeouts`` (``http.RetryPolicy`` / ``http.Timeouts`` objects).

How it runs:

1. ``GET`` the image's asset metadata (band types, native grids) and compute
   the output grid(s) and the request size as Earth Engine counts it
   (:func:`plugin.core.providers.earthengine.tiling.estimate`).
2. Within the limits: one ``getDownloadId`` request with exactly the body the
   official client sends for these options (NPY is pinned to the computed grid
   with crs + crs_transform + dimensions, so the .npy can be georeferenced).
   Over the limits, or when smaller requests are predicted to finish sooner
   (:func:`plugin.core.providers.earthengine.budget.choose_tiles`, from the latency
   measured so far): tiles on the exact output grid, each a request with crs +
   crs_transform + dimensions, fetched in parallel as the project's shared
   :class:`~plugin.core.providers.earthengine.budget.Budget` allows (it grows while
   requests succeed and halves on 429), each retried on its own (a new download id
   when one expired), a tile the server still finds too big cut in four.
3. Each piece, as soon as it is on disk and while the others download (on the process's
   few preparation threads, one per CPU, :func:`plugin.core.providers.earthengine.budget.prepare`): zip
   extracted safely, masked to the AOI polygon where the polygon cuts through it
   (a piece wholly outside is left out), and for tiled outputs given overviews.
4. Results: the pieces mosaicked (also a single piece) into one Cloud-Optimized
   GeoTIFF per output: per band ``<name>.<band>.tif`` plus a ``<name>.vrt`` stack
   for per-band formats, ``<name>.tif`` otherwise; NPY gives ``<name>.npy`` and
   ``<name>.tif``.  A tiled output is first offered as a preview
   (:meth:`RunContext.preview`: a VRT of the prepared tiles, drawn at once thanks to
   their overviews) while its GeoTIFF is written.  With :data:`GROWING_PREVIEW_MIN_PIECES`
   pieces or more, that preview already grows while the tiles land: a VRT of the tiles
   prepared so far, written at most every :data:`GROWING_PREVIEW_INTERVAL` seconds (see
   :meth:`EeDownload._grow_preview`).  Each preview VRT is a file of its own
   (``preview.<name>.<round>.vrt`` in the work folder, the last two rounds kept): the
   layer is pointed at the newest.  A cancelled job's work folder goes with them and its
   preview layer is removed; a failed job's layer is removed too, while its work folder
   (tiles and preview VRTs) stays for the retry, which reuses the tiles and writes its
   own rounds over the VRTs.

Every download id is saved with ``ctx.save_server(thumbnails={piece: name})``
before its pixels are fetched; a restarted job reuses the ids (re-created when
expired) and the pieces already on disk.
"""
import collections
import concurrent.futures
import dataclasses
import datetime
import json
import logging
import math
import os
import re
import shutil
import threading
import time
from typing import Any, Dict, List, Optional

from ... import config, logs, names, titles
from ...errors import ArchiveError, CancelledError, HttpError, ParameterError, TransferError
from ...i18n import translate
from ...job_files import scratch_dir
from ...jobs import JobState
from ...runner import CancelToken, register_runner
from ...workers import POOL
from . import auth as ee_auth
from . import budget as ee_budget
from . import collections as ee_collections
from . import composite as ee_composite
from . import expression as ee_expr
from . import params as ee_params
from . import tiling
from .client import DownloadIdExpiredError, EeClient, RequestTooLargeError

_log = logging.getLogger(__name__)

PROVIDER_ID = "ee_download"
#: The most requests in flight at once unless the setting ``ee_max_concurrency`` says fewer.
DEFAULT_CONCURRENCY = ee_budget.PROJECT_LIMIT
DEFAULT_TILE_ATTEMPTS = 3
#: A download of at least this many pieces shows its tiles on the map as they land.
GROWING_PREVIEW_MIN_PIECES = 4
#: Seconds between two rewrites of the growing preview (each one is a layer refresh on the main thread).
GROWING_PREVIEW_INTERVAL = 1.0
EXTENSIONS = {"ZIPPED_GEO_TIFF": ".zip", "ZIPPED_GEO_TIFF_PER_BAND": ".zip", "GEO_TIFF": ".tif", "NPY": ".npy"}


# ---------------------------------------------------------------------------
# Parameters shared by Processing and the GUI
# ---------------------------------------------------------------------------
def _aoi_geojson(aoi: Any) -> Optional[dict]:
    if aoi is None or aoi == "":
        return None
    if hasattr(aoi, "to_geojson"):
        return aoi.to_geojson()
    if isinstance(aoi, str):
        try:
            aoi = json.loads(aoi)
        except ValueError:
            raise ParameterError(translate("EeDownload", "The area of interest is not valid GeoJSON.")) from None
    if isinstance(aoi, dict) and aoi.get("type") == "Feature":
        aoi = aoi.get("geometry")
    if not isinstance(aoi, dict) or aoi.get("type") not in ("Polygon", "MultiPolygon"):
        raise ParameterError(translate("EeDownload", "The area of interest must be a polygon."))
    return aoi


def build_params(image: Any, bands: Any = None, band_options: Any = None, scale: Any = None,
                 crs: Any = None, crs_transform: Any = None, dimensions: Any = None, format: Any = None,  # noqa: A002 (Earth Engine's name)
                 file_per_band: Any = True, name: Any = None, project: Any = None, aoi: Any = None,
                 tiling_enabled: bool = True, collection: Any = None, date_from: Any = None,
                 date_to: Any = None, cloud_max: Any = None, cloud_mask: Any = None, mask_band: Any = None,
                 mask_threshold: Any = None, composite: Any = None) -> Dict[str, Any]:
    """Validated job params from user inputs (raises ParameterError with a clear message).

    ``bands``: comma-separated names (or a list); ``band_options``: JSON text
    ``{"B4": {"scale": 10}}`` or ``[{"id": "B4", "scale": 10}]``; ``scale``: number
    or text; ``crs``: "EPSG:32631" (empty = the image's); ``crs_transform``:
    "a,b,c,d,e,f" or a JSON list; ``dimensions``: "WxH" or one number;
    ``format``: ZIPPED_GEO_TIFF, ZIPPED_GEO_TIFF_PER_BAND, GEO_TIFF or NPY (legacy
    aliases accepted); ``aoi``: an :class:`~plugin.core.aoi.Aoi` or GeoJSON in
    EPSG:4326 (None for an exact crs + crs_transform + dimensions grid).
    ``collection`` (with ``image`` empty) and the arguments after it ask for a
    composite instead (see :mod:`plugin.core.providers.earthengine.params`, collection form).
    """
    band_list = ee_params.parse_bands(bands)
    options = ee_params.parse_band_options(band_options)
    if options:
        names = [b["id"] for b in band_list]
        unknown = [band_id for band_id in options if band_id not in names]
        if band_list and unknown:
            raise ParameterError(
                translate("EeDownload", "Band options are given for {}, which is not in the band list.")
                .format(", ".join(unknown)),
                translate("EeDownload", "Add the band to the band list, or remove its options."))
        if not band_list:
            band_list = list(options.values())
        else:
            band_list = [dict(options[b["id"]]) if b["id"] in options else b for b in band_list]
    region = _aoi_geojson(aoi)
    validated = ee_params.validate({
        "image": image, "bands": band_list, "crs": crs, "crs_transform": crs_transform,
        "dimensions": dimensions, "scale": scale, "format": format, "file_per_band": file_per_band,
        "name": name, "project": project, "region": region, "collection": collection, "date_from": date_from,
        "date_to": date_to, "cloud_max": cloud_max, "cloud_mask": cloud_mask, "mask_band": mask_band,
        "mask_threshold": mask_threshold, "composite": composite})
    extra = {"collection": validated["collection"]} if validated.get("collection") else {}
    return {**extra,
            "image": validated["image"],
            "bands": [b if len(b) > 1 else b["id"] for b in validated["bands"]],
            "crs": validated["crs"], "crs_transform": validated["crs_transform"],
            "dimensions": validated["dimensions"], "scale": validated["scale"],
            "format": validated["format"], "file_per_band": validated["file_per_band"],
            "name": validated["name"], "project": validated["project"], "aoi": region,
            "tiling": bool(tiling_enabled)}


def composite_spec(params: Dict[str, Any]) -> Optional[ee_composite.CompositeSpec]:
    """The composite of normalised params (None for a single image)."""
    spec = params.get("collection")
    return ee_composite.CompositeSpec.from_dict(spec) if spec else None


def search_scenes(client: EeClient, spec: ee_composite.CompositeSpec, region: Dict[str, Any]):
    """The scenes a composite is made of (:func:`plugin.core.providers.earthengine.collections.search`)."""
    return ee_collections.search(client, spec.collection, spec.start, spec.end, region, spec.cloud_property,
                                 spec.cloud_max)


def composite_info(spec: ee_composite.CompositeSpec, scene: tiling.ImageInfo) -> tiling.ImageInfo:
    """What a composite looks like to the estimate: the scene's bands with the composite's pixel
    types, and no native grid (a computed image: the output grid follows crs and scale)."""
    bands = []
    for band in scene.bands:
        dtype = ee_composite.output_dtype(spec.method, band.dtype)
        bands.append(tiling.BandInfo(band.id, dtype, 8 if dtype == "float64" else band.bytes))
    return tiling.ImageInfo(spec.collection, bands)


def _last_day(spec: ee_composite.CompositeSpec) -> str:
    """The last day of the composite's period (``spec.end`` is exclusive)."""
    return (datetime.date.fromisoformat(spec.end) - datetime.timedelta(days=1)).isoformat()


def result_name(params: Dict[str, Any]) -> str:
    """The base name of the files: the name given, the image, or what the composite is."""
    if params.get("name"):
        return params["name"]
    spec = composite_spec(params)
    if spec is None:
        return _safe_name(params["image"].rsplit("/", 1)[-1])
    last = _last_day(spec)
    short = ee_collections.collection_info(spec.collection).short_name
    return _safe_name(ee_composite.composite_name(short, spec, last))


_ID_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")


def image_date(image_id: str) -> Optional[str]:
    """The acquisition day written in an image id (``..._20230605T105031_...``, ``..._20230514``),
    as ``YYYY-MM-DD``; None when the id holds no date."""
    match = _ID_DATE.search((image_id or "").rsplit("/", 1)[-1])
    if not match:
        return None
    try:
        return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
    except ValueError:
        return None


def result_title(params: Dict[str, Any]) -> str:
    """What a job and its layer group are called (:func:`...titles.job_title`): the composite
    (``S2 L2A median 2023-06-01..2023-08-31 · 12 ha``), or the image by its collection, date and
    what else its id tells apart (``S2 L2A T31TCJ 2023-08-04 · field``)."""
    spec = composite_spec(params)
    if spec is not None:
        short = ee_collections.collection_info(spec.collection).short_name
        return titles.job_title(ee_composite.composite_name(short, spec, _last_day(spec)), None, params)
    image = str(params.get("image") or "")
    day = image_date(image)
    if not day or "/" not in image:
        return titles.job_title(image, day, params)
    collection, tail = image.rsplit("/", 1)
    # the id's parts that are not the date (the tile, the path/row) tell two images of a day apart
    compact = day.replace("-", "")
    rest = "_".join(part for part in tail.split("_") if compact not in part)
    what = " ".join(filter(None, (ee_collections.collection_info(collection).short_name, rest)))
    return titles.job_title(what, day, params)


def acquisition_days(params: Dict[str, Any], server: Optional[Dict[str, Any]] = None) -> List[str]:
    """The days the result was acquired on, sorted: the composite's scenes (``server["scenes"]``,
    saved by the runner), or the image's: its start time as the server gave it
    (``server["acquired"]``, saved by the runner), else the date in its id."""
    if composite_spec(params) is not None:
        scenes = (server or {}).get("scenes") or []
        return sorted({str(s["time"])[:10] for s in scenes if s.get("time")})
    recorded = (server or {}).get("acquired") or []
    if recorded:
        return sorted({str(day)[:10] for day in recorded})
    day = image_date(str(params.get("image") or ""))
    return [day] if day else []


def acquisition_period(params: Dict[str, Any], server: Optional[Dict[str, Any]] = None):
    """(first day, last day) of what the result shows: its acquisition days, or a composite's
    period when its scenes are not known (an export); None for an image without a date."""
    days = acquisition_days(params, server)
    if days:
        return days[0], days[-1]
    spec = composite_spec(params)
    return (spec.start, _last_day(spec)) if spec is not None else None


def estimate_for(params: Dict[str, Any], image_info: tiling.ImageInfo,
                 limits: Optional[tiling.Limits] = None, budget: Optional[ee_budget.Budget] = None,
                 cap: Optional[int] = None) -> tiling.Estimate:
    """The dock's live estimate for job params (see :func:`build_params`): as :func:`speed_plan`
    will download it with ``budget`` (the project's; a fresh one when None)."""
    p = ee_params.validate(dict(params, region=params.get("aoi", params.get("region"))))
    est, _ = speed_plan(p, image_info, limits or tiling.Limits(), budget or ee_budget.Budget(), cap,
                        split=bool(params.get("tiling", True)))
    return est


def _limits_for(limits: tiling.Limits, est: tiling.Estimate, wanted: int):
    """(limits, estimate) giving at most ``wanted`` tiles and as close to it as the grid allows (tile
    sides are rounded to whole blocks, which can add a row of tiles: then a little bigger ones).
    Counted on ``est``'s grids, arithmetic only (the dock calls it as the user types)."""
    best = (limits, est)
    per_tile = est.bytes / float(wanted) / limits.fill
    for _ in range(8):
        trial = tiling.Limits(min(limits.max_bytes, int(math.ceil(per_tile))), limits.max_dimension, limits.fill,
                              limits.max_tiles)
        count = sum(tiling.count_tiles(o, trial) for o in est.outputs)
        if count <= wanted:
            if count > best[1].tiles:
                best = (trial, dataclasses.replace(est, tiles=count, fits=False))
            break
        per_tile *= 1.15
    return best


def speed_plan(p: Dict[str, Any], image_info: tiling.ImageInfo, limits: tiling.Limits,
               budget: ee_budget.Budget, cap: Optional[int] = None, split: bool = True):
    """(estimate, limits) of a download as it will run: the tiles Earth Engine's size limits need, or
    more, smaller ones when ``budget`` predicts they finish sooner (``split``); the estimate's
    ``requests`` (a create and a getPixels per tile) and ``seconds`` (predicted) filled in."""
    est = tiling.estimate(p, p.get("region"), image_info, limits)
    if split and est.bytes >= 2 * ee_budget.MIN_TILE_BYTES:
        most = min(max(1, limits.max_tiles // 2), 4 * budget.ceiling)
        wanted = ee_budget.choose_tiles(est.bytes, est.tiles, most, budget, cap)
        if wanted > est.tiles:
            limits, est = _limits_for(limits, est, wanted)
    est.requests = 2 * est.tiles
    est.seconds = ee_budget.predict_seconds(est.bytes, est.tiles, budget, cap)
    return est, limits


# ---------------------------------------------------------------------------
# Pieces: one getDownloadId request each
# ---------------------------------------------------------------------------
class Piece:
    """One request: ``body`` for thumbnails.create, and what its file holds."""

    def __init__(self, key: str, body: Dict[str, Any], fmt: str, bands: List[str],
                 grid: Optional[tiling.Grid] = None, tile: Optional[tiling.Tile] = None,
                 output: Optional[tiling.OutputPlan] = None, splittable: bool = False):
        self.key = key
        self.body = body
        self.format = fmt
        self.bands = bands
        self.grid = grid
        self.tile = tile
        self.output = output
        self.splittable = splittable
        self.weight = max(1, grid.pixels if grid is not None else 1) * max(1, len(bands))
        self.fraction = 0.0
        self.files: Dict[str, Optional[str]] = {}   # band id (or "all") -> GeoTIFF path (None: outside the AOI)
        self.npy: Optional[str] = None
        self.prepared = False
        self.in_ram: set = set()       # keys put in their output's RAM mosaic (EeDownload._ram)
        self.unmasked: set = set()     # keys whose file is as downloaded (in RAM only, masked there)


def _write_atomically(path: str, write) -> str:
    """``write(tmp)`` a file, then give it the name ``path`` (a reader sees a whole file or none)."""
    tmp = path[:-len(".vrt")] + ".part.vrt"
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return path


def _safe_name(text: str) -> str:
    text = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._")[:names.MAX_NAME_BYTES]
    return text or "download"


class EeDownload:
    """One job's download: plan, fetch pieces in parallel, mosaic, write outputs."""

    def __init__(self, client: EeClient, params: Dict[str, Any], output_dir: str, ctx, work_dir: str,
                 limits: Optional[tiling.Limits] = None, concurrency: int = DEFAULT_CONCURRENCY,
                 tile_attempts: int = DEFAULT_TILE_ATTEMPTS, tiling_enabled: bool = True,
                 budget: Optional[ee_budget.Budget] = None):
        self.client = client
        self.p = params
        self.output_dir = output_dir
        self.ctx = ctx
        self.work_dir = work_dir
        self.limits = limits or tiling.Limits()
        #: The most requests of this job in flight at once (the user's cap); the project's budget,
        #: shared with the other jobs of this process, decides how many below it.
        self.concurrency = max(1, int(concurrency))
        if budget is not None:
            client.budget = budget           # (a test's own): the client's other requests count in it too
        self.budget = client.budget
        self._slot = threading.local()       # when this thread's request took its slot
        client.retry = dataclasses.replace(client.retry, on_retry=self._on_retry)
        self.tile_attempts = max(1, int(tile_attempts))
        self.tiling_enabled = tiling_enabled
        self.base = result_name(params)
        self.spec = composite_spec(params)
        #: What every request downloads: the image id, or the composite's graph.
        self.source = params["image"] if self.spec is None else \
            ee_composite.composite_image(self.spec, params["region"])
        self._lock = threading.RLock()
        self._thumbs: Dict[str, str] = dict((ctx.job.server or {}).get("thumbnails") or {})
        self._pieces: List[Piece] = []
        self._progress_at = 0.0
        self._downloading = False
        self.estimate: Optional[tiling.Estimate] = None
        self.image_info: Optional[tiling.ImageInfo] = None
        self.requests_made = 0
        self._preview_round = 0                 # preview VRTs written so far (their names count up)
        self._preview_at = -GROWING_PREVIEW_INTERVAL
        self._preview_shown = 0                 # pieces in the last growing preview
        self._preview_files: List[List[str]] = []   # the files of each round still on disk
        #: The small outputs assembled in RAM while their tiles land, by key ("all" or a band): see
        #: :meth:`_plan_ram`.
        self._ram: Dict[str, Any] = {}
        # Cancelled by the user (ctx.cancel) or by this download when a piece failed for good.
        self.cancel = CancelToken(is_cancelled=ctx.cancel.is_cancelled)
        client.cancel = self.cancel

    # -- planning -------------------------------------------------------------
    def _tile_body(self, bands: List[str], grid: tiling.Grid, fmt: str) -> Dict[str, Any]:
        opts = {"bands": list(bands), "crs": grid.crs, "crs_transform": list(grid.transform),
                "dimensions": [grid.width, grid.height], "format": fmt, "filePerBand": True}
        if self.p.get("name"):
            opts["name"] = self.p["name"]
        return ee_expr.thumbnail_body(self.source, opts)

    def _official_piece(self) -> Piece:
        opts = ee_params.to_download_params(self.p)
        body = ee_expr.thumbnail_body(self.source, opts)
        bands = tiling.selected_bands(self.p, self.image_info)
        return Piece("single", body, self.p["format"], [b["id"] for b in bands])

    def _tile_pieces(self, outputs: List[tiling.OutputPlan]) -> List[Piece]:
        fmt = self.p["format"]
        pieces = []
        for out in outputs:
            tiles = out.tiles or tiling.plan_tiles(out, self.limits)
            for tile in tiles:
                pieces.append(Piece(tile.key, self._tile_body(tile.bands, tile.grid, fmt), fmt, list(tile.bands),
                                    grid=tile.grid, tile=tile, output=out, splittable=True))
        return pieces

    def _composite_info(self) -> tiling.ImageInfo:
        found = search_scenes(self.client, self.spec, self.p["region"])
        if not found.scenes:
            raise ParameterError(
                translate("EeDownload", "No image of {} covers the area between {} and {} with these "
                                        "criteria.").format(self.spec.collection, self.spec.start,
                                                            _last_day(self.spec)),
                translate("EeDownload", "Widen the dates, raise the cloud cover limit, or check the area."))
        self.ctx.save_server(scenes=[{"id": s.id, "time": s.time, "cloud": s.cloud} for s in found.scenes])
        _log.info("Earth Engine composite of {} image(s){}".format(
            len(found.scenes), " (listing capped)" if found.truncated else ""))
        first = found.scenes[0].id
        return composite_info(self.spec, tiling.ImageInfo.from_asset(self.client.get_asset(first), first))

    def plan(self) -> List[Piece]:
        if self.spec is not None:
            self.image_info = self._composite_info()
        else:
            asset = self.client.get_asset(self.p["image"])
            self.image_info = tiling.ImageInfo.from_asset(asset, self.p["image"])
            if asset.get("startTime"):      # the acquisition day, for ids that do not tell it
                self.ctx.save_server(acquired=[str(asset["startTime"])[:10]])
        # A restarted job keeps the tiles it chose (their files and ids are reused), whatever the budget
        # predicts now.
        chosen = ((self.ctx.job.server or {}).get("plan") or {}).get("tile_bytes")
        if chosen:
            self.limits = dataclasses.replace(self.limits, max_bytes=min(self.limits.max_bytes, int(chosen)))
        est, self.limits = speed_plan(self.p, self.image_info, self.limits, self.budget, self.concurrency,
                                      split=self.tiling_enabled and not chosen)
        self.estimate = est
        _log.info("Earth Engine download: {}".format(est.describe()))
        if est.bytes > tiling.LARGE_DOWNLOAD_BYTES:     # (the dock asked first; Processing's log says so)
            _log.warning(translate("EeDownload", "This download is large: about {:,.1f} GiB.").format(
                est.bytes / float(1 << 30)))
        if est.fits or not self.tiling_enabled:
            if self.p["format"] == "NPY" and est.fits:
                out = est.outputs[0]
                out.tiles = [tiling.Tile("npy", list(out.bands), out.grid)]
                pieces = self._tile_pieces([out])
                pieces[0].splittable = False
                return pieces
            return [self._official_piece()]
        return self._tile_pieces(est.outputs)

    # -- fetching -------------------------------------------------------------
    def _save_thumb(self, key: str, name: Optional[str]) -> None:
        with self._lock:
            if name is None:
                self._thumbs.pop(key, None)
            else:
                self._thumbs[key] = name
            self.ctx.save_server(thumbnails=dict(self._thumbs))

    def _report(self, message: str = "", force: bool = False) -> None:
        with self._lock:
            now = time.monotonic()
            if not force and now - self._progress_at < 0.2:
                return
            self._progress_at = now
            total = sum(p.weight for p in self._pieces) or 1
            done = sum(p.weight * p.fraction for p in self._pieces)
            complete = sum(1 for p in self._pieces if p.fraction >= 1.0)
            percent = 5.0 + 85.0 * done / total
            text = message or translate("EeDownload", "Downloaded {} of {} piece(s)").format(
                complete, len(self._pieces))
        self.ctx.progress(percent, text)

    def _piece_path(self, piece: Piece) -> str:
        return os.path.join(self.work_dir, piece.key + EXTENSIONS.get(piece.format, ".bin"))

    def _create(self, piece: Piece) -> str:
        self.cancel.raise_if_cancelled()
        with self._lock:
            self.requests_made += 1
        name = self.client.create_download_id(piece.body)
        self._save_thumb(piece.key, name)
        return name

    def _piece_bytes(self, piece: Piece) -> int:
        """The size of a piece's request as Earth Engine counts it."""
        if piece.output is not None and piece.grid is not None:
            return piece.grid.pixels * piece.output.bytes_per_pixel
        return self.estimate.bytes if self.estimate is not None else 0

    def _on_retry(self, status: int, retry_after: Optional[float]) -> None:
        """The client is about to retry an error status: a 429 slows the project's budget down."""
        if status == 429:
            started = getattr(self._slot, "started", None)
            self.budget.throttled(self.budget.clock() if started is None else started, retry_after)

    def _transfer(self, piece: Piece, name: Optional[str], dest: str) -> None:
        """Create the download id (unless ``name``) and fetch the pixels into ``dest``, holding one of the
        project's request slots (:class:`~plugin.core.providers.earthengine.budget.Budget`) meanwhile."""
        started = self._slot.started = self.budget.acquire(self.cancel, self.concurrency)
        try:
            if name is None:
                name = self._create(piece)
            with self._lock:
                if not self._downloading:
                    self._downloading = True
                    self.ctx.set_state(JobState.DOWNLOADING, translate("EeDownload", "Downloading"))

            def progress(prog, piece=piece):
                if prog.total:
                    piece.fraction = min(0.99, prog.done / float(prog.total))
                self._report()
            self.client.download(name, dest, progress=progress)
        except BaseException:
            self.budget.failed()
            raise
        finally:
            self._slot.started = None
        self.budget.succeeded(started, self._piece_bytes(piece))

    def _fetch(self, piece: Piece) -> List[Piece]:  # noqa: C901 (see docs/architecture.md, exceptions)
        """Create (or reuse) the id and download; returns the pieces that replace it (split)."""
        dest = self._piece_path(piece)
        if os.path.exists(dest):
            ee_budget.prepare(lambda: self._prepare(piece), self.cancel)
            piece.fraction = 1.0
            return [piece]
        attempts = 0
        name = self._thumbs.get(piece.key)
        while True:
            attempts += 1
            try:
                self._transfer(piece, name, dest)
                ee_budget.prepare(lambda: self._prepare_timed(piece), self.cancel)
                piece.fraction = 1.0
                self._report(force=True)
                return [piece]
            except CancelledError:
                raise
            except DownloadIdExpiredError:
                # An expired (or unknown) id: create a new one, once per attempt budget.
                _log.info("Download id of {} expired; creating a new one.".format(piece.key))
                self._save_thumb(piece.key, None)
                name = None
                if attempts >= self.tile_attempts:
                    raise
            except RequestTooLargeError:
                if piece.splittable and piece.tile is not None:
                    _log.info("Earth Engine found {} too big; splitting it.".format(piece.key))
                    self._save_thumb(piece.key, None)
                    parts = []
                    for sub in tiling.split_tile(piece.tile):
                        parts.append(Piece(sub.key, self._tile_body(sub.bands, sub.grid, piece.format),
                                           piece.format, list(sub.bands), grid=sub.grid, tile=sub,
                                           output=piece.output, splittable=False))
                    return parts
                raise
            except (HttpError, TransferError, ArchiveError) as exc:
                # A corrupt or cut zip (ArchiveError) is fetched again like a failed transfer.
                retryable = getattr(exc, "retryable", False) or isinstance(exc, (TransferError, ArchiveError))
                if not retryable or attempts >= self.tile_attempts:
                    raise
                _log.info("Piece {} failed ({}); retrying it alone ({}/{}).".format(
                    piece.key, exc.message, attempts + 1, self.tile_attempts))
                self._save_thumb(piece.key, None)
                name = None
                self.cancel.sleep(min(5.0, 0.5 * attempts))

    def fetch_all(self, pieces: List[Piece]) -> List[Piece]:
        # A fresh round token: a failure of an earlier round cancelled the previous one.
        self.cancel = CancelToken(is_cancelled=self.ctx.cancel.is_cancelled)
        self.client.cancel = self.cancel
        self._pieces = list(pieces)
        self._plan_ram(self._pieces)
        finished: List[Piece] = []
        self._report(force=True)
        # At most this many pieces run at once (each on a thread of the process's pool, most of them
        # waiting for the budget's slot); the threads the first round needs (a piece's and its
        # request's) are started before any works, while that is cheap (plugin/core/workers.py).
        workers = max(1, min(self.concurrency, self.budget.ceiling))
        queued = collections.deque(pieces)
        pending: Dict[concurrent.futures.Future, Piece] = {}
        fetch = logs.carry(self._fetch)      # the job's log scope in the pool's threads
        POOL.reserve(min(len(queued), workers) + min(len(queued), self.budget.limit(self.concurrency)))

        def fill():
            while queued and len(pending) < workers:
                piece = queued.popleft()
                pending[POOL.submit(fetch, piece, name="ee-tile")] = piece
        try:
            fill()
            while pending:
                done, _ = concurrent.futures.wait(list(pending), timeout=0.2,
                                                  return_when=concurrent.futures.FIRST_COMPLETED)
                self.cancel.raise_if_cancelled()
                for fut in done:
                    piece = pending.pop(fut)
                    result = fut.result()   # raises the piece's final error
                    if len(result) == 1 and result[0] is piece:
                        finished.append(piece)
                        continue
                    with self._lock:
                        self._pieces.remove(piece)
                        self._pieces.extend(result)
                    queued.extendleft(reversed(result))
                fill()
                if pending:
                    self._grow_preview(finished)
        except BaseException:
            # Stop the other pieces at once (their threads see the cancel) before reporting.
            self.cancel.cancel()
            queued.clear()
            for fut in pending:
                fut.cancel()
            concurrent.futures.wait(list(pending))
            raise
        return finished

    # -- results --------------------------------------------------------------
    def _band_file(self, files: List[str], band: str) -> Optional[str]:
        suffix = "." + band + ".tif"
        matches = [f for f in files if os.path.basename(f).endswith(suffix)]
        if not matches:
            return None
        return min(matches, key=lambda f: len(os.path.basename(f)))

    def unpack(self, piece: Piece) -> None:
        from ...transfer import archive
        from ... import raster
        path = self._piece_path(piece)
        if piece.format in ("ZIPPED_GEO_TIFF", "ZIPPED_GEO_TIFF_PER_BAND"):
            folder = os.path.join(self.work_dir, piece.key)
            if os.path.isdir(folder):
                shutil.rmtree(folder)
            files = [f for f in archive.safe_extract(path, folder, cancel=self.ctx.cancel)
                     if f.lower().endswith((".tif", ".tiff"))]
            if not files:
                raise TransferError(translate("EeDownload", "The Earth Engine zip {} holds no GeoTIFF.")
                                    .format(os.path.basename(path)))
            if piece.format == "ZIPPED_GEO_TIFF_PER_BAND":
                for band in piece.bands:
                    found = self._band_file(files, band)
                    if found is None:
                        raise TransferError(translate("EeDownload", "The Earth Engine zip {} has no file for "
                                                                    "band {}.").format(os.path.basename(path),
                                                                                       band))
                    piece.files[band] = found
            else:
                piece.files["all"] = sorted(files)[0]
        elif piece.format == "GEO_TIFF":
            piece.files["all"] = path
        elif piece.format == "NPY":
            tif = os.path.join(self.work_dir, piece.key + ".tif")
            grid = piece.grid
            raster.npy_to_geotiff(path, tif, crs=grid.crs, transform=grid.gdal_geotransform(),
                                  band_names=list(piece.bands))
            piece.npy = path
            piece.files["all"] = tif
        for key, found in piece.files.items():
            raster.check_image(found, self.expected_shape(piece, key))

    @staticmethod
    def expected_shape(piece: Piece, key: str):
        """What the file of ``key`` (a band, or "all") of a piece asked for on an exact grid must be:
        ``(width, height, band count, numpy data type or None)``; None for the official request,
        whose grid Earth Engine chooses."""
        if piece.grid is None:
            return None
        bands = [key] if key != "all" else list(piece.bands)
        dtypes = [piece.output.dtypes.get(b) for b in bands] if piece.output is not None else [None]
        dtype = None
        if all(dtypes):
            import numpy as np
            dtype = np.result_type(*dtypes).name
        return piece.grid.width, piece.grid.height, len(bands), dtype

    @staticmethod
    def _tiled(piece: Piece) -> bool:
        """Whether a piece is one tile of a larger output (its files get overviews, its output a preview)."""
        return piece.output is not None and piece.grid is not None and piece.grid != piece.output.grid

    @staticmethod
    def _raw_bytes(output: tiling.OutputPlan) -> int:
        """The bytes of an output's pixels (Earth Engine's count less its mask byte per band)."""
        return output.grid.pixels * max(1, output.bytes_per_pixel - len(output.bands))

    def _prepare(self, piece: Piece) -> None:
        """Unpack a fetched piece and make its GeoTIFFs ready to combine (on a preparation thread, while
        the other pieces download): masked to the AOI where the polygon cuts through them, left out when
        wholly outside.  A small tiled output's tiles are masked into its RAM mosaic (:meth:`_plan_ram`),
        and their files masked too only for a preview (drawn without overviews); a larger output's files
        are rewritten uncompressed with overviews (for the preview, and copied into the COG, not
        computed again)."""
        from ... import raster
        self.unpack(piece)
        region = self.p.get("region")
        factors = ()
        if self._tiled(piece) and self._raw_bytes(piece.output) > raster.SMALL_COG_BYTES:
            factors = raster.overview_factors(piece.output.grid.width, piece.output.grid.height)
        for key, path in list(piece.files.items()):
            ram = self._ram.get(key)
            if ram is None:
                piece.files[key] = raster.prepare_tile(path, region, factors=factors, cancel=self.cancel)
                continue
            kept = ram.put(path, region, cancel=self.cancel)
            piece.in_ram.add(key)
            if kept is not None and self.ctx.shows_previews:     # the preview draws the masked file
                kept = raster.prepare_tile(path, region, factors=factors, cancel=self.cancel)
            elif kept is not None:
                piece.unmasked.add(key)
            piece.files[key] = kept
        piece.prepared = True

    def _plan_ram(self, pieces: List[Piece]) -> None:
        """The RAM mosaics of this round's small tiled outputs (:class:`...raster.RamMosaic`): their
        tiles are masked into them as they land, and their COGs written from there; at most
        :data:`...raster.SMALL_COG_BYTES` for all of them together.  Others go through files."""
        from ... import raster
        self._ram = {}
        if self.p["format"] == "NPY" or not any(self._tiled(p) for p in pieces):
            return
        import numpy as np
        room = raster.SMALL_COG_BYTES
        plans, _stack = self._output_plans(pieces)
        for plan_pieces, key, _dest, grid, labels in plans:
            output = plan_pieces[0].output if plan_pieces else None
            if grid is None or output is None:
                continue
            bands = [key] if key != "all" else list(output.bands)
            types = [output.dtypes.get(b) for b in bands]
            if not all(types):
                continue
            size = grid.pixels * len(bands) * np.result_type(*types).itemsize
            if size <= room:
                room -= size
                self._ram[key] = raster.RamMosaic(self._exact(grid), labels)

    def _prepare_timed(self, piece: Piece) -> None:
        """:meth:`_prepare`, its CPU time told to the budget (which learns what a tile costs the client)."""
        began = time.thread_time()
        self._prepare(piece)
        self.budget.prepared(self._piece_bytes(piece), time.thread_time() - began)

    def _assemble_npy(self, pieces: List[Piece], dest: str) -> str:
        import numpy as np
        if len(pieces) == 1 and pieces[0].tile is not None and pieces[0].tile.col == 0 \
                and pieces[0].tile.row == 0 and pieces[0].grid == pieces[0].output.grid:
            shutil.copyfile(pieces[0].npy, dest + ".tmp")
            os.replace(dest + ".tmp", dest)
            return dest
        out = pieces[0].output
        first = np.load(pieces[0].npy, mmap_mode="r")
        arr = np.lib.format.open_memmap(dest + ".tmp", mode="w+", dtype=first.dtype,
                                        shape=(out.grid.height, out.grid.width))
        for piece in pieces:
            data = np.load(piece.npy, mmap_mode="r")
            t = piece.tile
            arr[t.row:t.row + data.shape[0], t.col:t.col + data.shape[1]] = data
        arr.flush()
        del arr
        os.replace(dest + ".tmp", dest)
        return dest

    def _unprepared_files(self, pieces: List[Piece], key: str) -> List[str]:
        """The pieces' files for ``key`` as unpacked, none left out (all were outside the AOI)."""
        keep = {}
        for piece in pieces:
            piece.files.clear()
            self.unpack(piece)
            keep[piece.key] = piece.files.get(key)
        return [f for f in keep.values() if f]

    @staticmethod
    def _kept(pieces: List[Piece], key: str) -> List[str]:
        """The prepared files for ``key`` (a band, or "all") of the pieces, those outside the AOI left out."""
        return [p.files[key] for p in pieces if p.files.get(key)]

    @staticmethod
    def _exact(grid: Optional[tiling.Grid]):
        """``raster.mosaic``'s ``grid`` argument for an output grid (None: the tiles' union)."""
        return (grid.gdal_geotransform(), grid.width, grid.height) if grid is not None else None

    def _combine(self, pieces: List[Piece], key: str, dest: str, grid: Optional[tiling.Grid]) -> None:
        """The GeoTIFF ``dest`` from the prepared pieces' files for ``key`` (a band, or "all")."""
        from ... import raster
        ram = self._ram.get(key)
        if ram is not None and ram.inside and all(key in p.in_ram for p in pieces):
            ram.write(dest, cancel=self.ctx.cancel)
            return
        region = self.p.get("region")
        for piece in pieces:          # (the RAM mosaic is not whole: the files, masked now)
            if key in piece.unmasked:
                piece.files[key] = raster.prepare_tile(piece.files[key], region, cancel=self.ctx.cancel)
                piece.unmasked.discard(key)
        parts = self._kept(pieces, key)
        if parts:
            raster.mosaic(parts, dest, grid=self._exact(grid), cog=True, cancel=self.ctx.cancel)
        else:   # no pixel centre of any piece inside the AOI: the whole grid, empty
            raster.mosaic(self._unprepared_files(pieces, key), dest, cutline_geojson=self.p.get("region"),
                          grid=self._exact(grid), cog=True, cancel=self.ctx.cancel)

    def _preview_path(self, dest: str) -> str:
        """The preview VRT of the output ``dest`` in this round (a new name each round: GDAL writes a
        VRT it has open back to its path when it closes it, so a file QGIS has open is never reused)."""
        return os.path.join(self.work_dir, "preview.{}.{}.vrt".format(
            os.path.splitext(os.path.basename(dest))[0], self._preview_round))

    def _show_previews(self, plans: List[tuple], stack: Optional[tuple]) -> List[str]:
        """Offer VRTs of the prepared tiles of ``plans`` (see :meth:`_output_plans`) as previews of their
        outputs, tiled outputs only; returns the outputs shown.  Each VRT is complete before it has its
        name (written under another, then renamed), and the files of older rounds go."""
        from ... import raster
        if not self.ctx.shows_previews:
            return []
        sources = {}
        for pieces, key, dest, grid, band_names in plans:
            parts = self._kept(pieces, key)
            if not parts or not any(self._tiled(p) for p in pieces):
                return []
            sources[dest] = (parts, grid, band_names)
        self._preview_round += 1
        previews = {}
        for dest, (parts, grid, labels) in sources.items():
            def write(tmp, parts=parts, grid=grid, labels=labels):
                raster.mosaic_vrt(parts, tmp, grid=self._exact(grid), band_names=labels)
            previews[dest] = _write_atomically(self._preview_path(dest), write)
        if stack is not None:
            band_paths, stack_dest, order = stack
            bands = [previews[b] for b in band_paths]
            previews[stack_dest] = _write_atomically(self._preview_path(stack_dest),
                                                     lambda tmp: raster.stack_vrt(bands, tmp, order))
        self._forget_old_previews(list(previews.values()))
        return [dest for dest, vrt in previews.items() if self.ctx.preview(vrt, dest)]

    def _forget_old_previews(self, written: List[str]) -> None:
        """Remove the preview files of rounds before the last two (the layer and a redraw still
        in progress may read the last two)."""
        self._preview_files.append(written)
        while len(self._preview_files) > 2:
            for path in self._preview_files.pop(0):
                for name in (path, path + ".aux.xml"):
                    try:
                        os.remove(name)
                    except OSError:
                        pass

    def _grow_preview(self, finished: List[Piece]) -> None:
        """While the tiles land (a download of :data:`GROWING_PREVIEW_MIN_PIECES` pieces or more): offer
        a VRT of the pieces landed so far, on the whole output grid, as the outputs' preview -- at most
        every :data:`GROWING_PREVIEW_INTERVAL` seconds and only when more have landed.  Runs on the
        job's thread between two waits for the pieces."""
        now = time.monotonic()
        if not self.ctx.shows_previews:
            return
        with self._lock:
            planned = list(self._pieces)
        shown = sum(1 for p in finished if any(p.files.values()))     # (pieces outside the AOI add nothing)
        if len(planned) < GROWING_PREVIEW_MIN_PIECES or shown <= self._preview_shown \
                or now - self._preview_at < GROWING_PREVIEW_INTERVAL:
            return
        self._preview_at = now
        self._preview_shown = shown
        landed = {id(p) for p in finished}
        plans, stack = self._output_plans(planned)
        plans = [([p for p in pieces if id(p) in landed], key, dest, grid, names)
                 for pieces, key, dest, grid, names in plans]
        from ...raster import RasterError
        try:
            self._show_previews(plans, stack)
        except (RasterError, OSError) as exc:      # a preview is a convenience: the download goes on
            _log.debug("No growing preview this time: {}".format(exc))

    def _output_plans(self, pieces: List[Piece]):
        """``(plans, stack)``: per output file ``(its pieces, key, dest, grid, band names)``; for per-band
        formats also ``(band files, stack VRT, band order)`` (else None)."""
        grids = {b: p.output.grid for p in pieces if p.output is not None for b in p.bands}
        if self.p["format"] != "ZIPPED_GEO_TIFF_PER_BAND":
            dest = os.path.join(self.output_dir, "{}.tif".format(self.base))
            grid = pieces[0].output.grid if pieces[0].output is not None else None
            return [(pieces, "all", dest, grid, None)], None
        band_order: List[str] = []
        for piece in pieces:
            for band in piece.bands:
                if band not in band_order:
                    band_order.append(band)
        selected = [b["id"] for b in tiling.selected_bands(self.p, self.image_info)]
        band_order.sort(key=lambda b: selected.index(b) if b in selected else len(selected))
        plans = []
        for band in band_order:
            dest = os.path.join(self.output_dir, "{}.{}.tif".format(self.base, _safe_name(band)))
            plans.append(([p for p in pieces if band in p.bands], band, dest, grids.get(band), [band]))
        vrt = os.path.join(self.output_dir, "{}.vrt".format(self.base))
        return plans, ([plan[2] for plan in plans], vrt, band_order)

    def write_outputs(self, pieces: List[Piece]) -> List[str]:
        from ... import raster
        self.ctx.progress(90.0, translate("EeDownload", "Building the output files"))
        for piece in pieces:
            self.ctx.cancel.raise_if_cancelled()
            if not piece.prepared:
                self._prepare(piece)
        os.makedirs(self.output_dir, exist_ok=True)
        plans, stack = self._output_plans(pieces)
        shown = self._show_previews(plans, stack)
        if shown:
            self.ctx.progress(91.0, translate("EeDownload", "Writing {name}; a preview is on the map").format(
                name=", ".join(os.path.basename(d) for d in shown)))
        outputs: List[str] = []
        for i, (plan_pieces, key, dest, grid, _names) in enumerate(plans):
            self.ctx.cancel.raise_if_cancelled()
            self._combine(plan_pieces, key, dest, grid)
            if stack is not None:
                self.ctx.progress(90.0 + 8.0 * (i + 1) / len(plans),
                                  translate("EeDownload", "Wrote {}").format(os.path.basename(dest)))
            outputs.append(dest)
        if stack is not None:
            band_paths, vrt, band_order = stack
            raster.stack_vrt(band_paths, vrt, band_order)
            outputs.append(vrt)
        elif self.p["format"] == "NPY":
            npy = os.path.join(self.output_dir, "{}.npy".format(self.base))
            outputs.insert(0, self._assemble_npy(pieces, npy))
        return outputs

    # -- whole job ------------------------------------------------------------
    def _fetch_or_clean(self, pieces: List[Piece]) -> List[Piece]:
        """fetch_all; when it fails before anything was kept, the (empty) work folder goes too."""
        try:
            return self.fetch_all(pieces)
        except BaseException:
            try:
                os.rmdir(self.work_dir)        # only when empty: saved pieces stay for a retry
            except OSError:
                pass
            raise

    def run(self) -> List[str]:
        try:
            return self._run()
        finally:
            self._ram = {}      # (a RAM mosaic not written, the job failed: given back now, not by a GC)

    def _run(self) -> List[str]:
        self.ctx.progress(1.0, translate("EeDownload", "Reading the image's metadata"))
        pieces = self.plan()
        self.ctx.set_state(JobState.SUBMITTED, translate("EeDownload", "Requesting {} download id(s)")
                           .format(len(pieces)))
        self.ctx.save_server(plan={"pieces": len(pieces), "tiled": len(pieces) > 1 or pieces[0].key != "single",
                                   "tile_bytes": self.limits.max_bytes},
                             thumbnails=dict(self._thumbs))
        os.makedirs(self.work_dir, exist_ok=True)
        try:
            finished = self._fetch_or_clean(pieces)
        except RequestTooLargeError:
            # The server found the single request too big after all: shrink and tile once.
            if pieces[0].key != "single" or not self.tiling_enabled:
                raise
            _log.info("Earth Engine found the request too big; splitting it into tiles.")
            self.limits = tiling.Limits(self.limits.max_bytes // 2, self.limits.max_dimension, self.limits.fill,
                                        self.limits.max_tiles)
            tiling.check_tile_count(self.estimate, self.limits)
            for out in self.estimate.outputs:
                out.tiles = tiling.plan_tiles(out, self.limits)
            finished = self.fetch_all(self._tile_pieces(self.estimate.outputs))
        outputs = self.write_outputs(finished)
        self.ctx.discard(self.work_dir)      # (once no preview reads from it)
        return outputs


# ---------------------------------------------------------------------------
# Runner
# ---------------------------------------------------------------------------
def make_client(ctx, project: str) -> EeClient:
    base = ctx.settings.get("ee_api") or config.base_url("ee_api")
    provider = ee_auth.provider_from_credentials(ctx.credentials)
    return EeClient(base, project, provider, session=ctx.session, retry=ctx.settings.get("retry"),
                    timeouts=ctx.settings.get("timeouts"), cancel=ctx.cancel,
                    cap=int(ctx.setting("ee_max_concurrency", DEFAULT_CONCURRENCY)))


def run(job, ctx) -> List[str]:
    raw = dict(job.params or {})
    p = ee_params.validate(dict(raw, region=raw.get("aoi", raw.get("region"))))
    output_dir = ctx.output_dir
    client = make_client(ctx, p["project"])
    limits = tiling.Limits(max_bytes=int(ctx.setting("ee_max_request_bytes", tiling.MAX_REQUEST_BYTES)),
                           max_dimension=int(ctx.setting("ee_max_dimension", tiling.MAX_DIMENSION)))
    tiling_enabled = bool(raw.get("tiling", True)) and bool(ctx.setting("ee_tiling", True))
    download = EeDownload(client, p, output_dir, ctx, scratch_dir(output_dir, job.id),
                          limits=limits, concurrency=int(ctx.setting("ee_max_concurrency", DEFAULT_CONCURRENCY)),
                          tile_attempts=int(ctx.setting("ee_tile_attempts", DEFAULT_TILE_ATTEMPTS)),
                          tiling_enabled=tiling_enabled)
    return download.run()


register_runner(PROVIDER_ID, run)
