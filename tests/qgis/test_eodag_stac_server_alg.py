"""``eo_downloader:eodag_search`` through Processing against the REAL STAC API server of
tests/core/test_eodag_stac_server.py (``rustac serve``, no /queryables, no query/filter extension):
footprints newest first, the cloud cover filtered in the plugin, and the user told so (the algorithm's log, the
eodag tab's status line)."""
import logging

from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer

from plugin.core.providers.eodag import client as ec
from tests.core.test_eodag_stac_server import TILE, eodag_env, provider_yaml, servers  # noqa: F401 (fixtures)
from tests.qgis.test_eodag_alg import processing_ready  # noqa: F401 (fixture)


def run_search(processing, params):
    """The algorithm run; (its log, its context: kept until the output is read, as test_eodag_alg does)."""
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    processing.run("eo_downloader:eodag_search", params, context=context, feedback=feedback)
    return feedback.textLog(), context


def test_search_filters_the_cloud_cover_itself_and_says_so(processing_ready, servers, eodag_env,  # noqa: F811
                                                           tmp_path, monkeypatch):
    api, _ = servers
    path = tmp_path / "my_stac.yml"
    path.write_text(provider_yaml(api.url))
    monkeypatch.setenv(ec.PROVIDERS_FILE_ENV, str(path))
    # eodag logs the /queryables 404 with its traceback, whose frames hold the algorithm's objects (its
    # sink, written when it goes): pytest's log capture would keep them past the test (QGIS keeps no records)
    monkeypatch.setattr(logging.getLogger("eodag"), "propagate", False)
    xs = [p[0] for p in TILE["coordinates"][0]]
    ys = [p[1] for p in TILE["coordinates"][0]]
    extent = "{},{},{},{} [EPSG:4326]".format(min(xs), max(xs), min(ys), max(ys))
    out = str(tmp_path / "found.gpkg")
    log, context = run_search(processing_ready, {
        "EXTENT": extent, "PROVIDER": "my_stac", "COLLECTION": "s2-cog", "DATE_FROM": "2024-01-01",
        "DATE_TO": "2024-01-31", "CLOUD_MAX": 50, "OUTPUT": out})
    layer = QgsVectorLayer(out, "found", "ogr")
    assert [f["id"] for f in layer.getFeatures()] == ["S2_MIDDLE", "S2_OLDER"]      # newest first
    assert "neither the query nor the filter extension" in log and "of the 3 products" in log, log


def test_the_tab_lists_newest_first_and_says_where_the_cloud_was_filtered(qgis_iface, qgis_new_project, servers,  # noqa: F811
                                                                          eodag_env, tmp_path, monkeypatch):
    from qgis.core import QgsRectangle
    from tests.qgis.helpers import wait_until
    from tests.qgis.test_eodag_tab import clear_tab_settings, make_dock
    api, _ = servers
    path = tmp_path / "my_stac.yml"
    path.write_text(provider_yaml(api.url))
    monkeypatch.setenv(ec.PROVIDERS_FILE_ENV, str(path))
    monkeypatch.setattr(logging.getLogger("eodag"), "propagate", False)
    dock = make_dock(qgis_iface, tmp_path)
    try:
        xs = [p[0] for p in TILE["coordinates"][0]]
        ys = [p[1] for p in TILE["coordinates"][0]]
        qgis_iface.mapCanvas().setExtent(QgsRectangle(min(xs), min(ys), max(xs), max(ys)))
        tab = dock.eodag_tab
        tab.load_catalogue()
        wait_until(lambda: tab.catalogue is not None, timeout=60)
        tab.providerCombo.setCurrentText("my_stac")
        tab.collectionCombo.setCurrentText("s2-cog")
        tab.fromDate.setDate(tab.fromDate.date().fromString("2024-01-01", "yyyy-MM-dd"))
        tab.toDate.setDate(tab.toDate.date().fromString("2024-01-31", "yyyy-MM-dd"))
        tab.cloudSpin.setValue(50)
        assert tab.search() is not None, tab.statusLabel.text()
        wait_until(lambda: tab.search_task is None, timeout=60)
        assert [p.id for p in tab.products] == ["S2_MIDDLE", "S2_OLDER"], tab.statusLabel.text()
        text = tab.statusLabel.text()
        assert text.startswith("2 products found") and "neither the query nor the filter extension" in text, text
    finally:
        dock.cleanup()
        clear_tab_settings()
