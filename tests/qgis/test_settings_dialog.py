"""The settings dialog's Earth Engine sign-in (issue 20 item 2): an OAuth2 preset, the earthengine credentials
imported into QGIS's auth database, what each credentials box takes, and the environment's overrides said."""
import json

import pytest
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsSettings

from plugin.adapters import credentials
from plugin.gui.settings_dialog import SettingsDialog
from tests.qgis.conftest import EE_TOKEN
from tests.qgis.helpers import wait_until

REFRESH = "1//refresh-token-never-in-the-profile"


@pytest.fixture
def dialog(qgis_app, monkeypatch):
    """The dialog; every preference it may save (OK) and every configuration it makes are undone after."""
    from plugin.adapters import settings as plugin_settings
    saved = {key: plugin_settings.get(key) for key in plugin_settings.DEFAULTS}
    for var in ("EO_DOWNLOADER_EE_API_URL", "EO_DOWNLOADER_EE_TOKEN", "EO_DOWNLOADER_EE_TOKEN_URL",
                "EO_DOWNLOADER_EOSDA_API_URL", "EO_DOWNLOADER_EOSDA_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    am = QgsApplication.authManager()
    if not am.masterPasswordIsSet():
        am.setMasterPassword("test-master", True)
    before = set(am.configIds())
    made = SettingsDialog()
    yield made
    made.stop_test()
    for authcfg in set(am.configIds()) - before:
        am.removeAuthenticationConfig(authcfg)
    for key, value in saved.items():
        plugin_settings.set(key, value)


def _config(authcfg):
    cfg = QgsAuthMethodConfig()
    QgsApplication.authManager().loadAuthenticationConfig(authcfg, cfg, True)
    return cfg


def test_each_credentials_box_says_what_it_takes(dialog):
    assert "OAuth2" in dialog.eeAuthHelpLabel.text() and "earthengine authenticate" in dialog.eeAuthHelpLabel.text()
    assert "EsriToken" in dialog.eosdaAuthHelpLabel.text()


def test_sign_in_with_google_creates_an_earth_engine_oauth2_configuration(dialog):
    authcfg = dialog.create_oauth2()
    assert authcfg and dialog.eeAuthSelect.configId() == authcfg
    cfg = _config(authcfg)
    assert cfg.method() == "OAuth2"
    preset = json.loads(cfg.config("oauth2config"))
    assert preset["scope"].split() == ["https://www.googleapis.com/auth/earthengine",
                                       "https://www.googleapis.com/auth/cloud-platform"]
    assert preset["tokenUrl"] == "https://oauth2.googleapis.com/token"
    assert preset["requestUrl"] == "https://accounts.google.com/o/oauth2/auth"
    assert preset["clientId"].endswith(".apps.googleusercontent.com") and preset["grantFlow"] == 0
    # the plugin takes it as the OAuth2 kind: QGIS adds the token, to API and tile requests alike
    assert isinstance(credentials.ee_token_provider(authcfg), credentials.QgsOAuth2TokenProvider)
    assert credentials.ee_tile_authcfg(authcfg) == authcfg


def test_my_earthengine_credentials_go_into_the_auth_database_only(dialog, tmp_path):
    from plugin.adapters import settings as plugin_settings
    path = tmp_path / "credentials"
    path.write_text(json.dumps({"client_id": "cid.apps.googleusercontent.com", "client_secret": "cs",
                                "refresh_token": REFRESH, "project": "my-ee-project",
                                "scopes": ["https://www.googleapis.com/auth/earthengine"]}))
    authcfg = dialog.import_credentials(str(path))
    assert authcfg and dialog.eeAuthSelect.configId() == authcfg
    assert dialog.eeProjectEdit.text() == "my-ee-project"          # the project the file names
    assert json.loads(_config(authcfg).config("password"))["refresh_token"] == REFRESH
    provider = credentials.ee_token_provider(authcfg, "http://127.0.0.1:9/token")
    assert provider.refresh_token == REFRESH and provider.client_id == "cid.apps.googleusercontent.com"
    dialog.accept()
    assert plugin_settings.get("ee_authcfg") == authcfg         # (put back by the fixture)
    settings = QgsSettings()
    assert not [k for k in settings.allKeys() if REFRESH in str(settings.value(k))]
    assert REFRESH not in dialog.testResultLabel.text()


def test_a_file_without_a_refresh_token_is_refused(dialog, tmp_path):
    path = tmp_path / "credentials"
    path.write_text(json.dumps({"client_id": "cid"}))
    before = set(QgsApplication.authManager().configIds())
    assert dialog.import_credentials(str(path)) is None
    assert "refresh token" in dialog.testResultLabel.text()
    assert set(QgsApplication.authManager().configIds()) == before


def test_environment_overrides_are_said_in_the_dialog_and_the_test(dialog, ee_sim, monkeypatch):
    """The defect: Test connection succeeded through an environment token while the dialog showed
    'No Authentication' and the real URL."""
    dialog.eeUrlEdit.setText("https://earthengine.googleapis.com")
    dialog.show_in_use()
    assert "⚠" not in dialog.eeInUseLabel.text()
    assert "https://earthengine.googleapis.com" in dialog.eeInUseLabel.text()
    monkeypatch.setenv("EO_DOWNLOADER_EE_API_URL", ee_sim.url)
    monkeypatch.setenv("EO_DOWNLOADER_EE_TOKEN", EE_TOKEN)
    dialog.show_in_use()
    shown = dialog.eeInUseLabel.text()
    assert "EO_DOWNLOADER_EE_API_URL" in shown and ee_sim.url in shown and "EO_DOWNLOADER_EE_TOKEN" in shown
    assert EE_TOKEN not in shown
    dialog.eeProjectEdit.setText("my-project")
    dialog.test_earth_engine()
    wait_until(lambda: dialog.test_task is None, timeout=20)
    result = dialog.testResultLabel.text()
    assert result.startswith("✓") and "EO_DOWNLOADER_EE_API_URL" in result and "EO_DOWNLOADER_EE_TOKEN" in result
    monkeypatch.setenv("EO_DOWNLOADER_EOSDA_API_KEY", "k")
    dialog.show_in_use()
    assert "EO_DOWNLOADER_EOSDA_API_KEY" in dialog.eosdaInUseLabel.text()


def test_the_help_and_in_use_lines_are_never_squeezed(dialog, monkeypatch):
    """The dialog at its smallest still shows every line of the help and "In use" texts."""
    monkeypatch.setenv("EO_DOWNLOADER_EE_API_URL", "http://127.0.0.1:9")
    dialog.show_in_use()
    dialog.show()
    dialog.resize(dialog.minimumSizeHint())
    wait_until(dialog.isVisible)
    for label in (dialog.eeAuthHelpLabel, dialog.eosdaAuthHelpLabel, dialog.eeInUseLabel, dialog.eosdaInUseLabel):
        assert label.height() >= label.sizeHint().height(), label.objectName()
        assert label.width() >= label.sizeHint().width(), label.objectName()
    dialog.hide()
