"""QgsTask running a core job (the habits of ARCHITECTURE.md).

``run()`` executes on a worker thread and never lets an exception escape; it
touches no QgsProject, iface or widget.  When the job is done it also opens and
styles the result layers there (:func:`layers.make_layers`: opening a large raster
and computing its stretch takes 40-120 ms each, too long for the main thread) and
moves them to the main thread.  ``finished()`` runs on the main thread and hands
the outcome to the job manager, which adds the layers to the project.

A runner may offer a preview of an output it is still writing
(:meth:`RunContext.preview`, e.g. a VRT of Earth Engine tiles while their
Cloud-Optimized GeoTIFF is built): the task makes that layer here too, named
"<name> (preview)", and emits ``previewReady``; the job manager adds it at once and,
when the job is done, points it at the final file (same layer, same style).  Offered
again for the same output (a preview that grows while the tiles land), the task only
records the new file (``preview_paths``) and emits ``previewReady`` again: the job
manager points the layer already on the map at it.  Scratch folders a preview reads
from are removed only after that (``discard_later``).

:func:`add_task` gives each job its own thread: QgsTaskManager runs tasks on
``QThreadPool.globalInstance()``, which has as many threads as CPU cores and which
the map renderer also uses.  A job mostly waits (network, server-side processing),
so without an extra thread two jobs on a 2-core machine would stop every map
redraw until they end, and a third job would wait for a free slot.
"""
import threading
import time
from typing import Callable, List, Optional

from qgis.core import QgsTask
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtCore import QCoreApplication, QThreadPool

from ..core.errors import CancelledError, EoError
from ..core.i18n import translate
from ..core.job_files import remove_inside
from ..core.runner import CancelToken, run_job
from .context import make_context


PROGRESS_INTERVAL = 0.25   # seconds between progress signals of one task


class JobTask(QgsTask):
    previewReady = pyqtSignal(str, str)     # job id, final output path (see self.previews)

    def __init__(self, job, store, credentials: dict, on_finished: Optional[Callable[["JobTask"], None]] = None):
        super().__init__(job.title or job.id, QgsTask.Flag.CanCancel)
        self.job_id = job.id
        self.store = store
        self._credentials = credentials
        self._on_finished = on_finished
        self.outputs = []
        self.error: Optional[str] = None
        self.cancelled_by_user = False
        self.token = CancelToken(self.isCanceled)
        self.layers: Optional[List] = None     # result layers made in run() (None: not made)
        self._progress_at = 0.0
        self._pool_slot = False
        self.previews = {}                     # final output path -> preview layer (made in run())
        self.preview_paths = {}                # final output path -> the file its preview shows now
        self.discard_later: List[str] = []     # scratch folders previews read from

    def interrupt(self) -> None:
        """Stop because QGIS or the plugin is closing: the job stays resumable."""
        self.token.cancel(CancelToken.SHUTDOWN)
        self.cancel()

    def run(self) -> bool:
        job = self.store.get(self.job_id)
        if job is None:
            self.error = "job {} not found".format(self.job_id)
            return False
        try:
            # the session (QGIS proxy, TLS) and the preferences are made here, on the task's thread
            ctx = make_context(job, self.store, credentials=self._credentials, cancel=self.token,
                               progress=self._progress, preview=self._preview, discard=self._discard)
            self.outputs = run_job(job, ctx)
            self._prepare_layers()
            return True
        except CancelledError as exc:
            self.cancelled_by_user = self.token.reason != CancelToken.SHUTDOWN
            self.error = exc.message
            if self.cancelled_by_user:
                # A task returning False is "Task failed" to QGIS (its task list and notification);
                # a cancel the user asked for and the job recorded as Cancelled is no failure.
                self.setDescription(translate("Tasks", "{} (cancelled)").format(self.description()))
                return True
        except EoError as exc:
            self.error = exc.user_text()
        except Exception as exc:  # never escape run()
            from ..core.transfer.http import redact
            self.error = redact("{}: {}".format(type(exc).__name__, exc))
        finally:
            self._credentials = {}
        return False

    def _progress(self, percent: float, _message: str = "") -> None:
        """Forward progress at most every PROGRESS_INTERVAL seconds (and always 0 and 100 %).

        Each setProgress() is a signal handled on the main thread (task manager, status
        bar, Jobs panel); four downloads reporting 10 times a second each kept it busy.
        """
        now = time.monotonic()
        if percent <= 0.0 or percent >= 100.0 or now - self._progress_at >= PROGRESS_INTERVAL:
            self._progress_at = now
            self.setProgress(percent)

    def _preview(self, path: str, final_path: str) -> bool:
        """Make the preview layer of ``final_path`` here and tell the main thread (RunContext.preview)."""
        if final_path in self.previews:        # a newer file for a preview already made
            self.preview_paths[final_path] = path
            self.previewReady.emit(self.job_id, final_path)
            return True
        job = self.store.get(self.job_id)
        if job is None or not job.load_layers:
            return False
        try:
            from . import layers
            made = layers.make_layers(job, [path])
            if not made:
                return False
            layer = made[0]
            layer.setName(layers.preview_name(final_path))
            layer.moveToThread(QCoreApplication.instance().thread())
        except Exception:     # a preview is a convenience: the job goes on without it
            return False
        self.preview_paths[final_path] = path
        self.previews[final_path] = layer
        self.previewReady.emit(self.job_id, final_path)
        return True

    def _discard(self, folder: str) -> None:
        """RunContext.discard: at once, unless a preview layer reads from the folder (then it is
        recorded in the job, ``server["scratch"]``, so it goes even if QGIS closes first)."""
        if self.previews:
            self.discard_later.append(folder)
            self.store.update(self.job_id, server={"scratch": list(self.discard_later)})
        else:
            job = self.store.get(self.job_id)
            remove_inside(folder, job.output_dir if job is not None else "")

    def _prepare_layers(self) -> None:
        """Open and style the result layers on this worker thread, then hand them to the main thread."""
        job = self.store.get(self.job_id)
        if job is None or not job.load_layers or not job.outputs:
            return
        try:
            from . import layers
            # (an output shown as a preview keeps its layer: the job manager points it at the file)
            made = layers.make_layers(job, [o for o in job.outputs if o not in self.previews])
            main = QCoreApplication.instance().thread()
            for layer in made:
                layer.moveToThread(main)
            self.layers = made
        except Exception:  # the job manager makes them on the main thread instead
            self.layers = None

    def finished(self, result: bool) -> None:
        release_thread(self)
        if self._on_finished is not None:
            self._on_finished(self)


def add_task(task_manager, task: JobTask) -> None:
    """Add ``task`` to ``task_manager`` with one more thread in the global pool for it."""
    pool = QThreadPool.globalInstance()
    pool.setMaxThreadCount(pool.maxThreadCount() + 1)
    task._pool_slot = True
    task_manager.addTask(task)


def release_thread(task: JobTask) -> None:
    """Give back the thread :func:`add_task` added (once)."""
    if getattr(task, "_pool_slot", False):
        task._pool_slot = False
        pool = QThreadPool.globalInstance()
        pool.setMaxThreadCount(max(1, pool.maxThreadCount() - 1))


class FunctionTask(QgsTask):
    """Runs ``func(cancel=token, **kwargs)`` off the main thread; ``done`` is emitted from finished()
    on the main thread.

    ``result`` holds the return value, ``error`` a user-facing message (also when the task was
    stopped: ``stopped`` is then True, ``timed_out`` too when its deadline passed); the arguments
    (which may hold secrets) are dropped once the call is over.

    QGIS cancels every task when it exits and waits for each to return from run(), so run()
    returns within :data:`POLL` seconds of cancel() or of ``deadline`` (seconds from the start
    of the run; None: none), whatever the function is doing:

    * ``token`` (a :class:`CancelToken`) fires then; the function hands it to its requests
      (:func:`..core.transfer.http.send` aborts a request waiting for headers or reading a body) and
      checks it between steps, so its thread ends within about a second;
    * the call itself runs on a daemon thread that run() watches: a function stuck where the
      token cannot reach (inside eodag, a token exchange) is abandoned there, its result ignored.
    """

    done = pyqtSignal(object)
    progressed = pyqtSignal(float, str)     # percent, text: see report()
    POLL = 0.05

    def __init__(self, description, func, key=None, deadline=None, progress=False, **kwargs):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.func = func
        self.key = key
        self.kwargs = kwargs
        if progress:            # the function reports its progress: progress(percent, text)
            self.kwargs["progress"] = self.report
        self.result = None
        self.error = None
        self.deadline = deadline
        self.stopped = False
        self.timed_out = False
        self.token = CancelToken(self._should_stop)
        self.started = threading.Event()    # run() began
        self.ended = threading.Event()      # run() returned
        self._deadline_at = None
        self._lock = threading.Lock()
        self._outcome = None                # (ok, result, error) from the call's thread
        _LIVE.add(self)

    def report(self, percent: float, text: str = "") -> None:
        """The function's progress (from its thread): the task's progress, and ``progressed`` (received on
        the main thread).  Nothing once the call is over or abandoned."""
        if self.token.is_cancelled():
            return
        self.setProgress(max(0.0, min(100.0, float(percent))))
        self.progressed.emit(float(percent), str(text))

    def _should_stop(self) -> bool:
        if self.isCanceled():
            return True
        if self._deadline_at is not None and time.monotonic() >= self._deadline_at:
            self.timed_out = True
            return True
        return False

    def run(self):
        self.started.set()
        try:
            if self.deadline:
                self._deadline_at = time.monotonic() + float(self.deadline)
            called = threading.Event()
            if not self.token.is_cancelled():
                threading.Thread(target=self._call, args=(called,), name="eo-downloader-task",
                                 daemon=True).start()
            while not called.wait(self.POLL):
                if self.token.is_cancelled():
                    break
            fired = self.token.is_cancelled()
            with self._lock:
                outcome, self._outcome = self._outcome, "abandoned"
            self.token.cancel()        # from here on nothing asks this (maybe deleted) QgsTask
            if outcome is not None and (outcome[0] or not fired):
                ok, self.result, self.error = outcome
                return ok
            self._stop_message()
            return False
        finally:
            self.ended.set()

    def _call(self, called):
        kwargs, self.kwargs = self.kwargs, {}
        try:
            outcome = (True, self.func(cancel=self.token, **kwargs), None)
        except EoError as exc:
            outcome = (False, None, exc.user_text())
        except Exception as exc:
            from ..core.transfer.http import redact
            outcome = (False, None, redact("{}: {}".format(type(exc).__name__, exc)))
        finally:
            kwargs.clear()
        with self._lock:
            if self._outcome is None:
                self._outcome = outcome
        called.set()

    def _stop_message(self) -> None:
        self.stopped = True
        if self.timed_out:
            self.error = translate("Tasks", "{task}: no complete answer within {seconds:.0f} s, stopped. The "
                                            "service may be slow or unreachable; try again later.").format(
                task=self.description(), seconds=float(self.deadline))
        else:
            self.error = translate("Tasks", "{task}: stopped.").format(task=self.description())

    def finished(self, result):
        _LIVE.discard(self)
        self.done.emit(self)


#: FunctionTasks made and not finished yet (main thread only): what the plugin's unload stops.
_LIVE = set()


def stop_all(wait: float = 1.0) -> None:
    """Stop every FunctionTask still running or queued, waiting ``wait`` seconds at most (unload)."""
    tasks = list(_LIVE)
    _LIVE.clear()
    stop_tasks(tasks, wait)


def stop_tasks(tasks, wait: float = 0.0) -> None:
    """Cancel ``tasks`` (FunctionTasks; None allowed) without waiting for their ``done``, then wait up
    to ``wait`` seconds in all for those already running to return from run() (each does within
    FunctionTask.POLL of the cancel: this never waits on the network)."""
    live = [t for t in tasks if t is not None]
    for task in live:
        try:
            task.done.disconnect()
        except (TypeError, RuntimeError):
            pass
        try:
            task.cancel()
        except RuntimeError:      # already deleted by the task manager
            pass
    end = time.monotonic() + max(0.0, wait)
    for task in live:
        if task.started.is_set():
            task.ended.wait(max(0.0, end - time.monotonic()))
