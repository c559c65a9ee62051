"""The Earth Engine tab of the download dock: image, bands, grid, live estimate, download or batch export.

The widgets come from ``ui/ee_tab.ui``.  The batch-export group (``image:export``, for areas
too large to download) is part of it: checked, the tab's image, bands, scale, CRS and area of
interest go to an export computed on Earth Engine's servers, which the job follows and brings
back (Cloud Storage or Drive files, or an asset shown as a tile layer).  The tab proposes it when
the interactive download would be large (:data:`EXPORT_SUGGESTED_BYTES`).  Every option of the
export is in the Processing algorithm ``eo_downloader:ee_export``; the group holds the ones most
exports need.  The image's description is read off the main thread (:class:`FunctionTask`).
"""

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QMenu, QPushButton, QWidget

from ..adapters import settings as plugin_settings
from ..adapters.tasks import FunctionTask, stop_tasks
from ..core.errors import EoError, ParameterError
from ..core.i18n import translate
from ..core.providers.earthengine.params import FORMAT_CHOICES, format_label
from ..core.jobs import Job
from ..resources import ui_path
from .task_button import TaskButton

FORM_CLASS, _ = uic.loadUiType(ui_path("ee_tab.ui"))

#: An interactive download larger than this (as Earth Engine counts bytes) proposes a batch export.
EXPORT_SUGGESTED_BYTES = 1 << 30
#: The export destinations, in the order of the items of ``eeExportDestinationCombo`` in the .ui file.
EXPORT_DESTINATIONS = ("gcs", "drive", "asset")


class EeTab(QWidget, FORM_CLASS):
    """One tab of :class:`DownloadDock`; ``dock`` gives the AOI, the job manager, the folder, the status line."""

    def __init__(self, dock, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.dock = dock
        for fmt in FORMAT_CHOICES:                  # the one list (core), Earth Engine's default first
            self.eeFormatCombo.addItem(format_label(fmt), fmt)
        self.eeCrsWidget.setOptionVisible(self.eeCrsWidget.CrsOption.CrsNotSet, True)
        self.eeCrsWidget.setNotSetText(translate("EeTab", "Image's own CRS"))
        self.eeCrsWidget.setCrs(QgsCoordinateReferenceSystem())
        self.eeProjectEdit.setText(plugin_settings.get("ee_project"))
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
        self.bands_menu = QMenu(self.eeBandsButton)
        self.eeBandsButton.setMenu(self.bands_menu)

    # -- the state of the tab for the dock's area of interest ---------------------------------
    def update_state(self, aoi, error):
        """The button, its tooltip and the estimate for ``aoi`` (None: ``error`` says why there is none)."""
        exporting = self.eeExportBox.isChecked()
        reason = None
        if aoi is None:
            reason = error
        elif not self.eeImageEdit.text().strip():
            reason = translate("EeTab", "Enter an image id.")
        elif not self.eeBandsEdit.text().strip():
            reason = translate("EeTab", "Enter at least one band.")
        elif exporting:
            try:
                self._ee_export_params(aoi)
            except EoError as exc:
                reason = exc.user_text()
        self.eeDownloadButton.setEnabled(reason is None)
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
        info = self.image_infos.get(self.eeImageEdit.text().strip())
        if info is not None and not isinstance(info, str):
            from ..core.providers.earthengine import download_runner as ee_download
            try:
                params = self._ee_params(aoi)
                est = ee_download.estimate_for(params, info)
            except EoError as exc:
                return exc.user_text(), None
            return translate("EeTab", "{} × {} px, {} band(s), {:,.1f} MiB as Earth Engine counts it "
                                      "(with the mask byte), {} request(s).").format(
                est.width, est.height, est.bands, est.bytes / 1048576.0, est.tiles), est.bytes
        from ..core.providers.earthengine.tiling import rough_estimate
        bands = [b for b in self.eeBandsEdit.text().split(",") if b.strip()]
        scale = self.eeScaleSpin.value() or 10.0
        est = rough_estimate(aoi.bounds, scale, len(bands))
        size = est.bytes
        text = translate("EeTab", "About {} × {} px at {} m, {:,.1f} MiB (16-bit bands + mask byte), "
                                  "{} tile(s).").format(est.width, est.height, scale, size / 1048576.0, est.tiles)
        if isinstance(info, str):
            text += "\n" + info
        return text, size

    def _ee_inputs(self, aoi):
        """What the tab says of the image and the grid, for a download and an export alike."""
        crs = self.eeCrsWidget.crs()
        return {"image": self.eeImageEdit.text().strip(), "bands": self.eeBandsEdit.text(),
                "scale": self.eeScaleSpin.value() or None, "crs": crs.authid() if crs.isValid() else None,
                "project": self.eeProjectEdit.text().strip() or plugin_settings.get("ee_project"),
                "aoi": aoi.to_geojson()}

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
        from ..adapters import network
        from ..adapters.credentials import credentials_for
        from ..core import config
        try:
            creds = credentials_for(Job(provider="ee_download", params={}))
        except EoError as exc:
            self.image_infos[image] = translate("EeTab", "The image's bands cannot be read yet: {}").format(
                exc.message)
            self.dock.schedule_update()
            return
        project = self.eeProjectEdit.text().strip() or plugin_settings.get("ee_project")
        task = FunctionTask(translate("EeTab", "Reading the description of {}").format(image),
                            _read_image_info, key=image, image=image, project=project, session=network.make_session(),
                            base=config.base_url("ee_api", plugin_settings.get("ee_api_url")),
                            token_provider=creds["token_provider"], deadline=plugin_settings.request_deadline())
        self.info_stopper.watch(task, translate("EeTab", "Reading the description of {}…").format(image))
        task.done.connect(self._image_info_done)
        self.info_task = task
        QgsApplication.taskManager().addTask(task)

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

    # -- submission ---------------------------------------------------------------------
    def submit_ee(self):
        exporting = self.eeExportBox.isChecked()
        try:
            aoi = self.dock.current_aoi()
            params = self._ee_export_params(aoi) if exporting else self._ee_params(aoi)
        except EoError as exc:
            self.dock._status(exc.user_text())
            return None
        if exporting:
            self._remember_export()
            job = self.dock._new_job("ee_export", params,
                                     translate("EeTab", "EE export {}").format(params["description"]))
        else:
            job = self.dock._new_job("ee_download", params, "EE {}".format(params.get("image")))
        if job is None:
            return None
        self.dock.manager.submit(job)
        self.dock._status(translate("EeTab", "Job '{}' submitted; follow it in the Jobs panel.").format(job.title))
        return job

    # -- teardown -----------------------------------------------------------------------------
    def cleanup(self):
        self.info_timer.stop()
        stop_tasks((self.info_task,))
        self.info_task = None


def _read_image_info(image, project, session, base, token_provider, cancel):
    from ..core.providers.earthengine.client import EeClient
    return EeClient(base, project, token_provider, session=session, cancel=cancel).image_info(image)
