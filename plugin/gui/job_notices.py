"""A message bar entry when a job ends while the user works elsewhere (the Jobs panel hidden):
what ended, with "Add to map" (results not on the map yet) and "Open folder" buttons."""
import os

from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QPushButton

from ..core.i18n import translate
from ..core.jobs import JobState

#: Seconds a notice stays (0: until closed for a failure, which the user must see).
DONE_SECONDS = 15


def job_folder(job) -> str:
    """The folder that holds the job's results (its first output's, else its own); "" when gone."""
    folder = os.path.dirname(job.outputs[0]) if job.outputs and not job.outputs[0].startswith("type=") \
        else job.output_dir
    return folder if folder and os.path.isdir(folder) else ""


def open_folder(job) -> bool:
    folder = job_folder(job)
    return bool(folder) and QDesktopServices.openUrl(QUrl.fromLocalFile(folder))


class JobNotices(QObject):
    """Follows ``manager.jobFinished``; ``panel_visible()`` says whether the user watches the Jobs panel."""

    def __init__(self, iface, manager, panel_visible=lambda: False, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.manager = manager
        self.panel_visible = panel_visible
        self.items = {}           # job id -> its message bar item
        manager.jobFinished.connect(self.job_finished)

    def job_finished(self, job_id: str, ok: bool) -> None:
        job = self.manager.store.get(job_id)
        if job is None or job.state == JobState.CANCELLED or self.panel_visible():
            return
        bar = self.iface.messageBar()
        if ok:
            text = translate("JobNotices", "'{}' is done.").format(job.title)
            level, duration = Qgis.MessageLevel.Success, DONE_SECONDS
        else:
            text = translate("JobNotices", "'{}' failed: {}").format(job.title, job.error)
            level, duration = Qgis.MessageLevel.Warning, 0
        item = bar.createMessage(translate("JobNotices", "EO Downloader"), text)
        if ok and job.outputs and not self.manager.loaded_layers.get(job_id):
            add = QPushButton(translate("JobNotices", "Add to map"), item)
            add.clicked.connect(lambda _c=False, jid=job_id: self.add_to_map(jid))
            item.layout().addWidget(add)
        if job_folder(job):
            folder = QPushButton(translate("JobNotices", "Open folder"), item)
            folder.clicked.connect(lambda _c=False, jid=job_id: self._open(jid))
            item.layout().addWidget(folder)
        bar.pushWidget(item, level, duration)
        self.items[job_id] = item

    def add_to_map(self, job_id: str) -> None:
        self.manager.load_layers(job_id)
        self._close(job_id)

    def _open(self, job_id: str) -> None:
        job = self.manager.store.get(job_id)
        if job is not None:
            open_folder(job)

    def _close(self, job_id: str) -> None:
        item = self.items.pop(job_id, None)
        if item is not None:
            try:
                self.iface.messageBar().popWidget(item)
            except RuntimeError:     # closed by the user or timed out (deleted)
                pass

    def cleanup(self) -> None:
        try:
            self.manager.jobFinished.disconnect(self.job_finished)
        except TypeError:
            pass
        for job_id in list(self.items):
            self._close(job_id)
