"""Find bands inside a downloaded product and cut them to the area of interest.

Pure core (GDAL, shapely, pyproj; no QGIS).  The downloaded product itself is never
changed: the cut files are new files next to it.

Band discovery (:func:`find_bands`) works on a product folder, a product zip (read
through ``/vsizip/``) or a single raster file, and knows these layouts:

* Sentinel-2 L2A SAFE: ``GRANULE/*/IMG_DATA/R10m/T31TCJ_20230719T103629_B04_10m.jp2``
  (also ``R20m``, ``R60m``); a band present at several resolutions is taken at the
  finest one;
* Sentinel-2 L1C SAFE: ``GRANULE/*/IMG_DATA/T31TCJ_20230719T103629_B04.jp2``;
* STAC assets and plain GeoTIFFs: one file per band whose name holds the band
  (``B04.tif``, ``LC08_..._SR_B4.TIF``, ``red.tif``), or an asset hint (asset key,
  ``eo:bands`` names) for the file;
* one multi-band raster whose band descriptions name the bands.

Band names are compared as tokens of the file name (split at ``_ - .`` and spaces),
case-insensitively, with ``B4`` = ``B04`` and the STAC common names of Sentinel-2
(``red`` = ``B04``, ``green`` = ``B03``, ``blue`` = ``B02``, ``nir`` = ``B08``, ...).
Quality masks (``QI_DATA``, ``MSK_*``) and previews are skipped.

Cutting (:func:`cut_raster`) keeps the source's CRS and pixel grid: the AOI is transformed
once into the raster's CRS; the output window is its bounding box snapped outward to whole
source pixels (an edge within 1/100 pixel of a pixel edge is on it: an AOI drawn on the grid
in a projected CRS comes back through EPSG:4326 a few millimetres off), and ``gdal.Warp``
with that AOI as cutline (in the raster's CRS) sets the pixels whose centre lies outside the
polygon to nodata -- no resampling, every kept pixel is a source pixel.  A true-colour
composite (a VRT of red, green, blue, named ``B04, B03, B02``) is built when the three
are among the cut bands.
"""
import concurrent.futures
import math
import os
import re
import uuid
import zipfile
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from osgeo import gdal

from ...errors import CancelledError, EoError
from ...i18n import translate

MAX_PARALLEL_CUTS = 4     # bands cut at the same time

RASTER_EXTENSIONS = (".jp2", ".tif", ".tiff")

# Sentinel-2 band numbers of the STAC ``eo:bands`` common names.
COMMON_NAMES = {
    "COASTAL": "B01", "BLUE": "B02", "GREEN": "B03", "RED": "B04", "REDEDGE1": "B05", "REDEDGE2": "B06",
    "REDEDGE3": "B07", "NIR": "B08", "NIR08": "B8A", "NIR09": "B09", "CIRRUS": "B10", "SWIR16": "B11",
    "SWIR22": "B12",
}
TRUE_COLOUR = ("B04", "B03", "B02")
_SKIP_PARTS = ("QI_DATA", "PREVIEW", "QUICKLOOK", "THUMBNAIL")
_SKIP_PREFIXES = ("MSK_", "MSK-")


class CutError(EoError):
    """A product's rasters could not be read or cut."""


def canonical_band(name: str) -> str:
    """``B4`` -> ``B04``, ``red`` -> ``B04``, ``b8a`` -> ``B8A``; other names upper-cased."""
    text = str(name or "").strip().upper()
    if text in COMMON_NAMES:
        return COMMON_NAMES[text]
    m = re.match(r"^B0*(\d{1,2})(A?)$", text)
    if m:
        return "B{}A".format(int(m.group(1))) if m.group(2) else "B{:02d}".format(int(m.group(1)))
    return text


def parse_bands(bands: Any) -> List[str]:
    """A list of band names from a list or a comma/space separated string (order kept, no duplicates)."""
    if bands is None:
        return []
    items = re.split(r"[,;\s]+", bands) if isinstance(bands, str) else [str(b) for b in bands]
    out: List[str] = []
    for item in items:
        item = item.strip()
        if item and canonical_band(item) not in {canonical_band(b) for b in out}:
            out.append(item)
    return out


@dataclass
class BandSource:
    """Where one band is: a GDAL path, its 1-based band index and pixel size."""
    band: str
    path: str
    index: int = 1
    resolution: float = 0.0


@dataclass
class CutResult:
    outputs: List[str] = field(default_factory=list)       # true colour first, then the bands as asked
    bands: Dict[str, str] = field(default_factory=dict)    # band as asked -> cut file
    true_colour: Optional[str] = None
    missing: List[str] = field(default_factory=list)       # bands not found in the product
    outside: List[str] = field(default_factory=list)       # bands found but not overlapping the AOI
    sources: Dict[str, BandSource] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------
# Discovery
# ---------------------------------------------------------------------------------------
def _tokens(name: str) -> List[str]:
    stem = os.path.basename(name)
    for ext in RASTER_EXTENSIONS:
        if stem.lower().endswith(ext):
            stem = stem[: -len(ext)]
            break
    return [t for t in re.split(r"[_\-.\s]+", stem) if t]


def _skipped(rel_path: str) -> bool:
    parts = [p.upper() for p in re.split(r"[\\/]+", rel_path) if p]
    if any(p in _SKIP_PARTS for p in parts[:-1]):
        return True
    base = parts[-1] if parts else ""
    return base.startswith(_SKIP_PREFIXES) or any(s in base for s in ("PVI", "QUICKLOOK", "THUMBNAIL", "PREVIEW"))


def list_rasters(product_path: str) -> List[Tuple[str, str]]:
    """``(gdal path, relative path)`` of every raster file in a product folder, zip or file."""
    product_path = os.fspath(product_path)
    found: List[Tuple[str, str]] = []
    if os.path.isdir(product_path):
        for root, dirs, files in os.walk(product_path):
            dirs.sort()
            for name in sorted(files):
                if name.lower().endswith(RASTER_EXTENSIONS) and not name.endswith(("~", ".part")):
                    full = os.path.join(root, name)
                    found.append((full, os.path.relpath(full, product_path)))
    elif zipfile.is_zipfile(product_path):
        with zipfile.ZipFile(product_path) as zf:
            for member in sorted(zf.namelist()):
                if member.lower().endswith(RASTER_EXTENSIONS) and not member.endswith("/"):
                    found.append(("/vsizip/{}/{}".format(product_path, member), member))
    elif os.path.isfile(product_path) and product_path.lower().endswith(RASTER_EXTENSIONS):
        found.append((product_path, os.path.basename(product_path)))
    return [(p, rel) for p, rel in found if not _skipped(rel)]


def _open_quiet(path: str):
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        try:
            return gdal.Open(path)
        except RuntimeError:
            return None
    finally:
        gdal.PopErrorHandler()


def _pixel_size(ds) -> float:
    gt = ds.GetGeoTransform() or (0, 1, 0, 0, 0, -1)
    return abs(gt[1]) or 1.0


def _named_resolution(rel_path: str) -> Optional[float]:
    """The pixel size a file's name or folder states (``..._B04_10m.jp2``, ``R20m/``), or None."""
    for part in reversed(re.split(r"[\\/]+", rel_path)):
        for token in reversed(_tokens(part)):
            m = re.match(r"^R?(\d+(?:\.\d+)?)M$", token.upper())
            if m:
                return float(m.group(1))
    return None


def find_bands(product_path: str, bands: Sequence[str],  # noqa: C901 (see docs/architecture.md, exceptions)
               hints: Optional[Dict[str, Iterable[str]]] = None) -> Dict[str, BandSource]:
    """Locate each of ``bands`` in the product; bands not found are absent from the result.

    ``hints`` maps a file's base name to other names of its content (a STAC asset key,
    its ``eo:bands`` names), for assets whose file name does not say the band.
    """
    wanted = parse_bands(bands)
    if not wanted:
        return {}
    rasters = list_rasters(product_path)
    hint_map = {os.path.basename(k).lower(): [canonical_band(n) for n in v] for k, v in (hints or {}).items()}
    result: Dict[str, BandSource] = {}
    for band in wanted:
        key = canonical_band(band)
        named = []
        for path, rel in rasters:
            names = {canonical_band(t) for t in _tokens(rel)}
            names.update(hint_map.get(os.path.basename(rel).lower(), []))
            if key in names:
                named.append((_named_resolution(rel), path))
        # Finest first by the resolution the names say (Sentinel-2's _10m / R10m): only the
        # files needed are opened (a JP2 takes a few milliseconds to open).
        named.sort(key=lambda item: item[0] if item[0] is not None else math.inf)
        candidates: List[BandSource] = []
        for said, path in named:
            if candidates and said is not None and said > candidates[0].resolution:
                break
            ds = _open_quiet(path)
            if ds is None:
                continue
            if ds.RasterCount == 1:
                candidates.append(BandSource(band, path, 1, _pixel_size(ds)))
            ds = None
        if not candidates:
            # A multi-band raster naming its bands (e.g. a stacked GeoTIFF).
            for path, _rel in rasters:
                ds = _open_quiet(path)
                if ds is None or ds.RasterCount < 2:
                    continue
                for i in range(1, ds.RasterCount + 1):
                    if canonical_band(ds.GetRasterBand(i).GetDescription()) == key:
                        candidates.append(BandSource(band, path, i, _pixel_size(ds)))
                        break
                ds = None
        if candidates:
            candidates.sort(key=lambda c: (c.resolution, len(c.path)))
            result[band] = candidates[0]
    return result


# ---------------------------------------------------------------------------------------
# Cutting
# ---------------------------------------------------------------------------------------
#: AOI edges within this fraction of a pixel of a pixel edge are on it: what the round trip of an AOI
#: drawn in a projected CRS through EPSG:4326 (and the densified lon/lat edges) moves them.  Without
#: it a 40 x 40 pixel AOI drawn on the raster's grid came out 41 x 41.
SNAP_PIXELS = 0.01


def _aoi_in(ds, geojson_4326: Any):
    """The AOI (densified, so curved edges count) as a shapely geometry in the raster's CRS, or None
    when the raster has no CRS or the AOI does not transform into it."""
    wkt = ds.GetProjection()
    if not wkt:
        return None
    from pyproj import CRS, Transformer
    from shapely.geometry import shape
    from shapely.ops import transform as shp_transform
    from ...raster import _densified, _geometry_of
    geom = shape(_densified(_geometry_of(geojson_4326)))
    t = Transformer.from_crs(CRS.from_epsg(4326), CRS.from_wkt(wkt), always_xy=True)
    out = shp_transform(t.transform, geom)
    if out.is_empty or not all(math.isfinite(v) for v in out.bounds):
        return None
    return out


def _window(ds, bounds: Optional[Tuple[float, float, float, float]]) -> Optional[Tuple[int, int, int, int]]:
    """(col0, row0, col1, row1) of the source pixels covering ``bounds`` (in the raster's CRS; edges within
    :data:`SNAP_PIXELS` of a pixel edge taken as on it), (0, 0, 0, 0) when outside, None without a plain
    north-up grid."""
    gt = ds.GetGeoTransform()
    if bounds is None or gt is None or gt[2] != 0 or gt[4] != 0:
        return None
    minx, miny, maxx, maxy = bounds
    c0 = math.floor((minx - gt[0]) / gt[1] + SNAP_PIXELS)
    c1 = math.ceil((maxx - gt[0]) / gt[1] - SNAP_PIXELS)
    r0 = math.floor((maxy - gt[3]) / gt[5] + SNAP_PIXELS)
    r1 = math.ceil((miny - gt[3]) / gt[5] - SNAP_PIXELS)
    c0, r0 = max(c0, 0), max(r0, 0)
    c1, r1 = min(c1, ds.RasterXSize), min(r1, ds.RasterYSize)
    if c1 <= c0 or r1 <= r0:
        return (0, 0, 0, 0)
    return (c0, r0, c1, r1)


def _write_cutline_in(geom, wkt: str) -> str:
    """The AOI ``geom`` (in the raster's CRS ``wkt``) as a cutline file in /vsimem: a GeoPackage, which
    carries any CRS (a GeoJSON cutline is read as EPSG:4326)."""
    from osgeo import ogr, osr
    path = "/vsimem/eo_cutline_%s.gpkg" % uuid.uuid4().hex
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = source.CreateLayer("aoi", srs, ogr.wkbMultiPolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(geom.wkb)))
    layer.CreateFeature(feature)
    feature = layer = source = None
    return path


def cut_raster(src_path: str, dest_path: str, geojson_4326: Any, *, band_index: int = 1,
               band_name: Optional[str] = None, cancel=None) -> Optional[str]:
    """Cut band ``band_index`` of ``src_path`` to the AOI polygon (EPSG:4326) at native grid and CRS.

    Writes a tiled DEFLATE GeoTIFF to ``dest_path`` (through ``<dest>.part.tif`` and an
    atomic rename) and returns it, or returns None when the AOI does not overlap the
    raster.  Pixels whose centre is outside the polygon become nodata (the band's own
    nodata value, else 0 for integers and NaN for floats).
    """
    from ... import raster
    ds = raster._open(src_path)
    vsi: List[str] = []
    part = os.path.splitext(os.fspath(dest_path))[0] + ".part.tif"
    raster._remove_quietly(part)
    src = ds
    try:
        if band_index < 1 or band_index > ds.RasterCount:
            raise CutError(translate("ProductCut", "{path} has no band {index}.").format(path=src_path,
                                                                                         index=band_index))
        band = ds.GetRasterBand(band_index)
        is_float = band.DataType in (gdal.GDT_Float32, gdal.GDT_Float64)
        declared = band.GetNoDataValue()
        dst_nd = declared if declared is not None else (math.nan if is_float else 0.0)
        if ds.RasterCount > 1:
            sel = "/vsimem/eo_band_%s.vrt" % uuid.uuid4().hex
            vsi.append(sel)
            src = raster._call(translate("ProductCut", "select band {index} of {path}").format(
                index=band_index, path=src_path), gdal.Translate, sel, ds,
                options=gdal.TranslateOptions(format="VRT", bandList=[band_index]))
        # The AOI in the raster's own CRS, once: the window and the cutline are both taken from it.
        aoi = _aoi_in(src, geojson_4326)
        window = _window(src, aoi.bounds if aoi is not None else None)
        cut = _write_cutline_in(aoi, src.GetProjection()) if window is not None else \
            raster._write_cutline(geojson_4326)
        vsi.append(cut)
        warp_kw = {"format": "GTiff", "cutlineDSName": cut, "dstNodata": raster._nd_str(dst_nd), "resampleAlg": "near",
                       "multithread": False, "warpOptions": ["CUTLINE_ALL_TOUCHED=FALSE"],
                       "creationOptions": ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=%d" % (3 if is_float else 2),
                                        "BIGTIFF=IF_SAFER"]}
        if declared is not None:
            warp_kw["srcNodata"] = raster._nd_str(declared)
        if window is None:
            # No plain north-up grid: let GDAL crop to the cutline in the source CRS.
            warp_kw["cropToCutline"] = True
        else:
            c0, r0, c1, r1 = window
            if c1 <= c0 or r1 <= r0:
                return None
            gt = src.GetGeoTransform()
            warp_kw.update(outputBounds=(gt[0] + c0 * gt[1], gt[3] + r1 * gt[5], gt[0] + c1 * gt[1],
                                         gt[3] + r0 * gt[5]),
                           width=c1 - c0, height=r1 - r0)
        if cancel is not None and cancel.is_cancelled():
            raise CancelledError(translate("Jobs", "Cancelled by the user."))
        out = raster._call(translate("ProductCut", "cut {path} to the area of interest").format(path=src_path),
                           gdal.Warp, part, src, options=gdal.WarpOptions(**warp_kw))
        if window is not None:
            # Warp derives the grid from the bounds; write the source's exact numbers back.
            gt = src.GetGeoTransform()
            c0, r0 = window[0], window[1]
            out.SetGeoTransform((gt[0] + c0 * gt[1], gt[1], 0.0, gt[3] + r0 * gt[5], 0.0, gt[5]))
        ob = out.GetRasterBand(1)
        ob.SetNoDataValue(dst_nd)
        if band_name:
            ob.SetDescription(band_name)
        out.FlushCache()
        out = None
        os.replace(part, dest_path)
        return dest_path
    finally:
        src = ds = None
        raster._remove_quietly(part)
        for p in vsi:
            raster._unlink_vsi(p)


def true_colour_vrt(band_files: Dict[str, str], dest_vrt: str) -> Optional[str]:
    """A 3-band VRT (red, green, blue: named B04, B03, B02, colour interpretation Red, Green, Blue) when all
    three are in ``band_files``."""
    by_key = {canonical_band(b): path for b, path in band_files.items()}
    if not all(k in by_key for k in TRUE_COLOUR):
        return None
    from ...raster import stack_vrt
    paths = [by_key[k] for k in TRUE_COLOUR]
    # A relative VRT keeps working when the folder is moved.
    stack_vrt(paths, dest_vrt, band_names=list(TRUE_COLOUR))
    # Red, green, blue said in the VRT: QGIS then draws it in true colour (Undefined bands: grey).
    ds = gdal.Open(dest_vrt, gdal.GA_Update)
    for index, interp in enumerate((gdal.GCI_RedBand, gdal.GCI_GreenBand, gdal.GCI_BlueBand), start=1):
        ds.GetRasterBand(index).SetColorInterpretation(interp)
    ds = None
    _make_relative(dest_vrt)
    return dest_vrt


def _make_relative(vrt_path: str) -> None:
    folder = os.path.dirname(os.path.abspath(vrt_path))
    with open(vrt_path, "r", encoding="utf-8") as fh:
        text = fh.read()

    def repl(m):
        path = m.group(2)
        if os.path.isabs(path) and os.path.dirname(os.path.abspath(path)) == folder:
            return '<SourceFilename relativeToVRT="1"{}>{}</SourceFilename>'.format(m.group(1),
                                                                                   os.path.basename(path))
        return m.group(0)

    text = re.sub(r'<SourceFilename relativeToVRT="0"([^>]*)>([^<]+)</SourceFilename>', repl, text)
    with open(vrt_path, "w", encoding="utf-8") as fh:
        fh.write(text)


def safe_stem(text: str, limit: int = 120) -> str:
    return re.sub(r"[^A-Za-z0-9_.\-]+", "_", str(text)).strip("_.")[:limit] or "product"


def short_name(title: str) -> str:
    """A short file-name prefix for a product: ``S2B_L2A_T31TCJ_20230719`` for a Sentinel-2
    title, else the title (made safe, at most 60 characters)."""
    m = re.match(r"^(S2[A-D])_MSI(L1C|L2A)_(\d{8})T\d{6}_N\d+_R\d+_(T\d{2}[A-Z]{3})_", str(title or ""))
    if m:
        return "{}_{}_{}_{}".format(m.group(1), m.group(2), m.group(4), m.group(3))
    return safe_stem(title, 60)


def cut_product(product_path: str, geojson_4326: Any, bands: Sequence[str], dest_dir: str, *,
                prefix: Optional[str] = None, hints: Optional[Dict[str, Iterable[str]]] = None, cancel=None,
                progress: Optional[Callable[[float], None]] = None) -> CutResult:
    """Find ``bands`` in the product, cut each to the AOI into ``dest_dir``, add the true colour.

    Files: ``<dest_dir>/<prefix>_<band>.tif`` and ``<dest_dir>/<prefix>_true_colour.vrt``.
    ``progress(fraction)`` gets 0..1.  Bands not in the product are listed in
    ``missing``; bands whose raster does not overlap the AOI in ``outside``.
    """
    wanted = parse_bands(bands)
    result = CutResult()
    if not wanted:
        return result
    if not prefix:
        base = os.path.basename(os.path.normpath(os.fspath(product_path)))
        prefix = re.sub(r"(\.SAFE)?(\.zip)?$", "", base, flags=re.IGNORECASE)
    prefix = safe_stem(prefix)
    sources = find_bands(product_path, wanted, hints)
    result.sources = sources
    result.missing = [b for b in wanted if b not in sources]
    os.makedirs(dest_dir, exist_ok=True)
    todo = [b for b in wanted if b in sources]

    def cut(band: str) -> Optional[str]:
        if cancel is not None and cancel.is_cancelled():
            raise CancelledError(translate("Jobs", "Cancelled by the user."))
        src = sources[band]
        dest = os.path.join(dest_dir, "{}_{}.tif".format(prefix, safe_stem(band)))
        return cut_raster(src.path, dest, geojson_4326, band_index=src.index, band_name=canonical_band(band),
                          cancel=cancel)

    # The bands are cut side by side: GDAL releases the interpreter lock while it decodes and
    # writes, and a JP2 band keeps a core busy only part of the time (3 bands of a 4800 px
    # Sentinel-2 tile: 3.0 s one after the other, 2.4 s side by side on 2 cores).
    workers = max(1, min(len(todo), (os.cpu_count() or 1) + 1, MAX_PARALLEL_CUTS))
    written: Dict[str, Optional[str]] = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="eo-cut") as pool:
        futures = {pool.submit(cut, band): band for band in todo}
        try:
            for fut in concurrent.futures.as_completed(futures):
                written[futures[fut]] = fut.result()
                if progress is not None:
                    progress(len(written) / float(len(todo) + 1))
        except BaseException:
            for fut in futures:
                fut.cancel()
            raise
    for band in todo:
        if written[band] is None:
            result.outside.append(band)
        else:
            result.bands[band] = written[band]
    tc = true_colour_vrt(result.bands, os.path.join(dest_dir, "{}_true_colour.vrt".format(prefix)))
    result.true_colour = tc
    result.outputs = ([tc] if tc else []) + [result.bands[b] for b in wanted if b in result.bands]
    if progress is not None:
        progress(1.0)
    return result
