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


def test_each_provider_is_a_tab_of_its_own_form(dock):
    """The dock's form holds the AOI, the output folder and the status line; each tab is made from its own
    .ui file (issue 16: one GUI file per tab)."""
    from plugin.gui import ee_tab, eodag_tab, eosda_tab
    tabs = dock.ui.providerTabs
    widgets = [tabs.widget(i) for i in range(tabs.count())]
    assert widgets == [dock.ee_tab, dock.eosda_tab, dock.eodag_tab]
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Earth Engine", "EOSDA", "eodag"]
    for widget, module in zip(widgets, (ee_tab, eosda_tab, eodag_tab)):
        assert isinstance(widget, module.FORM_CLASS)
    assert not [name for name in vars(dock.ui) if name.startswith(("ee", "eosda"))]
    assert dock.ee_tab.eeExportBox.parent() is dock.ee_tab       # the batch-export group is in ee_tab.ui


def test_disabled_buttons_say_why(dock):
    dock.ee_tab.eeImageEdit.setText("")
    dock.update_state()
    assert not dock.ee_tab.eeDownloadButton.isEnabled()
    assert dock.ee_tab.eeDownloadButton.toolTip() == "Enter an image id, or search a collection and choose one."
    dock.eosda_tab.eosdaViewEdit.setText("")
    dock.update_state()
    assert "view id" in dock.eosda_tab.eosdaDownloadButton.toolTip()
    assert "km²" in dock.ui.aoiInfoLabel.text()


def test_band_picker_estimate_and_download(dock, monkeypatch, tmp_path):
    with EeSimulator(tokens=("dock-token",)) as sim:
        monkeypatch.setenv("EO_DOWNLOADER_EE_TOKEN", "dock-token")
        plugin_settings.set("ee_api_url", sim.url)
        tab = dock.ee_tab
        tab.eeProjectEdit.setText("my-project")
        tab.eeImageEdit.setText(S2_SR_ID)
        tab.fetch_image_info()
        wait_until(lambda: S2_SR_ID in tab.image_infos, timeout=20)
        assert not isinstance(tab.image_infos[S2_SR_ID], str), tab.image_infos[S2_SR_ID]
        labels = [a.text() for a in tab.bands_menu.actions()]
        assert "B4 (uint16, 10 m)" in labels and any(l.startswith("B11 (uint16, 20 m)") for l in labels)
        # picking B8 in the menu adds it to the bands
        tab.eeBandsEdit.setText("B4,B3,B2")
        tab.show_bands()
        next(a for a in tab.bands_menu.actions() if a.text().startswith("B8 ")).setChecked(True)
        assert tab.eeBandsEdit.text() == "B4,B3,B2,B8"
        dock.update_state()
        assert "as Earth Engine counts it" in tab.eeEstimateLabel.text()
        assert "1 request(s)" in tab.eeEstimateLabel.text()
        job = tab.submit_ee()
        assert job is not None, dock.ui.statusLabel.text()
        wait_until(lambda: dock.manager.store.get(job.id).finished and not dock.manager.active(), timeout=60)
        done = dock.manager.store.get(job.id)
        assert done.state == JobState.DONE, done.error
        group = QgsProject.instance().layerTreeRoot().findGroup(job.title)
        # the VRT stack alone (its 4 bands only with the add_single_bands setting), named after the job
        assert group is not None and [n.layer().source() for n in group.findLayers()] == [done.outputs[-1]]
        assert group.findLayers()[0].layer().name() == job.title
        assert "Acquired: 2021-01-09" in group.findLayers()[0].layer().metadata().abstract()


def test_eosda_search_fills_the_form_and_draws_footprints(dock, monkeypatch):
    with EosdaSimulator(api_keys=("dock-key",)) as sim:
        monkeypatch.setenv("EO_DOWNLOADER_EOSDA_API_KEY", "dock-key")
        plugin_settings.set("eosda_api_url", sim.url)
        canvas = dock.canvas
        tab = dock.eosda_tab
        canvas.setExtent(QgsRectangle(-104.8824, 27.1662, -104.8719, 27.1805))
        tab.eosdaFromDate.setDate(tab.eosdaFromDate.date().fromString("2023-07-01", "yyyy-MM-dd"))
        tab.eosdaToDate.setDate(tab.eosdaToDate.date().fromString("2023-07-31", "yyyy-MM-dd"))
        tab.eosdaCloudSpin.setValue(100)
        tab.search_eosda()
        wait_until(lambda: tab.search_task is None, timeout=20)
        assert tab.eosdaResultsTable.rowCount() == len(tab.scenes) > 0, dock.ui.statusLabel.text()
        assert len(tab.footprints) == len(tab.scenes)
        tab.eosdaResultsTable.selectRow(0)
        assert tab.eosdaViewEdit.text() == tab.scenes[0].view_id
        assert "dock-key" not in dock.ui.statusLabel.text()


def test_export_mode_says_what_is_missing(dock):
    tab = dock.ee_tab
    tab.eeImageEdit.setText(S2_SR_ID)
    tab.eeProjectEdit.setText("my-project")
    tab.eeExportBox.setChecked(True)
    tab.eeExportDestinationCombo.setCurrentIndex(tab.eeExportDestinationCombo.findData("gcs"))
    tab.eeExportBucketEdit.setText("")
    dock.update_state()
    assert tab.eeDownloadButton.text() == "Export on Earth Engine"
    assert not tab.eeDownloadButton.isEnabled()
    assert "bucket" in tab.eeDownloadButton.toolTip()
    assert not tab.eeFormatCombo.isEnabled() and not tab.eeFilePerBandCheck.isEnabled()
    assert not tab.eeExportBucketEdit.isHidden() and tab.eeExportAssetEdit.isHidden()
    tab.eeExportBucketEdit.setText("bkt")
    tab.eeExportMaxPixelsEdit.setText("lots")
    dock.update_state()
    assert not tab.eeDownloadButton.isEnabled() and '"lots"' in tab.eeDownloadButton.toolTip()
    tab.eeExportMaxPixelsEdit.setText("1e10")
    dock.update_state()
    assert tab.eeDownloadButton.isEnabled(), tab.eeDownloadButton.toolTip()
    tab.eeExportDestinationCombo.setCurrentIndex(tab.eeExportDestinationCombo.findData("asset"))
    dock.update_state()
    assert tab.eeExportBucketEdit.isHidden() and not tab.eeExportAssetEdit.isHidden()
    assert "asset" in tab.eeDownloadButton.toolTip() and not tab.eeDownloadButton.isEnabled()
    tab.eeExportBox.setChecked(False)
    dock.update_state()
    assert tab.eeDownloadButton.text() == "Download from Earth Engine" and tab.eeFormatCombo.isEnabled()


def test_a_large_area_proposes_a_batch_export(dock):
    tab = dock.ee_tab
    tab.eeImageEdit.setText(S2_SR_ID)
    tab.eeScaleSpin.setValue(10)
    dock.update_state()
    assert tab.eeSuggestExportButton.isHidden()                  # the seed's small area: a download
    dock.canvas.setExtent(QgsRectangle(-122.5, 37.0, -121.5, 38.0))    # 1 x 1 degree at 10 m
    dock.update_state()
    assert "batch export" in tab.eeEstimateLabel.text()
    assert not tab.eeSuggestExportButton.isHidden()
    tab.eeSuggestExportButton.click()
    dock.update_state()
    assert tab.eeExportBox.isChecked() and tab.eeSuggestExportButton.isHidden()
    assert "batch export" not in tab.eeEstimateLabel.text()


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
        tab = dock.ee_tab
        tab.eeImageEdit.setText("COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG")
        tab.eeBandsEdit.setText("B4,B3")
        tab.eeScaleSpin.setValue(20)
        tab.eeProjectEdit.setText("my-project")
        tab.eeExportBox.setChecked(True)
        tab.eeExportDestinationCombo.setCurrentIndex(tab.eeExportDestinationCombo.findData("gcs"))
        tab.eeExportBucketEdit.setText("bkt")
        tab.eeExportPrefixEdit.setText("dock/aoi")
        tab.eeExportDescriptionEdit.setText("from the dock")
        job = tab.submit_ee()
        assert job is not None, dock.ui.statusLabel.text()
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


def test_formats_are_the_core_list_and_file_per_band_decides_with_the_default(dock):
    """Issue 20 item 6: with Earth Engine's default format, unticking "One file per band" gives one file."""
    from plugin.core.aoi import Aoi
    from plugin.core.providers.earthengine.params import FORMAT_CHOICES
    tab = dock.ee_tab
    assert [tab.eeFormatCombo.itemData(i) for i in range(tab.eeFormatCombo.count())] == list(FORMAT_CHOICES)
    aoi = Aoi.from_geojson({"type": "Polygon", "coordinates": [[[2.35, 48.85], [2.36, 48.85], [2.36, 48.86],
                                                                 [2.35, 48.86], [2.35, 48.85]]]})
    tab.eeImageEdit.setText("COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG")
    tab.eeProjectEdit.setText("my-project")
    tab.eeFormatCombo.setCurrentIndex(0)
    tab.eeFilePerBandCheck.setChecked(False)
    assert tab._ee_params(aoi)["format"] == "ZIPPED_GEO_TIFF"
    tab.eeFilePerBandCheck.setChecked(True)
    assert tab._ee_params(aoi)["format"] == "ZIPPED_GEO_TIFF_PER_BAND"
    tab.eeFormatCombo.setCurrentIndex(FORMAT_CHOICES.index("GEO_TIFF"))
    assert tab._ee_params(aoi)["format"] == "GEO_TIFF"


def _s2_info():
    from plugin.core.providers.earthengine import tiling
    return tiling.ImageInfo(S2_SR_ID, [tiling.BandInfo(b, "uint16", 2, "EPSG:32610", (10, 0, 499980, 0, -10, 4200000),
                                                       10980, 10980) for b in ("B4", "B3", "B2")])


@pytest.mark.parametrize("scale, extent, expect", [
    (0.01, QgsRectangle(-122.5, 37.0, -121.5, 38.0), "more than the limit of 5,000 per job"),   # 1e7 x 1e7 px
    (0.01, QgsRectangle(-122.1, 37.0, -122.0, 37.1), "more than the limit of 5,000 per job"),
    (2.0, QgsRectangle(-122.1, 37.0, -122.0, 37.1), "request(s)"),                               # tiled, allowed
    (100000, QgsRectangle(-122.1, 37.0, -122.0, 37.1), "1 request(s)"),
])
def test_the_live_estimate_takes_less_than_a_frame_whatever_the_numbers(dock, scale, extent, expect):
    """The estimate runs on the main thread as the user types: counted, never listed (issue 15 item 5)."""
    import time
    ui = dock.ee_tab
    ui.eeImageEdit.setText(S2_SR_ID)
    ui.eeBandsEdit.setText("B4,B3,B2")
    ui.eeProjectEdit.setText("my-project")
    dock.ee_tab.image_infos[S2_SR_ID] = _s2_info()
    ui.eeScaleSpin.setValue(scale)
    dock.canvas.setExtent(extent)
    aoi = dock.current_aoi()
    dock.ee_tab.ee_estimate(aoi)                     # (imports and caches warm)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        text, _size = dock.ee_tab.ee_estimate(aoi)
        times.append(time.perf_counter() - start)
    assert expect in text
    assert sorted(times)[2] < 1 / 60.0, times          # the median, under one frame at 60 Hz


def test_a_download_over_one_gib_asks_first(dock, monkeypatch):
    """Issue 20 item 3: the rough estimate says more than 1 GiB: the user confirms, or nothing is sent."""
    from qgis.PyQt.QtWidgets import QMessageBox
    asked, answers = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or answers.pop(0))
    dock.canvas.setExtent(QgsRectangle(-122.5, 37.0, -121.2, 38.3))      # ~1.3° square at 10 m: ~1.3 GiB
    tab = dock.ee_tab
    tab.eeProjectEdit.setText("my-project")
    tab.eeImageEdit.setText(S2_SR_ID)
    tab.eeBandsEdit.setText("B4,B3,B2")
    tab.eeScaleSpin.setValue(10)
    dock.update_state()
    answers.append(QMessageBox.StandardButton.No)
    assert tab.submit_ee() is None and dock.manager.store.list() == []
    assert "GiB" in asked[0]
    answers.append(QMessageBox.StandardButton.Yes)
    job = tab.submit_ee()
    assert job is not None and len(asked) == 2
    dock.manager.cancel(job.id)
    wait_until(lambda: not dock.manager.active(), timeout=10)
    # a small one is not asked about
    dock.canvas.setExtent(SEED_EXTENT)
    dock.update_state()
    dock.manager.cancel(tab.submit_ee().id)
    wait_until(lambda: not dock.manager.active(), timeout=10)
    assert len(asked) == 2


def test_the_output_folder_is_checked_before_anything_is_sent(dock, tmp_path):
    """Issue 20 item 3 (already so since core.runner.check_output_dir: kept by this test): a folder that
    cannot be made stops the submission with the reason, and no job is recorded."""
    (tmp_path / "a_file").write_text("not a folder")
    dock.ui.outputDirWidget.setFilePath(str(tmp_path / "a_file" / "out"))
    tab = dock.ee_tab
    tab.eeProjectEdit.setText("my-project")
    tab.eeImageEdit.setText(S2_SR_ID)
    tab.eeBandsEdit.setText("B4")
    dock.update_state()
    assert tab.submit_ee() is None
    assert "cannot be created" in dock.ui.statusLabel.text() and dock.manager.store.list() == []
