"""The Earth Engine download client end to end, against the loopback simulator.

The simulator (tests/sims/ee_sim.py) evaluates the expression graph, checks the
size limits at create time, renders deterministic pixels with GDAL, and lets
tests inject faults and expire ids.  Pixel values are compared with
``EeSimulator.expected_pixels`` for the grid each output file declares.
"""
import json
import os
import re
import threading
import time

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from plugin.core import raster
from plugin.core.transfer import http
from plugin.core.providers.earthengine import client as ee_client
from plugin.core.providers.earthengine import expression as ex
from plugin.core.providers.earthengine import params as ee_params
from plugin.core.providers.earthengine import tiling
from plugin.core.providers.earthengine.client import EeClient, RequestTooLargeError
from plugin.core.providers.earthengine.auth import StaticToken
from plugin.core.errors import CancelledError, HttpError
from plugin.core.raster import RasterError
from plugin.core.jobs import Job, JobState, JobStore
from plugin.core.runner import RunContext, run_job
from plugin.core.providers.earthengine import download_runner as R
from tests.sims import faults
from tests.sims.ee_sim import EeSimulator


IMG = "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG"
TOKEN = "test-token"
FIXTURES = os.path.join(os.path.dirname(__file__), "..", "fixtures", "ee_official")
FAST = http.RetryPolicy(max_attempts=4, base_delay=0.01, max_delay=0.05)
# A small square (about 2 x 1.7 km) inside the simulated S2 tile T10SEG.
SQUARE = {"type": "Polygon", "coordinates": [[[-122.0859, 37.0436], [-122.0626, 37.0436], [-122.0626, 37.0586],
                                              [-122.0859, 37.0586], [-122.0859, 37.0436]]]}
TRIANGLE = {"type": "Polygon", "coordinates": [[[-122.0859, 37.0436], [-122.0626, 37.0436], [-122.0742, 37.0586],
                                                [-122.0859, 37.0436]]]}


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


def make_job(tmp_path, sub="out", **kw):
    kw.setdefault("project", "my-project")
    params = R.build_params(IMG, **kw)
    return Job("ee_download", params, output_dir=str(tmp_path / sub))


def run(sim, job, tmp_path=None, store=None, **settings):
    base = {"ee_api": sim.url, "retry": FAST, "ee_max_concurrency": 4}
    base.update(settings)
    events = {"progress": [], "states": []}
    ctx = RunContext(job, store=store, credentials={"token": TOKEN}, settings=base,
                     progress=lambda p, m: events["progress"].append((p, m)))
    outputs = run_job(job, ctx)
    return outputs, ctx, events


def read(path, band=1):
    ds = gdal.Open(path)
    return ds.GetRasterBand(band).ReadAsArray()


def srs_of(ds):
    srs = osr.SpatialReference()
    srs.ImportFromWkt(ds.GetProjection())
    srs.AutoIdentifyEPSG()
    return srs.GetAuthorityCode(None)


def expected(sim, band, path):
    ds = gdal.Open(path)
    return sim.expected_pixels(IMG, band, "EPSG:32610", ds.GetGeoTransform(), ds.RasterXSize, ds.RasterYSize)


def inside_mask(path, geojson):
    """True where the pixel centre is inside ``geojson`` (EPSG:4326), rasterized on the file's grid."""
    ds = gdal.Open(path)
    mem = gdal.GetDriverByName("MEM").Create("", ds.RasterXSize, ds.RasterYSize, 1, gdal.GDT_Byte)
    mem.SetGeoTransform(ds.GetGeoTransform())
    mem.SetProjection(ds.GetProjection())
    src = osr.SpatialReference()
    src.ImportFromEPSG(4326)
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    dst = osr.SpatialReference()
    dst.ImportFromWkt(ds.GetProjection())
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    geom = ogr.CreateGeometryFromJson(json.dumps(geojson))
    geom.AssignSpatialReference(src)
    geom.TransformTo(dst)
    drv = ogr.GetDriverByName("Memory")
    vds = drv.CreateDataSource("m")
    layer = vds.CreateLayer("l", dst, ogr.wkbPolygon)
    feat = ogr.Feature(layer.GetLayerDefn())
    feat.SetGeometry(geom)
    layer.CreateFeature(feat)
    gdal.RasterizeLayer(mem, [1], layer, burn_values=[1])
    return mem.GetRasterBand(1).ReadAsArray().astype(bool)


def valid_mask(path, band=1):
    ds = gdal.Open(path)
    b = ds.GetRasterBand(band)
    return b.GetMaskBand().ReadAsArray() > 0


# --- requests are the official ones ----------------------------------------------------------------
def test_single_request_equals_the_official_capture(sim, tmp_path):
    with open(os.path.join(FIXTURES, "geojson_polygon.json")) as f:
        official = json.load(f)
    poly = official["params"]["region"]
    job = make_job(tmp_path, bands="B4,B3", scale=10, format="GEO_TIFF", name="aoi", aoi=poly)
    run(sim, job)
    rec = sim.last_request("create")
    assert rec["json"] == official["request"]["body"]
    assert rec["path"] == official["request"]["path"]
    assert rec["query"] == official["request"]["query"]
    for key in ("authorization", "x-goog-user-project", "content-type"):
        assert rec["headers"][key].split(" ")[0] == official["request"]["headers"][key].split(" ")[0]
    assert rec["headers"]["authorization"] == "Bearer " + TOKEN
    asset = sim.last_request("asset")
    with open(os.path.join(FIXTURES, "get_asset.json")) as f:
        official_asset = json.load(f)["request"]
    assert asset["path"] == official_asset["path"] and asset["query"] == official_asset["query"]
    pixels = sim.last_request("getPixels")
    assert pixels["path"] == "/v1/" + job.server["thumbnails"]["single"] + ":getPixels"


def test_legacy_project_sends_no_user_project_header(sim):
    sim.projects.add("earthengine-legacy")
    try:
        client = EeClient(sim.url, "earthengine-legacy", StaticToken(TOKEN), retry=FAST)
        client.get_asset(IMG)
    finally:
        sim.projects.discard("earthengine-legacy")
    assert "x-goog-user-project" not in sim.last_request("asset")["headers"]


# --- the four formats ----------------------------------------------------------------------------------
def test_zipped_per_band_gives_one_geotiff_per_band_and_a_vrt(sim, tmp_path):
    job = make_job(tmp_path, bands="B4,B11", scale=20, name="pb", aoi=SQUARE)
    outputs, ctx, events = run(sim, job)
    names = [os.path.basename(p) for p in outputs]
    assert names == ["pb.B4.tif", "pb.B11.tif", "pb.vrt"]
    assert sim.last_request("create")["json"]["fileFormat"] == "ZIPPED_GEO_TIFF_PER_BAND"
    for band, path in zip(("B4", "B11"), outputs[:2]):
        ds = gdal.Open(path)
        assert ds.RasterCount == 1 and srs_of(ds) == "32610"
        gt = ds.GetGeoTransform()
        assert gt[1] == 20 and gt[5] == -20 and (gt[0] - 499980) % 20 == 0
        got = read(path)
        inside = valid_mask(path)
        assert inside.any()
        np.testing.assert_array_equal(got[inside], expected(sim, band, path)[inside])
    from plugin.core.raster import raster_info
    assert raster_info(outputs[0])["layout"] == "COG"
    vrt = gdal.Open(outputs[2])
    assert vrt.RasterCount == 2
    assert [vrt.GetRasterBand(i + 1).GetDescription() for i in range(2)] == ["B4", "B11"]
    assert job.state == JobState.DONE and job.outputs == outputs


def test_zipped_multiband_gives_one_geotiff(sim, tmp_path):
    job = make_job(tmp_path, bands="B4,B3,B8", scale=10, file_per_band=False, name="mb", aoi=SQUARE)
    outputs, _, _ = run(sim, job)
    assert [os.path.basename(p) for p in outputs] == ["mb.tif"]
    assert sim.last_request("create")["json"]["fileFormat"] == "ZIPPED_GEO_TIFF"
    ds = gdal.Open(outputs[0])
    assert ds.RasterCount == 3 and srs_of(ds) == "32610" and ds.GetGeoTransform()[1] == 10
    for i, band in enumerate(("B4", "B3", "B8")):
        inside = valid_mask(outputs[0], i + 1)
        np.testing.assert_array_equal(read(outputs[0], i + 1)[inside], expected(sim, band, outputs[0])[inside])


def test_geo_tiff_bare(sim, tmp_path):
    job = make_job(tmp_path, bands="B8", scale=10, format="GEO_TIFF", name="bare", aoi=SQUARE)
    outputs, _, _ = run(sim, job)
    assert [os.path.basename(p) for p in outputs] == ["bare.tif"]
    ds = gdal.Open(outputs[0])
    assert ds.RasterCount == 1 and ds.GetGeoTransform()[1] == 10
    inside = valid_mask(outputs[0])
    np.testing.assert_array_equal(read(outputs[0])[inside], expected(sim, "B8", outputs[0])[inside])


def test_npy_kept_and_written_as_georeferenced_geotiff(sim, tmp_path):
    job = make_job(tmp_path, bands="B3,B8,B11", scale=20, format="NPY", name="arr", aoi=SQUARE)
    outputs, _, _ = run(sim, job)
    assert [os.path.basename(p) for p in outputs] == ["arr.npy", "arr.tif"]
    body = sim.last_request("create")["json"]
    assert body["fileFormat"] == "NPY"
    # NPY is pinned to the computed grid (crs + crs_transform + dimensions) so it can be georeferenced.
    assert "Image.reproject" in json.dumps(body["expression"])
    arr = np.load(outputs[0])
    assert arr.dtype.names == ("B3", "B8", "B11")
    ds = gdal.Open(outputs[1])
    assert (ds.RasterYSize, ds.RasterXSize) == arr.shape and ds.RasterCount == 3
    assert srs_of(ds) == "32610"
    for i, band in enumerate(("B3", "B8", "B11")):
        exp = expected(sim, band, outputs[1])
        np.testing.assert_array_equal(arr[band], exp)
        inside = valid_mask(outputs[1], i + 1)
        np.testing.assert_array_equal(read(outputs[1], i + 1)[inside], exp[inside])


# --- masks ------------------------------------------------------------------------------------------------
def test_output_is_masked_to_the_polygon_not_the_bbox(sim, tmp_path):
    job = make_job(tmp_path, bands="B4", scale=10, format="GEO_TIFF", name="tri", aoi=TRIANGLE)
    outputs, _, _ = run(sim, job)
    path = outputs[0]
    inside = inside_mask(path, TRIANGLE)
    valid = valid_mask(path)
    assert inside.sum() > 100 and (~inside).sum() > 100
    # Nothing outside the triangle survives (clipToBoundsAndScale alone keeps the whole bbox).
    assert not (valid & ~inside).any()
    # Inside, (almost) every pixel is valid and carries the simulator's value.
    assert (valid & inside).sum() >= 0.97 * inside.sum()
    np.testing.assert_array_equal(read(path)[valid], expected(sim, "B4", path)[valid])


# --- tiling ------------------------------------------------------------------------------------------------------
def test_big_area_is_tiled_and_the_mosaic_equals_one_request(sim, tmp_path):
    job1 = make_job(tmp_path, "one", bands="B4,B11", scale=10, file_per_band=False, name="m", aoi=SQUARE)
    out1, _, _ = run(sim, job1)
    assert sim.count("create") == 1
    sim.reset_counters()
    job2 = make_job(tmp_path, "tiles", bands="B4,B11", scale=10, file_per_band=False, name="m", aoi=SQUARE)
    out2, ctx, events = run(sim, job2, ee_max_request_bytes=60000)
    tiles = sim.count("create")
    assert tiles > 1 and sim.count("getPixels") == tiles
    assert len(job2.server["thumbnails"]) == tiles
    for rec in sim.requests:
        if rec["endpoint"] == "create":
            # every tile is an exact pixel window: crs + crs_transform + dimensions
            assert "GeometryConstructors.Rectangle" in json.dumps(rec["json"]["expression"])
    a, b = gdal.Open(out1[0]), gdal.Open(out2[0])
    assert a.GetGeoTransform() == b.GetGeoTransform()
    assert (a.RasterXSize, a.RasterYSize) == (b.RasterXSize, b.RasterYSize)
    for i in (1, 2):
        np.testing.assert_array_equal(read(out1[0], i), read(out2[0], i))
        np.testing.assert_array_equal(valid_mask(out1[0], i), valid_mask(out2[0], i))
    # Progress went across tiles and up to the end.
    percents = [p for p, _ in events["progress"]]
    assert percents[-1] >= 90 and len(percents) > tiles
    assert not os.path.exists(os.path.join(job2.output_dir, ".ee-" + job2.id))


@pytest.mark.parametrize("small_limit", [None, 0])
def test_tiles_get_overviews_only_when_the_output_is_not_staged_in_ram(sim, tmp_path, monkeypatch, small_limit):
    """A small output is assembled in RAM as its tiles land and its COG computes its overviews there: its
    tile files are not rewritten at all (masked into the RAM mosaic); a larger one's tiles are given
    overviews, and the COG copies them.  Both COGs have overviews and the pixels of one request."""
    if small_limit is not None:
        monkeypatch.setattr(raster, "SMALL_COG_BYTES", small_limit)
    built = []
    real = raster.prepare_tile
    monkeypatch.setattr(raster, "prepare_tile", lambda path, geojson=None, *, factors=(), cancel=None: (
        built.append(list(factors)), real(path, geojson, factors=factors, cancel=cancel))[1])
    # about 6 x 6 km: 600 px a side, overviews worth having
    aoi = {"type": "Polygon", "coordinates": [[[-122.10, 37.02], [-122.032, 37.02], [-122.032, 37.074],
                                               [-122.10, 37.074], [-122.10, 37.02]]]}
    one = make_job(tmp_path, "one", bands="B4", scale=10, format="GEO_TIFF", name="o", aoi=aoi)
    out1, _, _ = run(sim, one)
    built.clear()
    job = make_job(tmp_path, "tiles", bands="B4", scale=10, format="GEO_TIFF", name="o", aoi=aoi)
    out2, _, _ = run(sim, job, ee_max_request_bytes=300000)
    assert (len(built) > 1 and all(f for f in built)) if small_limit == 0 else built == []
    ds = gdal.Open(out2[0])
    assert max(ds.RasterXSize, ds.RasterYSize) > 512 and ds.GetRasterBand(1).GetOverviewCount() >= 1
    np.testing.assert_array_equal(read(out1[0]), read(out2[0]))

@pytest.mark.parametrize("fmt", ["GEO_TIFF", "ZIPPED_GEO_TIFF_PER_BAND"])
def test_small_tiled_output_from_ram_is_the_output_from_files(sim, tmp_path, monkeypatch, fmt):
    """The RAM mosaic (raster.RamMosaic) and the tile files give the same outputs, masked to the AOI
    (a triangle: tiles cut through and one wholly outside), per band too; and when a tile did not go
    into the RAM mosaic (here: taken out of it before the output is written), the files are masked
    then and used instead."""
    from plugin.core.providers.earthengine import download_runner as DR
    opts = {"bands": "B4,B3", "scale": 10, "format": fmt, "name": "r", "aoi": TRIANGLE}
    masked = []
    real_prepare = raster.prepare_tile
    monkeypatch.setattr(raster, "prepare_tile", lambda path, *a, **k: masked.append(path) or real_prepare(path, *a, **k))
    ram_out, _, _ = run(sim, make_job(tmp_path, "ram", **opts), ee_max_request_bytes=20000)
    tiles = sim.count("create")
    assert tiles > 3 and masked == []                  # no tile file rewritten
    with monkeypatch.context() as patch:
        patch.setattr(raster, "SMALL_COG_BYTES", 0)
        file_out, _, _ = run(sim, make_job(tmp_path, "files", **opts), ee_max_request_bytes=20000)
    real_write = DR.EeDownload.write_outputs

    def one_left_out(self, pieces):
        piece = next(p for p in pieces if p.unmasked)
        piece.in_ram.clear()
        del masked[:]
        return real_write(self, pieces)
    monkeypatch.setattr(DR.EeDownload, "write_outputs", one_left_out)
    mixed_out, _, _ = run(sim, make_job(tmp_path, "mixed", **opts), ee_max_request_bytes=20000)
    assert masked                                      # the files were masked for the mosaic of files
    tifs = [o for o in ram_out if o.endswith(".tif")]
    assert len(tifs) == (1 if fmt == "GEO_TIFF" else 2)
    for ram_path, file_path, mixed_path in zip(tifs, [o for o in file_out if o.endswith(".tif")],
                                               [o for o in mixed_out if o.endswith(".tif")]):
        for other in (file_path, mixed_path):
            np.testing.assert_array_equal(read(ram_path), read(other))
            np.testing.assert_array_equal(valid_mask(ram_path), valid_mask(other))
            assert raster.raster_info(ram_path)["band_names"] == raster.raster_info(other)["band_names"]
        inside = inside_mask(ram_path, TRIANGLE)
        assert not (valid_mask(ram_path) & ~inside).any() and (valid_mask(ram_path) & inside).sum() > 100


def test_tiled_per_band_bands_on_different_grids(sim, tmp_path):
    # No scale: each band at its native resolution (10 m and 20 m), each tiled on its own grid.
    job = make_job(tmp_path, bands="B4,B11", name="nat", aoi=SQUARE)
    outputs, _, _ = run(sim, job, ee_max_request_bytes=40000)
    assert sim.count("create") > 2
    b4, b11 = gdal.Open(outputs[0]), gdal.Open(outputs[1])
    assert b4.GetGeoTransform()[1] == 10 and b11.GetGeoTransform()[1] == 20
    for band, path in (("B4", outputs[0]), ("B11", outputs[1])):
        valid = valid_mask(path)
        np.testing.assert_array_equal(read(path)[valid], expected(sim, band, path)[valid])


def test_one_tile_failing_twice_with_500_is_retried_alone(sim, tmp_path):
    job = make_job(tmp_path, bands="B4", scale=10, format="GEO_TIFF", name="r", aoi=SQUARE)
    p = ee_params.validate(dict(job.params, region=job.params["aoi"]))
    limits = tiling.Limits(max_bytes=30000)
    n = tiling.estimate(p, SQUARE, tiling.ImageInfo.from_asset(sim.asset_resource(
        "earthengine-public", IMG), IMG), limits).tiles
    assert n > 2
    sim.inject("getPixels", 500, count=2)
    # One worker: the two faults hit the same (first) tile.
    outputs, _, _ = run(sim, job, ee_max_request_bytes=30000, ee_max_concurrency=1)
    assert sim.count("create") == n                     # no tile (and no job) started again
    assert sim.count("getPixels") == n + 2              # only the failing tile was asked again
    assert sim.count("getPixels", 500) == 2
    assert job.state == JobState.DONE and os.path.exists(outputs[0])


def test_tile_that_exhausts_its_retries_gets_a_new_id_alone(sim, tmp_path):
    job = make_job(tmp_path, bands="B4", scale=10, format="GEO_TIFF", name="r", aoi=SQUARE)
    # one tile's whole retry budget (the pixels' policy has a few more, quick attempts than the API's)
    sim.inject("getPixels", 503, count=FAST.max_attempts + ee_client.TILE_EXTRA_ATTEMPTS)
    run(sim, job, ee_max_request_bytes=30000, ee_max_concurrency=1)
    n_ok = sim.count("getPixels", 200)
    assert sim.count("create") == n_ok + 1               # the tile got one new download id
    assert job.state == JobState.DONE


def test_pixels_are_retried_at_once_after_a_5xx_or_a_drop_but_back_off_after_a_429(sim, tmp_path):
    """A getPixels retry costs the tile's whole computing time again and the download waits for its
    last tile: after a 5xx or a dropped body the retries of a tile's requests (getPixels, create) come at
    once (base 0.25 s, full jitter);
    a 429 without Retry-After backs off like the API calls (base 2 s) -- the delays drawn at their
    maximum here, and recorded instead of slept."""
    slept = []
    policy = http.RetryPolicy(max_attempts=6, base_delay=2.0, max_delay=64.0, rand=lambda: 1.0,
                              sleep=slept.append)
    job = make_job(tmp_path, bands="B4", scale=10, format="GEO_TIFF", name="px", aoi=SQUARE)
    sim.inject("getPixels", 503, count=2)
    outputs, _, _ = run(sim, job, retry=policy, ee_max_concurrency=1)
    assert slept == [0.25, 0.5] and sim.count("getPixels", 503) == 2
    slept.clear()
    sim.inject_drop(count=1)
    run(sim, make_job(tmp_path, sub="o2", bands="B4", scale=10, format="GEO_TIFF", name="px", aoi=SQUARE),
        retry=policy, ee_max_concurrency=1)
    assert slept == [0.25]
    slept.clear()
    sim.inject("getPixels", 429, count=1)
    run(sim, make_job(tmp_path, sub="o3", bands="B4", scale=10, format="GEO_TIFF", name="px", aoi=SQUARE),
        retry=policy, ee_max_concurrency=1)
    assert slept == [2.0]
    slept.clear()
    sim.inject("create", 503, count=1)          # a tile's create: its 5xx retried at once too
    run(sim, make_job(tmp_path, sub="o4", bands="B4", scale=10, format="GEO_TIFF", name="px", aoi=SQUARE),
        retry=policy, ee_max_concurrency=1)
    assert slept == [0.25]
    slept.clear()
    sim.inject("create", 429, count=1)          # ... and its 429 backs off like the API calls
    run(sim, make_job(tmp_path, sub="o5", bands="B4", scale=10, format="GEO_TIFF", name="px", aoi=SQUARE),
        retry=policy, ee_max_concurrency=1)
    assert slept == [2.0]

def test_expired_download_id_is_recreated(sim, tmp_path):
    job = make_job(tmp_path, bands="B4", scale=10, format="GEO_TIFF", name="exp", aoi=SQUARE)
    out1, _, _ = run(sim, job)
    # A restarted job holding an id that has expired since: the id is re-created, once.
    os.remove(out1[0])
    old = dict(job.server["thumbnails"])
    sim.expire()
    sim.reset_counters()
    job.state = JobState.QUEUED
    out2, _, _ = run(sim, job)
    assert sim.count("getPixels", 404) == 1
    assert sim.count("create") == 1 and sim.count("getPixels", 200) == 1
    assert job.server["thumbnails"]["single"] != old["single"]
    assert os.path.exists(out2[0])


def test_restart_reuses_saved_ids_and_pieces(sim, tmp_path):
    store = JobStore(str(tmp_path / "jobs.json"))
    job = make_job(tmp_path, bands="B4", scale=10, format="GEO_TIFF", name="res", aoi=SQUARE)
    store.add(job)
    out1, ctx, _ = run(sim, job, store=store, ee_max_request_bytes=60000)
    saved = store.get(job.id).server["thumbnails"]
    assert len(saved) == sim.count("create") > 1
    sim.reset_counters()
    again = store.get(job.id)
    again.state = JobState.QUEUED
    run(sim, again, store=store, ee_max_request_bytes=60000)
    assert sim.count("create") == 0                      # every saved id was still valid


def test_429_is_retried(sim, tmp_path):
    job = make_job(tmp_path, bands="B4", scale=10, format="GEO_TIFF", name="q", aoi=SQUARE)
    sim.inject("create", 429, count=2)
    outputs, _, _ = run(sim, job)
    assert sim.count("create", 429) == 2 and sim.count("create", 200) == 1
    assert job.state == JobState.DONE


def test_429_exhausted_shows_the_quota_message(sim, tmp_path):
    job = make_job(tmp_path, bands="B4", scale=10, format="GEO_TIFF", name="q", aoi=SQUARE)
    sim.inject("create", 429, count=50)
    with pytest.raises(HttpError) as e:
        run(sim, job, ee_tile_attempts=1)
    assert "Quota exceeded for quota metric" in e.value.message
    assert e.value.status == 429 and "quota" in e.value.hint
    assert job.state == JobState.FAILED


# --- size errors --------------------------------------------------------------------------------------------
BIG = {"type": "Polygon", "coordinates": [[[-122.40, 37.00], [-121.90, 37.00], [-121.90, 37.30], [-122.40, 37.30],
                                           [-122.40, 37.00]]]}


def test_total_request_size_error_is_shown_verbatim_when_tiling_is_off(sim, tmp_path):
    params = R.build_params(IMG, bands="B4,B3", scale=10, format="GEO_TIFF", project="my-project", aoi=BIG,
                            tiling_enabled=False)
    job = Job("ee_download", params, output_dir=str(tmp_path / "o"))
    with pytest.raises(RequestTooLargeError) as e:
        run(sim, job)
    said = sim.last_request("create")
    assert said["status"] == 400
    rec_message = "Total request size ("
    assert rec_message in e.value.message and "must be less than or equal to 50331648 bytes." in e.value.message
    body = json.loads(e.value.body)
    assert e.value.message == "Earth Engine: " + body["error"]["message"]
    assert "smaller" in e.value.hint and "tiling" in e.value.hint
    assert sim.count("getPixels") == 0


def test_pixel_grid_dimensions_error_is_shown_verbatim(sim, tmp_path):
    params = R.build_params(IMG, bands="SCL", crs="EPSG:32610", crs_transform=[10, 0, 500000, 0, -10, 4100000],
                            dimensions="10500x2", format="GEO_TIFF", project="my-project", tiling_enabled=False)
    job = Job("ee_download", params, output_dir=str(tmp_path / "o"))
    with pytest.raises(RequestTooLargeError) as e:
        run(sim, job)
    assert "Pixel grid dimensions (10500x2) must be less than or equal to 10000." in e.value.message


def test_server_still_too_big_shrinks_into_tiles_once(sim, tmp_path):
    # Our limit is set above the server's: the single request is refused, then tiles are used.
    job = make_job(tmp_path, bands="B4", scale=10, format="GEO_TIFF", name="s", aoi=SQUARE)
    sim.max_request_bytes = 50000
    try:
        outputs, _, _ = run(sim, job, ee_max_request_bytes=100000)
    finally:
        sim.max_request_bytes = 50331648
    # The plan's two (equal) tiles are refused, each once, then split; no part of them is refused.
    assert sim.count("create", 400) == 2 and sim.count("create", 200) == 8
    assert os.path.exists(outputs[0])


# --- exact grid, cancel, states ------------------------------------------------------------------------------
def test_exact_grid_without_aoi(sim, tmp_path):
    params = R.build_params(IMG, bands="B4", crs="EPSG:32610", crs_transform="10,0,580000,0,-10,4105000",
                            dimensions="64x32", format="GEO_TIFF", project="my-project", name="g")
    job = Job("ee_download", params, output_dir=str(tmp_path / "o"))
    outputs, _, _ = run(sim, job)
    ds = gdal.Open(outputs[0])
    assert ds.GetGeoTransform() == (580000, 10, 0, 4105000, 0, -10)
    assert (ds.RasterXSize, ds.RasterYSize) == (64, 32)
    with open(os.path.join(FIXTURES, "crs_transform_string.json")) as f:
        official = json.load(f)["request"]["body"]
    sent = sim.last_request("create")["json"]
    assert ex.resolve(sent["expression"]) == ex.resolve(official["expression"])


def test_cancel_stops_the_tiles(sim, tmp_path):
    job = make_job(tmp_path, bands="B4", scale=10, format="GEO_TIFF", name="c", aoi=SQUARE)
    from plugin.core.runner import CancelToken
    cancel = CancelToken()
    seen = []

    def progress(p, m):
        seen.append(p)
        if len(seen) == 3:
            cancel.cancel()
    ctx = RunContext(job, credentials={"token": TOKEN}, cancel=cancel, progress=progress,
                     settings={"ee_api": sim.url, "retry": FAST, "ee_max_request_bytes": 20000,
                               "ee_max_concurrency": 2})
    with pytest.raises(CancelledError):
        run_job(job, ctx)
    assert job.state == JobState.CANCELLED


def test_states_and_server_ids_are_recorded(sim, tmp_path):
    store = JobStore(str(tmp_path / "jobs.json"))
    job = make_job(tmp_path, bands="B4", scale=10, format="GEO_TIFF", name="st", aoi=SQUARE)
    store.add(job)
    states = []
    store.add_listener(lambda j: states.append(j.state))
    run(sim, job, store=store)
    stored = store.get(job.id)
    assert stored.state == JobState.DONE
    assert stored.server["thumbnails"]["single"].startswith("projects/my-project/thumbnails/")
    assert JobState.SUBMITTED in states and JobState.DOWNLOADING in states


# --- the estimate predicts the grid Earth Engine returns ----------------------------------------------------------
@pytest.mark.parametrize("options", [
    dict(bands="B4,B11", format="GEO_TIFF"),                        # native grid of the first band (10 m)
    dict(bands="B11,B4", format="GEO_TIFF"),                        # ... (20 m)
    dict(bands="B4", scale=30, crs="EPSG:3857", format="GEO_TIFF"),
    dict(bands="B4", scale=0.0003 * tiling.METRES_PER_DEGREE, crs="EPSG:4326", format="GEO_TIFF"),
    dict(bands="B4", dimensions="100x80", format="GEO_TIFF"),
    dict(bands="B4", dimensions=150, format="GEO_TIFF"),
    dict(bands="B4", crs="EPSG:32610", crs_transform=[20, 0, 500000, 0, -20, 4200000], format="GEO_TIFF"),
])
def test_estimate_grid_is_the_grid_earth_engine_returns(sim, tmp_path, options):
    job = make_job(tmp_path, aoi=SQUARE, **options)
    outputs, _, _ = run(sim, job)
    info = tiling.ImageInfo.from_asset(sim.asset_resource("earthengine-public", IMG), IMG)
    est = tiling.estimate(ee_params.validate(dict(job.params, region=SQUARE)), SQUARE, info)
    ds = gdal.Open(outputs[0])
    assert (ds.RasterXSize, ds.RasterYSize) == (est.width, est.height)
    np.testing.assert_allclose(ds.GetGeoTransform(), est.grid.gdal_geotransform(), rtol=1e-12, atol=1e-9)


def test_tiled_in_another_crs_equals_one_request(sim, tmp_path):
    opts = dict(bands="B4", scale=30, crs="EPSG:3857", format="GEO_TIFF", name="w", aoi=SQUARE)
    out1, _, _ = run(sim, make_job(tmp_path, "one", **opts))
    sim.reset_counters()
    out2, _, _ = run(sim, make_job(tmp_path, "tiles", **opts), ee_max_request_bytes=5000)
    assert sim.count("create") > 1
    a, b = gdal.Open(out1[0]), gdal.Open(out2[0])
    assert a.GetGeoTransform() == b.GetGeoTransform()
    np.testing.assert_array_equal(read(out1[0]), read(out2[0]))


def test_tiled_output_is_previewed_while_its_geotiff_is_written(sim, tmp_path):
    job = make_job(tmp_path, "prev", bands="B4,B11", scale=10, file_per_band=False, name="p", aoi=TRIANGLE)
    seen, discarded = [], []

    def preview(path, final):
        ds = gdal.Open(path)
        seen.append({"path": path, "final": final, "final_exists": os.path.exists(final),
                     "grid": (ds.GetGeoTransform(), ds.RasterXSize, ds.RasterYSize),
                     "pixels": [ds.GetRasterBand(i).ReadAsArray() for i in (1, 2)]})
        ds = None
        return True
    messages = []
    ctx = RunContext(job, credentials={"token": TOKEN}, preview=preview, discard=discarded.append,
                     settings={"ee_api": sim.url, "retry": FAST, "ee_max_request_bytes": 20000},
                     progress=lambda p, m: messages.append(m))
    outputs = run_job(job, ctx)
    assert sim.count("create") > 2
    work = os.path.join(job.output_dir, ".ee-" + job.id)
    # (a first one may show the tiles landed so far: test_growing_preview_shows_the_tiles_as_they_land)
    assert seen and all(s["final"] == outputs[0] and not s["final_exists"] for s in seen)
    assert os.path.dirname(seen[-1]["path"]) == work and seen[-1]["path"].endswith(".vrt")
    # what the last preview showed is the result, pixel for pixel, on the same grid
    final = gdal.Open(outputs[0])
    assert seen[-1]["grid"] == (final.GetGeoTransform(), final.RasterXSize, final.RasterYSize)
    for i in (1, 2):
        np.testing.assert_array_equal(seen[-1]["pixels"][i - 1], read(outputs[0], i))
    assert "Writing p.tif; a preview is on the map" in messages
    # the scratch folder the preview reads from is handed over, not removed under it
    assert discarded == [work] and os.path.exists(seen[-1]["path"])
    inside = inside_mask(outputs[0], TRIANGLE)
    assert not (valid_mask(outputs[0]) & ~inside).any() and (valid_mask(outputs[0]) & inside).sum() > 100


def _run_slow_tiles(sim, job, preview):
    """Run ``job`` in many small tiles, 0.1 s each, two at a time (the user's cap: the budget alone
    sends them all at once, and the download would be over before a second preview), calling
    ``preview``."""
    sim.latency = 0.1
    try:
        ctx = RunContext(job, credentials={"token": TOKEN}, preview=preview, discard=lambda folder: None,
                         settings={"ee_api": sim.url, "retry": FAST, "ee_max_request_bytes": 8000,
                                   "ee_max_concurrency": 2})
        return run_job(job, ctx)
    finally:
        sim.latency = 0.0


def test_growing_preview_shows_the_tiles_as_they_land(sim, tmp_path):
    job = make_job(tmp_path, "grow", bands="B4,B11", scale=10, file_per_band=False, name="g", aoi=TRIANGLE)
    work = os.path.join(job.output_dir, ".ee-" + job.id)
    seen = []

    def preview(path, final):
        ds = gdal.Open(path)
        valid = ds.GetRasterBand(1).GetMaskBand().ReadAsArray() > 0
        seen.append({"at": time.monotonic(), "path": path, "valid": valid, "pixels": ds.GetRasterBand(1).ReadAsArray(),
                     "grid": (ds.GetGeoTransform(), ds.RasterXSize, ds.RasterYSize), "final": final,
                     "files": sorted(n for n in os.listdir(work) if n.startswith("preview."))})
        ds = None
        return True
    outputs = _run_slow_tiles(sim, job, preview)
    tiles = sim.count("create")
    assert tiles >= 8
    growing, last = seen[:-1], seen[-1]
    assert len(growing) >= 2 and len({s["path"] for s in seen}) == len(seen)     # a new file each round
    counts = [int(s["valid"].sum()) for s in seen]
    assert counts == sorted(counts) and len(set(counts[:-1])) == len(counts) - 1 and counts[0] > 0   # growing
    # rewritten at most about once a second while the tiles land (the complete one follows the last tile)
    gaps = [b["at"] - a["at"] for a, b in zip(growing, growing[1:])]
    assert all(gap >= 0.8 for gap in gaps), gaps
    final = gdal.Open(outputs[0])
    grid = (final.GetGeoTransform(), final.RasterXSize, final.RasterYSize)
    result, result_valid = read(outputs[0]), valid_mask(outputs[0])
    for shown in seen:
        assert shown["final"] == outputs[0] and shown["grid"] == grid       # the whole output grid from the start
        # the tiles landed so far, masked to the AOI like the result
        assert not (shown["valid"] & ~result_valid).any()
        np.testing.assert_array_equal(shown["pixels"][shown["valid"]], result[shown["valid"]])
        # never a half-written file; the rounds before the last two are gone
        assert not [n for n in shown["files"] if ".part." in n] and len(shown["files"]) <= 2
    np.testing.assert_array_equal(last["valid"], result_valid)


def test_growing_preview_of_per_band_files_grows_every_band_and_the_stack(sim, tmp_path):
    job = make_job(tmp_path, "growpb", bands="B4,B3,B2", scale=10, name="gp", aoi=TRIANGLE)   # per-band zips
    seen = []

    def preview(path, final):
        ds = gdal.Open(path)
        seen.append((os.path.basename(final), ds.RasterCount,
                     int((ds.GetRasterBand(ds.RasterCount).GetMaskBand().ReadAsArray() > 0).sum())))
        ds = None
        return True
    outputs = _run_slow_tiles(sim, job, preview)
    stacks = [(count, valid) for name, count, valid in seen if name == "gp.vrt"]
    assert len(stacks) >= 3 and all(count == 3 for count, _valid in stacks)     # every band, every round
    valid = [v for _c, v in stacks]
    assert valid == sorted(valid) and valid[0] < valid[-1]
    assert valid[-1] == int(valid_mask(outputs[3], 3).sum())
    for band in ("B4", "B3", "B2"):
        assert len([1 for name, _c, _v in seen if name == "gp.{}.tif".format(band)]) == len(stacks)


def test_no_preview_is_written_where_none_can_be_shown(sim, tmp_path, monkeypatch):
    """qgis_process or a script (no preview callback): a tiled download writes no preview VRT, growing
    or complete; the same download shown in QGIS writes them (the first part of this test)."""
    from plugin.core import raster
    written = []
    real = raster.mosaic_vrt
    monkeypatch.setattr(raster, "mosaic_vrt", lambda paths, vrt, **kw: written.append(vrt) or real(paths, vrt, **kw))
    shown = make_job(tmp_path, "shown", bands="B4,B11", scale=10, file_per_band=False, name="s",
                     aoi=TRIANGLE)
    _run_slow_tiles(sim, shown, lambda path, final: True)
    assert any(os.path.basename(v).startswith("preview.") for v in written)
    del written[:]
    job = make_job(tmp_path, "headless", bands="B4,B11", scale=10, file_per_band=False, name="h", aoi=TRIANGLE)
    before = sim.count("create")
    _run_slow_tiles(sim, job, None)
    assert sim.count("create") - before >= 8
    assert not [v for v in written if os.path.basename(v).startswith("preview.")], written
    assert os.path.exists(os.path.join(job.output_dir, "h.tif"))


def test_untiled_output_has_no_preview(sim, tmp_path):
    job = make_job(tmp_path, "one", bands="B4", scale=10, format="GEO_TIFF", name="u", aoi=TRIANGLE)
    seen = []
    ctx = RunContext(job, credentials={"token": TOKEN}, preview=lambda p, f: seen.append(p),
                     settings={"ee_api": sim.url, "retry": FAST})
    run_job(job, ctx)
    assert sim.count("create") == 1 and seen == []
    assert not os.path.exists(os.path.join(job.output_dir, ".ee-" + job.id))


def test_tiled_per_band_output_previews_every_band_and_the_stack(sim, tmp_path):
    job = make_job(tmp_path, "pb", bands="B4,B3,B2", scale=10, name="pb", aoi=TRIANGLE)   # per-band zips
    seen = {}

    def preview(path, final):
        ds = gdal.Open(path)
        seen[os.path.basename(final)] = (path, ds.RasterCount, [ds.GetRasterBand(i + 1).ReadAsArray()
                                                                for i in range(ds.RasterCount)])
        ds = None
        return True
    ctx = RunContext(job, credentials={"token": TOKEN}, preview=preview, discard=lambda folder: None,
                     settings={"ee_api": sim.url, "retry": FAST, "ee_max_request_bytes": 20000})
    outputs = run_job(job, ctx)
    assert sim.count("create") > 3
    assert [os.path.basename(o) for o in outputs] == ["pb.B4.tif", "pb.B3.tif", "pb.B2.tif", "pb.vrt"]
    assert sorted(seen) == sorted(os.path.basename(o) for o in outputs)
    assert seen["pb.vrt"][1] == 3
    for i, band in enumerate(("B4", "B3", "B2")):
        np.testing.assert_array_equal(seen["pb.{}.tif".format(band)][2][0], read(outputs[i]))
        np.testing.assert_array_equal(seen["pb.vrt"][2][i], read(outputs[3], i + 1))


# -- done means usable: what the server sends in place of pixels fails the job in its words ------------
def _fails(sim, job, **settings):
    with pytest.raises(Exception) as info:
        run(sim, job, **settings)
    assert job.state == JobState.FAILED and job.outputs == []
    assert not [n for n in os.listdir(job.output_dir) if n.endswith(".tif")]     # nothing counted as done
    return job.error


@pytest.mark.parametrize("body, words", [
    (faults.html_page(prolog="\ufeff"), "Access denied: Your session has expired. Please sign in again."),
    (faults.html_page(prolog="<!-- portal -->\n"), "Access denied"),
    (b'{"error": {"code": 500, "message": "Internal error encountered.", "status": "INTERNAL"}}',
     "Internal error encountered."),
])
def test_a_page_or_message_served_as_image_tiff_fails_in_its_words(sim, tmp_path, body, words):
    job = make_job(tmp_path, bands="B4", scale=10, format="GEO_TIFF", name="w", aoi=SQUARE)
    sim.inject_body(body, "image/tiff", count=20)
    assert words in _fails(sim, job)


def test_garbage_served_as_image_tiff_fails_the_job(sim, tmp_path):
    job = make_job(tmp_path, bands="B4", scale=10, format="GEO_TIFF", name="g", aoi=SQUARE)
    sim.inject_body(faults.sample_bytes(4000), "image/tiff", count=20)
    assert "single.tif (4000 bytes) is not an image GDAL can read" in _fails(sim, job)


def test_a_valid_zip_whose_member_is_not_an_image_fails_in_the_servers_words(sim, tmp_path):
    job = make_job(tmp_path, bands="B4", scale=10, name="z", aoi=SQUARE)          # ZIPPED_GEO_TIFF_PER_BAND
    member = b'{"error": {"code": 503, "message": "The service is currently unavailable."}}'
    sim.inject_body(faults.zip_bytes({"z.B4.tif": member}), "application/zip", count=20)
    error = _fails(sim, job)
    assert "instead of an image (z.B4.tif): The service is currently unavailable." in error


def test_a_zip_answered_with_a_web_page_says_so(sim, tmp_path):
    job = make_job(tmp_path, bands="B4", scale=10, name="z", aoi=SQUARE)
    sim.inject_body(faults.html_page(title="Quota exceeded", prolog="<?xml version='1.0'?>\n"),
                    "application/zip", count=20)
    assert "Quota exceeded" in _fails(sim, job)


def test_a_tile_of_another_size_than_requested_is_refused_before_mosaicking(sim, tmp_path, monkeypatch):
    job = make_job(tmp_path, bands="B4", scale=10, format="GEO_TIFF", name="t", aoi=SQUARE)
    combined = []
    monkeypatch.setattr(R.EeDownload, "_combine", lambda self, *a: combined.append(a))
    sim.inject_resize(-1, 0, count=1)
    error = _fails(sim, job, ee_max_request_bytes=30000, ee_max_concurrency=1)
    assert job.server["plan"]["tiled"] and combined == []
    found = re.search(r"does not match the request \(.*\): (\d+) x (\d+) pixels, 1 band\(s\) UInt16 was asked "
                      r"for, (\d+) x (\d+) pixels, 1 band\(s\) UInt16 came", error)
    w, h, w2, h2 = (int(v) for v in found.groups())
    assert (w2, h2) == (w - 1, h)


def test_a_tile_with_another_band_count_or_type_is_refused(sim, tmp_path):
    job = make_job(tmp_path, bands="B4,B3", scale=10, format="GEO_TIFF", name="t", aoi=SQUARE)
    p = ee_params.validate(dict(job.params, region=job.params["aoi"]))
    est = tiling.estimate(p, SQUARE, tiling.ImageInfo.from_asset(sim.asset_resource("earthengine-public", IMG),
                                                                  IMG), tiling.Limits(max_bytes=30000))
    tile = est.outputs[0].tiles[0] if est.outputs[0].tiles else tiling.plan_tiles(est.outputs[0],
                                                                                  tiling.Limits(max_bytes=30000))[0]
    path = str(tmp_path / "tile.tif")
    ds = gdal.GetDriverByName("GTiff").Create(path, tile.grid.width, tile.grid.height, 1, gdal.GDT_Float32)
    ds = None
    piece = R.Piece(tile.key, {}, "GEO_TIFF", list(tile.bands), grid=tile.grid, tile=tile, output=est.outputs[0])
    with pytest.raises(RasterError) as info:
        raster.check_image(path, R.EeDownload.expected_shape(piece, "all"))
    assert "2 band(s) UInt16 was asked for" in info.value.message and "1 band(s) Float32 came" in info.value.message


def test_a_round_of_tiles_starts_no_thread_once_its_requests_are_under_way(sim, tmp_path, monkeypatch):
    """The threads of a download's tiles (a tile's, its request's: plugin/core/workers.py) are started before
    its first request, while that is cheap, and serve tile after tile; before, each tile's and each
    request's thread was started as it came, while the other tiles' requests ran, and each start waited
    for the interpreter lock."""
    from plugin.core import workers
    started = []
    real_start = threading.Thread.start

    def start(thread):
        started.append((thread.name, sim.count("create")))
        return real_start(thread)
    monkeypatch.setattr(threading.Thread, "start", start)
    monkeypatch.setattr(workers, "POOL", workers.Workers())      # (no thread left idle by earlier tests)
    monkeypatch.setattr(R, "POOL", workers.POOL)
    job = make_job(tmp_path, "burst", bands="B4,B11", scale=10, file_per_band=False, name="b", aoi=TRIANGLE)
    ctx = RunContext(job, credentials={"token": TOKEN}, settings={"ee_api": sim.url, "retry": FAST,
                                                                  "ee_max_request_bytes": 8000, "ee_max_concurrency": 4})
    run_job(job, ctx)
    assert sim.count("create") >= 8         # (more tiles than threads: the threads serve one tile after another)
    pooled = [(name, creates) for name, creates in started if name.startswith(("eo-downloader", "ee-tile"))]
    assert pooled and all(creates == 0 for _name, creates in pooled), [p for p in pooled if p[1]]
