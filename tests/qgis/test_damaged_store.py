"""The job manager and the plugin start with a damaged or tampered jobs.json, and delete nothing outside a job's folder."""
import json
import threading
import os

import pytest
from qgis.core import Qgis, QgsApplication

from plugin.adapters import qgis_logging
from plugin.adapters import settings as plugin_settings
from plugin.adapters.job_manager import JobManager
from plugin.core.jobs import Job, JobState
from tests.qgis.helpers import flush_deletes, wait_until


def _record(title, state=JobState.DONE, **kw):
    return Job(provider="x", params={}, title=title, state=state, **kw).to_dict()


def _write(path, jobs_value):
    with open(str(path), "w", encoding="utf-8") as handle:
        json.dump({"version": 1, "jobs": jobs_value}, handle)


@pytest.fixture
def messages(qgis_iface):
    seen = []

    def keep(message, tag, level):
        seen.append(message)
    QgsApplication.messageLog().messageReceived.connect(keep)
    qgis_logging.install(qgis_iface)           # as initGui does: the plugin's records in the message log
    yield seen
    qgis_logging.uninstall()
    QgsApplication.messageLog().messageReceived.disconnect(keep)


@pytest.fixture
def folders(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    user = tmp_path / "some-user-folder"
    user.mkdir()
    (user / "precious.txt").write_text("keep me")
    return out, user


def _manager(path):
    return JobManager(store_path=str(path), task_manager=QgsApplication.taskManager())


def test_the_job_manager_starts_with_a_damaged_store_and_says_so(tmp_path, messages, qgis_new_project, qgis_iface):
    qgis_iface.messageBar().clear_messages()
    path = tmp_path / "jobs.json"
    sound = _record("sound")
    _write(path, [sound, "not a job", dict(_record("escape"), id="../../x"), {"provider": "x"}])
    manager = _manager(path)
    assert manager.resume_unfinished() == []
    assert [j.title for j in manager.store.list()] == ["sound"]
    copies = [n for n in os.listdir(str(tmp_path)) if n.startswith("jobs.json.damaged-")]
    assert len(copies) == 1
    assert any("damaged" in m and copies[0] in m for m in messages)
    # a warning for the user: the message bar shows it too
    assert any("damaged" in m for m in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning))
    manager.shutdown()


def test_tampered_scratch_folders_outside_the_job_folder_are_not_deleted(tmp_path, folders, qgis_new_project):
    out, user = folders
    os.symlink(str(user), str(out / "link"))
    inside = out / "preview-scratch"
    inside.mkdir()
    (inside / "tile.tif").write_text("scratch")
    tampered = _record("tampered", output_dir=str(out), server={"scratch": [
        str(user), str(out / ".." / user.name), str(out / "link"), str(out / "link" / "precious.txt"),
        "/tmp/some-user-folder-that-does-not-exist", str(inside)]})
    path = tmp_path / "jobs.json"
    _write(path, [tampered])
    manager = _manager(path)
    manager.resume_unfinished()              # removes the scratch folders finished jobs still list
    wait_until(lambda: not manager.store.get(tampered["id"]).server.get("scratch"), timeout=10)
    assert not inside.exists()                                    # the job's own scratch folder went
    assert (user / "precious.txt").read_text() == "keep me"       # nothing outside its folder did
    assert os.path.islink(str(out / "link"))
    manager.shutdown()


def test_cancelled_and_removed_jobs_lose_their_scratch_folders(tmp_path, folders, qgis_new_project):
    out, user = folders
    path = tmp_path / "jobs.json"
    cancelled = _record("cancelled", state=JobState.CANCELLED, output_dir=str(out))
    failed = _record("failed", state=JobState.FAILED, output_dir=str(out))
    _write(path, [cancelled, failed])
    for record in (cancelled, failed):
        os.makedirs(str(out / (".ee-" + record["id"]) / "pieces"))
    os.symlink(str(user), str(out / (".ee-" + failed["id"]) / "pieces" / "link"))
    manager = _manager(path)
    manager.resume_unfinished()              # a cancelled job's work folder is an orphan
    wait_until(lambda: not (out / (".ee-" + cancelled["id"])).exists(), timeout=10)
    assert (out / (".ee-" + failed["id"])).exists()            # a failed one's stays for a retry
    manager.remove(failed["id"])             # ... until the job is removed
    wait_until(lambda: not (out / (".ee-" + failed["id"])).exists(), timeout=10)
    assert (user / "precious.txt").read_text() == "keep me"
    queued = manager.store.add(Job(provider="x", params={}, title="queued", output_dir=str(out)))
    os.makedirs(str(out / (".ee-" + queued.id)))
    manager.cancel(queued.id)                # cancelled before any task ran it
    wait_until(lambda: not (out / (".ee-" + queued.id)).exists(), timeout=10)
    manager.shutdown()


def test_the_plugin_starts_with_a_damaged_store(tmp_path, monkeypatch, qgis_iface, messages):
    path = tmp_path / "profile" / "jobs.json"
    path.parent.mkdir()
    path.write_text('{"version": 1, "jobs": {"a": 5}}')           # "jobs" as an object
    monkeypatch.setattr(plugin_settings, "job_store_path", lambda: str(path))
    from plugin import classFactory
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        plugin._resume()
        assert plugin.manager.store.list() == []
        assert any("damaged" in m for m in messages)
    finally:
        plugin.unload()
        flush_deletes()


def test_a_job_run_again_before_the_removal_keeps_its_work_folder(tmp_path, folders, monkeypatch,
                                                                  qgis_new_project):
    out, _ = folders
    manager = _manager(tmp_path / "jobs.json")
    job = manager.store.add(Job(provider="x", params={}, title="again", output_dir=str(out),
                                state=JobState.CANCELLED))
    work = out / (".ee-" + job.id)
    work.mkdir()
    threads = []
    real_thread = threading.Thread

    def recording(*args, **kwargs):
        thread = real_thread(*args, **kwargs)
        if thread.name == "eo-downloader-discard":
            threads.append(thread)
        return thread
    monkeypatch.setattr(threading, "Thread", recording)
    manager._discard_later(job, [str(work)], delay_ms=20)
    manager.tasks[job.id] = object()        # retried meanwhile: a task runs it again
    wait_until(lambda: threads, timeout=10)
    monkeypatch.undo()
    threads[0].join(10)
    assert work.exists()
    del manager.tasks[job.id]
    manager.shutdown()
