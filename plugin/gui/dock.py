"""The download dock: AOI choice, one tab per provider, live estimate, submission as jobs."""
import math

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry,
                       QgsMapLayerProxyModel, QgsProject, QgsWkbTypes)
from qgis.gui import QgsFileWidget, QgsRubberBand
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate, Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QColor, QDesktopServices
from qgis.PyQt.QtWidgets import QDockWidget, QFrame, QMenu, QPushButton, QScrollArea, QTableWidgetItem, QWidget

from ..adapters import aoi_source
from ..adapters import settings as plugin_settings
from ..core.errors import EoError
from ..core.jobs import Job
from ..core.runner import check_output_dir
from ..resources import ui_path
from ..adapters.tasks import FunctionTask
from .ee_export_box import EXPORT_SUGGESTED_BYTES, EeExportBox
from .map_tool import PolygonMapTool
from ..core.i18n import translate

FORM_CLASS, _ = uic.loadUiType(ui_path("download_dock.ui"))

EE_FORMATS = ["ZIPPED_GEO_TIFF_PER_BAND", "ZIPPED_GEO_TIFF", "GEO_TIFF", "NPY"]
EE_REQUEST_LIMIT = 50331648
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
        scroll = QScrollArea()          # the form is taller than small screens
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.ui)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.ui.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
        self.setWidget(scroll)
        self.drawn_geometry = None   # QgsGeometry in the canvas CRS at drawing time
        self.drawn_crs = None
        self.scenes = []
        self.footprints = []
        self.search_task = None
        self.map_tool = PolygonMapTool(self.canvas)
        self.map_tool.polygonDrawn.connect(self._on_drawn)
        self.aoi_band = QgsRubberBand(self.canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        self.aoi_band.setColor(QColor(255, 200, 0, 40))
        self.aoi_band.setStrokeColor(QColor(255, 140, 0))
        self.aoi_band.setWidth(2)
        ui = self.ui
        ui.aoiLayerCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        ui.eeFormatCombo.addItems(EE_FORMATS)
        ui.eeCrsWidget.setOptionVisible(ui.eeCrsWidget.CrsOption.CrsNotSet, True)
        ui.eeCrsWidget.setNotSetText(translate("DownloadDock", "Image's own CRS"))
        ui.eeCrsWidget.setCrs(QgsCoordinateReferenceSystem())
        ui.eeProjectEdit.setText(plugin_settings.get("ee_project"))
        try:
            from ..core.providers.eosda import client as eosda
            ui.eosdaDatasetCombo.addItems(list(eosda.DATASETS))
        except Exception:
            pass
        ui.eosdaToDate.setDate(QDate.currentDate())
        ui.eosdaFromDate.setDate(QDate.currentDate().addMonths(-3))
        ui.eosdaResultsTable.setColumnCount(3)
        ui.eosdaResultsTable.setHorizontalHeaderLabels([translate("DownloadDock", "Date"), translate("DownloadDock", "Cloud %"), translate("DownloadDock", "View id")])
        ui.eosdaResultsTable.horizontalHeader().setStretchLastSection(True)
        ui.outputDirWidget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        ui.outputDirWidget.setFilePath(plugin_settings.output_dir())
        ui.helpButton.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(HELP_URL)))
        if show_jobs is not None:
            ui.jobsButton.clicked.connect(show_jobs)
        for radio in (ui.aoiExtentRadio, ui.aoiLayerRadio, ui.aoiDrawRadio):
            radio.toggled.connect(self.schedule_update)
        ui.aoiLayerCombo.layerChanged.connect(self._layer_changed)
        ui.drawButton.clicked.connect(self.start_drawing)
        for widget in (ui.eeImageEdit, ui.eeBandsEdit, ui.eeProjectEdit, ui.eosdaViewEdit, ui.eosdaBandsEdit):
            widget.textChanged.connect(self.schedule_update)
        ui.eeScaleSpin.valueChanged.connect(self.schedule_update)
        ui.eeFormatCombo.currentIndexChanged.connect(self.schedule_update)
        ui.eeDownloadButton.clicked.connect(self.submit_ee)
        ui.eosdaSearchButton.clicked.connect(self.search_eosda)
        ui.eosdaDownloadButton.clicked.connect(self.submit_eosda)
        ui.eosdaResultsTable.itemSelectionChanged.connect(self._scene_chosen)
        ui.outputDirWidget.fileChanged.connect(lambda path: plugin_settings.set("output_dir", path))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(300)
        self.timer.timeout.connect(self.update_state)
        self.image_infos = {}          # image id -> tiling.ImageInfo (or an error text)
        self.info_task = None
        self.info_timer = QTimer(self)
        self.info_timer.setSingleShot(True)
        self.info_timer.setInterval(800)
        self.info_timer.timeout.connect(self.fetch_image_info)
        ui.eeImageEdit.textChanged.connect(self.info_timer.start)
        self.export_box = EeExportBox(self.schedule_update)
        ui.eeLayout.insertRow(ui.eeLayout.getWidgetPosition(ui.eeEstimateLabel)[0], self.export_box)
        self.suggest_export_button = QPushButton(translate("DownloadDock", "Use a batch export instead"))
        self.suggest_export_button.setVisible(False)
        self.suggest_export_button.clicked.connect(lambda: self.export_box.setChecked(True))
        ui.eeLayout.insertRow(ui.eeLayout.getWidgetPosition(ui.eeEstimateLabel)[0] + 1, self.suggest_export_button)
        self.bands_menu = QMenu(ui.eeBandsButton)
        ui.eeBandsButton.setMenu(self.bands_menu)
        self.canvas.extentsChanged.connect(self.schedule_update)
        self._selection_layer = None
        self._layer_changed(ui.aoiLayerCombo.currentLayer())
        from .eodag_tab import EodagTab
        self.eodag_tab = EodagTab(self)
        ui.providerTabs.addTab(self.eodag_tab, "eodag")
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
                raise EoError(translate("DownloadDock", "No polygon drawn yet: click 'Draw on the map…', click the vertices and "
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
            text = translate("DownloadDock", "{:,.2f} km², {} part(s), {} vertices.").format(aoi.area_km2, len(aoi.parts),
                                                                          aoi.vertex_count)
            if aoi.notes:
                text += "\n" + "\n".join(aoi.notes)
            ui.aoiInfoLabel.setText(text)
        else:
            ui.aoiInfoLabel.setText(error)
        # Earth Engine tab
        exporting = self.export_box.isChecked()
        reason = None
        if aoi is None:
            reason = error
        elif not ui.eeImageEdit.text().strip():
            reason = translate("DownloadDock", "Enter an image id.")
        elif not ui.eeBandsEdit.text().strip():
            reason = translate("DownloadDock", "Enter at least one band.")
        elif exporting:
            try:
                self._ee_export_params(aoi)
            except EoError as exc:
                reason = exc.user_text()
        ui.eeDownloadButton.setEnabled(reason is None)
        if exporting:
            ui.eeDownloadButton.setText(translate("DownloadDock", "Export on Earth Engine"))
            ui.eeDownloadButton.setToolTip(reason or translate(
                "DownloadDock", "Start the export on Earth Engine as a background job that follows it."))
        else:
            ui.eeDownloadButton.setText(translate("DownloadDock", "Download from Earth Engine"))
            ui.eeDownloadButton.setToolTip(reason or translate("DownloadDock", "Send the request as a background job."))
        for widget in (ui.eeFormatCombo, ui.eeFilePerBandCheck):
            widget.setEnabled(not exporting)
            widget.setToolTip(translate("DownloadDock", "An export writes GeoTIFF files.") if exporting else "")
        text, size = self.ee_estimate(aoi) if aoi is not None else (reason or "", None)
        large = size is not None and size > EXPORT_SUGGESTED_BYTES
        if large and not exporting:
            text += "\n" + translate("DownloadDock", "That is a large download: a batch export computes it on Earth "
                                                     "Engine's servers and brings the files back.")
        ui.eeEstimateLabel.setText(text)
        self.suggest_export_button.setVisible(large and not exporting)
        # EOSDA tab
        reason = error if aoi is None else None
        ui.eosdaSearchButton.setEnabled(reason is None)
        ui.eosdaSearchButton.setToolTip(reason or translate("DownloadDock", "Search scenes over the area."))
        if reason is None and not ui.eosdaViewEdit.text().strip():
            reason = translate("DownloadDock", "Search and choose a scene, or enter a view id.")
        if reason is None and not ui.eosdaBandsEdit.text().strip():
            reason = translate("DownloadDock", "Enter at least one band.")
        ui.eosdaDownloadButton.setEnabled(reason is None)
        ui.eosdaDownloadButton.setToolTip(reason or translate("DownloadDock", "Create the download task as a background job."))

    def ee_estimate(self, aoi):
        """(text, bytes) of the size before anything is sent: exact once the image's bands are known,
        rough before (bytes None when the size cannot be told)."""
        info = self.image_infos.get(self.ui.eeImageEdit.text().strip())
        if info is not None and not isinstance(info, str):
            from ..core.providers.earthengine import download_runner as ee_download
            try:
                params = self._ee_params(aoi)
                est = ee_download.estimate_for(params, info)
            except EoError as exc:
                return exc.user_text(), None
            return translate("DownloadDock", "{} × {} px, {} band(s), {:,.1f} MiB as Earth Engine counts it "
                                             "(with the mask byte), {} request(s).").format(
                est.width, est.height, est.bands, est.bytes / 1048576.0, est.tiles), est.bytes
        bands = [b for b in self.ui.eeBandsEdit.text().split(",") if b.strip()]
        scale = self.ui.eeScaleSpin.value() or 10.0
        minx, miny, maxx, maxy = aoi.bounds
        lat = math.radians((miny + maxy) / 2.0)
        width = max(1, int(math.ceil((maxx - minx) * 111320.0 * math.cos(lat) / scale)))
        height = max(1, int(math.ceil((maxy - miny) * 110540.0 / scale)))
        size = width * height * max(1, len(bands)) * 3
        tiles = max(1, int(math.ceil(size / float(EE_REQUEST_LIMIT))), int(math.ceil(max(width, height) / 10000.0)) ** 2)
        text = translate("DownloadDock", "About {} × {} px at {} m, {:,.1f} MiB (16-bit bands + mask byte), "
                                         "{} tile(s).").format(width, height, scale, size / 1048576.0, tiles)
        if isinstance(info, str):
            text += "\n" + info
        return text, size

    def _ee_inputs(self, aoi):
        """What the tab says of the image and the grid, for a download and an export alike."""
        ui = self.ui
        crs = ui.eeCrsWidget.crs()
        return {"image": ui.eeImageEdit.text().strip(), "bands": ui.eeBandsEdit.text(),
                "scale": ui.eeScaleSpin.value() or None, "crs": crs.authid() if crs.isValid() else None,
                "project": ui.eeProjectEdit.text().strip() or plugin_settings.get("ee_project"),
                "aoi": aoi.to_geojson()}

    def _ee_params(self, aoi):
        from ..core.providers.earthengine import download_runner as ee_download
        ui = self.ui
        return ee_download.build_params(
            band_options="", crs_transform="", dimensions="", format=ui.eeFormatCombo.currentText(),
            file_per_band=ui.eeFilePerBandCheck.isChecked(), name="", **self._ee_inputs(aoi))

    def _ee_export_params(self, aoi):
        from ..core.providers.earthengine import export_runner as ee_export
        params = ee_export.build_params(**self._ee_inputs(aoi), **self.export_box.build_kwargs())
        params["aoi_notes"] = list(aoi.notes)
        return params

    # -- image description and band picker (network off the main thread) ------------------
    def fetch_image_info(self):
        image = self.ui.eeImageEdit.text().strip()
        if not image or image in self.image_infos or self.info_task is not None:
            self.show_bands()
            return
        from ..adapters import network
        from ..adapters.credentials import credentials_for
        from ..core import config
        try:
            creds = credentials_for(Job(provider="ee_download", params={}))
        except EoError as exc:
            self.image_infos[image] = translate("DownloadDock", "The image's bands cannot be read yet: {}").format(
                exc.message)
            self.schedule_update()
            return
        project = self.ui.eeProjectEdit.text().strip() or plugin_settings.get("ee_project")
        task = FunctionTask(translate("DownloadDock", "Reading the description of {}").format(image),
                            _read_image_info, key=image, image=image, project=project, session=network.make_session(),
                            base=config.base_url("ee_api", plugin_settings.get("ee_api_url")),
                            token_provider=creds["token_provider"])
        task.done.connect(self._image_info_done)
        self.info_task = task
        QgsApplication.taskManager().addTask(task)

    def _image_info_done(self, task):
        self.info_task = None
        image = task.key
        self.image_infos[image] = task.result if task.error is None else \
            translate("DownloadDock", "The image's bands could not be read: {}").format(task.error)
        self.show_bands()
        self.schedule_update()
        if image != self.ui.eeImageEdit.text().strip():
            self.info_timer.start()

    def show_bands(self):
        info = self.image_infos.get(self.ui.eeImageEdit.text().strip())
        self.bands_menu.clear()
        usable = info is not None and not isinstance(info, str)
        self.ui.eeBandsButton.setEnabled(usable)
        if not usable:
            return
        chosen = [b.strip() for b in self.ui.eeBandsEdit.text().split(",") if b.strip()]
        for band in info.bands:
            label = "{} ({})".format(band.id, band.dtype)
            if band.transform:
                unit = "°" if band.crs == "EPSG:4326" else " m"
                label = "{} ({}, {:g}{})".format(band.id, band.dtype, abs(band.transform[0]), unit)
            action = self.bands_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(band.id in chosen)
            action.toggled.connect(lambda checked, band_id=band.id: self._toggle_band(band_id, checked))

    def _toggle_band(self, band_id, checked):
        bands = [b.strip() for b in self.ui.eeBandsEdit.text().split(",") if b.strip()]
        if checked and band_id not in bands:
            bands.append(band_id)
        elif not checked and band_id in bands:
            bands.remove(band_id)
        self.ui.eeBandsEdit.setText(",".join(bands))

    # -- submissions ---------------------------------------------------------------------
    def _output_dir(self):
        return self.ui.outputDirWidget.filePath() or plugin_settings.output_dir()

    def _new_job(self, provider, params, title):
        """A job with a folder of its own under the output folder (None, said in the status line, when
        that folder cannot be made)."""
        from ..core.output import new_job
        try:
            check_output_dir(self._output_dir())
            return new_job(provider, params, title, self._output_dir())
        except EoError as exc:
            self._status(exc.user_text())
            return None

    def _status(self, text):
        self.ui.statusLabel.setText(text)

    def submit_ee(self):
        exporting = self.export_box.isChecked()
        try:
            aoi = self.current_aoi()
            params = self._ee_export_params(aoi) if exporting else self._ee_params(aoi)
        except EoError as exc:
            self._status(exc.user_text())
            return None
        if exporting:
            self.export_box.remember()
            job = self._new_job("ee_export", params,
                                translate("DownloadDock", "EE export {}").format(params["description"]))
        else:
            job = self._new_job("ee_download", params, "EE {}".format(params.get("image")))
        if job is None:
            return None
        self.manager.submit(job)
        self._status(translate("DownloadDock", "Job '{}' submitted; follow it in the Jobs panel.").format(job.title))
        return job

    def submit_eosda(self):
        from ..core.providers.eosda import client as eosda
        ui = self.ui
        try:
            aoi = self.current_aoi(max_vertices=eosda.DEFAULT_MAX_VERTICES)
            params = eosda.build_params(view_id=ui.eosdaViewEdit.text().strip(), bands=ui.eosdaBandsEdit.text(),
                                        merge=ui.eosdaMergeCheck.isChecked(), metadata="", reference="",
                                        callback_url="")
        except EoError as exc:
            self._status(exc.user_text())
            return None
        params["aoi"] = aoi.to_geojson()
        job = self._new_job("eosda", params, "EOSDA {}".format(params.get("view_id")))
        if job is None:
            return None
        self.manager.submit(job)
        self._status(translate("DownloadDock", "Job '{}' submitted; follow it in the Jobs panel.").format(job.title))
        return job

    # -- EOSDA search (network off the main thread) --------------------------------------------
    def search_eosda(self):
        from ..adapters import network
        from ..adapters.credentials import eosda_api_key
        from ..core import config
        ui = self.ui
        try:
            aoi = self.current_aoi()
            key = eosda_api_key(plugin_settings.get("eosda_authcfg"))
        except EoError as exc:
            self._status(exc.user_text())
            return
        from ..core.providers.eosda import client as eosda
        task = FunctionTask(translate("DownloadDock", "EOSDA scene search"), eosda.search,
                            session=network.make_session(),
                            base=config.base_url("eosda_api", plugin_settings.get("eosda_api_url")), api_key=key,
                            dataset=ui.eosdaDatasetCombo.currentText(), aoi_geojson_polygon=aoi.to_geojson(),
                            date_from=ui.eosdaFromDate.date().toString("yyyy-MM-dd"),
                            date_to=ui.eosdaToDate.date().toString("yyyy-MM-dd"), cloud_max=ui.eosdaCloudSpin.value())
        task.done.connect(self._search_done)
        self.search_task = task
        ui.eosdaSearchButton.setEnabled(False)
        self._status(translate("DownloadDock", "Searching…"))
        QgsApplication.taskManager().addTask(task)

    def _search_done(self, task):
        self.search_task = None
        self.ui.eosdaSearchButton.setEnabled(True)
        if task.error:
            self._status(task.error)
            return
        self.show_scenes(task.result)

    def show_scenes(self, scenes):
        ui = self.ui
        self.scenes = list(scenes)
        ui.eosdaResultsTable.setRowCount(len(self.scenes))
        for row, scene in enumerate(self.scenes):
            cloud = "" if scene.cloud_cover is None else "{:.1f}".format(float(scene.cloud_cover))
            for col, value in enumerate((scene.date, cloud, scene.view_id)):
                ui.eosdaResultsTable.setItem(row, col, QTableWidgetItem(str(value)))
        self._draw_footprints()
        self._status(translate("DownloadDock", "{} scenes found.").format(len(self.scenes)))

    def _draw_footprints(self, highlight=None):
        self.clear_footprints()
        from shapely.geometry import shape
        transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                           self.canvas.mapSettings().destinationCrs(), QgsProject.instance())
        for index, scene in enumerate(self.scenes):
            if not scene.footprint:
                continue
            band = QgsRubberBand(self.canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
            chosen = index == highlight
            band.setColor(QColor(0, 120, 255, 60 if chosen else 0))
            band.setStrokeColor(QColor(0, 90, 220) if chosen else QColor(0, 120, 255, 140))
            band.setWidth(3 if chosen else 1)
            geom = QgsGeometry.fromWkt(shape(scene.footprint).wkt)
            geom.transform(transform)
            band.setToGeometry(geom, None)
            self.footprints.append(band)

    def clear_footprints(self):
        for band in self.footprints:
            band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
            self.canvas.scene().removeItem(band)
        self.footprints = []

    def _scene_chosen(self):
        rows = self.ui.eosdaResultsTable.selectionModel().selectedRows()
        if not rows:
            return
        index = rows[0].row()
        if 0 <= index < len(self.scenes):
            self.ui.eosdaViewEdit.setText(self.scenes[index].view_id)
            self._draw_footprints(highlight=index)

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
        self.clear_footprints()
        self.eodag_tab.cleanup()
        self.aoi_band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        self.canvas.scene().removeItem(self.aoi_band)


def _read_image_info(image, project, session, base, token_provider):
    from ..core.providers.earthengine.client import EeClient
    return EeClient(base, project, token_provider, session=session).image_info(image)
