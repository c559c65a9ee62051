"""The job manager: submits jobs as QgsTasks, resumes unfinished ones, loads results.

All its methods run on the main thread.  The store is the single record of
every job; the manager only keeps the running tasks.
"""
import logging
import os
import threading
from typing import Dict, List, Optional

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..core.errors import EoError
from ..core.i18n import translate
from ..core.job_files import remove_inside, scratch_folders
from ..core.jobs import Job, JobState, JobStore
from ..core.output import make_job_folder
from ..core.runner import is_detached
from .context import make_context
from .credentials import credentials_for
from .qgis_logging import USER
from . import layers
from . import settings as plugin_settings
from .tasks import FunctionTask, JobTask, add_task, stop_tasks

DISCARD_DELAY_MS = 3000    # a redraw that started on a preview's files may still be reading them

_log = logging.getLogger(__name__)


def _cancel_on_server(job: Job, ctx, cancel) -> bool:
    """:func:`..core.runner.cancel_remote` with the task's cancel token (worker thread)."""
    from ..core.runner import cancel_remote
    ctx.cancel = cancel
    return cancel_remote(job, ctx)


class JobManager(QObject):
    jobChanged = pyqtSignal(str)
    jobFinished = pyqtSignal(str, bool)

    def __init__(self, store_path: Optional[str] = None, task_manager=None, parent=None):
        super().__init__(parent)
        # one store per file in the process: the Processing algorithms write through it too
        self.store = JobStore.for_path(store_path or plugin_settings.job_store_path())
        self.store.write_behind_main_thread = True    # the GUI never waits for the disk (see JobStore)
        self.store.on_write_error = lambda exc: _log.error(
            translate("Jobs", "Could not save the job list to {}: {}").format(self.store.path, exc), extra=USER)
        # a damaged file, kept aside: the store logged it for the user (core.jobs); nothing more to keep
        self.store.take_problems()
        self.store.on_problem = lambda text: None
        self.task_manager = task_manager or QgsApplication.taskManager()
        self.tasks: Dict[str, JobTask] = {}
        self.cancelling: Dict[str, FunctionTask] = {}   # server-side cancels of jobs no task follows
        self.loaded_layers: Dict[str, List] = {}
        self.preview_layers: Dict[str, Dict[str, str]] = {}   # job id -> {final output path: layer id}
        # Jobs other doors run in this store (Processing algorithms, on their threads) change too:
        # jobChanged for them as well (a signal emitted off the main thread reaches it queued).
        self._store_changed = lambda job: self.jobChanged.emit(job.id)
        self.store.add_listener(self._store_changed)

    # -- submission --------------------------------------------------------------
    def submit(self, job: Job, credentials: Optional[dict] = None) -> Job:
        if not job.output_dir:     # a job made without a folder of its own gets one now
            job.output_dir = make_job_folder(plugin_settings.output_dir(), job.title, job.created)
        if self.store.get(job.id) is None:
            self.store.add(job)
        return self._start(job.id, credentials)

    def _start(self, job_id: str, credentials: Optional[dict] = None) -> Job:
        job = self.store.get(job_id)
        if job_id in self.tasks:
            return job
        try:
            if credentials is None:
                credentials = credentials_for(job)
        except EoError as exc:
            job = self.store.update(job_id, state=JobState.FAILED, error=exc.user_text(), message=exc.message)
            self.jobChanged.emit(job_id)
            self.jobFinished.emit(job_id, False)
            return job
        task = JobTask(job, self.store, credentials, on_finished=self._task_finished)
        task.progressChanged.connect(lambda _p, jid=job_id: self.jobChanged.emit(jid))
        task.previewReady.connect(self._show_preview)
        self.tasks[job_id] = task
        add_task(self.task_manager, task)
        self.jobChanged.emit(job_id)
        return job

    def _show_preview(self, job_id: str, final_path: str) -> None:
        """Add the layer a running job offers for an output it is still writing; when it is already
        there, point it at the newest file the job offered (a growing preview; a layer the user
        removed stays removed)."""
        task = self.tasks.get(job_id)
        job = self.store.get(job_id)
        layer = task.previews.get(final_path) if task is not None else None
        if layer is None or job is None:
            return
        shown = self.preview_layers.setdefault(job_id, {})
        if final_path not in shown:
            layers.load_job_outputs(job, made=[layer])
            shown[final_path] = layer.id()
        newest = task.preview_paths.get(final_path)
        if newest and QgsProject.instance().mapLayer(shown[final_path]) is not None and layer.source() != newest:
            layers.refresh_preview(layer, newest, final_path)

    def _previews_of(self, task: JobTask) -> Dict[str, object]:
        """Final output path -> its preview layer in the project (None: offered but not on the map,
        e.g. removed by the user)."""
        project = QgsProject.instance()
        shown = self.preview_layers.pop(task.job_id, {})
        return {final: project.mapLayer(shown.get(final, "")) for final in task.previews}

    def _discard_later(self, job: Job, folders: List[str], delay_ms: Optional[int] = None) -> None:
        """Remove scratch folders of ``job`` (e.g. a preview read from them), a little later and
        off the main thread, only where they resolve inside the job's output folder; the job's
        record of them (``server["scratch"]``) goes once they are gone."""
        def remove_all():
            if job.id in self.tasks:          # run again meanwhile (retry): its folders are in use
                return
            for folder in folders:
                if not remove_inside(folder, job.output_dir):
                    _log.warning(translate("Jobs", "Did not remove {}: it is not inside the output folder {} "
                                                   "of the job '{}'.").format(folder, job.output_dir, job.title))
            if (job.server or {}).get("scratch") and self.store.get(job.id) is not None:
                self.store.update(job.id, server={"scratch": []})

        def start():
            threading.Thread(target=remove_all, name="eo-downloader-discard", daemon=True).start()
        folders = [f for f in folders if os.path.lexists(f)]
        if folders or (job.server or {}).get("scratch"):
            QTimer.singleShot(DISCARD_DELAY_MS if delay_ms is None else delay_ms, start)

    def _task_finished(self, task: JobTask) -> None:
        self.tasks.pop(task.job_id, None)
        job = self.store.get(task.job_id)
        previews = self._previews_of(task)
        if job is None:
            return
        ok = job.state == JobState.DONE
        if not job.finished and not is_detached(job):
            # Cancelled before it started, or the task was terminated: record it.
            state = JobState.CANCELLED if (task.isCanceled() or task.cancelled_by_user) else JobState.FAILED
            text = task.error or translate("Jobs", "Cancelled by the user.")
            job = self.store.update(job.id, state=state, error=text if state == JobState.FAILED else "",
                                    message=text)
        if ok and job.load_layers:
            self.load_layers(job.id, prepared=task.layers, previews=previews)
        else:
            # a preview of a job that did not finish is not a result
            QgsProject.instance().removeMapLayers([lyr.id() for lyr in previews.values() if lyr is not None])
            if job.state == JobState.FAILED:
                _log.warning(translate("Jobs", "Job '{}' failed: {}").format(job.title, job.error))
        cancelled = scratch_folders(job) if job.state == JobState.CANCELLED else []
        self._discard_later(job, task.discard_later + [f for f in cancelled if f not in task.discard_later])
        self.jobChanged.emit(job.id)
        self.jobFinished.emit(job.id, ok)

    # -- actions from the Jobs panel ------------------------------------------------
    def cancel(self, job_id: str) -> None:
        task = self.tasks.get(job_id)
        if task is not None:
            task.cancel()
            return
        job = self.store.get(job_id)
        if job is None or job.finished or job_id in self.cancelling:
            return
        if job.server and any(v for k, v in job.server.items() if k != "detached"):
            # Server-side work no local task follows (e.g. a detached export): cancel it there, off the main thread.
            self._cancel_remote(job)
            return
        job = self.store.update(job_id, state=JobState.CANCELLED,
                                message=translate("Jobs", "Cancelled by the user."))
        self._discard_later(job, scratch_folders(job), delay_ms=0)
        self.jobChanged.emit(job_id)

    def _cancel_remote(self, job: Job) -> None:
        try:
            credentials = credentials_for(job)
        except EoError as exc:
            self.store.update(job.id, message=exc.user_text())
            self.jobChanged.emit(job.id)
            return
        ctx = make_context(job, self.store, credentials=credentials)
        task = FunctionTask(translate("Jobs", "Cancelling '{}' on the server").format(job.title), _cancel_on_server,
                            key=job.id, deadline=plugin_settings.request_deadline(), job=job, ctx=ctx)
        task.done.connect(self._remote_cancel_done)
        self.cancelling[job.id] = task
        self.task_manager.addTask(task)

    def _remote_cancel_done(self, task) -> None:
        self.cancelling.pop(task.key, None)
        job = self.store.get(task.key)
        if job is not None and not job.finished:
            if task.error:
                self.store.update(job.id, message=task.error)
            else:      # nothing to cancel server-side for this provider
                job = self.store.update(job.id, state=JobState.CANCELLED,
                                        message=translate("Jobs", "Cancelled by the user."))
                self._discard_later(job, scratch_folders(job), delay_ms=0)
        self.jobChanged.emit(task.key)

    def retry(self, job_id: str) -> Optional[Job]:
        job = self.store.get(job_id)
        if job is None or job_id in self.tasks:
            return job
        # Server-side ids are kept so a retry resumes instead of submitting again.
        self.store.update(job_id, state=JobState.QUEUED, error="", progress=0.0,
                          message=translate("Jobs", "Retrying"))
        return self._start(job_id)

    def remove(self, job_id: str) -> None:
        if job_id in self.tasks:
            return
        job = self.store.get(job_id)
        if self.store.remove(job_id):
            self._discard_later(job, scratch_folders(job), delay_ms=0)     # nothing will find them again
        self.jobChanged.emit(job_id)

    @staticmethod
    def clearable(job: Job) -> bool:
        """Can "Clear finished" forget this job?  Finished, and no scratch folder still to
        remove (the record is how the next start finds it)."""
        return job.finished and not (job.server or {}).get("scratch")

    def clear_finished(self) -> int:
        """Forget every clearable job no task still holds (their files stay on disk); returns how many."""
        jobs = [job for job in self.store.list() if self.clearable(job) and job.id not in self.tasks]
        ids = [job.id for job in jobs]
        removed = self.store.remove(*ids)
        for job in jobs:
            self._discard_later(job, scratch_folders(job), delay_ms=0)
        for job_id in ids:
            self.jobChanged.emit(job_id)
        return removed

    def resume_unfinished(self) -> List[str]:
        """Start again every job a previous QGIS session left unfinished (and remove the scratch
        folders finished jobs still list: QGIS closed before their removal)."""
        for job in self.store.list():
            if job.state == JobState.CANCELLED or (job.finished and (job.server or {}).get("scratch")):
                folders = scratch_folders(job)
                if job.state != JobState.CANCELLED:      # a failed job's work folder stays for a retry
                    folders = [f for f in folders if f in (job.server.get("scratch") or [])]
                self._discard_later(job, folders, delay_ms=0)
        resumed = []
        for job in self.store.unfinished():
            if job.id in self.tasks:
                continue
            _log.info(translate("Jobs", "Resuming job '{}' ({}).").format(job.title, JobState.label(job.state)))
            self._start(job.id)
            resumed.append(job.id)
        return resumed

    def load_layers(self, job_id: str, prepared: Optional[List] = None,
                    previews: Optional[Dict[str, object]] = None) -> List:
        """Add the job's result layers to the project (``prepared``: made by the task off the main
        thread; ``previews``: layers already on the map for some outputs, pointed at them now)."""
        job = self.store.get(job_id)
        if job is None:
            return []
        previews = previews or {}
        shown = layers.shown_outputs(job)
        # a preview of an output that is no layer of its own (a single band of the composite) goes
        QgsProject.instance().removeMapLayers([lyr.id() for final, lyr in previews.items()
                                               if lyr is not None and final not in shown])
        previews = {final: lyr for final, lyr in previews.items() if final in shown}
        swapped = [lyr for final, lyr in previews.items()
                   if lyr is not None and layers.replace_preview(lyr, final, shown[final])]
        done = {lyr.source() for lyr in swapped}
        if prepared is None:
            prepared = layers.make_layers(job, [o for o in job.outputs if o not in done])
        else:    # the task made no layer for previewed outputs; one whose preview is gone gets one now
            gone = [o for o in previews if o in job.outputs and o not in done]
            prepared = prepared + (layers.make_layers(job, gone) if gone else [])
        added = layers.load_job_outputs(job, made=prepared) if prepared else []
        self.loaded_layers[job_id] = [lyr.id() for lyr in swapped + added]
        return swapped + added

    def active(self) -> bool:
        return bool(self.tasks or self.cancelling)

    def shutdown(self) -> None:
        """Called on unload: running tasks are cancelled; their jobs stay resumable in the store."""
        self.store.remove_listener(self._store_changed)
        for task in list(self.tasks.values()):
            try:
                task.progressChanged.disconnect()
            except Exception:
                pass
            task._on_finished = None
            task.interrupt()
        self.tasks.clear()
        stop_tasks(list(self.cancelling.values()))   # server-side cancels: the job stays as it was
        self.cancelling.clear()
        # Previews of interrupted jobs go (the resumed job shows its own).
        project = QgsProject.instance()
        ids = [lid for shown in self.preview_layers.values() for lid in shown.values() if project.mapLayer(lid)]
        project.removeMapLayers(ids)
        self.preview_layers.clear()
        self.store.flush()
