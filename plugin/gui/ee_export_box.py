"""The Earth Engine tab's batch-export mode (``image:export``), for areas too large to download.

A checkable group in the Earth Engine tab: checked, the tab's image, bands, scale, CRS
and area of interest go to an export computed on Earth Engine's servers, which the
job follows and brings back (Cloud Storage or Drive files, or an asset shown as a tile
layer).  The dock proposes it when the interactive download would be large
(:data:`EXPORT_SUGGESTED_BYTES`).  Every option of the export is in the Processing
algorithm ``eo_downloader:ee_export``; the group holds the ones most exports need.
"""
from qgis.PyQt.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QSizePolicy,
                                 QStackedWidget)

from ..adapters import settings as plugin_settings
from ..core.errors import ParameterError
from ..core.i18n import translate

#: An interactive download larger than this (as Earth Engine counts bytes) proposes a batch export.
EXPORT_SUGGESTED_BYTES = 1 << 30


class EeExportBox(QGroupBox):
    def __init__(self, on_change, parent=None):
        super().__init__(translate("EeExportBox", "Batch export on Earth Engine"), parent)
        self.setObjectName("eeExportBox")
        self.setCheckable(True)
        self.setChecked(False)
        self.setToolTip(translate("EeExportBox", "Earth Engine computes the image on its own servers "
                                                 "(image:export); the job follows the export and brings the "
                                                 "results back. For areas too large to download."))
        form = QFormLayout(self)
        self.destination = QComboBox()
        for key, label in (("gcs", translate("EeExportBox", "Cloud Storage")),
                           ("drive", translate("EeExportBox", "Google Drive")),
                           ("asset", translate("EeExportBox", "Earth Engine asset"))):
            self.destination.addItem(label, key)
        self.bucket = QLineEdit()
        self.bucket.setPlaceholderText("my-bucket")
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(translate("EeExportBox", "folder in My Drive (optional)"))
        self.prefix = QLineEdit()
        self.prefix.setPlaceholderText(translate("EeExportBox", "the description"))
        self.prefix.setToolTip(translate("EeExportBox", "Start of the exported files' names (a path in the bucket)."))
        self.asset = QLineEdit()
        self.asset.setPlaceholderText("projects/my-project/assets/my_export")
        self.description = QLineEdit()
        self.description.setPlaceholderText("myExportImageTask")
        self.description.setToolTip(translate("EeExportBox", "The export's name in Earth Engine's task list."))
        self.max_pixels = QLineEdit()
        self.max_pixels.setPlaceholderText(translate("EeExportBox", "1e8 (Earth Engine's default)"))
        self.max_pixels.setToolTip(translate("EeExportBox", "Most pixels the export may compute; raise it (e.g. "
                                                            "1e10) when Earth Engine says the export is too "
                                                            "large."))
        self.wait = QCheckBox(translate("EeExportBox", "Follow the export and bring the results back"))
        self.wait.setChecked(True)
        self.wait.setToolTip(translate("EeExportBox", "Unchecked, the job ends once Earth Engine has the export; "
                                                      "Retry in the Jobs panel follows it later."))
        # where the export goes: one row, its field and caption following the destination
        self.targets = QStackedWidget()
        self.target_captions = {"gcs": translate("EeExportBox", "Bucket"),
                                "drive": translate("EeExportBox", "Drive folder"),
                                "asset": translate("EeExportBox", "Asset id")}
        for edit in (self.bucket, self.folder, self.asset):
            self.targets.addWidget(edit)
        self.targets.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.target_caption = QLabel()
        self.prefix_caption = QLabel(translate("EeExportBox", "File name prefix"))
        form.addRow(translate("EeExportBox", "Destination"), self.destination)
        form.addRow(self.target_caption, self.targets)
        form.addRow(self.prefix_caption, self.prefix)
        form.addRow(translate("EeExportBox", "Description"), self.description)
        form.addRow(translate("EeExportBox", "Max. pixels"), self.max_pixels)
        form.addRow(self.wait)
        remembered = plugin_settings.get("ee_export_destination")
        self.destination.setCurrentIndex(max(0, self.destination.findData(remembered)))
        self.bucket.setText(plugin_settings.get("ee_export_bucket"))
        self.folder.setText(plugin_settings.get("ee_export_folder"))
        self.destination.currentIndexChanged.connect(self._show_rows)
        self.toggled.connect(on_change)
        self.destination.currentIndexChanged.connect(on_change)
        for edit in (self.bucket, self.folder, self.prefix, self.asset, self.description, self.max_pixels):
            edit.textChanged.connect(on_change)
        self._show_rows()

    def destination_key(self) -> str:
        return self.destination.currentData()

    def _show_rows(self, *_args):
        key = self.destination_key()
        self.targets.setCurrentWidget({"gcs": self.bucket, "drive": self.folder, "asset": self.asset}[key])
        self.target_caption.setText(self.target_captions[key])
        for widget in (self.prefix_caption, self.prefix):      # an asset has no file names
            widget.setVisible(key != "asset")

    def build_kwargs(self) -> dict:
        """The export's own arguments of ``ee_export.build_params`` (raises ParameterError)."""
        text = self.max_pixels.text().strip()
        try:
            max_pixels = float(text) if text else None
        except ValueError:
            raise ParameterError(translate("EeExportBox", "Max. pixels must be a number, e.g. 1e10; got \"{}\".")
                                 .format(text)) from None
        key = self.destination_key()
        return {"destination": key, "bucket": self.bucket.text().strip() if key == "gcs" else None,
                "folder": self.folder.text().strip() if key == "drive" else None,
                "prefix": self.prefix.text().strip() if key in ("gcs", "drive") else None,
                "asset_id": self.asset.text().strip() if key == "asset" else None,
                "description": self.description.text().strip(), "max_pixels": max_pixels,
                "wait": self.wait.isChecked()}

    def remember(self) -> None:
        """Keep the destination, bucket and Drive folder for the next export."""
        plugin_settings.set("ee_export_destination", self.destination_key())
        plugin_settings.set("ee_export_bucket", self.bucket.text().strip())
        plugin_settings.set("ee_export_folder", self.folder.text().strip())
