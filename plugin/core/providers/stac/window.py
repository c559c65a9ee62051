"""Read only the area of interest of a STAC item's raster assets.

A Cloud-Optimized GeoTIFF over HTTP(S) is read through GDAL's ``/vsicurl/`` with range
requests: GDAL fetches the file's header, then only the tiles the AOI's window covers, so
the bytes transferred grow with the AOI, not with the asset.  The window is computed in the
raster's own CRS: the AOI polygon (EPSG:4326, densified as :mod:`...raster` does) is
transformed into it, burned onto the raster's grid with GDAL's cutline rule (a pixel is kept
when its centre is inside), and the window is the bounding box of the kept pixels -- no
extra row or column, no resampling, no round trip of pixels through EPSG:4326.  Pixels
outside the polygon become nodata (:mod:`...raster`'s conventions: the declared value, else
0 for integers and NaN for floats).

Each asset band becomes one window file (a tiled GeoTIFF named after the asset key); the
windows of one grid (CRS, pixel size, origin) are stacked into a band set (a VRT, bands in
the order the assets were asked for, band descriptions = asset keys), which
:mod:`.stack` turns into one Cloud-Optimized GeoTIFF per date.

An ``s3://bucket/key`` href is read through GDAL's ``/vsis3/`` in the same way (:func:`s3_options`):
anonymous requests unless the job has S3 keys (an authentication configuration of its own, never
the catalogue's), the requester-pays header and the region when the item's storage fields say so
(:mod:`.s3`), and an endpoint for S3-compatible stores (setting ``stac_s3_endpoint``).  An ``s3://``
asset that cannot be read by tiles is copied whole into the scratch folder through GDAL with the
same options (:func:`.s3.copy_object`: by chunks, cancellable, atomic), then cut.

Assets that are not COGs over HTTP -- a zip, a SAFE, netCDF, JPEG 2000, or a TIFF whose
layout is not tiled (decided from the media type, and for TIFFs from the file's own layout,
read from its header) -- are downloaded in full by the transfer engine and then cut by the
same code, from the local file.

GDAL's HTTP settings (timeouts, retries, the QGIS proxy and CA bundle of the job's session,
the headers of a private catalogue) are set as *thread-local* configuration options around
each read and restored after it, so the user's other layers never see them.  Headers are
given only for hrefs on the catalogue's own origin; with headers, where the href redirects
is found first through the plugin's own redirect rules (:func:`...transfer.http.send_following`),
and GDAL gets the final URL -- without the headers when it is on another origin -- so GDAL
(whose libcurl forwards custom headers on a redirect) never carries them elsewhere.

Reads go by chunks of whole rows of source blocks (one GDAL call fetches a chunk's blocks in
parallel range requests), and GDAL's progress callback checks the cancel token between blocks,
so a cancel lands within a block's transfer.
"""
import concurrent.futures
import contextlib
import logging
import math
import os
import re
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple
from urllib.parse import urlsplit

import numpy as np
from osgeo import gdal

from ... import logs, raster
from ...errors import CancelledError
from ...i18n import translate
from ...transfer import http as eohttp
from . import s3 as s3store

_log = logging.getLogger(__name__)

MAX_PARALLEL_ASSETS = 4          # assets of one item read at the same time (each waits on round trips)
WINDOW_BLOCK = 256               # block size of the window files
#: Most bytes of one band read by one GDAL call: the source block rows of a read are fetched together, in
#: parallel range requests (one round trip where a row-by-row read paid one per block row).
READ_CHUNK_BYTES = 32 * 1048576

#: Media types read in full, then cut (GDAL could open some through /vsicurl/, but not by tiles).
FULL_MEDIA_TYPES = ("application/zip", "application/x-zip", "application/netcdf", "application/x-netcdf",
                    "application/x-hdf", "application/x-hdf5", "image/jp2", "application/x-safe",
                    "application/octet-stream+safe")
TIFF_MEDIA_TYPES = ("image/tiff", "image/geotiff", "image/vnd.stac.geotiff")

#: GDAL configuration options this module sets (thread-local, restored after each read).
HTTP_OPTION_KEYS = ("GDAL_DISABLE_READDIR_ON_OPEN", "GDAL_HTTP_MERGE_CONSECUTIVE_RANGES", "GDAL_HTTP_TIMEOUT",
                    "GDAL_HTTP_CONNECTTIMEOUT", "GDAL_HTTP_MAX_RETRY", "GDAL_HTTP_RETRY_DELAY",
                    "GDAL_HTTP_LOW_SPEED_TIME", "GDAL_HTTP_LOW_SPEED_LIMIT", "GDAL_HTTP_HEADERS",
                    "GDAL_HTTP_USERAGENT", "GDAL_CURL_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE",
                    "GDAL_HTTP_PROXY", "GDAL_HTTPS_PROXY",
                    "CPL_VSIL_CURL_ALLOWED_EXTENSIONS")
#: The options of ``/vsis3/`` reads (:func:`s3_options`), besides the HTTP ones.
S3_OPTION_KEYS = ("AWS_NO_SIGN_REQUEST", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
                  "AWS_REQUEST_PAYER", "AWS_REGION", "AWS_S3_ENDPOINT", "AWS_HTTPS", "AWS_VIRTUAL_HOSTING")


class WindowError(raster.RasterError):
    """An asset could not be read or cut to the area of interest."""


@dataclass
class AssetRead:
    """One asset to read: ``key`` names its band(s) in the output; ``href`` is what to read (already
    signed); ``headers`` are the catalogue's credentials (given only on the catalogue's origin);
    ``band_names`` name the bands of a multi-band asset (default ``<key>_<n>``)."""
    key: str
    href: str
    media_type: str = ""
    headers: Dict[str, str] = field(default_factory=dict)
    band_names: Sequence[str] = ()
    record_key: str = ""          # the unsigned href: a full download done earlier is not done again
    storage: s3store.Storage = field(default_factory=s3store.Storage)   # s3:// hrefs: requester pays, region


@dataclass
class BandFile:
    """A window file of one band: its path, band name and grid ``(crs wkt, geotransform)``."""
    path: str
    name: str
    grid: Tuple[str, Tuple[float, ...]]
    full_download: bool = False


@dataclass
class Window:
    """A window of a raster: pixel offsets and size, its own geotransform, and which pixels the AOI keeps."""
    col: int
    row: int
    width: int
    height: int
    geotransform: Tuple[float, ...]
    crs_wkt: str
    mask: np.ndarray


# ---------------------------------------------------------------------------------------
# GDAL's HTTP settings, per read
# ---------------------------------------------------------------------------------------
def http_options(url: str, session=None, headers: Optional[Dict[str, str]] = None, timeouts=None,
                 retry=None) -> Dict[str, str]:
    """GDAL configuration options for reading ``url``: the session's proxy, CA bundle and User-Agent,
    ``timeouts`` (:class:`...http.Timeouts`) and ``retry`` (:class:`...http.RetryPolicy`) in GDAL's
    terms, ``headers``, and no directory listing or sidecar probing."""
    t = timeouts or eohttp.Timeouts()
    r = retry or eohttp.RetryPolicy()
    opts = {"GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR", "GDAL_HTTP_MERGE_CONSECUTIVE_RANGES": "YES",
            "GDAL_HTTP_TIMEOUT": str(int(math.ceil(t.read))),
            "GDAL_HTTP_CONNECTTIMEOUT": str(int(math.ceil(t.connect))),
            "GDAL_HTTP_MAX_RETRY": str(max(0, int(r.max_attempts) - 1)),
            "GDAL_HTTP_RETRY_DELAY": "{:g}".format(max(0.0, float(r.base_delay)))}
    if t.min_rate > 0 and t.rate_window > 0:
        opts["GDAL_HTTP_LOW_SPEED_LIMIT"] = str(int(t.min_rate))
        opts["GDAL_HTTP_LOW_SPEED_TIME"] = str(int(math.ceil(t.rate_window)))
    ext = os.path.splitext(urlsplit(url).path)[1]
    if ext.lower() in (".tif", ".tiff"):
        opts["CPL_VSIL_CURL_ALLOWED_EXTENSIONS"] = ext
    if headers:
        opts["GDAL_HTTP_HEADERS"] = "\r\n".join("{}: {}".format(k, v) for k, v in headers.items())
    if session is not None:
        agent = session.headers.get("User-Agent")
        if agent:
            opts["GDAL_HTTP_USERAGENT"] = agent
        if isinstance(session.verify, str) and session.verify:
            # GDAL's names of the CA bundle differ by version; Debian's GDAL 3.6 reads only SSL_CERT_FILE
            # (tests/core/test_stac_window.py: test_gdal_trusts_the_cas_of_the_session_bundle)
            for key in ("GDAL_CURL_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"):
                opts[key] = session.verify
        proxy = _proxy_for(url, getattr(session, "proxies", None) or {})
        if proxy:
            opts["GDAL_HTTP_PROXY"] = opts["GDAL_HTTPS_PROXY"] = proxy
    return opts


def s3_options(href: str, session=None, timeouts=None, retry=None, access: Optional[s3store.S3Access] = None,
               storage: Optional[s3store.Storage] = None) -> Dict[str, str]:
    """GDAL configuration options for reading the ``s3://`` ``href`` through ``/vsis3/``: those of
    :func:`http_options` (timeouts, retries, the session's proxy and CA bundle) for the URL GDAL will
    ask, then anonymous requests, or signed ones with the keys of ``access``; the endpoint of
    ``access`` (path-style URLs, http or https from its scheme); the requester-pays header and the
    region when ``storage`` says so (else GDAL's own handling)."""
    access, storage = access or s3store.S3Access(), storage or s3store.Storage()
    parts, endpoint = urlsplit(href), urlsplit(access.endpoint)
    url = ("{}://{}{}/{}{}".format(endpoint.scheme or "https", endpoint.netloc, endpoint.path.rstrip("/"),
                                   parts.netloc, parts.path) if access.endpoint
           else "https://{}.s3.amazonaws.com{}".format(parts.netloc, parts.path))
    opts = http_options(url, session, None, timeouts, retry)
    if access.signed:
        opts.update({"AWS_NO_SIGN_REQUEST": "NO", "AWS_ACCESS_KEY_ID": access.access_key_id,
                     "AWS_SECRET_ACCESS_KEY": access.secret_access_key, "AWS_SESSION_TOKEN": ""})
    else:
        opts["AWS_NO_SIGN_REQUEST"] = "YES"
    if storage.requester_pays:
        opts["AWS_REQUEST_PAYER"] = "requester"
    if storage.region:
        opts["AWS_REGION"] = storage.region
    if access.endpoint:
        opts.update({"AWS_S3_ENDPOINT": endpoint.netloc + endpoint.path.rstrip("/"),
                     "AWS_HTTPS": "YES" if endpoint.scheme == "https" else "NO", "AWS_VIRTUAL_HOSTING": "FALSE"})
    return opts


def _proxy_for(url: str, proxies: Dict[str, str]) -> Optional[str]:
    import requests.utils
    no_proxy = proxies.get("no_proxy")
    if no_proxy and requests.utils.should_bypass_proxies(url, no_proxy=no_proxy):
        return None
    return proxies.get(urlsplit(url).scheme) or proxies.get("all")


@contextlib.contextmanager
def gdal_options(options: Dict[str, str]) -> Iterator[None]:
    """Set ``options`` as thread-local GDAL configuration options, and restore what was there after."""
    previous = {key: gdal.GetThreadLocalConfigOption(key, None) for key in options}
    for key, value in options.items():
        gdal.SetThreadLocalConfigOption(key, value)
    try:
        yield
    finally:
        for key, value in previous.items():
            gdal.SetThreadLocalConfigOption(key, value)


def vsi_path(href: str) -> str:
    """The GDAL path of an asset href: ``/vsicurl/`` for http(s), ``/vsis3/`` for s3, a local path as it is."""
    parts = urlsplit(href)
    if parts.scheme in ("http", "https"):
        return "/vsicurl/" + href
    if parts.scheme == "s3":
        return "/vsis3/{}{}".format(parts.netloc, parts.path)
    if parts.scheme == "file":
        return parts.path
    return href


def is_remote(href: str) -> bool:
    return urlsplit(href).scheme in ("http", "https", "s3")


def read_in_full(media_type: str) -> bool:
    """Whether an asset of this media type is downloaded in full (not a TIFF GDAL can read by tiles)."""
    media = (media_type or "").split(";")[0].strip().lower()
    return media in FULL_MEDIA_TYPES or (bool(media) and media not in TIFF_MEDIA_TYPES)


def cloud_optimized(ds) -> bool:
    """Whether a TIFF can be read by tiles: the COG layout, or internal tiles (a striped TIFF is read in full)."""
    if (ds.GetMetadata("IMAGE_STRUCTURE") or {}).get("LAYOUT") == "COG":
        return True
    block_x, block_y = ds.GetRasterBand(1).GetBlockSize()
    return block_x < ds.RasterXSize or (block_x == ds.RasterXSize and block_y == ds.RasterYSize
                                        and ds.RasterXSize <= WINDOW_BLOCK)


def resolve(href: str, headers: Dict[str, str], origin: str, session, cancel=None,
            timeouts=None) -> Tuple[str, Dict[str, str]]:
    """The URL GDAL reads and the headers it may send: none for an href off the catalogue's
    ``origin``; with headers, the href's redirects are followed here first (the plugin's rules: no
    credential to another origin) and GDAL gets the final URL, with the headers only when it is
    still on their origin."""
    if not headers or urlsplit(href).scheme not in ("http", "https") or not eohttp.same_origin(origin, href):
        return href, {}
    response = eohttp.send_following(session, "GET", href, cancel, stream=True, timeouts=timeouts,
                                     headers=dict(headers, Range="bytes=0-0"),
                                     secrets=eohttp.Secrets(headers=tuple(headers)))
    try:
        final, status = response.url or href, response.status_code
        if status >= 400:
            body = eohttp.read_limited(response, 65536)
            raise eohttp.http_error("GET", final, status, response.reason, body,
                                    response.headers.get("Content-Type", ""))
    finally:
        response.close()
    return (final, dict(headers)) if eohttp.same_origin(href, final) else (final, {})


# ---------------------------------------------------------------------------------------
# The AOI's window
# ---------------------------------------------------------------------------------------
def aoi_window(ds, aoi_geojson: Any) -> Optional[Window]:
    """The window of ``ds`` holding every pixel whose centre lies in the EPSG:4326 polygon, and
    those pixels (``mask``); None when there is none."""
    gt = ds.GetGeoTransform(can_return_null=True)
    srs = raster._srs_of(ds)
    if gt is None or srs is None:
        raise WindowError(translate("StacWindow", "The raster has no georeferencing."))
    geom = raster._cutline_in(srs, aoi_geojson)
    minx, maxx, miny, maxy = geom.GetEnvelope()
    inv = gdal.InvGeoTransform(gt)
    corners = [gdal.ApplyGeoTransform(inv, x, y) for x in (minx, maxx) for y in (miny, maxy)]
    c0 = max(0, int(math.floor(min(c for c, _ in corners))))
    c1 = min(ds.RasterXSize, int(math.ceil(max(c for c, _ in corners))))
    r0 = max(0, int(math.floor(min(r for _, r in corners))))
    r1 = min(ds.RasterYSize, int(math.ceil(max(r for _, r in corners))))
    if c1 <= c0 or r1 <= r0:
        return None
    wkt = srs.ExportToWkt()
    mask = raster.burn_mask(geom, wkt, _sub_geotransform(gt, c0, r0), c1 - c0, r1 - r0)
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if not rows.size:
        return None
    ra, rb, ca, cb = int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1
    col, row = c0 + ca, r0 + ra
    return Window(col, row, cb - ca, rb - ra, _sub_geotransform(gt, col, row), wkt, mask[ra:rb, ca:cb])


def _sub_geotransform(gt: Sequence[float], col: int, row: int) -> Tuple[float, ...]:
    return (gt[0] + col * gt[1] + row * gt[2], gt[1], gt[2], gt[3] + col * gt[4] + row * gt[5], gt[4], gt[5])


# ---------------------------------------------------------------------------------------
# Copying a window
# ---------------------------------------------------------------------------------------
def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.\-]+", "_", str(text)).strip("_.")[:80] or "band"


def _cancelled() -> CancelledError:
    return CancelledError(translate("Jobs", "Cancelled by the user."))


def _check(cancel) -> None:
    if cancel is not None and cancel.is_cancelled():
        raise _cancelled()


def _create(path: str, window: Window, data_type: int):
    opts = raster._scratch_options() + ["BLOCKXSIZE=%d" % WINDOW_BLOCK, "BLOCKYSIZE=%d" % WINDOW_BLOCK]
    out = raster._call(translate("Raster", "write {path}").format(path=path),
                       gdal.GetDriverByName("GTiff").Create, path, window.width, window.height, 1, data_type, opts)
    out.SetGeoTransform(window.geotransform)
    out.SetProjection(window.crs_wkt)
    return out


def _read_rows(band, window: Window, row: int, height: int, cancel):
    """Rows ``row`` .. ``row + height`` of the window from ``band``; the cancel token is asked between blocks."""
    def callback(_complete, _message, _data):
        return 0 if cancel is not None and cancel.is_cancelled() else 1
    try:
        return raster.read_array(band, window.col, row, window.width, height, callback=callback)
    except raster.RasterError:
        _check(cancel)
        raise WindowError(eohttp.redact(translate("StacWindow", "GDAL could not read the window: {error}")
                                        .format(error=gdal.GetLastErrorMsg() or "?"))) from None


def _rows_per_read(band, width: int) -> int:
    """Rows of a window read at once: whole source block rows, as many as :data:`READ_CHUNK_BYTES` of
    the band allow (at least one)."""
    block = max(1, band.GetBlockSize()[1])
    row_bytes = max(1, width * gdal.GetDataTypeSize(band.DataType) // 8)
    return block * max(1, READ_CHUNK_BYTES // (row_bytes * block))


def copy_window(ds, window: Window, dests: Sequence[Tuple[str, str]], cancel=None,
                tick: Optional[Callable[[float], None]] = None) -> List[str]:
    """Write each band of ``ds`` within ``window`` to its ``(path, band name)`` of ``dests``, masked
    to the AOI; by chunks of whole source block rows (:func:`_rows_per_read`).  Written atomically
    (``.part.tif`` then rename)."""
    bands = [ds.GetRasterBand(i + 1) for i in range(ds.RasterCount)]
    src_nd, dst_nd, is_float = raster._nodata_pair(ds, None)
    outs, parts = [], [raster._part_path(path) for path, _ in dests]
    try:
        for band, part in zip(bands, parts):
            raster._remove_quietly(part)
            outs.append(_create(part, window, band.DataType))
        step = _rows_per_read(bands[0], window.width)
        row, end = window.row, window.row + window.height
        while row < end:
            _check(cancel)
            height = min(end, (row // step + 1) * step) - row       # up to a source block row boundary
            keep = window.mask[row - window.row: row - window.row + height]
            for band, out in zip(bands, outs):
                data = _read_rows(band, window, row, height, cancel)
                if is_float and not math.isnan(src_nd):
                    data[data == src_nd] = dst_nd
                data[~keep] = dst_nd
                raster.write_array(out.GetRasterBand(1), data, 0, row - window.row)
            row += height
            if tick is not None:
                tick(height / float(window.height))
        for out, (_path, name) in zip(outs, dests):
            ob = out.GetRasterBand(1)
            ob.SetNoDataValue(dst_nd)
            ob.SetDescription(name)
            out.FlushCache()
        outs = []
        for part, (path, _name) in zip(parts, dests):
            os.replace(part, path)
        return [path for path, _ in dests]
    finally:
        outs = []
        raster._remove_quietly(*parts)


# ---------------------------------------------------------------------------------------
# One asset, whole item
# ---------------------------------------------------------------------------------------
def _stop_token(cancel):
    """A cancel token that the job's token or the failure of a sibling read trips (``token.failed.set()``)."""
    from ...runner import CancelToken
    failed = threading.Event()
    token = CancelToken(lambda: failed.is_set() or (cancel is not None and cancel.is_cancelled()))
    token.failed = failed
    return token


class ItemReader:
    """Cuts the assets of one item to the AOI into window files of ``folder`` named ``<stem>_<key>.tif``.

    ``session``: the job's requests session (proxy, CA bundle, User-Agent for GDAL; the transfer
    engine's full downloads); ``origin``: the catalogue's URL (headers go to its origin only);
    ``settings``: the job's preferences (``timeouts``, ``retry``); ``s3``: how ``s3://`` hrefs are reached
    (:class:`.s3.S3Access`; default anonymous, on AWS).  ``progress(fraction)`` gets 0..1.
    """

    def __init__(self, aoi_geojson: Any, folder: str, session, origin: str, cancel=None, settings=None,
                 progress: Optional[Callable[[float], None]] = None, s3: Optional[s3store.S3Access] = None):
        self.aoi = aoi_geojson
        self.folder = folder
        self.session = session if session is not None else eohttp.make_session()
        self.origin = origin
        self.cancel = cancel
        settings = settings or {}
        self.timeouts = settings.get("timeouts")
        self.retry = settings.get("retry")
        self.progress = progress
        self.s3 = s3 or s3store.S3Access()
        self._lock = threading.Lock()
        self._done: Dict[int, float] = {}

    def read(self, assets: Sequence[AssetRead], stem: str) -> List[BandFile]:
        """The window files of every asset band, in the order asked ([] when the AOI misses the item)."""
        if not assets:
            return []
        os.makedirs(self.folder, exist_ok=True)
        stop = _stop_token(self.cancel)
        self._done = {}
        workers = max(1, min(len(assets), MAX_PARALLEL_ASSETS))
        results: Dict[int, List[BandFile]] = {}
        work = logs.carry(self._read_asset)         # the job's log scope and retry listeners in the threads
        with concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="eo-stac") as pool:
            futures = {pool.submit(work, i, asset, stem, stop, len(assets)): i
                       for i, asset in enumerate(assets)}
            try:
                for fut in concurrent.futures.as_completed(futures):
                    results[futures[fut]] = fut.result()
            except BaseException:
                stop.failed.set()
                raise
        return [f for i in range(len(assets)) for f in results[i]]

    def _tick(self, index: int, total: int):
        def tick(fraction: float) -> None:
            with self._lock:
                self._done[index] = min(1.0, self._done.get(index, 0.0) + fraction)
                done = sum(self._done.values()) / float(total)
            if self.progress is not None:
                self.progress(done)
        return tick

    def _read_asset(self, index: int, asset: AssetRead, stem: str, stop, total: int) -> List[BandFile]:
        tick = self._tick(index, total)
        if is_remote(asset.href) and not read_in_full(asset.media_type):
            path, opts = self._access(asset, stop)
            try:
                with gdal_options(opts):
                    ds = self._open_remote(path, asset)
                    try:
                        if cloud_optimized(ds):
                            return self._cut(ds, asset, stem, stop, tick)
                    finally:
                        ds = None
            finally:
                gdal.VSICurlPartialClearCache(path)     # nothing of it (nor of its access) stays in GDAL's cache
            _log.info(translate("StacWindow", "{key}: the file is not tiled; it is downloaded in full, then cut.")
                      .format(key=asset.key))
        local = self._download(asset, stop, lambda f: tick(0.5 * f)) if is_remote(asset.href) \
            else vsi_path(asset.href)
        ds = _open(_raster_in(local, asset.key), asset.key)
        try:
            return [BandFile(f.path, f.name, f.grid, True) for f in self._cut(ds, asset, stem, stop, tick)]
        finally:
            ds = None

    def _access(self, asset: AssetRead, stop) -> Tuple[str, Dict[str, str]]:
        """The GDAL path of a remote asset and the options of its reads."""
        if s3store.is_s3(asset.href):
            return vsi_path(asset.href), s3_options(asset.href, self.session, self.timeouts, self.retry, self.s3,
                                                    asset.storage)
        url, headers = resolve(asset.href, asset.headers, self.origin, self.session, stop, self.timeouts)
        return vsi_path(url), http_options(url, self.session, headers, self.timeouts, self.retry)

    def _open_remote(self, path: str, asset: AssetRead):
        if not s3store.is_s3(asset.href):
            return _open(path, asset.key)
        gdal.VSIErrorReset()
        try:
            return raster._open(path)
        except raster.RasterError as exc:
            raise s3store.failure(asset.key, asset.href, self.s3, asset.storage,
                                  eohttp.redact(exc.message)) from None

    def _cut(self, ds, asset: AssetRead, stem: str, stop, tick) -> List[BandFile]:
        window = aoi_window(ds, self.aoi)
        if window is None:
            tick(1.0)
            return []
        names = band_names(asset, ds.RasterCount)
        dests = [(os.path.join(self.folder, "{}_{}.tif".format(stem, _safe(name))), name) for name in names]
        paths = copy_window(ds, window, dests, stop, tick)
        grid = (window.crs_wkt, tuple(window.geotransform))
        return [BandFile(path, name, grid) for path, name in zip(paths, names)]

    def _download(self, asset: AssetRead, stop, tick: Callable[[float], None]) -> str:
        from ...transfer import download
        folder = os.path.join(self.folder, "assets")
        if s3store.is_s3(asset.href):
            return self._copy_s3(asset, folder, stop, tick)
        headers = asset.headers if eohttp.same_origin(self.origin, asset.href) else {}
        result = download.download(asset.href, dest_dir=folder, session=self.session, headers=headers or None,
                                   cancel=stop, timeouts=self.timeouts, retry=self.retry,
                                   secrets=eohttp.Secrets(headers=tuple(headers)),
                                   record_key=asset.record_key or None, default_name=_safe(asset.key))
        return result.path

    def _copy_s3(self, asset: AssetRead, folder: str, stop, tick: Callable[[float], None]) -> str:
        """An ``s3://`` asset copied whole into ``folder`` through GDAL (the HTTP engine speaks no S3),
        named ``<hash of the href>_<object name>``; a copy recorded earlier (same href, intact) is not
        made again."""
        import hashlib
        from ...transfer import download
        from ...transfer.naming import filename_from_url
        from ...transfer.records import DownloadRecords, DownloadResult
        os.makedirs(folder, exist_ok=True)
        records, key = DownloadRecords(folder), asset.record_key or asset.href
        found = records.check(key, cancel=stop)
        if found is not None:
            return found.path
        path = vsi_path(asset.href)
        with gdal_options(s3_options(asset.href, self.session, self.timeouts, self.retry, self.s3, asset.storage)):
            try:
                gdal.VSIErrorReset()
                handle = gdal.VSIFOpenExL(path, "rb", True)
                if handle is None:
                    raise s3store.failure(asset.key, asset.href, self.s3, asset.storage, "")
                try:
                    size = gdal.VSIStatL(path).size
                    prefix = hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]
                    dest = os.path.join(folder, "{}_{}".format(prefix, filename_from_url(asset.href)
                                                               or _safe(asset.key)))
                    download.check_free_space(folder, size)
                    _log.info(translate("StacS3", "{key}: copying {href} ({size} bytes) to read it in full.")
                              .format(key=asset.key, href=asset.href, size=size))
                    digest = s3store.copy_object(handle, dest, size, stop, tick)
                finally:
                    gdal.VSIFCloseL(handle)
            finally:
                gdal.VSICurlPartialClearCache(path)
        records.put(key, DownloadResult(dest, size, digest, url=asset.href))
        return dest


def band_names(asset: AssetRead, count: int) -> List[str]:
    """The output names of an asset's bands: its key for one band, else ``band_names`` or ``<key>_<n>``."""
    if count == 1:
        return [asset.key]
    given = list(asset.band_names or [])
    if len(given) == count and all(given):
        return ["{}_{}".format(asset.key, name) for name in given]
    return ["{}_{}".format(asset.key, i + 1) for i in range(count)]


def _open(path: str, key: str):
    try:
        return raster._open(path)
    except raster.RasterError as exc:
        raise WindowError(eohttp.redact(translate("StacWindow", "The asset {key} could not be opened: {error}")
                                        .format(key=key, error=exc.message))) from None


def _raster_in(path: str, key: str) -> str:
    """The raster to cut in a downloaded asset: the file itself, or the one raster of a zip (or the one
    named after the asset key)."""
    import zipfile
    if not zipfile.is_zipfile(path):
        return path
    from ..eodag import cut as product_cut
    rasters = product_cut.list_rasters(path)
    if len(rasters) == 1:
        return rasters[0][0]
    found = product_cut.find_bands(path, [key])
    if key in found:
        return found[key].path
    raise WindowError(translate("StacWindow", "The archive of asset {key} holds {n} rasters; none is named after "
                                              "the asset.").format(key=key, n=len(rasters)))


# ---------------------------------------------------------------------------------------
# Band sets
# ---------------------------------------------------------------------------------------
def grid_key(grid: Tuple[str, Tuple[float, ...]]) -> Tuple:
    """What makes windows stackable and mosaickable: the CRS, the pixel size and the origin's
    place on the pixel grid (windows of one grid are whole pixels apart)."""
    from osgeo import osr
    wkt, gt = grid
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    srs.AutoIdentifyEPSG()
    crs = "{}:{}".format(srs.GetAuthorityName(None), srs.GetAuthorityCode(None)) \
        if srs.GetAuthorityCode(None) else srs.ExportToProj4()
    phase_x = round(math.fmod(gt[0] / gt[1], 1.0) % 1.0, 6) % 1.0 if gt[1] else 0.0
    phase_y = round(math.fmod(gt[3] / gt[5], 1.0) % 1.0, 6) % 1.0 if gt[5] else 0.0
    return (crs, round(gt[1], 9), round(gt[5], 9), round(gt[2], 9), round(gt[4], 9), phase_x, phase_y)


def band_sets(files: Sequence[BandFile], dest_stem: str) -> List[Tuple[str, List[str]]]:
    """Stack window files of one window grid into a VRT each: ``[(vrt path, band names)]``, in the
    order of the first band of each; one grid gives ``<dest_stem>.vrt``, more ``<dest_stem>_<n>.vrt``."""
    groups: List[Tuple[Tuple, List[BandFile]]] = []
    for f in files:
        key = (f.grid[0], tuple(round(v, 9) for v in f.grid[1]))
        for gkey, members in groups:
            if gkey == key:
                members.append(f)
                break
        else:
            groups.append((key, [f]))
    out = []
    for n, (_key, members) in enumerate(groups, start=1):
        path = "{}.vrt".format(dest_stem) if len(groups) == 1 else "{}_{}.vrt".format(dest_stem, n)
        names = [m.name for m in members]
        raster.stack_vrt([m.path for m in members], path, band_names=names)
        out.append((path, names))
    return out


__all__ = ["AssetRead", "BandFile", "ItemReader", "Window", "WindowError", "aoi_window", "band_sets",
           "cloud_optimized", "copy_window", "gdal_options", "grid_key", "http_options", "read_in_full",
           "resolve", "vsi_path"]
