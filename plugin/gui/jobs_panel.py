"""The Jobs panel: every job with state, progress, and cancel / retry / open folder / add to map."""

from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import (QApplication, QDockWidget, QHeaderView, QMessageBox, QStyle, QStyledItemDelegate,
                                 QStyleOptionProgressBar, QTableWidgetItem, QWidget)

from ..core.jobs import JobState
from ..core.titles import provider_label
from .job_notices import open_folder
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
        ui.jobsTable.setHorizontalHeaderLabels([
            translate("JobsPanelWidget", "Job"), translate("JobsPanelWidget", "Provider"),
            translate("JobsPanelWidget", "State"), translate("JobsPanelWidget", "Progress"),
            translate("JobsPanelWidget", "Message")])
        ui.jobsTable.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        ui.jobsTable.verticalHeader().setVisible(False)
        self.progress_delegate = ProgressDelegate(ui.jobsTable)
        ui.jobsTable.setItemDelegateForColumn(3, self.progress_delegate)
        ui.cancelButton.clicked.connect(lambda: self._on_selected(self.manager.cancel))
        ui.retryButton.clicked.connect(lambda: self._on_selected(self.manager.retry))
        ui.addToMapButton.clicked.connect(lambda: self._on_selected(self.manager.load_layers))
        ui.removeButton.clicked.connect(lambda: self._on_selected(self.manager.remove))
        ui.clearButton.clicked.connect(self.clear_finished)
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
        self._revision = -1        # the store's revision the table shows
        self._rows = []            # job id of each row
        self._clearable = {}       # job id -> "Clear finished" would remove it
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
        if job is not None:
            open_folder(job)

    def refresh(self, *_args):
        """Show what changed in the store since the last refresh (rows of new jobs inserted,
        of removed ones taken out, cells of changed ones updated): a store holds the whole
        history, hundreds of jobs, and the table is refreshed while jobs run."""
        revision, order, changed = self.manager.store.changes(self._revision)
        if revision != self._revision:
            self._revision = revision
            self._show(list(reversed(order)), {job.id: job for job in changed})
        self.update_buttons()

    def _show(self, order, changed):
        """Bring the rows (newest job first) to ``order``, then fill those of ``changed``."""
        table = self.body.jobsTable
        wanted = set(order)
        selected = self.selected_job_id()
        for row in reversed(range(len(self._rows))):
            if self._rows[row] not in wanted:
                table.removeRow(row)
                self._clearable.pop(self._rows[row], None)
                del self._rows[row]
        if selected is not None and selected not in wanted:
            table.clearSelection()      # not the neighbour: a second "Remove" must not take it
        shown = set(self._rows)
        if [job_id for job_id in order if job_id in shown] != self._rows:
            # (not expected: the store keeps the creation order) start again from the whole list
            self._revision = -1
            table.setRowCount(0)
            self._rows = []
            self.refresh()
            return
        if not self._rows:
            table.setRowCount(len(order))       # the first time: every row at once
            self._rows = list(order)
        for row, job_id in enumerate(order):
            if row >= len(self._rows) or self._rows[row] != job_id:
                table.insertRow(row)
                self._rows.insert(row, job_id)
        rows = {job_id: row for row, job_id in enumerate(self._rows)}
        for job_id, job in changed.items():
            self._fill(rows[job_id], job)

    def _fill(self, row, job):
        table = self.body.jobsTable
        self._clearable[job.id] = self.manager.clearable(job)
        texts = {0: job.title or job.id, 1: provider_label(job.provider), 2: JobState.text(job),
                 3: "{} %".format(int(job.progress)), 4: job.error or job.message}
        for col, text in texts.items():
            item = table.item(row, col)
            if item is None:
                item = QTableWidgetItem()
                table.setItem(row, col, item)
            if item.text() != text:
                item.setText(text)
        table.item(row, 0).setData(Qt.ItemDataRole.UserRole, job.id)
        table.item(row, 4).setToolTip(job.error)
        if table.item(row, 3).data(ProgressDelegate.ROLE) != int(job.progress):
            table.item(row, 3).setData(ProgressDelegate.ROLE, int(job.progress))

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
        ui.clearButton.setEnabled(any(self._clearable.values()))
        if job is None:
            ui.detailLabel.setText(translate("JobsPanelWidget", "Select a job to see its details."))
        else:
            ui.detailLabel.setText("\n".join(filter(None, [
                job.error or job.message, "\n".join(job.outputs[:10])])))

    def clear_finished(self):
        """Forget every finished job, after asking (their files stay on disk)."""
        count = sum(self._clearable.values())
        if not count:
            return
        answer = QMessageBox.question(
            self, translate("JobsPanelWidget", "Clear finished jobs"),
            translate("JobsPanelWidget", "Remove {} finished job(s) from the list? Their files stay on disk.")
            .format(count), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.manager.clear_finished()
            self.refresh()

    def cleanup(self):
        self.timer.stop()
        self.pending.stop()
        try:
            self.manager.jobChanged.disconnect(self.schedule_refresh)
        except TypeError:
            pass


class ProgressDelegate(QStyledItemDelegate):
    """Draws a cell's progress (0-100 in ``ROLE``) as a progress bar.  A painted bar instead
    of a QProgressBar widget per row: the table holds the whole job history, and hundreds
    of cell widgets are laid out again whenever a row is inserted."""

    ROLE = Qt.ItemDataRole.UserRole + 1

    def paint(self, painter, option, index):
        value = index.data(self.ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        if option.widget is not None:
            bar.initFrom(option.widget)       # palette, font metrics, direction
        bar.rect = option.rect.adjusted(2, 2, -2, -2)
        bar.minimum = 0
        bar.maximum = 100
        bar.progress = int(value)
        bar.text = "{} %".format(int(value))
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)


class JobsPanelBody(QWidget, FORM_CLASS):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
