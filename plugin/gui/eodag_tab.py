"""The eodag tab of the download dock: search a provider, see quicklooks and footprints, submit jobs.

The widgets come from ``ui/eodag_tab.ui``.  Network and eodag calls run in :class:`FunctionTask`
(worker threads); widgets, rubber bands and QgsAuthManager are touched on the main thread only.
eodag is optional: when it is missing the tab offers "Install eodag" (pip in the background, into the
user's site-packages of QGIS's Python: core/providers/eodag/install.py) and says how to install it by
hand; nothing else is enabled until eodag is there.
"""
import importlib.util
import os
import tempfile

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry,
                       QgsProject, QgsWkbTypes)
from qgis.gui import QgsRubberBand
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtGui import QColor, QIcon, QPixmap
from qgis.PyQt.QtWidgets import QApplication, QHeaderView, QTableWidgetItem, QWidget

from ..adapters import settings as plugin_settings
from ..adapters.tasks import FunctionTask, stop_tasks
from ..core.errors import EoError
from ..core.i18n import translate
from ..resources import ui_path
from .task_button import TaskButton

FORM_CLASS, _ = uic.loadUiType(ui_path("eodag_tab.ui"))

FILTER_ALL, FILTER_ONLINE, FILTER_ORDER = 0, 1, 2
COL_QUICKLOOK, COL_DATE, COL_CLOUD, COL_STATUS, COL_TITLE = range(5)


def eodag_installed() -> bool:
    """Whether eodag can be found, without importing it (the import itself runs in a task)."""
    try:
        return importlib.util.find_spec("eodag") is not None
    except (ImportError, ValueError):
        return False


def _catalogue(cache_dir, cancel):
    """Providers and their collections, from eodag itself or its cache (worker thread)."""
    from ..core.providers.eodag import catalogue as eodag_catalogue
    return eodag_catalogue.load(cache_dir, cancel)


def _search(provider, collection, date_from, date_to, aoi_geojson, cloud_max, limit, credentials, cancel):
    from ..core.providers.eodag.client import EodagClient
    try:
        client = EodagClient(credentials=credentials, provider=provider or None)
        return client.search(provider or None, collection, date_from, date_to, aoi_geojson, cloud_max, limit=limit,
                             cancel=cancel)
    finally:
        credentials.clear()


def _check_access(provider, collection, date_from, date_to, credentials, session, cancel):
    from ..core.providers.eodag.client import EodagClient
    try:
        client = EodagClient(credentials=credentials, provider=provider or None)
        return client.check_access(provider, collection, date_from, date_to, session=session, cancel=cancel)
    finally:
        credentials.clear()


def _install_eodag(cancel, progress):
    from ..core.providers.eodag import install
    return install.install(cancel=cancel, progress=progress)


def _quicklooks(products, folder, cancel):
    from ..core.providers.eodag.client import fetch_quicklook
    found = {}
    for info in products:
        cancel.raise_if_cancelled()
        found[info.id] = fetch_quicklook(info, folder)
    return found


class EodagTab(QWidget, FORM_CLASS):
    """One tab of :class:`DownloadDock`; ``dock`` gives the AOI, the canvas, the job manager, the folder."""

    def __init__(self, dock, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.dock = dock
        self.canvas = dock.canvas
        self.products = []
        self.quicklooks = {}
        self.footprints = {}
        self.catalogue = None
        self.search_task = None
        self.catalogue_task = None
        self.quicklook_task = None
        self.test_task = None
        self.install_task = None
        self.available = eodag_installed()
        self._build()
        if not self.available:
            self.show_missing()

    def showEvent(self, event):
        # eodag is imported (in the background) only when the tab is first shown.
        super().showEvent(event)
        if self.available and self.catalogue is None:
            self.load_catalogue()

    # -- widgets ---------------------------------------------------------------------------------
    def _build(self):
        """What the .ui file cannot say: today's dates, the remembered bands, column sizing, the signals."""
        self.installLabel.setVisible(False)
        self.copyInstallButton.setVisible(False)
        self.copyInstallButton.clicked.connect(self.copy_install_command)
        self.installButton.setVisible(False)
        self.install_stopper = TaskButton(self.installButton, self.install_eodag, self._status)
        self.test_stopper = TaskButton(self.testButton, self.test_connection, self._status)
        self.toDate.setDate(QDate.currentDate())
        self.fromDate.setDate(QDate.currentDate().addMonths(-1))
        self.search_stopper = TaskButton(self.searchButton, self.search, self._status)
        self.filterCombo.currentIndexChanged.connect(self.apply_filter)
        header = self.resultsTable.horizontalHeader()
        for col in (COL_QUICKLOOK, COL_DATE, COL_CLOUD, COL_STATUS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.resultsTable.itemSelectionChanged.connect(self._selection_changed)
        self.bandsEdit.setText(plugin_settings.get("eodag_bands"))
        self.downloadSelectedButton.clicked.connect(self.download_selected)
        self.downloadAllButton.clicked.connect(self.download_all)
        self.providerCombo.currentTextChanged.connect(self._provider_changed)
        self._update_buttons()

    def _status(self, text):
        self.statusLabel.setText(text)

    def _update_buttons(self):
        ready = self.available and self.catalogue is not None
        for widget in (self.providerCombo, self.collectionCombo, self.authSelect):
            widget.setEnabled(ready and self.search_task is None)
        for button in (self.searchButton, self.testButton):     # "Stop" while their task runs
            button.setEnabled(ready)
        visible = self._visible_rows()
        self.downloadAllButton.setEnabled(ready and bool(visible))
        selected = [r for r in self._selected_rows() if r in visible]
        self.downloadSelectedButton.setEnabled(ready and bool(selected))

    # -- eodag missing ------------------------------------------------------------------------------
    def show_missing(self, detail=""):
        from ..core.providers.eodag import client as eodag_client
        self.available = False
        text = translate("EodagTab", "eodag is not installed in the Python QGIS uses. 'Install eodag' installs "
                                     "version {version} for you; or install it by hand:").format(
            version=eodag_client.EODAG_PIN)
        if detail:
            text += " ({})".format(detail)
        self.installLabel.setText(text + "\n" + eodag_client.install_hint())
        self.installLabel.setVisible(True)
        self.copyInstallButton.setVisible(True)
        self.installButton.setVisible(True)
        self._status("")
        self._update_buttons()

    def copy_install_command(self):
        from ..core.providers.eodag import client as eodag_client
        QApplication.clipboard().setText(eodag_client.install_command())

    def install_eodag(self):
        """Install the tested eodag with pip in the background (the button is its Stop button meanwhile)."""
        from ..core.providers.eodag import client as eodag_client
        if self.install_task is not None:
            return None
        task = FunctionTask(translate("EodagTab", "Installing eodag"), _install_eodag, progress=True)
        task.progressed.connect(lambda _percent, text: self.install_stopper.set_text(text))
        self.copyInstallButton.setEnabled(False)
        return self._start(task, self._install_done, "install_task",
                           translate("EodagTab", "Installing eodag {version} with pip…").format(
                               version=eodag_client.EODAG_PIN), self.install_stopper)

    def _install_done(self, task):
        self.install_task = None
        self.copyInstallButton.setEnabled(True)
        if task.error:          # (stopped too)
            self._status(task.error)
            return
        outcome = task.result
        if outcome.restart_needed or not eodag_installed():
            text = outcome.message()
            if not outcome.restart_needed:
                text += " " + translate("EodagTab", "This Python does not see it yet: restart QGIS to use it.")
            self.installLabel.setText(text)
            self._status(text)
            return
        self.available = True
        self.installLabel.setText(outcome.message())
        self.installButton.setVisible(False)
        self.copyInstallButton.setVisible(False)
        self._status(outcome.message())
        self.load_catalogue()

    # -- providers and collections (from eodag, in the background) ----------------------------------------
    def load_catalogue(self):
        if self.catalogue_task is not None:
            return
        cache_dir = os.path.dirname(plugin_settings.job_store_path())
        self._start(FunctionTask(translate("EodagTab", "Reading eodag's providers"), _catalogue,
                                 cache_dir=cache_dir),
                    self._catalogue_done, "catalogue_task", translate("EodagTab", "Reading eodag's providers…"))

    def _catalogue_done(self, task):
        self.catalogue_task = None
        if task.stopped:
            return
        if task.error:
            from ..core.providers.eodag import client as eodag_client
            if "pip install" in task.error or not eodag_client.is_available():
                self.show_missing()
            else:
                self._status(task.error)
            return
        self.catalogue = task.result
        self.providerCombo.blockSignals(True)
        self.providerCombo.clear()
        self.providerCombo.addItems(self.catalogue["providers"])
        self.providerCombo.blockSignals(False)
        wanted = plugin_settings.get("eodag_provider")
        index = self.providerCombo.findText(wanted)
        self.providerCombo.setCurrentIndex(index if index >= 0 else 0)
        self._provider_changed(self.providerCombo.currentText())
        self._status(translate("EodagTab", "{} providers from eodag.").format(len(self.catalogue["providers"])))
        self._update_buttons()

    def _provider_changed(self, provider):
        if not self.catalogue:
            return
        current = self.collectionCombo.currentText() or plugin_settings.get("eodag_collection")
        self.collectionCombo.clear()
        self.collectionCombo.addItems(self.catalogue["collections"].get(provider, []))
        index = self.collectionCombo.findText(current)
        if index >= 0:
            self.collectionCombo.setCurrentIndex(index)
        else:
            self.collectionCombo.setEditText(current)
        self.authSelect.setConfigId(plugin_settings.get_for("eodag_authcfg", provider))

    # -- search ----------------------------------------------------------------------------------------
    def _form(self):
        """(provider, collection, credentials, date_from, date_to) of the form (raises EoError)."""
        from ..adapters.credentials import eodag_credentials
        collection = self.collectionCombo.currentText().strip()
        if not collection:
            raise EoError(translate("EodagTab", "Choose a collection."))
        return (self.providerCombo.currentText(), collection, eodag_credentials(self.authSelect.configId()),
                self.fromDate.date().toString("yyyy-MM-dd"), self.toDate.date().toString("yyyy-MM-dd"))

    def _start(self, task, done, attribute, status=None, stopper=None):
        """Run ``task`` in the background: ``done`` when it ends, ``self.<attribute>`` while it runs,
        ``status`` (if any) shown meanwhile, ``stopper`` (a TaskButton) its Stop button."""
        if stopper is not None:
            stopper.watch(task, status or "")
        task.done.connect(done)
        setattr(self, attribute, task)
        if status is not None and stopper is None:
            self._status(status)
        self._update_buttons()
        QgsApplication.taskManager().addTask(task)
        return task

    def search(self):
        if self.search_task is not None:
            return None
        try:
            aoi = self.dock.current_aoi()
            provider, collection, credentials, date_from, date_to = self._form()
        except EoError as exc:
            self._status(exc.user_text())
            return None
        self._remember(provider, collection)
        cloud = self.cloudSpin.value()
        task = FunctionTask(translate("EodagTab", "eodag search on {}").format(provider), _search,
                            provider=provider, collection=collection, date_from=date_from, date_to=date_to,
                            aoi_geojson=aoi.to_geojson(), cloud_max=None if cloud >= 100 else float(cloud),
                            limit=50, credentials=credentials, deadline=plugin_settings.request_deadline())
        return self._start(task, self._search_done, "search_task",
                           translate("EodagTab", "Searching {}…").format(provider), self.search_stopper)

    def test_connection(self):
        """One cheap real check of the provider and the chosen credentials, off the main thread."""
        from ..adapters import network
        if self.test_task is not None:
            return None
        try:
            provider, collection, credentials, date_from, date_to = self._form()
        except EoError as exc:
            self._status(exc.user_text())
            return None
        task = FunctionTask(translate("EodagTab", "Testing the connection to {}").format(provider), _check_access,
                            provider=provider, collection=collection, date_from=date_from, date_to=date_to,
                            credentials=credentials, session=network.make_session(),
                            deadline=plugin_settings.request_deadline())
        return self._start(task, self._test_done, "test_task",
                           translate("EodagTab", "Testing the connection to {}…").format(provider), self.test_stopper)

    def _test_done(self, task):
        self.test_task = None
        self._update_buttons()
        self._status(task.error or task.result)

    def _search_done(self, task):
        self.search_task = None
        self._update_buttons()
        if task.error:
            self._status(task.error)
            return
        self.show_products(task.result or [])
        notes = getattr(task.result, "notes", None)
        if notes:
            self._status(" ".join([self.statusLabel.text()] + list(notes)))
        self.fetch_quicklooks()

    def _remember(self, provider, collection):
        plugin_settings.set("eodag_provider", provider)
        plugin_settings.set("eodag_collection", collection)
        plugin_settings.set_for("eodag_authcfg", provider, self.authSelect.configId())
        plugin_settings.set("eodag_bands", self.bandsEdit.text())

    def show_products(self, products):
        from ..core.providers.eodag.client import state_label
        self.products = list(products)
        table = self.resultsTable
        table.clearSelection()
        table.setRowCount(len(self.products))
        for row, info in enumerate(self.products):
            icon_item = QTableWidgetItem()
            icon_item.setData(Qt.ItemDataRole.UserRole, info.id)
            path = self.quicklooks.get(info.id)
            if path:
                icon_item.setIcon(QIcon(QPixmap(path)))
            table.setItem(row, COL_QUICKLOOK, icon_item)
            date = QTableWidgetItem(info.date[:10])
            date.setToolTip(info.date)
            table.setItem(row, COL_DATE, date)
            table.setItem(row, COL_CLOUD, QTableWidgetItem("" if info.cloud is None else "{:.1f}".format(info.cloud)))
            status = QTableWidgetItem(state_label(info.state))
            if info.needs_order:
                status.setForeground(QColor(200, 90, 0))
            table.setItem(row, COL_STATUS, status)
            title = QTableWidgetItem(info.title)
            title.setToolTip("{}\n{}".format(info.title, info.quicklook_url))
            table.setItem(row, COL_TITLE, title)
        self._draw_footprints()
        self.apply_filter()
        orderable = len([p for p in self.products if p.needs_order])
        self._status(translate("EodagTab", "{} products found, {} of them to be ordered.").format(
            len(self.products), orderable))

    # -- quicklooks ------------------------------------------------------------------------------------
    def quicklook_dir(self):
        return os.path.join(tempfile.gettempdir(), "eo_downloader", "eodag_quicklooks")

    def fetch_quicklooks(self):
        todo = [p for p in self.products if p.quicklook_url and p.id not in self.quicklooks]
        if not todo or self.quicklook_task is not None:
            return
        self._start(FunctionTask(translate("EodagTab", "eodag quicklooks"), _quicklooks, products=todo,
                                 folder=self.quicklook_dir()), self._quicklooks_done, "quicklook_task")

    def _quicklooks_done(self, task):
        self.quicklook_task = None
        if task.error or not task.result:
            return
        self.quicklooks.update({k: v for k, v in task.result.items() if v})
        for row in range(self.resultsTable.rowCount()):
            item = self.resultsTable.item(row, COL_QUICKLOOK)
            path = self.quicklooks.get(item.data(Qt.ItemDataRole.UserRole)) if item else None
            if path:
                item.setIcon(QIcon(QPixmap(path)))
        self.fetch_quicklooks()

    # -- footprints and filter ---------------------------------------------------------------------------
    def _draw_footprints(self):
        self.clear_footprints()
        from shapely.geometry import shape
        transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                           self.canvas.mapSettings().destinationCrs(), QgsProject.instance())
        for info in self.products:
            if not info.footprint:
                continue
            band = QgsRubberBand(self.canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
            geom = QgsGeometry.fromWkt(shape(info.footprint).wkt)
            geom.transform(transform)
            band.setToGeometry(geom, None)
            self.footprints[info.id] = band
        self._style_footprints()

    def _style_footprints(self):
        selected = {self.products[r].id for r in self._selected_rows() if r < len(self.products)}
        visible = {self.products[r].id for r in self._visible_rows()}
        for pid, band in self.footprints.items():
            chosen = pid in selected
            band.setColor(QColor(0, 120, 255, 60 if chosen else 0))
            band.setStrokeColor(QColor(0, 90, 220) if chosen else QColor(0, 120, 255, 140))
            band.setWidth(3 if chosen else 1)
            band.setVisible(pid in visible)

    def clear_footprints(self):
        for band in self.footprints.values():
            band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
            self.canvas.scene().removeItem(band)
        self.footprints = {}

    def apply_filter(self, *_args):
        mode = self.filterCombo.currentIndex()
        for row, info in enumerate(self.products):
            hide = (mode == FILTER_ONLINE and info.needs_order) or (mode == FILTER_ORDER and not info.needs_order)
            self.resultsTable.setRowHidden(row, hide)
        self._style_footprints()
        self._update_buttons()

    def _visible_rows(self):
        return [r for r in range(min(self.resultsTable.rowCount(), len(self.products)))
                if not self.resultsTable.isRowHidden(r)]

    def _selected_rows(self):
        return sorted({i.row() for i in self.resultsTable.selectionModel().selectedRows()})

    def _selection_changed(self):
        self._style_footprints()
        self._update_buttons()

    # -- jobs ------------------------------------------------------------------------------------------
    def download_selected(self):
        visible = set(self._visible_rows())
        return self._submit([self.products[r] for r in self._selected_rows() if r in visible])

    def download_all(self):
        return self._submit([self.products[r] for r in self._visible_rows()])

    def _submit(self, products):
        from ..core.providers.eodag import runner as eodag_download
        if not products:
            self._status(translate("EodagTab", "No product to download."))
            return None
        provider = self.providerCombo.currentText()
        collection = self.collectionCombo.currentText().strip()
        try:
            aoi = self.dock.current_aoi()
            cloud = self.cloudSpin.value()
            params = eodag_download.build_params(
                provider=provider, collection=collection, date_from=self.fromDate.date().toString("yyyy-MM-dd"),
                date_to=self.toDate.date().toString("yyyy-MM-dd"), cloud_max=None if cloud >= 100 else cloud,
                aoi=aoi, product_ids=[p.id for p in products], bands=self.bandsEdit.text(),
                order=self.orderCheck.isChecked(), wait=self.waitSpin.value() or None,
                timeout=self.timeoutSpin.value() or None, extract=self.extractCheck.isChecked())
        except EoError as exc:
            self._status(exc.user_text())
            return None
        skipped = [p for p in products if p.needs_order] if not self.orderCheck.isChecked() else []
        params["authcfg"] = self.authSelect.configId()
        self._remember(provider, collection)
        from ..core.providers.eodag.runner import result_title
        job = self.dock._new_job("eodag", params, result_title(params, products))
        if job is None:
            return None
        self.dock.manager.submit(job)
        text = translate("EodagTab", "Job '{}' submitted; follow it in the Jobs panel.").format(job.title)
        if skipped:
            text += " " + translate("EodagTab", "{} product(s) need an order and will be skipped: tick 'Order "
                                                "offline products' to order them.").format(len(skipped))
        self._status(text)
        return job

    # -- teardown ------------------------------------------------------------------------------------------
    def cleanup(self):
        """Stop every background task of the tab (the plugin's unload waits for them, briefly)."""
        self.clear_footprints()
        stop_tasks((self.search_task, self.catalogue_task, self.quicklook_task, self.test_task, self.install_task))
        self.search_task = self.catalogue_task = self.quicklook_task = self.test_task = self.install_task = None
