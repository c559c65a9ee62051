"""A button that starts a background request and is its "Stop" button while the request runs."""
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QObject, QTimer

from ..core.i18n import translate


class TaskButton(QObject):
    """Wraps ``button``: a click calls ``start`` while no task is watched, and stops the watched task
    otherwise.  While a task runs the button reads "Stop" and ``status`` (a callable taking a text,
    or None) shows the task's text with the seconds elapsed, once a second, so a long wait is seen
    to be one.  The button gets its own text back when the task ends, however it ends (done,
    failed, stopped, past its deadline).  ``hide_when_idle``: a button shown only while a task runs.
    """

    def __init__(self, button, start=None, status=None, hide_when_idle=False):
        super().__init__(button)
        self.button = button
        self._start = start
        self._status = status
        self._hide = hide_when_idle
        self._idle_text = button.text()
        self._idle_tip = button.toolTip()
        self.task = None
        self._text = ""
        self._seconds = 0
        self._was_enabled = True
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        button.clicked.connect(self._clicked)
        if hide_when_idle:
            button.setVisible(False)

    @property
    def running(self) -> bool:
        return self.task is not None

    def _clicked(self, *_args):
        if self.task is not None:
            self.stop()
        elif self._start is not None:
            self._start()

    def watch(self, task, text: str = "") -> None:
        """Be ``task``'s Stop button until it ends (connect before the task is added to a task manager)."""
        self.task = task
        self._text = text
        self._seconds = 0
        self._was_enabled = self.button.isEnabled()
        task.done.connect(self._ended)
        self.button.setText(translate("TaskButton", "Stop"))
        self.button.setToolTip(translate("TaskButton", "Stop: {}").format(task.description()))
        self.button.setEnabled(True)
        self.button.setVisible(True)
        self.timer.start()
        self._show()

    def start(self, task, text: str, done):
        """Watch ``task`` (:meth:`watch`), call ``done(task)`` when it ends, hand it to QGIS's task
        manager; the task."""
        self.watch(task, text)
        task.done.connect(done)
        QgsApplication.taskManager().addTask(task)
        return task

    def set_text(self, text: str) -> None:
        """What the status shows of the running task from now on (e.g. its last progress line)."""
        if self.task is not None:
            self._text = text
            self._show()

    def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.button.setEnabled(False)       # until the task has returned, within a fraction of a second
            if self._status is not None:
                self._status(translate("TaskButton", "Stopping…"))

    def _tick(self) -> None:
        self._seconds += 1
        self._show()

    def _show(self) -> None:
        if self._status is not None and self._text:
            self._status("{} {} s".format(self._text, self._seconds) if self._seconds else self._text)

    def _ended(self, task) -> None:
        if task is not self.task:
            return
        self.task = None
        self.timer.stop()
        self.button.setText(self._idle_text)
        self.button.setToolTip(self._idle_tip)
        self.button.setEnabled(self._was_enabled)
        if self._hide:
            self.button.setVisible(False)
