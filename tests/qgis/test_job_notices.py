"""A job that ends while the user works elsewhere says so in the message bar, with "Add to map" and
"Open folder" (issue 20 item 3)."""
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtWidgets import QPushButton

from plugin.adapters.job_manager import JobManager
from plugin.core.errors import ProviderError
from plugin.core.jobs import Job, JobState
from plugin.core.runner import register_runner
from plugin.gui import job_notices
from plugin.gui.job_notices import JobNotices
from tests.qgis.helpers import wait_until, write_rgb_geotiff


def _done(job, ctx):
    return [write_rgb_geotiff(job.params["out"])]


def _fails(job, ctx):
    raise ProviderError("the server said no")


register_runner("test_notice_done", _done)
register_runner("test_notice_fails", _fails)


def run(iface, tmp_path, provider, panel_visible=False, **fields):
    manager = JobManager(store_path=str(tmp_path / "jobs.json"), task_manager=QgsApplication.taskManager())
    notices = JobNotices(iface, manager, panel_visible=lambda: panel_visible)
    job = Job(provider=provider, params={"out": str(tmp_path / "out.tif")}, title="Field scan",
              output_dir=str(tmp_path), **fields)
    manager.submit(job, credentials={})
    wait_until(lambda: manager.store.get(job.id).finished and not manager.active())
    return manager, notices, job


def buttons(item):
    return {b.text(): b for b in item.findChildren(QPushButton)}



def test_a_finished_job_offers_its_layers_and_folder(tmp_path, qgis_iface, qgis_new_project, monkeypatch):
    opened = []
    monkeypatch.setattr(job_notices.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    manager, notices, job = run(qgis_iface, tmp_path, "test_notice_done", load_layers=False)
    (item,) = bar.items()
    assert "'Field scan' is done." in item.text()
    found = buttons(item)
    assert set(found) == {"Add to map", "Open folder"}
    found["Open folder"].click()
    assert opened == [str(tmp_path)]
    found["Add to map"].click()
    assert [lyr.source() for lyr in QgsProject.instance().mapLayers().values()] == [str(tmp_path / "out.tif")]
    notices.cleanup()


def test_layers_already_on_the_map_are_not_offered_again(tmp_path, qgis_iface, qgis_new_project):
    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    _, notices, _ = run(qgis_iface, tmp_path, "test_notice_done")
    (item,) = bar.items()
    assert set(buttons(item)) == {"Open folder"}
    notices.cleanup()


def test_a_failure_stays_and_nothing_while_the_panel_is_watched(tmp_path, qgis_iface, qgis_new_project):
    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    _, notices, job = run(qgis_iface, tmp_path, "test_notice_fails")
    (item,) = bar.items()
    assert "'Field scan' failed: the server said no" in item.text() and item.duration() == 0
    notices.cleanup()
    bar.clearWidgets()
    (tmp_path / "again").mkdir()
    _, notices, _ = run(qgis_iface, tmp_path / "again", "test_notice_done", panel_visible=True)
    assert bar.items() == []
    notices.cleanup()
