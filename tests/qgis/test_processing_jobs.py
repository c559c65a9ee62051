"""Processing runs are jobs like the dock's (issue 20 item 3): they appear in the Jobs panel as they
run, and their layers go into a group of the job, the composite on top."""
import threading

from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsRasterLayer

from plugin.adapters.job_manager import JobManager
from plugin.core.jobs import Job, JobState, JobStore
from plugin.gui.jobs_panel import JobsPanelWidget
from plugin.processing.base import BaseAlgorithm, IntoJobGroup
from tests.qgis.helpers import wait_until, write_rgb_geotiff


def test_a_job_processing_runs_shows_in_the_panel_as_it_changes(tmp_path, qgis_new_project):
    path = str(tmp_path / "jobs.json")
    manager = JobManager(store_path=path)
    panel = JobsPanelWidget(manager)
    try:
        job = Job(provider="ee_download", params={"origin": "processing"}, title="From a model")

        def algorithm():      # what BaseAlgorithm.run_provider_job does, on Processing's thread
            store = JobStore.for_path(path)
            store.add(job)
            store.update(job.id, state=JobState.RUNNING, progress=40.0)
        thread = threading.Thread(target=algorithm)
        thread.start()
        thread.join()
        table = panel.body.jobsTable
        wait_until(lambda: table.rowCount() == 1 and table.item(0, 2).text() == JobState.label(JobState.RUNNING),
                   timeout=3)
        assert table.item(0, 0).text() == "From a model"
    finally:
        panel.cleanup()
        manager.shutdown()


def test_processing_layers_go_into_the_jobs_group(tmp_path, qgis_new_project):
    project = QgsProject.instance()
    job = Job(provider="eodag", params={}, title="Scan 2024-05-03", output_dir=str(tmp_path))
    rgb = write_rgb_geotiff(str(tmp_path / "rgb.tif"))
    context = QgsProcessingContext()
    context.setProject(project)
    BaseAlgorithm().hand_over_layers([rgb], job, context)
    (layer_id,) = context.layersToLoadOnCompletion()
    details = context.layerToLoadOnCompletionDetails(layer_id)
    assert details.name == "Scan 2024-05-03"
    # what Processing does on completion: the layer into the project, then its post-processor
    layer = context.temporaryLayerStore().takeMapLayer(context.getMapLayer(layer_id))
    other = QgsRasterLayer(rgb, "someone else's", "gdal")
    project.addMapLayer(other)
    project.addMapLayer(layer)
    assert isinstance(details.postProcessor(), IntoJobGroup)
    details.postProcessor().postProcessLayer(layer, context, QgsProcessingFeedback())
    root = project.layerTreeRoot()
    group = root.findGroup("Scan 2024-05-03")
    assert group is not None and [n.layer() for n in group.findLayers()] == [layer]
    assert root.findLayer(other.id()).parent() is root
