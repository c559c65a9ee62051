"""A QGIS session in a process of its own that starts one background request, then unloads the plugin
and exits QGIS (issue 21): ``QgsApplication.exitQgis()`` must not wait on the network.

``python -m tests.qgis.exit_worker KIND SERVER_URL PROFILE_DIR [WAIT_SECONDS]``, or
``python -m tests.qgis.exit_worker --table`` for every kind against both hostile servers
(the figures of docs/performance.md).

It starts ``QgsApplication`` (offscreen) with its profile in ``PROFILE_DIR``, loads the plugin
through ``classFactory`` with a small iface, points the request of ``KIND`` at ``SERVER_URL``
(a hostile loopback server run by the caller) and starts it as the user would:

=================  ============================================================================
describe           the dock reads an Earth Engine image's description (an id typed)
eosda_search       the dock's EOSDA scene search
eodag_catalogue    the eodag tab's first showing (providers and collections from eodag)
eodag_search       the eodag tab's search (eodag's STAC search at the server)
eodag_test         the eodag tab's Test connection
ee_test            Settings > Test connection, Earth Engine
eosda_test         Settings > Test connection, EOSDA
remote_cancel      the Jobs panel's cancel of a detached Earth Engine export (server-side cancel)
=================  ============================================================================

A 5 ms heartbeat (``bench/_qgis_tools.Heartbeat``) runs on the main thread for up to 2 s
before the request (``idle_max_stall_ms``: the machine's own stalls) and from the start of
the request for ``WAIT_SECONDS`` (default 3); then ``plugin.unload()`` and ``exitQgis()`` are
timed.  One JSON line is printed: ``pending`` (the request was still waiting when unloading
began), ``max_stall_ms``, ``unload_s``, ``exit_s``, and the plugin's request threads still
alive 1 s after the exit (``threads_left``: those that honour the cancel token end by then).
Secrets and eodag's configuration come from the environment, like a headless QGIS.
"""
import gc
import json
import os
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
for _path in (ROOT, os.path.join(ROOT, "bench")):
    if _path not in sys.path:
        sys.path.insert(0, _path)

KINDS = ("describe", "eosda_search", "eodag_catalogue", "eodag_search", "eodag_test", "ee_test", "eosda_test",
         "remote_cancel")
THREAD_NAMES = ("eo-downloader-task", "eo-downloader-request")


class Iface:
    """What the plugin asks of QGIS's iface, on a real main window."""

    def __init__(self):
        from qgis.gui import QgsMapCanvas
        from qgis.PyQt.QtWidgets import QMainWindow
        self.window = QMainWindow()
        self.canvas = QgsMapCanvas(self.window)
        self.window.setCentralWidget(self.canvas)

    def mainWindow(self):
        return self.window

    def mapCanvas(self):
        return self.canvas

    def addToolBar(self, name):
        return self.window.addToolBar(name)

    def addDockWidget(self, area, dock):
        self.window.addDockWidget(area, dock)

    def removeDockWidget(self, dock):
        self.window.removeDockWidget(dock)

    def addPluginToRasterMenu(self, menu, action):
        pass

    def removePluginRasterMenu(self, menu, action):
        pass

    def close(self):
        from qgis.PyQt import sip
        self.window.close()
        sip.delete(self.window)

    def messageBar(self):
        from qgis.gui import QgsMessageBar
        return QgsMessageBar()


def spin(seconds, until=None):
    from qgis.PyQt.QtCore import QCoreApplication
    end = time.monotonic() + seconds
    while time.monotonic() < end and not (until is not None and until()):
        QCoreApplication.processEvents()
        time.sleep(0.002)


def _eodag_tab(plugin):
    plugin.toggle_dock(True)
    tab = plugin.dock.eodag_tab
    plugin.dock.ui.providerTabs.setCurrentWidget(tab)
    return tab


def _ready_eodag_tab(plugin):
    tab = _eodag_tab(plugin)
    spin(60, lambda: tab.catalogue is not None)
    assert tab.catalogue is not None, tab.statusLabel.text()
    tab.providerCombo.setCurrentText("eodag_sim")
    tab.collectionCombo.setCurrentText("S2_MSI_L2A")
    return tab


def prepare(kind, plugin, server):
    """Everything before the request (not measured); returns a function that starts it and returns
    a function telling whether it is still waiting."""
    from plugin.adapters import settings
    if kind in ("describe", "ee_test", "remote_cancel"):
        settings.set("ee_api_url", server)
    if kind in ("eosda_search", "eosda_test"):
        settings.set("eosda_api_url", server)
    if kind == "describe":
        plugin.toggle_dock(True)
        dock = plugin.dock

        def start():
            dock.ee_tab.eeImageEdit.setText("COPERNICUS/S2_SR_HARMONIZED/20240101T000000_20240101T000000_T31TCJ")
            dock.ee_tab.fetch_image_info()
            return lambda: dock.ee_tab.info_task is not None
        return start
    if kind == "eosda_search":
        plugin.toggle_dock(True)
        dock = plugin.dock
        dock.ui.providerTabs.setCurrentIndex(1)

        def start():
            dock.eosda_tab.search_eosda()
            return lambda: dock.eosda_tab.search_task is not None
        return start
    if kind == "eodag_catalogue":
        def start():
            tab = _eodag_tab(plugin)
            return lambda: tab.catalogue_task is not None
        return start
    if kind in ("eodag_search", "eodag_test"):
        tab = _ready_eodag_tab(plugin)

        def start():
            if kind == "eodag_search":
                tab.search()
                return lambda: tab.search_task is not None
            tab.test_connection()
            return lambda: tab.test_task is not None
        return start
    if kind in ("ee_test", "eosda_test"):
        from plugin.gui.settings_dialog import SettingsDialog
        dialog = SettingsDialog(plugin.iface.mainWindow())
        dialog.eeProjectEdit.setText("my-project")
        dialog.show()

        def start():
            (dialog.test_earth_engine if kind == "ee_test" else dialog.test_eosda)()
            return lambda: dialog.test_task is not None
        return start
    if kind == "remote_cancel":
        return _prepare_remote_cancel(plugin)
    raise SystemExit("unknown kind {}".format(kind))


def _prepare_remote_cancel(plugin):
    from plugin.core.jobs import Job, JobState
    from plugin.core.providers.earthengine import export_runner as ee_export
    params = ee_export.build_params("COPERNICUS/S2_SR_HARMONIZED/X", bands="B4", scale=10, bucket="my-bucket",
                                    project="my-project", aoi={"type": "Polygon", "coordinates": [[
                                        [1.0, 43.0], [1.01, 43.0], [1.01, 43.01], [1.0, 43.01], [1.0, 43.0]]]})
    job = Job(provider="ee_export", params=params, title="detached export", state=JobState.RUNNING,
              server={"operation": "projects/my-project/operations/ABCDEF", "detached": True},
              output_dir=os.path.join(plugin.manager.store.path + ".out"))
    manager = plugin.manager
    manager.store.add(job)
    plugin.toggle_jobs(True)

    def start():
        manager.cancel(job.id)
        return lambda: job.id in manager.cancelling
    return start


#: The hostile servers: one that never answers, one that sends a byte of its answer every 2 s.
SERVERS = ("silent", "trickle")


def hostile_server(which):
    """A started FaultServer answering every path and method that way (JSON that never ends)."""
    from tests.sims.faults import Fault, FaultServer, Resource
    fault = Fault.stall(before_headers=True) if which == "silent" else Fault.trickle(2.0)
    server = FaultServer().start()
    server.fallback = Resource(data=b'{"results": [' + b" " * 4096 + b"]}", content_type="application/json",
                               always=fault)
    return server


def run_worker(kind, url, folder, wait=2.5):
    """Run this worker in a new process (secrets and eodag's configuration in its environment);
    returns its JSON line as a dict."""
    import subprocess
    from tests.sims import eodag_sim
    folder = str(folder)
    os.makedirs(folder, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("EODAG") and not k.startswith("EO_DOWNLOADER")}
    env.update(QT_QPA_PLATFORM="offscreen", EO_DOWNLOADER_EE_TOKEN="tok-exit-4711",
               EO_DOWNLOADER_EOSDA_API_KEY="key-exit-4711")
    env.update(eodag_sim.isolated_environment(os.path.join(folder, "eodag")))
    provider = os.path.join(folder, "provider.yml")
    with open(provider, "w", encoding="utf-8") as handle:
        handle.write(eodag_sim.provider_yaml(url))
    env["EO_DOWNLOADER_EODAG_PROVIDERS_FILE"] = provider
    proc = subprocess.run([sys.executable, "-m", "tests.qgis.exit_worker", kind, url, os.path.join(folder, "profile"),
                           str(wait)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=120)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert proc.returncode == 0 and lines, proc.stdout[-2000:] + proc.stderr[-3000:]
    return json.loads(lines[-1])


def table() -> int:
    import tempfile
    print("| request | server | waiting at unload | unload s | exitQgis s | max stall ms (idle) | threads left |")
    print("|---|---|---|---:|---:|---:|---|")
    for kind in KINDS:
        for which in (SERVERS if kind != "eodag_catalogue" else ("-",)):
            server = hostile_server("silent" if which == "-" else which)
            try:
                r = run_worker(kind, server.base_url, tempfile.mkdtemp(prefix="exit-"),
                               wait=0.3 if kind == "eodag_catalogue" else 2.5)
            finally:
                server.stop()
            print("| {} | {} | {} | {:.3f} | {:.3f} | {:.0f} ({:.0f}) | {} |".format(
                kind, which, "yes" if r["pending"] else "no", r["unload_s"], r["exit_s"], r["max_stall_ms"],
                r["idle_max_stall_ms"], ", ".join(r["threads_left"]) or "-"), flush=True)
    return 0


def import_plugin_modules():
    """Import every module of the plugin once, before measuring.  The test environment sets
    PYTHONDONTWRITEBYTECODE, so each first import compiles its source, holding the interpreter
    lock for tens of milliseconds; a QGIS that has run the plugin once has their bytecode cached."""
    import importlib
    import pkgutil
    import plugin
    for info in pkgutil.walk_packages(plugin.__path__, "plugin."):
        importlib.import_module(info.name)


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--table"]:
        return table()
    kind, server, profile = argv[:3]
    wait = float(argv[3]) if len(argv) > 3 else 3.0
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsRectangle
    from qgis.PyQt.QtCore import QCoreApplication, QSettings
    QCoreApplication.setOrganizationName("QGIS")
    QCoreApplication.setOrganizationDomain("qgis.org")
    QCoreApplication.setApplicationName("QGIS3")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, profile)
    app = QgsApplication([], True, profile)
    app.initQgis()
    import _qgis_tools
    from plugin import classFactory
    iface = Iface()
    iface.canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    iface.canvas.setExtent(QgsRectangle(1.2750, 43.5950, 1.2860, 43.6030))
    plugin = classFactory(iface)
    plugin.initGui()
    iface.window.show()
    spin(0.3)                   # the plugin's start (it resumes the unfinished jobs of the store)
    start = prepare(kind, plugin, server)
    import_plugin_modules()
    spin(0.3)
    gc.collect()                # the set-up's garbage is not the request's cost
    idle = _qgis_tools.Heartbeat(5)       # the machine's own stalls, for reference (a shared machine)
    idle.start()
    spin(min(wait, 2.0))
    idle.stop()
    gc.collect()
    beat = _qgis_tools.Heartbeat(5)
    beat.start()
    waiting = start()
    spin(wait)
    beat.stop()
    pending = bool(waiting())
    stats = beat.stats()
    t0 = time.perf_counter()
    plugin.unload()
    t1 = time.perf_counter()
    iface.close()               # as QGIS: its main window goes before exitQgis()
    app.exitQgis()
    t2 = time.perf_counter()
    time.sleep(1.0)
    left = sorted(t.name for t in threading.enumerate() if t.name in THREAD_NAMES)
    print(json.dumps({"kind": kind, "pending": pending, "max_stall_ms": round(stats["max_stall_ms"], 1),
                      "idle_max_stall_ms": round(idle.stats()["max_stall_ms"], 1),
                      "long_stalls": stats["long_stalls"], "unload_s": round(t1 - t0, 3),
                      "exit_s": round(t2 - t1, 3), "threads_left": left}), flush=True)
    # QGIS 3.22 never finalizes Python (libqgispython does not call Py_Finalize): the process ends
    # with the threads an eodag call left behind still there.  So does this one.
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
