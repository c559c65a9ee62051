"""Client-side validation of Earth Engine download options (nothing is sent)."""
import json

import pytest

from plugin.core.providers.earthengine import expression as ex
from plugin.core.providers.earthengine import params as P
from plugin.core.providers.earthengine import tiling
from plugin.core.errors import ParameterError
from plugin.core.providers.earthengine.download_runner import build_params

IMG = "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG"
AOI = {"type": "Polygon", "coordinates": [[[-122.08, 37.04], [-122.06, 37.04], [-122.06, 37.06],
                                           [-122.08, 37.06], [-122.08, 37.04]]]}


def base(**kw):
    d = {"image": IMG, "project": "my-project", "bands": ["B4"]}
    d.update(kw)
    return d


def message(exc_info):
    return exc_info.value.message


# --- formats ------------------------------------------------------------------
@pytest.mark.parametrize("given,expected", [
    ("GEO_TIFF", "GEO_TIFF"), ("geotiff", "GEO_TIFF"), ("GeoTIFF", "GEO_TIFF"), ("numpy", "NPY"),
    ("npy", "NPY"), ("zipped_geo_tiff", "ZIPPED_GEO_TIFF"),
    ("ZIPPED_GEO_TIFF_PER_BAND", "ZIPPED_GEO_TIFF_PER_BAND"),
])
def test_format_aliases(given, expected):
    assert P.normalize_format(given) == expected


def test_default_format_follows_file_per_band_like_the_official_client():
    assert P.normalize_format(None, True) == "ZIPPED_GEO_TIFF_PER_BAND"
    assert P.normalize_format(None, None) == "ZIPPED_GEO_TIFF_PER_BAND"
    assert P.normalize_format("", False) == "ZIPPED_GEO_TIFF"


def test_unknown_format_is_refused_with_the_choices():
    with pytest.raises(ParameterError) as e:
        P.validate(base(format="PNG"))
    assert 'Unknown download format "PNG"' in message(e)
    assert "GEO_TIFF" in e.value.hint and "NPY" in e.value.hint


def test_legacy_alias_builds_the_same_body_as_the_official_client():
    # The official client maps "geotiff" to GEO_TIFF itself (capture legacy_geotiff_alias.json).
    p = P.validate(base(format="geotiff", scale=20, region=AOI))
    body = ex.thumbnail_body(IMG, P.to_download_params(p))
    assert body["fileFormat"] == "GEO_TIFF"


# --- region + scale + dimensions ---------------------------------------------------
def test_region_scale_and_dimensions_together_are_refused():
    with pytest.raises(ParameterError) as e:
        P.validate(base(region=AOI, scale=10, dimensions="100x100"))
    assert "cannot be used together" in message(e)


def test_region_crs_transform_and_dimensions_together_are_refused():
    with pytest.raises(ParameterError):
        P.validate(base(region=AOI, crs="EPSG:32610", crs_transform=[10, 0, 0, 0, -10, 0], dimensions=[5, 5]))


def test_region_with_dimensions_alone_is_fine():
    p = P.validate(base(region=AOI, dimensions="300x200"))
    assert p["dimensions"] == [300, 200] and p["scale"] is None


# --- crs_transform --------------------------------------------------------------------
@pytest.mark.parametrize("value,expected", [
    ("10,0,500000,0,-10,4200000", [10.0, 0.0, 500000.0, 0.0, -10.0, 4200000.0]),
    ("[10, 0, 500000, 0, -10, 4200000]", [10, 0, 500000, 0, -10, 4200000]),
    ([10, 0, 500000, 0, -10, 4200000], [10, 0, 500000, 0, -10, 4200000]),
])
def test_crs_transform_forms(value, expected):
    assert P.parse_crs_transform(value) == expected


@pytest.mark.parametrize("value", ["1,2,3", "[1,2,3,4,5,6,7]", "a,b,c,d,e,f", [1, 0, 0, 0, "x", 0], "[1,2"])
def test_crs_transform_must_be_six_numbers(value):
    with pytest.raises(ParameterError) as e:
        P.parse_crs_transform(value)
    assert "must be 6 numbers" in message(e)


def test_crs_transform_with_zero_pixel_size():
    with pytest.raises(ParameterError) as e:
        P.parse_crs_transform("0,0,1,0,-10,2")
    assert "zero pixel size" in message(e)


def test_crs_transform_needs_crs():
    with pytest.raises(ParameterError) as e:
        P.validate(base(crs_transform="10,0,0,0,-10,0", dimensions="10x10"))
    assert "needs a CRS" in message(e)


# --- dimensions -------------------------------------------------------------------------
@pytest.mark.parametrize("value,expected", [
    ("512x256", [512, 256]), ("512X256", [512, 256]), (" 512 x 256 ", [512, 256]), ("512,256", [512, 256]),
    (1024, [1024]), ("1024", [1024]), ([300, 200], [300, 200]), ("[300, 200]", [300, 200]), (8.0, [8]),
])
def test_dimension_forms(value, expected):
    assert P.parse_dimensions(value) == expected


@pytest.mark.parametrize("value", ["0x10", "-5x5", "10x", "axb", "1x2x3", [1, 2, 3], 2.5, "10.5x3", [0, 0]])
def test_dimensions_must_be_positive_whole_numbers(value):
    with pytest.raises(ParameterError) as e:
        P.parse_dimensions(value)
    assert "WIDTHxHEIGHT" in message(e)


# --- scale ---------------------------------------------------------------------------------
@pytest.mark.parametrize("value", [0, -10, "0", "abc", float("nan"), float("inf")])
def test_scale_must_be_positive(value):
    with pytest.raises(ParameterError) as e:
        P.parse_scale(value)
    assert "positive number of metres" in message(e)


def test_scale_integral_float_becomes_int():
    assert P.parse_scale("20") == 20 and isinstance(P.parse_scale(20.0), int)
    assert P.parse_scale(12.5) == 12.5


# --- CRS ----------------------------------------------------------------------------------------
def test_bad_crs_is_refused_by_pyproj():
    with pytest.raises(ParameterError) as e:
        P.validate(base(crs="EPSG:999999"))
    assert 'Unknown CRS "EPSG:999999"' in message(e)
    assert "EPSG:4326" in e.value.hint


def test_good_crs_is_kept_as_given():
    assert P.validate(base(crs="epsg:32610"))["crs"] == "epsg:32610"


# --- bands and band options -------------------------------------------------------------------------
def test_bands_from_comma_text():
    assert P.parse_bands(" B4, B3 ,B2,") == [{"id": "B4"}, {"id": "B3"}, {"id": "B2"}]


def test_band_dict_without_id_is_refused():
    with pytest.raises(ParameterError) as e:
        P.validate(base(bands=[{"scale": 10}]))
    assert 'needs an "id"' in message(e)


def test_band_listed_twice():
    with pytest.raises(ParameterError) as e:
        P.parse_bands("B4,B4")
    assert "twice" in message(e)


def test_band_options_object_form():
    got = P.parse_band_options('{"B4": {"scale": 10}, "B11": {"crs": "EPSG:32610", "dimensions": "20x10"}}')
    assert got == {"B4": {"id": "B4", "scale": 10},
                   "B11": {"id": "B11", "crs": "EPSG:32610", "dimensions": [20, 10]}}


def test_band_options_list_form():
    got = P.parse_band_options('[{"id": "B3", "scale": 10}, {"id": "B8"}]')
    assert list(got) == ["B3", "B8"] and got["B3"]["scale"] == 10


def test_band_options_json_error_names_line_and_column():
    with pytest.raises(ParameterError) as e:
        P.parse_band_options('{"B4": {"scale": 10},\n "B8": {scale: 20}}')
    assert "not valid JSON (line 2, column" in message(e)
    assert "Example" in e.value.hint


@pytest.mark.parametrize("text,fragment", [
    ('{"B4": {"resolution": 10}}', 'Unknown option "resolution"'),
    ('{"B4": 10}', "must be a JSON object"),
    ('"B4"', "must be a JSON object keyed by band name"),
    ('[{"scale": 10}]', 'needs an "id"'),
    ('{"B4": {"scale": -1}}', "positive number"),
    ('{"B4": {"crs_transform": [1, 2]}}', "must be 6 numbers"),
])
def test_band_options_errors(text, fragment):
    with pytest.raises(ParameterError) as e:
        P.parse_band_options(text)
    assert fragment in message(e)


def test_band_crs_transform_without_any_crs():
    with pytest.raises(ParameterError) as e:
        P.validate(base(bands=[{"id": "B4", "crs_transform": [10, 0, 0, 0, -10, 0]}]))
    assert "no CRS" in message(e)


def test_empty_band_options_are_none():
    assert P.parse_band_options("") == {} and P.parse_band_options("  \n") == {} and P.parse_band_options(None) == {}


# --- project, image, name ------------------------------------------------------------------------------
@pytest.mark.parametrize("project", ["", None, "Bad_Project", "abc", "projects/"])
def test_project_is_required_and_checked(project):
    with pytest.raises(ParameterError):
        P.validate(base(project=project))


@pytest.mark.parametrize("project,expected", [("my-project", "my-project"), ("projects/my-project", "my-project"),
                                              ("123456789012", "123456789012"),
                                              ("earthengine-legacy", "earthengine-legacy"),
                                              ("example.com:my-project", "example.com:my-project")])
def test_project_forms(project, expected):
    assert P.validate(base(project=project))["project"] == expected


@pytest.mark.parametrize("image", ["", None, "COPERNICUS/S2 SR"])
def test_image_is_required(image):
    with pytest.raises(ParameterError) as e:
        P.validate(base(image=image))
    assert "asset id" in message(e)


@pytest.mark.parametrize("name", ["a/b", "..", "x:y"])
def test_name_must_be_a_file_name(name):
    with pytest.raises(ParameterError):
        P.validate(base(name=name))


# --- build_params (Processing / GUI) ------------------------------------------------------------------
def test_build_params_merges_bands_and_band_options():
    p = build_params(IMG, bands="B3, B8, B11", band_options='{"B3": {"scale": 10}, "B11": {"scale": 20}}',
                     project="my-project", aoi=AOI, name="custom_single_band")
    assert p["bands"] == [{"id": "B3", "scale": 10}, "B8", {"id": "B11", "scale": 20}]
    assert p["format"] == "ZIPPED_GEO_TIFF_PER_BAND" and p["aoi"] == AOI
    json.dumps(p)   # job params must be JSON


def test_build_params_band_options_alone_give_the_band_list():
    p = build_params(IMG, bands="", band_options='[{"id": "B3", "scale": 10}, {"id": "B8", "scale": 10}]',
                     project="my-project", aoi=AOI)
    assert [b["id"] for b in p["bands"]] == ["B3", "B8"]


def test_build_params_band_options_for_unlisted_band():
    with pytest.raises(ParameterError) as e:
        build_params(IMG, bands="B4", band_options='{"B5": {"scale": 20}}', project="my-project", aoi=AOI)
    assert "B5" in message(e)


def test_build_params_processing_style_values():
    p = build_params(IMG, bands="B4,B3", scale=20.0, crs="EPSG:32610", crs_transform="", dimensions="",
                     format="GEO_TIFF", file_per_band=False, name="", project="my-project", aoi=AOI)
    assert p["scale"] == 20 and p["crs"] == "EPSG:32610" and p["crs_transform"] is None
    assert p["name"] is None and p["format"] == "GEO_TIFF"


def test_build_params_exact_grid_without_aoi():
    p = build_params(IMG, bands="B4", crs="EPSG:32610", crs_transform="10,0,580000,0,-10,4105000",
                     dimensions="256x128", format="GEO_TIFF", project="my-project", aoi=None)
    assert p["aoi"] is None and p["dimensions"] == [256, 128]


def test_build_params_aoi_must_be_polygon():
    with pytest.raises(ParameterError):
        build_params(IMG, bands="B4", project="my-project", aoi={"type": "Point", "coordinates": [0, 0]})


def test_seed_example_through_build_params_gives_the_official_body():
    # The seed's "Band-specific transformations" example, entered as a user would.
    with open(__file__.replace("test_ee_params.py", "../fixtures/ee_official/seed_custom_single_band.json")) as f:
        official = json.load(f)["request"]["body"]
    p = build_params(IMG, bands="B3,B8,B11", band_options='{"B3": {"scale": 10}, "B8": {"scale": 10}, '
                                                          '"B11": {"scale": 20}}',
                     project="my-project", name="custom_single_band")
    opts = P.to_download_params(P.validate(dict(p, region=None)))
    opts["region"] = ex.bbox(-122.0859, 37.0436, -122.0626, 37.0586)
    assert ex.thumbnail_body(IMG, opts) == official


# --- estimate (pure) ---------------------------------------------------------------------------------------
def s2_info():
    bands = []
    for bid, dtype, nbytes, res in (("B4", "uint16", 2, 10), ("B3", "uint16", 2, 10), ("B11", "uint16", 2, 20),
                                    ("SCL", "uint8", 1, 20)):
        n = 109800 // res
        bands.append(tiling.BandInfo(bid, dtype, nbytes, "EPSG:32610", (res, 0, 499980, 0, -res, 4200000), n, n))
    return tiling.ImageInfo(IMG, bands)


def test_estimate_counts_the_mask_byte():
    p = P.validate(base(bands=["B4", "SCL"], crs="EPSG:32610", crs_transform=[10, 0, 500000, 0, -10, 4100000],
                        dimensions=[100, 50], format="GEO_TIFF"))
    est = tiling.estimate(p, None, s2_info())
    assert (est.width, est.height, est.bands) == (100, 50)[:2] + (2,)
    assert est.bytes == 100 * 50 * ((2 + 1) + (1 + 1))
    assert est.tiles == 1 and est.fits


def test_estimate_region_and_scale_snaps_to_the_native_grid():
    p = P.validate(base(bands=["B4"], scale=20, format="GEO_TIFF"))
    est = tiling.estimate(p, AOI, s2_info())
    a, b, c, d, e, f = est.grid.transform
    assert (a, e) == (20, -20)
    assert (c - 499980) % 20 == 0 and (4200000 - f) % 20 == 0
    minx, miny, maxx, maxy = tiling.region_bounds(AOI, "EPSG:32610")
    gx0, gy0, gx1, gy1 = est.grid.bounds()
    assert gx0 <= minx < gx0 + 20 and gx1 - 20 < maxx <= gx1
    assert gy0 <= miny < gy0 + 20 and gy1 - 20 < maxy <= gy1


def test_estimate_big_area_is_tiled_within_limits():
    p = P.validate(base(bands=["B4", "B3"], scale=10, format="ZIPPED_GEO_TIFF"))
    big = {"type": "Polygon", "coordinates": [[[-122.4, 37.0], [-121.6, 37.0], [-121.6, 37.6], [-122.4, 37.6],
                                               [-122.4, 37.0]]]}
    limits = tiling.Limits()
    est = tiling.estimate(p, big, s2_info(), limits)
    assert not est.fits and est.tiles > 1
    out = est.outputs[0]
    tiles = tiling.plan_tiles(out, limits)
    assert len(tiles) == est.tiles == tiling.count_tiles(out, limits)
    covered = 0
    for t in tiles:
        assert t.grid.width * t.grid.height * out.bytes_per_pixel <= limits.max_bytes
        assert max(t.grid.width, t.grid.height) <= limits.max_dimension
        # Every tile lies on the output grid: same pixel size, origin on a whole pixel.
        assert t.grid.transform[0] == out.grid.transform[0] and t.grid.transform[4] == out.grid.transform[4]
        assert t.grid.transform[2] == out.grid.transform[2] + t.col * 10
        assert t.grid.transform[5] == out.grid.transform[5] - t.row * 10
        covered += t.grid.pixels
    assert covered == out.grid.pixels



@pytest.mark.parametrize("width,height,max_mib", [(2001, 2001, 6), (4001, 4001, 48), (10001, 10015, 48),
                                                  (10001, 10015, 6), (300, 70000, 6), (2001, 2001, 3)])
def test_tiles_are_even_no_thin_remainder_costing_a_request_of_its_own(width, height, max_mib):
    """A request's time grows little with its size (base + per MiB): a download waits for its biggest
    tile, so the tiles of a count are equal, the last a few pixels thinner at most -- not 6 strips of 328
    rows and a 7th of 33 for 2001 rows."""
    limits = tiling.Limits(max_bytes=max_mib * 1048576)
    tw, th = tiling.tile_size(6, width, height, limits)
    cols, rows = -(-width // tw), -(-height // th)
    assert tw * th * 6 <= limits.max_bytes * limits.fill
    assert width - (cols - 1) * tw >= tw - (cols - 1) and height - (rows - 1) * th >= th - (rows - 1)
    # and as few tiles as the limits allow with the strips or squares tried
    assert cols * rows <= -(-width * height * 6 // int(limits.max_bytes * limits.fill)) * 2

def test_estimate_per_band_groups_bands_by_grid():
    p = P.validate(base(bands=["B4", "B3", "B11"], format="ZIPPED_GEO_TIFF_PER_BAND"))
    est = tiling.estimate(p, AOI, s2_info())
    assert [o.bands for o in est.outputs] == [["B4", "B3"], ["B11"]]
    assert est.outputs[1].grid.transform[0] == 20


def test_estimate_pixel_grid_dimension_limit():
    p = P.validate(base(bands=["SCL"], crs="EPSG:32610", crs_transform=[10, 0, 0, 0, -10, 0],
                        dimensions=[12000, 10], format="GEO_TIFF"))
    est = tiling.estimate(p, None, s2_info())
    assert not est.fits and est.tiles == 2
