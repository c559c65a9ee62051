"""The download dock against the loopback simulators: band picker, estimate, search, submission."""
import os

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRectangle

from plugin.adapters import settings as plugin_settings
from plugin.adapters.job_manager import JobManager
from plugin.core.jobs import JobState
from plugin.gui.dock import DownloadDock
from tests.qgis.helpers import wait_until
from tests.sims.ee_sim import S2_SR_ID, EeSimulator
from tests.sims.eosda_sim import EosdaSimulator

SEED_EXTENT = QgsRectangle(-122.0859, 37.0436, -122.0626, 37.0586)


@pytest.fixture
def dock(qgis_iface, qgis_new_project, tmp_path, monkeypatch):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(SEED_EXTENT)
    manager = JobManager(store_path=str(tmp_path / "jobs.json"))
    widget = DownloadDock(qgis_iface, manager)
    widget.ui.outputDirWidget.setFilePath(str(tmp_path / "out"))
    yield widget
    widget.cleanup()
    for key in ("ee_api_url", "eosda_api_url", "ee_project", "output_dir", "ee_export_destination",
                "ee_export_bucket", "ee_export_folder"):
        plugin_settings.set(key, plugin_settings.DEFAULTS[key])


def test_disabled_buttons_say_why(dock):
    dock.ui.eeImageEdit.setText("")
    dock.update_state()
    assert not dock.ui.eeDownloadButton.isEnabled()
    assert dock.ui.eeDownloadButton.toolTip() == "Enter an image id."
    dock.ui.eosdaViewEdit.setText("")
    dock.update_state()
    assert "view id" in dock.ui.eosdaDownloadButton.toolTip()
    assert "km²" in dock.ui.aoiInfoLabel.text()


def test_band_picker_estimate_and_download(dock, monkeypatch, tmp_path):
    with EeSimulator(tokens=("dock-token",)) as sim:
        monkeypatch.setenv("EO_DOWNLOADER_EE_TOKEN", "dock-token")
        plugin_settings.set("ee_api_url", sim.url)
        dock.ui.eeProjectEdit.setText("my-project")
        dock.ui.eeImageEdit.setText(S2_SR_ID)
        dock.fetch_image_info()
        wait_until(lambda: S2_SR_ID in dock.image_infos, timeout=20)
        assert not isinstance(dock.image_infos[S2_SR_ID], str), dock.image_infos[S2_SR_ID]
        labels = [a.text() for a in dock.bands_menu.actions()]
        assert "B4 (uint16, 10 m)" in labels and any(l.startswith("B11 (uint16, 20 m)") for l in labels)
        # picking B8 in the menu adds it to the bands
        dock.ui.eeBandsEdit.setText("B4,B3,B2")
        dock.show_bands()
        next(a for a in dock.bands_menu.actions() if a.text().startswith("B8 ")).setChecked(True)
        assert dock.ui.eeBandsEdit.text() == "B4,B3,B2,B8"
        dock.update_state()
        assert "as Earth Engine counts it" in dock.ui.eeEstimateLabel.text()
        assert "1 request(s)" in dock.ui.eeEstimateLabel.text()
        job = dock.submit_ee()
        assert job is not None, dock.ui.statusLabel.text()
        wait_until(lambda: dock.manager.store.get(job.id).finished and not dock.manager.active(), timeout=60)
        done = dock.manager.store.get(job.id)
        assert done.state == JobState.DONE, done.error
        group = QgsProject.instance().layerTreeRoot().findGroup(job.title)
        assert group is not None and len(group.findLayers()) == 5    # 4 bands + the VRT stack


def test_eosda_search_fills_the_form_and_draws_footprints(dock, monkeypatch):
    with EosdaSimulator(api_keys=("dock-key",)) as sim:
        monkeypatch.setenv("EO_DOWNLOADER_EOSDA_API_KEY", "dock-key")
        plugin_settings.set("eosda_api_url", sim.url)
        canvas = dock.canvas
        canvas.setExtent(QgsRectangle(-104.8824, 27.1662, -104.8719, 27.1805))
        dock.ui.eosdaFromDate.setDate(dock.ui.eosdaFromDate.date().fromString("2023-07-01", "yyyy-MM-dd"))
        dock.ui.eosdaToDate.setDate(dock.ui.eosdaToDate.date().fromString("2023-07-31", "yyyy-MM-dd"))
        dock.ui.eosdaCloudSpin.setValue(100)
        dock.search_eosda()
        wait_until(lambda: dock.search_task is None, timeout=20)
        assert dock.ui.eosdaResultsTable.rowCount() == len(dock.scenes) > 0, dock.ui.statusLabel.text()
        assert len(dock.footprints) == len(dock.scenes)
        dock.ui.eosdaResultsTable.selectRow(0)
        assert dock.ui.eosdaViewEdit.text() == dock.scenes[0].view_id
        assert "dock-key" not in dock.ui.statusLabel.text()


def test_export_mode_says_what_is_missing(dock):
    ui, box = dock.ui, dock.export_box
    ui.eeImageEdit.setText(S2_SR_ID)
    ui.eeProjectEdit.setText("my-project")
    box.setChecked(True)
    box.destination.setCurrentIndex(box.destination.findData("gcs"))
    box.bucket.setText("")
    dock.update_state()
    assert ui.eeDownloadButton.text() == "Export on Earth Engine"
    assert not ui.eeDownloadButton.isEnabled()
    assert "bucket" in ui.eeDownloadButton.toolTip()
    assert not ui.eeFormatCombo.isEnabled() and not ui.eeFilePerBandCheck.isEnabled()
    assert not box.bucket.isHidden() and box.asset.isHidden()
    box.bucket.setText("bkt")
    box.max_pixels.setText("lots")
    dock.update_state()
    assert not ui.eeDownloadButton.isEnabled() and '"lots"' in ui.eeDownloadButton.toolTip()
    box.max_pixels.setText("1e10")
    dock.update_state()
    assert ui.eeDownloadButton.isEnabled(), ui.eeDownloadButton.toolTip()
    box.destination.setCurrentIndex(box.destination.findData("asset"))
    dock.update_state()
    assert box.bucket.isHidden() and not box.asset.isHidden()
    assert "asset" in ui.eeDownloadButton.toolTip() and not ui.eeDownloadButton.isEnabled()
    box.setChecked(False)
    dock.update_state()
    assert ui.eeDownloadButton.text() == "Download from Earth Engine" and ui.eeFormatCombo.isEnabled()


def test_a_large_area_proposes_a_batch_export(dock):
    ui = dock.ui
    ui.eeImageEdit.setText(S2_SR_ID)
    ui.eeScaleSpin.setValue(10)
    dock.update_state()
    assert dock.suggest_export_button.isHidden()                  # the seed's small area: a download
    dock.canvas.setExtent(QgsRectangle(-122.5, 37.0, -121.5, 38.0))    # 1 x 1 degree at 10 m
    dock.update_state()
    assert "batch export" in ui.eeEstimateLabel.text()
    assert not dock.suggest_export_button.isHidden()
    dock.suggest_export_button.click()
    dock.update_state()
    assert dock.export_box.isChecked() and dock.suggest_export_button.isHidden()
    assert "batch export" not in ui.eeEstimateLabel.text()


def test_export_from_the_dock_is_followed_and_brought_back(dock, monkeypatch, tmp_path):
    from plugin.core.providers.earthengine.operations import PollPolicy
    from tests.sims.ee_export_sim import ExportSimulator
    with ExportSimulator(tokens=("dock-token",), projects=("my-project",), buckets=("bkt",),
                         pending_seconds=0.05, running_seconds=0.2) as sim:
        for name in ("EE_API", "GCS_API", "DRIVE_API"):
            monkeypatch.setenv("EO_DOWNLOADER_{}_URL".format(name), sim.url)
        monkeypatch.setenv("EO_DOWNLOADER_EE_TOKEN", "dock-token")
        original = plugin_settings.core_settings
        monkeypatch.setattr(plugin_settings, "core_settings",
                            lambda: dict(original(), ee_export_poll=PollPolicy(initial=0.02, maximum=0.05)))
        ui, box = dock.ui, dock.export_box
        ui.eeImageEdit.setText("COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG")
        ui.eeBandsEdit.setText("B4,B3")
        ui.eeScaleSpin.setValue(20)
        ui.eeProjectEdit.setText("my-project")
        box.setChecked(True)
        box.destination.setCurrentIndex(box.destination.findData("gcs"))
        box.bucket.setText("bkt")
        box.prefix.setText("dock/aoi")
        box.description.setText("from the dock")
        job = dock.submit_ee()
        assert job is not None, ui.statusLabel.text()
        assert job.provider == "ee_export" and job.title == "EE export from the dock"
        wait_until(lambda: dock.manager.store.get(job.id).finished and not dock.manager.active(), timeout=60)
        done = dock.manager.store.get(job.id)
        assert done.state == JobState.DONE, done.error
        assert [os.path.basename(o) for o in done.outputs] == ["aoi.tif"]
        body = [r for r in sim.requests if r["endpoint"] == "export"][-1]["json"]
        assert body["description"] == "from the dock"
        assert body["fileExportOptions"]["cloudStorageDestination"] == {"bucket": "bkt", "filenamePrefix": "dock/aoi"}
        group = QgsProject.instance().layerTreeRoot().findGroup(job.title)
        assert group is not None and len(group.findLayers()) == 1
    # the destination and bucket are offered again next time
    assert plugin_settings.get("ee_export_bucket") == "bkt"
    assert plugin_settings.get("ee_export_destination") == "gcs"
