"""AOI model and checks (QGIS-free)."""
import pytest
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

from plugin.core.aoi import Aoi
from plugin.core.errors import AoiError

SEED_BBOX = (-122.0859, 37.0436, -122.0626, 37.0586)


def test_extent_in_4326_is_kept_exactly():
    aoi = Aoi.from_extent(*SEED_BBOX)
    assert aoi.bounds == pytest.approx(SEED_BBOX)
    assert aoi.source_crs == "EPSG:4326"
    assert 3.0 < aoi.area_km2 < 4.0   # 2.05 km x 1.67 km
    gj = aoi.to_geojson()
    assert gj["type"] == "Polygon" and gj["coordinates"][0][0] == gj["coordinates"][0][-1]


def test_projected_extent_is_transformed_and_densified():
    aoi = Aoi.from_extent(500000, 4100000, 510000, 4110000, "EPSG:32610")
    assert aoi.area_km2 == pytest.approx(100.0, rel=0.01)   # 10 km x 10 km
    minx, miny, maxx, maxy = aoi.bounds
    assert -123.01 < minx < -122.99 and 37.0 < miny < 37.1
    assert aoi.vertex_count > 5   # curved edges kept


def test_reversed_extent_is_normalised():
    assert Aoi.from_extent(1, 1, 0, 0).bounds == (0, 0, 1, 1)


def test_several_polygons_union_multipart_kept():
    aoi = Aoi.from_geometries([box(0, 0, 1, 1), box(2, 0, 3, 1), box(0.5, 0, 1.5, 1)])
    assert isinstance(aoi.geometry, MultiPolygon)
    assert len(aoi.parts) == 2
    assert len(aoi.part_geojson()) == 2


def test_nothing_selected():
    with pytest.raises(AoiError, match="No feature is selected"):
        Aoi.from_geometries([])


@pytest.mark.parametrize("geom", [Point(1, 1), LineString([(0, 0), (1, 1)])])
def test_points_and_lines_rejected(geom):
    with pytest.raises(AoiError, match="must be a polygon"):
        Aoi.from_geometries([geom])


def test_empty_geometry():
    with pytest.raises(AoiError, match="empty"):
        Aoi.from_geometries([Polygon()])


def test_self_intersecting_polygon_repaired_and_user_told():
    bowtie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)])
    aoi = Aoi.from_geometries([bowtie])
    assert aoi.geometry.is_valid
    assert aoi.area_km2 > 0
    assert any("repaired" in n for n in aoi.notes)


def test_degenerate_zero_area():
    with pytest.raises(AoiError, match="no area"):
        Aoi.from_geometries([Polygon([(0, 0), (1, 1), (2, 2), (0, 0)])])


def test_antimeridian_split_in_two_parts():
    aoi = Aoi.from_wkt("POLYGON((179 0, -179 0, -179 1, 179 1, 179 0))")
    assert len(aoi.parts) == 2
    xs = sorted(round(p.bounds[0]) for p in aoi.parts)
    assert xs == [-180, 179]
    assert aoi.area_km2 == pytest.approx(2 * 111.3 * 110.6, rel=0.02)   # 2° x 1° near the equator
    assert any("antimeridian" in n for n in aoi.notes)


def test_antimeridian_from_projected_crs():
    # EPSG:3832 (PDC Mercator, centred on 150°E): a box around 180° stays continuous there.
    aoi = Aoi.from_extent(3000000, -100000, 3400000, 100000, "EPSG:3832")
    assert len(aoi.parts) == 2
    for part in aoi.parts:
        assert -180.0 <= part.bounds[0] <= part.bounds[2] <= 180.0


def test_area_over_maximum():
    with pytest.raises(AoiError, match="maximum of 1,000 km²"):
        Aoi.from_extent(0, 0, 5, 5, max_area_km2=1000)


def test_vertex_limit_simplifies_and_reports_tolerance():
    import math
    ring = [(math.cos(t / 2000 * 2 * math.pi), math.sin(t / 2000 * 2 * math.pi)) for t in range(2000)]
    aoi = Aoi.from_geometries([Polygon(ring)], max_vertices=100)
    assert aoi.vertex_count <= 100
    assert aoi.geometry.is_valid
    assert any("simplified with a tolerance" in n for n in aoi.notes)
    assert aoi.area_km2 == pytest.approx(Aoi.from_geometries([Polygon(ring)]).area_km2, rel=0.02)


def test_unknown_crs():
    with pytest.raises(AoiError, match="not known"):
        Aoi.from_extent(0, 0, 1, 1, "EPSG:999999")


def test_out_of_range_coordinates():
    with pytest.raises(AoiError, match="outside the valid range"):
        Aoi.from_extent(0, 80, 10, 95)


def test_geojson_feature_collection_round_trip():
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": box(0, 0, 1, 1).__geo_interface__}]}
    aoi = Aoi.from_geojson(fc)
    assert Aoi.from_geojson(aoi.to_geojson()).bounds == aoi.bounds


def test_bad_geojson_message():
    with pytest.raises(AoiError, match="GeoJSON could not be read"):
        Aoi.from_geojson("{not json")


def test_in_crs_round_trip():
    aoi = Aoi.from_extent(500000, 4100000, 510000, 4110000, "EPSG:32610")
    back = aoi.in_crs("EPSG:32610")
    assert back.bounds == pytest.approx((500000, 4100000, 510000, 4110000), abs=0.01)


def test_the_aoi_of_an_extent_makes_its_crs_and_transformers_once(monkeypatch):
    """The dock makes the AOI of the canvas extent at every extent change, on QGIS's main thread: its CRS
    and transformers are made once (each about a millisecond: 18-20 ms per AOI of a projected extent
    before), and the AOI is the same."""
    import pyproj
    from plugin.core import aoi as aoi_module
    first = aoi_module.Aoi.from_extent(100000, 5000000, 110000, 5010000, "EPSG:3857")
    made = []
    real_init, real_from_crs = pyproj.CRS.__init__, pyproj.Transformer.from_crs

    def init(self, *args, **kwargs):
        made.append(args)
        real_init(self, *args, **kwargs)
    monkeypatch.setattr(pyproj.CRS, "__init__", init)
    monkeypatch.setattr(pyproj.Transformer, "from_crs", lambda *a, **k: made.append(a) or real_from_crs(*a, **k))
    again = aoi_module.Aoi.from_extent(100000, 5000000, 110000, 5010000, "EPSG:3857")
    assert made == []
    assert again.geometry.equals(first.geometry) and again.bounds == first.bounds
