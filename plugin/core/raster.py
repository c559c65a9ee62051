"""GDAL raster utilities: mosaics, AOI masking, band stacks, NPY conversion, inspection.

Pure core (GDAL's Python bindings, numpy, pyproj; no QGIS).  The functions work whether
or not ``gdal.UseExceptions()`` is in effect (QGIS and other plugins share that global
switch, so it is never changed here).

Nodata conventions (Earth Engine writes masked pixels as ``-inf`` for floats and ``0``
for integers, without a nodata tag):

* float rasters: ``-inf`` (or the band's own nodata value, if it declares one) is read
  as "no data"; outputs use **NaN** as nodata (QGIS always treats NaN as nodata, while
  an ``-inf`` nodata value is not reliably recognised);
* integer rasters: ``0`` (or the declared nodata value) is "no data", and stays the
  output nodata value, so a genuine 0 in the data also reads as nodata;
* an explicit ``nodata=`` argument replaces the *output* nodata value.

AOI masking keeps a pixel when its *centre* lies inside the polygon (GDAL cutline rule,
the same rule as Earth Engine's ``Image.clip``).  The polygon is given in EPSG:4326;
its edges are straight lines in longitude/latitude (as the plugin sends them to Earth
Engine with ``geodesic: false``) and are densified before GDAL transforms the vertices
into the raster CRS.

Affine conventions: Earth Engine lists ``[scaleX, shearX, translateX, shearY, scaleY,
translateY]``; GDAL's geotransform is ``(translateX, scaleX, shearX, translateY,
shearY, scaleY)``.
"""
import functools
import json
import math
import os
import threading
import uuid
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
from osgeo import gdal, osr

from .errors import CancelledError, EoError
from .i18n import translate


class RasterError(EoError):
    """A raster could not be read, combined or written."""


GeoTransform = Tuple[float, float, float, float, float, float]
_AFFINE_KEYS = ("scaleX", "shearX", "translateX", "shearY", "scaleY", "translateY")

_NUMPY_TO_GDAL = {
    "uint8": gdal.GDT_Byte, "int8": gdal.GDT_Int16, "uint16": gdal.GDT_UInt16, "int16": gdal.GDT_Int16,
    "uint32": gdal.GDT_UInt32, "int32": gdal.GDT_Int32, "float32": gdal.GDT_Float32,
    "float64": gdal.GDT_Float64,
}
if hasattr(gdal, "GDT_Int8"):
    _NUMPY_TO_GDAL["int8"] = gdal.GDT_Int8
if hasattr(gdal, "GDT_Int64"):
    _NUMPY_TO_GDAL["int64"] = gdal.GDT_Int64
    _NUMPY_TO_GDAL["uint64"] = gdal.GDT_UInt64
_FLOAT_TYPES = (gdal.GDT_Float32, gdal.GDT_Float64)


# ---------------------------------------------------------------------------------------
# Affine helpers
# ---------------------------------------------------------------------------------------
def ee_affine_to_geotransform(affine: Union[Sequence[float], Mapping[str, float]]) -> GeoTransform:
    """EE affine (list ``[scaleX, shearX, translateX, shearY, scaleY, translateY]`` or an
    ``AffineTransform`` dict, where proto-JSON may omit zero members) -> GDAL geotransform."""
    if isinstance(affine, Mapping):
        values = [float(affine.get(k, 0.0) or 0.0) for k in _AFFINE_KEYS]
    else:
        values = [float(v) for v in affine]
    if len(values) != 6:
        raise ValueError("an affine transform has 6 numbers, got %d" % len(values))
    sx, shx, tx, shy, sy, ty = values
    return (tx, sx, shx, ty, shy, sy)


def geotransform_to_ee_affine(gt: Sequence[float]) -> Tuple[float, float, float, float, float, float]:
    """GDAL geotransform -> EE affine list order ``(scaleX, shearX, translateX, shearY, scaleY, translateY)``."""
    if len(gt) != 6:
        raise ValueError("a geotransform has 6 numbers, got %d" % len(gt))
    tx, sx, shx, ty, shy, sy = (float(v) for v in gt)
    return (sx, shx, tx, shy, sy, ty)


def geotransform_to_ee_dict(gt: Sequence[float]) -> Dict[str, float]:
    """GDAL geotransform -> EE ``AffineTransform`` JSON object (all six members)."""
    return dict(zip(_AFFINE_KEYS, geotransform_to_ee_affine(gt)))


# ---------------------------------------------------------------------------------------
# GDAL call wrappers (independent of the global exception mode)
# ---------------------------------------------------------------------------------------
def _fail(what: str, detail: str = "") -> RasterError:
    msg = translate("Raster", "GDAL could not {what}.").format(what=what)
    if detail:
        msg = "{} ({})".format(msg, detail.strip())
    return RasterError(msg)


def _call(what: str, fn: Callable, *args, **kwargs):
    gdal.ErrorReset()
    try:
        result = fn(*args, **kwargs)
    except RuntimeError as exc:
        raise _fail(what, str(exc)) from exc
    if result is None:
        raise _fail(what, gdal.GetLastErrorMsg())
    return result


def read_array(source, xoff: int = 0, yoff: int = 0, width: Optional[int] = None, height: Optional[int] = None,
               callback=None, what: Optional[str] = None) -> np.ndarray:
    """The pixels of a window of a band (rows x columns) or of a dataset (bands x rows x columns), read
    with Python's interpreter lock released.

    gdal_array's ``ReadAsArray`` (GDAL 3.6) holds the lock while GDAL reads and decodes: 66 ms for a
    4000 x 4000 px x 3 bands DEFLATE GeoTIFF, all of a network read through ``/vsicurl``; no other
    Python runs meanwhile, QGIS's main thread included (its drawing stalls).  ``ReadRaster`` into a
    numpy array lets them run (the longest pause of a 1 ms timer: 3 ms).  ``what``: the step named
    if GDAL fails."""
    from osgeo import gdal_array
    is_band = hasattr(source, "GetOverviewCount")
    band = source if is_band else source.GetRasterBand(1)
    width = source.XSize if is_band and width is None else (source.RasterXSize if width is None else width)
    height = source.YSize if is_band and height is None else (source.RasterYSize if height is None else height)
    dtype = gdal_array.GDALTypeCodeToNumericTypeCode(band.DataType)
    shape = (int(height), int(width)) if is_band else (source.RasterCount, int(height), int(width))
    out = np.empty(shape, dtype=dtype)
    got = _call(what or translate("Raster", "read the pixels"), source.ReadRaster, int(xoff), int(yoff), int(width),
                int(height), buf_type=band.DataType, callback=callback, buf_obj=out)
    if got is not out:
        raise _fail(what or translate("Raster", "read the pixels"), gdal.GetLastErrorMsg())
    return out


def write_array(band, data: np.ndarray, xoff: int = 0, yoff: int = 0, what: Optional[str] = None) -> None:
    """Write the 2-D array ``data`` into ``band`` at (``xoff``, ``yoff``), with the interpreter lock released
    (:func:`read_array`; gdal_array's ``WriteArray`` holds it)."""
    from osgeo import gdal_array
    data = np.ascontiguousarray(data)
    gdt = gdal_array.NumericTypeCodeToGDALTypeCode(data.dtype.type)
    rows, cols = data.shape
    err = band.WriteRaster(int(xoff), int(yoff), int(cols), int(rows), memoryview(data).cast("B"),
                           buf_type=gdt)
    if err not in (0, None):
        raise _fail(what or translate("Raster", "write the pixels"), gdal.GetLastErrorMsg())


def _open(path: str):
    return _call(translate("Raster", "open {path}").format(path=path), gdal.Open, path)


def _check_cancel(cancel) -> None:
    if cancel is not None and cancel.is_cancelled():
        raise CancelledError(translate("Jobs", "Cancelled by the user."))


def _gdal_progress(cancel, progress, start: float, span: float):
    def cb(complete, message, data):
        if progress is not None:
            try:
                progress(start + span * float(complete))
            except Exception:
                pass
        if cancel is not None and cancel.is_cancelled():
            return 0
        return 1
    return cb


def _part_path(dest_path: str) -> str:
    root, _ext = os.path.splitext(dest_path)
    return root + ".part.tif"


def _remove_quietly(*paths: str) -> None:
    for p in paths:
        for q in (p, p + ".aux.xml", p + ".ovr", p + ".msk"):
            try:
                os.remove(q)
            except OSError:
                pass


def _unlink_vsi(path: str) -> None:
    try:
        if gdal.VSIStatL(path) is not None:
            gdal.Unlink(path)
    except RuntimeError:
        pass


def _srs_of(ds) -> Optional[osr.SpatialReference]:
    wkt = ds.GetProjection()
    if not wkt:
        return None
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    return srs


# ---------------------------------------------------------------------------------------
# Usable outputs: what a job reports as done opens with GDAL
# ---------------------------------------------------------------------------------------
#: Output files that must open with GDAL.  Other files are documented non-raster outputs
#: (EOSDA's metadata, a SAFE folder's XML, Earth Engine's ``.npy``, a zip kept on request).
IMAGE_EXTENSIONS = (".tif", ".tiff", ".jp2", ".vrt", ".img", ".nc", ".hdf", ".h5")
#: An output starting with this is a QGIS data source URI (an asset's XYZ tiles), not a file.
_URI_PREFIX = "type="


def _head(path: str, size: int = 65536) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def not_an_image(path: str, detail: str = "") -> RasterError:
    """The error for a file that should be an image and is not: in the service's own words
    when it sent a web page or a message (JSON, text) in its place."""
    from .transfer import http
    is_html, words = http.describe_body(_head(path))
    name = os.path.basename(path)
    if is_html:
        return RasterError(translate("Raster", "The server sent a web page instead of an image ({name}): {words}")
                           .format(name=name, words=words or "?"),
                           translate("Raster", "The link may have expired or need a sign-in; try again later."))
    if words:
        return RasterError(translate("Raster", "The server sent a message instead of an image ({name}): {words}")
                           .format(name=name, words=words))
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    detail = (detail or "").replace(os.fspath(path), name).strip()
    return RasterError(translate("Raster", "{name} ({size} bytes) is not an image GDAL can read: {detail}")
                       .format(name=name, size=size, detail=detail or "?"),
                       translate("Raster", "The server sent a damaged file; try again later."))


def check_image(path: str, expected: Optional[Tuple[int, int, int, Optional[str]]] = None) -> None:
    """``path`` opens with GDAL, else :func:`not_an_image`.  ``expected``: ``(width, height,
    band count, numpy data type or None)`` it must have (an Earth Engine tile asked for on an
    exact grid), else RasterError saying what was asked for and what came."""
    gdal.ErrorReset()
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        ds = gdal.Open(os.fspath(path))
    except RuntimeError as exc:
        raise not_an_image(path, str(exc)) from None
    finally:
        gdal.PopErrorHandler()
    if ds is None:
        raise not_an_image(path, gdal.GetLastErrorMsg())
    if expected is None:
        return
    width, height, bands, dtype = expected
    want_type = _NUMPY_TO_GDAL.get(dtype) if dtype else None
    got_type = ds.GetRasterBand(1).DataType if ds.RasterCount and want_type is not None else None
    got = (ds.RasterXSize, ds.RasterYSize, ds.RasterCount, got_type)
    ds = None
    if got != (width, height, bands, want_type):
        raise RasterError(translate("Raster", "The server sent a tile that does not match the request ({name}): "
                                              "{want} was asked for, {got} came.").format(
            name=os.path.basename(path), want=_describe_grid(width, height, bands, want_type),
            got=_describe_grid(*got)),
            translate("Raster", "Earth Engine sent another grid than the one requested; try again later."))


def _describe_grid(width: int, height: int, bands: int, gdal_type: Optional[int]) -> str:
    text = translate("Raster", "{w} x {h} pixels, {n} band(s)").format(w=width, h=height, n=bands)
    return "{} {}".format(text, gdal.GetDataTypeName(gdal_type)) if gdal_type is not None else text


def _check_zip(path: str) -> None:
    """A zip kept as an output: a zip, whose image members open with GDAL."""
    import zipfile
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.lower().endswith(IMAGE_EXTENSIONS)]
    except (zipfile.BadZipFile, OSError) as exc:
        raise not_an_image(path, str(exc)) from None
    for name in names:
        member = "/vsizip/{}/{}".format(os.path.abspath(path), name)
        gdal.ErrorReset()
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            ds = gdal.Open(member)
        except RuntimeError as exc:
            ds, detail = None, str(exc)
        else:
            detail = gdal.GetLastErrorMsg()
        finally:
            gdal.PopErrorHandler()
        if ds is None:
            raise RasterError(translate("Raster", "{member} in {name} is not an image GDAL can read: {detail}")
                              .format(member=name, name=os.path.basename(path), detail=detail or "?"))
        ds = None


def _check_file(path: str) -> None:
    low = path.lower()
    if low.endswith(IMAGE_EXTENSIONS):
        check_image(path)
    elif low.endswith(".zip"):
        _check_zip(path)
    elif low.endswith(".npy"):
        try:
            with open(path, "rb") as handle:
                version = np.lib.format.read_magic(handle)
                if version == (1, 0):
                    np.lib.format.read_array_header_1_0(handle)
                else:
                    np.lib.format.read_array_header_2_0(handle)
        except (OSError, ValueError, SyntaxError) as exc:
            raise not_an_image(path, str(exc)) from None
    elif not low.endswith((".html", ".htm")):
        from .transfer import http
        is_html, _words = http.describe_body(_head(path, 4096))
        if is_html:                   # a metadata file that is a sign-in page
            raise not_an_image(path)


def check_output(path: str) -> None:
    """One reported output is usable, else RasterError in the service's words.

    A file with an image extension opens with GDAL; a ``.zip`` is a zip whose image members
    open; a ``.npy`` has a NumPy header; any other file (metadata) is not a web page; a
    folder (an eodag product) holds at least one image file and each opens; a data source
    URI (``type=xyz&...``) is not a file and is not checked.
    """
    path = os.fspath(path)
    if path.startswith(_URI_PREFIX):
        return
    if os.path.isdir(path):
        images = [os.path.join(root, name) for root, _dirs, names in os.walk(path) for name in sorted(names)
                  if name.lower().endswith(IMAGE_EXTENSIONS)]
        if not images:
            raise RasterError(translate("Raster", "The folder {name} holds no image.").format(
                name=os.path.basename(path)))
        for image in images:
            check_image(image)
        return
    if not os.path.isfile(path):
        raise RasterError(translate("Raster", "The output {path} does not exist.").format(path=path))
    _check_file(path)


def check_outputs(paths: Sequence[str]) -> None:
    """Every reported output is usable (:func:`check_output`), else RasterError."""
    for path in paths:
        check_output(path)


# ---------------------------------------------------------------------------------------
# Inspection
# ---------------------------------------------------------------------------------------
def raster_info(path: str) -> Dict[str, Any]:
    """Georeferencing and band facts of a raster.

    Keys: ``path, driver, width, height, band_count, crs_wkt, epsg (int or None),
    geotransform, bounds (minx, miny, maxx, maxy), dtypes (GDAL names, e.g. "UInt16"),
    numpy_dtypes, band_names (descriptions, "" when unset), nodata (per band),
    overview_counts (per band), layout ("COG" or None), compression``.
    """
    ds = _open(path)
    try:
        gt = tuple(ds.GetGeoTransform() or (0, 1, 0, 0, 0, 1))
        srs = _srs_of(ds)
        epsg = None
        if srs is not None:
            code = srs.GetAuthorityCode(None)
            if code is None and srs.AutoIdentifyEPSG() == 0:
                code = srs.GetAuthorityCode(None)
            epsg = int(code) if code and code.isdigit() else None
        bands = [ds.GetRasterBand(i + 1) for i in range(ds.RasterCount)]
        xs = [gt[0] + gt[1] * c + gt[2] * r for c in (0, ds.RasterXSize) for r in (0, ds.RasterYSize)]
        ys = [gt[3] + gt[4] * c + gt[5] * r for c in (0, ds.RasterXSize) for r in (0, ds.RasterYSize)]
        struct = ds.GetMetadata("IMAGE_STRUCTURE") or {}
        from osgeo import gdal_array
        return {
            "path": path,
            "driver": ds.GetDriver().ShortName,
            "width": ds.RasterXSize,
            "height": ds.RasterYSize,
            "band_count": ds.RasterCount,
            "crs_wkt": ds.GetProjection() or None,
            "epsg": epsg,
            "geotransform": gt,
            "bounds": (min(xs), min(ys), max(xs), max(ys)),
            "dtypes": [gdal.GetDataTypeName(b.DataType) for b in bands],
            "numpy_dtypes": [np.dtype(gdal_array.GDALTypeCodeToNumericTypeCode(b.DataType)).name
                             for b in bands],
            "band_names": [b.GetDescription() or "" for b in bands],
            "nodata": [b.GetNoDataValue() for b in bands],
            "overview_counts": [b.GetOverviewCount() for b in bands],
            "layout": struct.get("LAYOUT"),
            "compression": struct.get("COMPRESSION"),
        }
    finally:
        ds = None


# ---------------------------------------------------------------------------------------
# AOI geometry
# ---------------------------------------------------------------------------------------
def _geometry_of(geojson: Any) -> dict:
    """A GeoJSON geometry dict from a geometry / Feature / FeatureCollection / string / shape."""
    if hasattr(geojson, "__geo_interface__"):
        geojson = geojson.__geo_interface__
    if isinstance(geojson, (str, bytes)):
        try:
            geojson = json.loads(geojson)
        except ValueError:
            raise RasterError(translate("Raster", "The area of interest is not valid GeoJSON.")) from None
    if not isinstance(geojson, Mapping):
        raise RasterError(translate("Raster", "The area of interest is not valid GeoJSON."))
    kind = geojson.get("type")
    if kind == "Feature":
        return _geometry_of(geojson.get("geometry"))
    if kind == "FeatureCollection":
        polys: List[list] = []
        for f in geojson.get("features") or []:
            g = _geometry_of(f)
            polys.extend([g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"])
        return {"type": "MultiPolygon", "coordinates": polys}
    if kind not in ("Polygon", "MultiPolygon"):
        raise RasterError(translate("Raster", "The area of interest must be a polygon, not {kind}.")
                          .format(kind=kind))
    return json.loads(json.dumps({"type": kind, "coordinates": geojson.get("coordinates")}))


def _densify_ring(ring: Sequence[Sequence[float]], step: float, max_parts: int = 256) -> List[List[float]]:
    pts = [[float(p[0]), float(p[1])] for p in ring]
    if len(pts) < 2:
        return pts
    out: List[List[float]] = []
    for (x0, y0), (x1, y1) in zip(pts[:-1], pts[1:]):
        n = min(max_parts, max(1, int(math.ceil(math.hypot(x1 - x0, y1 - y0) / step))))
        for k in range(n):
            out.append([x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n])
    out.append(pts[-1])
    return out


def _densified(geometry: dict) -> dict:
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    xs = [p[0] for poly in polys for ring in poly for p in ring]
    ys = [p[1] for poly in polys for ring in poly for p in ring]
    if not xs:
        raise RasterError(translate("Raster", "The area of interest is empty."))
    step = max(max(xs) - min(xs), max(ys) - min(ys)) / 256.0 or 1e-6
    dense = [[_densify_ring(ring, step) for ring in poly] for poly in polys]
    return {"type": "MultiPolygon", "coordinates": dense}


def _write_cutline(geojson_4326: Any) -> str:
    geometry = _densified(_geometry_of(geojson_4326))
    path = "/vsimem/eo_cutline_%s.geojson" % uuid.uuid4().hex
    fc = {"type": "FeatureCollection",
          "features": [{"type": "Feature", "properties": {}, "geometry": geometry}]}
    gdal.FileFromMemBuffer(path, json.dumps(fc).encode("utf-8"))
    return path


# ---------------------------------------------------------------------------------------
# Mosaic
# ---------------------------------------------------------------------------------------
def _nodata_pair(ds, nodata: Optional[float]) -> Tuple[float, float, bool]:
    """(source nodata, output nodata, is_float) for the first band of ``ds``."""
    band = ds.GetRasterBand(1)
    is_float = band.DataType in _FLOAT_TYPES
    declared = band.GetNoDataValue()
    src = declared if declared is not None else (-math.inf if is_float else 0.0)
    if nodata is not None:
        dst = float(nodata)
    else:
        dst = math.nan if is_float else src
    return src, dst, is_float


def declare_nodata(path: str) -> Optional[float]:
    """Declare for ``path`` the no-data value its masked pixels hold when it declares none: Earth
    Engine fills masked pixels of an export made without ``noData`` with 0 (integers) or -inf
    (floats) and tags nothing, so the AOI's outside shows as a black frame.  The same rule as
    the mosaics' sources (:func:`_nodata_pair`).  The file itself is not changed (its checksum
    is what a rerun compares to reuse it): GDAL keeps the value in ``<path>.aux.xml``, which
    every GDAL reader (QGIS, a VRT over it) takes.  Returns the value declared (None: the
    file had one)."""
    ds = _call(translate("Raster", "open {path}").format(path=path), gdal.Open, path)
    try:
        count = ds.RasterCount
        if any(ds.GetRasterBand(i).GetNoDataValue() is not None for i in range(1, count + 1)):
            return None
        value, _dst, _is_float = _nodata_pair(ds, None)
    finally:
        ds = None
    # one opening per band: a GeoTIFF opened read-only takes the value once for all bands and
    # writes only the first band's to the side file (GDAL 3.6)
    for i in range(1, count + 1):
        ds = _call(translate("Raster", "open {path}").format(path=path), gdal.Open, path)
        ds.GetRasterBand(i).SetNoDataValue(value)
        ds = None
    return value


def _nd_str(value: float) -> str:
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "-inf" if value < 0 else "inf"
    return repr(float(value))


def _check_alike(ds, path: str, srs, srs0, types0: List[int], gt0: Sequence[float]) -> Sequence[float]:
    """Check the tile ``ds`` (CRS ``srs``) has the CRS ``srs0``, the band types ``types0`` and the pixel
    size of ``gt0`` (RasterError naming ``path`` otherwise); returns its geotransform."""
    if (srs is None) != (srs0 is None) or (srs is not None and srs is not srs0 and not srs.IsSame(srs0)):
        raise RasterError(translate("Raster", "The tiles do not share one coordinate system ({path}).")
                          .format(path=path))
    if [ds.GetRasterBand(i + 1).DataType for i in range(ds.RasterCount)] != list(types0):
        raise RasterError(translate("Raster", "The tiles do not have the same bands ({path}).")
                          .format(path=path))
    gt = ds.GetGeoTransform()
    for k in (1, 2, 4, 5):
        if not math.isclose(gt[k], gt0[k], rel_tol=1e-9, abs_tol=1e-12):
            raise RasterError(translate("Raster", "The tiles do not have the same pixel size ({path}).")
                              .format(path=path))
    return gt


def _check_tiles(datasets: Sequence[Any], paths: Sequence[str]) -> Tuple[GeoTransform, int, int]:
    """Check the tiles share one pixel grid; returns the grid of their union (geotransform, width, height).

    The union's origin is taken from the tiles' own numbers (no arithmetic on coordinates),
    so the output keeps exactly the grid Earth Engine gave.
    """
    first = datasets[0]
    gt0 = first.GetGeoTransform()
    srs0 = _srs_of(first)
    types0 = [first.GetRasterBand(i + 1).DataType for i in range(first.RasterCount)]
    det = gt0[1] * gt0[5] - gt0[2] * gt0[4]
    places = [(0, 0, first.RasterXSize, first.RasterYSize, gt0)]
    for ds, path in zip(datasets[1:], paths[1:]):
        gt = _check_alike(ds, path, _srs_of(ds), srs0, types0, gt0)
        dx, dy = gt[0] - gt0[0], gt[3] - gt0[3]
        col = (gt0[5] * dx - gt0[2] * dy) / det
        row = (-gt0[4] * dx + gt0[1] * dy) / det
        if abs(col - round(col)) > 1e-6 or abs(row - round(row)) > 1e-6:
            raise RasterError(translate("Raster", "The tiles are not on one pixel grid ({path}).")
                              .format(path=path))
        places.append((int(round(col)), int(round(row)), ds.RasterXSize, ds.RasterYSize, gt))
    c0 = min(p[0] for p in places)
    r0 = min(p[1] for p in places)
    width = max(p[0] + p[2] for p in places) - c0
    height = max(p[1] + p[3] for p in places) - r0
    if gt0[2] == 0 and gt0[4] == 0:
        # x from a tile of the first column, y from a tile of the first row
        x0 = next(p[4][0] for p in places if p[0] == c0)
        y0 = next(p[4][3] for p in places if p[1] == r0)
    else:
        x0 = gt0[0] + c0 * gt0[1] + r0 * gt0[2]
        y0 = gt0[3] + c0 * gt0[4] + r0 * gt0[5]
    return (x0, gt0[1], gt0[2], y0, gt0[4], gt0[5]), width, height


# AOI coverage of a tile: which pixel centres the polygon holds
INSIDE, PARTIAL, OUTSIDE = "inside", "partial", "outside"


def _cutline_in(srs: Optional[osr.SpatialReference], geojson_4326: Any):
    """The densified AOI polygon as an OGR geometry in ``srs`` (as GDAL's cutline ends up): a new
    object per call (OGR geometries are not shared between threads), made from the WKB of the last
    few polygons and CRSs asked for (every tile of a download asks for the same one)."""
    from osgeo import ogr
    text = json.dumps(_geometry_of(geojson_4326), sort_keys=True)
    geom = ogr.CreateGeometryFromWkb(_cutline_wkb(text, srs.ExportToWkt() if srs is not None else ""))
    if geom is None:
        raise RasterError(translate("Raster", "The area of interest is not valid GeoJSON."))
    return geom


@functools.lru_cache(maxsize=16)
def _cutline_wkb(geojson_text: str, srs_wkt: str) -> bytes:
    """:func:`_cutline_in` for a polygon as JSON text and a CRS as WKT ("": none), as WKB."""
    from osgeo import ogr
    geom = ogr.CreateGeometryFromJson(json.dumps(_densified(json.loads(geojson_text))))
    if geom is None:
        raise RasterError(translate("Raster", "The area of interest is not valid GeoJSON."))
    if srs_wkt:
        wgs84 = osr.SpatialReference()
        wgs84.ImportFromEPSG(4326)
        wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        target = osr.SpatialReference()
        target.ImportFromWkt(srs_wkt)
        target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        if geom.Transform(osr.CoordinateTransformation(wgs84, target)) != 0:
            raise _fail(translate("Raster", "transform the area of interest"))
    return bytes(geom.ExportToWkb())


def coverage(ds, geojson_4326: Any) -> str:
    """Whether the EPSG:4326 polygon holds all (INSIDE), some (PARTIAL) or none (OUTSIDE) of the
    pixel centres of the raster ``ds`` (a path or an open dataset).  Rotated grids are PARTIAL."""
    from osgeo import ogr
    if isinstance(ds, (str, os.PathLike)):
        ds = _open(os.fspath(ds))
    gt = ds.GetGeoTransform()
    if gt[2] != 0 or gt[4] != 0:
        return PARTIAL
    geom = _cutline_in(_srs_of(ds), geojson_4326)
    xa, xb = gt[0] + 0.5 * gt[1], gt[0] + (ds.RasterXSize - 0.5) * gt[1]
    ya, yb = gt[3] + 0.5 * gt[5], gt[3] + (ds.RasterYSize - 0.5) * gt[5]
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((xa, ya), (xb, ya), (xb, yb), (xa, yb), (xa, ya)):
        ring.AddPoint_2D(x, y)
    centres = ogr.Geometry(ogr.wkbPolygon)
    centres.AddGeometry(ring)
    if not geom.Intersects(centres):
        return OUTSIDE
    if geom.Contains(centres):
        return INSIDE
    return PARTIAL


def overview_factors(width: int, height: int, smallest: int = 256) -> List[int]:
    """Overview decimation factors 2, 4, 8 ... while the overview stays at least ``smallest`` px."""
    levels = []
    f = 2
    while max(width, height) / f >= smallest:
        levels.append(f)
        f *= 2
    return levels


def _scratch_options() -> List[str]:
    """Creation options of intermediate GeoTIFFs: tiled, with a fast compression."""
    codecs = gdal.GetDriverByName("GTiff").GetMetadataItem("DMD_CREATIONOPTIONLIST") or ""
    codec = ["COMPRESS=ZSTD", "ZSTD_LEVEL=1"] if "ZSTD" in codecs else ["COMPRESS=LZW"]
    return ["TILED=YES", "BIGTIFF=IF_SAFER"] + codec


def burn_mask(geom, srs_wkt: str, gt: Sequence[float], width: int, height: int) -> np.ndarray:
    """The pixels of a grid (``gt``, ``width`` x ``height``, CRS ``srs_wkt``) whose centre lies inside the
    OGR polygon ``geom`` (in that CRS): GDAL's rasterisation, the rule of a warp cutline."""
    from osgeo import ogr
    target = gdal.GetDriverByName("MEM").Create("", int(width), int(height), 1, gdal.GDT_Byte)
    target.SetGeoTransform(tuple(gt))
    target.SetProjection(srs_wkt)
    srs = osr.SpatialReference()
    srs.ImportFromWkt(srs_wkt)
    source = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = source.CreateLayer("aoi", srs, ogr.wkbMultiPolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(geom)
    layer.CreateFeature(feature)
    feature = None          # (before its layer's data source: it holds the layer's definition)
    gdal.RasterizeLayer(target, [1], layer, burn_values=[1])
    mask = read_array(target.GetRasterBand(1)).astype(bool)
    layer = None
    target = source = None
    return mask


#: Most bytes of one band masked at once by :func:`_mask_tile` (whole rows).
MASK_CHUNK_BYTES = 32 * 1048576


#: Creation options of the tiles :func:`prepare_tile` readies for a mosaic: tiled, not compressed.  The
#: COG is written after the last byte by one reading thread (see :data:`COG_OPTIONS`), which spent
#: 1.2-1.5 of its 3.5-3.8 CPU seconds decoding the tiles as they came (DEFLATE) for a 10 001 px
#: mosaic; ZSTD (level 1) saved only 0.4-0.8 s of it.  Rewriting a tile costs its download thread
#: 0.04-0.08 CPU s more (2001 px, 3 bands) while the others download, off the critical path; the
#: price is disk while the job runs: the raw size (bench_cog.py's tiles with their overviews: 699
#: instead of 426 MiB as downloaded; with noise closer to real imagery, 717 instead of 490 MiB).
TILE_OPTIONS = ["TILED=YES", "BIGTIFF=IF_SAFER", "COMPRESS=NONE"]


def _create_like(ds, dest: str, options: List[str], nodata: float, what: str):
    """A new GTiff ``dest`` (``options``) on the grid of ``ds``, with its bands' types and descriptions and
    ``nodata`` on every band; ``what``: the step named if GDAL cannot create it."""
    first = ds.GetRasterBand(1)
    out = _call(what, gdal.GetDriverByName("GTiff").Create, dest, ds.RasterXSize, ds.RasterYSize, ds.RasterCount,
                first.DataType, options)
    out.SetGeoTransform(ds.GetGeoTransform())
    out.SetProjection(ds.GetProjection())
    for i in range(ds.RasterCount):
        band, ob = ds.GetRasterBand(i + 1), out.GetRasterBand(i + 1)
        ob.SetNoDataValue(nodata)
        if band.GetDescription():
            ob.SetDescription(band.GetDescription())
    return out


def _mask_tile(ds, dest: str, geojson_4326: Any, cancel=None) -> None:
    """Write ``dest``: the tile with the pixels whose centre is outside the polygon set to its
    *source* nodata (-inf / 0 / declared), so masked and untouched tiles read alike.  The polygon
    is rasterised on the tile's grid (:func:`burn_mask`) and applied by chunks of rows: a copy, not
    a warp (the grid is the tile's own); written with :func:`_scratch_options`."""
    src_nd, _dst, _f = _nodata_pair(ds, None)
    gt = ds.GetGeoTransform()
    w, h, count = ds.RasterXSize, ds.RasterYSize, ds.RasterCount
    srs = _srs_of(ds)
    geom = _cutline_in(srs, geojson_4326)
    wkt = srs.ExportToWkt() if srs is not None else ""
    out = _create_like(ds, dest, _scratch_options(), src_nd, translate("Raster", "mask the raster"))
    try:
        row_bytes = max(1, w * gdal.GetDataTypeSize(ds.GetRasterBand(1).DataType) // 8)
        step = max(1, MASK_CHUNK_BYTES // row_bytes)
        for row in range(0, h, step):
            _check_cancel(cancel)
            rows = min(step, h - row)
            outside = ~burn_mask(geom, wkt, (gt[0] + row * gt[2], gt[1], gt[2], gt[3] + row * gt[5], gt[4], gt[5]),
                                 w, rows)
            for i in range(count):
                data = read_array(ds.GetRasterBand(i + 1), 0, row, w, rows,
                                  what=translate("Raster", "mask the raster"))
                data[outside] = src_nd
                write_array(out.GetRasterBand(i + 1), data, 0, row)
        out.FlushCache()
    finally:
        out = None


def _remove_quietly_ovr(path: str) -> None:
    try:
        os.remove(path + ".ovr")
    except OSError:
        pass


def prepare_tile(path: str, geojson_4326: Any = None, *, factors: Sequence[int] = (),
                 cancel=None) -> Optional[str]:
    """Make a downloaded tile ready to be mosaicked and drawn, in place.

    With a polygon: a tile the polygon cuts through is masked (pixels whose centre is
    outside become the tile's nodata, the source convention of the module docstring);
    a tile wholly inside is left as it is; for a tile with no pixel centre inside, returns
    ``None`` (nothing of it is kept).  With ``factors`` (a tile of a larger output) the
    tile gets internal overviews of those factors (a mosaic VRT of such tiles draws at any
    scale without reading every pixel).  A tile masked or given overviews is written again
    uncompressed (:data:`TILE_OPTIONS`: the mosaic after the last byte reads it without
    decoding), in one pass (:func:`_write_ready_tile`).  Replacing the file is atomic.
    Returns ``path`` (or ``None``).
    """
    path = os.fspath(path)
    _check_cancel(cancel)
    if geojson_4326 is None and not factors:
        return path
    ds = _open(path)
    try:
        where = coverage(ds, geojson_4326) if geojson_4326 is not None else INSIDE
        if where == OUTSIDE:
            return None
        if where == INSIDE and not factors:
            return path
        part = _part_path(path)
        _remove_quietly(part)
        try:
            _write_ready_tile(ds, part, geojson_4326 if where == PARTIAL else None, factors, cancel)
            ds = None
            _remove_quietly_ovr(path)
            os.replace(part, path)
        except RasterError:
            _remove_quietly(part)
            _check_cancel(cancel)
            raise
    finally:
        ds = None
    return path


def _nearest(n_src: int, n_dst: int) -> np.ndarray:
    """The source rows (or columns) an overview of ``n_dst`` takes from ``n_src`` by nearest neighbour,
    as GDAL's ``BuildOverviews("NEAREST")`` picks them (each level from the one before)."""
    return np.minimum(np.floor(np.arange(n_dst) * (n_src / float(n_dst)) + 0.5).astype(np.int64), n_src - 1)


def _write_ready_tile(ds, dest: str, geojson_4326: Any, factors: Sequence[int], cancel=None) -> None:
    """Write ``dest``: the pixels of the tile ``ds`` (those whose centre is outside the polygon, when one
    is given, set to the source nodata as :func:`_mask_tile` does), uncompressed (:data:`TILE_OPTIONS`),
    with internal overviews of ``factors`` computed here from the same pixels (nearest neighbour,
    :func:`_nearest`).  The tile is read once and nothing is compressed: a tile of 4001 x 334 px x 3
    bands took 86 ms (decode, mask, write, then GDAL reading it again for ZSTD overviews beside it),
    now about half (docs/performance.md).  The whole tile is in RAM: an Earth Engine tile is at most
    one request (48 MiB)."""
    src_nd, _dst, _f = _nodata_pair(ds, None)
    gt = ds.GetGeoTransform()
    w, h, count = ds.RasterXSize, ds.RasterYSize, ds.RasterCount
    data = read_array(ds, what=translate("Raster", "mask the raster"))
    if geojson_4326 is not None:
        srs = _srs_of(ds)
        geom = _cutline_in(srs, geojson_4326)
        data[:, ~burn_mask(geom, srs.ExportToWkt() if srs is not None else "", gt, w, h)] = src_nd
    _check_cancel(cancel)
    out = _create_like(ds, dest, TILE_OPTIONS, src_nd, translate("Raster", "write {path}").format(path=dest))
    try:
        out.SetMetadata(ds.GetMetadata() or {})
        for i in range(count):
            write_array(out.GetRasterBand(i + 1), data[i])
        err = _call(translate("Raster", "build overviews"), out.BuildOverviews, "NONE", list(factors)) \
            if factors else 0
        if err not in (0, None):
            raise _fail(translate("Raster", "build overviews"), gdal.GetLastErrorMsg())
        level = data
        for k in range(len(factors)):
            ov = out.GetRasterBand(1).GetOverview(k)
            level = level[:, _nearest(level.shape[1], ov.YSize)][:, :, _nearest(level.shape[2], ov.XSize)]
            for i in range(count):
                write_array(out.GetRasterBand(i + 1).GetOverview(k), level[i])
        ov = None
        out.FlushCache()
    finally:
        out = None


def _overlapping(datasets: Sequence[Any]) -> bool:
    """Whether two of the tiles (on one north-up grid, see :func:`_check_tiles`) share a pixel
    (True for rotated grids: not looked at)."""
    gt0 = datasets[0].GetGeoTransform()
    if gt0[2] != 0 or gt0[4] != 0:
        return True
    boxes = []
    for ds in datasets:
        gt = ds.GetGeoTransform()
        col, row = round((gt[0] - gt0[0]) / gt0[1]), round((gt[3] - gt0[3]) / gt0[5])
        boxes.append((col, row, col + ds.RasterXSize, row + ds.RasterYSize))
    a = np.array(boxes)
    shared = (a[:, None, 0] < a[None, :, 2]) & (a[None, :, 0] < a[:, None, 2]) \
        & (a[:, None, 1] < a[None, :, 3]) & (a[None, :, 1] < a[:, None, 3])
    np.fill_diagonal(shared, False)
    return bool(shared.any())


def _band_names(first, band_names: Optional[Sequence[str]]) -> List[str]:
    """The output's band names: ``band_names`` (one per band of the tile ``first``), else the tile's own."""
    if band_names is None:
        return [first.GetRasterBand(i + 1).GetDescription() for i in range(first.RasterCount)]
    if len(band_names) != first.RasterCount:
        raise RasterError(translate("Raster", "{n} band names were given for {m} bands.")
                          .format(n=len(band_names), m=first.RasterCount))
    return list(band_names)


def mosaic_vrt(tile_paths: Sequence[str], vrt_path: str, *, grid: Optional[Tuple[GeoTransform, int, int]] = None,
               nodata: Optional[float] = None, band_names: Optional[Sequence[str]] = None) -> str:
    """A VRT mosaic of aligned tiles on ``grid`` (default: the tiles' union): source nodata
    (-inf / 0 / declared) reads as the output nodata of the module docstring.  When every tile
    has overviews, GDAL gives the VRT the same overviews (implicit overviews), so the mosaic
    draws at once; it is also the source of :func:`mosaic`'s output.  Returns ``vrt_path``."""
    paths = [os.fspath(p) for p in tile_paths]
    if not paths:
        raise RasterError(translate("Raster", "There are no tiles to combine."))
    datasets = [_open(p) for p in paths]
    vrt = None
    try:
        union = _check_tiles(datasets, paths)
        gt, width, height = grid or union
        first = datasets[0]
        names = _band_names(first, band_names)
        src_nd, dst_nd, _f = _nodata_pair(first, nodata)
        # Tiles side by side whose nodata is the output's: plain sources, whose blocks GDAL copies
        # (same pixels; a COG of 10 000 px written about twice as fast); else nodata-aware ones.
        plain = _nd_str(src_nd) == _nd_str(dst_nd) and not _overlapping(datasets)
        xs = (gt[0], gt[0] + gt[1] * width)
        ys = (gt[3], gt[3] + gt[5] * height)
        vrt = _call(translate("Raster", "combine the tiles"), gdal.BuildVRT, os.fspath(vrt_path), datasets,
                    options=gdal.BuildVRTOptions(srcNodata="None" if plain else _nd_str(src_nd),
                                                 VRTNodata=_nd_str(dst_nd),
                                                 resolution="user", xRes=abs(gt[1]), yRes=abs(gt[5]),
                                                 outputBounds=(min(xs), min(ys), max(xs), max(ys)),
                                                 resampleAlg="nearest"))
        if (vrt.RasterXSize, vrt.RasterYSize) != (width, height):
            raise _fail(translate("Raster", "combine the tiles"), "{}x{} != {}x{}".format(
                vrt.RasterXSize, vrt.RasterYSize, width, height))
        vrt.SetGeoTransform(tuple(gt))
        for i, name in enumerate(names):
            band = vrt.GetRasterBand(i + 1)
            band.SetNoDataValue(dst_nd)
            if name:
                band.SetDescription(name)
        vrt.FlushCache()
        return os.fspath(vrt_path)
    finally:
        vrt = None
        datasets = []


#: Creation options of the Cloud-Optimized GeoTIFFs :func:`mosaic` writes (with ``OVERVIEWS=``).  DEFLATE,
#: which every GeoTIFF reader knows, at level 1 with the horizontal predictor: GDAL's default level (6)
#: took about 4 times the CPU for files 4 to 55 % smaller, depending on the pixels, and without the
#: predictor level 1 took 1.7 times the CPU for a file 3.8 times larger (smooth uint16 pixels;
#: bench/bench_cog.py, docs/performance.md).  The blocks are compressed by every core; the source is
#: read by one thread (GDAL 3.6 decodes a VRT's sources one after the other; ``GDAL_NUM_THREADS``
#: gave the mosaic's first overview other pixels: the tiles' half-pixel offsets at that level are
#: rounded differently).  With ``OVERVIEWS=AUTO`` the overviews come from the source's own (the
#: tiles' from :func:`prepare_tile`, made once for the preview), written once, not computed again.
COG_OPTIONS = ["COMPRESS=DEFLATE", "LEVEL=1", "PREDICTOR=YES", "BIGTIFF=IF_SAFER", "NUM_THREADS=ALL_CPUS",
               "OVERVIEW_RESAMPLING=NEAREST"]

#: The block size of the COGs (GDAL's COG default): the cache bound holds two block rows of the output.
COG_BLOCK = 512

#: Raw size (width x height x bands x bytes per sample) up to which a COG whose source has no overviews
#: is staged in RAM with its overviews (:func:`_staged_in_ram`).  The COG driver computes the overviews
#: of such a source by reading all of it into a temporary file, then reads it again for the full
#: resolution, which is most of the time of a small output (a 1098 px 3-band STAC window of three files
#: through a VRT: 0.17 of 0.21-0.27 s).  From RAM, with the overviews built there (nearest neighbour,
#: as many levels as the COG driver makes): 0.14-0.16 s; an Earth Engine output of 2001 px in 11 tiles:
#: 0.12-0.14 s, against 0.17-0.18 s with the COG driver computing them from RAM and 0.11-0.15 s when the
#: tiles bring overviews of their own (which then cost every tile their making).  Their sizes are
#: ``BuildOverviews``' (rounded up: 1098 px gives 549 and 275 px; the COG driver's halving gives 274).
#: Up to this size too an Earth Engine output is assembled in RAM as its tiles land (:class:`RamMosaic`):
#: no masked tile written, read back and copied after the last byte.  128 MiB (about 4700 x 4700 px x 3
#: bands uint16): the RAM it takes (the raw pixels and a third more) stays below what writing the tiles
#: took -- the 40 x 40 km download of bench_ee_geedim.py (4001 px, 96 MB): peak RSS 290 MiB, against
#: 400-440 MiB through tile files (64 MiB here), and 1.54 s instead of 1.9 s.  A larger output streams
#: through the COG driver.
SMALL_COG_BYTES = 128 << 20

def _cog_levels(width: int, height: int) -> List[int]:
    """The overview factors of a COG of this size: as many levels as GDAL's COG driver makes (halving
    while a side is larger than a block)."""
    factors, w, h = [], width, height
    while w > COG_BLOCK or h > COG_BLOCK:
        w, h = w // 2, h // 2
        factors.append(2 ** (len(factors) + 1))
    return factors


def _staged_in_ram(src, cancel, progress):
    """A small source without overviews copied to a MEM dataset, with its overviews (nearest
    neighbour, :func:`_cog_levels`) built there (:data:`SMALL_COG_BYTES`)."""
    mem = _call(translate("Raster", "write {path}").format(path="MEM"), gdal.Translate, "", src,
                options=gdal.TranslateOptions(format="MEM", callback=_gdal_progress(cancel, progress, 30.0, 15.0)))
    _overviews_in_ram(mem, cancel, progress)
    return mem


def _overviews_in_ram(mem, cancel, progress) -> None:
    """The COG's overviews of a MEM dataset built there (nearest neighbour, :func:`_cog_levels`)."""
    factors = _cog_levels(mem.RasterXSize, mem.RasterYSize)
    if factors:
        err = _call(translate("Raster", "build overviews"), mem.BuildOverviews, "NEAREST", factors,
                    _gdal_progress(cancel, progress, 45.0, 5.0))
        if err not in (0, None):
            raise _fail(translate("Raster", "build overviews"), gdal.GetLastErrorMsg())


def _mem_like(first, grid: Tuple[GeoTransform, int, int], nodata: float, names: Sequence[str], fill: bool):
    """A MEM dataset on ``grid`` with the bands' types and CRS of the tile ``first``, ``nodata`` and band
    ``names`` on its bands, filled with ``nodata`` when ``fill`` (a MEM dataset starts as zeros)."""
    gt, width, height = grid
    mem = _call(translate("Raster", "combine the tiles"), gdal.GetDriverByName("MEM").Create, "",
                int(width), int(height), first.RasterCount, first.GetRasterBand(1).DataType)
    mem.SetGeoTransform(tuple(gt))
    mem.SetProjection(first.GetProjection())
    for i in range(first.RasterCount):
        band = mem.GetRasterBand(i + 1)
        band.SetNoDataValue(nodata)
        if fill and nodata != 0:
            band.Fill(nodata)
        if names[i]:
            band.SetDescription(names[i])
    return mem


def _tiles_in_ram(datasets: Sequence[Any], grid: Tuple[GeoTransform, int, int], nodata: Optional[float],
                  band_names: Sequence[str], cancel, progress):
    """What :func:`_staged_in_ram` makes of the :func:`mosaic_vrt` of ``datasets`` on ``grid``, copied
    straight from the tiles, each in one read and one write (the VRT is read block by block: an Earth
    Engine output of 2001 px in 11 tiles staged in 0.02-0.04 s instead of 0.05-0.07 s); None unless it
    is the same: tiles side by side whose nodata is the output's, on a north-up grid holding them, small
    (:data:`SMALL_COG_BYTES`) and without overviews of their own."""
    gt, width, height = grid
    first = datasets[0]
    names = _band_names(first, band_names)
    band = first.GetRasterBand(1)
    src_nd, dst_nd, _f = _nodata_pair(first, nodata)
    raw = width * height * first.RasterCount * (gdal.GetDataTypeSize(band.DataType) // 8)
    if raw > SMALL_COG_BYTES or _nd_str(src_nd) != _nd_str(dst_nd) or _overlapping(datasets) \
            or any(ds.GetRasterBand(1).GetOverviewCount() for ds in datasets):
        return None
    places, covered = [], 0
    for ds in datasets:
        tg = ds.GetGeoTransform()
        col, row = int(round((tg[0] - gt[0]) / gt[1])), int(round((tg[3] - gt[3]) / gt[5]))
        if col < 0 or row < 0 or col + ds.RasterXSize > width or row + ds.RasterYSize > height:
            return None
        places.append((ds, col, row))
        covered += ds.RasterXSize * ds.RasterYSize
    mem = _mem_like(first, grid, dst_nd, names, fill=covered < width * height)
    for k, (ds, col, row) in enumerate(places):
        _check_cancel(cancel)
        w, h = ds.RasterXSize, ds.RasterYSize
        if mem.WriteRaster(col, row, w, h, ds.ReadRaster(0, 0, w, h)) != 0:
            raise _fail(translate("Raster", "combine the tiles"), gdal.GetLastErrorMsg())
        if progress is not None:
            progress(30.0 + 15.0 * (k + 1) / len(places))
    _overviews_in_ram(mem, cancel, progress)
    return mem


def _write_cog(source, part: str, overviews: bool, cancel, progress) -> None:
    """Write the COG ``part`` of ``source``, the mosaic VRT's path or a dataset staged in RAM: a small
    source without overviews staged in RAM (:data:`SMALL_COG_BYTES`), any other straight from the VRT.
    (GDAL's block cache is left as it is: bounding it during the write, process-wide, kept the decoded
    mosaic out of RAM -- peak +127 instead of +869 MiB for 10 001 px -- but it is QGIS's cache too, and
    with it the suite crashed in QGIS's own code; see docs/performance.md.)"""
    src = _open(source) if isinstance(source, str) else source
    try:
        band = src.GetRasterBand(1)
        sample = gdal.GetDataTypeSize(band.DataType) // 8
        raw = src.RasterXSize * src.RasterYSize * src.RasterCount * sample
        start = 30.0 if isinstance(source, str) else 50.0
        if isinstance(source, str) and overviews and band.GetOverviewCount() == 0 and raw <= SMALL_COG_BYTES:
            band = None
            src = _staged_in_ram(src, cancel, progress)
            start = 50.0
        opts = COG_OPTIONS + ["BLOCKSIZE=%d" % COG_BLOCK, "OVERVIEWS=%s" % ("AUTO" if overviews else "NONE")]
        _call(translate("Raster", "write {path}").format(path=part), gdal.Translate, part, src,
              options=gdal.TranslateOptions(format="COG", creationOptions=opts,
                                            callback=_gdal_progress(cancel, progress, start, 100.0 - start)))
    finally:
        band = None
        src = None


def _into_place(part: str, dest_path: str, cancel, progress) -> str:
    """Move the written ``part`` to ``dest_path`` (unless cancelled meanwhile); returns ``dest_path``."""
    _check_cancel(cancel)
    os.replace(part, dest_path)
    if progress is not None:
        progress(100.0)
    return dest_path


def _cancelled_instead(cancel) -> None:
    """In a handler of GDAL's failure: a cancel is what the user sees, not the failure it caused."""
    if cancel is not None and cancel.is_cancelled():
        raise CancelledError(translate("Jobs", "Cancelled by the user.")) from None


class RamMosaic:
    """A small output (:data:`SMALL_COG_BYTES`) assembled in RAM while its tiles land, then written as a COG.

    :meth:`put` masks a tile to the AOI (as :func:`prepare_tile` does) straight into a MEM dataset of the
    output grid, on the thread that prepares it, while the others download; :meth:`write` then only
    builds the overviews there and writes the COG (:func:`_write_cog`), atomically.  The same file as
    :func:`mosaic` of the prepared tiles on that grid (tested), without writing the masked tiles, reading
    them back through a VRT and copying them into RAM after the last byte (an Earth Engine output of
    2001 px in 11 tiles: 0.10-0.12 s less between the last byte and the file, docs/performance.md).
    Thread-safe.  ``grid``: ``(geotransform, width, height)``; ``band_names``: one per band or None (the
    tiles' own)."""

    def __init__(self, grid: Tuple[GeoTransform, int, int], band_names: Optional[Sequence[str]] = None):
        self.grid = (tuple(grid[0]), int(grid[1]), int(grid[2]))
        self.band_names = list(band_names) if band_names is not None else None
        self._lock = threading.Lock()
        self._mem = None
        self._template = None      # (CRS as WKT and as OSR, band types, output nodata) of the first tile
        self.inside = 0            # tiles put with a pixel centre inside the AOI

    def _start(self, ds, dst_nd: float) -> None:
        """The MEM dataset, made like the first tile (types, CRS, output nodata ``dst_nd``, band names); under
        the lock."""
        self._mem = _mem_like(ds, self.grid, dst_nd, _band_names(ds, self.band_names), fill=True)
        self._template = (ds.GetProjection(), _srs_of(ds),
                          [ds.GetRasterBand(i + 1).DataType for i in range(ds.RasterCount)], dst_nd)

    def _place(self, ds, path: str, dst_nd: float) -> Tuple[int, int]:
        """Where the tile ``ds`` (output nodata ``dst_nd``) goes on the grid (column, row), checked as
        :func:`_check_tiles` does, and its nodata as the first tile's."""
        gt, width, height = self.grid
        wkt, srs0, types, nodata = self._template
        same = ds.GetProjection() == wkt          # (the usual case, without comparing the CRSs)
        tg = _check_alike(ds, path, srs0 if same else _srs_of(ds), srs0, types, gt)
        if _nd_str(nodata) != _nd_str(dst_nd):
            raise RasterError(translate("Raster", "The tiles do not have the same bands ({path}).").format(path=path))
        col, row = (tg[0] - gt[0]) / gt[1], (tg[3] - gt[3]) / gt[5]
        if gt[2] != 0 or gt[4] != 0 or abs(col - round(col)) > 1e-6 or abs(row - round(row)) > 1e-6 \
                or round(col) < 0 or round(row) < 0 or round(col) + ds.RasterXSize > width \
                or round(row) + ds.RasterYSize > height:
            raise RasterError(translate("Raster", "The tiles are not on one pixel grid ({path}).")
                              .format(path=path))
        return int(round(col)), int(round(row))

    def put(self, path: str, geojson_4326: Any = None, cancel=None) -> Optional[str]:
        """Put the tile ``path`` in its place, its pixels whose centre is outside the polygon as nodata;
        returns ``path``, or None when no pixel centre of it is inside (nothing of it is kept)."""
        path = os.fspath(path)
        _check_cancel(cancel)
        ds = _open(path)
        try:
            # The tile is read and masked before the lock is taken (two tiles' pixels are decoded at once);
            # the lock covers the mosaic's making, the tile's place and its write.
            where = coverage(ds, geojson_4326) if geojson_4326 is not None else INSIDE
            if where == OUTSIDE:
                return None
            w, h, count = ds.RasterXSize, ds.RasterYSize, ds.RasterCount
            src_nd, dst_nd, _f = _nodata_pair(ds, None)
            data = read_array(ds, what=translate("Raster", "combine the tiles"))
            if _nd_str(src_nd) != _nd_str(dst_nd):
                data[(data == src_nd) if not math.isnan(src_nd) else np.isnan(data)] = dst_nd
            if where == PARTIAL:
                srs = _srs_of(ds)
                geom = _cutline_in(srs, geojson_4326)
                data[:, ~burn_mask(geom, srs.ExportToWkt() if srs is not None else "", ds.GetGeoTransform(),
                                   w, h)] = dst_nd
            _check_cancel(cancel)
            with self._lock:
                if self._mem is None:
                    self._start(ds, dst_nd)
                col, row = self._place(ds, path, dst_nd)
                for i in range(count):
                    write_array(self._mem.GetRasterBand(i + 1), data[i], col, row,
                                what=translate("Raster", "combine the tiles"))
                self.inside += 1
            return path
        finally:
            ds = None

    def write(self, dest_path: str, cancel=None, progress: Optional[Callable[[float], None]] = None) -> str:
        """Write the COG ``dest_path`` of what was put (overviews built in RAM), through a ``.part.tif``
        moved into place; on failure or cancel nothing is left behind.  The RAM is given back."""
        dest_path = os.fspath(dest_path)
        part = _part_path(dest_path)
        _remove_quietly(part)
        try:
            with self._lock:
                mem, self._mem = self._mem, None
            if mem is None:
                raise RasterError(translate("Raster", "There are no tiles to combine."))
            _overviews_in_ram(mem, cancel, progress)
            _write_cog(mem, part, True, cancel, progress)
            mem = None
            return _into_place(part, dest_path, cancel, progress)
        except RasterError:
            _cancelled_instead(cancel)
            raise
        finally:
            mem = None
            _remove_quietly(part)


def mosaic(tile_paths: Sequence[str], dest_path: str, *, cutline_geojson: Any = None,  # noqa: C901 (see docs/architecture.md, exceptions)
           nodata: Optional[float] = None, cog: bool = True, overviews: bool = True,
           cancel=None, progress: Optional[Callable[[float], None]] = None,
           band_names: Optional[Sequence[str]] = None,
           grid: Optional[Tuple[GeoTransform, int, int]] = None) -> str:
    """Combine aligned tiles into one GeoTIFF, optionally masked to an AOI polygon.

    ``tile_paths``: rasters on one pixel grid (same CRS, pixel size, bands and types; tile
    origins whole pixels apart), e.g. the tiles of a split Earth Engine request.  They are
    not modified.  ``cutline_geojson``: EPSG:4326 polygon (geometry, Feature,
    FeatureCollection, string or shapely shape); pixels whose centre is outside become
    nodata (only the tiles the polygon cuts through are masked, into scratch copies; tiles
    wholly outside are left out).  ``grid``: the output grid ``(geotransform, width,
    height)`` when it is more than the tiles' union (tiles left out by
    :func:`prepare_tile`).  The output keeps the tiles' grid, data type and band
    descriptions; nodata follows the module docstring.  ``cog``: write a Cloud-Optimized
    GeoTIFF (GDAL COG driver, DEFLATE, internal overviews when ``overviews``; taken from
    the tiles' own overviews when they all have them; in bounded memory, a small source
    without overviews staged in RAM: :func:`_write_cog`); otherwise a tiled DEFLATE GeoTIFF
    (overviews built in).  Written to ``<dest without extension>.part.tif`` and moved
    into place with ``os.replace``; on failure or cancel (``cancel.is_cancelled()``)
    nothing is left behind.  ``progress(percent)`` receives 0..100.  ``band_names``
    overrides the tiles' band descriptions.  Returns ``dest_path``.
    """
    paths = [os.fspath(p) for p in tile_paths]
    if not paths:
        raise RasterError(translate("Raster", "There are no tiles to combine."))
    dest_path = os.fspath(dest_path)
    part = _part_path(dest_path)
    _check_cancel(cancel)
    _remove_quietly(part)
    scratch = part[:-len(".tif")] + ".tiles"
    vrt_path = "/vsimem/eo_mosaic_%s.vrt" % uuid.uuid4().hex
    out = staged = None
    try:
        datasets = [_open(p) for p in paths]
        union = _check_tiles(datasets, paths)
        first = datasets[0]
        if band_names is None:
            band_names = [first.GetRasterBand(i + 1).GetDescription() for i in range(first.RasterCount)]
        is_float = first.GetRasterBand(1).DataType in _FLOAT_TYPES
        kept = paths
        if cutline_geojson is not None:
            kept = []
            for i, (ds, p) in enumerate(zip(datasets, paths)):
                _check_cancel(cancel)
                where = coverage(ds, cutline_geojson)
                if where == INSIDE:
                    kept.append(p)
                elif where == PARTIAL or (i == len(paths) - 1 and not kept):
                    # (a polygon holding no pixel centre at all still gives the whole grid, empty)
                    os.makedirs(scratch, exist_ok=True)
                    masked = os.path.join(scratch, "%d.tif" % i)
                    _mask_tile(ds, masked, cutline_geojson, cancel)
                    kept.append(masked)
                if progress is not None:
                    progress(30.0 * (i + 1) / len(paths))
        staged = None
        if cog and overviews:
            staged = _tiles_in_ram(datasets if kept == paths else [_open(p) for p in kept], grid or union,
                                   nodata, band_names, cancel, progress)
        datasets = []
        first = None
        if staged is None:
            mosaic_vrt(kept, vrt_path, grid=grid or union, nodata=nodata, band_names=band_names)
        _check_cancel(cancel)
        if cog:
            _write_cog(vrt_path if staged is None else staged, part, overviews, cancel, progress)
            staged = None
        else:
            opts = ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=%d" % (3 if is_float else 2),
                    "BIGTIFF=IF_SAFER", "NUM_THREADS=ALL_CPUS"]
            out = _call(translate("Raster", "write {path}").format(path=part), gdal.Translate, part, vrt_path,
                        options=gdal.TranslateOptions(format="GTiff", creationOptions=opts,
                                                      callback=_gdal_progress(cancel, progress, 30.0, 50.0)))
            levels = overview_factors(out.RasterXSize, out.RasterYSize) if overviews else []
            if levels:
                err = _call(translate("Raster", "build overviews"), out.BuildOverviews, "NEAREST", levels,
                            _gdal_progress(cancel, progress, 80.0, 20.0))
                if err not in (0, None):
                    raise _fail(translate("Raster", "build overviews"), gdal.GetLastErrorMsg())
            out.FlushCache()
            out = None
        return _into_place(part, dest_path, cancel, progress)
    except RasterError:
        if cancel is not None and cancel.is_cancelled():
            out = None
            _remove_quietly(part)
        _cancelled_instead(cancel)
        raise
    finally:
        out = staged = None
        datasets = []
        _remove_quietly(part)
        if os.path.isdir(scratch):
            import shutil
            shutil.rmtree(scratch, ignore_errors=True)
        _unlink_vsi(vrt_path)


def mask_to_polygon(path: str, geojson_4326: Any, dest_path: Optional[str] = None, *,
                    nodata: Optional[float] = None, cog: bool = True, cancel=None,
                    band_names: Optional[Sequence[str]] = None) -> str:
    """Set pixels of ``path`` whose centre lies outside the EPSG:4326 polygon to nodata.

    Writes ``dest_path`` (or replaces ``path`` itself, atomically) exactly as :func:`mosaic`
    does for a single tile.  Returns the written path.
    """
    return mosaic([path], dest_path or path, cutline_geojson=geojson_4326, nodata=nodata, cog=cog,
                  cancel=cancel, band_names=band_names)


# ---------------------------------------------------------------------------------------
# Band stack
# ---------------------------------------------------------------------------------------
def stack_vrt(band_paths: Sequence[str], dest_vrt: str, band_names: Optional[Sequence[str]] = None) -> str:
    """A multi-band VRT of single-band rasters, band i = band_paths[i] named band_names[i].

    The files must share a CRS.  When their grids differ (e.g. Earth Engine's per-band
    10 m and 20 m files), the VRT uses the finest pixel size and the union of the extents,
    and coarser bands are resampled with nearest neighbour (what Earth Engine does by
    default).  Masked source pixels (``-inf``/declared nodata for floats, 0/declared
    nodata for integers) read as nodata (NaN for float bands, the source value for integer
    bands).  Returns ``dest_vrt``.
    """
    paths = [os.fspath(p) for p in band_paths]
    if not paths:
        raise RasterError(translate("Raster", "There are no bands to stack."))
    if band_names is not None and len(band_names) != len(paths):
        raise RasterError(translate("Raster", "{n} band names were given for {m} files.")
                          .format(n=len(band_names), m=len(paths)))
    datasets = [_open(p) for p in paths]
    try:
        srs0 = _srs_of(datasets[0])
        src_nd, vrt_nd = [], []
        for ds, p in zip(datasets, paths):
            if ds.RasterCount != 1:
                raise RasterError(translate("Raster", "{path} has {n} bands; a stack takes single-band files.")
                                  .format(path=p, n=ds.RasterCount))
            srs = _srs_of(ds)
            if (srs is None) != (srs0 is None) or (srs is not None and not srs.IsSame(srs0)):
                raise RasterError(translate("Raster", "The band files do not share one coordinate system ({path}).")
                                  .format(path=p))
            s, d, _f = _nodata_pair(ds, None)
            src_nd.append(_nd_str(s))
            vrt_nd.append(_nd_str(d))
        dest_vrt = os.fspath(dest_vrt)
        vrt = _call(translate("Raster", "write {path}").format(path=dest_vrt), gdal.BuildVRT, dest_vrt, paths,
                    options=gdal.BuildVRTOptions(separate=True, resolution="highest", resampleAlg="nearest",
                                                 srcNodata=" ".join(src_nd), VRTNodata=" ".join(vrt_nd)))
        for i in range(vrt.RasterCount):
            name = band_names[i] if band_names is not None else datasets[i].GetRasterBand(1).GetDescription()
            if name:
                vrt.GetRasterBand(i + 1).SetDescription(name)
        vrt.FlushCache()
        vrt = None
        return dest_vrt
    finally:
        datasets = []


# ---------------------------------------------------------------------------------------
# NPY
# ---------------------------------------------------------------------------------------
def npy_to_geotiff(npy_path: str, dest_path: str, *, crs: str, transform: Sequence[float],  # noqa: C901 (see docs/architecture.md, exceptions)
                   band_names: Optional[Sequence[str]] = None, nodata: Optional[float] = None) -> str:
    """Write a georeferenced GeoTIFF from an Earth Engine ``NPY`` download.

    ``npy_path``: a structured array of shape (height, width), one field per band (what
    Earth Engine returns), or a plain 2-D (one band) / 3-D (bands, height, width) array.
    ``crs``: anything OSR understands (``"EPSG:32631"``, WKT); ``transform``: a GDAL
    geotransform.  Band names default to the field names.  Mixed field types are promoted
    (``numpy.result_type``).  Nodata as in the module docstring (float ``-inf`` -> NaN).
    Written atomically (``.part.tif`` then ``os.replace``).  Returns ``dest_path``.
    """
    try:
        arr = np.load(os.fspath(npy_path), allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise RasterError(translate("Raster", "Cannot read the NumPy file {path}: {error}")
                          .format(path=npy_path, error=exc)) from exc
    if arr.dtype.names:
        names = list(arr.dtype.names)
        if arr.ndim != 2:
            raise RasterError(translate("Raster", "The NumPy array has {n} dimensions; 2 were expected.")
                              .format(n=arr.ndim))
        layers = [arr[n] for n in names]
    elif arr.ndim == 2:
        names, layers = ["band_1"], [arr]
    elif arr.ndim == 3:
        names, layers = ["band_%d" % (i + 1) for i in range(arr.shape[0])], list(arr)
    else:
        raise RasterError(translate("Raster", "The NumPy array has {n} dimensions; 2 or 3 were expected.")
                          .format(n=arr.ndim))
    if band_names is not None:
        if len(band_names) != len(layers):
            raise RasterError(translate("Raster", "{n} band names were given for {m} bands.")
                              .format(n=len(band_names), m=len(layers)))
        names = list(band_names)
    dtype = np.result_type(*[layer.dtype for layer in layers])
    if dtype.name not in _NUMPY_TO_GDAL:
        raise RasterError(translate("Raster", "Unsupported pixel type {dtype}.").format(dtype=dtype.name))
    is_float = dtype.kind == "f"
    out_nd = float(nodata) if nodata is not None else (math.nan if is_float else 0.0)
    srs = osr.SpatialReference()
    if srs.SetFromUserInput(str(crs)) != 0:
        raise RasterError(translate("Raster", "Unknown coordinate system: {crs}").format(crs=crs))
    if len(transform) != 6:
        raise RasterError(translate("Raster", "A geotransform has 6 numbers."))
    dest_path = os.fspath(dest_path)
    part = _part_path(dest_path)
    _remove_quietly(part)
    height, width = layers[0].shape
    ds = None
    try:
        opts = ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"]
        ds = _call(translate("Raster", "write {path}").format(path=part),
                   gdal.GetDriverByName("GTiff").Create, part, width, height, len(layers),
                   _NUMPY_TO_GDAL[dtype.name], opts)
        ds.SetGeoTransform(tuple(float(v) for v in transform))
        ds.SetProjection(srs.ExportToWkt())
        for i, (layer, name) in enumerate(zip(layers, names)):
            data = layer.astype(dtype, copy=True)
            if is_float:
                data[np.isneginf(data)] = out_nd
            band = ds.GetRasterBand(i + 1)
            write_array(band, data, what=translate("Raster", "write {path}").format(path=part))
            band.SetNoDataValue(out_nd)
            band.SetDescription(name)
        ds.FlushCache()
        ds = None
        os.replace(part, dest_path)
        return dest_path
    finally:
        ds = None
        _remove_quietly(part)
