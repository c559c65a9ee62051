"""Output grids, request-size estimates and tiling for Earth Engine downloads.

Earth Engine refuses a getDownloadId request whose uncompressed size exceeds
50 331 648 bytes ("Total request size ... must be less than or equal to
50331648 bytes") or whose grid is wider or taller than 10 000 pixels ("Pixel
grid dimensions ..."), counting for each band its bytes per pixel plus one
mask byte.  :func:`estimate` computes the output grid(s) for an AOI and the
options, and the size as EE counts it, before anything is sent;
:func:`plan_tiles` splits a grid too big for one request into tiles on the
exact same pixel grid (each requested with crs + crs_transform + dimensions,
so neighbouring tiles share edges exactly and mosaic without resampling).

Affine transforms use Earth Engine's row-major order
``[xScale, xShearing, xTranslation, yShearing, yScale, yTranslation]``.
"""
import math
import threading
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ... import config
from ...errors import ParameterError
from ...i18n import mib, number, translate

MAX_REQUEST_BYTES = 50331648
MAX_DIMENSION = 10000
#: A download larger than this (1 GiB) asks the dock's user first; Processing warns in its log.
LARGE_DOWNLOAD_BYTES = 1 << 30
#: Plan tiles to at most this fraction of the limits (room for the server's own rounding).
FILL = 0.9
#: Metres per degree at the equator, the factor EE uses for a scale in degrees.
METRES_PER_DEGREE = 111319.49079327357
_EPS = 1e-6


@dataclass
class Limits:
    max_bytes: int = MAX_REQUEST_BYTES
    max_dimension: int = MAX_DIMENSION
    fill: float = FILL
    #: requests (tiles) one job may make: :data:`config.EE_MAX_TILES` unless given
    max_tiles: int = field(default_factory=lambda: config.EE_MAX_TILES)


@dataclass(frozen=True)
class Grid:
    """A pixel grid: CRS, EE-order affine transform, width and height in pixels."""

    crs: str
    transform: Tuple[float, float, float, float, float, float]
    width: int
    height: int

    @property
    def pixels(self) -> int:
        return self.width * self.height

    def gdal_geotransform(self) -> Tuple[float, float, float, float, float, float]:
        a, b, c, d, e, f = self.transform
        return (c, a, b, f, d, e)

    def window(self, col: int, row: int, width: int, height: int) -> "Grid":
        """The sub-grid starting at pixel (col, row), same pixel size and CRS."""
        a, b, c, d, e, f = self.transform
        return Grid(self.crs, (a, b, c + col * a + row * b, d, e, f + col * d + row * e), width, height)

    def bounds(self) -> Tuple[float, float, float, float]:
        a, b, c, d, e, f = self.transform
        xs, ys = [], []
        for col, row in ((0, 0), (self.width, 0), (0, self.height), (self.width, self.height)):
            xs.append(c + col * a + row * b)
            ys.append(f + col * d + row * e)
        return min(xs), min(ys), max(xs), max(ys)

    def to_dict(self) -> Dict[str, Any]:
        return {"crs": self.crs, "crs_transform": list(self.transform), "dimensions": [self.width, self.height]}


# ---------------------------------------------------------------------------
# Image metadata (EarthEngineAsset)
# ---------------------------------------------------------------------------
@dataclass
class BandInfo:
    id: str
    dtype: str = "float32"
    bytes: int = 4
    crs: Optional[str] = None
    transform: Optional[Tuple[float, ...]] = None
    width: Optional[int] = None
    height: Optional[int] = None

    def native_grid(self) -> Optional[Grid]:
        if self.crs and self.transform and self.width and self.height:
            return Grid(self.crs, tuple(self.transform), int(self.width), int(self.height))
        return None


@dataclass
class ImageInfo:
    id: str
    bands: List[BandInfo] = field(default_factory=list)

    def band(self, band_id: str) -> BandInfo:
        for band in self.bands:
            if band.id == band_id:
                return band
        raise ParameterError(
            translate("EeTiling", 'The image {} has no band "{}".').format(self.id, band_id),
            translate("EeTiling", "Its bands are: {}.").format(", ".join(b.id for b in self.bands) or "?"))

    @classmethod
    def from_asset(cls, asset: Dict[str, Any], image_id: Optional[str] = None) -> "ImageInfo":
        """From an ``EarthEngineAsset`` JSON (``GET /v1/projects/*/assets/**``)."""
        bands = []
        for item in asset.get("bands") or []:
            dtype, nbytes = dtype_of(item.get("dataType") or {})
            grid = item.get("grid") or {}
            aff = grid.get("affineTransform") or {}
            dims = grid.get("dimensions") or {}
            crs = grid.get("crsCode") or grid.get("crsWkt")
            transform = None
            if aff:
                transform = (float(aff.get("scaleX", 0.0)), float(aff.get("shearX", 0.0)),
                             float(aff.get("translateX", 0.0)), float(aff.get("shearY", 0.0)),
                             float(aff.get("scaleY", 0.0)), float(aff.get("translateY", 0.0)))
            bands.append(BandInfo(id=item.get("id"), dtype=dtype, bytes=nbytes, crs=crs, transform=transform,
                                  width=int(dims["width"]) if dims.get("width") else None,
                                  height=int(dims["height"]) if dims.get("height") else None))
        return cls(id=image_id or asset.get("id") or asset.get("name", ""), bands=bands)


def dtype_of(data_type: Dict[str, Any]) -> Tuple[str, int]:
    """(numpy dtype name, bytes per pixel) of an EE ``PixelDataType``."""
    precision = str(data_type.get("precision") or "FLOAT").upper()
    if precision == "DOUBLE":
        return "float64", 8
    if precision != "INT":
        return "float32", 4
    rng = data_type.get("range") or {}
    lo = float(rng.get("min", 0) or 0)
    hi = float(rng.get("max", 0) or 0)
    if not rng:
        return "int32", 4
    if lo >= 0:
        for name, size, top in (("uint8", 1, 255), ("uint16", 2, 65535), ("uint32", 4, 4294967295)):
            if hi <= top:
                return name, size
        return "int64", 8
    for name, size, bound in (("int8", 1, 127), ("int16", 2, 32767), ("int32", 4, 2147483647)):
        if lo >= -bound - 1 and hi <= bound:
            return name, size
    return "int64", 8


# ---------------------------------------------------------------------------
# Output grids
# ---------------------------------------------------------------------------
#: pyproj objects already made, per thread (pyproj's objects are not shared across threads).  Making a CRS
#: or a transformer takes milliseconds, and the dock's live estimate needs a dozen: cached, it takes less
#: than a frame.
_PROJ = threading.local()


def _cached(key: Tuple, make):
    store = getattr(_PROJ, "items", None)
    if store is None:
        store = _PROJ.items = {}
    if key not in store:
        if len(store) > 256:
            store.clear()
        store[key] = make()
    return store[key]


def _crs_obj(crs: str):
    from pyproj import CRS
    return _cached(("crs", crs), lambda: CRS.from_user_input(crs))


def _transformer(src: str, dst: str):
    from pyproj import Transformer
    return _cached(("tr", src, dst), lambda: Transformer.from_crs(src, dst, always_xy=True))


def _same_crs(a: Optional[str], b: Optional[str]) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True

    def same():
        try:
            return _crs_obj(a) == _crs_obj(b)
        except Exception:
            return False
    return _cached(("same", a, b), same)


def _metres_per_unit(crs: str) -> Optional[float]:
    """Metres per CRS unit (None for a geographic CRS)."""
    obj = _crs_obj(crs)
    if obj.is_geographic:
        return None
    try:
        return float(obj.axis_info[0].unit_conversion_factor) or 1.0
    except (IndexError, AttributeError, TypeError):
        return 1.0


def scale_to_units(scale: float, crs: str) -> float:
    """A scale in metres as a pixel size in the units of ``crs``."""
    per_unit = _metres_per_unit(crs)
    if per_unit is None:
        return scale / METRES_PER_DEGREE
    return scale / per_unit


def units_to_scale(size: float, crs: str) -> float:
    per_unit = _metres_per_unit(crs)
    if per_unit is None:
        return size * METRES_PER_DEGREE
    return size * per_unit


def _ring_points(geojson: Dict[str, Any], step_deg: float = 0.05) -> List[Tuple[float, float]]:
    """Densified vertices of a Polygon/MultiPolygon (for bounds after reprojection)."""
    gtype = geojson.get("type")
    if gtype == "Feature":
        return _ring_points(geojson["geometry"], step_deg)
    if gtype == "Polygon":
        polys = [geojson["coordinates"]]
    elif gtype == "MultiPolygon":
        polys = geojson["coordinates"]
    elif gtype == "GeometryCollection":
        pts: List[Tuple[float, float]] = []
        for g in geojson.get("geometries") or []:
            pts.extend(_ring_points(g, step_deg))
        return pts
    else:
        raise ParameterError(translate("EeTiling", "The area must be a polygon; got {}.").format(gtype))
    pts = []
    for poly in polys:
        for ring in poly[:1]:
            for (x0, y0), (x1, y1) in zip(ring[:-1], ring[1:]):
                n = max(1, int(math.ceil(max(abs(x1 - x0), abs(y1 - y0)) / step_deg)))
                for i in range(n):
                    t = i / n
                    pts.append((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
            if ring:
                pts.append(tuple(ring[-1][:2]))
    return pts


def region_bounds(region: Dict[str, Any], crs: str) -> Tuple[float, float, float, float]:
    """Bounds of a GeoJSON (EPSG:4326) polygon in ``crs``."""
    pts = _ring_points(region)
    if not pts:
        raise ParameterError(translate("EeTiling", "The area is empty."))
    if _same_crs(crs, "EPSG:4326"):
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
    else:
        tr = _transformer("EPSG:4326", crs)
        xs, ys = tr.transform([p[0] for p in pts], [p[1] for p in pts])
        xs = [x for x in xs if math.isfinite(x)]
        ys = [y for y in ys if math.isfinite(y)]
        if not xs or not ys:
            raise ParameterError(translate("EeTiling", "The area cannot be expressed in {}.").format(crs))
    return min(xs), min(ys), max(xs), max(ys)


def _snap(bounds, px: float, py: float, origin: Tuple[float, float], crs: str, shear=(0.0, 0.0)) -> Grid:
    """The grid of pixel size (px, py) aligned on ``origin`` that covers ``bounds``."""
    minx, miny, maxx, maxy = bounds
    ox, oy = origin
    _check_pixel_size(px, py)
    edges = ((minx - ox) / px + _EPS, (maxx - ox) / px - _EPS, (oy - maxy) / py + _EPS, (oy - miny) / py - _EPS)
    if not all(math.isfinite(v) for v in edges):
        raise _too_fine(px)
    col0, col1 = math.floor(edges[0]), math.ceil(edges[1])
    row0, row1 = math.floor(edges[2]), math.ceil(edges[3])
    width = max(1, col1 - col0)
    height = max(1, row1 - row0)
    return Grid(crs, (_clean(px), shear[0], _clean(ox + col0 * px), shear[1], _clean(-py), _clean(oy - row0 * py)),
                width, height)


def _too_fine(size: float) -> ParameterError:
    return ParameterError(translate("EeTiling", "A pixel size of {:g} (in the units of the CRS) is too small to "
                                                "compute a pixel grid.").format(size),
                          translate("EeTiling", "Choose a coarser scale, e.g. 10 m for Sentinel-2."))


def _check_pixel_size(px: float, py: float) -> None:
    """Pixel sizes a grid can be computed from: finite and not zero (a tiny scale can underflow to 0)."""
    for size in (px, py):
        if not (math.isfinite(size) and abs(size) > 0):
            raise _too_fine(size)


def _clean(value: float) -> float:
    """Round away float noise (20.000000000000004 -> 20.0); other values are kept exactly."""
    value = float(value)
    rounded = round(value, 6)
    if abs(value - rounded) <= 1e-8:
        return float(int(rounded)) if rounded.is_integer() else rounded
    return value


def _default_band(bands: Sequence[BandInfo]) -> Optional[BandInfo]:
    return bands[0] if bands else None


def output_grid(spatial: Dict[str, Any], band: Optional[BandInfo]) -> Grid:  # noqa: C901 (see docs/architecture.md, exceptions)
    """The grid one download (or one band of a per-band download) will have.

    ``spatial`` holds ``crs``, ``crs_transform``, ``dimensions``, ``scale`` and
    ``region`` (GeoJSON in EPSG:4326), as the official client combines them.
    """
    crs = spatial.get("crs")
    transform = spatial.get("crs_transform")
    dims = spatial.get("dimensions")
    scale = spatial.get("scale")
    region = spatial.get("region")
    native = band.native_grid() if band is not None else None
    if dims is not None and scale is not None:
        scale = None   # dimensions win over scale (official behaviour)

    if transform is not None:
        a, b, c, d, e, f = [float(v) for v in transform]
        if dims is not None and len(dims) == 2 and region is None:
            return Grid(crs, (a, b, c, d, e, f), int(dims[0]), int(dims[1]))
        if region is not None:
            bounds = region_bounds(region, crs)
        elif native is not None:
            bounds = _grid_bounds_in(native, crs)
        else:
            raise ParameterError(translate("EeTiling", "Without an area the image's extent must be known."),
                                 translate("EeTiling", "Draw or choose an area, or give dimensions."))
        if b or d:
            raise ParameterError(translate("EeTiling", "Sheared pixel transforms are not supported with an area."),
                                 translate("EeTiling", "Use a transform with 0 shear (2nd and 4th numbers)."))
        return _snap(bounds, abs(a), abs(e), (c, f), crs)

    target_crs = crs or (native.crs if native is not None else None)
    if target_crs is None:
        raise ParameterError(translate("EeTiling", "The image's projection is unknown; give a CRS."))
    if region is not None:
        bounds = region_bounds(region, target_crs)
    elif native is not None:
        bounds = _grid_bounds_in(native, target_crs)
    else:
        raise ParameterError(translate("EeTiling", "Without an area the image's extent must be known."),
                             translate("EeTiling", "Draw or choose an area."))
    minx, miny, maxx, maxy = bounds
    if dims is not None:
        bw, bh = maxx - minx, maxy - miny
        if len(dims) == 2:
            w, h = int(dims[0]), int(dims[1])
        else:
            longest = int(dims[0])
            if bw >= bh:
                w, h = longest, max(1, int(round(longest * bh / bw))) if bw else 1
            else:
                w, h = max(1, int(round(longest * bw / bh))) if bh else 1, longest
        px = bw / w if w else 1.0
        py = bh / h if h else 1.0
        return Grid(target_crs, (_clean(px), 0.0, _clean(minx), 0.0, _clean(-py), _clean(maxy)), w, h)

    if scale is not None:
        px = py = scale_to_units(float(scale), target_crs)
    elif native is not None and _same_crs(native.crs, target_crs):
        px, py = abs(native.transform[0]), abs(native.transform[4])
    elif native is not None:
        metres = units_to_scale(abs(native.transform[0]), native.crs)
        px = py = scale_to_units(metres, target_crs)
    else:
        raise ParameterError(translate("EeTiling", "The image's pixel size is unknown; give a scale."))
    origin = (0.0, 0.0)
    if native is not None and _same_crs(native.crs, target_crs):
        origin = (native.transform[2], native.transform[5])
    return _snap(bounds, px, py, origin, target_crs)


#: Counts above this are "astronomical": kept as this number (no float overflow, no endless int).
_HUGE = 10 ** 30


def minimum_pixels(region: Optional[Dict[str, Any]], scale: Any = None, dimensions: Any = None) -> int:
    """A lower bound of the pixel count of a grid, known before the image's metadata (0: unknown).

    Dimensions give it exactly; an area and a scale give at least half its area over the squared scale
    (a pixel of ``scale`` metres covers at most ``scale``² m² of ground in the CRSs Earth Engine uses; the
    half leaves room for the others).  Arithmetic only, so it is cheap whatever the numbers.
    """
    if dimensions:
        dims = [int(d) for d in dimensions]
        return min(_HUGE, dims[0] * dims[1] if len(dims) == 2 else dims[0])
    if not region or scale is None:
        return 0
    area = _area_m2(region)
    count = area / float(scale) / float(scale) / 2.0
    return _HUGE if not math.isfinite(count) or count >= _HUGE else int(count)


def _area_m2(region: Dict[str, Any]) -> float:
    """The geodesic area of a GeoJSON (Multi)Polygon in EPSG:4326, holes removed (0 for other types)."""
    try:
        from pyproj import Geod
        from shapely.geometry import shape
        from shapely.geometry.polygon import orient
        geom = shape(region.get("geometry") if region.get("type") == "Feature" else region)
        polygons = list(geom.geoms) if hasattr(geom, "geoms") else [geom]
        geod = _cached(("geod",), lambda: Geod(ellps="WGS84"))
        return sum(abs(geod.geometry_area_perimeter(orient(p))[0]) for p in polygons
                   if p.geom_type == "Polygon")
    except Exception:        # an unreadable area is refused elsewhere, with its own message
        return 0.0


def _grid_bounds_in(grid: Grid, crs: str) -> Tuple[float, float, float, float]:
    bounds = grid.bounds()
    if _same_crs(grid.crs, crs):
        return bounds
    return _transformer(grid.crs, crs).transform_bounds(*bounds, densify_pts=21)


# ---------------------------------------------------------------------------
# Estimate and plan
# ---------------------------------------------------------------------------
@dataclass
class Tile:
    """One request: a window of an output grid, for some bands."""

    key: str
    bands: List[str]
    grid: Grid
    col: int = 0
    row: int = 0

    @property
    def pixels(self) -> int:
        return self.grid.pixels


@dataclass
class OutputPlan:
    """Bands that share one grid (all bands for multi-band formats)."""

    key: str
    bands: List[str]
    grid: Grid
    bytes_per_pixel: int           # sum over bands of (bytes + 1 mask byte)
    dtypes: Dict[str, str] = field(default_factory=dict)
    tiles: List[Tile] = field(default_factory=list)

    @property
    def bytes(self) -> int:
        return self.grid.pixels * self.bytes_per_pixel


@dataclass
class Estimate:
    width: int
    height: int
    bands: int
    bytes: int
    tiles: int
    grid: Optional[Grid]
    outputs: List[OutputPlan] = field(default_factory=list)
    fits: bool = True              # one request is within the limits
    requests: int = 0              # HTTP requests the download makes (set by the download's speed plan)
    seconds: Optional[float] = None   # predicted seconds of fetching (idem)

    def describe(self) -> str:
        return translate("EeTiling", "{w} x {h} px, {n} band(s), {size} as Earth Engine counts it, "
                                     "{t} request(s)").format(w=number(self.width), h=number(self.height), n=self.bands,
                                                             size=mib(self.bytes), t=number(self.tiles))


def selected_bands(params: Dict[str, Any], image: ImageInfo) -> List[Dict[str, Any]]:
    bands = params.get("bands") or []
    if bands:
        return [b if isinstance(b, dict) else {"id": b} for b in bands]
    return [{"id": b.id} for b in image.bands]


def _spatial_of(params: Dict[str, Any], band: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    keys = ("crs", "crs_transform", "dimensions", "scale")
    out = {k: params.get(k) for k in keys if params.get(k) is not None}
    if band:
        for k in keys:
            if band.get(k) is not None:
                out[k] = band[k]
    if out.get("dimensions") is not None and "scale" in out:
        out.pop("scale")
    out["region"] = params.get("region")
    return out


def estimate(params: Dict[str, Any], aoi: Any, image: ImageInfo, limits: Optional[Limits] = None) -> Estimate:
    """Grids, size as EE counts it, and tile count for normalised ``params`` over ``aoi``.

    ``aoi`` is a GeoJSON geometry in EPSG:4326 (or an object with ``to_geojson()``,
    or None to use ``params['region']``).
    """
    limits = limits or Limits()
    if aoi is not None and hasattr(aoi, "to_geojson"):
        aoi = aoi.to_geojson()
    params = dict(params)
    if aoi is not None:
        params["region"] = aoi
    fmt = params.get("format")
    bands = selected_bands(params, image)
    outputs: List[OutputPlan] = []
    if fmt == "ZIPPED_GEO_TIFF_PER_BAND":
        groups: Dict[Grid, OutputPlan] = {}
        for band in bands:
            info = image.band(band["id"])
            grid = output_grid(_spatial_of(params, band), info)
            plan = groups.get(grid)
            if plan is None:
                plan = groups[grid] = OutputPlan(key=band["id"], bands=[], grid=grid, bytes_per_pixel=0)
                outputs.append(plan)
            plan.bands.append(band["id"])
            plan.bytes_per_pixel += info.bytes + 1
            plan.dtypes[band["id"]] = info.dtype
    else:
        infos = [image.band(b["id"]) for b in bands]
        grid = output_grid(_spatial_of(params), _default_band(infos))
        plan = OutputPlan(key="all", bands=[b.id for b in infos], grid=grid,
                          bytes_per_pixel=sum(i.bytes + 1 for i in infos),
                          dtypes={i.id: i.dtype for i in infos})
        outputs.append(plan)
    total = sum(o.bytes for o in outputs)
    fits = total <= limits.max_bytes and all(
        max(o.grid.width, o.grid.height) <= limits.max_dimension for o in outputs)
    main = outputs[0].grid if outputs else None
    est = Estimate(width=main.width if main else 0, height=main.height if main else 0,
                   bands=sum(len(o.bands) for o in outputs), bytes=total, tiles=1, grid=main,
                   outputs=outputs, fits=fits)
    if not fits:
        # Counted, not listed: the tiles are made (plan_tiles) only for a plan within the limits.
        est.tiles = check_tile_count(est, limits)
    return est


def count_tiles(output: OutputPlan, limits: Limits) -> int:
    """How many tiles :func:`plan_tiles` would make for ``output`` (arithmetic, whatever the grid size)."""
    tw, th = tile_size(output.bytes_per_pixel, output.grid.width, output.grid.height, limits)
    return -(-output.grid.width // tw) * -(-output.grid.height // th)


def _human_bytes(n: float) -> str:
    for unit, size in (("PiB", 1024.0 ** 5), ("TiB", 1024.0 ** 4), ("GiB", 1024.0 ** 3), ("MiB", 1024.0 ** 2)):
        if n >= size:
            return "{} {}".format(number(n / size, 1), unit) if n / size < 1e6 else "{:.3g} {}".format(n / size, unit)
    return "{} bytes".format(number(n))


def too_many_tiles(width: int, height: int, bands: int, size: float, tiles: int, limit: int,
                   at_least: bool = False) -> ParameterError:
    """The refusal of a download needing more than ``limit`` requests: its size and the limit."""
    if at_least:
        text = translate("EeTiling", "This download would need at least {tiles} requests ({size} as Earth Engine "
                                     "counts it), more than the limit of {limit} per job.")
    else:
        text = translate("EeTiling", "This download would be {w} x {h} px, {n} band(s), {size} as Earth Engine "
                                     "counts it: {tiles} requests, more than the limit of {limit} per job.")
    return ParameterError(text.format(w=width, h=height, n=bands, size=_human_bytes(size),
                                      tiles=_count_text(tiles), limit="{:,}".format(limit)),
                          translate("EeTiling", "Choose a coarser scale, smaller dimensions or a smaller area, or "
                                                "use a batch export (computed on Earth Engine's servers)."))


def _count_text(n: int) -> str:
    return "{:,}".format(n) if n < 10 ** 15 else "{:.3g}".format(float(n))


def check_tile_count(est: Estimate, limits: Limits) -> int:
    """The number of tiles of ``est``'s outputs, or ParameterError when over ``limits.max_tiles``."""
    n_tiles = sum(count_tiles(o, limits) for o in est.outputs)
    if n_tiles > limits.max_tiles:
        raise too_many_tiles(est.width, est.height, est.bands, est.bytes, n_tiles, limits.max_tiles)
    return n_tiles


def tile_size(bytes_per_pixel: int, width: int, height: int, limits: Limits) -> Tuple[int, int]:
    """Tile width and height within the limits, giving the fewest tiles.

    Square-ish tiles and full-width strips are both tried; sides are rounded down
    to multiples of 256 when that does not add tiles.  Then the sides are evened out
    (:func:`_even`): the same count of tiles, none a thin remainder.  A request's time
    grows little with its size, so a download waits for its biggest tile: equal tiles are
    the smallest biggest tile for that count.
    """
    budget = max(1, int(limits.max_bytes * limits.fill) // max(1, bytes_per_pixel))
    max_side = max(1, int(limits.max_dimension * limits.fill)) if limits.max_dimension > 16 \
        else limits.max_dimension
    side = max(1, int(math.isqrt(budget)))
    best = None
    for first in (min(width, max_side, side), min(width, max_side)):
        for rounding in (True, False):
            tw = first
            if rounding and 512 <= tw < width:
                tw -= tw % 256
            th = min(height, max_side, max(1, budget // tw))
            if rounding and 512 <= th < height:
                th -= th % 256
            count = math.ceil(width / tw) * math.ceil(height / th)
            if best is None or count < best[0]:
                best = (count, tw, th)
    _count, tw, th = best
    return _even(width, tw), _even(height, th)


def _even(length: int, side: int) -> int:
    """The side cutting ``length`` into as many parts as ``side`` does, of one size but the last,
    which is at most ``parts - 1`` pixels thinner (not a thin remainder costing a request about as
    long as a full one)."""
    parts = -(-length // max(1, side))
    return -(-length // parts)


def plan_tiles(output: OutputPlan, limits: Optional[Limits] = None,
               size: Optional[Tuple[int, int]] = None) -> List[Tile]:
    """Split ``output.grid`` into aligned windows, each within the limits."""
    limits = limits or Limits()
    grid = output.grid
    tw, th = size or tile_size(output.bytes_per_pixel, grid.width, grid.height, limits)
    tiles = []
    for row in range(0, grid.height, th):
        for col in range(0, grid.width, tw):
            w = min(tw, grid.width - col)
            h = min(th, grid.height - row)
            key = "{}_r{:06d}_c{:06d}_{}x{}".format(output.key, row, col, w, h)
            tiles.append(Tile(key=key, bands=list(output.bands), grid=grid.window(col, row, w, h),
                              col=col, row=row))
    return tiles


def split_tile(tile: Tile) -> List[Tile]:
    """A tile cut in 2x2 (or 2x1) aligned parts, for a server that still found it too big."""
    g = tile.grid
    if g.width <= 1 and g.height <= 1:
        return [tile]
    cols = [(0, g.width)] if g.width <= 1 else [(0, g.width // 2), (g.width // 2, g.width - g.width // 2)]
    rows = [(0, g.height)] if g.height <= 1 else [(0, g.height // 2), (g.height // 2, g.height - g.height // 2)]
    parts = []
    for r0, h in rows:
        for c0, w in cols:
            parts.append(Tile(key="{}_s{}_{}".format(tile.key, r0, c0), bands=list(tile.bands),
                              grid=g.window(c0, r0, w, h), col=tile.col + c0, row=tile.row + r0))
    return parts


def _pixels(value: float, cap: float = 1e15) -> int:
    """A pixel count from a float that may be huge, infinite or NaN (then ``cap``)."""
    return max(1, int(math.ceil(value if math.isfinite(value) and value < cap else cap)))


def rough_estimate(bounds: Tuple[float, float, float, float], scale: float, band_count: int,
                   limits: Optional[Limits] = None) -> Estimate:
    """The size before the image's bands are known: ``bounds`` (EPSG:4326) at ``scale`` metres,
    16-bit bands plus the mask byte, and the requests the tiling would make.  Pure arithmetic,
    so the dock may call it as the user types, whatever the numbers."""
    limits = limits or Limits()
    scale = scale if isinstance(scale, (int, float)) and math.isfinite(scale) and scale > 0 else 10.0
    minx, miny, maxx, maxy = bounds
    lat = math.radians((miny + maxy) / 2.0)
    width = _pixels((maxx - minx) * 111320.0 * math.cos(lat) / scale)
    height = _pixels((maxy - miny) * 110540.0 / scale)
    bands = max(1, int(band_count))
    plan = OutputPlan(key="", bands=[], grid=Grid("", (0.0,) * 6, width, height), bytes_per_pixel=bands * 3)
    tiles = count_tiles(plan, limits)           # the planner's own count, as the download will tile it
    return Estimate(width=width, height=height, bands=bands, bytes=plan.bytes, tiles=tiles, grid=None,
                    fits=tiles == 1)
