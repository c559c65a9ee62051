"""Earth Engine without an asset id: collection search, composites and previews.

The bodies are compared byte for byte with what the official client sent
(tests/fixtures/ee_official/collection_*.json, scripts/capture_ee_collections_official.py);
searches, composites and previews run against the simulator, whose pixels are
derived from the graph the plugin sends.
"""
import datetime
import glob
import json
import os

import numpy as np
import pytest
from osgeo import gdal

from plugin.core.transfer import http
from plugin.core.providers.earthengine import collections as ee_collections
from plugin.core.providers.earthengine import composite as C
from plugin.core.providers.earthengine import export as E
from plugin.core.providers.earthengine import expression as ex
from plugin.core.providers.earthengine import params as P
from plugin.core.providers.earthengine import preview
from plugin.core.providers.earthengine.auth import StaticToken
from plugin.core.providers.earthengine.client import EeClient
from plugin.core.errors import HttpError, ParameterError
from plugin.core.jobs import Job
from plugin.core.runner import RunContext, run_job
from plugin.core.providers.earthengine import download_runner as R
from plugin.core.providers.earthengine import export_runner as R_export
from tests.core.test_ee_client import inside_mask, valid_mask
from tests.sims import ee_sim
from tests.sims.ee_sim import EeSimulator

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "fixtures", "ee_official")
TOKEN = "test-token"
FAST = http.RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.05)
S2 = "COPERNICUS/S2_SR_HARMONIZED"
#: The captures' AOI (0.1 degree, tile T31TCJ) and a small one inside it for pixel checks.
AOI = {"type": "Polygon", "coordinates": [[[1.0, 43.0], [1.1, 43.0], [1.1, 43.1], [1.0, 43.1], [1.0, 43.0]]]}
SMALL = {"type": "Polygon", "coordinates": [[[1.0, 43.0], [1.02, 43.0], [1.015, 43.02], [1.0, 43.018],
                                             [1.0, 43.0]]]}
#: Inside T31TDJ only (east of T31TCJ).
EAST = {"type": "Polygon", "coordinates": [[[2.2, 43.0], [2.25, 43.0], [2.25, 43.05], [2.2, 43.05], [2.2, 43.0]]]}
COMPOSITE_CASES = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(FIXTURES, "collection_*.json"))
                         if "composite" in json.load(open(p)) and "_export_" not in p)
EXPORT_CASES = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(FIXTURES, "collection_export_*.json")))


def load(case):
    with open(os.path.join(FIXTURES, case + ".json")) as f:
        return json.load(f)


def spec_of(record):
    c = dict(record["composite"])
    return C.CompositeSpec(c["collection"], c["start"], c["end"], c["method"], c.get("cloud_property"),
                           c.get("cloud_max"), c["mask"], c.get("mask_band", "cs_cdf"), c.get("threshold", 0.6),
                           c.get("qa_bits", C.LANDSAT_QA_MASK))


@pytest.fixture(scope="module")
def sim_server():
    sim = EeSimulator(tokens=(TOKEN,), projects=("my-project",))
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture
def sim(sim_server):
    sim_server.reset_counters()
    sim_server.clear_faults()
    return sim_server


def client_for(sim):
    return EeClient(sim.url, "my-project", StaticToken(TOKEN), retry=FAST)


# --- the bodies are the official client's --------------------------------------------------------------
def test_at_least_eight_composites_and_the_listing_are_captured():
    assert len([c for c in COMPOSITE_CASES if "_thumb_" not in c]) >= 8
    methods = {load(c)["composite"]["method"] for c in COMPOSITE_CASES}
    masks = {load(c)["composite"]["mask"] for c in COMPOSITE_CASES}
    assert methods == set(C.METHODS) and masks == set(C.MASKS)
    assert os.path.exists(os.path.join(FIXTURES, "collection_list_images.json"))


@pytest.mark.parametrize("case", COMPOSITE_CASES)
def test_composite_body_equals_official_capture(case):
    record = load(case)
    official = record["request"]["body"]
    image = C.composite_image(spec_of(record), record["composite"]["aoi"])
    params = dict(record["params"])
    if "min" in params:      # getThumbURL
        ours = C.preview_body(image, params["region"], params["bands"], params.get("min"), params.get("max"),
                              params.get("gamma"), params["dimensions"])
    else:
        if params.get("region") is None:
            params.pop("region")
        ours = ex.thumbnail_body(image, params)
    assert ex.resolve(ours["expression"]) == ex.resolve(official["expression"])
    assert json.dumps(ours, sort_keys=True) == json.dumps(official, sort_keys=True)


def test_the_download_job_sends_the_official_composite_body(tmp_path):
    record = load("collection_s2sr_csplus_median")
    params = R.build_params(None, collection=S2, date_from="2023-06-01", date_to="2023-08-31", cloud_max=20,
                            cloud_mask="cloud_score_plus", mask_band="cs_cdf", mask_threshold=0.6,
                            composite="median", bands="B4, B3, B2", crs="EPSG:32631", scale=10,
                            format="GEO_TIFF", name="s2_median", project="my-project", aoi=AOI)
    job = Job("ee_download", params, output_dir=str(tmp_path))
    ctx = RunContext(job, credentials={"token": TOKEN}, settings={"ee_api": "http://127.0.0.1:9"})
    p = P.validate(dict(params, region=params["aoi"]))
    download = R.EeDownload(R.make_client(ctx, "my-project"), p, str(tmp_path), ctx, str(tmp_path / "w"))
    assert download._official_piece().body == record["request"]["body"]


@pytest.mark.parametrize("case", EXPORT_CASES)
def test_composite_export_body_equals_official_capture(case):
    record = load(case)
    c, call = record["composite"], record["params"]
    last = datetime.date.fromisoformat(c["end"]) - datetime.timedelta(days=1)
    params = R_export.build_params(
        None, bands=call["bands"], scale=call.get("scale"), crs=call.get("crs"), description=call["description"],
        destination={"toCloudStorage": "gcs", "toDrive": "drive"}[call["call"]], bucket=call.get("bucket"),
        folder=call.get("folder"), prefix=call.get("fileNamePrefix"), max_pixels=call.get("maxPixels"),
        project="my-project", aoi=call["region"], collection=c["collection"], date_from=c["start"],
        date_to=last.isoformat(), cloud_max=c.get("cloud_max"), cloud_mask=c["mask"],
        mask_band=c.get("mask_band"), mask_threshold=c.get("threshold"), composite=c["method"])
    official = record["request"]["body"]
    ours = E.export_body(params, official["requestId"])
    assert json.dumps(ours, sort_keys=True) == json.dumps(official, sort_keys=True)


def test_mapping_variable_counts_the_functions_of_the_body():
    inner = ex.mapping_function(lambda img: C.update_mask(img, img))
    outer = ex.mapping_function(lambda img: C.collection_map(img, inner))
    assert inner.argument_names == ["_MAPPING_VAR_0_0"]
    assert outer.argument_names == ["_MAPPING_VAR_1_0"]


def test_search_request_equals_official_list_images(sim):
    record = load("collection_list_images")["request"]
    ee_collections.search(client_for(sim), S2, "2023-06-01", "2023-09-01", AOI, "CLOUDY_PIXEL_PERCENTAGE", 20)
    sent = sim.last_request("images")
    assert sent["path"] == record["path"]
    assert sent["query"] == record["query"]
    assert sent["headers"]["x-goog-user-project"] == "my-project"


# --- search ----------------------------------------------------------------------------------------------
def test_search_follows_every_page(sim):
    found = ee_collections.search(client_for(sim), S2, "2023-06-01", "2023-09-01", AOI,
                                  "CLOUDY_PIXEL_PERCENTAGE", 20, page_size=2)
    assert [s.date for s in found.scenes] == ["2023-06-05", "2023-06-15", "2023-07-10", "2023-08-04",
                                              "2023-08-19"]
    assert found.pages == 3 and not found.truncated and sim.count("images", 200) == 3
    assert all(s.cloud < 20 for s in found.scenes)
    first = found.scenes[0]
    assert first.id.endswith("_T31TCJ") and first.footprint["type"] == "Polygon"
    assert first.time == "2023-06-05T10:56:02.112Z"


def test_search_stops_at_the_caps(sim):
    by_results = ee_collections.search(client_for(sim), S2, "2023-06-01", "2023-09-01", AOI, page_size=2,
                                       max_results=3)
    assert len(by_results.scenes) == 3 and by_results.truncated
    assert sim.last_request("images")["query"]["pageSize"] == "1"      # only what is still wanted
    by_pages = ee_collections.search(client_for(sim), S2, "2023-06-01", "2023-09-01", AOI, page_size=1,
                                     max_pages=2)
    assert len(by_pages.scenes) == 2 and by_pages.truncated and by_pages.pages == 2


def test_search_cloud_limit_dates_and_region(sim):
    client = client_for(sim)
    clear = ee_collections.search(client, S2, "2023-06-01", "2023-09-01", AOI, "CLOUDY_PIXEL_PERCENTAGE", 5)
    assert [s.date for s in clear.scenes] == ["2023-06-15", "2023-08-04"]
    july = ee_collections.search(client, S2, "2023-07-01", "2023-07-20", AOI)
    assert [s.date for s in july.scenes] == ["2023-07-10"]          # end exclusive: 07-20 is left out
    east = ee_collections.search(client, S2, "2023-06-01", "2023-09-01", EAST)
    assert {s.id.rsplit("_", 1)[-1] for s in east.scenes} == {"T31TDJ"}
    none = ee_collections.search(client, S2, "2021-06-01", "2021-09-01", AOI)
    assert none.scenes == [] and none.pages == 1


def test_a_failed_page_is_retried(sim):
    sim.inject("images", 503)
    found = ee_collections.search(client_for(sim), S2, "2023-06-01", "2023-09-01", AOI, page_size=2)
    assert len(found.scenes) == 7 and found.pages == 4 and sim.count("images", 503) == 1


def test_an_unknown_collection_says_so(sim):
    with pytest.raises(ParameterError) as e:
        ee_collections.search(client_for(sim), "COPERNICUS/S9_NOPE", "2023-06-01", "2023-07-01", AOI)
    assert "does not exist" in e.value.message and "collection id" in e.value.hint


def test_a_repeated_page_token_stops_the_listing():
    class Looping:
        def list_assets(self, collection, query):
            return {"assets": [{"id": "C/x", "startTime": "2023-06-01T00:00:00Z"}], "nextPageToken": "same"}
    with pytest.raises(HttpError) as e:
        ee_collections.search(Looping(), "C", "2023-06-01", "2023-07-01", page_size=1)
    assert "same page" in e.value.message


def test_simulator_refuses_filters_the_service_refuses(sim):
    import requests
    url = sim.url + "/v1/projects/earthengine-public/assets/%s:listAssets" % S2
    auth = {"Authorization": "Bearer " + TOKEN}
    bad = requests.get(url, params={"filter": "CLOUDY_PIXEL_PERCENTAGE < 20"}, headers=auth)
    assert bad.status_code == 400 and "Invalid filter" in bad.json()["error"]["message"]
    unknown = requests.get(url, params={"startTime": "2023-06-01T00:00:00Z"}, headers=auth)   # listImages only
    assert unknown.status_code == 400
    first = requests.get(url, params={"pageSize": 1, "filter": 'startTime >= "2023-06-01T00:00:00Z"'},
                         headers=auth).json()
    other = requests.get(url, params={"pageSize": 1, "pageToken": first["nextPageToken"]}, headers=auth)
    assert other.status_code == 400 and "page token" in other.json()["error"]["message"]
    images = requests.get(url.replace(":listAssets", ":listImages"), headers=auth, params={
        "startTime": "2023-06-01T00:00:00Z", "endTime": "2023-06-10T00:00:00Z", "region": json.dumps(AOI),
        "filter": "properties.CLOUDY_PIXEL_PERCENTAGE > 10"}).json()
    assert [i["id"].rsplit("/", 1)[-1][:8] for i in images["images"]] == ["20230605"]
    assert requests.get(url, params={"filter": 'startTime >= "2031-01-01T00:00:00Z"'}, headers=auth).json() == {}


# --- composites end to end (download runner -> simulator) ----------------------------------------------------
def run_composite(sim, tmp_path, **kw):
    kw.setdefault("project", "my-project")
    kw.setdefault("aoi", SMALL)
    kw.setdefault("format", "GEO_TIFF")
    params = R.build_params(None, **kw)
    job = Job("ee_download", params, output_dir=str(tmp_path / "out"))
    ctx = RunContext(job, credentials={"token": TOKEN}, settings={"ee_api": sim.url, "retry": FAST})
    return run_job(job, ctx), job


def scene_stack(sim, path, scenes, band, mask):
    """The scenes' values of ``band`` on the grid of ``path`` (NaN where masked), in order."""
    ds = gdal.Open(path)
    grid = ("EPSG:32631", ds.GetGeoTransform(), ds.RasterXSize, ds.RasterYSize)
    layers = []
    for scene in scenes:
        values = sim.expected_pixels(scene, band, *grid).astype(np.float64)
        keep = values != 0
        keep &= mask(scene, grid)
        layers.append(np.where(keep, values, np.nan))
    return np.stack(layers)


def test_median_of_three_masked_scenes_pixel_by_pixel(sim, tmp_path):
    outputs, job = run_composite(sim, tmp_path, collection=S2, date_from="2023-06-01", date_to="2023-07-15",
                                 cloud_max=20, cloud_mask="cloud_score_plus", composite="median", bands="B4, B3",
                                 scale=20)
    scenes = [s["id"] for s in job.server["scenes"]]
    assert [s[28:36] for s in scenes] == ["20230605", "20230615", "20230710"]
    path = outputs[0]
    assert os.path.basename(path) == "S2_L2A_median_2023-06-01..2023-07-15.tif"

    def clear(scene, grid):
        cs = sim.expected_pixels(ee_sim.CS_PLUS_COLLECTION + "/" + scene.rsplit("/", 1)[-1], "cs_cdf", *grid)
        return cs.astype(np.float64) >= 0.6
    for index, band in enumerate(("B4", "B3"), start=1):
        stack = scene_stack(sim, path, scenes, band, clear)
        with np.errstate(all="ignore"):
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                expected = np.nanmedian(stack, axis=0)
        ds = gdal.Open(path)
        got = ds.GetRasterBand(index).ReadAsArray()
        valid = valid_mask(path, index)
        inside = inside_mask(path, SMALL)
        assert np.array_equal(valid, inside & np.isfinite(expected))
        assert np.array_equal(got[valid], expected[valid])
        # Some pixels had 1, 2 and 3 clear scenes: the median really is taken over what is clear.
        counts = np.isfinite(stack).sum(axis=0)[inside]
        assert {1, 2, 3} <= set(counts.tolist())


def test_landsat_most_recent_on_top_with_qa_mask(sim, tmp_path):
    outputs, job = run_composite(sim, tmp_path, collection="LANDSAT/LC09/C02/T1_L2", date_from="2023-05-01",
                                 date_to="2023-09-30", cloud_max=40, composite="recent", bands="SR_B4",
                                 name="l9_recent")
    scenes = [s["id"] for s in job.server["scenes"]]
    assert [s.rsplit("_", 1)[-1] for s in scenes] == ["20230514", "20230717", "20230918"]

    def clear(scene, grid):
        qa = sim.expected_pixels(scene, "QA_PIXEL", *grid).astype(np.int64)
        return (qa & C.LANDSAT_QA_MASK) == 0
    stack = scene_stack(sim, outputs[0], scenes, "SR_B4", clear)
    expected = np.full(stack.shape[1:], np.nan)
    for layer in stack:                       # sorted by time: the latest clear pixel wins
        expected = np.where(np.isfinite(layer), layer, expected)
    ds = gdal.Open(outputs[0])
    got = ds.GetRasterBand(1).ReadAsArray()
    valid = valid_mask(outputs[0])
    assert np.array_equal(valid, inside_mask(outputs[0], SMALL) & np.isfinite(expected))
    assert np.array_equal(got[valid], expected[valid])
    assert got.dtype == np.uint16                 # a mosaic keeps the scenes' type


@pytest.mark.parametrize("method", ["mean", "min", "max", "recent", "least_cloudy"])
def test_every_method_pixel_by_pixel(sim, tmp_path, method):
    outputs, job = run_composite(sim, tmp_path, collection=S2, date_from="2023-06-01", date_to="2023-07-15",
                                 cloud_max=20, cloud_mask="none", composite=method, bands="B4", scale=30)
    found = job.server["scenes"]
    stack = scene_stack(sim, outputs[0], [s["id"] for s in found], "B4", lambda scene, grid: True)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        if method in ("mean", "min", "max"):
            expected = getattr(np, "nan" + method)(stack, axis=0)
        else:      # a mosaic: the last of the sorted scenes on top (no mask: it covers the area)
            key = (lambda s: s["time"]) if method == "recent" else (lambda s: -s["cloud"])
            order = sorted(range(len(found)), key=lambda i: key(found[i]))
            expected = stack[order[-1]]
    ds = gdal.Open(outputs[0])
    got = ds.GetRasterBand(1).ReadAsArray()
    valid = valid_mask(outputs[0])
    assert valid.mean() > 0.5 and np.array_equal(valid, inside_mask(outputs[0], SMALL))
    assert np.array_equal(got[valid], expected[valid])


def test_tiled_composite_equals_one_request(sim, tmp_path):
    kw = dict(collection=S2, date_from="2023-06-01", date_to="2023-08-31", cloud_max=10, composite="mean",
              cloud_mask="none", bands="B8", scale=20)
    one, _ = run_composite(sim, tmp_path / "a", **kw)
    params = R.build_params(None, project="my-project", aoi=SMALL, format="GEO_TIFF", **kw)
    job = Job("ee_download", params, output_dir=str(tmp_path / "b"))
    ctx = RunContext(job, credentials={"token": TOKEN},
                     settings={"ee_api": sim.url, "retry": FAST, "ee_max_request_bytes": 30000})
    tiled = run_job(job, ctx)
    assert job.server["plan"]["tiled"] and job.server["plan"]["pieces"] > 1
    a, b = gdal.Open(one[0]), gdal.Open(tiled[0])
    assert a.GetGeoTransform() == b.GetGeoTransform()
    assert np.array_equal(valid_mask(one[0]), valid_mask(tiled[0]))
    assert np.array_equal(a.ReadAsArray(), b.ReadAsArray(), equal_nan=True)
    assert valid_mask(one[0]).mean() > 0.5


def test_no_scene_is_a_clear_error(sim, tmp_path):
    with pytest.raises(ParameterError) as e:
        run_composite(sim, tmp_path, collection=S2, date_from="2021-06-01", date_to="2021-06-30")
    assert "No image of COPERNICUS/S2_SR_HARMONIZED covers the area between 2021-06-01 and 2021-06-30" in e.value.message
    assert sim.count("create") == 0


# --- previews ------------------------------------------------------------------------------------------------
def test_preview_of_a_composite_is_the_visualized_median(sim):
    spec = C.CompositeSpec(S2, "2023-06-01", "2023-07-16", "median", "CLOUDY_PIXEL_PERCENTAGE", 20,
                           C.MASK_NONE)
    shot = preview.fetch_preview(client_for(sim), C.composite_image(spec, SMALL), SMALL, ["B4"], 1000, 60000,
                                 2.0, dimensions=64)
    assert shot.crs == "EPSG:4326" and shot.bounds == pytest.approx((1.0, 43.0, 1.02, 43.02))
    gdal.FileFromMemBuffer("/vsimem/preview.png", shot.png)
    ds = gdal.Open("/vsimem/preview.png")
    assert (ds.RasterXSize, ds.RasterYSize, ds.RasterCount) == (64, 64, 4)
    minx, miny, maxx, maxy = shot.bounds
    grid = ("EPSG:4326", (minx, (maxx - minx) / 64, 0.0, maxy, 0.0, -(maxy - miny) / 64), 64, 64)
    scenes = [s.id for s in ee_collections.search(client_for(sim), S2, "2023-06-01", "2023-07-16", SMALL,
                                                  "CLOUDY_PIXEL_PERCENTAGE", 20).scenes]
    stack = np.stack([sim.expected_pixels(s, "B4", *grid).astype(np.float64) for s in scenes])
    expected = np.median(stack, axis=0)
    red = np.clip((expected - 1000) / 59000, 0, 1) ** 0.5 * 255
    assert np.abs(ds.GetRasterBand(1).ReadAsArray() - red.round()).max() <= 1
    assert ds.GetRasterBand(4).ReadAsArray().min() == 255
    gdal.Unlink("/vsimem/preview.png")


def test_preview_of_an_image_is_in_its_projection(sim):
    image = S2 + "/20230605T105031_20230605T105716_T31TCJ"
    shot = preview.fetch_preview(client_for(sim), image, SMALL, ["B4", "B3", "B2"], 0, 65535, dimensions=100)
    assert shot.crs == "EPSG:32631"
    body = sim.last_request("create")["json"]
    assert body == C.preview_body(image, SMALL, ["B4", "B3", "B2"], 0, 65535, None, 100)
    assert body["fileFormat"] == "PNG" and shot.png[:8] == b"\x89PNG\r\n\x1a\n"


# --- the collection form of the params -----------------------------------------------------------------------
def collection_params(**kw):
    base = {"collection": S2, "date_from": "2023-06-01", "date_to": "2023-08-31", "project": "my-project",
            "region": AOI}
    base.update(kw)
    return base


def test_collection_defaults_come_from_the_table_and_the_area():
    p = P.validate(collection_params())
    assert p["image"] is None and p["collection"]["end"] == "2023-09-01"
    assert [b["id"] for b in p["bands"]] == ["B4", "B3", "B2"]
    assert p["crs"] == "EPSG:32631" and p["scale"] == 10
    assert p["collection"]["mask"] == C.MASK_CLOUD_SCORE_PLUS and p["collection"]["method"] == "median"
    assert P.validate(p) == p                       # a stored job re-validates to itself
    south = {"type": "Polygon", "coordinates": [[[-70.1, -33.1], [-70.0, -33.1], [-70.0, -33.0], [-70.1, -33.1]]]}
    assert P.validate(collection_params(region=south))["crs"] == "EPSG:32719"


@pytest.mark.parametrize("change,words", [
    ({"date_to": None}, "needs a start and an end date"),
    ({"date_from": "2023-09-01"}, "is before the start date"),
    ({"date_from": "June"}, "YYYY-MM-DD"),
    ({"cloud_max": 120}, "from 0 to 100"),
    ({"collection": "COPERNICUS/S1_GRD", "cloud_max": 20}, "has no cloud cover property"),
    ({"collection": "COPERNICUS/S1_GRD", "composite": "least_cloudy"}, "cannot be sorted by clouds"),
    ({"cloud_mask": "landsat_qa"}, "does not apply to"),
    ({"cloud_mask": "fmask"}, 'Unknown cloud mask "fmask"'),
    ({"composite": "mode"}, 'Unknown compositing method "mode"'),
    ({"mask_threshold": 1.5}, "between 0 and 1"),
    ({"region": None}, "needs an area"),
    ({"collection": "USERS/me/my collection"}, "Choose a collection"),
    ({"collection": "SOME/OTHER/COLLECTION"}, "Name the bands to download"),
])
def test_collection_form_is_checked_with_clear_messages(change, words):
    with pytest.raises(ParameterError) as e:
        P.validate(collection_params(**change))
    assert words in e.value.message


def test_collection_table():
    assert [c.id for c in ee_collections.COLLECTIONS] == [
        "COPERNICUS/S2_SR_HARMONIZED", "COPERNICUS/S2_HARMONIZED", "LANDSAT/LC08/C02/T1_L2",
        "LANDSAT/LC09/C02/T1_L2", "COPERNICUS/S1_GRD"]
    landsat = ee_collections.collection_info("LANDSAT/LC08/C02/T1_L2")
    assert landsat.cloud_property == "CLOUD_COVER" and landsat.default_mask == C.MASK_LANDSAT_QA
    assert landsat.vis_min * landsat.scale_factor + landsat.offset == pytest.approx(0.0, abs=1e-4)
    assert ee_collections.collection_info("COPERNICUS/S1_GRD").cloud_property is None
    other = ee_collections.collection_info("MODIS/061/MOD09GA")
    assert other.default_bands == () and other.short_name == "MOD09GA"


# --- a composite through the batch export -----------------------------------------------------------------
def test_composite_export_writes_the_same_pixels_as_the_download(sim, tmp_path):
    from plugin.core.providers.earthengine.operations import PollPolicy
    from tests.sims.ee_export_sim import ExportSimulator
    composite = dict(collection=S2, date_from="2023-06-01", date_to="2023-07-15", cloud_max=20,
                     cloud_mask="cloud_score_plus", composite="median", bands="B4", scale=20, aoi=SMALL,
                     project="my-project")
    downloaded, _ = run_composite(sim, tmp_path / "download", **composite)
    params = R_export.build_params(None, description="s2_median", destination="gcs", bucket="bkt",
                                   prefix="c/s2_median", **composite)
    job = Job("ee_export", params, output_dir=str(tmp_path / "export"))
    with ExportSimulator(tokens=(TOKEN,), projects=("my-project",), buckets=("bkt",), pending_seconds=0.02,
                         running_seconds=0.05) as export_sim:
        ctx = RunContext(job, credentials={"token": TOKEN}, settings={
            "ee_api": export_sim.url, "gcs_api": export_sim.url, "retry": FAST,
            "ee_export_poll": PollPolicy(initial=0.02, maximum=0.05)})
        exported = run_job(job, ctx)
    a, b = gdal.Open(downloaded[0]), gdal.Open(exported[0])
    assert a.GetGeoTransform() == b.GetGeoTransform() and (a.RasterXSize, a.RasterYSize) == (b.RasterXSize,
                                                                                              b.RasterYSize)
    valid = valid_mask(downloaded[0])
    assert valid.mean() > 0.5
    assert np.array_equal(a.GetRasterBand(1).ReadAsArray()[valid], b.GetRasterBand(1).ReadAsArray()[valid])


def test_a_composite_tile_layer_is_a_map_whose_tiles_are_drawn():
    """The preview's Earth Engine tile layer: maps.create with the composite graph under Image.visualize
    (as the official client's getMapId), then tiles at {base}/v1/{map}/tiles/{z}/{x}/{y}."""
    import math
    import requests
    from urllib.parse import parse_qs, unquote
    from plugin.core.providers.earthengine.operations import ExportClient
    from tests.sims.ee_export_sim import ExportSimulator
    server = ExportSimulator(tokens=(TOKEN,), projects=("my-project",))
    server.start()
    try:
        client = ExportClient(server.url, "my-project", StaticToken(TOKEN), retry=FAST)
        spec = P.check_collection({"collection": S2, "date_from": "2023-06-01", "date_to": "2023-08-31",
                                   "cloud_max": 20, "cloud_mask": "cloud_score_plus", "composite": "median"})
        image = C.composite_image(C.CompositeSpec.from_dict(spec), SMALL)
        uri = preview.tile_layer_uri(client, image, ["B4", "B3", "B2"], 0, 3000, 1.2, authcfg="oauth01", zmax=18)
        query = parse_qs(uri)
        assert query["type"] == ["xyz"] and query["authcfg"] == ["oauth01"] and query["zmax"] == ["18"]
        (made,) = [r for r in server.requests if r["endpoint"] == "maps"]
        assert made["json"] == E.map_body(image, {"bands": ["B4", "B3", "B2"], "min": 0, "max": 3000, "gamma": 1.2})
        assert made["json"]["expression"]["values"]["0"]["functionInvocationValue"]["functionName"] \
            == "Image.visualize"
        z = 14                                            # the tile over the area's first corner
        x = int((1.01 + 180.0) / 360.0 * 2 ** z)
        lat = math.radians(43.01)
        y = int((1.0 - math.asinh(math.tan(lat)) / math.pi) / 2.0 * 2 ** z)
        url = unquote(query["url"][0]).replace("{z}", str(z)).replace("{x}", str(x)).replace("{y}", str(y))
        answer = requests.get(url, headers={"Authorization": "Bearer " + TOKEN}, timeout=30)
        assert answer.status_code == 200 and answer.content[:8] == b"\x89PNG\r\n\x1a\n"
    finally:
        server.stop()
