"""Loading and unloading the plugin three times leaves nothing behind."""
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QToolBar

from plugin import classFactory
from tests.qgis.helpers import flush_deletes


def _metadata(key):
    import configparser
    import os
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(os.path.join(os.path.dirname(__file__), "..", "..", "metadata.txt"), encoding="utf-8")
    return parser.get("general", key)


def _plugin_objects(main_window):
    return {
        "docks": [d for d in main_window.findChildren(QDockWidget) if d.objectName().startswith("EoDownloader")],
        "actions": [a for a in main_window.findChildren(QAction) if a.objectName().startswith("eo_downloader_")],
        "toolbars": [t for t in main_window.findChildren(QToolBar) if t.objectName() == "EoDownloaderToolbar"],
    }


def test_load_unload_three_times(qgis_iface, qgis_app):
    main_window = qgis_iface.mainWindow()
    # The pytest-qgis iface does not dock widgets; dock them for real, as QGIS does.
    qgis_iface.addDockWidget = lambda area, dock: main_window.addDockWidget(area, dock)
    qgis_iface.removeDockWidget = lambda dock: main_window.removeDockWidget(dock)
    registry = QgsApplication.processingRegistry()
    canvas = qgis_iface.mapCanvas()
    items_before = len(canvas.scene().items())
    tool_before = canvas.mapTool()
    for _ in range(3):
        plugin = classFactory(qgis_iface)
        plugin.initGui()
        plugin.toggle_dock(True)
        plugin.toggle_jobs(True)
        plugin.dock.start_drawing()          # activates the map tool
        objects = _plugin_objects(main_window)
        assert len(objects["docks"]) == 2 and len(objects["actions"]) == 3 and len(objects["toolbars"]) == 1
        assert registry.providerById("eo_downloader") is not None
        assert {a.id() for a in registry.providerById("eo_downloader").algorithms()} >= {
            "eo_downloader:ee_download", "eo_downloader:eosda_search", "eo_downloader:eosda_download"}
        assert canvas.mapTool() is plugin.dock.map_tool
        plugin.unload()
        flush_deletes()
        assert _plugin_objects(main_window) == {"docks": [], "actions": [], "toolbars": []}
        assert registry.providerById("eo_downloader") is None
        assert canvas.mapTool() is tool_before
        assert len(canvas.scene().items()) == items_before
    # the menu is the one of metadata.txt's category (the plugin manager files the plugin there too)
    category = _metadata("category")
    assert category in ("Raster", "Web")
    menu = getattr(qgis_iface, "addPluginTo{}Menu".format(category))
    assert menu.call_count == getattr(qgis_iface, "removePlugin{}Menu".format(category)).call_count == 9
    other = "Web" if category == "Raster" else "Raster"
    assert getattr(qgis_iface, "addPluginTo{}Menu".format(other)).call_count == 0


def test_settings_dialog_round_trip(qgis_app):
    from plugin.adapters import settings as plugin_settings
    from plugin.gui.settings_dialog import SettingsDialog
    dialog = SettingsDialog()
    dialog.eeProjectEdit.setText("my-project")
    dialog.eosdaUrlEdit.setText("http://127.0.0.1:9/")
    dialog.tilesSpin.setValue(6)
    dialog.accept()
    assert plugin_settings.get("ee_project") == "my-project"
    assert plugin_settings.get("eosda_api_url") == "http://127.0.0.1:9/"
    assert plugin_settings.get("max_parallel_tiles") == 6
    reopened = SettingsDialog()
    assert reopened.eeProjectEdit.text() == "my-project" and reopened.tilesSpin.value() == 6
    for key in ("ee_project", "eosda_api_url", "max_parallel_tiles"):
        plugin_settings.set(key, plugin_settings.DEFAULTS[key])


def test_settings_migration_from_unversioned_keys(qgis_app):
    from qgis.core import QgsSettings
    from plugin.adapters import settings as plugin_settings
    s = QgsSettings()
    s.remove("eo_downloader")
    s.setValue("eo_downloader/output_folder", "/data/eo")
    plugin_settings.migrate()
    assert plugin_settings.get("output_dir") == "/data/eo"
    assert not s.contains("eo_downloader/output_folder")
    plugin_settings.migrate()            # idempotent
    assert plugin_settings.get("output_dir") == "/data/eo"
    s.remove("eo_downloader")


def test_settings_test_connection_buttons(qgis_app, monkeypatch):
    from qgis.core import QgsApplication, QgsAuthMethodConfig
    from plugin.gui.settings_dialog import SettingsDialog
    from tests.qgis.helpers import wait_until
    from tests.sims.ee_sim import EeSimulator
    from tests.sims.eosda_sim import EosdaSimulator
    am = QgsApplication.authManager()
    if not am.masterPasswordIsSet():
        am.setMasterPassword("test-master", True)
    cfg = QgsAuthMethodConfig("EsriToken")
    cfg.setName("eosda test key")
    cfg.setConfig("token", "key-in-auth-db")
    assert am.storeAuthenticationConfig(cfg)[0]
    monkeypatch.delenv("EO_DOWNLOADER_EE_TOKEN", raising=False)
    dialog = SettingsDialog()
    with EosdaSimulator(api_keys=("key-in-auth-db",)) as eosda_sim, EeSimulator(tokens=("t",)) as ee_sim:
        dialog.eosdaUrlEdit.setText(eosda_sim.url)
        dialog.eosdaAuthSelect.setConfigId(cfg.id())
        dialog.test_eosda()
        wait_until(lambda: dialog.test_task is None, timeout=20)
        assert dialog.testResultLabel.text().startswith("✓ EOSDA answered"), dialog.testResultLabel.text()
        monkeypatch.setenv("EO_DOWNLOADER_EE_TOKEN", "tok-WRONG-4711")
        dialog.eeUrlEdit.setText(ee_sim.url)
        dialog.eeProjectEdit.setText("my-project")
        dialog.test_earth_engine()
        wait_until(lambda: dialog.test_task is None, timeout=20)
        text = dialog.testResultLabel.text()
        assert text.startswith("✗ Earth Engine refused the credentials (HTTP 401)"), text
        assert "tok-WRONG-4711" not in text
    am.removeAuthenticationConfig(cfg.id())


def test_preferences_reach_the_runners(qgis_app):
    from plugin.adapters import settings as plugin_settings
    plugin_settings.set("max_parallel_tiles", 3)
    plugin_settings.set("read_timeout", 45.0)
    try:
        core = plugin_settings.core_settings()
        assert core["ee_concurrency"] == 3                 # read by the EE download and export runners
        assert core["timeouts"].read == 45.0 and core["timeouts"].connect == 10.0
    finally:
        for key in ("max_parallel_tiles", "read_timeout"):
            plugin_settings.set(key, plugin_settings.DEFAULTS[key])


def test_polling_deadlines_reach_the_runners(qgis_app):
    """Issue 15 item 5: the deadlines are preferences, read by the EOSDA and export runners."""
    from plugin.adapters import settings as plugin_settings
    from plugin.core import config
    from plugin.core.jobs import Job
    from plugin.core.providers.earthengine import export_runner as ee_export
    from plugin.core.runner import RunContext
    core = plugin_settings.core_settings()
    assert core["eosda_max_wait"] == config.EOSDA_MAX_WAIT and core["ee_export_max_wait"] == config.EE_EXPORT_MAX_WAIT
    plugin_settings.set("ee_export_max_wait", 90.0)
    try:
        ctx = RunContext(Job("ee_export", {}), settings=plugin_settings.core_settings())
        assert ee_export.poll_policy(ctx).max_wait == 90.0
    finally:
        plugin_settings.set("ee_export_max_wait", plugin_settings.DEFAULTS["ee_export_max_wait"])
