#!/usr/bin/env python3
"""Screenshots of the plugin in a real QGIS window under Xvfb (for the README and the GUI tests).

    python3 scripts/screenshot.py OUT_DIR [--raster FILE] [--flow ee|eosda] [--name NAME]

Starts Xvfb, installs the checkout into a throw-away profile, starts QGIS with a
startup script that opens the download dock and the Jobs panel (and loads
``--raster`` through the plugin's job manager when given), then captures the
whole screen with ImageMagick's ``import -window root``.  ``--flow`` starts the
provider's loopback simulator and shows that provider's tab in use: ``ee`` reads
an image's bands into the band picker and shows the estimate; ``eosda`` runs a
scene search over the EOSDA documentation's example area and draws the footprints.
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
    with open(os.environ["EO_SHOT_STATE"], "w") as fh:
        json.dump(state, fh)

QTimer.singleShot(4000, _go)
'''


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--raster")
    ap.add_argument("--display", default=":97")
    ap.add_argument("--wait", type=float, default=1.0, help="seconds between the state report and the capture")
    ap.add_argument("--flow", choices=("ee", "eosda"))
    ap.add_argument("--export", action="store_true", help="with --flow ee: a large area and the batch-export mode")
    ap.add_argument("--name", default="qgis_window", help="file name of the PNG (without .png)")
    args = ap.parse_args(argv)
    work = tempfile.mkdtemp(prefix="eo-shot-")
    xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", "1600x1000x24"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    qgis = None
    sim = None
    extra = {}
    if args.flow:
        sys.path.insert(0, os.path.dirname(HERE))
        if args.flow == "ee":
            from tests.sims.ee_sim import EeSimulator
            sim = EeSimulator(tokens=("shot-token",), projects=None).start()
            extra = {"EO_DOWNLOADER_EE_API_URL": sim.url, "EO_DOWNLOADER_EE_TOKEN": "shot-token"}
        else:
            from tests.sims.eosda_sim import EosdaSimulator
            sim = EosdaSimulator(api_keys=("shot-key",)).start()
            extra = {"EO_DOWNLOADER_EOSDA_API_URL": sim.url, "EO_DOWNLOADER_EOSDA_API_KEY": "shot-key"}
        extra["EO_SHOT_FLOW"] = args.flow
        extra["EO_SHOT_EXPORT"] = "1" if args.export else ""
    try:
        time.sleep(1.0)
        dev_install.install(os.path.join(work, "profiles_root"))
        startup = os.path.join(work, "startup.py")
        with open(startup, "w") as fh:
            fh.write(STARTUP)
        state_file = os.path.join(work, "state.json")
        env = qgis_headless.headless_env(work, dict(extra, DISPLAY=args.display, EO_SHOT_STATE=state_file,
                                                    EO_SHOT_RASTER=os.path.abspath(args.raster) if args.raster
                                                    else ""))
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
        qgis = subprocess.Popen(["qgis", "--profiles-path", os.path.join(work, "profiles_root"), "--nologo",
                                 "--noversioncheck", "--code", startup], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while not os.path.exists(state_file) and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(args.wait if os.path.exists(state_file) else 0)
        os.makedirs(args.out_dir, exist_ok=True)
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
        if sim is not None:
            sim.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
