"""``eo_downloader:ee_export`` through Processing, the Jobs machinery and the real qgis_process,
against the export simulator; and XYZ tile outputs as layers."""
import json
import os
import sys

import pytest
from osgeo import gdal
from qgis.core import (QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProject)

from plugin.adapters import layers as plugin_layers
from plugin.adapters import settings as plugin_settings
from plugin.adapters.job_manager import JobManager
from plugin.core.providers.earthengine.operations import PollPolicy
from plugin.core.jobs import Job, JobState, JobStore
from plugin.core.runner import is_detached
from plugin.core.providers.earthengine import export_runner as R
from tests.qgis.conftest import load_script
from tests.qgis.helpers import wait_until, write_rgb_geotiff
from tests.sims.ee_export_sim import ExportSimulator

TOKEN = "alg-token"
IMG = "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG"
EXTENT = "-122.0859,-122.0626,37.0436,37.0586 [EPSG:4326]"
SQUARE = {"type": "Polygon", "coordinates": [[[-122.0859, 37.0436], [-122.0626, 37.0436], [-122.0626, 37.0586],
                                              [-122.0859, 37.0586], [-122.0859, 37.0436]]]}


@pytest.fixture(scope="module")
def sim():
    s = ExportSimulator(tokens=(TOKEN,), projects=("my-project",), buckets=("bkt",), drive_folders=("ee",),
                        pending_seconds=0.05, running_seconds=0.2)
    s.start()
    yield s
    s.stop()


@pytest.fixture
def env(sim, tmp_path, monkeypatch):
    """The plugin's core pointed at the simulator, its job store in tmp_path, fast polling."""
    for name in ("EE_API", "GCS_API", "DRIVE_API"):
        monkeypatch.setenv("EO_DOWNLOADER_{}_URL".format(name), sim.url)
    monkeypatch.setenv("EO_DOWNLOADER_EE_TOKEN", TOKEN)
    store_path = str(tmp_path / "jobs.json")
    monkeypatch.setattr(plugin_settings, "job_store_path", lambda: store_path)
    original = plugin_settings.core_settings
    monkeypatch.setattr(plugin_settings, "core_settings",
                        lambda: dict(original(), ee_export_poll=PollPolicy(initial=0.02, maximum=0.05)))
    return store_path


@pytest.fixture(scope="module")
def processing_ready(qgis_app):
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing
    Processing.initialize()
    from plugin.processing.provider import EoDownloaderProvider
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("eo_downloader")
    added = None
    if provider is None:
        added = EoDownloaderProvider()
        registry.addProvider(added)
    import processing
    yield processing
    if added is not None:
        registry.removeProvider(added)


def run_alg(processing, params):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    result = processing.run("eo_downloader:ee_export", params, context=context, feedback=feedback)
    return result, context


def base_params(tmp_path, **kw):
    params = {"EXTENT": EXTENT, "IMAGE": IMG, "BANDS": "B4,B3,B2", "SCALE": 20, "PROJECT": "my-project",
              "OUTPUT_DIR": str(tmp_path / "out")}
    params.update(kw)
    return params


def test_help_names_every_parameter(processing_ready):
    alg = QgsApplication.processingRegistry().algorithmById("eo_downloader:ee_export")
    assert alg is not None
    names = [p.name() for p in alg.parameterDefinitions()]
    for name in ("AOI", "EXTENT", "IMAGE", "BANDS", "SCALE", "CRS", "CRS_TRANSFORM", "DIMENSIONS", "DESCRIPTION",
                 "DESTINATION", "BUCKET", "FOLDER", "PREFIX", "ASSET_ID", "MAX_PIXELS", "PRIORITY", "FILE_DIMENSIONS",
                 "CLOUD_OPTIMIZED", "NO_DATA", "SKIP_EMPTY", "PYRAMIDING_POLICY", "PYRAMIDING_OVERRIDES",
                 "WORKLOAD_TAG", "WAIT", "DOWNLOAD", "PROJECT", "AUTHCFG", "OUTPUT_DIR"):
        assert name in names
    help_text = alg.shortHelpString()
    for name in names:
        assert name + ":" in help_text or name + " /" in help_text or "/ " + name in help_text, name
    assert {o.name() for o in alg.outputDefinitions()} >= {"OUTPUT_FILES", "OUTPUT_FOLDER", "OPERATION"}


def test_cloud_storage_export_through_processing(processing_ready, env, sim, tmp_path):
    result, context = run_alg(processing_ready, base_params(tmp_path, SCALE=8, BANDS="B4,B3", BUCKET="bkt",
                                                           PREFIX="alg/aoi", FILE_DIMENSIONS="256",
                                                           DESCRIPTION="alg gcs", PRIORITY=5))
    assert result["OPERATION"].startswith("projects/my-project/operations/")
    folder = result["OUTPUT_FOLDER"]        # the job's own folder under OUTPUT_DIR
    assert os.path.dirname(folder) == str(tmp_path / "out") and os.path.basename(folder).startswith("EE export alg gcs ")
    assert result["OUTPUT_FILES"] == [os.path.join(folder, "aoi.vrt")]
    assert gdal.Open(result["OUTPUT_FILES"][0]).RasterCount == 2
    body = [r for r in sim.requests if r["endpoint"] == "export"][-1]["json"]
    assert body["priority"] == {"value": 5} and body["description"] == "alg gcs"
    loaded = [context.getMapLayer(lid) for lid in context.layersToLoadOnCompletion()]
    assert [lyr.name() for lyr in loaded] == ["EE export alg gcs"] and loaded[0].isValid()   # the job's title
    job = JobStore(env).list()[-1]
    assert job.provider == "ee_export" and job.state == JobState.DONE and job.params["origin"] == "processing"


def test_asset_export_gives_a_tile_layer(processing_ready, env, sim, tmp_path):
    result, context = run_alg(processing_ready, base_params(tmp_path, DESTINATION=2, ASSET_ID="alg_asset",
                                                           PYRAMIDING_POLICY=2, DOWNLOAD=True,
                                                           VIS_PARAMS='{"min": 0, "max": 3000}',
                                                           DESCRIPTION="alg asset"))
    uri = result["TILE_LAYER"]
    assert uri.startswith("type=xyz&url=") and uri in result["OUTPUT_FILES"]
    assert any(f.endswith(".tif") for f in result["OUTPUT_FILES"])
    loaded = [context.getMapLayer(lid) for lid in context.layersToLoadOnCompletion()]
    tiles = [lyr for lyr in loaded if lyr.providerType() == "wms"]
    assert len(tiles) == 1 and tiles[0].isValid() and tiles[0].source() == uri
    assert sim.assets()["projects/my-project/assets/alg_asset"]["policies"]["B4"] == "SAMPLE"


def test_bad_option_is_a_clear_processing_error(processing_ready, env, tmp_path):
    with pytest.raises(QgsProcessingException) as info:
        run_alg(processing_ready, base_params(tmp_path, BUCKET="bkt", FILE_DIMENSIONS="1000"))
    assert "multiples of 256" in str(info.value)


def test_dont_wait_then_jobs_panel_retry_follows_it(processing_ready, env, sim, tmp_path, qgis_new_project):
    result, _ = run_alg(processing_ready, base_params(tmp_path, BANDS="B4", SCALE=30, BUCKET="bkt",
                                                      PREFIX="alg/detached", WAIT=False))
    assert result["OUTPUT_FILES"] == [] and result["OPERATION"]
    job = JobStore(env).list()[-1]
    assert job.state == JobState.RUNNING and is_detached(job) and job.server["operation"] == result["OPERATION"]
    manager = JobManager(store_path=env, task_manager=QgsApplication.taskManager())
    manager.retry(job.id)
    wait_until(lambda: manager.store.get(job.id).finished and not manager.active(), timeout=30)
    done = manager.store.get(job.id)
    assert done.state == JobState.DONE, done.error
    assert os.path.dirname(done.output_dir) == str(tmp_path / "out")
    assert done.outputs == [os.path.join(done.output_dir, "detached.tif")]
    assert len([r for r in sim.requests if r["endpoint"] == "export"
                and r["json"]["requestId"] == done.server["request_id"]]) == 1


def test_the_algorithm_and_the_job_manager_share_one_store(processing_ready, env, sim, tmp_path, qgis_new_project):
    manager = JobManager(store_path=env, task_manager=QgsApplication.taskManager())
    gui_job = manager.store.add(Job("ee_export", {}, title="the GUI's"))
    result, _ = run_alg(processing_ready, base_params(tmp_path, BANDS="B4", SCALE=30, BUCKET="bkt",
                                                      PREFIX="alg/shared", WAIT=False))
    assert JobStore.for_path(env) is manager.store
    ran = [j for j in manager.store.list() if j.params.get("origin") == "processing"]     # no re-read needed
    assert len(ran) == 1 and ran[0].server["operation"] == result["OPERATION"]
    manager.store.update(gui_job.id, message="the GUI writes again")        # (behind the main thread)
    assert manager.store.flush(10)
    saved = {j.id: j for j in JobStore(env).list()}
    assert set(saved) == {gui_job.id, ran[0].id}
    assert saved[ran[0].id].server["operation"] == result["OPERATION"]       # the running export is not lost


def test_detached_task_is_not_recorded_as_failed(env, sim, tmp_path, qgis_new_project):
    manager = JobManager(store_path=env, task_manager=QgsApplication.taskManager())
    params = R.build_params(IMG, bands="B4", scale=30, bucket="bkt", prefix="alg/task", wait=False,
                            project="my-project", aoi=SQUARE)
    job = Job("ee_export", params, title="Detached", output_dir=str(tmp_path / "out"))
    manager.submit(job)
    wait_until(lambda: not manager.active() and manager.store.get(job.id).server.get("operation"), timeout=30)
    left = manager.store.get(job.id)
    assert left.state == JobState.RUNNING and is_detached(left) and not left.error


def test_xyz_outputs_load_as_tile_layers(tmp_path, qgis_new_project):
    tif = write_rgb_geotiff(tmp_path / "rgb.tif")
    uri = "type=xyz&url=http%3A%2F%2F127.0.0.1%3A1%2Fv1%2Fprojects%2Fp%2Fmaps%2Fm%2Ftiles%2F%7Bz%7D%2F%7Bx%7D%2F%7By%7D" \
          "&zmax=14&zmin=0"
    job = Job("ee_export", {"image": IMG}, title="Tiles job", outputs=[tif, uri])
    added = plugin_layers.load_job_outputs(job)
    assert [lyr.providerType() for lyr in added] == ["gdal", "wms"]
    tiles = added[1]
    assert tiles.isValid() and tiles.name() == "Tiles job (tiles)" and tiles.source() == uri
    assert tiles.crs().authid() == "EPSG:3857"
    group = QgsProject.instance().layerTreeRoot().findGroup("Tiles job")
    assert [n.layer().id() for n in group.findLayers()] == [lyr.id() for lyr in added]


# ---------------------------------------------------------------------------
# The real qgis_process, with the packaged plugin in a fresh profile
# ---------------------------------------------------------------------------
@pytest.mark.slow
def test_ee_export_through_qgis_process(built, tmp_path):
    qh = load_script("qgis_headless")
    proc = qh.start_simulator("ee_export_sim", ["--token", TOKEN, "--pending", "0.1", "--running", "0.4"])
    try:
        url = "http://127.0.0.1:{}".format(proc.port)
        env = qh.headless_env(tmp_path, {"EO_DOWNLOADER_EE_API_URL": url, "EO_DOWNLOADER_GCS_API_URL": url,
                                         "EO_DOWNLOADER_EE_TOKEN": TOKEN})
        qh.install_zip(str(built["path"]), env)
        out = tmp_path / "out"
        rc, data, err = qh.run_algorithm("eo_downloader:ee_export", {
            "EXTENT": EXTENT, "IMAGE": IMG, "BANDS": "B4,B3", "SCALE": 8, "DESTINATION": 0, "BUCKET": "bkt",
            "PREFIX": "cli/aoi", "FILE_DIMENSIONS": 256, "PROJECT": "my-project", "OUTPUT_DIR": str(out)}, env)
        assert rc == 0, err
        results = data["results"]
        assert results["OPERATION"].startswith("projects/my-project/operations/")
        folder = results["OUTPUT_FOLDER"]
        assert os.path.dirname(folder) == str(out)
        assert results["OUTPUT_FILES"] == [os.path.join(folder, "aoi.vrt")]
        assert sorted(f for f in os.listdir(folder) if f.endswith((".tif", ".vrt"))) == [
            "aoi-0000000000-0000000000.tif", "aoi-0000000000-0000000256.tif", "aoi.vrt"]
        vrt = gdal.Open(results["OUTPUT_FILES"][0])
        assert vrt.RasterCount == 2 and vrt.RasterXSize > 256
        assert TOKEN not in err + json.dumps(data)
        # The job was recorded in the profile's job store, finished.
        store = os.path.join(env["QGIS_CUSTOM_CONFIG_PATH"], "profiles", "default", "eo_downloader", "jobs.json")
        jobs = json.load(open(store))["jobs"]
        assert [j["state"] for j in jobs] == ["done"] and jobs[0]["server"]["operation"] == results["OPERATION"]
    finally:
        proc.terminate()
        proc.wait(10)


def test_cancel_of_a_detached_export_reaches_earth_engine(env, tmp_path, qgis_new_project, monkeypatch):
    with ExportSimulator(tokens=(TOKEN,), projects=("my-project",), buckets=("bkt",), pending_seconds=0.05,
                         running_seconds=60) as slow:
        for name in ("EE_API", "GCS_API", "DRIVE_API"):
            monkeypatch.setenv("EO_DOWNLOADER_{}_URL".format(name), slow.url)
        manager = JobManager(store_path=env, task_manager=QgsApplication.taskManager())
        params = R.build_params(IMG, bands="B4", scale=30, bucket="bkt", prefix="alg/cancel", wait=False,
                                project="my-project", aoi=SQUARE)
        job = Job("ee_export", params, title="Detached cancel", output_dir=str(tmp_path / "out"))
        manager.submit(job)
        wait_until(lambda: not manager.active() and is_detached(manager.store.get(job.id)), timeout=30)
        manager.cancel(job.id)                     # no task follows it: the cancel goes to the server
        wait_until(lambda: not manager.active(), timeout=30)
        cancelled = manager.store.get(job.id)
        assert cancelled.state == JobState.CANCELLED, cancelled.message
        name = cancelled.server["operation"]
        cancels = [r for r in slow.requests if r["endpoint"] == "cancel"]
        assert len(cancels) == 1 and cancels[0]["path"].endswith(name.split("/")[-1] + ":cancel")


def test_collection_composite_export_through_processing(processing_ready, env, sim, tmp_path):
    """Issue 17: COLLECTION instead of IMAGE in ee_export; the job is named after the composite and its
    layer carries the period."""
    result, context = run_alg(processing_ready, {
        "EXTENT": "1.0,1.02,43.0,43.02 [EPSG:4326]", "COLLECTION": "COPERNICUS/S2_SR_HARMONIZED",
        "DATE_FROM": "2023-06-01", "DATE_TO": "2023-07-15", "CLOUD_MAX": 20, "CLOUD_MASK": 1, "COMPOSITE": 0,
        "BANDS": "B4", "SCALE": 20, "BUCKET": "bkt", "PREFIX": "alg/s2_median", "PROJECT": "my-project",
        "OUTPUT_DIR": str(tmp_path / "out")})
    tifs = [f for f in result["OUTPUT_FILES"] if f.endswith(".tif")]
    assert len(tifs) == 1 and gdal.Open(tifs[0]).RasterCount == 1
    job = next(j for j in JobStore.for_path(env).list() if j.output_dir == result["OUTPUT_FOLDER"])
    assert job.title == "S2 L2A median 2023-06-01..2023-07-15 · 362 ha"
    (layer,) = context.temporaryLayerStore().mapLayers().values()
    (period,) = layer.metadata().extent().temporalExtents()
    assert (period.begin().toString("yyyy-MM-dd"), period.end().toString("yyyy-MM-dd")) == ("2023-06-01",
                                                                                             "2023-07-15")
