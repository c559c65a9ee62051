"""The download dock: the area of interest, the output folder, the status line and the tab host.

Each provider is a tab of its own (:mod:`.ee_tab`, :mod:`.eosda_tab`, :mod:`.eodag_tab`, :mod:`.stac_tab`), made
from its own .ui file; the dock gives the tabs the AOI, the job manager and the status line, and
tells them when the AOI changes (:meth:`DownloadDock.update_state`).
"""
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsMapLayerProxyModel,
                       QgsProject, QgsWkbTypes)
from qgis.gui import QgsFileWidget, QgsRubberBand
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QColor, QDesktopServices
from qgis.PyQt.QtWidgets import QDockWidget, QFrame, QScrollArea, QWidget

from ..adapters import aoi_source
from ..adapters import settings as plugin_settings
from ..core.errors import EoError
from ..resources import ui_path
from .ee_tab import EeTab
from .eodag_tab import EodagTab
from .eosda_tab import EosdaTab
from .map_tool import PolygonMapTool
from .stac_tab import StacTab
from ..core.i18n import translate

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
        scroll = QScrollArea()          # the form is taller than small screens
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.ui)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.ui.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
        self.setWidget(scroll)
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
        ui.drawButton.clicked.connect(self.start_drawing)
        ui.outputDirWidget.fileChanged.connect(lambda path: plugin_settings.set("output_dir", path))
        self.canvas.extentsChanged.connect(self.schedule_update)
        self._selection_layer = None
        self._layer_changed(ui.aoiLayerCombo.currentLayer())
        self.update_state()


    # -- AOI -------------------------------------------------------------------------
    def _layer_changed(self, layer):
        if self._selection_layer is not None:
            try:
                self._selection_layer.selectionChanged.disconnect(self.schedule_update)
            except (TypeError, RuntimeError):
                pass
        self._selection_layer = layer
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
            text = translate("DownloadDock", "{:,.2f} km², {} part(s), {} vertices.").format(aoi.area_km2,
                                                                                             len(aoi.parts),
                                                                          aoi.vertex_count)
            if aoi.notes:
                text += "\n" + "\n".join(aoi.notes)
            ui.aoiInfoLabel.setText(text)
        else:
            ui.aoiInfoLabel.setText(error)
        self.ee_tab.update_state(aoi, error)
        self.eosda_tab.update_state(aoi, error)
        self.stac_tab.update_state(aoi, error)

    # -- submissions ---------------------------------------------------------------------
    def _output_dir(self):
        return self.ui.outputDirWidget.filePath() or plugin_settings.output_dir()

    def _new_job(self, provider, params, title):
        """A job with a folder of its own under the output folder (None, said in the status line, when
        that folder cannot be made)."""
        from ..core.output import new_job
        try:
            return new_job(provider, params, title, self._output_dir())
        except EoError as exc:
            self._status(exc.user_text())
            return None

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

