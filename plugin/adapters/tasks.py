"""QgsTask running a core job (the habits of ARCHITECTURE.md).

``run()`` executes on a worker thread and never lets an exception escape; it
touches no QgsProject, iface or widget.  ``finished()`` runs on the main thread
and hands the outcome to the job manager, which loads the layers.
"""
from typing import Callable, Optional

from qgis.core import QgsTask

from ..core.errors import CancelledError, EoError
from ..core.runner import CancelToken, RunContext, run_job


class JobTask(QgsTask):
    def __init__(self, job, store, credentials: dict, session, settings: dict,
                 on_finished: Optional[Callable[["JobTask"], None]] = None):
        super().__init__(job.title or job.id, QgsTask.Flag.CanCancel)
        self.job_id = job.id
        self.store = store
        self._credentials = credentials
        self._session = session
        self._settings = settings
        self._on_finished = on_finished
        self.outputs = []
        self.error: Optional[str] = None
        self.cancelled_by_user = False
        self.token = CancelToken(self.isCanceled)

    def interrupt(self) -> None:
        """Stop because QGIS or the plugin is closing: the job stays resumable."""
        self.token.cancel(CancelToken.SHUTDOWN)
        self.cancel()

    def run(self) -> bool:
        job = self.store.get(self.job_id)
        if job is None:
            self.error = "job {} not found".format(self.job_id)
            return False
        ctx = RunContext(job, store=self.store, cancel=self.token,
                         progress=lambda percent, _message="": self.setProgress(percent),
                         credentials=self._credentials, session=self._session, settings=self._settings)
        try:
            self.outputs = run_job(job, ctx)
            return True
        except CancelledError as exc:
            self.cancelled_by_user = self.token.reason != CancelToken.SHUTDOWN
            self.error = exc.message
        except EoError as exc:
            self.error = exc.user_text()
        except Exception as exc:  # never escape run()
            from ..core.http import redact
            self.error = redact("{}: {}".format(type(exc).__name__, exc))
        finally:
            self._credentials = {}
        return False

    def finished(self, result: bool) -> None:
        if self._on_finished is not None:
            self._on_finished(self)
