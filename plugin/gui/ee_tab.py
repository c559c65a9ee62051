"""The Earth Engine tab of the download dock: image, bands, grid, live estimate, download or batch export.

The widgets come from ``ui/ee_tab.ui``.  The batch-export group (``image:export``, for areas
too large to download) is part of it: checked, the tab's image, bands, scale, CRS and area of
interest go to an export computed on Earth Engine's servers, which the job follows and brings
back (Cloud Storage or Drive files, or an asset shown as a tile layer).  The tab proposes it when
the interactive download would be large (:data:`EXPORT_SUGGESTED_BYTES`).  Every option of the
export is in the Processing algorithm ``eo_downloader:ee_export``; the group holds the ones most
exports need.  The image's description is read off the main thread (:class:`FunctionTask`).

Without an image id: the "Find images" group searches a collection over the area and the dates
(below a cloud cover), lists the images with their footprints on the map, and a chosen row fills
the image id; or the "Composite" mode downloads (or exports) all of them cloud-masked and combined.
"Preview" shows a quick picture of either over the area as a temporary layer, which the real
result replaces when its layers arrive.  Searches and previews run in background tasks.
"""

import os
import shutil
import tempfile

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject, QgsRasterLayer
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate, QTimer
from qgis.PyQt.QtWidgets import QComboBox, QMenu, QMessageBox, QPushButton, QWidget

from ..adapters import settings as plugin_settings
from ..adapters.tasks import FunctionTask, stop_tasks
from ..core.errors import EoError, ParameterError
from ..core.i18n import mib, number, translate
from ..core.providers.earthengine import collections as ee_collections
from ..core.providers.earthengine import composite as ee_composite
from ..core.providers.earthengine import tiling
from ..core.providers.earthengine.params import FORMAT_CHOICES, format_label
from ..resources import ui_path
from .footprints import Footprints
from .results_table import id_item
from . import results_table
from .tab_page import TabPage
from .task_button import TaskButton

FORM_CLASS, _ = uic.loadUiType(ui_path("ee_tab.ui"))


class StayOpenMenu(QMenu):
    """A menu of check boxes that stays open while they are ticked (the Bands picker): a click toggles
    the action under the mouse without closing the menu; Escape or a click outside closes it."""

    def mouseReleaseEvent(self, event):  # noqa: N802 (Qt)
        action = self.actionAt(event.pos())
        if action is not None and action.isEnabled() and action.isCheckable():
            action.trigger()
            event.accept()
            return
        super().mouseReleaseEvent(event)


#: An interactive download larger than this (as Earth Engine counts bytes) proposes a batch export.
EXPORT_SUGGESTED_BYTES = tiling.LARGE_DOWNLOAD_BYTES
#: The export destinations, in the order of the items of ``eeExportDestinationCombo`` in the .ui file.
EXPORT_DESTINATIONS = ("gcs", "drive", "asset")


def PER_FEATURE_EXPORT():  # noqa: N802 (a message, translated when shown)
    return translate("EeTab", "One job per feature is for downloads: exports of several features would write "
                              "the same files on Earth Engine's side. Export one area at a time.")


class EeTab(TabPage, QWidget, FORM_CLASS):
    """One tab of :class:`DownloadDock`; ``dock`` gives the AOI, the job manager, the folder, the status line."""

    def __init__(self, dock, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.dock = dock
        for fmt in FORMAT_CHOICES:                  # the one list (core), Earth Engine's default first
            self.eeFormatCombo.addItem(format_label(fmt), fmt)
        for combo in (self.eeFormatCombo, self.eeCollectionCombo):      # long items: they may shrink (elided)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)
            combo.setToolTip(combo.toolTip() or translate("EeTab", "The whole text is in the list."))
        self.eeCrsWidget.setOptionVisible(self.eeCrsWidget.CrsOption.CrsNotSet, True)
        self.eeCrsWidget.setNotSetText(translate("EeTab", "Image's own CRS"))
        self.eeCrsWidget.setCrs(QgsCoordinateReferenceSystem())
        self.eeProjectEdit.setText(plugin_settings.get("ee_project"))
        self.eeProjectEdit.editingFinished.connect(self._remember_project)
        for widget in (self.eeImageEdit, self.eeBandsEdit, self.eeProjectEdit):
            widget.textChanged.connect(dock.schedule_update)
        self.eeScaleSpin.valueChanged.connect(dock.schedule_update)
        self.eeFormatCombo.currentIndexChanged.connect(dock.schedule_update)
        self.eeDownloadButton.clicked.connect(self.submit_ee)
        self.image_infos = {}          # image id -> tiling.ImageInfo (or an error text)
        self.info_task = None
        self.info_timer = QTimer(self)
        self.info_timer.setSingleShot(True)
        self.info_timer.setInterval(800)
        self.info_timer.timeout.connect(self.fetch_image_info)
        self.eeImageEdit.textChanged.connect(self.info_timer.start)
        self.info_stop_button = QPushButton(translate("EeTab", "Stop"))
        self.eeBandsLayout.addWidget(self.info_stop_button)      # shown while the description is read
        self.info_stopper = TaskButton(self.info_stop_button, None, dock._status, hide_when_idle=True)
        self._build_export_box(dock.schedule_update)
        self.eeSuggestExportButton.setVisible(False)
        self.eeSuggestExportButton.clicked.connect(lambda: self.eeExportBox.setChecked(True))
        self.bands_menu = StayOpenMenu(self.eeBandsButton)
        self.eeBandsButton.setMenu(self.bands_menu)
        self.scenes = []                   # the last search's Scenes
        self.search_key = None             # what the last search was for (collection, dates, clouds)
        self.scene_info = None             # the first scene's ImageInfo: the composite's estimate
        self.search_task = None
        self.preview_task = None
        self.quick_previews = {}           # result title -> the id of its preview layer
        self.quick_tiles = {}              # result title -> the id of its Earth Engine tile layer
        self.footprint_bands = Footprints(dock.canvas)
        self._build_collection_box(dock.schedule_update)
        self._restore_image()
        self.eeCollectionCombo.lineEdit().home(False)       # a long name shows its start, not its end
        dock.manager.jobFinished.connect(self._job_finished)

    # -- the state of the tab for the dock's area of interest ---------------------------------
    def update_state(self, aoi, error):
        """The button, its tooltip and the estimate for ``aoi`` (None: ``error`` says why there is none)."""
        exporting = self.eeExportBox.isChecked()
        reason = None
        if aoi is None:
            reason = error
        elif not self.composite_mode() and not self.eeImageEdit.text().strip():
            reason = translate("EeTab", "Enter an image id, or search a collection and choose one.")
        elif not self.eeBandsEdit.text().strip():
            reason = translate("EeTab", "Enter at least one band.")
        elif exporting and self.dock.per_feature():
            reason = PER_FEATURE_EXPORT()
        elif exporting or self.composite_mode():
            try:
                self._ee_export_params(aoi) if exporting else self._ee_params(aoi)
            except EoError as exc:
                reason = exc.user_text()
        self.eeDownloadButton.setEnabled(reason is None)
        self.eePreviewButton.setEnabled(reason is None)
        self.eePreviewButton.setToolTip(reason or translate(
            "EeTab", "A quick picture of the image or the composite over the area, as a temporary layer."))
        if self.search_task is None:          # (while a search runs, the button is its Stop button)
            self.eeSearchButton.setEnabled(aoi is not None)
        self.eeSearchButton.setToolTip(error if aoi is None else translate("EeTab", "List the collection's images "
                                                                                    "over the area."))
        if exporting:
            self.eeDownloadButton.setText(translate("EeTab", "Export on Earth Engine"))
            self.eeDownloadButton.setToolTip(reason or translate(
                "EeTab", "Start the export on Earth Engine as a background job that follows it."))
        else:
            self.eeDownloadButton.setText(translate("EeTab", "Download from Earth Engine"))
            self.eeDownloadButton.setToolTip(reason or translate("EeTab", "Send the request as a background job."))
        for widget in (self.eeFormatCombo, self.eeFilePerBandCheck):
            widget.setEnabled(not exporting)
            widget.setToolTip(translate("EeTab", "An export writes GeoTIFF files.") if exporting else "")
        text, size = self.ee_estimate(aoi) if aoi is not None else (reason or "", None)
        large = size is not None and size > EXPORT_SUGGESTED_BYTES
        if large and not exporting:
            text += "\n" + translate("EeTab", "That is a large download: a batch export computes it on Earth "
                                              "Engine's servers and brings the files back.")
        self.eeEstimateLabel.setText(text)
        self.eeSuggestExportButton.setVisible(large and not exporting)

    def ee_estimate(self, aoi):
        """(text, bytes) of the size before anything is sent: exact once the image's bands are known,
        rough before (bytes None when the size cannot be told)."""
        info = self._composite_info(aoi) if self.composite_mode() else \
            self.image_infos.get(self.eeImageEdit.text().strip())
        if info is not None and not isinstance(info, str):
            from ..core.providers.earthengine import download_runner as ee_download
            try:
                params = self._ee_params(aoi)
                est = ee_download.estimate_for(params, info, budget=self._ee_budget(params),
                                               cap=int(plugin_settings.get("ee_max_concurrency")))
            except EoError as exc:
                return exc.user_text(), None
            text = translate("EeTab", "{} × {} px, {} band(s), {} as Earth Engine counts it "
                                      "(with the mask byte), {} tile(s).").format(
                number(est.width), number(est.height), est.bands, mib(est.bytes), number(est.tiles))
            text += "\n" + translate("EeTab", "{} requests to Earth Engine, about {} s at the speed "
                                              "measured so far.").format(number(est.requests),
                                                                         number(max(1.0, est.seconds)))
            return text, est.bytes
        from ..core.providers.earthengine.tiling import rough_estimate
        bands = [b for b in self.eeBandsEdit.text().split(",") if b.strip()]
        default_scale = ee_collections.collection_info(self.collection_id()).scale if self.composite_mode() else 10.0
        scale = self.eeScaleSpin.value() or default_scale
        est = rough_estimate(aoi.bounds, scale, len(bands))
        size = est.bytes
        text = translate("EeTab", "About {} × {} px at {} m, {} (16-bit bands + mask byte), "
                                  "{} tile(s).").format(number(est.width), number(est.height),
                                                        number(scale, 2 if scale % 1 else 0), mib(size),
                                                        number(est.tiles))
        if isinstance(info, str):
            text += "\n" + info
        return text, size

    @staticmethod
    def _ee_budget(params):
        """The request budget of the download's project, which the jobs of this session share."""
        from ..core import config
        from ..core.providers.earthengine import budget as ee_budget
        url = config.base_url("ee_api", plugin_settings.get("ee_api_url"))
        return ee_budget.budget_for(url, params.get("project") or "")

    def _ee_inputs(self, aoi):
        """What the tab says of the image (or the composite) and the grid, for a download and an export alike."""
        crs = self.eeCrsWidget.crs()
        inputs = {"image": "" if self.composite_mode() else self.eeImageEdit.text().strip(),
                  "bands": self.eeBandsEdit.text(), "scale": self.eeScaleSpin.value() or None,
                  "crs": crs.authid() if crs.isValid() else None,
                  "project": self.eeProjectEdit.text().strip() or plugin_settings.get("ee_project"),
                  "aoi": aoi.to_geojson()}
        if self.composite_mode():
            inputs.update(self._search_inputs(), cloud_mask=self.eeMaskCombo.currentData(),
                          composite=self.eeMethodCombo.currentData())
        return inputs

    def _ee_params(self, aoi):
        from ..core.providers.earthengine import download_runner as ee_download
        return ee_download.build_params(
            band_options="", crs_transform="", dimensions="", format=self.eeFormatCombo.currentData() or None,
            file_per_band=self.eeFilePerBandCheck.isChecked(), name="", **self._ee_inputs(aoi))

    def _ee_export_params(self, aoi):
        from ..core.providers.earthengine import export_runner as ee_export
        params = ee_export.build_params(**self._ee_inputs(aoi), **self._export_kwargs())
        params["aoi_notes"] = list(aoi.notes)
        return params

    # -- the batch-export group ----------------------------------------------------------------
    def _build_export_box(self, on_change):
        for index, key in enumerate(EXPORT_DESTINATIONS):
            self.eeExportDestinationCombo.setItemData(index, key)
        # where the export goes: one row, its field and caption following the destination
        self.export_target_captions = {"gcs": translate("EeTab", "Bucket"),
                                       "drive": translate("EeTab", "Drive folder"),
                                       "asset": translate("EeTab", "Asset id")}
        remembered = plugin_settings.get("ee_export_destination")
        self.eeExportDestinationCombo.setCurrentIndex(max(0, self.eeExportDestinationCombo.findData(remembered)))
        self.eeExportBucketEdit.setText(plugin_settings.get("ee_export_bucket"))
        self.eeExportFolderEdit.setText(plugin_settings.get("ee_export_folder"))
        self.eeExportDestinationCombo.currentIndexChanged.connect(self._show_export_rows)
        self.eeExportBox.toggled.connect(on_change)
        self.eeExportBox.toggled.connect(self.eeExportContents.setVisible)      # collapsed until checked
        self.eeExportContents.setVisible(self.eeExportBox.isChecked())
        self.eeExportDestinationCombo.currentIndexChanged.connect(on_change)
        for edit in (self.eeExportBucketEdit, self.eeExportFolderEdit, self.eeExportPrefixEdit,
                     self.eeExportAssetEdit, self.eeExportDescriptionEdit, self.eeExportMaxPixelsEdit):
            edit.textChanged.connect(on_change)
        self._show_export_rows()

    def _export_destination(self) -> str:
        return self.eeExportDestinationCombo.currentData()

    def _show_export_rows(self, *_args):
        key = self._export_destination()
        self.eeExportTargets.setCurrentWidget({"gcs": self.eeExportBucketEdit, "drive": self.eeExportFolderEdit,
                                               "asset": self.eeExportAssetEdit}[key])
        self.eeExportTargetLabel.setText(self.export_target_captions[key])
        for widget in (self.eeExportPrefixLabel, self.eeExportPrefixEdit):      # an asset has no file names
            widget.setVisible(key != "asset")

    def _export_kwargs(self) -> dict:
        """The export's own arguments of ``ee_export.build_params`` (raises ParameterError)."""
        text = self.eeExportMaxPixelsEdit.text().strip()
        try:
            max_pixels = float(text) if text else None
        except ValueError:
            raise ParameterError(translate("EeTab", "Max. pixels must be a number, e.g. 1e10; got \"{}\".")
                                 .format(text)) from None
        key = self._export_destination()
        return {"destination": key, "bucket": self.eeExportBucketEdit.text().strip() if key == "gcs" else None,
                "folder": self.eeExportFolderEdit.text().strip() if key == "drive" else None,
                "prefix": self.eeExportPrefixEdit.text().strip() if key in ("gcs", "drive") else None,
                "asset_id": self.eeExportAssetEdit.text().strip() if key == "asset" else None,
                "description": self.eeExportDescriptionEdit.text().strip(), "max_pixels": max_pixels,
                "wait": self.eeExportWaitCheck.isChecked()}

    def _remember_export(self) -> None:
        """Keep the destination, bucket and Drive folder for the next export."""
        plugin_settings.set("ee_export_destination", self._export_destination())
        plugin_settings.set("ee_export_bucket", self.eeExportBucketEdit.text().strip())
        plugin_settings.set("ee_export_folder", self.eeExportFolderEdit.text().strip())

    # -- image description and band picker (network off the main thread) ------------------
    def fetch_image_info(self):
        image = self.eeImageEdit.text().strip()
        if not image or image in self.image_infos or self.info_task is not None:
            self.show_bands()
            return
        from ..adapters.earthengine import make_client
        try:
            client = make_client(self.eeProjectEdit.text().strip())
        except EoError as exc:
            self.image_infos[image] = translate("EeTab", "The image's bands cannot be read yet: {}").format(
                exc.message)
            self.dock.schedule_update()
            return
        task = FunctionTask(translate("EeTab", "Reading the description of {}").format(image),
                            _read_image_info, key=image, image=image, client=client,
                            deadline=plugin_settings.request_deadline())
        self.info_task = self.info_stopper.start(
            task, translate("EeTab", "Reading the description of {}…").format(image), self._image_info_done)

    def _image_info_done(self, task):
        self.info_task = None
        image = task.key
        if task.stopped and not task.timed_out:     # stopped by the user: read it again when asked
            self.dock._status(task.error)
            self.show_bands()
            return
        self.dock._status("")
        self.image_infos[image] = task.result if task.error is None else \
            translate("EeTab", "The image's bands could not be read: {}").format(task.error)
        self.show_bands()
        self.dock.schedule_update()
        if image != self.eeImageEdit.text().strip():
            self.info_timer.start()

    def show_bands(self):
        info = self.image_infos.get(self.eeImageEdit.text().strip())
        self.bands_menu.clear()
        usable = info is not None and not isinstance(info, str)
        self.eeBandsButton.setEnabled(usable)
        if not usable:
            return
        chosen = [b.strip() for b in self.eeBandsEdit.text().split(",") if b.strip()]
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
        bands = [b.strip() for b in self.eeBandsEdit.text().split(",") if b.strip()]
        if checked and band_id not in bands:
            bands.append(band_id)
        elif not checked and band_id in bands:
            bands.remove(band_id)
        self.eeBandsEdit.setText(",".join(bands))

    # -- collections: search, composite, preview -------------------------------------------
    def _build_collection_box(self, on_change):
        for info in ee_collections.COLLECTIONS:
            self.eeCollectionCombo.addItem(info.title, info.id)
        self.eeCollectionCombo.lineEdit().setPlaceholderText(translate("EeTab", "or type a collection id"))
        labels = {ee_composite.MASK_NONE: translate("EeTab", "None"),
                  ee_composite.MASK_CLOUD_SCORE_PLUS: translate("EeTab", "Cloud Score+"),
                  ee_composite.MASK_LANDSAT_QA: translate("EeTab", "Landsat QA")}
        for mask in ee_composite.MASKS:
            self.eeMaskCombo.addItem(labels[mask], mask)
        methods = {"median": translate("EeTab", "median"), "mean": translate("EeTab", "mean"),
                   "min": translate("EeTab", "min"), "max": translate("EeTab", "max"),
                   "recent": translate("EeTab", "most recent on top"),
                   "least_cloudy": translate("EeTab", "least cloudy on top")}
        for method in ee_composite.METHODS:
            self.eeMethodCombo.addItem(methods[method], method)
        self.eeToDate.setDate(QDate.currentDate())
        self.eeFromDate.setDate(QDate.currentDate().addMonths(-3))
        self.eeCollectionCombo.currentTextChanged.connect(self._collection_changed)
        self.eeCollectionCombo.activated.connect(lambda _i: self.eeCollectionCombo.lineEdit().home(False))
        for widget in (self.eeFromDate, self.eeToDate):
            widget.dateChanged.connect(on_change)
        self.eeCloudSpin.valueChanged.connect(on_change)
        for combo in (self.eeMaskCombo, self.eeMethodCombo):
            combo.currentIndexChanged.connect(on_change)
        self.eeCompositeRadio.toggled.connect(self._show_mode)
        self.search_stopper = TaskButton(self.eeSearchButton, self.search_collection, self.dock._status)
        self.eeClearFootprintsButton.clicked.connect(self.clear_footprints)
        self.eeResultsTable.itemSelectionChanged.connect(self._scene_chosen)
        results_table.setup(self.eeResultsTable)
        self.eeResultsTable.setVisible(False)
        self.eePreviewButton.clicked.connect(self.preview)
        self._collection_changed()
        self._show_mode()

    def composite_mode(self) -> bool:
        return self.eeCompositeRadio.isChecked()

    def collection_id(self) -> str:
        """The chosen preset's id, or the text typed."""
        text = self.eeCollectionCombo.currentText().strip()
        index = self.eeCollectionCombo.findText(text)
        return self.eeCollectionCombo.itemData(index) if index >= 0 else text

    def _search_inputs(self) -> dict:
        info = ee_collections.collection_info(self.collection_id())
        return {"collection": self.collection_id(), "date_from": self.eeFromDate.date().toString("yyyy-MM-dd"),
                "date_to": self.eeToDate.date().toString("yyyy-MM-dd"),
                "cloud_max": self.eeCloudSpin.value() if info.cloud_property else None}

    def _collection_changed(self, *_args):
        """The collection's usual bands, cloud limit and masks (its scale is the composite's default)."""
        info = ee_collections.collection_info(self.collection_id())
        if info in ee_collections.COLLECTIONS:
            self.eeBandsEdit.setText(",".join(info.default_bands))
        self.eeCloudSpin.setEnabled(bool(info.cloud_property))
        allowed = info.masks if info in ee_collections.COLLECTIONS else ee_composite.MASKS
        for index in range(self.eeMaskCombo.count()):
            self.eeMaskCombo.model().item(index).setEnabled(self.eeMaskCombo.itemData(index) in allowed)
        self.eeMaskCombo.setCurrentIndex(self.eeMaskCombo.findData(info.default_mask))
        self.dock.schedule_update()

    def _show_mode(self, *_args):
        composite = self.composite_mode()
        for widget in (self.eeMaskLabel, self.eeMaskCombo, self.eeMethodLabel, self.eeMethodCombo):
            widget.setVisible(composite)
        for widget in (self.eeImageLabel, self.eeImageEdit):
            widget.setVisible(not composite)
        # what an empty CRS means (params.collection_defaults: a composite goes to the area's UTM zone)
        self.eeCrsWidget.setNotSetText(translate("EeTab", "UTM zone of the area") if composite
                                       else translate("EeTab", "Image's own CRS"))
        self.dock.schedule_update()

    def search_collection(self):
        """List the collection's images over the area (a background task)."""
        from ..adapters.earthengine import make_client
        from ..core.providers.earthengine.params import check_collection
        try:
            aoi = self.dock.current_aoi()
            inputs = self._search_inputs()
            spec = check_collection(inputs)
            client = make_client(self.eeProjectEdit.text().strip())
        except EoError as exc:
            self.dock._status(exc.user_text())
            return None
        task = FunctionTask(translate("EeTab", "Earth Engine search in {}").format(spec["collection"]),
                            _search, key=tuple(sorted(inputs.items())), client=client, spec=spec,
                            region=aoi.to_geojson(), deadline=plugin_settings.request_deadline())
        self.search_task = self.search_stopper.start(task, translate("EeTab", "Searching…"), self._search_done)
        return task

    def _search_done(self, task):
        self.search_task = None
        self.dock.schedule_update()
        if task.error:
            self.dock._status(task.error)
            return
        found, self.scene_info = task.result
        self.search_key = task.key
        self.show_scenes(found.scenes)
        text = translate("EeTab", "{} images found.").format(len(found.scenes))
        if found.truncated:
            text += " " + translate("EeTab", "The listing was capped: narrow the dates or the area.")
        self.dock._status(text)
        self.dock.schedule_update()

    def show_scenes(self, scenes):
        self.scenes = list(scenes)
        self.eeResultsTable.setRowCount(len(self.scenes))
        self.eeResultsTable.setVisible(bool(self.scenes))         # no empty table before a search finds images
        for row, scene in enumerate(self.scenes):
            cloud = "" if scene.cloud is None else number(scene.cloud, 1)
            for col, value in enumerate((scene.date or "", cloud, scene.id)):
                self.eeResultsTable.setItem(row, col, id_item(value))
        self.footprint_bands.show([scene.footprint for scene in self.scenes])

    def _scene_chosen(self):
        rows = self.eeResultsTable.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.scenes):
            return
        index = rows[0].row()
        self.eeSingleRadio.setChecked(True)
        self.eeImageEdit.setText(self.scenes[index].id)
        self.footprint_bands.show([scene.footprint for scene in self.scenes], highlight=index)

    def clear_footprints(self):
        self.footprint_bands.clear()

    def _composite_info(self, aoi):
        """The composite's bands for the estimate, once a search for the same collection, dates and
        clouds found its first scene (None before: the rough estimate)."""
        if self.scene_info is None or self.search_key != tuple(sorted(self._search_inputs().items())):
            return None
        from ..core.providers.earthengine import download_runner as ee_download
        try:
            spec = ee_download.composite_spec(self._ee_params(aoi))
        except EoError:
            return None
        return ee_download.composite_info(spec, self.scene_info)

    def preview(self):
        """A quick picture of the image or the composite over the area, as a temporary layer."""
        from ..adapters.earthengine import make_client
        from ..core.providers.earthengine import download_runner as ee_download
        try:
            aoi = self.dock.current_aoi()
            params = self._ee_params(aoi)
            client = make_client(params["project"])
        except EoError as exc:
            self.dock._status(exc.user_text())
            return None
        spec = ee_download.composite_spec(params)
        image = ee_composite.composite_image(spec, params["aoi"]) if spec else params["image"]
        info = ee_collections.collection_info(spec.collection if spec else params["image"].rsplit("/", 1)[0])
        bands = [b if isinstance(b, str) else b["id"] for b in params["bands"]] or list(info.default_bands)
        bands = bands[:3] if len(bands) >= 3 else bands[:1]
        title = ee_download.result_title(params)
        from ..adapters.credentials import ee_tile_authcfg
        tiles = ee_tile_authcfg()           # QGIS adds the token to tile requests: a tile layer as well
        folder = tempfile.mkdtemp(prefix="ee_preview_", dir=_preview_dir())
        task = FunctionTask(translate("EeTab", "Earth Engine preview of {}").format(title), _preview, key=title,
                            client=client, image=image, region=params["aoi"], bands=bands, vmin=info.vis_min,
                            vmax=info.vis_max, gamma=info.vis_gamma,
                            path=os.path.join(folder, ee_download.result_name(params) + ".tif"), tiles=tiles,
                            deadline=plugin_settings.request_deadline())
        task.done.connect(self._preview_done)
        self.preview_task = task
        self.dock._status(translate("EeTab", "Fetching a preview…"))
        QgsApplication.taskManager().addTask(task)
        return task

    def _preview_done(self, task):
        self.preview_task = None
        if task.error:
            self.dock._status(task.error)
            return
        from ..adapters.layers import preview_title
        path, tile_uri = task.result
        layer = QgsRasterLayer(path, preview_title(task.key), "gdal")
        if not layer.isValid():
            self.dock._status(translate("EeTab", "The preview could not be shown."))
            return
        project = QgsProject.instance()
        self._drop_quick_preview(task.key)
        project.addMapLayer(layer, False)
        project.layerTreeRoot().insertLayer(0, layer)
        self.quick_previews[task.key] = layer.id()
        if tile_uri:
            tiles = QgsRasterLayer(tile_uri, translate("EeTab", "{} (Earth Engine tiles)").format(task.key), "wms")
            if tiles.isValid():
                project.addMapLayer(tiles, False)
                project.layerTreeRoot().insertLayer(1, tiles)
                self.quick_tiles[task.key] = tiles.id()
        self.dock._status(translate("EeTab", "Preview shown; the download replaces it when it arrives."))

    def _job_finished(self, job_id, ok):
        """The quick preview of what a job downloaded goes once the job's own layers are on the map."""
        job = self.dock.manager.store.get(job_id)
        if job is None or not ok or not self.dock.manager.loaded_layers.get(job_id):
            return
        self._drop_quick_preview(job.title)

    def _drop_quick_preview(self, title):
        """Remove the quick preview of ``title`` (and its tile layer) from the map, and its temporary folder."""
        tiles = self.quick_tiles.pop(title, None)
        if tiles and QgsProject.instance().mapLayer(tiles) is not None:
            QgsProject.instance().removeMapLayer(tiles)
        layer = QgsProject.instance().mapLayer(self.quick_previews.pop(title, None) or "")
        if layer is None:
            return
        folder = os.path.dirname(layer.source())
        QgsProject.instance().removeMapLayer(layer.id())
        if os.path.dirname(folder) == _preview_dir():
            shutil.rmtree(folder, ignore_errors=True)

    # -- submission ---------------------------------------------------------------------
    def submit_ee(self):
        """Submit the download or the export: the job (with one job per feature, the list of jobs; None when
        nothing could go, the status line says why)."""
        exporting = self.eeExportBox.isChecked()
        if exporting and self.dock.per_feature():
            self.dock._status(PER_FEATURE_EXPORT())
            return None
        if exporting:
            self._remember_export()
        jobs = self.dock.submit_areas(self._export_job if exporting else self._download_job)
        if jobs:
            self._remember_image()
        return jobs if self.dock.per_feature() else (jobs[0] if jobs else None)

    def _remember_project(self) -> None:
        if self.eeProjectEdit.text().strip():
            plugin_settings.set("ee_project", self.eeProjectEdit.text().strip())

    def _remember_image(self) -> None:
        """Keep the Cloud project and the image or collection for the next opening (:meth:`_restore_image`)."""
        self._remember_project()
        plugin_settings.set("ee_last_image", self.eeImageEdit.text().strip())
        plugin_settings.set("ee_last_collection", self.collection_id())

    def _restore_image(self) -> None:
        collection = plugin_settings.get("ee_last_collection")
        if collection:
            index = self.eeCollectionCombo.findData(collection)
            if index >= 0:
                self.eeCollectionCombo.setCurrentIndex(index)
            else:
                self.eeCollectionCombo.setEditText(collection)
        self.eeImageEdit.setText(plugin_settings.get("ee_last_image"))

    def _download_job(self, aoi):
        from ..core.providers.earthengine.download_runner import result_title
        params = self._ee_params(aoi)
        if not self._confirm_large(aoi):
            raise ParameterError(translate("EeTab", "Download not sent."))
        return "ee_download", params, result_title(params)

    def _export_job(self, aoi):
        params = self._ee_export_params(aoi)
        title = translate("EeTab", "EE export {}").format(params["description"])
        if params.get("collection") and not self.eeExportDescriptionEdit.text().strip():
            from ..core.providers.earthengine.download_runner import result_title
            title = result_title(params)
        return "ee_export", params, title

    def _confirm_large(self, aoi) -> bool:
        """A download over :data:`EXPORT_SUGGESTED_BYTES` (1 GiB, the estimate shown) goes ahead
        only when the user says so."""
        _text, size = self.ee_estimate(aoi)
        if size is None or size <= EXPORT_SUGGESTED_BYTES:
            return True
        answer = QMessageBox.question(
            self, translate("EeTab", "Large download"),
            translate("EeTab", "This download is about {:,.1f} GiB. Download it anyway? (A batch export computes "
                               "it on Earth Engine's servers instead.)").format(size / float(1 << 30)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # -- teardown -----------------------------------------------------------------------------
    def cleanup(self):
        self.info_timer.stop()
        stop_tasks((self.info_task, self.search_task, self.preview_task))
        self.info_task = self.search_task = self.preview_task = None
        self.clear_footprints()
        try:
            self.dock.manager.jobFinished.disconnect(self._job_finished)
        except (TypeError, RuntimeError):
            pass


def _read_image_info(image, client, cancel):
    client.cancel = cancel
    return client.image_info(image)


def _search(client, spec, region, cancel):
    """(SearchResult, the first scene's ImageInfo or None): on a worker thread."""
    client.cancel = cancel
    from ..core.providers.earthengine import tiling
    found = ee_collections.search(client, spec["collection"], spec["start"], spec["end"], region,
                                  spec["cloud_property"], spec["cloud_max"])
    if not found.scenes:
        return found, None
    first = found.scenes[0].id
    return found, tiling.ImageInfo.from_asset(client.get_asset(first), first)


def _preview(client, image, region, bands, vmin, vmax, gamma, path, tiles, cancel):
    """Fetch the preview and write it as a GeoTIFF at ``path``; with ``tiles`` (an OAuth2 authcfg) also make
    an Earth Engine map for a tile layer: (GeoTIFF path, XYZ URI or None), on a worker thread."""
    client.cancel = cancel
    from ..core.providers.earthengine import preview
    path = preview.write_geotiff(preview.fetch_preview(client, image, region, bands, vmin, vmax, gamma), path)
    uri = preview.tile_layer_uri(client, image, bands, vmin, vmax, gamma, authcfg=tiles) if tiles else None
    return path, uri


def _preview_dir() -> str:
    folder = os.path.join(tempfile.gettempdir(), "eo_downloader", "ee_previews")
    os.makedirs(folder, exist_ok=True)
    return folder
