"""The download dock: the area of interest, the output folder, the status line and the tab host.

Each provider is a tab of its own (:mod:`.ee_tab`, :mod:`.eosda_tab`, :mod:`.eodag_tab`, :mod:`.stac_tab`), made
from its own .ui file; the dock gives the tabs the AOI, the job manager and the status line, and
tells them when the AOI changes (:meth:`DownloadDock.update_state`).
"""
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsMapLayerProxyModel,
                       QgsProject, QgsWkbTypes)
from qgis.gui import QgsFileWidget, QgsRubberBand
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QEvent, QTimer, QUrl
from qgis.PyQt.QtGui import QColor, QDesktopServices
from qgis.PyQt.QtWidgets import QDockWidget, QWidget

from ..adapters import aoi_source
from ..adapters import settings as plugin_settings
from ..core.errors import EoError
from ..resources import ui_path
from .ee_tab import EeTab
from .eodag_tab import EodagTab
from .eosda_tab import EosdaTab
from .map_tool import PolygonMapTool
from .stac_tab import StacTab
from ..core.i18n import number, translate

FORM_CLASS, _ = uic.loadUiType(ui_path("download_dock.ui"))

HELP_URL = "https://github.com/eo-downloader/eo_downloader#readme"


class DockBody(QWidget, FORM_CLASS):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)


class DownloadDock(QDockWidget):
    def __init__(self, iface, manager, show_jobs=None, parent=None):
        super().__init__(parent)
        self.setObjectName("EoDownloaderDock")
        self.setWindowTitle(translate("DownloadDock", "EO Downloader"))
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.manager = manager
        self.ui = DockBody()
        self.drawn_geometry = None   # QgsGeometry in the canvas CRS at drawing time
        self.drawn_crs = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(300)
        self.timer.timeout.connect(self.update_state)
        self.ee_tab = EeTab(self)
        self.eosda_tab = EosdaTab(self)
        self.eodag_tab = EodagTab(self)
        self.stac_tab = StacTab(self)
        self.ui.providerTabs.addTab(self.ee_tab, translate("DownloadDock", "Earth Engine"))
        self.ui.providerTabs.addTab(self.eosda_tab, translate("DownloadDock", "EOSDA"))
        self.ui.providerTabs.addTab(self.eodag_tab, "eodag")
        self.ui.providerTabs.addTab(self.stac_tab, "STAC")
        self.ui.providerTabs.currentChanged.connect(lambda _i: self.ui.providerTabs.updateGeometry())
        # The area and the tabs scroll (the form is taller than small screens); the output folder, Jobs,
        # Help and the status line stay below them, always in view.
        self.ui.bodyWidget.installEventFilter(self)      # its minimum width changes: the scroll area follows
        self._fit_width()
        self.setWidget(self.ui)
        self.map_tool = PolygonMapTool(self.canvas)
        self.map_tool.polygonDrawn.connect(self._on_drawn)
        self.aoi_band = QgsRubberBand(self.canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        self.aoi_band.setColor(QColor(255, 200, 0, 40))
        self.aoi_band.setStrokeColor(QColor(255, 140, 0))
        self.aoi_band.setWidth(2)
        ui = self.ui
        ui.aoiLayerCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        ui.outputDirWidget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        ui.outputDirWidget.setFilePath(plugin_settings.output_dir())
        ui.helpButton.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(HELP_URL)))
        if show_jobs is not None:
            ui.jobsButton.clicked.connect(show_jobs)
        for radio in (ui.aoiExtentRadio, ui.aoiLayerRadio, ui.aoiDrawRadio):
            radio.toggled.connect(self.schedule_update)
        ui.aoiLayerCombo.layerChanged.connect(self._layer_changed)
        ui.aoiNameFieldCombo.setAllowEmptyFieldName(True)
        ui.aoiPerFeatureCheck.toggled.connect(self.schedule_update)
        for widget in (ui.aoiPerFeatureCheck, ui.aoiNameFieldCombo):     # an option of "Selected features of"
            ui.aoiLayerRadio.toggled.connect(widget.setEnabled)
            widget.setEnabled(ui.aoiLayerRadio.isChecked())
        ui.aoiNameFieldCombo.fieldChanged.connect(self.schedule_update)
        ui.drawButton.clicked.connect(self.start_drawing)
        ui.outputDirWidget.fileChanged.connect(lambda path: plugin_settings.set("output_dir", path))
        self.canvas.extentsChanged.connect(self.schedule_update)
        self._selection_layer = None
        self._layer_changed(ui.aoiLayerCombo.currentLayer())
        self.update_state()

    def _fit_width(self):
        """The scroll area is at least as wide as the form needs (its horizontal bar is off: anything
        narrower would cut the form on the right).  The form's minimum grows after construction --
        combo boxes size to their items when first shown, a translation lengthens the texts -- so this
        runs again on each of the form's layout requests."""
        scroll = self.ui.bodyScroll
        needed = self.ui.bodyWidget.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        if scroll.minimumWidth() != needed:
            scroll.setMinimumWidth(needed)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt)
        if watched is self.ui.bodyWidget and event.type() == QEvent.Type.LayoutRequest:
            self._fit_width()
        return super().eventFilter(watched, event)

    # -- AOI -------------------------------------------------------------------------
    def _layer_changed(self, layer):
        if self._selection_layer is not None:
            try:
                self._selection_layer.selectionChanged.disconnect(self.schedule_update)
            except (TypeError, RuntimeError):
                pass
        self._selection_layer = layer
        self.ui.aoiNameFieldCombo.setLayer(layer)
        if layer is not None:
            layer.selectionChanged.connect(self.schedule_update)
        self.schedule_update()

    def start_drawing(self):
        self.ui.aoiDrawRadio.setChecked(True)
        self.canvas.setMapTool(self.map_tool)

    def _on_drawn(self, geometry):
        self.drawn_geometry = QgsGeometry(geometry)
        self.drawn_crs = self.canvas.mapSettings().destinationCrs()
        self.ui.aoiDrawRadio.setChecked(True)
        self.schedule_update()

    def current_aoi(self, max_vertices=None):
        ui = self.ui
        if ui.aoiLayerRadio.isChecked():
            return aoi_source.from_layer_selection(ui.aoiLayerCombo.currentLayer(), max_vertices)
        if ui.aoiDrawRadio.isChecked():
            if self.drawn_geometry is None:
                raise EoError(translate("DownloadDock",
                                        "No polygon drawn yet: click 'Draw on the map…', click the vertices and "
                                      "right-click to finish."))
            return aoi_source.from_geometries([self.drawn_geometry], self.drawn_crs, max_vertices)
        return aoi_source.from_canvas(self.canvas, max_vertices)

    def per_feature(self) -> bool:
        """One job per selected feature (the option is used with "Selected features of" only)."""
        return self.ui.aoiLayerRadio.isChecked() and self.ui.aoiPerFeatureCheck.isChecked()

    def current_areas(self, max_vertices=None):
        """[(feature name or None, Aoi)]: one area per selected feature with the per-feature option, else
        the one area of :meth:`current_aoi` (raises EoError)."""
        if self.per_feature():
            return aoi_source.per_selected_feature(self.ui.aoiLayerCombo.currentLayer(),
                                                   self.ui.aoiNameFieldCombo.currentField(), max_vertices)
        return [(None, self.current_aoi(max_vertices))]

    def schedule_update(self, *_args):
        self.timer.start()

    def _show_aoi(self, aoi):
        self.aoi_band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        if aoi is None:
            return
        geom = aoi_source.to_qgs_geometry(aoi)
        transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                           self.canvas.mapSettings().destinationCrs(), QgsProject.instance())
        geom.transform(transform)
        self.aoi_band.setToGeometry(geom, None)

    def update_state(self):
        ui = self.ui
        try:
            aoi = self.current_aoi()
            error = None
        except EoError as exc:
            aoi, error = None, exc.user_text()
        if not ui.aoiExtentRadio.isChecked():
            self._show_aoi(aoi)
        else:
            self._show_aoi(None)
        if aoi is not None:
            text = translate("DownloadDock", "{} km², {} part(s), {} vertices.").format(
                number(aoi.area_km2, 2), number(len(aoi.parts)), number(aoi.vertex_count))
            if aoi.notes:
                text += "\n" + "\n".join(aoi.notes)
            if self.per_feature():
                text += "\n" + translate("DownloadDock", "One job per feature: {} jobs.").format(
                    self._selection_layer.selectedFeatureCount())
            ui.aoiInfoLabel.setText(text)
        else:
            ui.aoiInfoLabel.setText(error)
        self.ee_tab.update_state(aoi, error)
        self.eosda_tab.update_state(aoi, error)
        self.stac_tab.update_state(aoi, error)

    # -- submissions ---------------------------------------------------------------------
    def _output_dir(self):
        return self.ui.outputDirWidget.filePath() or plugin_settings.output_dir()

    def _new_job(self, provider, params, title, feature=None):
        """A job with a folder of its own under the output folder (None, said in the status line, when
        that folder cannot be made); ``feature``: under that feature's folder (core/output.new_job)."""
        from ..core.output import new_job
        try:
            return new_job(provider, params, title, self._output_dir(), feature=feature)
        except EoError as exc:
            self._status(exc.user_text())
            return None

    def submit_areas(self, build, max_vertices=None):
        """Submit one job per area of :meth:`current_areas`: ``build(aoi)`` gives (provider, params, title)
        or raises EoError.  Every area is checked before the first job goes; the jobs submitted (a list,
        empty when none could go, the status line says why)."""
        try:
            planned = [(name, build(aoi)) for name, aoi in self.current_areas(max_vertices)]
        except EoError as exc:
            self._status(exc.user_text())
            return []
        jobs = []
        for name, (provider, params, title) in planned:
            job = self._new_job(provider, params, title, feature=name)
            if job is None:
                return jobs
            self.manager.submit(job)
            jobs.append(job)
        if len(jobs) == 1:
            self._status(translate("DownloadDock", "Job '{}' submitted; follow it in the Jobs panel.").format(
                jobs[0].title))
        else:
            self._status(translate("DownloadDock", "{} jobs submitted, one per feature; follow them in the Jobs "
                                                   "panel.").format(len(jobs)))
        return jobs

    def _status(self, text):
        self.ui.statusLabel.setText(text)

    # -- teardown -----------------------------------------------------------------------------
    def cleanup(self):
        self.timer.stop()
        try:
            self.canvas.extentsChanged.disconnect(self.schedule_update)
        except TypeError:
            pass
        if self._selection_layer is not None:
            try:
                self._selection_layer.selectionChanged.disconnect(self.schedule_update)
            except (TypeError, RuntimeError):
                pass
        if self.canvas.mapTool() is self.map_tool:
            self.canvas.unsetMapTool(self.map_tool)
        self.map_tool.dispose()
        self.ee_tab.cleanup()
        self.eosda_tab.cleanup()
        self.eodag_tab.cleanup()
        self.stac_tab.cleanup()
        self.aoi_band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        self.canvas.scene().removeItem(self.aoi_band)
