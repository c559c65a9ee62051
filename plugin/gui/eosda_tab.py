"""The EOSDA tab of the download dock: scene search with footprints on the map, then a download job.

The widgets come from ``ui/eosda_tab.ui``.  The search runs in a :class:`FunctionTask` (worker
thread); the table, the rubber bands and the form are touched on the main thread only.
"""
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import QWidget

from ..adapters import settings as plugin_settings
from ..adapters.tasks import FunctionTask, stop_tasks
from ..core.errors import EoError
from ..core.i18n import number, translate
from ..resources import ui_path
from . import results_table
from .footprints import Footprints
from .results_table import id_item
from .tab_page import TabPage
from .task_button import TaskButton

FORM_CLASS, _ = uic.loadUiType(ui_path("eosda_tab.ui"))


class EosdaTab(TabPage, QWidget, FORM_CLASS):
    """One tab of :class:`DownloadDock`; ``dock`` gives the AOI, the canvas, the job manager, the folder,
    the status line."""

    def __init__(self, dock, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.dock = dock
        self.canvas = dock.canvas
        self.scenes = []
        self.footprint_bands = Footprints(self.canvas)
        self.search_task = None
        try:
            from ..core.providers.eosda import client as eosda
            self.eosdaDatasetCombo.addItems(list(eosda.DATASETS))
        except Exception:
            pass
        self.eosdaToDate.setDate(QDate.currentDate())
        self.eosdaFromDate.setDate(QDate.currentDate().addMonths(-3))
        for widget in (self.eosdaViewEdit, self.eosdaBandsEdit):
            widget.textChanged.connect(dock.schedule_update)
        self.search_stopper = TaskButton(self.eosdaSearchButton, self.search_eosda, dock._status)
        self.eosdaDownloadButton.clicked.connect(self.submit_eosda)
        self.eosdaResultsTable.itemSelectionChanged.connect(self._scene_chosen)
        self.eosdaClearFootprintsButton.clicked.connect(self.clear_footprints)
        results_table.setup(self.eosdaResultsTable)
        self.eosdaResultsTable.setVisible(False)

    # -- the state of the tab for the dock's area of interest ---------------------------------
    def update_state(self, aoi, error):
        """The buttons and their tooltips for ``aoi`` (None: ``error`` says why there is none)."""
        reason = error if aoi is None else None
        if self.search_task is None:          # (while a search runs, the button is its Stop button)
            self.eosdaSearchButton.setEnabled(reason is None)
            self.eosdaSearchButton.setToolTip(reason or translate("EosdaTab", "Search scenes over the area."))
        if reason is None and not self.eosdaViewEdit.text().strip():
            reason = translate("EosdaTab", "Search and choose a scene, or enter a view id.")
        if reason is None and not self.eosdaBandsEdit.text().strip():
            reason = translate("EosdaTab", "Enter at least one band.")
        self.eosdaDownloadButton.setEnabled(reason is None)
        self.eosdaDownloadButton.setToolTip(reason or translate("EosdaTab", "Create the download task as a "
                                                                            "background job."))

    # -- submission ---------------------------------------------------------------------
    def submit_eosda(self):
        """Submit the download: the job (with one job per feature, the list of jobs; None when nothing
        could go, the status line says why)."""
        from ..core.providers.eosda import client as eosda
        jobs = self.dock.submit_areas(self._download_job, max_vertices=eosda.DEFAULT_MAX_VERTICES)
        return jobs if self.dock.per_feature() else (jobs[0] if jobs else None)

    def _download_job(self, aoi):
        from ..core.providers.eosda import client as eosda
        params = eosda.build_params(view_id=self.eosdaViewEdit.text().strip(), bands=self.eosdaBandsEdit.text(),
                                    merge=self.eosdaMergeCheck.isChecked(), metadata="", reference="",
                                    callback_url="")
        params["aoi"] = aoi.to_geojson()
        from ..core.providers.eosda.runner import result_title
        return "eosda", params, result_title(params)

    # -- EOSDA search (network off the main thread) --------------------------------------------
    def search_eosda(self):
        from ..adapters import network
        from ..adapters.credentials import credentials_for
        from ..core import config
        from ..core.jobs import Job
        try:
            aoi = self.dock.current_aoi()
            key = credentials_for(Job(provider="eosda", params={}))["api_key"]
        except EoError as exc:
            self.dock._status(exc.user_text())
            return
        from ..core.providers.eosda import client as eosda
        if self.search_task is not None:
            return
        task = FunctionTask(translate("EosdaTab", "EOSDA scene search"), eosda.search,
                            deadline=plugin_settings.request_deadline(),
                            session=network.make_session(),
                            base=config.base_url("eosda_api", plugin_settings.get("eosda_api_url")), api_key=key,
                            dataset=self.eosdaDatasetCombo.currentText(), aoi_geojson_polygon=aoi.to_geojson(),
                            date_from=self.eosdaFromDate.date().toString("yyyy-MM-dd"),
                            date_to=self.eosdaToDate.date().toString("yyyy-MM-dd"),
                            cloud_max=self.eosdaCloudSpin.value())
        self.search_task = self.search_stopper.start(task, translate("EosdaTab", "Searching…"), self._search_done)

    def _search_done(self, task):
        self.search_task = None
        self.dock.schedule_update()
        if task.error:
            self.dock._status(task.error)
            return
        self.show_scenes(task.result)

    def show_scenes(self, scenes):
        self.scenes = list(scenes)
        self.eosdaResultsTable.setRowCount(len(self.scenes))
        self.eosdaResultsTable.setVisible(bool(self.scenes))      # no empty table before a search finds scenes
        for row, scene in enumerate(self.scenes):
            cloud = "" if scene.cloud_cover is None else number(float(scene.cloud_cover), 1)
            for col, value in enumerate((scene.date, cloud, scene.view_id)):
                self.eosdaResultsTable.setItem(row, col, id_item(str(value)))
        self._draw_footprints()
        self.dock._status(translate("EosdaTab", "{} scenes found.").format(len(self.scenes)))

    @property
    def footprints(self):
        return self.footprint_bands.bands

    def _draw_footprints(self, highlight=None):
        self.footprint_bands.show([scene.footprint for scene in self.scenes], highlight)

    def clear_footprints(self):
        self.footprint_bands.clear()

    def _scene_chosen(self):
        rows = self.eosdaResultsTable.selectionModel().selectedRows()
        if not rows:
            return
        index = rows[0].row()
        if 0 <= index < len(self.scenes):
            self.eosdaViewEdit.setText(self.scenes[index].view_id)
            self._draw_footprints(highlight=index)

    # -- teardown -----------------------------------------------------------------------------
    def cleanup(self):
        stop_tasks((self.search_task,))
        self.search_task = None
        self.clear_footprints()
