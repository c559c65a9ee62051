"""The dock's STAC tab against the real STAC server (``rustac serve``), thumbnails served by nginx:
collections and search in stoppable background tasks, footprints, the thumbnail of the chosen item, the
true-colour assets checked, and the job of provider "stac" it submits."""
import socket

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QImage

from plugin.adapters import settings as plugin_settings
from plugin.adapters.job_manager import JobManager
from plugin.gui.dock import DownloadDock
from tests import stac_data
from tests.qgis.helpers import wait_until
from tests.servers.nginx import Nginx
from tests.servers.stac_api import StacApi

WEST_AOI = QgsRectangle(0.2, 0.2, 0.6, 0.6)


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    www = tmp_path_factory.mktemp("www")
    with Nginx(str(www), str(tmp_path_factory.mktemp("nginx"))) as files:
        for day in range(1, 26):
            folder = www / "data" / "S2_{:02d}".format(day)
            folder.mkdir(parents=True)
            image = QImage(32, 24, QImage.Format.Format_RGB32)
            image.fill(QColor(10 * day, 80, 160))
            assert image.save(str(folder / "thumb.png"))
        with StacApi(stac_data.documents(href_base=files.url("data")), str(tmp_path_factory.mktemp("stac"))) as api:
            yield api, files


@pytest.fixture
def dock(qgis_iface, qgis_new_project, tmp_path):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(WEST_AOI)
    widget = DownloadDock(qgis_iface, JobManager(store_path=str(tmp_path / "jobs.json")))
    widget.ui.outputDirWidget.setFilePath(str(tmp_path / "out"))
    yield widget
    widget.cleanup()
    plugin_settings.set("output_dir", plugin_settings.DEFAULTS["output_dir"])


def ready(dock, api):
    tab = dock.stac_tab
    tabs = dock.ui.providerTabs
    assert tabs.tabText(tabs.indexOf(tab)) == "STAC"
    tab.catalogueCombo.setEditText(api.url)
    tab.fromDate.setDate(tab.fromDate.date().fromString("2024-01-01", "yyyy-MM-dd"))
    tab.toDate.setDate(tab.toDate.date().fromString("2024-01-31", "yyyy-MM-dd"))
    tab.cloudSpin.setValue(30)
    dock.update_state()
    return tab


def test_presets_offered_and_the_configured_catalogue_first(dock):
    tab = dock.stac_tab
    urls = [tab.catalogueCombo.itemText(i) for i in range(tab.catalogueCombo.count())]
    assert urls[:3] == ["https://earth-search.aws.element84.com/v1",
                        "https://planetarycomputer.microsoft.com/api/stac/v1", "https://stac.dataspace.copernicus.eu/v1"]
    assert tab.api() == "https://earth-search.aws.element84.com/v1"


def test_configured_catalogue_is_the_default(qgis_iface, qgis_new_project, tmp_path, monkeypatch):
    monkeypatch.setenv("EO_DOWNLOADER_STAC_API_URL", "http://127.0.0.1:9/my-stac")
    widget = DownloadDock(qgis_iface, JobManager(store_path=str(tmp_path / "jobs.json")))
    try:
        assert widget.stac_tab.api() == "http://127.0.0.1:9/my-stac"
    finally:
        widget.cleanup()


def test_collections_load_in_the_background(dock, servers):
    api, _files = servers
    tab = ready(dock, api)
    tab.collectionsButton.click()
    assert tab.collectionsButton.text() == "Stop"
    wait_until(lambda: tab.collections_task is None, timeout=30)
    assert [tab.collectionCombo.itemText(i) for i in range(tab.collectionCombo.count())] == ["ls", "s2"]
    assert tab.collectionsButton.text() == "Load collections"
    assert "2 collections" in dock.ui.statusLabel.text()


def test_search_footprints_thumbnail_assets_and_the_job(dock, servers, monkeypatch):
    api, files = servers
    tab = ready(dock, api)
    tab.collectionCombo.setEditText("s2")
    assert not tab.downloadButton.isEnabled()
    tab.searchButton.click()
    wait_until(lambda: tab.search_task is None, timeout=30)
    rows = [tab.resultsTable.item(r, 2).text() for r in range(tab.resultsTable.rowCount())]
    # west footprints, <= 30 % or without a cloud cover, newest first
    assert rows == ["S2_20", "S2_10", "S2_06", "S2_04", "S2_02"], dock.ui.statusLabel.text()
    assert tab.resultsTable.item(2, 0).text() == "2024-01-06 10:30:00" and tab.resultsTable.item(2, 1).text() == "24.0"
    assert "cloud cover filtered here" in tab.notesLabel.text() and "2 items give no cloud cover" in tab.notesLabel.text()
    assert len(tab.footprints) == 5
    assert all(band.asGeometry().boundingBox().contains(0.5, 0.5) for band in tab.footprints)
    keys = [tab.assetsList.item(i).text() for i in range(tab.assetsList.count())]
    assert keys == ["red", "green", "blue", "nir", "thumbnail"]
    assert tab.chosen_assets() == ["red", "green", "blue"]
    # The chosen item's thumbnail arrives in the background.
    tab.resultsTable.selectRow(2)
    wait_until(lambda: tab.thumbnailLabel.pixmap() is not None and not tab.thumbnailLabel.pixmap().isNull(),
               timeout=30)
    assert tab.footprints[2].width() == 3
    # Download: a job of provider "stac" with the contract's params, for the selected item.
    tab.assetsList.item(3).setCheckState(Qt.CheckState.Checked)
    tab.stackVrtCheck.setChecked(True)
    dock.update_state()
    assert tab.downloadButton.isEnabled()
    submitted = []
    monkeypatch.setattr(dock.manager, "submit", submitted.append)
    tab.downloadButton.click()
    job = submitted[0]
    assert job.provider == "stac"
    params = job.params
    assert params["api"] == api.url and params["collection"] == "s2"
    assert [item["id"] for item in params["items"]] == ["S2_06"]
    assert params["items"][0]["assets"]["red"]["href"] == files.url("data") + "/S2_06/red.tif"   # unsigned
    assert params["assets"] == ["red", "green", "blue", "nir"]
    assert params["aoi"]["type"] == "Polygon" and params["signing"] == "" and params["stack_vrt"] is True
    # No row selected: every item found.
    tab.resultsTable.clearSelection()
    tab.downloadButton.click()
    assert [item["id"] for item in submitted[1].params["items"]] == rows


def test_planetary_computer_jobs_are_signed(dock, monkeypatch):
    from plugin.core.providers.stac.client import SearchResult
    tab = dock.stac_tab
    tab.catalogueCombo.setCurrentIndex(1)
    tab.searched_api = tab.api()
    tab.show_items(SearchResult(items=[stac_data.item("pc1", 3, 1, collection="sentinel-2-l2a")]))
    submitted = []
    monkeypatch.setattr(dock.manager, "submit", submitted.append)
    tab.submit()
    assert submitted[0].params["signing"] == "planetary-computer"
    assert submitted[0].params["collection"] == "sentinel-2-l2a"


def test_unknown_collection_said_in_the_status_line(dock, servers):
    api, _files = servers
    tab = ready(dock, api)
    tab.collectionCombo.setEditText("nope")
    tab.search()
    wait_until(lambda: tab.search_task is None, timeout=30)
    assert "has no collection 'nope'" in dock.ui.statusLabel.text()
    assert tab.resultsTable.rowCount() == 0


def test_a_catalogue_that_never_answers_can_be_stopped(dock):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(5)                 # accepts connections, never answers
    try:
        tab = ready(dock, type("Api", (), {"url": "http://127.0.0.1:{}/".format(silent.getsockname()[1])}))
        tab.collectionsButton.click()
        wait_until(lambda: tab.collections_task is not None and tab.collections_task.started.is_set(), timeout=10)
        assert tab.collectionsButton.text() == "Stop"
        tab.collectionsButton.click()
        wait_until(lambda: tab.collections_task is None, timeout=5)
        assert tab.collectionsButton.text() == "Load collections"
    finally:
        silent.close()


def test_dates_and_cloud_covers_fit_their_columns(dock):
    """The found items' dates are read whole (the README screenshot showed "2024-05-23 ..." before)."""
    from plugin.core.providers.stac.client import SearchResult
    tab = dock.stac_tab
    tab.show_items(SearchResult(items=[stac_data.item("S2_{:02d}".format(day), day, 12.5) for day in (3, 13)]))
    table = tab.resultsTable
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        for col in (0, 1):
            text = table.item(row, col).text()
            assert table.columnWidth(col) > metrics.horizontalAdvance(text), (col, text, table.columnWidth(col))
