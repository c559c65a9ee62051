"""How a provider job runs, whoever runs it (QgsTask, Processing, tests).

A provider registers a *runner*: ``runner(job, ctx) -> list of output paths``.
The runner must be resumable from ``job.server``: whatever server-side id it
obtains (EOSDA task id, Earth Engine operation, ...) it saves with
``ctx.save_server(...)`` *before* waiting on it, so a restart polls the same
server-side job instead of creating a second one.
"""
import time
from typing import Any, Callable, Dict, List, Optional

from .errors import CancelledError
from .jobs import Job, JobState, JobStore


class CancelToken:
    """Cooperative cancellation shared by the runner, the transfer engine and the task."""

    USER = "user"
    SHUTDOWN = "shutdown"

    def __init__(self, is_cancelled: Optional[Callable[[], bool]] = None):
        self._flag = False
        self._external = is_cancelled
        self.reason = self.USER

    def cancel(self, reason: str = USER) -> None:
        """Cancel; ``reason`` SHUTDOWN means QGIS is closing and the job must stay resumable."""
        self.reason = reason
        self._flag = True

    def is_cancelled(self) -> bool:
        if self._flag:
            return True
        if self._external is not None and self._external():
            self._flag = True
        return self._flag

    def raise_if_cancelled(self) -> None:
        if self.is_cancelled():
            from .i18n import translate
            raise CancelledError(translate("Jobs", "Cancelled by the user."))

    def sleep(self, seconds: float, step: float = 0.1) -> None:
        """Sleep up to ``seconds``, waking within ``step`` of a cancel."""
        end = time.monotonic() + max(0.0, seconds)
        while True:
            self.raise_if_cancelled()
            left = end - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(step, left))


class RunContext:
    """What a runner gets besides its job: cancel, progress, persistence, credentials."""

    def __init__(self, job: Job, store: Optional[JobStore] = None, cancel: Optional[CancelToken] = None,
                 progress: Optional[Callable[[float, str], None]] = None,
                 credentials: Optional[Dict[str, Any]] = None,
                 session=None, settings: Optional[Dict[str, Any]] = None,
                 preview: Optional[Callable[[str, str], None]] = None,
                 discard: Optional[Callable[[str], None]] = None):
        self.job = job
        self._preview = preview
        self._discard = discard
        self._session = session
        self.settings = settings or {}         # preferences (base URLs, timeouts, limits), no secrets
        self.summary = ""                      # the finished job's message (default: "Done")
        self.store = store
        self.cancel = cancel or CancelToken()
        self._progress = progress
        self.credentials = credentials or {}   # in memory only, never persisted

    def setting(self, key: str, default: Any = None) -> Any:
        """A preference of :attr:`settings`, or ``default`` when it is unset or empty."""
        value = self.settings.get(key)
        return default if value is None or value == "" else value

    @property
    def output_dir(self) -> str:
        """The job's own folder (decided when the job was made: :func:`core.output.new_job`)."""
        if not self.job.output_dir:
            from .errors import ParameterError
            from .i18n import translate
            raise ParameterError(translate("Jobs", "No output folder is set."))
        return self.job.output_dir

    @property
    def session(self):
        """The requests session to use (proxy, TLS and User-Agent applied by whoever made it)."""
        if self._session is None:
            from .transfer.http import make_session
            self._session = make_session()
        return self._session

    def _update(self, persist: bool = True, **changes) -> None:
        if self.store is not None and self.job.id in self.store:
            self.job = self.store.update(self.job.id, persist=persist, **changes)
        else:
            for key, value in changes.items():
                if key == "server":
                    self.job.server.update(value)
                else:
                    setattr(self.job, key, value)

    def save_server(self, **ids) -> None:
        """Persist server-side identifiers at once (before waiting on them)."""
        self._update(server=ids)

    def set_state(self, state: str, message: str = "") -> None:
        self._update(state=state, message=message, **self._retried())

    def progress(self, percent: float, message: str = "") -> None:
        percent = max(0.0, min(100.0, float(percent)))
        self._update(persist=False, progress=percent, message=message or self.job.message, **self._retried())
        if self._progress is not None:
            self._progress(percent, message)

    def retrying(self, attempt: int, attempts: int) -> None:
        """A request of the job waits to be tried again (:func:`.transfer.http.reporting_retries`):
        the Jobs panel says so until the job's next progress or state."""
        self._update(persist=False, retry=[int(attempt), int(attempts)])

    def _retried(self) -> Dict[str, Any]:
        """The change that ends a "Retrying" (progress again: the request went through)."""
        return {"retry": None} if self.job.retry else {}

    @property
    def shows_previews(self) -> bool:
        """Whether an offered :meth:`preview` can be shown (a QGIS task; not ``qgis_process`` nor a
        script): a runner need not write a preview nobody sees."""
        return self._preview is not None

    def preview(self, path: str, final_path: str) -> bool:
        """Offer ``path`` (e.g. a VRT of the downloaded tiles) as a stand-in for the output
        ``final_path`` that the job is still writing.  The QGIS task shows it on the map at
        once and points the layer at ``final_path`` when the job is done (or removes it when
        the job fails); elsewhere this does nothing.  ``path`` must stay readable until the
        job ends: put it in a folder given to :meth:`discard`.  Offered again for the same
        ``final_path`` (a preview that grows while the pieces land), the layer already shown is
        pointed at the new ``path``: give each offer a file of its own, since GDAL writes a VRT
        it has open back to its path when it closes it.  Returns whether it is shown."""
        if self._preview is not None:
            return bool(self._preview(path, final_path))
        return False

    def discard(self, folder: str) -> None:
        """Remove a scratch folder of the job: now, or once no preview reads from it."""
        if self._discard is not None:
            self._discard(folder)
        else:
            from .job_files import remove_inside
            remove_inside(folder, self.job.output_dir)      # only inside the job's own folder


class Detached(Exception):
    """Raised by a runner that started server-side work and does not wait for it.

    :func:`run_job` records the job as RUNNING (not DONE, not failed) with
    ``message`` and ``server["detached"] = True``, and returns ``[]``.  The
    server-side ids are already saved, so running the job again (Jobs panel
    retry, or the resume after a restart) follows the server-side work to its end.
    """

    def __init__(self, message: str = ""):
        super().__init__(message)
        self.message = message


def is_detached(job: Job) -> bool:
    """Whether ``job`` was left running server-side without a local runner following it."""
    return not job.finished and bool((job.server or {}).get("detached"))


Runner = Callable[[Job, RunContext], List[str]]
_RUNNERS: Dict[str, Runner] = {}


def register_runner(provider: str, runner: Runner) -> None:
    _RUNNERS[provider] = runner


#: provider -> ``cancel(job, ctx)``: stops the job's server-side work when no local runner follows it.
_REMOTE_CANCELLERS: Dict[str, Runner] = {}


def register_remote_cancel(provider: str, func: Runner) -> None:
    _REMOTE_CANCELLERS[provider] = func


def cancel_remote(job: Job, ctx: "RunContext") -> bool:
    """Cancel ``job``'s server-side work (e.g. a detached Earth Engine export) and record it CANCELLED.

    Returns False when the provider has no server-side work to cancel (the job is
    then only marked cancelled by the caller).
    """
    get_runner(job.provider)              # providers register their hooks on import
    func = _REMOTE_CANCELLERS.get(job.provider)
    if func is None:
        return False
    func(job, ctx)
    from .i18n import translate
    ctx._update(state=JobState.CANCELLED, message=translate("Jobs", "Cancelled by the user."),
                server={"detached": False})
    return True


def get_runner(provider: str) -> Runner:
    if provider not in _RUNNERS:
        # Providers register on import; import the one needed here.
        from . import providers
        providers.load(provider)
    return _RUNNERS[provider]


def check_output_dir(folder: str) -> None:
    """The job's output folder exists (made if needed) and can be written to, else ParameterError.

    Checked before anything is sent: a server-side job must not be started for results
    that cannot be saved (an unwritable, read-only or vanished folder).
    """
    if not folder:
        return
    import os
    from .errors import ParameterError
    from .i18n import translate
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise ParameterError(translate("Processing", "The output folder '{}' cannot be created: {}").format(
            folder, exc.strerror or exc)) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ParameterError(translate("Processing", "The output folder '{}' is not writable.").format(folder))


def run_job(job: Job, ctx: RunContext) -> List[str]:
    """Run (or resume) ``job`` to the end, recording its final state.

    A runner raising :class:`Detached` leaves the job RUNNING (see there); ``[]`` is returned.
    The job is DONE only when every output the runner reports is usable
    (:func:`.raster.check_outputs`: images open with GDAL); else it FAILS in the words of
    whatever the server sent in place of an image, and no output is recorded.
    """
    runner = get_runner(job.provider)
    try:
        ctx.cancel.raise_if_cancelled()
        check_output_dir(job.output_dir)
        if ctx.job.state == JobState.QUEUED:     # it works from here on, whatever the runner says first
            ctx.set_state(JobState.RUNNING, JobState.label(JobState.RUNNING))
        elif ctx.job.retry:                      # (a run QGIS closed while it waited to retry)
            ctx._update(retry=None)
        if (ctx.job.server or {}).get("detached"):
            ctx.save_server(detached=False)     # followed again from here on
        from .transfer.http import reporting_retries
        with reporting_retries(ctx.retrying):
            outputs = runner(job, ctx)
        from .raster import check_outputs
        check_outputs(outputs)                  # done means usable: every output opens
    except Detached as exc:
        ctx._update(state=JobState.RUNNING, error="", message=exc.message, server={"detached": True}, retry=None)
        return []
    except CancelledError as exc:
        if ctx.cancel.reason != CancelToken.SHUTDOWN:
            ctx._update(state=JobState.CANCELLED, error="", message=exc.message, retry=None)
        raise
    except Exception as exc:  # recorded, then re-raised for the caller to report
        from .errors import EoError
        text = exc.user_text() if isinstance(exc, EoError) else "{}: {}".format(type(exc).__name__, exc)
        from .transfer.http import redact
        ctx._update(state=JobState.FAILED, error=redact(text), message=redact(text), retry=None)
        raise
    ctx._update(state=JobState.DONE, progress=100.0, outputs=list(outputs), error="", retry=None,
                message=ctx.summary or JobState.label(JobState.DONE))
    return outputs
