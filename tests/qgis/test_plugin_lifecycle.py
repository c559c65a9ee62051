"""Loading and unloading the plugin three times leaves nothing behind."""
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QToolBar

from plugin import classFactory
from tests.qgis.helpers import flush_deletes


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
    menu = qgis_iface.addPluginToWebMenu
    assert menu.call_count == qgis_iface.removePluginWebMenu.call_count == 9


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
