"""The settings dialog: credentials (as authcfg references), endpoints and preferences."""
from qgis.core import QgsApplication
from qgis.gui import QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QDialog

from ..adapters import settings as plugin_settings
from ..core.errors import EoError
from ..core.i18n import translate
from ..resources import ui_path
from ..adapters.tasks import FunctionTask, stop_tasks
from .task_button import TaskButton

FORM_CLASS, _ = uic.loadUiType(ui_path("settings_dialog.ui"))


class SettingsDialog(QDialog, FORM_CLASS):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.outputDirWidget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.test_task = None
        self.stoppers = {self.eeTestButton: TaskButton(self.eeTestButton, self.test_earth_engine, self._show),
                         self.eosdaTestButton: TaskButton(self.eosdaTestButton, self.test_eosda, self._show)}
        self.finished.connect(self.stop_test)     # closed (OK, Cancel, Escape): its test goes too
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
        self.singleBandsCheck.setChecked(bool(get("add_single_bands")))

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
            "add_single_bands": self.singleBandsCheck.isChecked(),
        }
        for key, value in values.items():
            plugin_settings.set(key, value)

    def accept(self):
        self.save()
        super().accept()

    # -- "Test connection": one cheap real request, off the main thread ---------------------
    def _show(self, text):
        self.testResultLabel.setText(text)

    def _run_test(self, button, description, func, **kwargs):
        """Run one test off the main thread; ``button`` is its Stop button meanwhile, the other waits."""
        task = FunctionTask(description, func, deadline=plugin_settings.request_deadline(), **kwargs)
        for other in self.stoppers:
            other.setEnabled(other is button)
        self.stoppers[button].watch(task, translate("SettingsDialog", "Testing…"))
        task.done.connect(self._test_done)
        self.test_task = task
        QgsApplication.taskManager().addTask(task)

    def stop_test(self, *_args):
        stop_tasks([self.test_task])
        self.test_task = None

    def _test_done(self, task):
        self.test_task = None
        for button in self.stoppers:
            button.setEnabled(True)
        if task.error:
            self.testResultLabel.setText("✗ " + task.error)
        else:
            self.testResultLabel.setText("✓ " + task.result)

    def test_earth_engine(self):
        from ..adapters import network
        if self.test_task is not None:
            return
        from ..adapters.credentials import ee_token_provider
        from ..core import checks
        try:
            provider = ee_token_provider(self.eeAuthSelect.configId(), self.eeTokenUrlEdit.text().strip())
        except EoError as exc:
            self.testResultLabel.setText("✗ " + exc.user_text())
            return
        self._run_test(self.eeTestButton, translate("SettingsDialog", "Testing the Earth Engine connection"),
                       checks.check_earth_engine,
                       session=network.make_session(), token_provider=provider,
                       project=self.eeProjectEdit.text().strip(), base=self.eeUrlEdit.text().strip())

    def test_eosda(self):
        from ..adapters import network
        if self.test_task is not None:
            return
        from ..adapters.credentials import eosda_api_key
        from ..core import checks
        try:
            key = eosda_api_key(self.eosdaAuthSelect.configId())
        except EoError as exc:
            self.testResultLabel.setText("✗ " + exc.user_text())
            return
        self._run_test(self.eosdaTestButton, translate("SettingsDialog", "Testing the EOSDA connection"),
                       checks.check_eosda,
                       session=network.make_session(), api_key=key, base=self.eosdaUrlEdit.text().strip())
