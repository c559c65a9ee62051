"""The area of interest (AOI): a valid polygon in EPSG:4326 plus the CRS it came from.

Every AOI source (canvas extent, selected features, a drawn polygon, a
Processing input) ends here, so every provider gets the same checks and the
same messages.  QGIS-free: shapely + pyproj.
"""
import functools
import json
import math
from dataclasses import dataclass, field
from typing import Iterable, List, Optional, Sequence, Tuple, Union

from pyproj import CRS, Geod, Transformer
from shapely import wkt as shapely_wkt
from shapely.geometry import GeometryCollection, MultiPolygon, Point, Polygon, box, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import transform as shapely_transform, unary_union
from shapely.validation import explain_validity, make_valid

from .errors import AoiError
from .i18n import number, translate

WGS84 = "EPSG:4326"
_GEOD = Geod(ellps="WGS84")

#: Default largest area accepted (km²); a setting can change it.
DEFAULT_MAX_AREA_KM2 = 1_000_000.0


def _polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Keep only the polygonal parts of ``geom`` (make_valid may add lines)."""
    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom
    if isinstance(geom, GeometryCollection):
        polys = [g for g in geom.geoms if isinstance(g, (Polygon, MultiPolygon))]
        return unary_union(polys) if polys else Polygon()
    return Polygon()


def _count_vertices(geom: BaseGeometry) -> int:
    if isinstance(geom, Polygon):
        return len(geom.exterior.coords) + sum(len(r.coords) for r in geom.interiors)
    if isinstance(geom, MultiPolygon):
        return sum(_count_vertices(p) for p in geom.geoms)
    return 0


def _polygons(geom: BaseGeometry) -> List[Polygon]:
    if isinstance(geom, Polygon):
        return [geom] if not geom.is_empty else []
    if isinstance(geom, MultiPolygon):
        return [p for p in geom.geoms if not p.is_empty]
    return []


def _densify_ring(coords: Sequence[Tuple[float, float]], steps: int) -> List[Tuple[float, float]]:
    out = []
    for (x0, y0), (x1, y1) in zip(coords[:-1], coords[1:]):
        for i in range(steps):
            t = i / steps
            out.append((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
    out.append(tuple(coords[-1]))
    return out


def _densify_ring_by(coords: Sequence[Tuple[float, float]], step: float) -> List[Tuple[float, float]]:
    out = []
    for (x0, y0), (x1, y1) in zip(coords[:-1], coords[1:]):
        n = max(1, int(math.ceil(max(abs(x1 - x0), abs(y1 - y0)) / step)))
        for i in range(n):
            t = i / n
            out.append((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
    out.append(tuple(coords[-1]))
    return out


def _crosses_antimeridian(poly: Polygon) -> bool:
    """An edge longer than 180° of longitude is taken as a jump across ±180° -- except an edge from
    exactly -180° to exactly +180° (or back), the full width of the map (a world extent), and an edge
    along a pole (latitude ±90°, where longitude means nothing: the closing edge of a polar cap)."""
    coords = list(poly.exterior.coords)

    def on_line(x):
        return abs(abs(x) - 180.0) < 1e-9

    def at_pole(y):
        return abs(abs(y) - 90.0) < 1e-9

    return any(abs(x1 - x0) > 180.0 and not (on_line(x0) and on_line(x1)) and not (at_pole(y0) and at_pole(y1))
               for (x0, y0, *_), (x1, y1, *_) in zip(coords[:-1], coords[1:]))


def _split_antimeridian(poly: Polygon) -> List[Polygon]:
    """Unwrap a polygon whose edges jump across ±180° and cut it at the line."""
    def unwrap(ring):
        coords = list(ring.coords)
        out = [coords[0]]
        offset = 0.0
        for (x0, _), (x1, y1) in zip(coords[:-1], coords[1:]):
            if x1 - x0 > 180.0:
                offset -= 360.0
            elif x0 - x1 > 180.0:
                offset += 360.0
            out.append((x1 + offset, y1))
        return out
    shell = unwrap(poly.exterior)
    holes = [unwrap(r) for r in poly.interiors]
    shifted = Polygon(shell, holes)
    if not shifted.is_valid:
        shifted = _polygonal(make_valid(shifted))
    parts = []
    for k in range(-2, 3):
        window = box(-180.0 + 360.0 * k, -90.0, 180.0 + 360.0 * k, 90.0)
        piece = shifted.intersection(window)
        for p in _polygons(_polygonal(piece)):
            parts.append(shapely_transform(lambda x, y, z=None, k=k: (x - 360.0 * k, y) if z is None
                                           else (x - 360.0 * k, y, z), p))
    return parts


@dataclass
class Aoi:
    """A validated area of interest.

    ``geometry`` is a Polygon or MultiPolygon in EPSG:4326 (x = longitude);
    ``source_crs`` the CRS it came from (an authid or WKT); ``notes`` say what
    was repaired, split or simplified on the way, for the user to read.
    """

    geometry: BaseGeometry
    source_crs: str = WGS84
    notes: List[str] = field(default_factory=list)

    # -- constructors --------------------------------------------------------
    @classmethod
    def from_extent(cls, xmin: float, ymin: float, xmax: float, ymax: float,
                    crs: str = WGS84, **checks) -> "Aoi":
        if any(v is None or (isinstance(v, float) and math.isnan(v)) for v in (xmin, ymin, xmax, ymax)):
            raise AoiError(translate("Aoi", "The extent is empty."))
        if xmax < xmin:
            xmin, xmax = xmax, xmin
        if ymax < ymin:
            ymin, ymax = ymax, ymin
        ring = [(xmin, ymin), (xmax, ymin), (xmax, ymax), (xmin, ymax), (xmin, ymin)]
        if not _is_geographic(crs):
            ring = _densify_ring(ring, 16)  # a projected rectangle is curved in lon/lat
        return cls.from_geometries([Polygon(ring)], crs, **checks)

    @classmethod
    def from_wkt(cls, text: str, crs: str = WGS84, **checks) -> "Aoi":
        try:
            geom = shapely_wkt.loads(text)
        except Exception as exc:
            raise AoiError(translate("Aoi", "The geometry could not be read: {}").format(exc)) from exc
        return cls.from_geometries([geom], crs, **checks)

    @classmethod
    def from_geojson(cls, obj: Union[str, dict], crs: str = WGS84, **checks) -> "Aoi":
        try:
            if isinstance(obj, str):
                obj = json.loads(obj)
            if obj.get("type") == "FeatureCollection":
                geoms = [shape(f["geometry"]) for f in obj.get("features", []) if f.get("geometry")]
            elif obj.get("type") == "Feature":
                geoms = [shape(obj["geometry"])] if obj.get("geometry") else []
            else:
                geoms = [shape(obj)]
        except Exception as exc:
            raise AoiError(translate("Aoi", "The GeoJSON could not be read: {}").format(exc)) from exc
        return cls.from_geometries(geoms, crs, **checks)

    @classmethod
    def from_geometries(cls, geometries: Iterable[BaseGeometry], crs: str = WGS84, *,  # noqa: C901 (see docs/architecture.md, exceptions)
                        max_area_km2: Optional[float] = DEFAULT_MAX_AREA_KM2,
                        max_vertices: Optional[int] = None) -> "Aoi":
        """Union of polygon geometries (in ``crs``) checked and moved to EPSG:4326."""
        geoms = list(geometries)
        if not geoms:
            raise AoiError(translate("Aoi", "No feature is selected: select one or more polygons, "
                                            "or use the map extent."))
        notes: List[str] = []
        polys = []
        for g in geoms:
            if g is None or g.is_empty:
                continue
            if g.geom_type in ("Point", "MultiPoint", "LineString", "MultiLineString", "LinearRing"):
                raise AoiError(translate("Aoi", "The area of interest must be a polygon, not a {} "
                                                "geometry: use a polygon layer or draw a polygon.")
                               .format(g.geom_type))
            if g.geom_type == "GeometryCollection":
                g = _polygonal(g)
                if g.is_empty:
                    raise AoiError(translate("Aoi", "The geometry collection holds no polygon."))
            polys.append(g)
        if not polys:
            raise AoiError(translate("Aoi", "The selected geometry is empty."))
        invalid = [explain_validity(p) for p in polys if not p.is_valid]
        if invalid:
            polys = [_polygonal(make_valid(p)) if not p.is_valid else p for p in polys]
            notes.append(translate("Aoi", "The geometry was invalid ({}) and has been repaired.")
                         .format(invalid[0]))
        merged = unary_union(polys) if len(polys) > 1 else polys[0]
        merged = _polygonal(merged)
        if merged.is_empty or merged.area == 0:
            raise AoiError(translate("Aoi", "The area of interest has no area (its points are on one line "
                                            "or repaired to nothing)."))
        caps, merged = _pole_caps(merged, crs)
        geom4326 = _to_wgs84(merged, crs) if not merged.is_empty else Polygon()
        minx, miny, maxx, maxy = geom4326.bounds if not geom4326.is_empty else (0.0, 0.0, 0.0, 0.0)
        if miny < -90.0 - 1e-9 or maxy > 90.0 + 1e-9 or minx < -540.0 or maxx > 540.0:
            # (checked before the antimeridian handling, which would cut such a shape to nothing)
            raise AoiError(translate("Aoi", "The area of interest lies outside the valid range of "
                                            "longitude/latitude: check the layer's CRS."))
        parts: List[Polygon] = list(caps)
        split = False
        for p in _polygons(geom4326):
            if _crosses_antimeridian(p):
                parts.extend(_split_antimeridian(p))
                split = True
            else:
                parts.append(p)
        if split:
            notes.append(translate("Aoi", "The area crosses the antimeridian (180°) and was split into "
                                          "{} parts.").format(len(parts)))
        result = parts[0] if len(parts) == 1 else MultiPolygon(parts)
        minx, miny, maxx, maxy = result.bounds
        if miny < -90.0 or maxy > 90.0 or minx < -180.0 or maxx > 180.0:
            raise AoiError(translate("Aoi", "The area of interest lies outside the valid range of "
                                            "longitude/latitude: check the layer's CRS."))
        if not result.is_valid:
            result = _polygonal(make_valid(result))
        if result.is_empty or result.area == 0:
            raise AoiError(translate("Aoi", "The area of interest has no area."))
        aoi = cls(result, crs if isinstance(crs, str) else str(crs), notes)
        if max_area_km2 is not None and aoi.area_km2 > max_area_km2:
            raise AoiError(translate("Aoi", "The area of interest covers {} km², more than the "
                                            "maximum of {} km²: choose a smaller area or raise the "
                                            "limit in the settings.").format(number(aoi.area_km2),
                                                                             number(max_area_km2)))
        if max_vertices is not None:
            aoi = aoi.simplified(max_vertices)
        return aoi

    # -- properties ------------------------------------------------------------
    @property
    def parts(self) -> List[Polygon]:
        return _polygons(self.geometry)

    @property
    def bounds(self) -> Tuple[float, float, float, float]:
        return self.geometry.bounds

    @property
    def vertex_count(self) -> int:
        return _count_vertices(self.geometry)

    @property
    def area_km2(self) -> float:
        total = 0.0
        for p in self.parts:
            minx, _, maxx, _ = p.bounds
            pieces = [p]
            if maxx - minx > 180.0:
                # a part as wide as the map (a world extent, a cap around a pole): its long edges are not
                # geodesics; measure two halves with edges cut into 1° steps along the parallels
                pieces = []
                for half in (box(-180.0, -90.0, 0.0, 90.0), box(0.0, -90.0, 180.0, 90.0)):
                    for q in _polygons(_polygonal(p.intersection(half))):
                        pieces.append(Polygon(_densify_ring_by(list(q.exterior.coords), 1.0),
                                              [_densify_ring_by(list(r.coords), 1.0) for r in q.interiors]))
            for piece in pieces:
                area, _ = _GEOD.geometry_area_perimeter(piece)
                total += abs(area)
        return total / 1e6

    def to_geojson(self) -> dict:
        return json.loads(json.dumps(mapping(self.geometry)))

    def part_geojson(self) -> List[dict]:
        """One GeoJSON Polygon per part (for APIs that take a Polygon only)."""
        return [json.loads(json.dumps(mapping(p))) for p in self.parts]

    def to_wkt(self) -> str:
        return self.geometry.wkt

    def in_crs(self, crs: str) -> BaseGeometry:
        """The AOI geometry transformed to ``crs``."""
        if _same_crs(crs, WGS84):
            return self.geometry
        t = _transformer(WGS84, crs)
        return shapely_transform(t.transform, self.geometry)

    # -- simplification ----------------------------------------------------------
    def simplified(self, max_vertices: int) -> "Aoi":
        """This AOI with at most ``max_vertices`` vertices; the tolerance used is noted."""
        if self.vertex_count <= max_vertices:
            return self
        minx, miny, maxx, maxy = self.bounds
        tol = max(maxx - minx, maxy - miny) / 100000.0
        geom = self.geometry
        for _ in range(60):
            geom = _polygonal(self.geometry.simplify(tol, preserve_topology=True))
            if not geom.is_empty and _count_vertices(geom) <= max_vertices:
                break
            tol *= 1.6
        else:
            geom = self.geometry.convex_hull if _count_vertices(self.geometry.convex_hull) <= max_vertices \
                else self.geometry.envelope
        lat = (miny + maxy) / 2.0
        metres = tol * 111_320.0 * max(math.cos(math.radians(lat)), 0.01)
        note = translate("Aoi", "The area of interest had {} vertices, more than the {} accepted; it was "
                                "simplified with a tolerance of about {:.1f} m.").format(
            self.vertex_count, max_vertices, metres)
        return Aoi(geom, self.source_crs, self.notes + [note])


@functools.lru_cache(maxsize=32)
def _crs(crs: str) -> CRS:
    """The CRS of ``crs`` (user input), made once: making one takes about a millisecond, and the AOI of
    the canvas extent (the dock's, at every extent change) made seven of them and three transformers
    (18-20 ms for a projected extent, on QGIS's main thread).  pyproj's CRS and Transformer objects are
    thread-safe (pyproj 3.1 and newer)."""
    return CRS.from_user_input(crs)


@functools.lru_cache(maxsize=32)
def _transformer(src: str, dst: str) -> Transformer:
    """The transformer from ``src`` to ``dst`` (x = longitude / easting first), made once (see :func:`_crs`)."""
    return Transformer.from_crs(_crs(src), _crs(dst), always_xy=True)


def _is_geographic(crs: str) -> bool:
    try:
        return _crs(crs).is_geographic
    except Exception:
        raise AoiError(translate("Aoi", "The coordinate reference system '{}' is not known.").format(crs)) from None


def _same_crs(a: str, b: str) -> bool:
    try:
        return _crs(a) == _crs(b)
    except Exception:
        return False


def _pole_caps(geom: BaseGeometry, crs: str) -> Tuple[List[Polygon], BaseGeometry]:  # noqa: C901 (see docs/architecture.md, exceptions)
    """Split off the polygons of ``geom`` (in ``crs``) that contain a pole, as lon/lat polygons.

    In a polar projection (EPSG:3413, 3031, ...) an area around a pole is an ordinary
    polygon; transformed vertex by vertex to longitude/latitude its ring goes once
    around all longitudes and is no polygon at all.  Its lon/lat form is the cap
    between the ring and the pole: ``(lon_i, lat_i)`` over 360° of longitude, closed
    along latitude ±90°.  Returns (caps in EPSG:4326, the rest of ``geom`` in ``crs``).
    """
    try:
        src = _crs(crs)
    except Exception:
        return [], geom
    if src.is_geographic:
        return [], geom
    to_src = _transformer(WGS84, crs)
    to_wgs = _transformer(crs, WGS84)
    poles = []
    for lat in (90.0, -90.0):
        try:
            x, y = to_src.transform(0.0, lat)
        except Exception:
            continue
        if math.isfinite(x) and math.isfinite(y):
            poles.append((lat, Point(x, y)))
    if not poles:
        return [], geom
    caps: List[Polygon] = []
    rest: List[Polygon] = []
    for poly in _polygons(geom):
        pole = next((lat for lat, point in poles if poly.contains(point)), None)
        if pole is None:
            rest.append(poly)
            continue
        ring = list(poly.exterior.coords)
        ring = _densify_ring(ring, max(1, 2048 // max(1, len(ring) - 1)))
        lons, lats = to_wgs.transform([c[0] for c in ring], [c[1] for c in ring])
        if not all(math.isfinite(v) for v in list(lons) + list(lats)):
            rest.append(poly)
            continue
        unwrapped = [lons[0]]
        for lon in lons[1:]:
            step = lon - unwrapped[-1]
            step -= 360.0 * round(step / 360.0)
            unwrapped.append(unwrapped[-1] + step)
        pts = list(zip(unwrapped, lats))
        if pts[-1][0] < pts[0][0]:
            pts.reverse()
        shell = pts + [(pts[-1][0], pole), (pts[0][0], pole)]
        cap = Polygon(shell)
        if not cap.is_valid:
            cap = _polygonal(make_valid(cap))
        pieces = []
        for k in range(-2, 3):
            piece = cap.intersection(box(-180.0 + 360.0 * k, -90.0, 180.0 + 360.0 * k, 90.0))
            for p in _polygons(_polygonal(piece)):
                pieces.append(shapely_transform(lambda x, y, z=None, k=k: (_snap180(x - 360.0 * k), y), p))
        whole = _polygonal(unary_union(pieces)) if pieces else Polygon()
        for hole in poly.interiors:
            hole_geom = shapely_transform(to_wgs.transform, Polygon(_densify_ring(list(hole.coords), 16)))
            if hole_geom.is_valid and not _crosses_antimeridian(hole_geom):
                whole = _polygonal(whole.difference(hole_geom))
        caps.extend(_polygons(whole))
    if not caps:
        return [], geom
    remaining = unary_union(rest) if len(rest) > 1 else (rest[0] if rest else Polygon())
    return caps, remaining


def _snap180(x):
    """Longitudes within rounding of ±180° made exactly ±180° (works on scalars and sequences)."""
    if isinstance(x, (int, float)):
        return math.copysign(180.0, x) if abs(abs(x) - 180.0) < 1e-9 else x
    return type(x)(_snap180(v) for v in x) if isinstance(x, (list, tuple)) else \
        [_snap180(float(v)) for v in x]


def _to_wgs84(geom: BaseGeometry, crs: str) -> BaseGeometry:
    try:
        src = _crs(crs)
    except Exception:
        raise AoiError(translate("Aoi", "The coordinate reference system '{}' is not known.").format(crs)) from None
    if src == _crs(WGS84):
        return geom
    t = _transformer(crs, WGS84)
    out = shapely_transform(t.transform, geom)
    if not all(math.isfinite(v) for v in out.bounds):
        raise AoiError(translate("Aoi", "The area of interest cannot be expressed in longitude/latitude "
                                        "from {}: check the layer's CRS.").format(crs))
    return out
