"""The settings dialog: credentials (as authcfg references), endpoints and preferences.

Earth Engine sign-in a person can do: "Sign in with Google…" creates an OAuth2 configuration
(:func:`..adapters.credentials.create_ee_oauth2_config`), "Use my earthengine credentials" imports the
refresh token of ``earthengine authenticate``; each credentials box says what kind of configuration
it takes.  Under each group, "In use" says which URL and credentials a job would take -- an
``EO_DOWNLOADER_*`` environment variable overrides the dialog, and then it says so (and Test
connection repeats it with its result).
"""
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
        self._fit_screen()
        self.test_task = None
        self.stoppers = {self.eeTestButton: TaskButton(self.eeTestButton, self.test_earth_engine, self._show),
                         self.eosdaTestButton: TaskButton(self.eosdaTestButton, self.test_eosda, self._show)}
        self.finished.connect(self.stop_test)     # closed (OK, Cancel, Escape): its test goes too
        self.eeOAuthButton.clicked.connect(self.create_oauth2)
        self.eeImportButton.clicked.connect(self.import_credentials)
        self.load()
        for select in (self.eeAuthSelect, self.eosdaAuthSelect):
            select.selectedConfigIdChanged.connect(self.show_in_use)
        for edit in (self.eeUrlEdit, self.eeTokenUrlEdit, self.eosdaUrlEdit):
            edit.textChanged.connect(self.show_in_use)
        self.show_in_use()

    def _fit_screen(self):
        """As tall as the groups need, within the screen (they scroll on a small one), never narrower than
        they are: nothing is squeezed."""
        scroll = self.groupsScroll
        hint = self.groupsWidget.sizeHint()
        scroll.setMinimumWidth(self.groupsWidget.minimumSizeHint().width() +
                               scroll.verticalScrollBar().sizeHint().width())
        screen = self.screen().availableGeometry() if hasattr(self, "screen") else None
        room = int(screen.height() * 0.9) if screen is not None else hint.height()
        others = self.sizeHint().height() - scroll.sizeHint().height()
        self.resize(self.sizeHint().width(), min(room, hint.height() + others))

    # -- what a job would use: the effective URLs and credentials -----------------------------
    def ee_in_use(self) -> str:
        from ..adapters.credentials import ee_credentials_source
        from ..core import config
        lines = [_url_in_use(config, "ee_api", self.eeUrlEdit.text(), translate("SettingsDialog", "API")),
                 _url_in_use(config, "ee_token", self.eeTokenUrlEdit.text(),
                             translate("SettingsDialog", "Token endpoint"))]
        kind, where = ee_credentials_source(self.eeAuthSelect.configId())
        if kind == "env":
            lines.append(translate("SettingsDialog", "⚠ Credentials: the token of the environment variable {}\n"
                                                     "    (no configuration is chosen here).").format(where))
        elif kind == "file":
            lines.append(translate("SettingsDialog", "Credentials: the earthengine credentials file {}\n"
                                                     "    (no configuration is chosen here).").format(where))
        elif kind is None:
            lines.append(translate("SettingsDialog", "Credentials: none yet; choose or create a configuration."))
        return "\n".join(line for line in lines if line)

    def eosda_in_use(self) -> str:
        from ..core import config
        lines = [_url_in_use(config, "eosda_api", self.eosdaUrlEdit.text(), translate("SettingsDialog", "API"))]
        if not self.eosdaAuthSelect.configId():
            var = config.SECRET_ENV_VARS["eosda_api_key"]
            lines.append(translate("SettingsDialog", "⚠ API key: the environment variable {}\n"
                                                     "    (no configuration is chosen here).").format(var)
                         if config.env_secret("eosda_api_key")
                         else translate("SettingsDialog", "API key: none yet; choose or create a configuration."))
        return "\n".join(lines)

    def show_in_use(self, *_args):
        for label, text in ((self.eeInUseLabel, self.ee_in_use()), (self.eosdaInUseLabel, self.eosda_in_use())):
            label.setText(text)
            label.setStyleSheet("color: #b35900;" if "⚠" in text else "")

    # -- creating an Earth Engine configuration -------------------------------------------------
    def create_oauth2(self):
        from ..adapters.credentials import create_ee_oauth2_config
        try:
            authcfg = create_ee_oauth2_config(translate("SettingsDialog", "Google Earth Engine (sign in)"),
                                              self.eeTokenUrlEdit.text().strip())
        except EoError as exc:
            self.testResultLabel.setText("✗ " + exc.user_text())
            return None
        self._chosen(authcfg, translate("SettingsDialog", "An OAuth2 configuration was created: QGIS opens the "
                                                          "browser to sign in with Google when it is first used "
                                                          "(Test connection does that now)."))
        return authcfg

    def import_credentials(self, path=None):
        from ..adapters.credentials import import_earthengine_credentials
        try:
            authcfg, project = import_earthengine_credentials(
                translate("SettingsDialog", "Google Earth Engine (earthengine credentials)"), path or None)
        except EoError as exc:
            self.testResultLabel.setText("✗ " + exc.user_text())
            return None
        if project and not self.eeProjectEdit.text().strip():
            self.eeProjectEdit.setText(project)
        self._chosen(authcfg, translate("SettingsDialog", "Your earthengine credentials were copied into QGIS's "
                                                          "encrypted authentication database."))
        return authcfg

    def _chosen(self, authcfg, text):
        self.eeAuthSelect.setConfigId(authcfg)
        self.show_in_use()
        self.testResultLabel.setText("✓ " + text)

    def load(self):
        get = plugin_settings.get
        self.eeAuthSelect.setConfigId(get("ee_authcfg"))
        self.eeProjectEdit.setText(get("ee_project"))
        self.eeUrlEdit.setText(get("ee_api_url"))
        self.eeTokenUrlEdit.setText(get("ee_token_url"))
        self.eosdaAuthSelect.setConfigId(get("eosda_authcfg"))
        self.eosdaUrlEdit.setText(get("eosda_api_url"))
        self.stacUrlEdit.setText(get("stac_api_url"))
        self.stacSasUrlEdit.setText(get("stac_pc_sas_url"))
        self.stacS3AuthSelect.setConfigId(get("stac_s3_authcfg"))
        self.stacS3EndpointEdit.setText(get("stac_s3_endpoint_url"))
        self.outputDirWidget.setFilePath(plugin_settings.output_dir())
        self.maxAreaSpin.setValue(float(get("max_area_km2")))
        self.eeConcurrencySpin.setValue(int(get("ee_max_concurrency")))
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
            "stac_api_url": self.stacUrlEdit.text().strip(),
            "stac_pc_sas_url": self.stacSasUrlEdit.text().strip(),
            "stac_s3_authcfg": self.stacS3AuthSelect.configId(),
            "stac_s3_endpoint_url": self.stacS3EndpointEdit.text().strip(),
            "output_dir": self.outputDirWidget.filePath(),
            "max_area_km2": float(self.maxAreaSpin.value()),
            "ee_max_concurrency": int(self.eeConcurrencySpin.value()),
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
        task = FunctionTask(description, func, deadline=plugin_settings.request_deadline(),
                            key="ee" if button is self.eeTestButton else "eosda", **kwargs)
        for other in self.stoppers:
            other.setEnabled(other is button)
        self.test_task = self.stoppers[button].start(task, translate("SettingsDialog", "Testing…"), self._test_done)

    def stop_test(self, *_args):
        stop_tasks([self.test_task])
        self.test_task = None

    def _test_done(self, task):
        self.test_task = None
        for button in self.stoppers:
            button.setEnabled(True)
        used = self.ee_in_use() if task.key == "ee" else self.eosda_in_use()
        if task.error:
            self.testResultLabel.setText("✗ " + task.error + "\n" + used)
        else:
            self.testResultLabel.setText("✓ " + task.result + "\n" + used)

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


def _url_in_use(config, name, setting, caption) -> str:
    """"<caption>: <url>", with a warning when an environment variable overrides the dialog."""
    var = config.overriding_env(name)
    url = config.base_url(name, setting)
    if var:
        return translate("SettingsDialog", "⚠ {}: {}\n    set by the environment variable {}, which overrides "
                                           "this dialog.").format(caption, url, var)
    return translate("SettingsDialog", "{}: {}").format(caption, url)
