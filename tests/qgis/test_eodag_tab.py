"""The dock's eodag tab against the eodag simulator: providers from eodag, search with quicklooks and
footprints, the order filter, jobs submitted and their layers loaded; the install hint without eodag."""
import sys

import pytest
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsProject,
                       QgsRectangle)

from plugin.adapters import settings as plugin_settings
from plugin.adapters.job_manager import JobManager
from plugin.core.providers.eodag import client as ec
from plugin.core.jobs import JobState
from plugin.gui import eodag_tab as tab_module
from plugin.gui.dock import DownloadDock
from tests.qgis.helpers import isolate_eodag, store_basic_authcfg, stored_authcfg, wait_until
from tests.sims import eodag_sim as es

ONLINE_L2A, L1C, ORDERABLE_L2A, TIF_L2A, COG = (p["id"] for p in es.CATALOGUE)
AOI_EXTENT = QgsRectangle(1.2750, 43.5950, 1.2860, 43.6030)
USER, PASSWORD = "tab-user", "tab-password-8812"


@pytest.fixture
def sim():
    with es.EodagSimulator(credentials=(USER, PASSWORD)) as s:
        yield s


@pytest.fixture
def authcfg(qgis_app):
    with stored_authcfg("Basic", "eodag tab sim", username=USER, password=PASSWORD) as cfg_id:
        yield cfg_id


@pytest.fixture
def eodag_env(sim, tmp_path, monkeypatch):
    isolate_eodag(sim, tmp_path, monkeypatch)
    monkeypatch.setattr(tab_module.EodagTab, "quicklook_dir", lambda self: str(tmp_path / "quicklooks"))


def clear_tab_settings():
    from plugin.adapters import settings as plugin_settings
    for name in ("eodag_provider", "eodag_collection", "eodag_bands"):
        plugin_settings.set(name, plugin_settings.DEFAULTS[name])


def make_dock(qgis_iface, tmp_path):
    clear_tab_settings()
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(AOI_EXTENT)
    manager = JobManager(store_path=str(tmp_path / "jobs.json"))
    dock = DownloadDock(qgis_iface, manager)
    dock.ui.outputDirWidget.setFilePath(str(tmp_path / "out"))
    return dock


@pytest.fixture
def dock(qgis_iface, qgis_new_project, eodag_env, tmp_path):
    widget = make_dock(qgis_iface, tmp_path)
    yield widget
    widget.cleanup()
    plugin_settings.set("output_dir", plugin_settings.DEFAULTS["output_dir"])
    clear_tab_settings()


def ready_tab(dock, authcfg):
    tab = dock.eodag_tab
    tabs = dock.ui.providerTabs
    assert tabs.tabText(tabs.indexOf(tab)) == "eodag"
    tab.load_catalogue()
    wait_until(lambda: tab.catalogue is not None, timeout=30)
    tab.providerCombo.setCurrentText("eodag_sim")
    tab.collectionCombo.setCurrentText("S2_MSI_L2A")
    tab.authSelect.setConfigId(authcfg)
    tab.fromDate.setDate(tab.fromDate.date().fromString("2023-07-01", "yyyy-MM-dd"))
    tab.toDate.setDate(tab.toDate.date().fromString("2023-07-31", "yyyy-MM-dd"))
    tab.cloudSpin.setValue(100)
    tab.bandsEdit.setText("B04,B03,B02")
    return tab


def search(tab):
    assert tab.search() is not None, tab.statusLabel.text()
    wait_until(lambda: tab.search_task is None, timeout=30)


def visible_ids(tab):
    return [tab.products[r].id for r in tab._visible_rows()]


def test_providers_and_collections_come_from_eodag(dock, authcfg):
    tab = ready_tab(dock, authcfg)
    providers = [tab.providerCombo.itemText(i) for i in range(tab.providerCombo.count())]
    assert {"eodag_sim", "cop_dataspace", "earth_search", "wekeo_main"} <= set(providers)
    collections = [tab.collectionCombo.itemText(i) for i in range(tab.collectionCombo.count())]
    assert {"S2_MSI_L2A", "S2_MSI_L1C", "S2_MSI_L2A_COG"} <= set(collections)
    assert not tab.installLabel.isVisibleTo(tab) and tab.searchButton.isEnabled()


def test_search_quicklooks_footprints_filter_and_download(dock, authcfg, sim):
    tab = ready_tab(dock, authcfg)
    search(tab)
    assert tab.resultsTable.rowCount() == 2, tab.statusLabel.text()
    assert [p.id for p in tab.products] == [ONLINE_L2A, ORDERABLE_L2A]
    assert "2 products found, 1 of them to be ordered" in tab.statusLabel.text()
    status = [tab.resultsTable.item(r, tab_module.COL_STATUS).text() for r in range(2)]
    assert status == ["online", "needs an order"]
    # Quicklooks arrive in the background and become the rows' icons.
    wait_until(lambda: all(not tab.resultsTable.item(r, tab_module.COL_QUICKLOOK).icon().isNull()
                           for r in range(2)), timeout=30)
    assert len(sim.requests_to("GET", "/quicklooks/")) == 2
    # Footprints drawn on the canvas.
    assert set(tab.footprints) == {ONLINE_L2A, ORDERABLE_L2A}
    assert all(b.isVisible() and b.asGeometry().boundingBox().contains(1.28, 43.60) for b in tab.footprints.values())
    # The "needs an order" filter.
    tab.filterCombo.setCurrentIndex(tab_module.FILTER_ORDER)
    assert visible_ids(tab) == [ORDERABLE_L2A]
    assert not tab.footprints[ONLINE_L2A].isVisible() and tab.footprints[ORDERABLE_L2A].isVisible()
    tab.filterCombo.setCurrentIndex(tab_module.FILTER_ONLINE)
    assert visible_ids(tab) == [ONLINE_L2A]
    tab.filterCombo.setCurrentIndex(tab_module.FILTER_ALL)
    # Download the selected (online) product.
    assert not tab.downloadSelectedButton.isEnabled()
    tab.resultsTable.selectRow(0)
    assert tab.downloadSelectedButton.isEnabled()
    assert tab.footprints[ONLINE_L2A].width() == 3
    job = tab.download_selected()
    assert job is not None, tab.statusLabel.text()
    assert job.params["product_ids"] == [ONLINE_L2A] and job.params["authcfg"] == authcfg
    assert PASSWORD not in repr(job.params)
    manager = dock.manager
    wait_until(lambda: manager.store.get(job.id).finished and not manager.active(), timeout=60)
    done = manager.store.get(job.id)
    assert done.state == JobState.DONE, done.error
    group = QgsProject.instance().layerTreeRoot().findGroup(job.title)
    layers = [n.layer() for n in group.findLayers()]
    # the true colour composite alone (its single bands only with the add_single_bands setting), named after the job
    assert [lyr.name() for lyr in layers] == [job.title]
    true_colour = layers[0]
    assert true_colour.source().endswith("S2B_L2A_T31TCJ_20230719_true_colour.vrt")
    assert true_colour.metadata().extent().temporalExtents()[0].begin().toString("yyyy-MM-dd") == "2023-07-19"
    assert true_colour.bandCount() == 3 and true_colour.renderer().type() == "multibandcolor"
    assert sim.orders == {}


def test_download_all_orders_when_asked(dock, authcfg, sim):
    sim.polls_to_done = 1
    tab = ready_tab(dock, authcfg)
    search(tab)
    tab.orderCheck.setChecked(True)
    tab.bandsEdit.setText("B04")
    job = tab.download_all()
    assert job is not None and sorted(job.params["product_ids"]) == sorted([ONLINE_L2A, ORDERABLE_L2A])
    assert job.params["order"] is True
    wait_until(lambda: dock.manager.store.get(job.id).finished and not dock.manager.active(), timeout=60)
    done = dock.manager.store.get(job.id)
    assert done.state == JobState.DONE, done.error
    assert sim.orders[ORDERABLE_L2A] == 1
    assert len(done.outputs) == 2


def test_offline_products_are_flagged_at_submission(dock, authcfg, sim):
    tab = ready_tab(dock, authcfg)
    search(tab)
    job = tab.download_all()
    assert "1 product(s) need an order and will be skipped" in tab.statusLabel.text()
    wait_until(lambda: dock.manager.store.get(job.id).finished and not dock.manager.active(), timeout=60)
    assert dock.manager.store.get(job.id).server["products"][ORDERABLE_L2A]["state"] == "skipped"


def test_cleanup_removes_the_footprints(qgis_iface, qgis_new_project, eodag_env, authcfg, tmp_path):
    dock = make_dock(qgis_iface, tmp_path)
    tab = ready_tab(dock, authcfg)
    search(tab)
    scene = dock.canvas.scene()
    bands = list(tab.footprints.values())
    assert bands and all(b.scene() is scene for b in bands)
    dock.cleanup()
    clear_tab_settings()
    assert tab.footprints == {} and all(b.scene() is None for b in bands)


def test_without_eodag_the_tab_says_how_to_install(qgis_iface, qgis_new_project, eodag_env, monkeypatch, tmp_path):
    monkeypatch.setattr(tab_module, "eodag_installed", lambda: False)
    monkeypatch.setattr(ec, "_eodag_module", None)
    monkeypatch.setitem(sys.modules, "eodag", None)
    dock = make_dock(qgis_iface, tmp_path)
    try:
        tab = dock.eodag_tab
        assert tab.installLabel.isVisibleTo(tab)
        text = tab.installLabel.text()
        assert "pip install" in text and '"eodag=={}"'.format(ec.EODAG_PIN) in text
        assert not tab.searchButton.isEnabled() and not tab.downloadAllButton.isEnabled()
        tab.copy_install_command()
        from qgis.PyQt.QtWidgets import QApplication
        assert QApplication.clipboard().text() == ec.install_command()
    finally:
        dock.cleanup()
        clear_tab_settings()


def test_test_connection_says_whether_the_credentials_are_accepted(dock, authcfg, sim):
    tab = ready_tab(dock, authcfg)
    assert tab.testButton.isEnabled()
    assert tab.test_connection() is not None
    assert tab.testButton.text() == "Stop"                # one check at a time: the button stops it
    assert tab.test_connection() is None
    wait_until(lambda: tab.test_task is None, timeout=30)
    assert "accepted the credentials" in tab.statusLabel.text(), tab.statusLabel.text()
    assert [r["range"] for r in sim.requests_to("GET", "/download/")] == ["bytes=0-0"]
    wrong = store_basic_authcfg("eodag tab wrong", USER, "not-the-password")
    try:
        tab.authSelect.setConfigId(wrong)
        tab.test_connection()
        wait_until(lambda: tab.test_task is None, timeout=30)
        text = tab.statusLabel.text()
        assert "refused the credentials" in text and "401" in text, text
        assert "not-the-password" not in text
    finally:
        QgsApplication.authManager().removeAuthenticationConfig(wrong)


def test_a_search_stopped_while_eodag_waits_leaves_nothing_held(dock, authcfg, sim, tmp_path, monkeypatch):
    """A search stopped while eodag waits on a server that never answers must not keep anything
    (eodag's parse lock, a thread, a process) that the next search waits for (issue 21): the next
    search, on another provider, gives its products at once."""
    import os
    import time
    from tests.qgis.exit_worker import hostile_server
    stuck = hostile_server("silent")
    try:
        yml = tmp_path / "stuck_provider.yml"
        yml.write_text(es.provider_yaml(stuck.base_url, name="stuck_sim"))
        monkeypatch.setenv(ec.PROVIDERS_FILE_ENV, os.pathsep.join([os.environ[ec.PROVIDERS_FILE_ENV], str(yml)]))
        tab = ready_tab(dock, authcfg)
        tab.providerCombo.setCurrentText("stuck_sim")
        tab.collectionCombo.setCurrentText("S2_MSI_L2A")
        assert tab.search() is not None, tab.statusLabel.text()
        wait_until(lambda: len(stuck.log) > 0, timeout=30)     # eodag's search is at the server
        assert tab.search_task is not None          # still waiting for the silent server
        tab.search_stopper.stop()
        wait_until(lambda: tab.search_task is None, timeout=5)
        tab.providerCombo.setCurrentText("eodag_sim")
        tab.collectionCombo.setCurrentText("S2_MSI_L2A")
        started = time.monotonic()
        search(tab)
        took = time.monotonic() - started
        assert ONLINE_L2A in [p.id for p in tab.products], tab.statusLabel.text()
        assert took < 10, took
    finally:
        stuck.stop()
