"""Where the plugin's Python log records go in QGIS.

The core logs with ``logging.getLogger(__name__)`` under one top logger
(:data:`..core.logs.TOP`); this module adds the handlers that show those records:

* :class:`MessageLogHandler`: every record (INFO and up) in the QGIS message log, tab
  ``EO Downloader``, at the matching level.  ``QgsMessageLog`` may be called from any thread.
* :class:`MessageBarHandler`: records flagged for the user (``extra={"user": True}``)
  in the main window's message bar.  A worker thread never touches a widget: the record
  is handed to the main thread through a signal (queued when emitted off the main thread).
* :func:`feedback_to`: while a Processing algorithm runs a job, that job's records (its
  worker threads' too, see :func:`..core.logs.carry`) go to the algorithm's feedback.

:func:`install` (``initGui``) and :func:`uninstall` (``unload``) add and remove the first
two; reloading the plugin never leaves two of them.  Every handler added here redacts
its records first (:class:`..core.transfer.http._RedactingFilter`), whatever ran before.
"""
import contextlib
import logging
import threading
from typing import Iterator, List, Optional

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core import logs
from ..core.i18n import translate
from ..core.transfer.http import _RedactingFilter

TAG = "EO Downloader"
USER = logs.USER            # ``extra=USER``: a record for the message bar too

_installed: List[logging.Handler] = []
_saved_level: Optional[int] = None
_level_users = 0            # install() and the running feedback_to() blocks that need INFO records
_lock = threading.Lock()


def top_logger() -> logging.Logger:
    return logging.getLogger(logs.TOP)


def qgis_level(levelno: int):
    """The QGIS message level of a Python logging level."""
    if levelno >= logging.ERROR:
        return Qgis.MessageLevel.Critical
    if levelno >= logging.WARNING:
        return Qgis.MessageLevel.Warning
    return Qgis.MessageLevel.Info


class _Handler(logging.Handler):
    """A handler that redacts before it writes, and never raises into the code that logged."""

    def __init__(self, level: int = logging.INFO):
        super().__init__(level)
        self.addFilter(_RedactingFilter())
        self.setFormatter(logging.Formatter("%(message)s"))


class MessageLogHandler(_Handler):
    def emit(self, record: logging.LogRecord) -> None:
        try:
            QgsMessageLog.logMessage(self.format(record), TAG, qgis_level(record.levelno))
        except Exception:
            self.handleError(record)


class _BarPoster(QObject):
    """Lives on the main thread; ``post`` emitted from any thread runs :meth:`_push` there."""

    post = pyqtSignal(str, int)

    def __init__(self, iface):
        super().__init__()
        self.iface = iface
        self.post.connect(self._push)

    def _push(self, text: str, levelno: int) -> None:
        bar = self.iface.messageBar() if self.iface is not None else None
        if bar is not None:
            bar.pushMessage(translate("EoDownloaderPlugin", "EO Downloader"), text, qgis_level(levelno))


class MessageBarHandler(_Handler):
    """Records with ``user=True`` in the message bar (posted to the main thread)."""

    def __init__(self, iface, level: int = logging.INFO):
        super().__init__(level)
        self.poster = _BarPoster(iface)      # made on the main thread (initGui)

    def filter(self, record: logging.LogRecord) -> bool:
        return bool(getattr(record, "user", False)) and super().filter(record)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.poster.post.emit(self.format(record), record.levelno)
        except Exception:
            self.handleError(record)


class FeedbackHandler(_Handler):
    """The records of one scope (one Processing run) in its feedback."""

    def __init__(self, feedback, scope: object, level: int = logging.INFO):
        super().__init__(level)
        self.feedback = feedback
        self.scope = scope

    def filter(self, record: logging.LogRecord) -> bool:
        # emit() runs on the thread that logged: the scope read now is the record's
        return logs.current_scope() is self.scope and super().filter(record)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
            if record.levelno >= logging.ERROR:
                self.feedback.reportError(text, False)
            elif record.levelno >= logging.WARNING:
                self.feedback.pushWarning(text)
            else:
                self.feedback.pushInfo(text)
        except Exception:
            self.handleError(record)


def _let_info_through() -> None:
    """The top logger passes INFO records (its default, WARNING, would hide the job's lines) while
    anything here needs them: the installed handlers, a Processing run (qgis_process has no initGui)."""
    global _level_users, _saved_level
    top = top_logger()
    with _lock:
        if _level_users == 0:
            _saved_level = top.level
            if top.getEffectiveLevel() > logging.INFO:
                top.setLevel(logging.INFO)
        _level_users += 1


def _done_with_info() -> None:
    global _level_users
    with _lock:
        _level_users = max(0, _level_users - 1)
        if _level_users == 0 and _saved_level is not None:
            top_logger().setLevel(_saved_level)


def install(iface) -> None:
    """Add the message log and message bar handlers (``initGui``); a second call replaces them."""
    uninstall()
    _let_info_through()
    top = top_logger()
    for handler in (MessageLogHandler(), MessageBarHandler(iface)):
        top.addHandler(handler)
        _installed.append(handler)


def uninstall() -> None:
    """Remove what :func:`install` added (``unload``) and give the top logger its level back."""
    top = top_logger()
    # by class name too: a plugin reloaded without unload() made them with classes of its own
    ours = [h for h in top.handlers if type(h).__name__ in ("MessageLogHandler", "MessageBarHandler")]
    was_installed = bool(_installed)
    for handler in _installed + [h for h in ours if h not in _installed]:
        top.removeHandler(handler)
        poster = getattr(handler, "poster", None)
        if poster is not None:
            poster.deleteLater()
    _installed.clear()
    if was_installed:
        _done_with_info()


@contextlib.contextmanager
def feedback_to(feedback) -> Iterator[None]:
    """Inside the block, the records of this thread (and of the threads it hands work to with
    :func:`..core.logs.carry`) also go to the Processing ``feedback``."""
    scope = object()
    handler = FeedbackHandler(feedback, scope)
    top = top_logger()
    _let_info_through()
    top.addHandler(handler)
    try:
        with logs.scoped(scope):
            yield
    finally:
        top.removeHandler(handler)
        _done_with_info()
