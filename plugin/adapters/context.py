"""The one factory of :class:`core.runner.RunContext` for the QGIS side.

A job's task, the job manager's server-side cancels and the Processing algorithms all
run a job with the same context: credentials resolved by :func:`credentials.credentials_for`
(in memory only), a requests session with QGIS's proxy and TLS settings, and the plugin's
preferences.  Called on the thread that runs the job (the session and the preferences are
made there, not on the main thread).
"""
from typing import Callable, Optional

from ..core.jobs import Job, JobStore
from ..core.runner import CancelToken, RunContext
from . import network
from . import settings as plugin_settings
from .credentials import credentials_for


def make_context(job: Job, store: Optional[JobStore], *, credentials: Optional[dict] = None,
                 cancel: Optional[CancelToken] = None, progress: Optional[Callable[[float, str], None]] = None,
                 preview=None, discard=None) -> RunContext:
    """A RunContext for ``job``; ``credentials`` are resolved here when not given (may raise EoError)."""
    if credentials is None:
        credentials = credentials_for(job)
    return RunContext(job, store=store, cancel=cancel, progress=progress, credentials=credentials,
                      session=network.make_session(), settings=plugin_settings.core_settings(),
                      preview=preview, discard=discard)
