"""The Jobs panel: every job with state, progress, and cancel / retry / open folder / add to map."""
import os

from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QDockWidget, QHeaderView, QProgressBar, QTableWidgetItem, QWidget

from ..core.jobs import JobState
from ..core.runner import is_detached
from ..resources import ui_path
from ..core.i18n import translate

FORM_CLASS, _ = uic.loadUiType(ui_path("jobs_panel.ui"))


class JobsPanelWidget(QDockWidget):
    COLUMNS = ("title", "provider", "state", "progress", "message")

    def __init__(self, manager, parent=None):
        super().__init__(parent)
        self.setObjectName("EoDownloaderJobsPanel")
        self.setWindowTitle(translate("JobsPanelWidget", "EO Downloader jobs"))
        self.manager = manager
        self.body = JobsPanelBody()
        self.setWidget(self.body)
        ui = self.body
        ui.jobsTable.setColumnCount(len(self.COLUMNS))
        ui.jobsTable.setHorizontalHeaderLabels([translate("JobsPanelWidget", "Job"), translate("JobsPanelWidget", "Provider"), translate("JobsPanelWidget", "State"),
                                                translate("JobsPanelWidget", "Progress"), translate("JobsPanelWidget", "Message")])
        ui.jobsTable.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        ui.jobsTable.verticalHeader().setVisible(False)
        ui.cancelButton.clicked.connect(lambda: self._on_selected(self.manager.cancel))
        ui.retryButton.clicked.connect(lambda: self._on_selected(self.manager.retry))
        ui.addToMapButton.clicked.connect(lambda: self._on_selected(self.manager.load_layers))
        ui.removeButton.clicked.connect(lambda: self._on_selected(self.manager.remove))
        ui.openFolderButton.clicked.connect(self.open_folder)
        ui.jobsTable.itemSelectionChanged.connect(self.update_buttons)
        # Progress arrives from every running job; repaint the table at most every 200 ms.
        self.pending = QTimer(self)
        self.pending.setSingleShot(True)
        self.pending.setInterval(200)
        self.pending.timeout.connect(self.refresh)
        self.manager.jobChanged.connect(self.schedule_refresh)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.refresh()


    def schedule_refresh(self, *_args):
        if not self.pending.isActive():
            self.pending.start()

    def _tick(self):
        if self.isVisible() and self.manager.active():
            self.refresh()

    def selected_job_id(self):
        rows = self.body.jobsTable.selectionModel().selectedRows() if self.body.jobsTable.selectionModel() else []
        if not rows:
            return None
        item = self.body.jobsTable.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _on_selected(self, action):
        job_id = self.selected_job_id()
        if job_id:
            action(job_id)
            self.refresh()

    def open_folder(self):
        job = self.manager.store.get(self.selected_job_id() or "")
        if job is None:
            return
        folder = os.path.dirname(job.outputs[0]) if job.outputs else job.output_dir
        if folder and os.path.isdir(folder):
            QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

    def refresh(self, *_args):
        table = self.body.jobsTable
        selected = self.selected_job_id()
        jobs = list(reversed(self.manager.store.list()))
        table.setRowCount(len(jobs))
        for row, job in enumerate(jobs):
            values = [job.title or job.id, job.provider, JobState.label(job.state), None,
                      job.error or job.message]
            for col, value in enumerate(values):
                if col == 3:
                    bar = table.cellWidget(row, col)
                    if not isinstance(bar, QProgressBar):
                        bar = QProgressBar()
                        bar.setRange(0, 100)
                        table.setCellWidget(row, col, bar)
                    bar.setValue(int(job.progress))
                    continue
                item = QTableWidgetItem(str(value))
                if col == 0:
                    item.setData(Qt.ItemDataRole.UserRole, job.id)
                if col == 4 and job.error:
                    item.setToolTip(job.error)
                table.setItem(row, col, item)
            if job.id == selected:
                table.selectRow(row)
        self.update_buttons()

    def update_buttons(self):
        job = self.manager.store.get(self.selected_job_id() or "")
        ui = self.body
        running = job is not None and job.id in self.manager.tasks
        ui.cancelButton.setEnabled(job is not None and not job.finished)
        ui.retryButton.setEnabled(job is not None and (job.state in (JobState.FAILED, JobState.CANCELLED)
                                                       or is_detached(job)) and not running)
        ui.addToMapButton.setEnabled(job is not None and job.state == JobState.DONE and bool(job.outputs))
        ui.openFolderButton.setEnabled(job is not None and bool(job.outputs or job.output_dir))
        ui.removeButton.setEnabled(job is not None and not running)
        if job is None:
            ui.detailLabel.setText(translate("JobsPanelWidget", "Select a job to see its details."))
        else:
            ui.detailLabel.setText("\n".join(filter(None, [
                job.error or job.message, "\n".join(job.outputs[:10])])))

    def cleanup(self):
        self.timer.stop()
        self.pending.stop()
        try:
            self.manager.jobChanged.disconnect(self.schedule_refresh)
        except TypeError:
            pass


class JobsPanelBody(QWidget, FORM_CLASS):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
