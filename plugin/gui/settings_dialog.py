"""The settings dialog: credentials (as authcfg references), endpoints and preferences."""
from qgis.gui import QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QDialog

from ..adapters import settings as plugin_settings
from ..resources import ui_path

FORM_CLASS, _ = uic.loadUiType(ui_path("settings_dialog.ui"))


class SettingsDialog(QDialog, FORM_CLASS):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.outputDirWidget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.load()

    def load(self):
        get = plugin_settings.get
        self.eeAuthSelect.setConfigId(get("ee_authcfg"))
        self.eeProjectEdit.setText(get("ee_project"))
        self.eeUrlEdit.setText(get("ee_api_url"))
        self.eeTokenUrlEdit.setText(get("ee_token_url"))
        self.eosdaAuthSelect.setConfigId(get("eosda_authcfg"))
        self.eosdaUrlEdit.setText(get("eosda_api_url"))
        self.outputDirWidget.setFilePath(plugin_settings.output_dir())
        self.maxAreaSpin.setValue(float(get("max_area_km2")))
        self.tilesSpin.setValue(int(get("max_parallel_tiles")))
        self.verifyTlsCheck.setChecked(bool(get("verify_tls")))

    def save(self):
        values = {
            "ee_authcfg": self.eeAuthSelect.configId(),
            "ee_project": self.eeProjectEdit.text().strip(),
            "ee_api_url": self.eeUrlEdit.text().strip(),
            "ee_token_url": self.eeTokenUrlEdit.text().strip(),
            "eosda_authcfg": self.eosdaAuthSelect.configId(),
            "eosda_api_url": self.eosdaUrlEdit.text().strip(),
            "output_dir": self.outputDirWidget.filePath(),
            "max_area_km2": float(self.maxAreaSpin.value()),
            "max_parallel_tiles": int(self.tilesSpin.value()),
            "verify_tls": self.verifyTlsCheck.isChecked(),
        }
        for key, value in values.items():
            plugin_settings.set(key, value)

    def accept(self):
        self.save()
        super().accept()
