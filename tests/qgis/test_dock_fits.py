"""The dock fits (issue 20 item 5): the output folder, Jobs and Help in view on a small screen, the batch-export
group collapsed until checked, numbers in the user's locale, the Bands picker open for several clicks,
footprints that can be cleared, whole ids in the result tables."""
import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle
from qgis.PyQt.QtCore import QLocale, QPoint, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication

from plugin.adapters.job_manager import JobManager
from plugin.gui.dock import DownloadDock
from tests.qgis.helpers import wait_until

EXTENT = QgsRectangle(-122.0859, 37.0436, -122.0626, 37.0586)
LONG_ID = "S2/13/R/EL/2023/7/19/0/" + "x" * 60 + "/END"
SQUARE = {"type": "Polygon", "coordinates": [[[-122.08, 37.05], [-122.07, 37.05], [-122.07, 37.055],
                                              [-122.08, 37.05]]]}


@pytest.fixture
def dock(qgis_iface, qgis_new_project, tmp_path):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(EXTENT)
    widget = DownloadDock(qgis_iface, JobManager(store_path=str(tmp_path / "jobs.json")))
    yield widget
    widget.hide()
    widget.cleanup()


def test_output_folder_jobs_and_help_stay_in_view_on_a_small_screen(dock):
    """A 1000 px screen leaves the dock ~750 px: the form scrolls, the output folder and the buttons do not."""
    dock.resize(420, 700)
    dock.show()
    wait_until(lambda: dock.isVisible())
    QApplication.processEvents()
    assert dock.ui.aoiGroup.sizeHint().height() + dock.ui.providerTabs.sizeHint().height() > 700   # taller
    for widget in (dock.ui.outputDirWidget, dock.ui.jobsButton, dock.ui.helpButton):
        top = widget.mapTo(dock, QPoint(0, 0)).y()
        assert widget.isVisible() and 0 <= top and top + widget.height() <= dock.height(), widget.objectName()
        assert not widget.visibleRegion().isEmpty(), widget.objectName()


def test_the_batch_export_group_is_collapsed_until_checked(dock):
    tab = dock.ee_tab
    assert not tab.eeExportBox.isChecked() and tab.eeExportContents.isHidden()
    collapsed = tab.eeExportBox.sizeHint().height()
    tab.eeExportBox.setChecked(True)
    assert not tab.eeExportContents.isHidden()
    assert tab.eeExportBox.sizeHint().height() > collapsed + 100
    tab.eeExportBox.setChecked(False)
    assert tab.eeExportContents.isHidden()


def test_numbers_are_in_the_users_locale_and_sizes_in_mib(dock):
    from plugin.adapters import i18n
    from plugin.core import i18n as core_i18n
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    i18n.install("xx")                           # no such translation: the hooks only
    try:
        dock.canvas.setExtent(QgsRectangle(-123.0, 37.0, -121.0, 38.0))       # ~19 000 km²
        dock.update_state()
        area = dock.current_aoi().area_km2
        text = dock.ui.aoiInfoLabel.text()
        assert QLocale().toString(area, "f", 2) in text and "{:,.2f}".format(area) not in text
        assert "," in QLocale().toString(area, "f", 2)          # French decimals
        dock.ee_tab.eeScaleSpin.setValue(10)
        dock.update_state()
        estimate = dock.ee_tab.eeEstimateLabel.text()
        assert " MiB " in estimate and " MB" not in estimate
        assert core_i18n.mib(1536 * 1024 * 1024) == QLocale().toString(1536.0, "f", 1) + " MiB"
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        i18n.uninstall(None)
    assert core_i18n.mib(1536 * 1024 * 1024) == "1,536.0 MiB"


def test_the_bands_picker_stays_open_for_several_clicks(dock):
    tab = dock.ee_tab
    menu = tab.bands_menu
    tab.eeBandsEdit.setText("B4")
    for band in ("B2", "B3", "B8"):
        action = menu.addAction(band)
        action.setCheckable(True)
        action.toggled.connect(lambda checked, b=band: tab._toggle_band(b, checked))
    menu.popup(QPoint(10, 10))
    wait_until(menu.isVisible)
    for action in menu.actions():
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         menu.actionGeometry(action).center())
        QApplication.processEvents()
        assert menu.isVisible(), action.text()
    assert tab.eeBandsEdit.text() == "B4,B2,B3,B8"
    menu.hide()


def test_eosda_and_eodag_footprints_can_be_cleared(dock):
    from qgis.core import QgsWkbTypes
    from qgis.gui import QgsRubberBand
    eosda = dock.eosda_tab
    eosda.footprint_bands.show([SQUARE, SQUARE])
    assert len(eosda.footprints) == 2
    eosda.eosdaClearFootprintsButton.click()
    assert eosda.footprints == []
    eodag = dock.eodag_tab
    band = QgsRubberBand(dock.canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
    eodag.footprints["product"] = band
    eodag.clearFootprintsButton.click()
    assert eodag.footprints == {} and band not in dock.canvas.scene().items()


def test_the_view_id_column_shows_whole_ids(dock):
    from plugin.core.providers.eosda.client import Scene
    tab = dock.eosda_tab
    scene = Scene(view_id=LONG_ID, date="2023-07-19", cloud_cover=3.25, footprint=None)
    tab.show_scenes([scene])
    item = tab.eosdaResultsTable.item(0, 2)
    assert item.text() == item.toolTip() == LONG_ID
    assert tab.eosdaResultsTable.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert dock.ee_tab.eeResultsTable.textElideMode() == Qt.TextElideMode.ElideMiddle


@pytest.fixture(scope="module")
def compiled_qm(tmp_path_factory):
    from tests.qgis.test_translations import ut, ROOT
    return ut.compile_qm(ROOT, out_dir=str(tmp_path_factory.mktemp("qm")))


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_dock_is_never_cut_on_the_right(qgis_iface, qgis_new_project, tmp_path, compiled_qm, language):
    """The defect: the French and Spanish docks were cut on the right -- the scroll area's minimum width was
    taken before the combo boxes sized to their items and without the longer texts."""
    import os
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator
    translator = None
    if language != "en":
        translator = QTranslator()
        assert translator.load([p for p in compiled_qm if p.endswith("_{}.qm".format(language))][0])
        QCoreApplication.installTranslator(translator)
    widget = DownloadDock(qgis_iface, JobManager(store_path=os.path.join(str(tmp_path), "jobs.json")))
    try:
        widget.resize(200, 700)                   # narrower than any language needs
        widget.show()
        for index in range(widget.ui.providerTabs.count()):
            widget.ui.providerTabs.setCurrentIndex(index)
            wait_until(lambda: widget.isVisible())
            for _ in range(3):
                QApplication.processEvents()
            body = widget.ui.bodyWidget
            assert body.width() >= body.minimumSizeHint().width(), (language, index)
            assert widget.ui.bodyScroll.viewport().width() >= body.minimumSizeHint().width(), (language, index)
    finally:
        widget.hide()
        widget.cleanup()
        if translator is not None:
            QCoreApplication.removeTranslator(translator)


def test_no_empty_space_in_the_tabs(dock):
    """A short tab is not as tall as the tallest one, and no empty result table waits for a search."""
    from plugin.core.providers.eosda.client import Scene
    tabs = dock.ui.providerTabs
    assert dock.ee_tab.eeResultsTable.isHidden() and dock.eosda_tab.eosdaResultsTable.isHidden()
    heights = {}
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        heights[index] = tabs.sizeHint().height()
        page = tabs.widget(index)
        assert heights[index] <= page.sizeHint().height() + tabs.tabBar().sizeHint().height() + 20, index
    assert len(set(heights.values())) == tabs.count()            # each tab its own height
    dock.eosda_tab.show_scenes([Scene(view_id="S2/1", date="2023-07-19")])
    assert not dock.eosda_tab.eosdaResultsTable.isHidden()
