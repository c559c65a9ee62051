"""``eo_downloader:eodag_search`` / ``eo_downloader:eodag_download`` through Processing against the
eodag simulator, with credentials from QGIS's authentication database."""
import os
import sys

import pytest
from osgeo import gdal
from qgis.core import (QgsApplication, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingFeedback, QgsProject, QgsVectorLayer)

from plugin.adapters import settings as plugin_settings
from plugin.core.providers.eodag import client as ec
from plugin.core.jobs import JobState, JobStore
from tests.qgis.helpers import isolate_eodag, stored_authcfg
from tests.sims import eodag_sim as es

ONLINE_L2A, L1C, ORDERABLE_L2A, TIF_L2A, COG = (p["id"] for p in es.CATALOGUE)
EXTENT = "1.2750,1.2860,43.5950,43.6030 [EPSG:4326]"
USER, PASSWORD = "qgis-user", "pw-from-the-auth-db-31337"


@pytest.fixture(scope="module")
def sim():
    with es.EodagSimulator(credentials=(USER, PASSWORD)) as s:
        yield s


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
    else:
        provider.refreshAlgorithms()
    import processing
    yield processing
    if added is not None:
        registry.removeProvider(added)


@pytest.fixture
def authcfg(qgis_app):
    with stored_authcfg("Basic", "eodag sim", username=USER, password=PASSWORD) as cfg_id:
        yield cfg_id


@pytest.fixture
def env(sim, tmp_path, monkeypatch):
    """eodag confined to tmp_path and given the simulator's provider YAML; job store in tmp_path."""
    isolate_eodag(sim, tmp_path, monkeypatch)
    store_path = str(tmp_path / "jobs.json")
    monkeypatch.setattr(plugin_settings, "job_store_path", lambda: store_path)
    return store_path


def run_alg(processing, alg_id, params):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    result = processing.run(alg_id, params, context=context, feedback=feedback)
    return result, context


def test_help_names_every_parameter(processing_ready):
    registry = QgsApplication.processingRegistry()
    for alg_id, expected in (
            ("eo_downloader:eodag_search", ("AOI", "EXTENT", "PROVIDER", "COLLECTION", "DATE_FROM", "DATE_TO",
                                            "CLOUD_MAX", "LIMIT", "AUTHCFG", "OUTPUT")),
            ("eo_downloader:eodag_download", ("AOI", "EXTENT", "PROVIDER", "COLLECTION", "DATE_FROM", "DATE_TO",
                                              "CLOUD_MAX", "PRODUCT_IDS", "BANDS", "ORDER", "WAIT", "TIMEOUT",
                                              "EXTRACT", "AUTHCFG", "OUTPUT_DIR"))):
        alg = registry.algorithmById(alg_id)
        assert alg is not None, alg_id
        names = [p.name() for p in alg.parameterDefinitions()]
        assert set(expected) <= set(names), alg_id
        text = alg.shortHelpString()
        for name in names:
            assert name + ":" in text or name + " /" in text or "/ " + name in text or name + "," in text, name
        assert "pip install" in text and '"eodag=={}"'.format(ec.EODAG_PIN) in text
    outputs = {o.name() for o in registry.algorithmById("eo_downloader:eodag_download").outputDefinitions()}
    assert outputs >= {"OUTPUT_FILES", "OUTPUT_FOLDER"}


def test_search_writes_footprints(processing_ready, env, sim, authcfg, tmp_path):
    out = str(tmp_path / "products.gpkg")
    run_alg(processing_ready, "eo_downloader:eodag_search", {
        "EXTENT": EXTENT, "PROVIDER": "eodag_sim", "COLLECTION": "S2_MSI_L2A", "DATE_FROM": "2023-07-01",
        "DATE_TO": "2023-07-31", "CLOUD_MAX": 100, "AUTHCFG": authcfg, "OUTPUT": out})
    layer = QgsVectorLayer(out, "products", "ogr")
    assert layer.isValid() and layer.featureCount() == 2
    rows = {f["id"]: f for f in layer.getFeatures()}
    assert set(rows) == {ONLINE_L2A, ORDERABLE_L2A}
    assert rows[ORDERABLE_L2A]["order_status"] == "orderable" and rows[ORDERABLE_L2A]["needs_order"]
    assert rows[ONLINE_L2A]["order_status"] == "online" and rows[ONLINE_L2A]["cloud"] == 12.0
    assert rows[ONLINE_L2A]["quicklook"] == "{}/quicklooks/{}.png".format(sim.url, ONLINE_L2A)
    assert rows[ONLINE_L2A]["date"].startswith("2023-07-19")
    assert rows[ONLINE_L2A].geometry().boundingBox().contains(1.28, 43.60)


def test_download_cuts_and_loads_true_colour(processing_ready, env, sim, authcfg, tmp_path):
    result, context = run_alg(processing_ready, "eo_downloader:eodag_download", {
        "EXTENT": EXTENT, "PROVIDER": "eodag_sim", "COLLECTION": "S2_MSI_L2A", "DATE_FROM": "2023-07-01",
        "DATE_TO": "2023-07-31", "PRODUCT_IDS": ONLINE_L2A, "BANDS": "B04,B03,B02", "AUTHCFG": authcfg,
        "OUTPUT_DIR": str(tmp_path / "out")})
    files = [os.path.basename(f) for f in result["OUTPUT_FILES"]]
    assert files == ["S2B_L2A_T31TCJ_20230719_true_colour.vrt", "S2B_L2A_T31TCJ_20230719_B04.tif",
                     "S2B_L2A_T31TCJ_20230719_B03.tif", "S2B_L2A_T31TCJ_20230719_B02.tif"]
    assert os.path.dirname(result["OUTPUT_FOLDER"]) == str(tmp_path / "out")      # the job's own folder
    assert os.path.isdir(os.path.join(result["OUTPUT_FOLDER"], ONLINE_L2A))          # the full product
    loaded = [context.getMapLayer(lid) for lid in context.layersToLoadOnCompletion()]
    # the true colour composite alone (its bands only with the add_single_bands setting), named after the job
    true_colour = [lyr for lyr in loaded if lyr.source().endswith("true_colour.vrt")]
    assert loaded == true_colour and true_colour[0].name() == JobStore(env).list()[-1].title
    assert true_colour[0].name().startswith("eodag eodag_sim S2_MSI_L2A 2023-07-01..2023-07-31 · ")
    assert true_colour[0].bandCount() == 3 and true_colour[0].renderer().type() == "multibandcolor"
    assert gdal.Open(result["OUTPUT_FILES"][1]).GetGeoTransform()[1] == 10
    # Credentials came from the auth database, went to eodag in memory, and nowhere else.
    auth = sim.requests_to("GET", "/download/")[-1]["authorization"]
    assert auth.startswith("Basic ")
    job = JobStore(env).list()[-1]
    assert job.state == JobState.DONE and job.params["authcfg"] == authcfg
    assert PASSWORD not in open(env, encoding="utf-8").read()
    for folder, _dirs, names in os.walk(str(tmp_path)):
        for name in names:
            with open(os.path.join(folder, name), "rb") as fh:
                assert PASSWORD.encode() not in fh.read(), os.path.join(folder, name)


def test_order_through_processing(processing_ready, env, sim, authcfg, tmp_path):
    sim.polls_to_done = 2
    before = sim.orders[ORDERABLE_L2A]
    result, _context = run_alg(processing_ready, "eo_downloader:eodag_download", {
        "EXTENT": EXTENT, "PROVIDER": "eodag_sim", "COLLECTION": "S2_MSI_L2A", "DATE_FROM": "2023-07-01",
        "DATE_TO": "2023-07-31", "PRODUCT_IDS": ORDERABLE_L2A, "BANDS": "B8A", "ORDER": True, "WAIT": 0.005,
        "TIMEOUT": 1, "AUTHCFG": authcfg, "OUTPUT_DIR": str(tmp_path / "out")})
    assert [os.path.basename(f) for f in result["OUTPUT_FILES"]] == ["S2A_L2A_T31TCJ_20230709_B8A.tif"]
    assert sim.orders[ORDERABLE_L2A] == before + 1


def test_offline_product_without_order_is_explained(processing_ready, env, sim, authcfg, tmp_path):
    with pytest.raises(QgsProcessingException) as info:
        run_alg(processing_ready, "eo_downloader:eodag_download", {
            "EXTENT": EXTENT, "PROVIDER": "eodag_sim", "COLLECTION": "S2_MSI_L2A", "DATE_FROM": "2023-07-01",
            "DATE_TO": "2023-07-31", "PRODUCT_IDS": ORDERABLE_L2A, "AUTHCFG": authcfg,
            "OUTPUT_DIR": str(tmp_path / "out")})
    assert "must be ordered" in str(info.value) and "ORDER" in str(info.value)


def test_without_eodag_the_algorithms_say_how_to_install(processing_ready, env, monkeypatch, tmp_path):
    monkeypatch.setattr(ec, "_eodag_module", None)
    monkeypatch.setitem(sys.modules, "eodag", None)
    alg = QgsApplication.processingRegistry().algorithmById("eo_downloader:eodag_download")
    ok, text = alg.canExecute()
    assert not ok and "pip install" in text and ec.EODAG_PIN in text
    with pytest.raises(QgsProcessingException) as info:
        run_alg(processing_ready, "eo_downloader:eodag_search", {
            "EXTENT": EXTENT, "PROVIDER": "eodag_sim", "COLLECTION": "S2_MSI_L2A", "DATE_FROM": "2023-07-01",
            "DATE_TO": "2023-07-31", "OUTPUT": str(tmp_path / "x.gpkg")})
    assert "pip install" in str(info.value)
