"""Loopback simulator of EOSDA API Connect: Download API (``lbe``) and Search API.

Behaves like the live service as described in ``shared/protocols.md`` §4
(request side documented; result side [INF] and configurable):

* ``POST /api/gdw/api`` (``type: "lbe"``): the API key as ``api_key`` query
  parameter or ``x-api-key`` header (401 JSON otherwise); required fields
  enforced with 400 JSON; answers **202** ``{status, task_id, req_id, task_timeout}``.
* ``GET /api/gdw/api/{task_id}``: ``created`` -> ``started`` -> ``processing`` ->
  finished, after a configurable number of polls (or seconds).  A finished task
  answers, by ``mode``: ``"file"`` (A) the result itself with ``Content-Type``
  image/jp2, image/tiff or application/zip and ``Content-Disposition``; ``"json"``
  (B) ``{"status": "completed", "result": [{"url": ...}]}`` whose URL the sim
  serves.  A task can fail (view id not found, unknown band, area too large,
  injected failures) with ``{"status": "failed", "errors": [...], "error_message"}``.
  Unknown task: 404 JSON.  Range requests are honoured on result files.
* Result type per the documented rule: jp2 for one Sentinel-2 band; tif for one
  band without metadata, or merged bands of one resolution without metadata;
  zip otherwise (one file per band, or per resolution group when merged, plus the
  metadata files).  Rasters are REAL JP2 (GDAL JP2OpenJPEG) / GeoTIFF files in the
  scene's CRS (UTM zone of the S2 tile, EPSG:326zz/327zz), at each band's native
  resolution, cropped to the polygon's bounding box on the band's pixel grid,
  pixels outside the polygon 0 (nodata).
* ``POST /api/lms/search/v2/{dataset}`` (and ``/api/lms/search/v2`` with
  ``search.satellites``): deterministic scenes over the AOI with view ids of the
  right form, ``dataGeometry`` footprints, date/cloud/shape filters, sort and
  paging, ``meta {found, page, limit, name}``.
* 429 with ``Retry-After`` past ``rate_limit`` requests per ``rate_window``
  seconds and key (off by default; the EOS FAQ speaks of 10 per minute).

The sim implements the result-type rule and band tables itself (it does not
import the plugin), so a client bug is not mirrored here.

Standalone: ``python -m tests.sims.eosda_sim --port 8765 --api-key KEY``.
"""
import argparse
import collections
import datetime as dt
import hashlib
import hmac
import io
import json
import math
import re
import threading
import time
import uuid
import zipfile
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qs, urlsplit

import numpy as np
from osgeo import gdal, ogr, osr
from pyproj import CRS, Transformer
from shapely.geometry import Polygon, box, mapping, shape
from shapely.ops import transform as shp_transform

from tests.sims.loopback import LoopbackServer, QuietHandler

S2_RES = {"B01": 60, "B02": 10, "B03": 10, "B04": 10, "B05": 20, "B06": 20, "B07": 20, "B08": 10,
          "B8A": 20, "B09": 60, "B10": 60, "B11": 20, "B12": 20}
LANDSAT_RES = {"B1": 30, "B2": 30, "B3": 30, "B4": 30, "B5": 30, "B6": 30, "B7": 30, "B8": 15,
               "B9": 30, "B10": 30, "B11": 30, "BQA": 30}
MODIS_RES = {"B0{}".format(i): 500 for i in range(1, 8)}
NAIP_RES = 1.0
MODIS_SINU = "+proj=sinu +lon_0=0 +x_0=0 +y_0=0 +R=6371007.181 +units=m +no_defs"
MODIS_TILE = 1111950.5197665554
MODIS_XMIN, MODIS_YMAX = -20015109.354, 10007554.677

S2_VIEW_RE = re.compile(r"^S2/(\d{1,2})/([C-HJ-NP-X])/([A-HJ-NP-Z][A-HJ-NP-V])/(\d{4})/(\d{1,2})/(\d{1,2})/(\d+)$")
LANDSAT_VIEW_RE = re.compile(r"^L([4-9])/(L[COTEM]\d{14}[A-Z]{3}\d{2}"
                             r"|L[COTEM]0\d_L[12]\w\w_\d{6}_\d{8}_\d{8}_\d{2}_\w\w)$")
MODIS_VIEW_RE = re.compile(r"^MODIS/(\d{1,2})/(\d{1,2})/(\d{7})/(\d+)$")
NAIP_VIEW_RE = re.compile(r"^NAIP/[\w.\-/]+$")

LAT_BANDS = "CDEFGHJKLMNPQRSTUVWX"
COL_SETS = ("ABCDEFGH", "JKLMNPQR", "STUVWXYZ")
ROW_LETTERS = "ABCDEFGHJKLMNPQRSTUV"

DATASETS = ("sentinel2", "landsat8", "landsat9", "naip", "modis")


class SimError(Exception):
    """A task failure with the message the server reports."""


def _h(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:12], 16)


# ---------------------------------------------------------------------------
# Geometry helpers (UTM, MGRS square, footprints)
# ---------------------------------------------------------------------------

def utm_zone(lon: float) -> int:
    return max(1, min(60, int(math.floor((lon + 180.0) / 6.0)) + 1))


def lat_band(lat: float) -> str:
    return LAT_BANDS[max(0, min(19, int(math.floor((lat + 80.0) / 8.0))))]


def utm_epsg(zone: int, north: bool) -> int:
    return (32600 if north else 32700) + zone


def mgrs_square(zone: int, easting: float, northing: float) -> str:
    cols = COL_SETS[(zone - 1) % 3]
    col = cols[max(0, min(7, int(easting // 100000) - 1))]
    rows = ROW_LETTERS if zone % 2 == 1 else ROW_LETTERS[5:] + ROW_LETTERS[:5]
    row = rows[int(northing // 100000) % 20]
    return col + row


def _to_lonlat_polygon(poly_xy: Polygon, crs) -> Dict[str, Any]:
    t = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    dens = poly_xy.segmentize(1000.0) if hasattr(poly_xy, "segmentize") else _densify(poly_xy, 20)
    geo = shp_transform(t.transform, dens)
    return json.loads(json.dumps(mapping(geo)))


def _densify(poly: Polygon, steps: int) -> Polygon:
    coords = list(poly.exterior.coords)
    out = []
    for (x0, y0), (x1, y1) in zip(coords[:-1], coords[1:]):
        for i in range(steps):
            t = i / steps
            out.append((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
    out.append(coords[-1])
    return Polygon(out)


def _with_crs(geom: Dict[str, Any]) -> Dict[str, Any]:
    g = dict(geom)
    g["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG:8.9:4326"}}
    return g


# ---------------------------------------------------------------------------
# Scene catalogue (search)
# ---------------------------------------------------------------------------

def _dates(d0: dt.date, d1: dt.date, period: int, phase: int, start: Optional[dt.date] = None):
    d = d0
    while d <= d1:
        if (d.toordinal() - phase) % period == 0 and (start is None or d >= start):
            yield d
        d += dt.timedelta(days=1)


def _cloud(view_id: str) -> float:
    return round((_h("cloud" + view_id) % 10000) / 100.0, 2)


def scenes_for(dataset: str, aoi, d0: dt.date, d1: dt.date) -> List[Dict[str, Any]]:
    """Deterministic catalogue entries of ``dataset`` over the AOI (shapely, lon/lat) and dates."""
    c = aoi.centroid
    lon, lat = c.x, c.y
    out: List[Dict[str, Any]] = []
    if dataset == "sentinel2":
        if not -80 <= lat < 84:
            return out
        zone = utm_zone(lon)
        north = lat >= 0
        crs = CRS.from_epsg(utm_epsg(zone, north))
        fwd = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
        e, n = fwd.transform(lon, lat)
        sq = mgrs_square(zone, e, n)
        band = lat_band(lat)
        x0 = (e // 100000) * 100000
        y1 = (n // 100000) * 100000 + 100000
        tile = box(x0, y1 - 109800, x0 + 109800, y1)
        footprint = _to_lonlat_polygon(tile, crs)
        origin = Transformer.from_crs(crs, "EPSG:4326", always_xy=True).transform(x0, y1)
        # One revisit every 5 days, in phase with the documented example scene S2/13/R/EL/2023/7/19/0.
        for d in _dates(d0, d1, 5, dt.date(2023, 7, 19).toordinal() % 5, dt.date(2015, 6, 27)):
            view_id = "S2/{}/{}/{}/{}/{}/{}/0".format(zone, band, sq, d.year, d.month, d.day)
            sat = "Sentinel-2A" if (d.toordinal() // 5) % 2 == 0 else "Sentinel-2B"
            out.append({
                "cloudCoverage": _cloud(view_id),
                "dataCoveragePercentage": 100.0,
                "sceneID": "S{}_tile_{}_{}{}{}_0".format(sat[-2:], d.strftime("%Y%m%d"),
                                                         zone, band, sq),
                "gridSquare": sq,
                "latitudeBand": band,
                "utmZone": zone,
                "sunElevation": round(90 - abs(lat - 23.44 * math.sin(2 * math.pi * (d.timetuple().tm_yday - 81)
                                                                      / 365.0)), 4),
                "dataGeometry": _with_crs(footprint),
                "tileGeometry": _with_crs(footprint),
                "tileOrigin": _with_crs({"type": "Point", "coordinates": list(origin)}),
                "date": d.isoformat(),
                "timestamp": "{}T{:02d}:{:02d}:00.000Z".format(d.isoformat(), 10 + _h(view_id) % 3,
                                                               _h(view_id) % 60),
                "productName": "S2{}_MSIL1C_{}T103031_N0509_R108_T{}{}{}_{}T120000".format(
                    sat[-1], d.strftime("%Y%m%d"), zone, band, sq, d.strftime("%Y%m%d")),
                "tms": "https://api-connect.eos.com/api/render/{}/{{band}}/{{z}}/{{x}}/{{y}}".format(view_id),
                "view_id": view_id,
                "satelliteName": sat,
            })
    elif dataset in ("landsat8", "landsat9"):
        mission = 8 if dataset == "landsat8" else 9
        start = dt.date(2013, 4, 11) if mission == 8 else dt.date(2021, 10, 31)
        # WRS-2-like path/row (paths numbered westward, row 60 near the equator) [approximation]
        path = int(((-64.6 - lon) % 360.0) / 360.0 * 233) + 1
        row = max(1, min(248, int(round(60 - lat / 1.44))))
        zone = utm_zone(lon)
        crs = CRS.from_epsg(utm_epsg(zone, True))
        fwd = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
        e, n = fwd.transform(lon, lat)
        dx = (_h("dx{}{}".format(path, row)) % 80000) - 40000
        dy = (_h("dy{}{}".format(path, row)) % 80000) - 40000
        scene = box(e + dx - 92500, n + dy - 92500, e + dx + 92500, n + dy + 92500)
        footprint = _to_lonlat_polygon(scene, crs)
        phase = (_h("L{}{}".format(path, row)) + (8 if mission == 9 else 0)) % 16
        for d in _dates(d0, d1, 16, phase, start):
            scene_id = "LC{}{:03d}{:03d}{}{:03d}LGN00".format(mission, path, row, d.year, d.timetuple().tm_yday)
            view_id = "L{}/{}".format(mission, scene_id)
            out.append({
                "cloudCoverage": _cloud(view_id), "sceneID": scene_id, "view_id": view_id,
                "productID": "LC0{}_L1TP_{:03d}{:03d}_{}_{}_02_T1".format(
                    mission, path, row, d.strftime("%Y%m%d"), (d + dt.timedelta(days=9)).strftime("%Y%m%d")),
                "path": path, "row": row, "date": d.isoformat(), "dataGeometry": _with_crs(footprint),
                "satelliteName": "Landsat {}".format(mission), "sensor": "OLI_TIRS",
                "sunElevation": 45.0, "dataCoveragePercentage": 100.0,
            })
    elif dataset == "modis":
        crs = CRS.from_proj4(MODIS_SINU)
        fwd = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
        x, y = fwd.transform(lon, lat)
        h = int((x - MODIS_XMIN) // MODIS_TILE)
        v = int((MODIS_YMAX - y) // MODIS_TILE)
        x0 = MODIS_XMIN + h * MODIS_TILE
        y1 = MODIS_YMAX - v * MODIS_TILE
        footprint = _to_lonlat_polygon(box(x0, y1 - MODIS_TILE, x0 + MODIS_TILE, y1), crs)
        for d in _dates(d0, d1, 1, 0, dt.date(2000, 2, 24)):
            prod = d + dt.timedelta(days=9)
            view_id = "MODIS/{:02d}/{:02d}/{}{:03d}/{}{:03d}034223".format(
                h, v, d.year, d.timetuple().tm_yday, prod.year, prod.timetuple().tm_yday)
            out.append({
                "cloudCoverage": _cloud(view_id), "sceneID": "MCD43A4.A{}{:03d}.h{:02d}v{:02d}".format(
                    d.year, d.timetuple().tm_yday, h, v),
                "view_id": view_id, "date": d.isoformat(), "dataGeometry": _with_crs(footprint),
                "satelliteName": "Terra Aqua", "horizontalTileNumber": h, "verticalTileNumber": v,
            })
    elif dataset == "naip":
        if not (-125.0 <= lon <= -66.0 and 24.0 <= lat <= 50.0):
            return out
        qlon = math.floor(lon / 0.0625) * 0.0625
        qlat = math.floor(lat / 0.0625) * 0.0625
        footprint = json.loads(json.dumps(mapping(box(qlon, qlat, qlon + 0.0625, qlat + 0.0625))))
        for year in range(2010, 2030, 2):
            d = dt.date(year, 7, 1 + _h("naip{}{}{}".format(year, qlon, qlat)) % 28)
            if not d0 <= d <= d1:
                continue
            scene_id = "m_{:02d}{:03d}{:02d}_ne_{}_060_{}".format(
                int(abs(qlat)), int(abs(qlon)), int((qlat % 1) / 0.0625 * 8 + (qlon % 1) / 0.0625) % 64,
                utm_zone(lon), d.strftime("%Y%m%d"))
            view_id = "NAIP/{}".format(scene_id)
            out.append({"cloudCoverage": 0.0, "sceneID": scene_id, "view_id": view_id, "date": d.isoformat(),
                        "dataGeometry": _with_crs(footprint), "satelliteName": "NAIP"})
    return out


# ---------------------------------------------------------------------------
# Raster production (the lbe result)
# ---------------------------------------------------------------------------

def _view_sensor(view_id: str) -> str:
    return view_id.split("/", 1)[0].upper()


def _band_table(sensor: str) -> Optional[Dict[str, float]]:
    if sensor == "S2":
        return S2_RES
    if sensor in ("L8", "L9"):
        return LANDSAT_RES
    if sensor == "MODIS":
        return MODIS_RES
    return None


def result_kind(view_id: str, bands: List[str], merge: bool, metadata: List[str]) -> str:
    """The documented result type, implemented independently of the plugin."""
    sensor = _view_sensor(view_id)
    if len(bands) == 1 and sensor == "S2":
        return "jp2"
    if len(bands) == 1 and not metadata:
        return "tif"
    if sensor == "NAIP":
        same = True
        merge = True
    else:
        table = _band_table(sensor) or {}
        same = len({table.get(b) for b in bands}) == 1 and None not in {table.get(b) for b in bands}
    if merge and same and not metadata:
        return "tif"
    return "zip"


def scene_crs(view_id: str, aoi_lonlat) -> Tuple[CRS, str]:
    sensor = _view_sensor(view_id)
    m = S2_VIEW_RE.match(view_id)
    if sensor == "S2":
        zone, band = int(m.group(1)), m.group(2)
        return CRS.from_epsg(utm_epsg(zone, band >= "N")), "EPSG:{}".format(utm_epsg(zone, band >= "N"))
    c = aoi_lonlat.centroid
    if sensor == "MODIS":
        return CRS.from_proj4(MODIS_SINU), MODIS_SINU
    if sensor == "NAIP":
        code = 26900 + utm_zone(c.x)
        return CRS.from_epsg(code), "EPSG:{}".format(code)
    code = utm_epsg(utm_zone(c.x), True)  # Landsat L1: UTM north zones
    return CRS.from_epsg(code), "EPSG:{}".format(code)


def render_band_group(view_id: str, bands: List[str], res: float, aoi_lonlat, crs: CRS,
                      max_pixels: int) -> gdal.Dataset:
    """An in-memory dataset of ``bands`` at ``res`` over the AOI's bbox, 0 outside the polygon."""
    fwd = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    geom = shp_transform(fwd.transform, aoi_lonlat)
    minx, miny, maxx, maxy = geom.bounds
    x0 = math.floor(minx / res) * res
    y1 = math.ceil(maxy / res) * res
    x1 = math.ceil(maxx / res) * res
    y0 = math.floor(miny / res) * res
    width = max(1, int(round((x1 - x0) / res)))
    height = max(1, int(round((y1 - y0) / res)))
    if width * height * len(bands) > max_pixels:
        raise SimError("The requested area is too large: {} x {} pixels at {} m exceeds the limit of {} pixels."
                       .format(width, height, res, max_pixels))
    srs = osr.SpatialReference()
    srs.ImportFromWkt(crs.to_wkt())
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    mem = gdal.GetDriverByName("MEM").Create("", width, height, len(bands), gdal.GDT_UInt16)
    mem.SetGeoTransform((x0, res, 0.0, y1, 0.0, -res))
    mem.SetProjection(srs.ExportToWkt())
    # polygon mask
    mask_ds = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
    mask_ds.SetGeoTransform((x0, res, 0.0, y1, 0.0, -res))
    mask_ds.SetProjection(srs.ExportToWkt())
    vds = ogr.GetDriverByName("Memory").CreateDataSource("aoi")
    layer = vds.CreateLayer("aoi", srs, ogr.wkbPolygon)
    feat = ogr.Feature(layer.GetLayerDefn())
    feat.SetGeometry(ogr.CreateGeometryFromWkt(geom.wkt))
    layer.CreateFeature(feat)
    gdal.RasterizeLayer(mask_ds, [1], layer, burn_values=[1])
    mask = mask_ds.GetRasterBand(1).ReadAsArray().astype(bool)
    cols = (x0 / res + np.arange(width))[None, :]
    rows = (y1 / res - np.arange(height))[:, None]
    seed = _h(view_id) % 1000
    for i, band in enumerate(bands, start=1):
        base = 400 + 150 * (sum(ord(ch) for ch in band) % 40)
        data = base + ((cols * 7 + rows * 13 + seed) % 512).astype(np.float64)
        arr = np.where(mask, data, 0).astype(np.uint16)
        rb = mem.GetRasterBand(i)
        rb.WriteArray(arr)
        rb.SetNoDataValue(0)
        rb.SetDescription(band)
    mem.SetMetadataItem("VIEW_ID", view_id)
    return mem


def _vsimem_bytes(path: str) -> bytes:
    f = gdal.VSIFOpenL(path, "rb")
    try:
        gdal.VSIFSeekL(f, 0, 2)
        size = gdal.VSIFTellL(f)
        gdal.VSIFSeekL(f, 0, 0)
        return bytes(gdal.VSIFReadL(1, size, f))
    finally:
        gdal.VSIFCloseL(f)


def encode(ds: gdal.Dataset, kind: str) -> bytes:
    path = "/vsimem/eosda_sim_{}.{}".format(uuid.uuid4().hex, kind)
    try:
        if kind == "jp2":
            out = gdal.GetDriverByName("JP2OpenJPEG").CreateCopy(path, ds, options=["REVERSIBLE=YES",
                                                                                    "QUALITY=100"])
        else:
            out = gdal.GetDriverByName("GTiff").CreateCopy(path, ds, options=["COMPRESS=DEFLATE", "TILED=NO"])
        if out is None:
            raise SimError("Could not encode the {} result: {}".format(kind, gdal.GetLastErrorMsg()))
        out.FlushCache()
        out = None
        return _vsimem_bytes(path)
    finally:
        for leftover in (path, path + ".aux.xml"):
            if gdal.VSIStatL(leftover) is not None:
                gdal.Unlink(leftover)


def produce_result(body: Dict[str, Any], max_pixels: int, missing_view_ids=()) -> Tuple[str, str, bytes]:
    """(filename, content type, bytes) of the result of an lbe request, or SimError."""
    p = body["params"]
    view_id = p["view_id"]
    bands = [str(b) for b in p["bands"]]
    merge = p.get("merge", True)
    metadata = [str(m) for m in (p.get("metadata") or [])]
    sensor = _view_sensor(view_id)
    valid = {"S2": S2_VIEW_RE, "L8": LANDSAT_VIEW_RE, "L9": LANDSAT_VIEW_RE, "L7": LANDSAT_VIEW_RE,
             "L5": LANDSAT_VIEW_RE, "MODIS": MODIS_VIEW_RE, "NAIP": NAIP_VIEW_RE}.get(sensor)
    if valid is None or not valid.match(view_id) or view_id in missing_view_ids:
        raise SimError("Scene {} not found".format(view_id))
    table = _band_table(sensor)
    if table is not None:
        unknown = [b for b in bands if b not in table]
        if unknown:
            raise SimError("Bands {} are not available for {}".format(", ".join(unknown), sensor))
    aoi = shape(p["geometry"])
    if aoi.is_empty or not aoi.is_valid:
        raise SimError("Invalid geometry")
    crs, _ = scene_crs(view_id, aoi)
    res_of = (lambda b: NAIP_RES) if sensor == "NAIP" else (lambda b: float(table.get(b, 30.0)) if table else 30.0)
    kind = result_kind(view_id, bands, merge, metadata)
    prefix = re.sub(r"[^A-Za-z0-9]+", "_", view_id).strip("_")

    def single_ext(group):
        return "jp2" if sensor == "S2" and len(group) == 1 else "tif"

    if kind in ("jp2", "tif"):
        res = res_of(bands[0])
        ds = render_band_group(view_id, bands, res, aoi, crs, max_pixels)
        name = "{}_{}.{}".format(prefix, "_".join(bands), kind)
        return name, "image/jp2" if kind == "jp2" else "image/tiff", encode(ds, kind)
    # zip: groups by resolution (merge) or one file per band; NAIP always merged
    groups: List[List[str]] = []
    if sensor == "NAIP":
        groups = [bands]
    elif merge:
        by_res: Dict[float, List[str]] = collections.OrderedDict()
        for b in bands:
            by_res.setdefault(res_of(b), []).append(b)
        groups = list(by_res.values())
    else:
        groups = [[b] for b in bands]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for group in groups:
            ext = single_ext(group)
            ds = render_band_group(view_id, group, res_of(group[0]), aoi, crs, max_pixels)
            zf.writestr("{}_{}.{}".format(prefix, "_".join(group), ext), encode(ds, ext))
        for item in metadata:
            safe = re.sub(r"[^A-Za-z0-9_.\-]+", "_", item).strip("._") or "metadata"
            fname = safe if "." in safe else safe + ".xml"
            zf.writestr(fname, ("<?xml version=\"1.0\"?>\n<metadata name=\"{}\"><view_id>{}</view_id>"
                                "<bands>{}</bands></metadata>\n").format(item, view_id, ",".join(bands)))
    return "{}_{}.zip".format(prefix, "_".join(bands)), "application/zip", buf.getvalue()


# ---------------------------------------------------------------------------
# The server
# ---------------------------------------------------------------------------

class Task:
    def __init__(self, body: Dict[str, Any], task_timeout: int):
        self.id = str(uuid.uuid4())
        self.req_id = str(uuid.uuid4())
        self.body = body
        self.created = time.time()
        self.task_timeout = task_timeout
        self.polls = 0
        self.state = "created"
        self.error: Optional[str] = None
        self.result: Optional[Tuple[str, str, bytes]] = None
        self.token = uuid.uuid4().hex
        self.callback_sent = False


class ResultStorage(LoopbackServer):
    """A storage host (another origin) serving results at pre-signed URLs, like S3 or GCS do.

    :meth:`sign` stores an object and gives its URL (``?X-Expires=...&X-Signature=<hmac>``);
    a request without the right signature gets 403.  Answers carry ``ETag``,
    ``Last-Modified``, ``Content-Disposition`` and honour ``Range``.  Like S3, a request
    that brings other credentials (``Authorization``) is refused with 400.  Every request
    is recorded (``requests``: method, path, query, lower-case headers); ``drop_next``
    cuts the next ``n`` full answers after ``at`` bytes (a connection drop mid-download).
    """

    thread_name = "eosda-storage"

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.host, self.port = host, port
        self.lock = threading.RLock()
        self.objects: Dict[str, Tuple[str, str, bytes]] = {}
        self.requests: List[Dict[str, Any]] = []
        self.drops: collections.deque = collections.deque()
        self._secret = uuid.uuid4().bytes

    def _signature(self, path: str, expires: str) -> str:
        return hmac.new(self._secret, "{}|{}".format(path, expires).encode(), hashlib.sha256).hexdigest()

    def sign(self, name: str, ctype: str, data: bytes) -> str:
        path = "/results/{}/{}".format(uuid.uuid4().hex, name)
        expires = str(int(time.time()) + 3600)
        with self.lock:
            self.objects[path] = (name, ctype, data)
        return "{}{}?X-Expires={}&X-Signature={}".format(self.url, path, expires,
                                                         self._signature(path, expires))

    def drop_next(self, count: int = 1, at: int = 1000) -> None:
        with self.lock:
            self.drops.extend([at] * count)

    def handler(self):
        return _StorageHandler


class _StorageHandler(QuietHandler):
    def do_GET(self):
        store = self.simulator
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        with store.lock:
            store.requests.append({"method": self.command, "path": parts.path, "query": query,
                                   "headers": {k.lower(): v for k, v in self.headers.items()}})
            found = store.objects.get(parts.path)
        if self.headers.get("Authorization"):
            return self.send_body(400, b"<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism "
                                       b"allowed</Message></Error>", "application/xml")
        expires = query.get("X-Expires", "")
        good = hmac.compare_digest(query.get("X-Signature", ""), store._signature(parts.path, expires))
        if found is None or not good or not expires.isdigit() or int(expires) < time.time():
            return self.send_body(403, b"<Error><Code>AccessDenied</Code><Message>Request has expired or the "
                                       b"signature does not match</Message></Error>", "application/xml")
        name, ctype, data = found
        etag = '"{}"'.format(hashlib.md5(data).hexdigest())
        headers = {"Content-Disposition": 'attachment; filename="{}"'.format(name), "Accept-Ranges": "bytes",
                   "ETag": etag, "Last-Modified": "Wed, 01 Nov 2023 10:00:00 GMT"}
        start, status = 0, 200
        m = re.match(r"^bytes=(\d+)-$", self.headers.get("Range") or "")
        if m and self.headers.get("If-Range") in (None, etag) and int(m.group(1)) < len(data):
            start, status = int(m.group(1)), 206
            headers["Content-Range"] = "bytes {}-{}/{}".format(start, len(data) - 1, len(data))
        with store.lock:
            drop = store.drops.popleft() if store.drops and status == 200 else None
        body = data[start:]
        if drop is None:
            return self.send_body(status, body, ctype, headers)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body[:drop])
        self.wfile.flush()
        self.close_connection = True
        self.connection.shutdown(2)

    def do_HEAD(self):
        self.do_GET()


class EosdaSimulator(LoopbackServer):
    """The simulated service.  ``with EosdaSimulator(...) as sim: sim.url ...``.

    Options: ``api_keys`` accepted; ``mode`` "file" (A) or "json" (B);
    ``polls_to_start``/``polls_to_done`` status requests before a task starts /
    finishes (``polls_to_done=None``: never finishes) or ``seconds_to_done``;
    ``task_timeout`` announced at create; ``rate_limit`` requests per
    ``rate_window`` seconds and key (None: off); ``missing_view_ids`` fail as
    "not found"; ``fail_message`` makes every task fail with it; ``failure_style``
    "status" (``status: failed``), "task_type" (``task_type: error``) or "errors"
    (``errors`` only); ``max_pixels`` per result; ``result_requires_key`` for
    mode-B result URLs; ``create_status`` (202 by default); ``storage`` (a
    :class:`ResultStorage`): a finished result is not served here but redirected
    (``storage_redirect``, 302 by default) to a pre-signed URL there, as services that
    keep results in object storage do.  :meth:`inject` makes
    the next API requests fail with a given status (e.g. 503); :meth:`forget`
    drops a task (404 afterwards); :meth:`replace_results` serves other bytes as the result.
    """

    def handler(self):
        return _Handler

    thread_name = "eosda-sim"

    def __init__(self, api_keys=("test-key",), mode: str = "file", polls_to_start: int = 1,
                 polls_to_done: Optional[int] = 2, seconds_to_done: Optional[float] = None,
                 task_timeout: int = 172800, rate_limit: Optional[int] = None, rate_window: float = 60.0,
                 missing_view_ids=(), fail_message: Optional[str] = None, failure_style: str = "status",
                 max_pixels: int = 40_000_000, result_requires_key: bool = False, create_status: int = 202,
                 storage: Optional[ResultStorage] = None, storage_redirect: int = 302,
                 host: str = "127.0.0.1", port: int = 0):
        self.storage = storage
        self.storage_redirect = storage_redirect
        self.api_keys = set(api_keys)
        self.mode = mode
        self.polls_to_start = polls_to_start
        self.polls_to_done = polls_to_done
        self.seconds_to_done = seconds_to_done
        self.task_timeout = task_timeout
        self.rate_limit = rate_limit
        self.rate_window = rate_window
        self.missing_view_ids = set(missing_view_ids)
        self.fail_message = fail_message
        self.failure_style = failure_style
        self.max_pixels = max_pixels
        self.result_requires_key = result_requires_key
        self.create_status = create_status
        self.host, self.port = host, port
        self.lock = threading.RLock()
        self.tasks: Dict[str, Task] = {}
        self.counters: collections.Counter = collections.Counter()
        self.requests: List[Dict[str, Any]] = []
        self.created_bodies: List[Dict[str, Any]] = []
        self.callbacks: List[Tuple[str, Dict[str, Any], Optional[str]]] = []
        self.on_create = None          # hook(task) called after a task is created
        self.faults: collections.deque = collections.deque()   # (status, path prefix) answered once each
        self.result_override: Optional[Tuple[Optional[str], str, bytes]] = None   # see replace_results
        self._hits: Dict[str, collections.deque] = collections.defaultdict(collections.deque)

    # -- test helpers -----------------------------------------------------------
    def forget(self, task_id: str) -> None:
        """Drop a task (the next status request answers 404)."""
        with self.lock:
            self.tasks.pop(task_id, None)

    def inject(self, status: int = 503, count: int = 1, path: str = "/api/") -> None:
        """Answer the next ``count`` authenticated API requests under ``path`` with ``status``."""
        with self.lock:
            for _ in range(count):
                self.faults.append((status, path))

    def replace_results(self, data: bytes, content_type: str = "image/tiff", name: Optional[str] = None) -> None:
        """Serve ``data`` as ``content_type`` (named ``name``, else the real result's name) in place
        of every finished task's result, in both modes (a proxy's page, a body damaged on the way)."""
        with self.lock:
            self.result_override = (name, content_type, data)

    def served_result(self, task: "Task") -> Tuple[str, str, bytes]:
        """(name, content type, bytes) answered for ``task``'s finished result."""
        with self.lock:
            override = self.result_override
        if override is None:
            return task.result
        return (override[0] or task.result[0], override[1], override[2])

    def take_fault(self, path: str) -> Optional[int]:
        with self.lock:
            for i, (status, prefix) in enumerate(self.faults):
                if path.startswith(prefix):
                    del self.faults[i]
                    self.counters["faults"] += 1
                    return status
        return None

    def requests_to(self, method: str, prefix: str) -> List[Dict[str, Any]]:
        with self.lock:
            return [r for r in self.requests if r["method"] == method and r["path"].startswith(prefix)]

    # -- task state -----------------------------------------------------------
    def _advance(self, task: Task) -> None:
        if task.state in ("completed", "failed"):
            return
        task.polls += 1
        done = False
        if self.seconds_to_done is not None:
            age = time.time() - task.created
            done = age >= self.seconds_to_done
            task.state = "processing" if age >= self.seconds_to_done / 2 else "started" if age > 0 else "created"
        else:
            before = task.polls - 1
            if self.polls_to_done is not None and before >= self.polls_to_done:
                done = True
            elif before >= self.polls_to_start:
                task.state = "processing" if before > self.polls_to_start else "started"
        if done:
            if self.fail_message:
                task.state, task.error = "failed", self.fail_message
            else:
                try:
                    task.result = produce_result(task.body, self.max_pixels, self.missing_view_ids)
                    task.state = "completed"
                except SimError as exc:
                    task.state, task.error = "failed", str(exc)
            self._send_callback(task)

    def _failure_payload(self, task: Task) -> Dict[str, Any]:
        if self.failure_style == "task_type":
            return {"task_id": task.id, "task_type": "error", "error_message": task.error}
        if self.failure_style == "errors":
            return {"task_id": task.id, "errors": [{"error": task.error}], "result": []}
        return {"status": "failed", "task_id": task.id, "req_id": task.req_id, "errors": [task.error],
                "error_message": task.error}

    def _result_url(self, task: Task) -> str:
        return "{}/api/gdw/results/{}/{}".format(self.url, task.token, task.result[0])

    def _send_callback(self, task: Task) -> None:
        cb = task.body.get("callback_url")
        if not cb or task.callback_sent:
            return
        task.callback_sent = True
        if task.state == "completed":
            payload = {"task_id": task.id, "req_id": task.req_id, "status": "completed",
                       "reference": task.body["params"].get("reference"),
                       "result": [{"url": self._result_url(task), "name": task.result[0]}]}
        else:
            payload = dict(self._failure_payload(task), reference=task.body["params"].get("reference"))

        def post():
            import urllib.request
            data = json.dumps(payload).encode("utf-8")
            req = urllib.request.Request(cb, data=data, headers={"Content-Type": "application/json"},
                                         method="POST")
            error = None
            try:
                urllib.request.urlopen(req, timeout=5).read()
            except Exception as exc:  # the service does not care whether the callback works
                error = str(exc)
            with self.lock:
                self.callbacks.append((cb, payload, error))

        threading.Thread(target=post, daemon=True).start()

    def rate_limited(self, key: str) -> Optional[int]:
        if not self.rate_limit:
            return None
        now = time.monotonic()
        hits = self._hits[key]
        while hits and hits[0] <= now - self.rate_window:
            hits.popleft()
        if len(hits) >= self.rate_limit:
            return max(1, int(math.ceil(hits[0] + self.rate_window - now)))
        hits.append(now)
        return None


class _Handler(QuietHandler):
    simulator: EosdaSimulator = None
    server_version = "EosdaSim/1.0"


    # -- helpers -------------------------------------------------------------
    def _send(self, status: int, payload: Any = None, headers: Optional[Dict[str, str]] = None,
              body: Optional[bytes] = None, content_type: str = "application/json") -> None:
        if body is None:
            body = json.dumps(payload).encode("utf-8") if payload is not None else b""
        self.send_body(status, body, content_type, headers)

    def _send_file(self, name: str, ctype: str, data: bytes) -> None:
        sim = self.simulator
        headers = {"Content-Disposition": 'attachment; filename="{}"'.format(name), "Accept-Ranges": "bytes"}
        rng = self.headers.get("Range")
        m = re.match(r"^bytes=(\d+)-(\d*)$", rng or "")
        if m:
            start = int(m.group(1))
            end = int(m.group(2)) if m.group(2) else len(data) - 1
            if start >= len(data):
                self._send(416, {"error": "Range Not Satisfiable"}, {"Content-Range": "bytes */{}".format(len(data))})
                return
            end = min(end, len(data) - 1)
            headers["Content-Range"] = "bytes {}-{}/{}".format(start, end, len(data))
            with sim.lock:
                sim.counters["range"] += 1
            self._send(206, headers=headers, body=data[start:end + 1], content_type=ctype)
            return
        self._send(200, headers=headers, body=data, content_type=ctype)

    def _record(self, body: Any) -> Dict[str, Any]:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        rec = {"method": self.command, "path": parts.path, "query": query,
               "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body,
               "key_in_query": "api_key" in query, "key_in_header": "x-api-key" in {k.lower() for k in self.headers}}
        with self.simulator.lock:
            self.simulator.requests.append(rec)
        return rec

    def _auth(self, rec: Dict[str, Any]) -> Optional[str]:
        sim = self.simulator
        keys = list(rec["query"].get("api_key", []))
        if rec["headers"].get("x-api-key"):
            keys.append(rec["headers"]["x-api-key"])
        good = [k for k in keys if k in sim.api_keys]
        if not good:
            with sim.lock:
                sim.counters["unauthorized"] += 1
            message = "Invalid API key" if keys else "API key is missing"
            self._send(401, {"error": "Unauthorized", "message": message, "status_code": 401})
            return None
        retry_after = None
        with sim.lock:
            retry_after = sim.rate_limited(good[0])
            if retry_after is not None:
                sim.counters["rate_limited"] += 1
        if retry_after is not None:
            self._send(429, {"error": "Too Many Requests",
                             "message": "Rate limit exceeded: {} requests per {:g} seconds".format(
                                 sim.rate_limit, sim.rate_window)},
                       {"Retry-After": str(retry_after)})
            return None
        fault = sim.take_fault(rec["path"])
        if fault is not None:
            self._send(fault, {"error": "Service Unavailable" if fault == 503 else "Error",
                               "message": "Injected fault {}".format(fault), "status_code": fault})
            return None
        return good[0]

    def _bad(self, message: str) -> None:
        with self.simulator.lock:
            self.simulator.counters["bad_request"] += 1
        self._send(400, {"error": "Bad Request", "message": message, "status_code": 400})

    def _read_json(self) -> Tuple[Any, Optional[str]]:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            return (json.loads(raw.decode("utf-8")) if raw else None), None
        except ValueError as exc:
            return None, "Body is not valid JSON: {}".format(exc)

    # -- routes ------------------------------------------------------------------
    def do_POST(self):
        body, err = self._read_json()
        rec = self._record(body)
        path = rec["path"].rstrip("/")
        if path == "/api/gdw/api":
            if self._auth(rec) is None:
                return
            if err:
                return self._bad(err)
            return self._create(body)
        if path.startswith("/api/lms/search/v2"):
            if self._auth(rec) is None:
                return
            if err:
                return self._bad(err)
            dataset = path[len("/api/lms/search/v2"):].strip("/") or None
            return self._search(dataset, body)
        self._send(404, {"error": "Not Found", "message": "No route for POST {}".format(path)})

    def do_GET(self):
        rec = self._record(None)
        path = rec["path"]
        m = re.match(r"^/api/gdw/api/([^/]+)/?$", path)
        if m:
            if self._auth(rec) is None:
                return
            return self._status(m.group(1))
        m = re.match(r"^/api/gdw/results/([0-9a-f]+)/([^/]+)$", path)
        if m:
            return self._result(m.group(1), rec)
        self._send(404, {"error": "Not Found", "message": "No route for GET {}".format(path)})

    def do_HEAD(self):
        self.do_GET()

    def _create(self, body: Any) -> None:
        sim = self.simulator
        if not isinstance(body, dict):
            return self._bad("Request body must be a JSON object")
        if body.get("type") != "lbe":
            return self._bad("Unsupported type {!r}: expected 'lbe'".format(body.get("type")))
        p = body.get("params")
        if not isinstance(p, dict):
            return self._bad("'params' is required")
        for name in ("view_id", "bands", "geometry", "reference"):
            if p.get(name) in (None, "", []):
                return self._bad("'params.{}' is required".format(name))
        if not isinstance(p["view_id"], str):
            return self._bad("'params.view_id' must be a string")
        if not isinstance(p["bands"], list) or not all(isinstance(b, str) and b for b in p["bands"]):
            return self._bad("'params.bands' must be a list of band names")
        geom = p["geometry"]
        if not isinstance(geom, dict) or geom.get("type") != "Polygon":
            return self._bad("Unsupported geometry type {!r}. Supported geometry types: 'Polygon'".format(
                geom.get("type") if isinstance(geom, dict) else geom))
        try:
            poly = shape(geom)
            if poly.is_empty:
                raise ValueError("empty polygon")
        except Exception as exc:
            return self._bad("Invalid geometry: {}".format(exc))
        if "merge" in p and not isinstance(p["merge"], bool):
            return self._bad("'params.merge' must be a boolean")
        if "metadata" in p and not isinstance(p["metadata"], list):
            return self._bad("'params.metadata' must be a list")
        cb = body.get("callback_url")
        if cb is not None and not (isinstance(cb, str) and re.match(r"^https?://", cb)):
            return self._bad("'callback_url' must be an http(s) URL")
        task = Task(body, sim.task_timeout)
        with sim.lock:
            sim.tasks[task.id] = task
            sim.created_bodies.append(body)
            sim.counters["create"] += 1
        if sim.on_create is not None:
            sim.on_create(task)
        self._send(sim.create_status, {"status": "created", "task_id": task.id, "req_id": task.req_id,
                                       "task_timeout": task.task_timeout})

    def _status(self, task_id: str) -> None:
        sim = self.simulator
        with sim.lock:
            sim.counters["status"] += 1
            task = sim.tasks.get(task_id)
            if task is None:
                return self._send(404, {"error": "Not Found", "message": "Task {} not found".format(task_id),
                                        "status_code": 404})
            sim._advance(task)
            state, result = task.state, task.result
            if state == "failed":
                payload = sim._failure_payload(task)
            elif state == "completed" and sim.mode == "json":
                payload = {"status": "completed", "task_id": task.id, "req_id": task.req_id,
                           "result": [{"url": sim._result_url(task), "name": sim.served_result(task)[0]}],
                           "errors": []}
            else:
                payload = {"status": state, "task_id": task.id, "req_id": task.req_id}
        if state == "completed" and sim.mode != "json":
            with sim.lock:
                sim.counters["result"] += 1
            return self._send_result(sim.served_result(task))
        self._send(200, payload)

    def _result(self, token: str, rec: Dict[str, Any]) -> None:
        sim = self.simulator
        if sim.result_requires_key and self._auth(rec) is None:
            return
        with sim.lock:
            task = next((t for t in sim.tasks.values() if t.token == token and t.result), None)
            if task is not None:
                sim.counters["result"] += 1
        if task is None:
            return self._send(404, {"error": "Not Found", "message": "Result not found"})
        self._send_result(sim.served_result(task))

    def _send_result(self, result) -> None:
        sim = self.simulator
        if sim.storage is None:
            return self._send_file(*result)
        location = sim.storage.sign(*result)
        self._send(sim.storage_redirect, {"message": "See Other"}, {"Location": location})

    def _search(self, dataset: Optional[str], body: Any) -> None:
        sim = self.simulator
        with sim.lock:
            sim.counters["search"] += 1
        if not isinstance(body, dict) or not isinstance(body.get("search"), dict):
            return self._bad("'search' is required")
        s = body["search"]
        datasets = [dataset] if dataset else s.get("satellites")
        if not datasets or not isinstance(datasets, list):
            return self._bad("'search.satellites' is required for a multi-dataset search")
        for d in datasets:
            if d not in DATASETS:
                return self._send(404, {"error": "Not Found", "message": "Dataset {} not found".format(d)})
        if "date" not in s:
            return self._bad("'search.date' is required")
        if "shape" not in s:
            return self._bad("'search.shape' is required")
        try:
            area = shape(s["shape"])
            if area.is_empty or area.geom_type not in ("Polygon", "MultiPolygon"):
                raise ValueError("shape must be a Polygon")
        except Exception as exc:
            return self._bad("Invalid shape: {}".format(exc))
        date_f = s["date"]
        try:
            if isinstance(date_f, dict):
                d0 = dt.date.fromisoformat(str(date_f.get("from", "1970-01-01"))[:10])
                d1 = dt.date.fromisoformat(str(date_f.get("to", "2100-01-01"))[:10])
                allowed = None
            else:
                values = date_f if isinstance(date_f, list) else [date_f]
                allowed = {dt.date.fromisoformat(str(v)[:10]) for v in values}
                d0, d1 = min(allowed), max(allowed)
        except ValueError as exc:
            return self._bad("Invalid date: {}".format(exc))
        if d1 < d0:
            return self._bad("search.date.from is after search.date.to")
        if (d1 - d0).days > 3660:
            return self._bad("The date range is too long")
        cc = s.get("cloudCoverage") or {}
        c0 = float(cc.get("from", 0)) if isinstance(cc, dict) else 0.0
        c1 = float(cc.get("to", 100)) if isinstance(cc, dict) else 100.0
        relation = str(s.get("shapeRelation") or "INTERSECTS").upper()
        results = []
        for d in datasets:
            for scene in scenes_for(d, area, d0, d1):
                if allowed is not None and dt.date.fromisoformat(scene["date"]) not in allowed:
                    continue
                if not c0 <= scene.get("cloudCoverage", 0.0) <= c1:
                    continue
                fp = shape({k: v for k, v in scene["dataGeometry"].items() if k != "crs"})
                ok = fp.contains(area) if relation == "CONTAINS" else fp.intersects(area)
                if ok:
                    results.append(scene)
        sort = body.get("sort") or {"date": "desc"}
        for key, order in reversed(list(sort.items())):
            results.sort(key=lambda r, k=key: (r.get(k) is None, r.get(k)), reverse=str(order).lower() == "desc")
        limit = int(body.get("limit") or 500)
        page = int(body.get("page") or 1)
        if limit < 1 or page < 1:
            return self._bad("limit and page must be positive")
        chunk = results[(page - 1) * limit: page * limit]
        fields = body.get("fields")
        if fields:
            chunk = [{k: r[k] for k in fields if k in r} for r in chunk]
        self._send(200, {"meta": {"found": len(results), "page": page, "limit": limit,
                                  "name": "satellite-meta-service"}, "results": chunk})


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description="EOSDA API Connect simulator (lbe + search)")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--api-key", action="append", default=None, help="accepted key (repeatable)")
    ap.add_argument("--mode", choices=("file", "json"), default="file")
    ap.add_argument("--polls-to-done", type=int, default=2)
    ap.add_argument("--rate-limit", type=int, default=None, help="requests per minute and key")
    args = ap.parse_args(argv)
    sim = EosdaSimulator(api_keys=args.api_key or ["test-key"], mode=args.mode, polls_to_done=args.polls_to_done,
                         rate_limit=args.rate_limit, host=args.host, port=args.port)
    sim.start()
    print("EOSDA simulator on {} (keys: {})".format(sim.url, ", ".join(sorted(sim.api_keys))), flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()


if __name__ == "__main__":
    main()
