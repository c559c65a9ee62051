"""The plugin's Python logging, core side: one top logger, and the scope of a job's records.

Core modules log with ``logging.getLogger(__name__)``; their loggers sit under one top
logger, the package's (:data:`TOP`: ``eo_downloader`` when installed, ``plugin`` in the
tests).  A record the user must see is logged with ``extra=USER``.  Every record under it is
redacted before any handler writes it (:mod:`.transfer.http` installs that).  Where the
records go (QGIS message log, message bar, a Processing feedback) is the adapters' business:
:mod:`..adapters.qgis_logging`.

A *scope* marks the records of one run (e.g. a Processing algorithm's job) so a handler
can pick them out; it is kept per thread, and :func:`carry` hands it to the job's worker
threads (a pool's tasks).  Pure Python; no qgis import.
"""
import contextlib
import contextvars
import functools
from typing import Any, Callable, Iterator, Optional

#: The package's logger: every logger of the plugin is below it.
TOP = __name__.split(".")[0]

#: ``extra=USER`` flags a record for the user (the QGIS side shows it in the message bar too).
USER = {"user": True}

_SCOPE: contextvars.ContextVar = contextvars.ContextVar("eo_downloader_log_scope", default=None)


def current_scope() -> Optional[Any]:
    """The scope of the records logged now on this thread (None: no run claims them)."""
    return _SCOPE.get()


@contextlib.contextmanager
def scoped(value: Any) -> Iterator[Any]:
    """Mark the records logged on this thread inside the block with ``value``."""
    token = _SCOPE.set(value)
    try:
        yield value
    finally:
        _SCOPE.reset(token)


def carry(func: Callable) -> Callable:
    """``func`` running in the caller's scope, on whichever thread calls it (pool workers).

    A new thread starts without the caller's scope; wrap what a job hands to its threads.  The
    caller's other context variables come along too (e.g. who hears of the job's retries,
    :func:`.transfer.http.reporting_retries`); each call runs in a copy of them, so pool
    threads may run it at once."""
    context = contextvars.copy_context()

    @functools.wraps(func)
    def run(*args, **kwargs):
        return context.copy().run(func, *args, **kwargs)
    return run
