"""The Earth Engine tab without an asset id (issue 17): collection search with footprints, a chosen
row filling the image id, the composite mode and its estimate, the quick preview replaced by the
download — against the simulator."""
import json
import os

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRectangle

from plugin.adapters import settings as plugin_settings
from plugin.adapters.job_manager import JobManager
from plugin.core.jobs import JobState
from plugin.gui.dock import DownloadDock
from tests.qgis.helpers import wait_until
from tests.qgis.conftest import EE_TOKEN

AREA = QgsRectangle(1.0, 43.0, 1.02, 43.02)        # inside Sentinel-2 tile T31TCJ only
COMPOSITE = "S2 L2A median 2023-06-01..2023-08-31"


def where(tab):
    """The AOI's part of a title (the canvas extent's size)."""
    from plugin.core.titles import SEPARATOR, aoi_label
    return SEPARATOR + aoi_label({"aoi": tab.dock.current_aoi().to_geojson()})


@pytest.fixture
def tab(qgis_iface, qgis_new_project, ee_sim, tmp_path, monkeypatch):
    monkeypatch.setenv("EO_DOWNLOADER_EE_TOKEN", EE_TOKEN)
    plugin_settings.set("ee_api_url", ee_sim.url)
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(AREA)
    manager = JobManager(store_path=str(tmp_path / "jobs.json"))
    dock = DownloadDock(qgis_iface, manager)
    dock.ui.outputDirWidget.setFilePath(str(tmp_path / "out"))
    tab = dock.ee_tab
    tab.eeProjectEdit.setText("my-project")
    tab.eeCollectionCombo.setCurrentIndex(tab.eeCollectionCombo.findData("COPERNICUS/S2_SR_HARMONIZED"))
    tab.eeFromDate.setDate(tab.eeFromDate.date().fromString("2023-06-01", "yyyy-MM-dd"))
    tab.eeToDate.setDate(tab.eeToDate.date().fromString("2023-08-31", "yyyy-MM-dd"))
    tab.eeCloudSpin.setValue(20)
    yield tab
    dock.cleanup()
    for key in ("ee_api_url", "ee_project", "output_dir"):
        plugin_settings.set(key, plugin_settings.DEFAULTS[key])


def search(tab):
    assert tab.search_collection() is not None, tab.dock.ui.statusLabel.text()
    wait_until(lambda: tab.search_task is None, timeout=30)


def test_collections_offered_with_their_defaults(tab):
    titles = [tab.eeCollectionCombo.itemText(i) for i in range(tab.eeCollectionCombo.count())]
    assert titles[0].startswith("Sentinel-2 L2A") and any(t.startswith("Landsat 9") for t in titles)
    assert tab.eeBandsEdit.text() == "B4,B3,B2" and tab.eeMaskCombo.currentData() == "cloud_score_plus"
    tab.eeCollectionCombo.setCurrentIndex(tab.eeCollectionCombo.findData("LANDSAT/LC09/C02/T1_L2"))
    assert tab.eeBandsEdit.text() == "SR_B4,SR_B3,SR_B2" and tab.eeMaskCombo.currentData() == "landsat_qa"
    cs_plus = tab.eeMaskCombo.findData("cloud_score_plus")
    assert not tab.eeMaskCombo.model().item(cs_plus).isEnabled()
    tab.eeCollectionCombo.setCurrentIndex(tab.eeCollectionCombo.findData("COPERNICUS/S1_GRD"))
    assert tab.eeBandsEdit.text() == "VV,VH" and not tab.eeCloudSpin.isEnabled()
    tab.eeCollectionCombo.setEditText("MY/OWN/COLLECTION")                   # free text: any collection
    assert tab.collection_id() == "MY/OWN/COLLECTION"


def test_search_lists_images_with_footprints_and_a_row_fills_the_id(tab):
    tab.eeCompositeRadio.setChecked(True)
    search(tab)
    table = tab.eeResultsTable
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert [r[0] for r in rows] == ["2023-06-05", "2023-06-15", "2023-07-10", "2023-08-04", "2023-08-19"]
    assert rows[3][1] == "2.3" and rows[3][2].endswith("20230804T105031_20230804T105716_T31TCJ")
    bands = list(tab.footprint_bands.bands)
    assert len(bands) == 5 and all(b.asGeometry().boundingBox().contains(AREA) for b in bands)
    assert "5 images found" in tab.dock.ui.statusLabel.text()
    table.selectRow(3)
    assert tab.eeImageEdit.text() == rows[3][2] and tab.eeSingleRadio.isChecked()
    assert [b.width() for b in tab.footprint_bands.bands] == [1, 1, 1, 3, 1]       # the chosen one stands out
    tab.eeClearFootprintsButton.click()
    assert tab.footprint_bands.bands == [] and all(b.scene() is None for b in bands)


def test_composite_mode_needs_no_image_id_and_estimates_after_a_search(tab):
    tab.eeImageEdit.setText("")
    tab.eeCompositeRadio.setChecked(True)
    assert not tab.eeImageEdit.isVisibleTo(tab) and tab.eeMethodCombo.isVisibleTo(tab)
    tab.dock.update_state()
    assert tab.eeDownloadButton.isEnabled(), tab.eeDownloadButton.toolTip()
    assert tab.eeEstimateLabel.text().startswith("About ")            # rough before a search
    search(tab)
    tab.eeCompositeRadio.setChecked(True)
    tab.dock.update_state()
    text = tab.eeEstimateLabel.text()
    assert "as Earth Engine counts it" in text and "3 band(s)" in text, text
    tab.eeCloudSpin.setValue(30)                        # another search's images: rough again
    tab.dock.update_state()
    assert tab.eeEstimateLabel.text().startswith("About ")


def test_preview_then_the_download_replaces_it(tab):
    tab.eeCompositeRadio.setChecked(True)
    tab.eeScaleSpin.setValue(60)
    tab.dock.update_state()
    assert tab.preview() is not None, tab.dock.ui.statusLabel.text()
    wait_until(lambda: tab.preview_task is None, timeout=30)
    project = QgsProject.instance()
    (layer,) = project.mapLayersByName(COMPOSITE + where(tab) + " (preview)")
    assert layer.isValid() and layer.crs().authid() == "EPSG:4326" and layer.bandCount() == 4   # RGB + alpha
    preview_file = layer.source()
    extent = layer.extent()             # placed on the area's bounds
    minx, miny, maxx, maxy = tab.dock.current_aoi().bounds
    assert [round(v, 9) for v in (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())] \
        == [round(v, 9) for v in (minx, miny, maxx, maxy)]
    job = tab.submit_ee()
    assert job is not None and job.title == COMPOSITE + where(tab), tab.dock.ui.statusLabel.text()
    wait_until(lambda: tab.dock.manager.store.get(job.id).finished and not tab.dock.manager.active(), timeout=90)
    assert tab.dock.manager.store.get(job.id).state == JobState.DONE, tab.dock.manager.store.get(job.id).error
    assert project.mapLayersByName(COMPOSITE + where(tab) + " (preview)") == []
    assert not os.path.exists(os.path.dirname(preview_file))          # its temporary folder went with it
    group = project.layerTreeRoot().findGroup(COMPOSITE + where(tab))
    assert group is not None and group.findLayers()


def test_preview_of_a_single_image_is_in_its_projection(tab):
    image = "COPERNICUS/S2_SR_HARMONIZED/20230804T105031_20230804T105716_T31TCJ"
    tab.eeImageEdit.setText(image)
    tab.dock.update_state()
    assert tab.preview() is not None, tab.dock.ui.statusLabel.text()
    wait_until(lambda: tab.preview_task is None, timeout=30)
    (layer,) = QgsProject.instance().mapLayersByName(
        "S2 L2A T31TCJ 2023-08-04" + where(tab) + " (preview)")
    assert layer.isValid() and layer.crs().authid() == "EPSG:32631"


def test_rough_estimate_of_a_composite_uses_the_collection_scale(tab):
    tab.eeCollectionCombo.setCurrentIndex(tab.eeCollectionCombo.findData("LANDSAT/LC09/C02/T1_L2"))
    tab.eeCompositeRadio.setChecked(True)
    tab.eeScaleSpin.setValue(0)
    tab.dock.update_state()
    assert " at 30 m," in tab.eeEstimateLabel.text(), tab.eeEstimateLabel.text()


def test_preview_adds_an_earth_engine_tile_layer_when_qgis_can_sign_the_tiles(tab, ee_sim, monkeypatch):
    """With an OAuth2 configuration (QGIS adds the token to each tile request) the preview also makes an
    Earth Engine map of the composite and shows its tiles; they go with the quick preview."""
    from plugin.adapters import credentials
    monkeypatch.setattr(credentials, "ee_tile_authcfg", lambda authcfg="": "oauth01")
    tab.eeCompositeRadio.setChecked(True)
    tab.eeScaleSpin.setValue(60)
    tab.dock.update_state()
    assert tab.preview() is not None, tab.dock.ui.statusLabel.text()
    wait_until(lambda: tab.preview_task is None, timeout=30)
    project = QgsProject.instance()
    (tiles,) = project.mapLayersByName(COMPOSITE + where(tab) + " (Earth Engine tiles)")
    assert tiles.providerType() == "wms" and tiles.isValid()
    uri = tiles.source()
    assert "type=xyz" in uri and "authcfg=oauth01" in uri and "tiles" in uri
    maps = [r for r in ee_sim.requests if r["endpoint"] == "maps"]
    assert len(maps) == 1 and "Image.visualize" in json.dumps(maps[0]["json"])
    assert "Collection.reduce" in json.dumps(maps[0]["json"]) or "reduce" in json.dumps(maps[0]["json"])
    tab._drop_quick_preview(COMPOSITE + where(tab))
    assert project.mapLayersByName(COMPOSITE + where(tab) + " (Earth Engine tiles)") == []


def test_no_tile_layer_without_credentials_qgis_can_sign(tab, ee_sim):
    tab.eeCompositeRadio.setChecked(True)
    tab.eeScaleSpin.setValue(60)
    tab.dock.update_state()
    before = len([r for r in ee_sim.requests if r["endpoint"] == "maps"])
    assert tab.preview() is not None, tab.dock.ui.statusLabel.text()
    wait_until(lambda: tab.preview_task is None, timeout=30)
    assert QgsProject.instance().mapLayersByName(COMPOSITE + where(tab) + " (Earth Engine tiles)") == []
    assert len([r for r in ee_sim.requests if r["endpoint"] == "maps"]) == before

