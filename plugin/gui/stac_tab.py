"""The STAC tab of the download dock: any STAC API catalogue -- collections, item search with footprints
and a thumbnail, the assets to read -- then a job of provider "stac" (the AOI's window of each asset).

The widgets come from ``ui/stac_tab.ui``.  Collections, the search and the thumbnail run in
:class:`FunctionTask` s (worker threads; the credentials are resolved here on the main thread first);
the combo, the table, the list, the rubber bands and the picture are touched on the main thread only.
"""
from typing import Any, Dict, List, Optional

from qgis.core import QgsApplication
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import QListWidgetItem, QTableWidgetItem, QWidget

from ..adapters import settings as plugin_settings
from ..adapters.tasks import FunctionTask, stop_tasks
from ..core.errors import EoError
from ..core.i18n import translate
from ..resources import ui_path
from .footprints import Footprints
from .tab_page import TabPage
from .task_button import TaskButton

FORM_CLASS, _ = uic.loadUiType(ui_path("stac_tab.ui"))

#: Asset keys checked by default, the first set whose keys all exist wins (true colour).
TRUE_COLOUR = (("red", "green", "blue"), ("visual",), ("B04", "B03", "B02"))


def _client(api, headers, cancel):
    from ..adapters import network
    from ..core.providers.stac.client import StacClient
    return StacClient(api, network.make_session(), headers, cancel=cancel)


def load_collections(api: str, headers: Dict[str, str], cancel=None) -> List[Dict[str, str]]:
    """(worker thread) The catalogue's collections as {"id", "title"}, sorted by id."""
    found = _client(api, headers, cancel).collections(cancel=cancel)
    return sorted(({"id": str(c["id"]), "title": str(c.get("title") or "")} for c in found), key=lambda c: c["id"])


def search_items(api: str, headers: Dict[str, str], cancel=None, **kwargs):
    """(worker thread) :meth:`StacClient.search` -> SearchResult."""
    return _client(api, headers, cancel).search(cancel=cancel, **kwargs)


def fetch_thumbnail(api: str, headers: Dict[str, str], href: str, signing: str, collection: str,
                    cancel=None) -> bytes:
    """(worker thread) The thumbnail's bytes, its href signed as the catalogue needs."""
    from ..adapters import network
    from ..core.providers.stac.signing import signer_for
    session = network.make_session()
    sign = signer_for(api, signing, session, collection, sas_url=plugin_settings.get("stac_pc_sas_url"),
                      cancel=cancel)
    return _client(api, headers, cancel).fetch_bytes(sign(href), cancel=cancel)


def asset_keys(items: List[Dict[str, Any]]) -> List[str]:
    """The items' asset keys in order of appearance, a true-colour set first when there is one."""
    keys = list(dict.fromkeys(key for item in items for key in (item.get("assets") or {})))
    first = next((list(group) for group in TRUE_COLOUR if all(k in keys for k in group)), [])
    return first + [k for k in keys if k not in first]


class StacTab(TabPage, QWidget, FORM_CLASS):
    """One tab of :class:`DownloadDock`; ``dock`` gives the AOI, the canvas, the job manager, the folder,
    the status line."""

    def __init__(self, dock, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.dock = dock
        self.items: List[Dict[str, Any]] = []
        self.searched_api = ""
        self.footprint_bands = Footprints(dock.canvas)
        self.collections_task = self.search_task = self.thumbnail_task = None
        self._fill_catalogues()
        self.authSelect.setConfigId(plugin_settings.get("stac_authcfg"))
        self.authSelect.selectedConfigIdChanged.connect(lambda cfg: plugin_settings.set("stac_authcfg", cfg))
        self.toDate.setDate(QDate.currentDate())
        self.fromDate.setDate(QDate.currentDate().addMonths(-1))
        self.collections_stopper = TaskButton(self.collectionsButton, self.load_collections, dock._status)
        self.search_stopper = TaskButton(self.searchButton, self.search, dock._status)
        self.downloadButton.clicked.connect(self.submit)
        self.resultsTable.itemSelectionChanged.connect(self._items_chosen)
        self.assetsList.itemChanged.connect(dock.schedule_update)
        self.collectionCombo.editTextChanged.connect(dock.schedule_update)

    def _fill_catalogues(self):
        from ..core.providers.stac.presets import PRESETS, default_api, preset_for
        for preset in PRESETS:
            self.catalogueCombo.addItem(preset.url)
            self.catalogueCombo.setItemData(self.catalogueCombo.count() - 1, preset.name, Qt.ItemDataRole.ToolTipRole)
        default = default_api(plugin_settings.get("stac_api_url"))
        if preset_for(default) is None:
            self.catalogueCombo.insertItem(0, default)
        self.catalogueCombo.setCurrentIndex(self.catalogueCombo.findText(default) if preset_for(default) is None
                                            else [p.url for p in PRESETS].index(preset_for(default).url))

    # -- what the form says ------------------------------------------------------------------------
    def api(self) -> str:
        return self.catalogueCombo.currentText().strip()

    def headers(self) -> Dict[str, str]:
        """The catalogue's credentials (main thread: QGIS's authentication database)."""
        from ..adapters.credentials import stac_headers
        return stac_headers(self.authSelect.configId())

    def headers_or_say(self) -> Optional[Dict[str, str]]:
        """:meth:`headers`, or None when they cannot be had (the status line says why)."""
        try:
            return self.headers()
        except EoError as exc:
            self.dock._status(exc.user_text())
            return None

    def chosen_items(self) -> List[Dict[str, Any]]:
        """The selected rows' items, or all of them when none is selected."""
        rows = sorted({index.row() for index in self.resultsTable.selectionModel().selectedRows()})
        return [self.items[r] for r in rows if 0 <= r < len(self.items)] or list(self.items)

    def chosen_assets(self) -> List[str]:
        return [self.assetsList.item(i).text() for i in range(self.assetsList.count())
                if self.assetsList.item(i).checkState() == Qt.CheckState.Checked]

    def update_state(self, aoi, error):
        """The buttons and their tooltips for ``aoi`` (None: ``error`` says why there is none)."""
        reason = error if aoi is None else None
        if self.search_task is None:
            self.searchButton.setEnabled(reason is None)
            self.searchButton.setToolTip(reason or translate("StacTab", "Search the collection's items over "
                                                                        "the area."))
        if reason is None and not self.items:
            reason = translate("StacTab", "Search items first.")
        if reason is None and not self.chosen_assets():
            reason = translate("StacTab", "Check at least one asset.")
        self.downloadButton.setEnabled(reason is None)
        self.downloadButton.setToolTip(reason or translate("StacTab", "Read the area's window of the chosen "
                                                                      "assets as a background job."))

    # -- collections ---------------------------------------------------------------------------------
    def load_collections(self):
        if self.collections_task is not None:
            return
        headers = self.headers_or_say()
        if headers is None:
            return
        task = FunctionTask(translate("StacTab", "STAC collections"), load_collections,
                            deadline=plugin_settings.request_deadline(), api=self.api(), headers=headers)
        self.collections_task = self.collections_stopper.start(
            task, translate("StacTab", "Loading collections…"), self._collections_done)

    def _collections_done(self, task):
        self.collections_task = None
        if task.error:
            self.dock._status(task.error)
            return
        current = self.collectionCombo.currentText()
        self.collectionCombo.clear()
        for entry in task.result:
            self.collectionCombo.addItem(entry["id"])
            self.collectionCombo.setItemData(self.collectionCombo.count() - 1, entry["title"],
                                             Qt.ItemDataRole.ToolTipRole)
        if current and self.collectionCombo.findText(current) >= 0:
            self.collectionCombo.setCurrentIndex(self.collectionCombo.findText(current))
        self.dock._status(translate("StacTab", "{} collections.").format(len(task.result)))

    # -- item search ------------------------------------------------------------------------------------
    def search(self):
        if self.search_task is not None:
            return
        try:
            aoi = self.dock.current_aoi()
            headers = self.headers()
        except EoError as exc:
            self.dock._status(exc.user_text())
            return
        cloud = self.cloudSpin.value()
        task = FunctionTask(translate("StacTab", "STAC item search"), search_items,
                            deadline=plugin_settings.request_deadline(), api=self.api(), headers=headers,
                            collections=self.collectionCombo.currentText().strip(), intersects=aoi.to_geojson(),
                            start=self.fromDate.date().toString("yyyy-MM-dd"),
                            end=self.toDate.date().toString("yyyy-MM-dd"),
                            max_cloud=None if cloud >= 100 else float(cloud),
                            max_items=self.maxItemsSpin.value())
        self.searched_api = self.api()
        self.search_task = self.search_stopper.start(task, translate("StacTab", "Searching…"), self._search_done)

    def _search_done(self, task):
        self.search_task = None
        self.dock.schedule_update()
        if task.error:
            self.dock._status(task.error)
            return
        self.show_items(task.result)

    def show_items(self, result):
        from ..core.providers.stac.client import item_cloud, item_time
        self.items = list(result.items)
        self.resultsTable.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cloud = item_cloud(item)
            values = (item_time(item)[:19].replace("T", " "), "" if cloud is None else "{:.1f}".format(cloud),
                      str(item.get("id", "")))
            for col, value in enumerate(values):
                self.resultsTable.setItem(row, col, QTableWidgetItem(value))
        for col in (0, 1):                   # the date and the cloud cover whole; the id takes the rest
            self.resultsTable.resizeColumnToContents(col)
        self.notesLabel.setText("\n".join(result.notes))
        self._fill_assets()
        self._draw_footprints()
        self.thumbnailLabel.clear()
        self.dock._status(translate("StacTab", "{} items found.").format(len(self.items)))
        self.dock.schedule_update()

    def _fill_assets(self):
        self.assetsList.blockSignals(True)
        self.assetsList.clear()
        keys = asset_keys(self.items)
        defaults = next((set(group) for group in TRUE_COLOUR if all(k in keys for k in group)), set())
        for key in keys:
            entry = QListWidgetItem(key)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if key in defaults else Qt.CheckState.Unchecked)
            self.assetsList.addItem(entry)
        self.assetsList.blockSignals(False)

    @property
    def footprints(self):
        return self.footprint_bands.bands

    def _draw_footprints(self, highlight=None):
        self.footprint_bands.show([item.get("geometry") for item in self.items], highlight)

    def _items_chosen(self):
        rows = self.resultsTable.selectionModel().selectedRows()
        self.dock.schedule_update()
        if not rows or not 0 <= rows[0].row() < len(self.items):
            return
        self._draw_footprints(highlight=rows[0].row())
        self.load_thumbnail(self.items[rows[0].row()])

    # -- thumbnail of the chosen item (background) ------------------------------------------------------
    def load_thumbnail(self, item):
        from ..core.providers.stac.client import thumbnail_href
        from ..core.providers.stac.presets import signing_for
        stop_tasks((self.thumbnail_task,))
        self.thumbnail_task = None
        self.thumbnailLabel.clear()
        href = thumbnail_href(item)
        if not href:
            self.thumbnailLabel.setText(translate("StacTab", "No thumbnail."))
            return
        headers = self.headers_or_say()
        if headers is None:
            return
        task = FunctionTask(translate("StacTab", "STAC thumbnail"), fetch_thumbnail,
                            deadline=plugin_settings.request_deadline(), api=self.searched_api or self.api(),
                            headers=headers, href=href, signing=signing_for(self.searched_api or self.api()),
                            collection=str(item.get("collection") or self.collectionCombo.currentText()))
        task.done.connect(self._thumbnail_done)
        self.thumbnail_task = task
        QgsApplication.taskManager().addTask(task)

    def _thumbnail_done(self, task):
        if task is not self.thumbnail_task:
            return
        self.thumbnail_task = None
        pixmap = QPixmap()
        if task.error or not pixmap.loadFromData(task.result or b""):
            self.thumbnailLabel.setText(task.error or translate("StacTab", "The thumbnail is not an image."))
            return
        self.thumbnailLabel.setPixmap(pixmap.scaled(self.thumbnailLabel.minimumSize(),
                                                    Qt.AspectRatioMode.KeepAspectRatio,
                                                    Qt.TransformationMode.SmoothTransformation))

    # -- submission --------------------------------------------------------------------------------------
    def submit(self):
        """A job of provider "stac" with the parameters of the contract (the items as the search gave them)."""
        from ..core.providers.stac.presets import signing_for
        items, assets = self.chosen_items(), self.chosen_assets()
        try:
            aoi = self.dock.current_aoi()
        except EoError as exc:
            self.dock._status(exc.user_text())
            return None
        if not items or not assets:
            self.dock._status(translate("StacTab", "Search items and check at least one asset first."))
            return None
        api = self.searched_api or self.api()
        collection = str(items[0].get("collection") or self.collectionCombo.currentText().strip())
        params = {"api": api, "collection": collection, "items": items, "assets": assets, "aoi": aoi.to_geojson(),
                  "signing": signing_for(api), "stack_vrt": self.stackVrtCheck.isChecked(),
                  "authcfg": self.authSelect.configId() or ""}
        title = translate("StacTab", "STAC {} ({} items)").format(collection, len(items))
        job = self.dock._new_job("stac", params, title)
        if job is None:
            return None
        self.dock.manager.submit(job)
        self.dock._status(translate("StacTab", "Job '{}' submitted; follow it in the Jobs panel.").format(job.title))
        return job

    # -- teardown -----------------------------------------------------------------------------------------
    def cleanup(self):
        stop_tasks((self.collections_task, self.search_task, self.thumbnail_task))
        self.collections_task = self.search_task = self.thumbnail_task = None
        self.footprint_bands.clear()
