"""A running job's preview layer is on the map at once and becomes the result layer (same layer)."""
import os
import threading

import pytest
from qgis.core import QgsApplication, QgsProject

from plugin.adapters import job_manager as jm
from plugin.adapters.job_manager import JobManager
from plugin.core.errors import EoError
from plugin.core.jobs import Job, JobState
from plugin.core.runner import register_runner
from tests.qgis.helpers import wait_until, write_rgb_geotiff

GATE = threading.Event()


def _previewing_provider(job, ctx):
    """Like an Earth Engine tiled download: a preview from a scratch folder, then the final file."""
    scratch = os.path.join(job.output_dir, ".scratch")
    os.makedirs(scratch, exist_ok=True)
    final = job.params["out"]
    ctx.preview(write_rgb_geotiff(os.path.join(scratch, "preview.tif")), final)
    ctx.set_state(JobState.RUNNING)
    while not GATE.is_set():
        ctx.cancel.sleep(0.02)
    if job.params.get("fail"):
        raise EoError("writing the GeoTIFF failed")
    write_rgb_geotiff(final)
    ctx.discard(scratch)
    return [final]


register_runner("test_previewing", _previewing_provider)


def _group_layers(title):
    group = QgsProject.instance().layerTreeRoot().findGroup(title)
    return [node.layer() for node in group.findLayers()] if group is not None else []


@pytest.fixture
def manager(tmp_path, monkeypatch):
    monkeypatch.setattr(jm, "DISCARD_DELAY_MS", 0)
    GATE.clear()
    m = JobManager(store_path=str(tmp_path / "jobs.json"), task_manager=QgsApplication.taskManager())
    yield m
    GATE.set()
    wait_until(lambda: not m.active(), timeout=10)
    m.shutdown()


def test_preview_layer_becomes_the_result_layer(tmp_path, qgis_new_project, manager):
    final = str(tmp_path / "result.tif")
    job = Job(provider="test_previewing", params={"out": final}, title="Preview", output_dir=str(tmp_path))
    manager.submit(job, credentials={})
    wait_until(lambda: len(_group_layers("Preview")) == 1, timeout=10)
    preview = _group_layers("Preview")[0]
    assert manager.store.get(job.id).state == JobState.RUNNING
    assert preview.name() == "result (preview)" and preview.isValid()
    assert preview.source() == str(tmp_path / ".scratch" / "preview.tif")
    assert preview.renderer().type() == "multibandcolor"
    red = preview.renderer().redContrastEnhancement().maximumValue()
    GATE.set()
    wait_until(lambda: not manager.active() and manager.loaded_layers.get(job.id), timeout=10)
    assert manager.store.get(job.id).state == JobState.DONE
    layers = _group_layers("Preview")
    assert [lyr.id() for lyr in layers] == [preview.id()]          # the same layer, not a second one
    # named as the result is (the job's title) once it is the result
    assert preview.source() == final and preview.name() == "Preview" and preview.isValid()
    assert preview.renderer().type() == "multibandcolor"
    assert preview.renderer().redContrastEnhancement().maximumValue() == red   # its style kept
    assert manager.loaded_layers[job.id] == [preview.id()]
    wait_until(lambda: not os.path.exists(str(tmp_path / ".scratch")), timeout=10)


def test_preview_of_a_failed_job_is_removed(tmp_path, qgis_new_project, manager):
    job = Job(provider="test_previewing", params={"out": str(tmp_path / "r.tif"), "fail": True},
              title="Failing", output_dir=str(tmp_path))
    manager.submit(job, credentials={})
    wait_until(lambda: len(_group_layers("Failing")) == 1, timeout=10)
    GATE.set()
    wait_until(lambda: not manager.active(), timeout=10)
    assert manager.store.get(job.id).state == JobState.FAILED
    assert _group_layers("Failing") == [] and not QgsProject.instance().mapLayers()
    assert not os.path.exists(str(tmp_path / "r.tif"))


def test_preview_removed_by_the_user_still_gives_the_result(tmp_path, qgis_new_project, manager):
    final = str(tmp_path / "kept.tif")
    job = Job(provider="test_previewing", params={"out": final}, title="Removed", output_dir=str(tmp_path))
    manager.submit(job, credentials={})
    wait_until(lambda: len(_group_layers("Removed")) == 1, timeout=10)
    QgsProject.instance().removeMapLayer(_group_layers("Removed")[0].id())
    GATE.set()
    wait_until(lambda: not manager.active() and manager.loaded_layers.get(job.id), timeout=10)
    layers = _group_layers("Removed")
    assert len(layers) == 1 and layers[0].source() == final and layers[0].name() == "Removed"   # the job's title


def test_previews_of_jobs_interrupted_by_closing_are_removed(tmp_path, qgis_new_project, manager):
    job = Job(provider="test_previewing", params={"out": str(tmp_path / "i.tif")}, title="Closing",
              output_dir=str(tmp_path))
    manager.submit(job, credentials={})
    wait_until(lambda: len(_group_layers("Closing")) == 1, timeout=10)
    manager.shutdown()                     # QGIS closing: the job stays resumable
    assert _group_layers("Closing") == [] and not QgsProject.instance().mapLayers()
    assert not manager.store.get(job.id).finished


def test_scratch_folders_left_by_a_closed_session_are_removed_at_start(tmp_path, qgis_new_project, manager):
    final = str(tmp_path / "s.tif")
    job = Job(provider="test_previewing", params={"out": final}, title="Scratch", output_dir=str(tmp_path))
    manager.submit(job, credentials={})
    wait_until(lambda: len(_group_layers("Scratch")) == 1, timeout=10)
    GATE.set()
    wait_until(lambda: not manager.active() and manager.loaded_layers.get(job.id), timeout=10)
    # recorded in the job while it waited for its removal
    scratch = str(tmp_path / ".scratch")
    wait_until(lambda: not os.path.exists(scratch), timeout=10)
    wait_until(lambda: manager.store.get(job.id).server.get("scratch") == [], timeout=10)
    # a session that closed before the removal: the record is there, so is the folder
    os.makedirs(scratch)
    manager.store.update(job.id, server={"scratch": [scratch]})
    assert manager.store.flush()           # that session closed (unloading the plugin flushes the store)
    later = JobManager(store_path=manager.store.path, task_manager=QgsApplication.taskManager())
    assert later.resume_unfinished() == []
    wait_until(lambda: not os.path.exists(scratch), timeout=10)
    wait_until(lambda: later.store.get(job.id).server.get("scratch") == [], timeout=10)
