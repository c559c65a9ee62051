"""Jobs leave QGIS's render threads free, and their result layers are opened off the main thread."""
import threading

from qgis.core import (QgsApplication, QgsMapRendererParallelJob, QgsMapSettings, QgsProject,
                       QgsRasterLayer)
from qgis.PyQt.QtCore import QCoreApplication, QSize, QThreadPool

from plugin.adapters import layers as plugin_layers
from plugin.adapters.job_manager import JobManager
from plugin.core.jobs import Job, JobState
from plugin.core.runner import register_runner
from tests.qgis.helpers import wait_until, write_rgb_geotiff

GATE = threading.Event()
STARTED = []


def _waiting_provider(job, ctx):
    """A job that waits (like a download or a server-side task) until GATE opens."""
    STARTED.append(job.id)
    ctx.set_state(JobState.RUNNING)
    while not GATE.is_set():
        ctx.cancel.sleep(0.02)
    return [write_rgb_geotiff(job.params["out"])]


register_runner("test_waiting", _waiting_provider)


def _manager(tmp_path):
    return JobManager(store_path=str(tmp_path / "jobs.json"), task_manager=QgsApplication.taskManager())


def test_waiting_jobs_do_not_take_the_render_threads(tmp_path, qgis_new_project):
    pool = QThreadPool.globalInstance()
    baseline = pool.maxThreadCount()
    GATE.clear()
    STARTED.clear()
    manager = _manager(tmp_path)
    jobs = [Job(provider="test_waiting", params={"out": str(tmp_path / "r{}.tif".format(i))},
                title="wait {}".format(i), output_dir=str(tmp_path)) for i in range(baseline + 1)]
    try:
        for job in jobs:
            manager.submit(job, credentials={})
        # every job runs at once: none waits for a free thread
        wait_until(lambda: len(STARTED) == len(jobs), timeout=10)
        # and a map render (QtConcurrent on the same global pool) still completes meanwhile
        layer = QgsRasterLayer(write_rgb_geotiff(tmp_path / "map.tif"), "map", "gdal")
        settings = QgsMapSettings()
        settings.setLayers([layer])
        settings.setExtent(layer.extent())
        settings.setDestinationCrs(layer.crs())
        settings.setOutputSize(QSize(100, 100))
        render = QgsMapRendererParallelJob(settings)
        render.start()
        wait_until(lambda: not render.isActive(), timeout=5)
        assert all(manager.store.get(j.id).state == JobState.RUNNING for j in jobs)
    finally:
        GATE.set()
    wait_until(lambda: not manager.active(), timeout=10)
    assert all(manager.store.get(j.id).state == JobState.DONE for j in jobs)
    assert pool.maxThreadCount() == baseline


def test_result_layers_are_made_in_the_task_and_handed_to_the_main_thread(tmp_path, qgis_new_project,
                                                                          monkeypatch):
    made_in = []
    make_layers = plugin_layers.make_layers

    def recording(job, paths):
        made_in.append(threading.current_thread())
        return make_layers(job, paths)
    monkeypatch.setattr(plugin_layers, "make_layers", recording)
    GATE.set()
    manager = _manager(tmp_path)
    job = Job(provider="test_waiting", params={"out": str(tmp_path / "rgb.tif")}, title="Layers",
              output_dir=str(tmp_path))
    manager.submit(job, credentials={})
    wait_until(lambda: not manager.active() and manager.loaded_layers.get(job.id), timeout=10)
    assert made_in and all(t is not threading.main_thread() for t in made_in)
    group = QgsProject.instance().layerTreeRoot().findGroup("Layers")
    loaded = [node.layer() for node in group.findLayers()]
    assert len(loaded) == 1 and loaded[0].isValid()
    main = QCoreApplication.instance().thread()
    assert loaded[0].thread() == main and loaded[0].dataProvider().thread() == main
    assert loaded[0].renderer().type() == "multibandcolor"
