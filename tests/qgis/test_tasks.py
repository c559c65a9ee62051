"""Jobs as QgsTasks: progress, cancel within a second, layers on the main thread, resume after restart."""
import threading
import time

from qgis.core import QgsApplication, QgsMultiBandColorRenderer, QgsProject, QgsTask

from plugin.adapters.job_manager import JobManager
from plugin.core.jobs import Job, JobState
from plugin.core.runner import register_runner
from tests.qgis.helpers import wait_until, write_rgb_geotiff

CREATED = []          # server-side "jobs" created by the fake provider below
MAIN_THREAD = threading.main_thread()


def _fake_server_provider(job, ctx):
    """A provider with a server-side job: create once, then poll until told to finish."""
    assert threading.current_thread() is not MAIN_THREAD
    if "remote" not in job.server:
        CREATED.append(job.id)
        ctx.save_server(remote="R{}".format(len(CREATED)))
    ctx.set_state(JobState.RUNNING)
    for i in range(1000):
        ctx.progress(i / 10.0)
        if job.params.get("finish_after") is not None and i >= job.params["finish_after"]:
            break
        ctx.cancel.sleep(0.02)
    path = write_rgb_geotiff(job.params["out"])
    return [path]


register_runner("test_server", _fake_server_provider)


def _manager(tmp_path):
    return JobManager(store_path=str(tmp_path / "jobs.json"), task_manager=QgsApplication.taskManager())


def test_job_runs_and_layers_load_in_a_group(tmp_path, qgis_new_project):
    manager = _manager(tmp_path)
    job = Job(provider="test_server", params={"finish_after": 5, "out": str(tmp_path / "rgb.tif")},
              title="My job", output_dir=str(tmp_path))
    manager.submit(job, credentials={})
    wait_until(lambda: manager.store.get(job.id).finished and not manager.active())
    done = manager.store.get(job.id)
    assert done.state == JobState.DONE and done.outputs == [str(tmp_path / "rgb.tif")]
    group = QgsProject.instance().layerTreeRoot().findGroup("My job")
    assert group is not None
    layers = [node.layer() for node in group.findLayers()]
    assert len(layers) == 1 and layers[0].isValid()
    assert isinstance(layers[0].renderer(), QgsMultiBandColorRenderer)
    assert (layers[0].renderer().redBand(), layers[0].renderer().greenBand(), layers[0].renderer().blueBand()) \
        == (1, 2, 3)
    assert "test_server" in layers[0].metadata().abstract()


def test_cancel_takes_effect_within_a_second_and_loads_nothing(tmp_path, qgis_new_project):
    manager = _manager(tmp_path)
    job = Job(provider="test_server", params={"out": str(tmp_path / "never.tif")}, title="Cancel me")
    manager.submit(job, credentials={})
    wait_until(lambda: manager.store.get(job.id).state == JobState.RUNNING)
    start = time.monotonic()
    manager.cancel(job.id)
    wait_until(lambda: not manager.active(), timeout=5)
    assert time.monotonic() - start < 1.0
    assert manager.store.get(job.id).state == JobState.CANCELLED
    assert not (tmp_path / "never.tif").exists()
    assert QgsProject.instance().layerTreeRoot().findGroup("Cancel me") is None


def test_a_cancel_is_no_failure_to_qgis(tmp_path, qgis_new_project):
    """QGIS calls a task that returns False "Task failed" (task list, notification): a clean cancel
    completes, and its description says it was cancelled."""
    manager = _manager(tmp_path)
    job = Job(provider="test_server", params={"out": str(tmp_path / "never.tif")}, title="Stop me")
    manager.submit(job, credentials={})
    task = manager.tasks[job.id]
    seen = []
    task.statusChanged.connect(lambda status: seen.append((status, task.description())))
    wait_until(lambda: manager.store.get(job.id).state == JobState.RUNNING)
    manager.cancel(job.id)
    wait_until(lambda: not manager.active(), timeout=5)
    assert manager.store.get(job.id).state == JobState.CANCELLED
    assert seen[-1] == (QgsTask.TaskStatus.Complete, "Stop me (cancelled)")
    assert QgsTask.TaskStatus.Terminated not in [status for status, _ in seen]


def test_a_job_is_running_from_its_start_not_queued(tmp_path, qgis_new_project):
    seen = []

    def runner(job, ctx):
        seen.append(ctx.store.get(job.id).state)
        return [write_rgb_geotiff(job.params["out"])]
    register_runner("test_state_at_start", runner)
    manager = _manager(tmp_path)
    job = Job(provider="test_state_at_start", params={"out": str(tmp_path / "s.tif")}, title="Started")
    manager.submit(job, credentials={})
    wait_until(lambda: manager.store.get(job.id).finished and not manager.active())
    assert seen == [JobState.RUNNING]


def test_restart_resumes_the_same_server_job(tmp_path, qgis_new_project):
    CREATED.clear()
    first = _manager(tmp_path)
    job = Job(provider="test_server", params={"out": str(tmp_path / "resumed.tif")}, title="Survivor")
    first.submit(job, credentials={})
    wait_until(lambda: manager_state(first, job.id) == JobState.RUNNING)
    first.shutdown()                      # QGIS closes while the job runs
    wait_until(lambda: QgsApplication.taskManager().countActiveTasks() == 0, timeout=5)
    assert first.store.get(job.id).state == JobState.RUNNING      # not cancelled: resumable
    # Next QGIS session: a new manager reading the same store.
    second = _manager(tmp_path)
    second.store.update(job.id, params={"finish_after": 3})
    assert second.resume_unfinished() == [job.id]
    wait_until(lambda: second.store.get(job.id).finished and not second.active())
    assert second.store.get(job.id).state == JobState.DONE
    assert CREATED == [job.id]            # the server-side job was created once
    assert second.store.get(job.id).server == {"remote": "R1"}


def manager_state(manager, job_id):
    return manager.store.get(job_id).state


def test_failed_credentials_fail_the_job_with_a_message(tmp_path, monkeypatch):
    monkeypatch.delenv("EO_DOWNLOADER_EOSDA_API_KEY", raising=False)
    manager = _manager(tmp_path)
    job = manager.submit(Job(provider="eosda", params={"view_id": "S2/13/R/EL/2023/7/19/0"}, title="No key"))
    assert job.state == JobState.FAILED
    assert "No EOSDA API key is set" in job.error
