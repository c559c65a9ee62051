"""The plugin object: toolbar, menu, docks, Processing provider and log handlers; unload() undoes all of it."""
import logging

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
try:  # Qt 6 (QGIS 4) moved QAction to QtGui; Qt 5 (QGIS 3) has it in QtWidgets
    from qgis.PyQt.QtGui import QAction
except ImportError:
    from qgis.PyQt.QtWidgets import QAction

from .resources import icon_path
from .core.i18n import translate

MENU = "&EO Downloader"
#: Seconds unload() waits in all for the background requests it stops (each returns within 0.05 s).
UNLOAD_WAIT = 1.0

_log = logging.getLogger(__name__)


class EoDownloaderPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.actions = []
        self.toolbar = None
        self.provider = None
        self.manager = None
        self.dock = None
        self.jobs_panel = None
        self.notices = None
        self.translator = None

    # -- Processing (also called by QGIS before initGui in qgis_process) --------------------

    def initProcessing(self):
        if self.translator is None:
            from .adapters import i18n
            self.translator = i18n.install()
        if self.provider is None:
            from .processing.provider import EoDownloaderProvider
            self.provider = EoDownloaderProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):
        from .adapters import qgis_logging, settings
        from .adapters.job_manager import JobManager
        qgis_logging.install(self.iface)
        settings.migrate()
        self.initProcessing()
        self.manager = JobManager()
        from .gui.job_notices import JobNotices
        self.notices = JobNotices(self.iface, self.manager,
                                  panel_visible=lambda: self.jobs_panel is not None and self.jobs_panel.isVisible())
        self.toolbar = self.iface.addToolBar(translate("EoDownloaderPlugin", "EO Downloader"))
        self.toolbar.setObjectName("EoDownloaderToolbar")
        self._add_action("download", translate("EoDownloaderPlugin", "Download imagery"), self.toggle_dock, icon_path())
        self._add_action("jobs", translate("EoDownloaderPlugin", "Jobs"), self.toggle_jobs, icon_path("jobs.svg"))
        settings_action = self._add_action("settings", translate("EoDownloaderPlugin", "Settings…"), self.show_settings,
                                           QgsApplication.iconPath("mActionOptions.svg"))
        settings_action.setCheckable(False)
        # Unfinished jobs of the last session: resume them once QGIS has settled.
        from qgis.PyQt.QtCore import QTimer
        QTimer.singleShot(0, self._resume)

    def _resume(self):
        if self.manager is not None:
            resumed = self.manager.resume_unfinished()
            if resumed:
                from .adapters.qgis_logging import USER
                _log.info(translate("EoDownloaderPlugin", "Resumed {} unfinished job(s).").format(len(resumed)),
                          extra=USER)

    def _add_action(self, key, text, callback, icon):
        action = QAction(QIcon(icon), text, self.iface.mainWindow())
        action.setObjectName("eo_downloader_" + key)
        action.setCheckable(True)
        action.triggered.connect(callback)
        self.toolbar.addAction(action)
        self.iface.addPluginToRasterMenu(MENU, action)   # the Raster menu, as category=Raster (metadata.txt)
        self.actions.append(action)
        return action

    def _action(self, key):
        for action in self.actions:
            if action.objectName() == "eo_downloader_" + key:
                return action
        return None

    def show_settings(self, _checked=False):
        from .gui.settings_dialog import SettingsDialog
        dialog = SettingsDialog(self.iface.mainWindow())
        dialog.exec()
        dialog.deleteLater()
        if self.dock is not None:
            self.dock.schedule_update()

    def toggle_dock(self, checked=True):
        if self.dock is None:
            from .gui.dock import DownloadDock
            self.dock = DownloadDock(self.iface, self.manager, show_jobs=lambda: self.toggle_jobs(True))
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.dock.visibilityChanged.connect(self._action("download").setChecked)
        self.dock.setVisible(bool(checked))

    def toggle_jobs(self, checked=True):
        if self.jobs_panel is None:
            from .gui.jobs_panel import JobsPanelWidget
            self.jobs_panel = JobsPanelWidget(self.manager)
            self.iface.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.jobs_panel)
            self.jobs_panel.visibilityChanged.connect(self._action("jobs").setChecked)
        self.jobs_panel.setVisible(bool(checked))

    def unload(self):
        from .adapters import i18n
        if self.dock is not None:
            self.dock.cleanup()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.notices is not None:
            self.notices.cleanup()
            self.notices = None
        if self.jobs_panel is not None:
            self.jobs_panel.cleanup()
            self.iface.removeDockWidget(self.jobs_panel)
            self.jobs_panel.deleteLater()
            self.jobs_panel = None
        for action in self.actions:
            self.iface.removePluginRasterMenu(MENU, action)
            action.triggered.disconnect()
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.manager is not None:
            self.manager.shutdown()
            self.manager = None
        from .adapters import tasks
        tasks.stop_all(wait=UNLOAD_WAIT)      # whatever is left; never waits on the network
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        i18n.uninstall(self.translator)
        self.translator = None
        from .adapters import qgis_logging
        qgis_logging.uninstall()
