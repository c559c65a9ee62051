"""Earth Engine batch export jobs end to end, against the loopback export simulator.

The runner starts one export per job (requestId saved before the POST), follows
the operation, cancels it on a user cancel (not on shutdown), survives restarts,
and brings the result back: Cloud Storage and Drive files (split exports joined
into a VRT), or an asset as an XYZ tile layer (and optionally as a GeoTIFF).
"""
import json
import os
import re

import numpy as np
import pytest
import requests
from osgeo import gdal, osr

from plugin.core.transfer import http
from plugin.core.providers.earthengine.operations import PollPolicy
from plugin.core.errors import CancelledError, HttpError, ProviderError
from plugin.core.jobs import Job, JobState, JobStore
from plugin.core.runner import CancelToken, RunContext, is_detached, run_job
from plugin.core.providers.earthengine import export_runner as R
from tests.sims.ee_export_sim import ExportSimulator

IMG = "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG"
TOKEN = "test-token"
FAST = http.RetryPolicy(max_attempts=4, base_delay=0.01, max_delay=0.05)
# About 2 x 1.7 km inside the simulated S2 tile T10SEG (about 200 x 170 px at 10 m).
SQUARE = {"type": "Polygon", "coordinates": [[[-122.0859, 37.0436], [-122.0626, 37.0436], [-122.0626, 37.0586],
                                              [-122.0859, 37.0586], [-122.0859, 37.0436]]]}


@pytest.fixture(scope="module")
def sim_server():
    sim = ExportSimulator(tokens=(TOKEN,), projects=("my-project",), buckets=("bkt",), drive_folders=("ee",),
                          pending_seconds=0.05, running_seconds=0.3, cancelling_seconds=0.1)
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture
def sim(sim_server):
    sim_server.reset_counters()
    sim_server.clear_faults()
    sim_server.running_seconds = 0.3
    sim_server.gcs_page_size = 1000
    return sim_server


def make_job(tmp_path, **kw):
    kw.setdefault("project", "my-project")
    kw.setdefault("aoi", SQUARE)
    params = R.build_params(IMG, **kw)
    return Job("ee_export", params, output_dir=str(tmp_path / "out"))


def context(sim, job, store=None, cancel=None, events=None, **settings):
    base = {"ee_api": sim.url, "gcs_api": sim.url, "drive_api": sim.url, "retry": FAST,
            "ee_export_poll": PollPolicy(initial=0.02, maximum=0.05)}
    base.update(settings)
    events = events if events is not None else []
    return RunContext(job, store=store, cancel=cancel, credentials={"token": TOKEN}, settings=base,
                      progress=lambda p, m: events.append((p, m)))


def run(sim, job, store=None, **kw):
    events = []
    ctx = context(sim, job, store=store, events=events, **kw)
    outputs = run_job(job, ctx)
    return outputs, ctx, events


def expected(sim, path, band, image=IMG):
    ds = gdal.Open(path)
    srs = osr.SpatialReference(wkt=ds.GetProjection())
    srs.AutoIdentifyEPSG()
    return sim.expected_pixels(image, band, "EPSG:" + srs.GetAuthorityCode(None), ds.GetGeoTransform(),
                               ds.RasterXSize, ds.RasterYSize)


def exports_with(sim, request_id):
    return [r for r in sim.requests if r["endpoint"] == "export" and (r["json"] or {}).get("requestId") == request_id]


# ---------------------------------------------------------------------------
# Cloud Storage
# ---------------------------------------------------------------------------
def test_cloud_storage_split_export_becomes_one_vrt(sim, tmp_path):
    # Files of another export, and a stale tile of an earlier export with the same prefix, are left alone.
    sim.put_object("bkt", "gs1/aoi2.tif", b"not ours")
    sim.put_object("bkt", "gs1/aoi-0000000512-0000000000.tif", b"stale", created=1e9)
    sim.gcs_page_size = 1          # every object on its own page
    job = make_job(tmp_path, bands="B4,B3", scale=8, bucket="bkt", prefix="gs1/aoi", file_dimensions=256,
                   description="split")
    outputs, ctx, events = run(sim, job)
    op = sim.operation(job.server["operation"])
    assert op["metadata"]["state"] == "SUCCEEDED" and op["done"] is True
    written = sorted(n for n in sim.objects("bkt") if n.startswith("gs1/aoi-") and n != "gs1/aoi-0000000512-0000000000.tif")
    assert written == ["gs1/aoi-0000000000-0000000000.tif", "gs1/aoi-0000000000-0000000256.tif"]
    assert outputs == [str(tmp_path / "out" / "aoi.vrt")]
    assert sorted(p.name for p in (tmp_path / "out").glob("*.tif")) == ["aoi-0000000000-0000000000.tif",
                                                                        "aoi-0000000000-0000000256.tif"]
    vrt = gdal.Open(outputs[0])
    grid = sim.export_grid(job.server["operation"])
    assert grid["width"] > 256 >= grid["height"]                 # hence two files side by side
    assert (vrt.RasterXSize, vrt.RasterYSize, vrt.RasterCount) == (grid["width"], grid["height"], 2)
    assert vrt.GetGeoTransform() == pytest.approx(grid["geotransform"])
    assert [vrt.GetRasterBand(i).GetDescription() for i in (1, 2)] == ["B4", "B3"]
    # no noData asked: Earth Engine tags nothing and fills masked pixels with 0; the runner declares 0 as
    # no data beside each file (not a black frame around the AOI), the files stay as downloaded
    assert [vrt.GetRasterBand(i).GetNoDataValue() for i in (1, 2)] == [0.0, 0.0]
    for tile in written:
        local = str(tmp_path / "out" / tile.split("/")[-1])
        assert os.path.exists(local + ".aux.xml")
        with open(local, "rb") as fh:
            assert fh.read() == sim.objects("bkt")[tile]
    for i, band in ((1, "B4"), (2, "B3")):
        assert np.array_equal(vrt.GetRasterBand(i).ReadAsArray(), expected(sim, outputs[0], band))
    media = [r for r in sim.requests if r["endpoint"] == "gcs_object"]
    assert sorted(r["path"] for r in media) == ["/storage/v1/b/bkt/o/" + n for n in written]
    assert all(r["query"] == {"alt": "media"} and r["headers"]["authorization"] == "Bearer " + TOKEN
               and "x-goog-user-project" not in r["headers"] for r in media)
    lists = [r for r in sim.requests if r["endpoint"] == "gcs_list"]
    assert len(lists) >= 4 and all(r["query"]["prefix"] == "gs1/aoi" for r in lists)
    # Progress: the operation's state, progress and stages were shown.
    assert any(re.match(r"^RUNNING \d+% \u2014 (Create List of Assets|Write Files) \d+/\d+$", m) for _, m in events)
    assert ctx.job.state == JobState.DONE and ctx.job.progress == 100.0


def test_single_file_export_and_rerun_reuses_the_files(sim, tmp_path):
    job = make_job(tmp_path, bands="B8", scale=20, bucket="bkt", prefix="gs2/one", cloud_optimized=True,
                   no_data=0, description="single")
    outputs, _, _ = run(sim, job)
    assert outputs == [str(tmp_path / "out" / "one.tif")]
    ds = gdal.Open(outputs[0])
    assert ds.GetRasterBand(1).GetNoDataValue() == 0          # masked pixels are marked
    assert ds.GetMetadata("IMAGE_STRUCTURE").get("LAYOUT") == "COG"
    body = sim.last_request("export")["json"]
    assert body["fileExportOptions"]["geoTiffOptions"] == {"cloudOptimized": True, "noData": {"floatValue": 0}}
    # Running the finished job again creates no export and downloads nothing again.
    sim.reset_counters()
    job.state = JobState.QUEUED
    assert run(sim, job)[0] == outputs
    assert sim.count("export") == 0 and sim.count("gcs_object") == 0


# ---------------------------------------------------------------------------
# Drive
# ---------------------------------------------------------------------------
def test_drive_export_found_by_folder_name(sim, tmp_path):
    older = sim.add_drive_folder("ee", modified=1e9)           # an older folder with the same name
    sim.add_drive_file("drv.tif", b"old file", older, modified=1e9)
    job = make_job(tmp_path, bands="B4", scale=20, destination="drive", folder="ee", prefix="drv",
                   description="to drive")
    outputs, _, _ = run(sim, job)
    assert outputs == [str(tmp_path / "out" / "drv.tif")]
    assert np.array_equal(gdal.Open(outputs[0]).ReadAsArray(), expected(sim, outputs[0], "B4"))
    lists = [r["query"] for r in sim.requests if r["endpoint"] == "drive_list"]
    assert lists[0]["q"] == ("name = 'ee' and mimeType = 'application/vnd.google-apps.folder' and "
                             "trashed = false")
    new = [f for f in sim.drive_files() if f["name"] == "drv.tif" and f["data"] != b"old file"]
    assert len(new) == 1 and new[0]["parents"][0] != older
    folder_id = new[0]["parents"][0]
    assert lists[1]["q"] == "name contains 'drv' and '{}' in parents and trashed = false".format(folder_id)
    assert "md5Checksum" in lists[1]["fields"] and "size" in lists[1]["fields"]


def test_drive_without_the_drive_scope_says_so(sim, tmp_path):
    sim.drive_tokens = {"other"}
    try:
        job = make_job(tmp_path, bands="B4", scale=30, destination="drive", prefix="noscope")
        with pytest.raises(HttpError) as info:
            run(sim, job)
    finally:
        sim.drive_tokens = None
    assert info.value.status == 403 and "insufficient authentication scopes" in info.value.message
    assert "drive.readonly" in info.value.hint


# ---------------------------------------------------------------------------
# Asset
# ---------------------------------------------------------------------------
def test_asset_export_gives_a_tile_layer_and_a_geotiff(sim, tmp_path):
    job = make_job(tmp_path, bands="B4,B3,B2", scale=20, destination="asset", asset_id="aoi_asset",
                   pyramiding_policy="mean", pyramiding_overrides='{"B2": "sample"}', download_asset=True,
                   description="to asset", vis={"bands": ["B4", "B3", "B2"], "min": 0, "max": 3000})
    job.params["authcfg"] = "abc1234"
    outputs, _, _ = run(sim, job)
    assert sim.assets()["projects/my-project/assets/aoi_asset"]["policies"] == {"B4": "MEAN", "B3": "MEAN",
                                                                               "B2": "SAMPLE"}
    uri, tif = outputs
    assert uri.startswith("type=xyz&url=") and uri.endswith("&zmax=13&zmin=0&authcfg=abc1234")
    url = requests.utils.unquote(re.search(r"url=([^&]+)", uri).group(1))
    assert re.match(re.escape(sim.url) + r"/v1/projects/my-project/maps/[0-9a-f]{32}-[0-9a-f]{32}/tiles/"
                                          r"\{z\}/\{x\}/\{y\}$", url)
    maps = sim.last_request("maps")
    assert maps["query"] == {"fields": "name", "alt": "json"}
    assert maps["json"] == R.ee_export.map_body("projects/my-project/assets/aoi_asset", job.params["vis"])
    # The tile URL works with the same Bearer token (z13 tile over the AOI), and not without it.
    tile = url.format(z=13, x=1317, y=3182)
    assert requests.get(tile, timeout=10).status_code == 401
    png = requests.get(tile, headers={"Authorization": "Bearer " + TOKEN}, timeout=10)
    assert png.status_code == 200 and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    # The GeoTIFF of the asset has the export's pixels on the asset's 20 m grid.
    assert tif == str(tmp_path / "out" / "to_asset.tif")
    ds = gdal.Open(tif)
    assert ds.RasterCount == 3 and ds.GetGeoTransform()[1] == 20
    got, want = ds.GetRasterBand(1).ReadAsArray(), expected(sim, tif, "B4")
    inside = got != 0                                  # the download masks to the AOI polygon
    assert inside.mean() > 0.8 and np.array_equal(got[inside], want[inside])


# ---------------------------------------------------------------------------
# Idempotency and restarts
# ---------------------------------------------------------------------------
def test_request_id_saved_before_the_post_and_a_lost_answer_starts_one_export(sim, tmp_path):
    store = JobStore(str(tmp_path / "jobs.json"))
    job = store.add(make_job(tmp_path, bands="B4", scale=30, bucket="bkt", prefix="lost/aoi"))
    seen = []
    store.add_listener(lambda j: seen.append((dict(j.server), sim.count("export"))))
    sim.inject_lost("export")
    before = sim.dedup_hits
    run(sim, job, store=store)
    rid = store.get(job.id).server["request_id"]
    first = next(i for i, (server, _) in enumerate(seen) if server.get("request_id"))
    assert seen[first][1] == 0 and "operation" not in seen[first][0]      # saved before any POST
    assert len(exports_with(sim, rid)) == 2 and sim.dedup_hits == before + 1
    assert len([o for o in sim.operations() if o["name"] == store.get(job.id).server["operation"]]) == 1
    assert store.get(job.id).state == JobState.DONE


def test_restart_resumes_polling_without_a_second_export(sim, tmp_path):
    sim.running_seconds = 30.0                    # still running when QGIS closes
    path = str(tmp_path / "jobs.json")
    store = JobStore(path)
    job = store.add(make_job(tmp_path, bands="B4", scale=30, bucket="bkt", prefix="restart/aoi"))
    token = CancelToken()
    events = []

    def progress_then_quit(p, m):
        events.append(m)
        if m.startswith("RUNNING"):
            token.cancel(CancelToken.SHUTDOWN)       # QGIS closes while the export runs
    ctx = context(sim, job, store=store, cancel=token)
    ctx._progress = progress_then_quit
    with pytest.raises(CancelledError):
        run_job(job, ctx)
    left = JobStore(path).get(job.id)             # what the next QGIS session finds
    assert left.state == JobState.RUNNING and left.server["operation"]
    assert sim.count("cancel") == 0                # a shutdown does not cancel the export
    assert sim.operation(left.server["operation"])["metadata"]["state"] == "RUNNING"
    sim.set_timing(left.server["operation"], running=0.1)
    outputs, _, _ = run(sim, left, store=JobStore(path))
    assert sim.count("export") == 1 and len(exports_with(sim, left.server["request_id"])) == 1
    assert outputs == [str(tmp_path / "out" / "aoi.tif")]


def test_crash_between_post_and_saving_the_operation(sim, tmp_path):
    job = make_job(tmp_path, bands="B4", scale=30, bucket="bkt", prefix="crash/aoi")
    rid = "5b0f3d2e-8a9c-4e3f-9d1a-2c4b6e8f0a1b"
    from plugin.core.providers.earthengine import export as E
    body = E.export_body(E.validate(job.params), rid)
    first = requests.post(sim.url + "/v1/projects/my-project/image:export?alt=json", json=body,
                          headers={"Authorization": "Bearer " + TOKEN}, timeout=10).json()
    job.server = {"request_id": rid}             # the answer never reached the job store
    run(sim, job)
    assert job.server["operation"] == first["name"]
    assert len([o for o in sim.operations() if o["name"] == first["name"]]) == 1
    assert len({r["json"]["requestId"] for r in sim.requests if r["endpoint"] == "export"}) == 1


def test_dont_wait_leaves_the_job_running_and_a_retry_follows_it(sim, tmp_path):
    store = JobStore(str(tmp_path / "jobs.json"))
    job = store.add(make_job(tmp_path, bands="B4", scale=30, bucket="bkt", prefix="detached/aoi", wait=False))
    outputs, ctx, _ = run(sim, job, store=store)
    left = store.get(job.id)
    assert outputs == [] and left.state == JobState.RUNNING and is_detached(left) and not left.error
    assert left.server["operation"].rsplit("/", 1)[-1] in left.message
    assert sim.count("operation") == 0
    outputs, _, _ = run(sim, store.get(job.id), store=store)       # the Jobs panel's retry
    done = store.get(job.id)
    assert done.state == JobState.DONE and not is_detached(done) and outputs == done.outputs
    assert sim.count("export") == 1


# ---------------------------------------------------------------------------
# Cancel, failures, faults
# ---------------------------------------------------------------------------
def test_user_cancel_cancels_the_export_on_earth_engine(sim, tmp_path):
    sim.running_seconds = 30.0
    store = JobStore(str(tmp_path / "jobs.json"))
    job = store.add(make_job(tmp_path, bands="B4", scale=30, bucket="bkt", prefix="cancel/aoi"))
    states = []
    store.add_listener(lambda j: states.append(j.server.get("operation_state")))
    token = CancelToken()
    ctx = context(sim, job, store=store, cancel=token)
    ctx._progress = lambda p, m: token.cancel() if m.startswith("RUNNING") else None
    with pytest.raises(CancelledError):
        run_job(job, ctx)
    cancel = sim.last_request("cancel")
    assert cancel["method"] == "POST" and cancel["json"] == {} and cancel["query"] == {"alt": "json"}
    assert cancel["path"] == "/v1/" + store.get(job.id).server["operation"] + ":cancel"
    order = [s for i, s in enumerate(states) if s and (i == 0 or states[i - 1] != s)]
    assert order[-2:] == ["CANCELLING", "CANCELLED"]
    assert store.get(job.id).state == JobState.CANCELLED
    assert sim.operation(store.get(job.id).server["operation"])["error"]["code"] == 1


def test_export_too_large_says_what_max_pixels_to_use(sim, tmp_path):
    # Just above the plugin's own lower bound (checked before the export starts), below Earth Engine's count.
    from plugin.core.providers.earthengine import tiling
    limit = tiling.minimum_pixels(SQUARE, 10) + 1
    job = make_job(tmp_path, bands="B4", scale=10, bucket="bkt", prefix="big/aoi", max_pixels=limit)
    with pytest.raises(ProviderError) as info:
        run(sim, job)
    match = re.search(r"Export too large: specified (\d+) pixels \(max: {}\)\. Specify higher maxPixels".format(
        limit), info.value.message)
    assert match
    assert "MAX_PIXELS to at least {}".format(match.group(1)) in info.value.hint
    assert job.state == JobState.FAILED and match.group(1) in job.error


def test_rate_limits_and_server_errors_are_retried(sim, tmp_path):
    sim.inject("export", 429)
    sim.inject("operation", 503, count=2)
    job = make_job(tmp_path, bands="B4", scale=30, bucket="bkt", prefix="faults/aoi")
    outputs, _, _ = run(sim, job)
    assert outputs and sim.count("export", 429) == 1 and sim.count("operation", 503) == 2
    assert len(exports_with(sim, job.server["request_id"])) == 2      # retried with the same requestId
    assert len([o for o in sim.operations() if o["name"] == job.server["operation"]]) == 1


def test_an_operation_earth_engine_forgot_is_reported_and_cleared(sim, tmp_path):
    job = make_job(tmp_path, bands="B4", scale=30, bucket="bkt", prefix="gone/aoi")
    job.server = {"request_id": "0f0f0f0f-0000-4000-8000-000000000000",
                  "operation": "projects/my-project/operations/ABCDEFGHIJKLMNOPQRSTUVWX"}
    with pytest.raises(HttpError) as info:
        run(sim, job)
    assert info.value.status == 404 and "Retry the job" in info.value.hint
    assert not job.server.get("operation") and not job.server.get("request_id")


def test_the_body_sent_is_the_official_form(sim, tmp_path):
    job = make_job(tmp_path, bands="B4", scale=30, bucket="bkt", prefix="form/aoi", priority=500,
                   max_pixels=1e9, workload_tag="qgis-export")
    run(sim, job)
    rec = sim.last_request("export")
    assert rec["path"] == "/v1/projects/my-project/image:export" and rec["query"] == {"alt": "json"}
    assert rec["headers"]["x-goog-user-project"] == "my-project"
    body = rec["json"]
    assert body["maxPixels"] == {"value": "1000000000"} and body["priority"] == {"value": 500}
    assert body["workloadTag"] == "qgis-export" and "grid" not in body
    assert body == R.ee_export.export_body(R.ee_export.validate(job.params), body["requestId"])
    assert json.dumps(body).count(TOKEN) == 0
