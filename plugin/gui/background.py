"""Running one call off the main thread, its outcome handed back on the main thread."""
from qgis.core import QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ..core.errors import EoError


class FunctionTask(QgsTask):
    """Runs ``func(**kwargs)`` on a worker thread; ``done`` is emitted from finished() on the main thread.

    ``result`` holds the return value, ``error`` a user-facing message; the
    arguments (which may hold secrets) are dropped once the call is over.
    """

    done = pyqtSignal(object)

    def __init__(self, description, func, key=None, **kwargs):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.func = func
        self.key = key
        self.kwargs = kwargs
        self.result = None
        self.error = None

    def run(self):
        try:
            self.result = self.func(**self.kwargs)
            return True
        except EoError as exc:
            self.error = exc.user_text()
        except Exception as exc:
            from ..core.http import redact
            self.error = redact("{}: {}".format(type(exc).__name__, exc))
        finally:
            self.kwargs = {}
        return False

    def finished(self, result):
        self.done.emit(self)
