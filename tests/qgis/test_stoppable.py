"""Background requests that can be stopped (issue 21): FunctionTask honours cancel and its deadline
within a fraction of a second whatever the server does, abandons a call its token cannot reach, and
the widgets' buttons turn into "Stop" while their request runs; the eodag catalogue is cached."""
import threading
import time

import pytest
from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsRectangle

from plugin.adapters import settings as plugin_settings
from plugin.adapters.job_manager import JobManager
from plugin.adapters.tasks import FunctionTask, stop_tasks
from plugin.core.providers.eosda import client as eosda
from plugin.core.transfer.http import make_session
from tests.qgis.helpers import wait_until
from tests.sims.faults import Fault, FaultServer, Resource

AOI = {"type": "Polygon", "coordinates": [[[1.0, 43.0], [1.01, 43.0], [1.01, 43.01], [1.0, 43.01], [1.0, 43.0]]]}


@pytest.fixture
def silent():
    with FaultServer() as srv:
        srv.fallback = Resource(data=b"{}", content_type="application/json", always=Fault.stall(before_headers=True))
        yield srv


@pytest.fixture
def trickle():
    with FaultServer() as srv:
        srv.fallback = Resource(data=b'{"results": [' + b" " * 4096 + b"]}", content_type="application/json",
                                always=Fault.trickle(0.5))
        yield srv


def search_task(url, **kwargs):
    return FunctionTask("EOSDA scene search", eosda.search, session=make_session(), base=url, api_key="key-4711",
                        dataset="sentinel2", aoi_geojson_polygon=AOI, date_from="2024-06-01", date_to="2024-06-07",
                        cloud_max=100, **kwargs)


def run(task):
    outcome = []
    task.done.connect(outcome.append)
    QgsApplication.taskManager().addTask(task)
    return outcome


def test_cancel_stops_a_request_waiting_for_headers_at_once(qgis_app, silent):
    task = search_task(silent.base_url)
    outcome = run(task)
    wait_until(lambda: len(silent.log) == 1, timeout=10)
    time.sleep(0.3)
    started = time.monotonic()
    task.cancel()
    assert task.ended.wait(1.0)
    assert time.monotonic() - started < 0.3
    wait_until(lambda: outcome, timeout=5)
    assert task.stopped and not task.timed_out and task.error == "EOSDA scene search: stopped."
    wait_until(lambda: silent.stalls_ended == 1, timeout=2)     # the connection was closed, not left waiting


def test_deadline_gives_up_on_a_trickling_answer_with_a_message(qgis_app, trickle):
    task = search_task(trickle.base_url, deadline=1.0)
    outcome = run(task)
    waited = wait_until(lambda: outcome, timeout=10)
    assert 0.9 < waited < 2.0
    assert task.timed_out and task.result is None
    assert task.error.startswith("EOSDA scene search: no complete answer within 1 s, stopped."), task.error
    wait_until(lambda: trickle.stalls_ended == 1, timeout=2)


def test_a_call_the_token_cannot_reach_is_abandoned(qgis_app):
    release = threading.Event()

    def stuck(cancel):           # like eodag's own request: deaf to the token
        release.wait(30)
        return "late"
    task = FunctionTask("stuck", stuck)
    outcome = run(task)
    wait_until(lambda: task.started.is_set(), timeout=5)
    started = time.monotonic()
    stop_tasks([task], wait=1.0)
    assert time.monotonic() - started < 0.3 and task.ended.is_set()
    release.set()
    time.sleep(0.2)
    assert task.result is None and task.stopped
    assert outcome == []             # stop_tasks disconnected ``done``: the widget that asked is gone


@pytest.fixture
def dock(qgis_iface, qgis_new_project, tmp_path, monkeypatch):
    from plugin.gui.dock import DownloadDock
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(1.0, 43.0, 1.01, 43.01))
    monkeypatch.setenv("EO_DOWNLOADER_EOSDA_API_KEY", "key-4711")
    monkeypatch.setenv("EO_DOWNLOADER_EE_TOKEN", "tok-4711")
    widget = DownloadDock(qgis_iface, JobManager(store_path=str(tmp_path / "jobs.json")))
    yield widget
    widget.cleanup()
    for key in ("ee_api_url", "eosda_api_url", "request_deadline"):
        plugin_settings.set(key, plugin_settings.DEFAULTS[key])


def test_the_eosda_search_button_stops_the_search(dock, silent):
    plugin_settings.set("eosda_api_url", silent.base_url)
    button = dock.eosda_tab.eosdaSearchButton
    idle = button.text()
    button.click()
    assert button.text() == "Stop" and button.isEnabled() and dock.eosda_tab.search_task is not None
    wait_until(lambda: dock.ui.statusLabel.text() == "Searching… 1 s", timeout=3)    # still working, and says so
    button.click()
    wait_until(lambda: dock.eosda_tab.search_task is None, timeout=2)
    assert button.text() == idle and button.isEnabled()
    assert dock.ui.statusLabel.text() == "EOSDA scene search: stopped."


def test_a_description_read_past_its_deadline_says_so(dock, trickle):
    plugin_settings.set("ee_api_url", trickle.base_url)
    plugin_settings.set("request_deadline", 1.0)
    dock.ee_tab.eeImageEdit.setText("COPERNICUS/S2_SR_HARMONIZED/X")
    dock.ee_tab.fetch_image_info()
    assert dock.ee_tab.info_stop_button.isVisibleTo(dock.ee_tab) and dock.ee_tab.info_stop_button.text() == "Stop"
    wait_until(lambda: dock.ee_tab.info_task is None, timeout=5)
    assert not dock.ee_tab.info_stop_button.isVisibleTo(dock.ee_tab)
    info = dock.ee_tab.image_infos["COPERNICUS/S2_SR_HARMONIZED/X"]
    assert "no complete answer within 1 s" in info, info


def test_cleanup_stops_the_dock_requests(dock, silent):
    plugin_settings.set("eosda_api_url", silent.base_url)
    dock.eosda_tab.search_eosda()
    task = dock.eosda_tab.search_task
    wait_until(lambda: len(silent.log) == 1, timeout=10)
    dock.cleanup()
    assert task.ended.wait(0.5) and task.stopped


def test_closing_the_settings_dialog_stops_its_test(qgis_app, silent, monkeypatch):
    from plugin.gui.settings_dialog import SettingsDialog
    monkeypatch.setenv("EO_DOWNLOADER_EOSDA_API_KEY", "key-4711")
    dialog = SettingsDialog()
    dialog.eosdaUrlEdit.setText(silent.base_url)
    dialog.test_eosda()
    task = dialog.test_task
    assert dialog.eosdaTestButton.text() == "Stop" and not dialog.eeTestButton.isEnabled()
    wait_until(lambda: len(silent.log) == 1, timeout=10)
    dialog.reject()
    assert dialog.test_task is None and task.ended.wait(0.5) and task.stopped
