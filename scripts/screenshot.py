#!/usr/bin/env python3
"""Screenshots of the plugin in a real QGIS window under Xvfb (for the README and the GUI tests).

    python3 scripts/screenshot.py OUT_DIR [--raster FILE] [--flow ee|eosda|ee-collection|per-feature|sign-in|stac]
                                  [--name NAME] [--locale fr] [--display :97]

Starts Xvfb, installs the checkout into a throw-away profile, starts QGIS with a
startup script that opens the download dock and the Jobs panel (and loads
``--raster`` through the plugin's job manager when given), then captures the
whole screen with ImageMagick's ``import -window root``.  ``--flow`` starts the
provider's loopback simulator and shows that provider's tab in use: ``ee`` reads
an image's bands into the band picker and shows the estimate; ``eosda`` runs a
scene search over the EOSDA documentation's example area and draws the footprints;
``ee-collection`` goes from "Sentinel-2 L2A, 2023-06-01..2023-08-31, a polygon, < 20 %
clouds, Cloud Score+, median" to the search results, a preview and the masked composite
downloaded, saving ``ee_collection_search.png``, ``ee_collection_preview.png`` and
``ee_collection_result.png`` in OUT_DIR on the way (no image id typed).  ``per-feature``
selects three polygons of a layer and runs one Earth Engine job per feature, named by a field;
``stac`` serves three dates of small UTM COGs with nginx and their items with ``rustac serve``, loads the
collections, searches a drawn polygon over May 2024 (``stac_search.png``: footprints, the chosen item's
row), downloads through the Jobs panel and steps the Temporal Controller to the second date
(``stac_time_stack.png``: one layer per date in the job's group, that date alone drawn);
``sign-in`` opens the settings dialog with an Earth Engine configuration created by "Sign in
with Google…" (a throw-away auth database).  ``--locale`` starts QGIS in that language (the
compiled ``i18n/*.qm`` of the checkout: ``scripts/update_translations.py --compile`` first).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import dev_install  # noqa: E402
import qgis_headless  # noqa: E402

STARTUP = r'''
import json, os
from qgis.utils import iface, plugins
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtGui import QColor

state = {}

def _go():
    plugin = plugins["eo_downloader"]
    iface.mainWindow().setGeometry(0, 0, 1600, 1000)
    plugin.toggle_dock(True)
    plugin.toggle_jobs(True)
    raster = os.environ.get("EO_SHOT_RASTER")
    if raster:
        from eo_downloader.core.jobs import Job, JobState
        job = Job(provider="ee_download", title="EE demo result",
                  params={"image": "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG",
                          "bands": ["B3", "B8", "B11"]}, state=JobState.DONE, progress=100.0,
                  outputs=[raster], message="Done")
        plugin.manager.store.add(job)
        layers = plugin.manager.load_layers(job.id)
        plugin.manager.jobChanged.emit(job.id)
        state["layers"] = [l.name() for l in layers]
        if layers:
            iface.mapCanvas().setDestinationCrs(layers[0].crs())
            iface.mapCanvas().setExtent(layers[0].extent())
            iface.mapCanvas().refresh()
    flow = os.environ.get("EO_SHOT_FLOW")
    if flow:
        from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle
        dock = plugin.dock
        iface.newProject(False)
        canvas = iface.mapCanvas()
        canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
        if flow == "ee" and os.environ.get("EO_SHOT_EXPORT"):
            canvas.setExtent(QgsRectangle(-123.0, 36.8, -121.0, 38.3))      # large: a batch export is proposed
            dock.ee_tab.eeProjectEdit.setText("demo-project")
            dock.ee_tab.eeImageEdit.setText("COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG")
            dock.ee_tab.fetch_image_info()
        elif flow == "ee-collection":
            _collection_flow(dock, canvas)
            return
        elif flow == "per-feature":
            _per_feature_flow(dock, canvas)
            return
        elif flow == "sign-in":
            _sign_in_flow(plugin)
            return
        elif flow == "stac":
            _stac_flow(dock, canvas)
            return
        elif flow == "ee":
            canvas.setExtent(QgsRectangle(-122.0859, 37.0436, -122.0626, 37.0586))
            dock.ee_tab.eeProjectEdit.setText("demo-project")
            dock.ee_tab.eeImageEdit.setText("COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG")
            dock.ee_tab.fetch_image_info()
        else:
            canvas.setExtent(QgsRectangle(-106.2, 26.2, -103.6, 28.2))
            dock.ui.providerTabs.setCurrentIndex(1)
            from qgis.PyQt.QtCore import QDate
            dock.eosda_tab.eosdaFromDate.setDate(QDate(2023, 7, 1))
            dock.eosda_tab.eosdaToDate.setDate(QDate(2023, 7, 31))
            dock.eosda_tab.eosdaCloudSpin.setValue(100)
            dock.eosda_tab.search_eosda()
        canvas.refresh()
    QTimer.singleShot(4000, _after_flow if flow else _measure)

POLYGON = "POLYGON((1.0 43.0, 1.09 43.005, 1.1 43.08, 1.04 43.1, 1.0 43.07, 1.0 43.0))"

def _grab(name):
    from qgis.PyQt.QtWidgets import QApplication
    QApplication.processEvents()
    path = os.path.join(os.environ["EO_SHOT_OUT"], name + ".png")
    QApplication.primaryScreen().grabWindow(0).save(path)
    state.setdefault("shots", []).append(path)

def _wait(condition, then, timeout=120.0, started=None):
    """Call ``then`` once ``condition()`` holds (or after ``timeout`` s, noted in the state)."""
    import time
    started = started or time.monotonic()
    if condition():
        then()
    elif time.monotonic() - started > timeout:
        state.setdefault("timed_out", []).append(getattr(then, "__name__", "step"))
        then()
    else:
        QTimer.singleShot(250, lambda: _wait(condition, then, timeout, started))

def _collection_flow(dock, canvas):
    """The new user's path: a collection, dates, a polygon, a cloud limit, a mask and a method."""
    from qgis.core import QgsGeometry, QgsRectangle
    from qgis.PyQt.QtCore import QDate
    canvas.setExtent(QgsRectangle(0.96, 42.98, 1.14, 43.12))
    dock._on_drawn(QgsGeometry.fromWkt(POLYGON))
    canvas.setExtent(QgsRectangle(-0.2, 42.0, 2.4, 44.0))      # the scenes' footprints are whole tiles
    tab = dock.ee_tab
    tab.eeProjectEdit.setText("demo-project")
    tab.eeCollectionCombo.setCurrentIndex(tab.eeCollectionCombo.findData("COPERNICUS/S2_SR_HARMONIZED"))
    tab.eeFromDate.setDate(QDate(2023, 6, 1))
    tab.eeToDate.setDate(QDate(2023, 8, 31))
    tab.eeCloudSpin.setValue(20)
    tab.eeCompositeRadio.setChecked(True)
    tab.eeMaskCombo.setCurrentIndex(tab.eeMaskCombo.findData("cloud_score_plus"))
    tab.eeMethodCombo.setCurrentIndex(tab.eeMethodCombo.findData("median"))
    tab.eeScaleSpin.setValue(20)
    dock.update_state()
    tab.search_collection()
    _wait(lambda: tab.search_task is None, _collection_searched)

def _per_feature_flow(dock, canvas):
    """Three fields, all selected, one Earth Engine download each, named by the field 'name'."""
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsProject, QgsRectangle, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "Fields", "memory")
    layer.dataProvider().addAttributes([QgsField("name", QVariant.String)])
    layer.updateFields()
    x0, y0, x1, y1 = -122.0859, 37.0436, -122.0626, 37.0586
    step = (x1 - x0) / 3
    features = []
    for i, name in enumerate(("North field", "Orchard", "Vineyard")):
        f = QgsFeature(layer.fields())
        left, right = x0 + (i + 0.05) * step, x0 + (i + 0.95) * step
        f.setGeometry(QgsGeometry.fromRect(QgsRectangle(left, y0, right, y1)))
        f.setAttribute("name", name)
        features.append(f)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    layer.selectAll()
    canvas.setExtent(QgsRectangle(x0 - 0.004, y0 - 0.003, x1 + 0.004, y1 + 0.003))
    ui, tab = dock.ui, dock.ee_tab
    ui.aoiLayerRadio.setChecked(True)
    ui.aoiLayerCombo.setLayer(layer)
    ui.aoiPerFeatureCheck.setChecked(True)
    ui.aoiNameFieldCombo.setField("name")
    tab.eeProjectEdit.setText("demo-project")
    tab.eeImageEdit.setText("COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG")
    tab.eeBandsEdit.setText("B4,B3,B2")
    tab.eeScaleSpin.setValue(20)
    tab.eeFilePerBandCheck.setChecked(False)
    dock.update_state()
    jobs = tab.submit_ee() or []
    state["jobs_submitted"] = [j.title for j in jobs]
    plugin = plugins["eo_downloader"]
    _wait(lambda: all(plugin.manager.store.get(j.id).finished for j in jobs) and not plugin.manager.active(),
          lambda: QTimer.singleShot(3000, _per_feature_done))

def _per_feature_done():
    from qgis.core import QgsProject
    state["layers_after"] = [l.name() for l in QgsProject.instance().mapLayers().values()]
    iface.mapCanvas().refresh()
    QTimer.singleShot(1500, _measure)

def _sign_in_flow(plugin):
    """The settings dialog after "Sign in with Google…" (the auth database is the throw-away profile's)."""
    from qgis.core import QgsApplication
    from eo_downloader.gui.settings_dialog import SettingsDialog
    am = QgsApplication.authManager()
    if not am.masterPasswordIsSet():
        am.setMasterPassword("screenshot-only", True)
    dialog = SettingsDialog(iface.mainWindow())
    state["dialog"] = dialog
    dialog.eeProjectEdit.setText("demo-project")
    dialog.create_oauth2()
    dialog.show()
    dialog.move(420, 60)
    QTimer.singleShot(1500, _measure)

def _collection_searched():
    tab = plugins["eo_downloader"].dock.ee_tab
    state["scenes"] = tab.eeResultsTable.rowCount()
    tab.eeResultsTable.selectRow(0)          # a row highlights its footprint (and would fill the image id)
    tab.eeCompositeRadio.setChecked(True)
    plugins["eo_downloader"].dock.update_state()
    state["estimate"] = tab.eeEstimateLabel.text()
    iface.mapCanvas().refresh()
    QTimer.singleShot(1500, lambda: (_grab("ee_collection_search"), _collection_preview()))

def _collection_preview():
    from qgis.core import QgsRectangle
    tab = plugins["eo_downloader"].dock.ee_tab
    tab.clear_footprints()
    iface.mapCanvas().setExtent(QgsRectangle(0.96, 42.98, 1.14, 43.12))
    tab.preview()
    _wait(lambda: tab.preview_task is None, lambda: QTimer.singleShot(2000, _collection_previewed))

def _collection_previewed():
    from qgis.core import QgsProject
    state["preview_layers"] = [l.name() for l in QgsProject.instance().mapLayers().values()]
    iface.mapCanvas().refresh()
    QTimer.singleShot(1000, lambda: (_grab("ee_collection_preview"), _collection_download()))

def _collection_download():
    plugin = plugins["eo_downloader"]
    job = plugin.dock.ee_tab.submit_ee()
    state["job_title"] = job.title if job else plugin.dock.ui.statusLabel.text()
    if job is None:
        return _measure()
    _wait(lambda: plugin.manager.store.get(job.id).finished and not plugin.manager.active(),
          lambda: QTimer.singleShot(3000, lambda: _collection_done(job.id)))

def _collection_done(job_id):
    from qgis.core import QgsProject
    plugin = plugins["eo_downloader"]
    job = plugin.manager.store.get(job_id)
    state["job_state"] = job.state
    state["layers_after"] = [l.name() for l in QgsProject.instance().mapLayers().values()]
    iface.mapCanvas().refresh()
    QTimer.singleShot(2000, lambda: (_grab("ee_collection_result"), _measure()))

def _stac_flow(dock, canvas):
    """A loopback STAC API (rustac) and COGs on nginx: collections, a drawn polygon, May 2024, < 40 % clouds."""
    from qgis.core import QgsGeometry, QgsRectangle
    from qgis.PyQt.QtCore import QDate
    tab = dock.stac_tab
    dock.ui.providerTabs.setCurrentIndex(dock.ui.providerTabs.indexOf(tab))
    west, south, east, north = (float(v) for v in os.environ["EO_SHOT_STAC_BBOX"].split(","))
    dx, dy = (east - west) * 0.15, (north - south) * 0.15
    canvas.setExtent(QgsRectangle(west - dx, south - dy, east + dx, north + dy))
    dock._on_drawn(QgsGeometry.fromWkt(os.environ["EO_SHOT_STAC_AOI"]))
    tab.catalogueCombo.setEditText(os.environ["EO_DOWNLOADER_STAC_API_URL"])
    tab.fromDate.setDate(QDate(2024, 5, 1))
    tab.toDate.setDate(QDate(2024, 5, 31))
    tab.cloudSpin.setValue(40)
    dock.update_state()
    tab.collectionsButton.click()
    _wait(lambda: tab.collections_task is None, _stac_collections, timeout=30)

def _stac_collections():
    dock = plugins["eo_downloader"].dock
    tab = dock.stac_tab
    state["collections"] = [tab.collectionCombo.itemText(i) for i in range(tab.collectionCombo.count())]
    tab.collectionCombo.setCurrentIndex(tab.collectionCombo.findText("sentinel-2-l2a"))
    dock.update_state()
    tab.searchButton.click()
    _wait(lambda: tab.search_task is None, _stac_searched, timeout=30)

def _stac_searched():
    tab = plugins["eo_downloader"].dock.stac_tab
    state["items"] = [tab.resultsTable.item(r, 2).text() for r in range(tab.resultsTable.rowCount())]
    state["notes"] = tab.notesLabel.text()
    state["footprints"] = len(tab.footprints)
    tab.resultsTable.selectRow(1)         # highlighted on the map, its thumbnail in the tab
    pixmap = lambda: tab.thumbnailLabel.pixmap()
    _wait(lambda: pixmap() is not None and not pixmap().isNull(),
          lambda: QTimer.singleShot(800, lambda: (_grab("stac_search"), _stac_download())), timeout=15)

def _stac_download():
    plugin = plugins["eo_downloader"]
    tab = plugin.dock.stac_tab
    tab.resultsTable.clearSelection()     # no row selected: every item found
    plugin.dock.update_state()
    job = tab.submit()
    state["job_title"] = job.title if job else plugin.dock.ui.statusLabel.text()
    if job is None:
        return _measure()
    _wait(lambda: plugin.manager.store.get(job.id).finished and not plugin.manager.active()
          and len(_group_layers(job.id)) >= 3, lambda: _stac_done(job.id), timeout=60)

def _group_layers(job_id):
    from qgis.core import QgsProject
    for group in QgsProject.instance().layerTreeRoot().findGroups(True):
        if group.customProperty("eo_downloader/job") == job_id:
            return [node.layer() for node in group.findLayers()]
    return []

def _stac_done(job_id):
    """One layer per date in the job's group; the Temporal Controller opened, stepped to the second date."""
    from qgis.core import QgsDateTimeRange, QgsInterval, QgsTemporalNavigationObject, QgsUnitTypes
    plugin = plugins["eo_downloader"]
    job = plugin.manager.store.get(job_id)
    state["job_state"] = job.state
    layers = _group_layers(job_id)
    fmt = "yyyy-MM-dd HH:mm:ss"
    state["layers"] = [{"name": l.name(), "temporal": l.temporalProperties().isActive(),
                        "range": [l.temporalProperties().fixedTemporalRange().begin().toString(fmt),
                                  l.temporalProperties().fixedTemporalRange().end().toString(fmt)]}
                       for l in layers]
    timed = sorted((l for l in layers if l.temporalProperties().isActive()),
                   key=lambda l: l.temporalProperties().fixedTemporalRange().begin())
    _open_temporal_controller()
    nav = iface.mapCanvas().temporalController()
    nav.setNavigationMode(QgsTemporalNavigationObject.Animated)
    first, last = (l.temporalProperties().fixedTemporalRange() for l in (timed[0], timed[-1]))
    nav.setTemporalExtents(QgsDateTimeRange(first.begin(), last.end()))
    # Steps of a day: QGIS 3.22 draws a layer whose range touches a frame's (excluded) end, so frames of
    # 10 days (the revisit) would show the next date too.  The second date is that many days on.
    nav.setFrameDuration(QgsInterval(1, QgsUnitTypes.TemporalDays))
    nav.setCurrentFrameNumber(first.begin().daysTo(timed[1].temporalProperties().fixedTemporalRange().begin()))
    _tidy_panels(layers)
    canvas = iface.mapCanvas()
    extent = canvas.mapSettings().layerExtentToOutputExtent(timed[0], timed[0].extent())
    canvas.setExtent(extent.buffered(extent.width() * 0.06))        # the whole AOI with a margin
    canvas.refresh()
    QTimer.singleShot(2500, lambda: _stac_stepped(timed))

def _open_temporal_controller():
    from qgis.PyQt.QtWidgets import QAction, QDockWidget
    action = iface.mainWindow().findChild(QAction, "mActionTemporalController")
    if action is not None and not action.isChecked():
        action.trigger()
    docks = [d for d in iface.mainWindow().findChildren(QDockWidget) if "Temporal" in d.objectName()]
    state["temporal_dock"] = [d.objectName() for d in docks if d.isVisible()]
    for d in docks:
        d.raise_()

def _tidy_panels(layers):
    """Legends folded, the Layers panel wide enough for the dates at the end of the layer names, the
    Temporal Controller and the Jobs panel along the bottom (the right dock keeps its width)."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QDockWidget
    root = QgsProject.instance().layerTreeRoot()
    for layer in layers:
        root.findLayer(layer.id()).setExpanded(False)
    window = iface.mainWindow()
    browser = window.findChild(QDockWidget, "Browser")
    if browser is not None:
        browser.hide()
    named = {d.objectName(): d for d in window.findChildren(QDockWidget)}
    layers_dock = named.get("Layers")
    if layers_dock is not None:        # the Jobs panel (done) along the bottom, the Layers panel wide enough
        window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        jobs = plugins["eo_downloader"].jobs_panel
        for d in (d for name, d in named.items() if "Temporal" in name):    # above the Jobs panel, wide
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, d)
            window.splitDockWidget(d, jobs, Qt.Orientation.Vertical)
        layers_dock.setMinimumWidth(460)               # the layout takes it; then the user's own again
        QTimer.singleShot(300, lambda: layers_dock.setMinimumWidth(0))

def _stac_stepped(timed):
    nav = iface.mapCanvas().temporalController()
    frame = nav.dateTimeRangeForFrameNumber(nav.currentFrameNumber())
    shown = iface.mapCanvas().mapSettings().temporalRange()
    fmt = "yyyy-MM-dd HH:mm:ss"
    state["step"] = {"frame": nav.currentFrameNumber(), "frames": nav.totalFrameCount(),
                     "range": [frame.begin().toString(fmt), frame.end().toString(fmt)],
                     "canvas_range": [shown.begin().toString(fmt), shown.end().toString(fmt)],
                     "shown": [l.name() for l in timed if l.temporalProperties().isVisibleInTemporalRange(shown)]}
    image = iface.mapCanvas().grab().toImage()        # a drawn gradient has many colours, a blank map one or two
    state["canvas_colours"] = len({image.pixel(x, y) for x in range(0, image.width(), 7)
                                   for y in range(0, image.height(), 7)})
    _grab("stac_time_stack")
    _measure()

def _after_flow():
    plugin = plugins["eo_downloader"]
    dock = plugin.dock
    if os.environ.get("EO_SHOT_FLOW") == "ee":
        dock.ee_tab.show_bands()
        dock.update_state()
        state["estimate"] = dock.ee_tab.eeEstimateLabel.text()
        state["bands_in_picker"] = len(dock.ee_tab.bands_menu.actions())
        if os.environ.get("EO_SHOT_EXPORT"):
            state["export_proposed"] = dock.ee_tab.eeSuggestExportButton.isVisible()
            dock.ee_tab.eeSuggestExportButton.click()
            dock.ee_tab.eeExportBucketEdit.setText("my-bucket")
            dock.ee_tab.eeExportPrefixEdit.setText("bay_area/s2")
            dock.update_state()
            state["export_button"] = dock.ee_tab.eeDownloadButton.text()
            state["export_enabled"] = dock.ee_tab.eeDownloadButton.isEnabled()
    else:
        if dock.eosda_tab.eosdaResultsTable.rowCount():
            dock.eosda_tab.eosdaResultsTable.selectRow(0)
        state["scenes"] = dock.eosda_tab.eosdaResultsTable.rowCount()
    QTimer.singleShot(1500, _measure)

def _measure():
    plugin = plugins["eo_downloader"]
    state["dock"] = plugin.dock.isVisible()
    state["jobs"] = plugin.jobs_panel.isVisible()
    state["jobs_rows"] = plugin.jobs_panel.body.jobsTable.rowCount()
    ui, ee_tab = plugin.dock.ui, plugin.dock.ee_tab
    state["visible"] = {name: getattr(ui, name).isVisible() for name in
                        ("aoiGroup", "providerTabs", "outputDirWidget", "jobsButton")}
    state["visible"].update({name: getattr(ee_tab, name).isVisible() for name in
                             ("eeImageEdit", "eeBandsEdit", "eeDownloadButton")})
    state["visible"]["jobsTable"] = plugin.jobs_panel.body.jobsTable.isVisible()
    image = iface.mapCanvas().grab().toImage()
    background = image.pixelColor(0, 0)
    step = max(1, image.width() // 150)
    points = [(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)]
    state["canvas_painted"] = sum(image.pixelColor(x, y) != background for x, y in points) / float(len(points))
    state.pop("dialog", None)
    with open(os.environ["EO_SHOT_STATE"], "w") as fh:
        json.dump(state, fh)

QTimer.singleShot(4000, _go)
'''


#: The STAC flow's acquisition days (one item each, three bands, a shifted field per date and band).
STAC_DAYS = ((3, 12.0), (13, 31.0), (23, 6.0))


def _stac_servers(work):
    """nginx serving small UTM COGs of three dates (red, green, blue each; ``tests/core/stac_assets``) and
    ``rustac serve`` with an item per date pointing at them.  Returns (servers, environment for QGIS)."""
    from osgeo import gdal
    from tests import stac_data
    from tests.core import stac_assets as sa
    from tests.servers.nginx import Nginx
    from tests.servers.stac_api import StacApi
    www, size = os.path.join(work, "www"), 1024
    os.makedirs(www)
    files = Nginx(www, work)
    side = size * sa.PIXEL
    ring = sa.to_lonlat([(sa.X0, sa.Y0), (sa.X0 + side, sa.Y0), (sa.X0 + side, sa.Y0 - side), (sa.X0, sa.Y0 - side),
                         (sa.X0, sa.Y0)])
    items = []
    for d, (day, cloud) in enumerate(STAC_DAYS):
        item_id = "S2_2024-05-{:02d}".format(day)
        item = stac_data.item(item_id, day, cloud, collection="sentinel-2-l2a", ring=[ring], month=5)
        paths = {}
        for b, key in enumerate(("red", "green", "blue")):
            paths.update(sa.make_item_assets(www, item_id, size, keys=(key,), col0=150 * d + 220 * b))
        item["assets"] = {key: {"href": files.url(os.path.basename(path)), "type": stac_data.COG,
                                "roles": ["data"], "title": key} for key, path in paths.items()}
        thumb = os.path.join(www, item_id + "_thumb.png")
        rgb = gdal.BuildVRT("", [paths[k] for k in ("red", "green", "blue")], separate=True)
        gdal.Translate(thumb, rgb, format="PNG", width=160, outputType=gdal.GDT_Byte, scaleParams=[[500, 3600, 0, 255]])
        item["assets"]["thumbnail"] = {"href": files.url(item_id + "_thumb.png"), "type": "image/png",
                                       "roles": ["thumbnail"]}
        items.append(item)
    collection = stac_data.collection("sentinel-2-l2a", "Sentinel-2 L2A, three dates of loopback test COGs")
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    bbox = [min(lons), min(lats), max(lons), max(lats)]
    collection["extent"]["spatial"]["bbox"] = [bbox]
    api = StacApi([collection, {"type": "FeatureCollection", "features": items}], work)
    aoi = sa.to_lonlat([(sa.X0 + 2400, sa.Y0 - 2600), (sa.X0 + 5200, sa.Y0 - 2200), (sa.X0 + 6300, sa.Y0 - 4700),
                        (sa.X0 + 4100, sa.Y0 - 6400), (sa.X0 + 2100, sa.Y0 - 5200), (sa.X0 + 2400, sa.Y0 - 2600)])
    wkt = "POLYGON(({}))".format(", ".join("{} {}".format(x, y) for x, y in aoi))
    return [files, api], {"EO_DOWNLOADER_STAC_API_URL": api.url, "EO_SHOT_STAC_AOI": wkt,
                          "EO_SHOT_STAC_BBOX": ",".join(str(v) for v in bbox)}


def _set_locale(profile_dir, locale):
    """QGIS's own language override in the profile (what Settings > Options > General sets)."""
    import configparser
    ini = os.path.join(profile_dir, "QGIS", "QGIS3.ini")
    parser = configparser.RawConfigParser()
    parser.optionxform = str
    parser.read(ini)
    if not parser.has_section("locale"):
        parser.add_section("locale")
    parser.set("locale", "overrideFlag", "true")
    parser.set("locale", "userLocale", locale)
    parser.set("locale", "globalLocale", locale)
    with open(ini, "w") as fh:
        parser.write(fh, space_around_delimiters=False)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--raster")
    ap.add_argument("--display", default=":97")
    ap.add_argument("--wait", type=float, default=1.0, help="seconds between the state report and the capture")
    ap.add_argument("--flow", choices=("ee", "eosda", "ee-collection", "per-feature", "sign-in", "stac"))
    ap.add_argument("--locale", help="QGIS's user interface language, e.g. fr or es")
    ap.add_argument("--export", action="store_true", help="with --flow ee: a large area and the batch-export mode")
    ap.add_argument("--name", default="qgis_window", help="file name of the PNG (without .png)")
    args = ap.parse_args(argv)
    work = tempfile.mkdtemp(prefix="eo-shot-")
    os.makedirs(args.out_dir, exist_ok=True)
    xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", "1600x1000x24"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    qgis = None
    servers = []
    extra = {}
    if args.flow:
        sys.path.insert(0, os.path.dirname(HERE))
        if args.flow == "sign-in":
            pass                          # no service: the dialog as a new user sees it
        elif args.flow == "stac":
            servers, extra = _stac_servers(work)
        elif args.flow in ("ee", "ee-collection", "per-feature"):
            from tests.sims.ee_sim import EeSimulator
            servers = [EeSimulator(tokens=("shot-token",), projects=None).start()]
            extra = {"EO_DOWNLOADER_EE_API_URL": servers[0].url, "EO_DOWNLOADER_EE_TOKEN": "shot-token"}
        else:
            from tests.sims.eosda_sim import EosdaSimulator
            servers = [EosdaSimulator(api_keys=("shot-key",)).start()]
            extra = {"EO_DOWNLOADER_EOSDA_API_URL": servers[0].url, "EO_DOWNLOADER_EOSDA_API_KEY": "shot-key"}
        extra["EO_SHOT_FLOW"] = args.flow
        extra["EO_SHOT_EXPORT"] = "1" if args.export else ""
    try:
        time.sleep(1.0)
        dev_install.install(os.path.join(work, "profiles_root"))
        if args.locale:
            _set_locale(os.path.join(work, "profiles_root", "profiles", "default"), args.locale)
        startup = os.path.join(work, "startup.py")
        with open(startup, "w") as fh:
            fh.write(STARTUP)
        state_file = os.path.join(work, "state.json")
        env = qgis_headless.headless_env(work, dict(extra, DISPLAY=args.display, EO_SHOT_STATE=state_file,
                                                    EO_SHOT_OUT=os.path.abspath(args.out_dir),
                                                    EO_SHOT_RASTER=os.path.abspath(args.raster) if args.raster
                                                    else ""))
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
        qgis = subprocess.Popen(["qgis", "--profiles-path", os.path.join(work, "profiles_root"), "--nologo",
                                 "--noversioncheck", "--code", startup], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + (300 if args.flow == "ee-collection" else 60)
        while not os.path.exists(state_file) and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(args.wait if os.path.exists(state_file) else 0)
        png = os.path.join(args.out_dir, args.name + ".png")
        subprocess.run(["import", "-display", args.display, "-window", "root", png], check=True)
        state = json.load(open(state_file)) if os.path.exists(state_file) else {}
        state["png"] = png
        print(json.dumps(state))
        return 0 if state.get("dock") else 1
    finally:
        if qgis is not None:
            qgis.kill()
            qgis.wait()
        xvfb.kill()
        xvfb.wait()
        for server in servers:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
