"""Loopback simulator of an eodag provider: a STAC API search plus a WEkEO-like order flow.

What it serves (see ``shared/protocols.md`` §5 for the client side, eodag 4.x):

* ``POST /search`` (STAC API item search): ``collections``, ``datetime``
  (``start/end``), ``intersects`` (GeoJSON), ``bbox``, ``ids``, ``query``
  (``{"eo:cloud_cover": {"lte": N}}`` and ``eq``/``gte``), ``limit`` and a ``token``
  for the next page (``links`` ``rel: next`` with a POST ``body``).  Answers a GeoJSON
  FeatureCollection with ``numberMatched`` / ``numberReturned`` / ``links``; each
  feature has ``assets`` (quicklook / thumbnail PNGs, ``downloadLink`` for archive
  products, band GeoTIFFs for the COG collection), ``links`` (self, collection) and
  either ``order:status`` (``succeeded`` / ``orderable``) or, with
  ``status_style="storage"``, the older ``storageStatus`` (``ONLINE`` / ``OFFLINE``).
  ``GET /search`` with query parameters is accepted as well.
* ``GET /`` (landing page) and ``/conformance``: ``conformsTo`` lists item search and the query
  extension (which ``POST /search`` implements), not the filter extension.
* ``GET /collections``, ``/collections/{id}``, ``/queryables``,
  ``/collections/{id}/queryables``: STAC metadata and JSON-schema queryables.
* ``GET /quicklooks/{id}.png`` and ``/thumbnails/{id}.png``: real PNGs (GDAL).
* ``GET /download/{id}``: the product (Basic auth): a zip named by
  ``Content-Disposition`` holding ``<title>.SAFE/`` with real JP2 bands (GDAL
  JP2OpenJPEG) in UTM zone 31N with correct georeferencing -- the L2A layout
  ``GRANULE/*/IMG_DATA/R10m/*_B04_10m.jp2`` (plus R20m, R60m) or the L1C layout
  ``GRANULE/*/IMG_DATA/*_B04.jp2`` -- or, for the "tif" product, one multi-band
  GeoTIFF (a non-zip payload).  Products in ``empty_ids`` answer ``200`` with
  ``Content-Length: 0``.  An offline (orderable) product answers ``409`` here.
* ``GET /assets/{id}/{band}.tif``: plain GeoTIFF assets of the COG collection.
* Order flow of the WEkEO ``dataaccess`` API (eodag's ``wekeo_main`` provider):
  ``POST /dataaccess/download`` with JSON ``{"product_id": ...}`` answers
  ``{"download_id": ...}``; ``GET /dataaccess/downloads?download_id=...`` answers
  ``{"features": [{"_id", "status": "running" | "Done" | "Error", "message"}]}``
  (``Done`` after ``polls_to_done`` status requests, ``Error`` for ids in
  ``fail_order_ids``); ``GET /dataaccess/download/{download_id}`` answers **202**
  while the order is staging (or ``200`` with ``Content-Length: 0`` when
  ``staging_style="empty"``), then the zip.  Order, status and download need
  HTTP Basic credentials (``401`` otherwise, eodag's ``auth_error_code``).

:func:`provider_yaml` gives the eodag provider configuration (YAML text) that points
eodag at a running simulator; the plugin takes it in memory (no file is written).

Standalone: ``python -m tests.sims.eodag_sim --port 8766 --user U --password P``.
"""
import argparse
import collections
import datetime as dt
import io
import json
import re
import threading
import time
import uuid
import zipfile
from typing import Any, Dict, List, Optional
from urllib.parse import parse_qs, urlsplit

import numpy as np
from osgeo import gdal, osr
from pyproj import Transformer
from shapely.geometry import box, shape

from tests.sims.loopback import LoopbackServer, QuietHandler

EPSG = 32631                       # UTM 31N (tile 31TCJ)
TILE_X0, TILE_Y0 = 360000.0, 4830000.0   # upper-left corner, on the 60 m grid
TILE_SIZE = 2400.0                 # metres; 240 px at 10 m, 120 at 20 m, 40 at 60 m
S2_RES = {"B01": 60, "B02": 10, "B03": 10, "B04": 10, "B05": 20, "B06": 20, "B07": 20, "B08": 10,
          "B8A": 20, "B09": 60, "B10": 60, "B11": 20, "B12": 20}
# L2A resolution folders and the bands each holds (as the real product).
L2A_FOLDERS = {10: ["B02", "B03", "B04", "B08"],
               20: ["B02", "B03", "B04", "B05", "B06", "B07", "B8A", "B11", "B12"],
               60: ["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B8A", "B09", "B11", "B12"]}
COG_BANDS = {"B02": "blue", "B03": "green", "B04": "red", "B08": "nir"}
TIF_BANDS = ["B02", "B03", "B04", "B08"]

COLLECTIONS = {
    "S2_MSI_L2A": "sentinel-2-l2a",
    "S2_MSI_L1C": "sentinel-2-l1c",
    "S2_MSI_L2A_COG": "sentinel-2-c1-l2a",
}

# The catalogue: id, eodag collection, date, cloud cover, online?, layout.
CATALOGUE = [
    {"id": "S2B_MSIL2A_20230719T103629_N0509_R008_T31TCJ_20230719T134108", "collection": "S2_MSI_L2A",
     "date": "2023-07-19T10:36:29Z", "cloud": 12.0, "online": True, "layout": "l2a"},
    {"id": "S2A_MSIL1C_20230714T103631_N0509_R008_T31TCJ_20230714T124405", "collection": "S2_MSI_L1C",
     "date": "2023-07-14T10:36:31Z", "cloud": 30.0, "online": True, "layout": "l1c"},
    {"id": "S2A_MSIL2A_20230709T103631_N0509_R008_T31TCJ_20230709T142355", "collection": "S2_MSI_L2A",
     "date": "2023-07-09T10:36:31Z", "cloud": 5.0, "online": False, "layout": "l2a"},
    {"id": "S2B_MSIL2A_20230629T103629_N0509_R008_T31TCJ_20230629T131540", "collection": "S2_MSI_L2A",
     "date": "2023-06-29T10:36:29Z", "cloud": 40.0, "online": True, "layout": "tif"},
    {"id": "S2B_31TCJ_20230719_0_L2A", "collection": "S2_MSI_L2A_COG",
     "date": "2023-07-19T10:36:29Z", "cloud": 12.0, "online": True, "layout": "cog"},
]


# ----------------------------------------------------------------------------------------
# Rasters
# ----------------------------------------------------------------------------------------
def band_value(band: str, row: np.ndarray, col: np.ndarray, res: int) -> np.ndarray:
    """Deterministic, non-zero pixel values: a test can recompute any pixel."""
    index = list(S2_RES).index(band) if band in S2_RES else 0
    return (1000 + 100 * index + ((row * res) // 10 + (col * res) // 10) % 97).astype("uint16")


def pixel_value(band: str, x: float, y: float, res: int) -> int:
    """Value of ``band`` at UTM coordinates (x, y) on its ``res`` grid."""
    col = np.array(int((x - TILE_X0) // res))
    row = np.array(int((TILE_Y0 - y) // res))
    return int(band_value(band, row, col, res))


def _vsimem_bytes(path: str) -> bytes:
    f = gdal.VSIFOpenL(path, "rb")
    try:
        gdal.VSIFSeekL(f, 0, 2)
        size = gdal.VSIFTellL(f)
        gdal.VSIFSeekL(f, 0, 0)
        return bytes(gdal.VSIFReadL(1, size, f))
    finally:
        gdal.VSIFCloseL(f)


def _dataset(bands: List[str], res: int, dtype=gdal.GDT_UInt16):
    n = int(TILE_SIZE // res)
    ds = gdal.GetDriverByName("MEM").Create("", n, n, len(bands), dtype)
    ds.SetGeoTransform((TILE_X0, float(res), 0.0, TILE_Y0, 0.0, -float(res)))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    ds.SetProjection(srs.ExportToWkt())
    rows, cols = np.mgrid[0:n, 0:n]
    for i, band in enumerate(bands, start=1):
        b = ds.GetRasterBand(i)
        b.WriteArray(band_value(band, rows, cols, res))
        b.SetNoDataValue(0)
        b.SetDescription(band)
    return ds


def encode(ds, kind: str) -> bytes:
    path = "/vsimem/eodag_sim_{}.{}".format(uuid.uuid4().hex, kind)
    try:
        if kind == "jp2":
            out = gdal.GetDriverByName("JP2OpenJPEG").CreateCopy(path, ds, options=["REVERSIBLE=YES",
                                                                                    "QUALITY=100"])
        elif kind == "png":
            out = gdal.GetDriverByName("PNG").CreateCopy(path, ds)
        else:
            out = gdal.GetDriverByName("GTiff").CreateCopy(path, ds, options=["COMPRESS=DEFLATE"])
        if out is None:
            raise RuntimeError("could not encode {}: {}".format(kind, gdal.GetLastErrorMsg()))
        out.FlushCache()
        out = None
        return _vsimem_bytes(path)
    finally:
        for leftover in (path, path + ".aux.xml"):
            if gdal.VSIStatL(leftover) is not None:
                gdal.Unlink(leftover)


def quicklook_png(product_id: str) -> bytes:
    n = 64
    ds = gdal.GetDriverByName("MEM").Create("", n, n, 3, gdal.GDT_Byte)
    seed = sum(product_id.encode("utf-8")) % 200
    rows, cols = np.mgrid[0:n, 0:n]
    for i in range(3):
        ds.GetRasterBand(i + 1).WriteArray(((rows * (i + 1) + cols + seed) % 256).astype("uint8"))
    return encode(ds, "png")


def _tile_name(product_id: str) -> str:
    m = re.search(r"_T(\d\d[A-Z]{3})_", product_id)
    return "T" + (m.group(1) if m else "31TCJ")


def _sensing(product_id: str) -> str:
    m = re.search(r"_(\d{8}T\d{6})_", product_id)
    return m.group(1) if m else "20230719T103629"


def safe_zip(product: Dict[str, Any]) -> bytes:
    """A SAFE-like zip: ``<title>.SAFE/`` with manifest, MTD and real JP2 bands."""
    pid = product["id"]
    safe = pid + ".SAFE"
    tile, sensing = _tile_name(pid), _sensing(pid)
    level = "L2A" if product["layout"] == "l2a" else "L1C"
    granule = "{}/GRANULE/{}_{}_A041234_{}".format(safe, level, tile, sensing)
    stem = "{}_{}".format(tile, sensing)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(safe + "/manifest.safe", "<?xml version='1.0'?><xfdu:XFDU xmlns:xfdu='urn:ccsds:schema:"
                                             "xfdu:1' version='esa/safe/sentinel/1.1'/>\n")
        zf.writestr("{}/MTD_MSI{}.xml".format(safe, level), "<?xml version='1.0'?><n1:Level-{}_User_Product "
                                                             "xmlns:n1='https://psd-14.sentinel2.eo.esa.int'/>\n"
                    .format(level[1:]))
        zf.writestr(granule + "/MTD_TL.xml", "<?xml version='1.0'?><n1:Level-{}_Tile_ID/>\n".format(level[1:]))
        if level == "L2A":
            for res, bands in L2A_FOLDERS.items():
                for band in bands:
                    data = encode(_dataset([band], res), "jp2")
                    zf.writestr("{}/IMG_DATA/R{}m/{}_{}_{}m.jp2".format(granule, res, stem, band, res), data)
        else:
            for band, res in S2_RES.items():
                data = encode(_dataset([band], res), "jp2")
                zf.writestr("{}/IMG_DATA/{}_{}.jp2".format(granule, stem, band), data)
    return buf.getvalue()


def stack_tif() -> bytes:
    return encode(_dataset(TIF_BANDS, 10), "tif")


def band_tif(band: str) -> bytes:
    return encode(_dataset([band], S2_RES.get(band, 10)), "tif")


def footprint_lonlat() -> Dict[str, Any]:
    to_ll = Transformer.from_crs(EPSG, 4326, always_xy=True)
    x0, y0, x1, y1 = TILE_X0, TILE_Y0 - TILE_SIZE, TILE_X0 + TILE_SIZE, TILE_Y0
    ring = []
    steps = 4
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    for (ax, ay), (bx, by) in zip(corners[:-1], corners[1:]):
        for k in range(steps):
            ring.append(to_ll.transform(ax + (bx - ax) * k / steps, ay + (by - ay) * k / steps))
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [[[round(x, 7), round(y, 7)] for x, y in ring]]}


# ----------------------------------------------------------------------------------------
# The provider configuration eodag needs to talk to the simulator
# ----------------------------------------------------------------------------------------
def provider_yaml(base_url: str, name: str = "eodag_sim", status_style: str = "order") -> str:
    """eodag provider configuration (YAML) for a simulator at ``base_url``.

    It is shaped like eodag's own ``dedl.yml`` (STAC search, ``assets.downloadLink``)
    and ``wekeo_main.yml`` (order / status / download of the ``dataaccess`` API).
    ``status_style`` must match the simulator's ("order" or "storage").
    """
    base = base_url.rstrip("/")
    if status_style == "storage":
        status = ('\'{$.properties.storageStatus#get_group_name('
                  '(?P<succeeded>ONLINE)|(?P<ordered>STAGING)|(?P<orderable>OFFLINE))}\'\n'
                  '      storageStatus: \'$.properties.storageStatus\'')
    else:
        status = ('\'{$.properties."order:status"#get_group_name('
                  '(?P<succeeded>succeeded)|(?P<ordered>ordered)|(?P<orderable>orderable))}\'')
    return """\
{name}:
  priority: 0
  description: EO Downloader test simulator (STAC search + WEkEO-like orders)
  url: {base}/
  search:
    type: StacSearch
    api_endpoint: {base}/search
    timeout: 20
    discover_collections:
      fetch_url: null
    pagination:
      max_limit: 100
      next_page_token_key: token
    metadata_mapping:
      order:status: {status}
      eodag:download_link: '$.assets.downloadLink.href'
      eodag:quicklook: '$.assets.quicklook.href'
      eodag:thumbnail: '$.assets.thumbnail.href'
      eodag:order_link: '{base}/dataaccess/download?{{{{"product_id": "{{id}}"}}}}'
      assets: '$.null'
  products:
    S2_MSI_L2A:
      _collection: sentinel-2-l2a
    S2_MSI_L1C:
      _collection: sentinel-2-l1c
    S2_MSI_L2A_COG:
      _collection: sentinel-2-c1-l2a
      metadata_mapping:
        assets: '$.assets'
        eodag:download_link: '$.null'
  download:
    type: HTTPDownload
    auth_error_code: 401
    timeout: 20
    extract: true
    flatten_top_dirs: true
    order_enabled: true
    order_method: POST
    order_on_response:
      metadata_mapping:
        eodag:order_id: '$.json.download_id'
        eodag:status_link: '{base}/dataaccess/downloads?download_id={{eodag:order_id}}'
        eodag:download_link: '{base}/dataaccess/download/{{eodag:order_id}}'
    order_status:
      request:
        method: GET
      metadata_mapping:
        eodag:order_status: $.json.features[0].status
        eodag:order_message: $.json.features[0].message
      error:
        eodag:order_status: Error
      success:
        eodag:order_status: Done
      ordered:
        http_code: 202
      on_success:
        metadata_mapping:
          eodag:download_id: $.json.features[0]._id
          eodag:download_link: {base}/dataaccess/download/{{eodag:download_id}}
  auth:
    type: GenericAuth
    matching_url: {base_re}
""".format(name=name, base=base, status=status, base_re=re.escape(base))


def isolated_environment(base_dir: str) -> Dict[str, str]:
    """Environment variables that keep eodag away from the user's files and the internet.

    ``HOME`` and ``EODAG_CFG_DIR`` under ``base_dir`` (eodag writes its default
    ``eodag.yml`` / ``locations.yml`` there), ``EODAG_STRICT_COLLECTIONS`` (eodag 4 never
    fetches the external collections list) and ``EODAG_EXT_COLLECTIONS_CFG_URI`` (were it
    fetched anyway, a local empty file).  Any ``EODAG__*`` variable of the caller should
    be removed as well.
    """
    import os
    home = os.path.join(str(base_dir), "home")
    cfg = os.path.join(home, ".config", "eodag")
    os.makedirs(cfg, exist_ok=True)
    ext = os.path.join(str(base_dir), "ext_collections.json")
    if not os.path.exists(ext):
        with open(ext, "w", encoding="utf-8") as fh:
            fh.write("{}")
    return {"HOME": home, "EODAG_CFG_DIR": cfg, "EODAG_STRICT_COLLECTIONS": "true",
            "EODAG_EXT_COLLECTIONS_CFG_URI": ext}


# ----------------------------------------------------------------------------------------
# The simulator
# ----------------------------------------------------------------------------------------
class Order:
    def __init__(self, product_id: str):
        self.id = uuid.uuid4().hex
        self.product_id = product_id
        self.polls = 0
        self.created = time.monotonic()
        self.status = "running"


class EodagSimulator(LoopbackServer):
    """``with EodagSimulator(...) as sim:`` -- ``sim.url``, ``sim.yaml()``.

    Options: ``credentials`` (username, password) required by order/status/download;
    ``status_style`` "order" (``order:status``, eodag 4) or "storage"
    (``storageStatus``, eodag 2/3 providers); ``polls_to_done`` status requests
    before an order is ``Done``; ``fail_order_ids`` (orders end in ``Error``);
    ``empty_ids`` (downloads answer ``Content-Length: 0``); ``staging_style``
    "202" or "empty" (what a download of a staging order answers).
    ``search_faults``: (status, description) pairs answered, once each, to the next searches.
    ``replaced``: product id -> (file name, content type, bytes) its download serves instead
    (a proxy's page, a body damaged on the way).
    Counters: ``orders`` (POSTs per product id), ``status_polls``, ``downloads``
    (GETs of product data per product id; HEADs are not counted), ``requests`` (every request:
    method, path, query, body, Authorization header, User-Agent).
    """

    def handler(self):
        return _Handler

    thread_name = "eodag-sim"

    def __init__(self, credentials=("sim-user", "sim-password"), status_style: str = "order",
                 polls_to_done: int = 1, fail_order_ids=(), empty_ids=(), staging_style: str = "202",
                 download_redirect: Optional[str] = None, host: str = "127.0.0.1", port: int = 0):
        self.credentials = tuple(credentials) if credentials else None
        # like providers whose download host sends the client on to another one (a "zipper")
        self.download_redirect = download_redirect
        self.status_style = status_style
        self.polls_to_done = polls_to_done
        self.fail_order_ids = set(fail_order_ids)
        self.empty_ids = set(empty_ids)
        self.staging_style = staging_style
        self.host, self.port = host, port
        self.lock = threading.RLock()
        self.products = {p["id"]: dict(p) for p in CATALOGUE}
        self.order_records: Dict[str, Order] = {}
        self.orders: collections.Counter = collections.Counter()
        self.status_polls: collections.Counter = collections.Counter()
        self.downloads: collections.Counter = collections.Counter()
        self.requests: List[Dict[str, Any]] = []
        self._cache: Dict[str, bytes] = {}
        self.search_faults: collections.deque = collections.deque()   # (status, description) once each
        self.replaced: Dict[str, tuple] = {}     # product id -> (file name, content type, bytes) served instead

    def yaml(self, name: str = "eodag_sim") -> str:
        return provider_yaml(self.url, name=name, status_style=self.status_style)

    # -- content -----------------------------------------------------------------------
    def payload(self, key: str, make) -> bytes:
        with self.lock:
            data = self._cache.get(key)
        if data is None:
            data = make()
            with self.lock:
                self._cache[key] = data
        return data

    def product_file(self, product: Dict[str, Any]):
        """(file name, content type, bytes) of a product download."""
        if product["id"] in self.replaced:
            return self.replaced[product["id"]]
        if product["layout"] == "tif":
            return product["id"] + ".tif", "image/tiff", self.payload("tif", stack_tif)
        data = self.payload(product["id"], lambda: safe_zip(product))
        return product["id"] + ".zip", "application/zip", data

    def feature(self, product: Dict[str, Any]) -> Dict[str, Any]:
        base = self.url
        pid = product["id"]
        geom = footprint_lonlat()
        minx, miny, maxx, maxy = shape(geom).bounds
        props = {"datetime": product["date"], "start_datetime": product["date"], "end_datetime": product["date"],
                 "eo:cloud_cover": product["cloud"], "platform": "sentinel-" + pid[1:3].lower(),
                 "constellation": "sentinel-2", "instruments": ["msi"], "gsd": 10,
                 "s2:mgrs_tile": _tile_name(pid)[1:]}
        if self.status_style == "storage":
            props["storageStatus"] = "ONLINE" if product["online"] else "OFFLINE"
        else:
            props["order:status"] = "succeeded" if product["online"] else "orderable"
        assets = {
            "quicklook": {"href": "{}/quicklooks/{}.png".format(base, pid), "type": "image/png",
                          "roles": ["overview"]},
            "thumbnail": {"href": "{}/thumbnails/{}.png".format(base, pid), "type": "image/png",
                          "roles": ["thumbnail"]},
        }
        if product["layout"] == "cog":
            for band, common in COG_BANDS.items():
                assets[band] = {"href": "{}/assets/{}/{}.tif".format(base, pid, band),
                                "type": "image/tiff; application=geotiff; profile=cloud-optimized",
                                "roles": ["data"], "gsd": S2_RES[band],
                                "eo:bands": [{"name": band, "common_name": common}]}
        else:
            assets["downloadLink"] = {"href": "{}/download/{}".format(base, pid), "roles": ["data"],
                                      "type": "application/zip" if product["layout"] != "tif" else "image/tiff"}
        coll = COLLECTIONS[product["collection"]]
        return {"type": "Feature", "stac_version": "1.0.0", "id": pid, "collection": coll,
                "geometry": geom, "bbox": [minx, miny, maxx, maxy], "properties": props, "assets": assets,
                "links": [{"rel": "self", "href": "{}/collections/{}/items/{}".format(base, coll, pid)},
                          {"rel": "collection", "href": "{}/collections/{}".format(base, coll)}]}

    def order_state(self, order: Order) -> str:
        if order.product_id in self.fail_order_ids:
            return "Error"
        if order.polls >= self.polls_to_done:
            return "Done"
        return "running"

    def requests_to(self, method: str, prefix: str) -> List[Dict[str, Any]]:
        with self.lock:
            return [r for r in self.requests if r["method"] == method and r["path"].startswith(prefix)]


def _parse_datetime(text: str) -> Optional[dt.datetime]:
    if not text or text in ("..", ""):
        return None
    text = text.strip().replace("Z", "+00:00")
    if len(text) == 10:
        text += "T00:00:00+00:00"
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value


#: What the simulated STAC API implements: item search with the query extension (``_search`` applies
#: ``query`` on ``eo:cloud_cover``), and no filter (CQL2) extension.
CONFORMANCE = ["https://api.stacspec.org/v1.0.0/core", "https://api.stacspec.org/v1.0.0/item-search",
               "https://api.stacspec.org/v1.0.0/item-search#query"]


class _Handler(QuietHandler):
    simulator: EodagSimulator = None
    server_version = "EodagSim/1.0"


    # -- helpers --------------------------------------------------------------------------
    def _send(self, status: int, payload: Any = None, headers: Optional[Dict[str, str]] = None,
              body: Optional[bytes] = None, content_type: str = "application/json") -> None:
        if body is None:
            body = json.dumps(payload).encode("utf-8") if payload is not None else b""
        self.send_body(status, body, content_type, headers)

    def _file(self, name: str, ctype: str, data: bytes) -> None:
        self._send(200, body=data, content_type=ctype,
                   headers={"Content-Disposition": 'attachment; filename="{}"'.format(name)})

    def _record(self, body: Any) -> Dict[str, Any]:
        parts = urlsplit(self.path)
        rec = {"method": self.command, "path": parts.path, "query": parse_qs(parts.query), "body": body,
               "authorization": self.headers.get("Authorization"), "range": self.headers.get("Range"),
               "user_agent": self.headers.get("User-Agent", "")}
        with self.simulator.lock:
            self.simulator.requests.append(rec)
        return rec

    def _authorized(self, rec: Dict[str, Any]) -> bool:
        sim = self.simulator
        if sim.credentials is None:
            return True
        import base64
        expected = "Basic " + base64.b64encode("{}:{}".format(*sim.credentials).encode("utf-8")).decode("ascii")
        if rec["authorization"] == expected:
            return True
        self._send(401, {"detail": "Invalid or missing credentials"},
                   headers={"WWW-Authenticate": 'Basic realm="eodag-sim"'})
        return False

    def _read_json(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if not raw:
            return None, None
        try:
            return json.loads(raw.decode("utf-8")), None
        except ValueError as exc:
            return None, "Body is not valid JSON: {}".format(exc)

    # -- routes -------------------------------------------------------------------------------
    def do_HEAD(self):
        self.do_GET()

    def do_POST(self):
        body, err = self._read_json()
        rec = self._record(body)
        path = rec["path"].rstrip("/")
        if err:
            return self._send(400, {"code": "BadRequest", "description": err})
        if path == "/search":
            return self._search(body or {})
        if path == "/dataaccess/download":
            return self._order(rec, body or {})
        self._send(404, {"code": "NotFound", "description": "No route {}".format(path)})

    def do_GET(self):
        rec = self._record(None)
        sim = self.simulator
        path = rec["path"].rstrip("/")
        q = {k: v[-1] for k, v in rec["query"].items()}
        if path == "/search":
            body: Dict[str, Any] = {}
            if "collections" in q:
                body["collections"] = q["collections"].split(",")
            for key in ("datetime", "token"):
                if key in q:
                    body[key] = q[key]
            if "bbox" in q:
                body["bbox"] = [float(v) for v in q["bbox"].split(",")]
            if "ids" in q:
                body["ids"] = q["ids"].split(",")
            if "limit" in q:
                body["limit"] = int(q["limit"])
            return self._search(body)
        if path in ("", "/"):
            return self._send(200, {"type": "Catalog", "id": "eodag-sim", "stac_version": "1.0.0",
                                    "description": "EO Downloader simulator", "conformsTo": CONFORMANCE,
                                    "links": [{"rel": "search", "href": sim.url + "/search"}]})
        if path == "/conformance":
            return self._send(200, {"conformsTo": CONFORMANCE})
        if path == "/collections":
            return self._send(200, {"collections": [self._collection(c) for c in COLLECTIONS.values()],
                                    "links": []})
        m = re.match(r"^/collections/([^/]+)(/queryables)?$", path)
        if m:
            if m.group(1) not in COLLECTIONS.values():
                return self._send(404, {"code": "NotFound", "description": "Collection not found"})
            return self._send(200, self._queryables() if m.group(2) else self._collection(m.group(1)))
        if path == "/queryables":
            return self._send(200, self._queryables())
        m = re.match(r"^/(quicklooks|thumbnails)/(.+)\.png$", path)
        if m:
            if m.group(2) not in sim.products:
                return self._send(404, {"detail": "Not found"})
            data = sim.payload("ql_" + m.group(2), lambda: quicklook_png(m.group(2)))
            return self._send(200, body=data, content_type="image/png")
        m = re.match(r"^/assets/([^/]+)/([A-Z0-9]+)\.tif$", path)
        if m:
            product = sim.products.get(m.group(1))
            if product is None or product["layout"] != "cog" or m.group(2) not in COG_BANDS:
                return self._send(404, {"detail": "Asset not found"})
            if self.command == "GET":
                with sim.lock:
                    sim.downloads[m.group(1)] += 1
            data = sim.payload("asset_" + m.group(2), lambda: band_tif(m.group(2)))
            return self._send(200, body=data, content_type="image/tiff; application=geotiff")
        m = re.match(r"^/download/([^/]+)$", path)
        if m:
            return self._download(rec, m.group(1))
        if path == "/dataaccess/downloads":
            return self._status(rec, q.get("download_id", ""))
        m = re.match(r"^/dataaccess/download/([^/]+)$", path)
        if m:
            return self._ordered_download(rec, m.group(1))
        self._send(404, {"code": "NotFound", "description": "No route {}".format(path)})

    # -- STAC ------------------------------------------------------------------------------------
    def _collection(self, cid: str) -> Dict[str, Any]:
        return {"type": "Collection", "id": cid, "stac_version": "1.0.0", "title": cid,
                "description": "Simulated {}".format(cid), "license": "proprietary",
                "extent": {"spatial": {"bbox": [[-180, -90, 180, 90]]},
                           "temporal": {"interval": [["2015-06-27T00:00:00Z", None]]}}, "links": []}

    def _queryables(self) -> Dict[str, Any]:
        return {"$schema": "https://json-schema.org/draft/2019-09/schema", "type": "object",
                "properties": {"eo:cloud_cover": {"type": "number", "minimum": 0, "maximum": 100},
                               "platform": {"type": "string"}},
                "additionalProperties": True}

    def _search(self, body: Dict[str, Any]) -> None:
        sim = self.simulator
        with sim.lock:
            fault = sim.search_faults.popleft() if sim.search_faults else None
        if fault is not None:
            return self._send(fault[0], {"code": "ServerError" if fault[0] >= 500 else "BadRequest",
                                         "description": fault[1]})
        colls = body.get("collections")
        if colls is not None and not isinstance(colls, list):
            return self._send(400, {"code": "BadRequest", "description": "collections must be a list"})
        try:
            start = end = None
            if body.get("datetime"):
                parts = str(body["datetime"]).split("/")
                start = _parse_datetime(parts[0])
                end = _parse_datetime(parts[-1]) if len(parts) > 1 else start
            area = None
            if body.get("intersects"):
                area = shape(body["intersects"])
            elif body.get("bbox"):
                area = box(*[float(v) for v in body["bbox"][:4]])
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            return self._send(400, {"code": "BadRequest", "description": str(exc)})
        if area is not None and not area.is_valid:
            return self._send(400, {"code": "BadRequest", "description": "intersects is not a valid geometry"})
        query = body.get("query") or {}
        ids = set(body.get("ids") or [])
        results = []
        footprint = shape(footprint_lonlat())
        for product in sim.products.values():
            if colls and COLLECTIONS[product["collection"]] not in colls:
                continue
            if ids and product["id"] not in ids:
                continue
            when = _parse_datetime(product["date"])
            if start is not None and when < start:
                continue
            if end is not None and when > end:
                continue
            if area is not None and not footprint.intersects(area):
                continue
            ok = True
            for key, ops in query.items():
                value = {"eo:cloud_cover": product["cloud"]}.get(key)
                if value is None or not isinstance(ops, dict):
                    continue
                for op, ref in ops.items():
                    ref = float(ref)
                    ok = ok and {"lte": value <= ref, "lt": value < ref, "gte": value >= ref, "gt": value > ref,
                                 "eq": value == ref}.get(op, True)
            if ok:
                results.append(product)
        results.sort(key=lambda p: p["date"], reverse=True)
        limit = int(body.get("limit") or 10)
        if limit < 1:
            return self._send(400, {"code": "BadRequest", "description": "limit must be positive"})
        offset = int(body.get("token") or 0)
        chunk = results[offset:offset + limit]
        links = [{"rel": "self", "href": sim.url + "/search", "method": "POST"}]
        if offset + limit < len(results):
            links.append({"rel": "next", "href": sim.url + "/search", "method": "POST",
                          "body": dict(body, token=str(offset + limit)), "merge": False})
        self._send(200, {"type": "FeatureCollection", "features": [sim.feature(p) for p in chunk],
                         "numberMatched": len(results), "numberReturned": len(chunk), "links": links},
                   content_type="application/geo+json")

    # -- downloads and orders ------------------------------------------------------------------
    def _download(self, rec: Dict[str, Any], pid: str) -> None:
        sim = self.simulator
        if not self._authorized(rec):
            return
        product = sim.products.get(pid)
        if product is None or product["layout"] == "cog":
            return self._send(404, {"detail": "Product {} not found".format(pid)})
        if not product["online"]:
            return self._send(409, {"detail": "Product {} is offline: order it first".format(pid)})
        if sim.download_redirect:
            return self._send(302, {"detail": "Found"},
                              headers={"Location": "{}/{}.zip".format(sim.download_redirect.rstrip("/"), pid)})
        if self.command == "GET":
            with sim.lock:
                sim.downloads[pid] += 1
        if pid in sim.empty_ids:
            return self._send(200, body=b"", content_type="application/zip",
                              headers={"Content-Disposition": 'attachment; filename="{}.zip"'.format(pid)})
        name, ctype, data = sim.product_file(product)
        self._file(name, ctype, data)

    def _order(self, rec: Dict[str, Any], body: Dict[str, Any]) -> None:
        sim = self.simulator
        if not self._authorized(rec):
            return
        pid = str(body.get("product_id") or "")
        if pid.endswith(".SAFE"):
            pid = pid[:-5]
        if pid not in sim.products:
            return self._send(400, {"detail": "Unknown product_id '{}'".format(pid)})
        order = Order(pid)
        with sim.lock:
            sim.orders[pid] += 1
            sim.order_records[order.id] = order
        self._send(200, {"download_id": order.id, "message": None})

    def _status(self, rec: Dict[str, Any], order_id: str) -> None:
        sim = self.simulator
        if not self._authorized(rec):
            return
        with sim.lock:
            order = sim.order_records.get(order_id)
            if order is None:
                return self._send(404, {"detail": "Download {} not found".format(order_id)})
            order.polls += 1
            sim.status_polls[order.product_id] += 1
            state = sim.order_state(order)
        message = {"Error": "Product retrieval failed: the archive is unavailable",
                   "running": "Your request is being processed", "Done": None}[state]
        self._send(200, {"features": [{"_id": order.id, "productId": order.product_id, "status": state,
                                       "message": message}], "properties": {"totalResults": 1}})

    def _ordered_download(self, rec: Dict[str, Any], order_id: str) -> None:
        sim = self.simulator
        if not self._authorized(rec):
            return
        with sim.lock:
            order = sim.order_records.get(order_id)
            state = sim.order_state(order) if order is not None else None
        if order is None:
            return self._send(404, {"detail": "Download {} not found".format(order_id)})
        if state == "Error":
            return self._send(500, {"detail": "Product retrieval failed"})
        if state != "Done":
            if sim.staging_style == "empty":
                return self._send(200, body=b"", content_type="application/zip")
            return self._send(202, {"status": "staging", "message": "Your request is being processed"},
                              headers={"Retry-After": "5"})
        product = sim.products[order.product_id]
        with sim.lock:
            sim.downloads[order.product_id] += 1
        name, ctype, data = sim.product_file(product)
        self._file(name, ctype, data)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description="eodag provider simulator (STAC search + WEkEO-like orders)")
    ap.add_argument("--port", type=int, default=8766)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--user", default="sim-user")
    ap.add_argument("--password", default="sim-password")
    ap.add_argument("--status-style", choices=("order", "storage"), default="order")
    ap.add_argument("--polls-to-done", type=int, default=1)
    ap.add_argument("--print-yaml", action="store_true", help="print the eodag provider YAML and serve")
    args = ap.parse_args(argv)
    sim = EodagSimulator(credentials=(args.user, args.password), status_style=args.status_style,
                         polls_to_done=args.polls_to_done, host=args.host, port=args.port)
    sim.start()
    print("eodag simulator on {}".format(sim.url), flush=True)
    if args.print_yaml:
        print(sim.yaml(), flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()


if __name__ == "__main__":
    main()
