"""Main-thread cost of the first showing of the dock's eodag tab (issue 21 item 4).

``python bench/bench_eodag_tab.py [--runs N]`` -- each run in a fresh process (the first
showing is what is measured), in pairs: a first QGIS session with a new profile ("cold":
eodag builds its gateway), then the next session with the same profile ("warm": the
plugin's cached catalogue, see ``plugin/core/providers/eodag/catalogue.py``).  A
5 ms heartbeat runs on the main thread from the click on the tab until the providers and
collections are in the combo boxes; the figures are the longest stall and the main
thread's time spent in the plugin's own slots (``showEvent`` and the hand-over of the lists).
Not part of ``make bench`` (a single small figure, reported in docs/performance.md).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path[:0] = [HERE, ROOT]


class _Iface:
    """What the dock asks of QGIS's iface."""

    def __init__(self, canvas, window):
        self._canvas, self._window = canvas, window

    def mapCanvas(self):
        return self._canvas

    def mainWindow(self):
        return self._window


def one_run(profile, compile_imports=False):
    import _qgis_tools as qt
    from qgis.core import QgsApplication
    app = QgsApplication([], True, profile)       # the profile holds the plugin's catalogue cache
    app.initQgis()
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtWidgets import QMainWindow
    from plugin.adapters.job_manager import JobManager
    from plugin.gui import eodag_tab
    from plugin.gui.dock import DownloadDock
    window = QMainWindow()
    canvas = QgsMapCanvas(window)
    iface = _Iface(canvas, window)
    folder = tempfile.mkdtemp(prefix="bench-eodag-tab-")
    manager = JobManager(store_path=os.path.join(folder, "jobs.json"))
    dock = DownloadDock(iface, manager)
    dock.show()
    qt.wait_for(dock.isVisible, timeout=10)
    tab = dock.eodag_tab
    if not compile_imports:
        from tests.qgis.exit_worker import import_plugin_modules
        import_plugin_modules()             # as in a QGIS that has run the plugin once (bytecode cached)
    idle = qt.Heartbeat(5)                  # the machine's own stalls, for reference (a shared machine)
    idle.start()
    quiet_from = time.perf_counter()
    qt.wait_for(lambda: time.perf_counter() - quiet_from > 1.0, timeout=5)
    idle.stop()
    spent = {"show": 0.0, "done": 0.0}
    real_show, real_done = eodag_tab.EodagTab.showEvent, eodag_tab.EodagTab._catalogue_done

    def timed(key, func):
        def wrapper(*args):
            start = time.perf_counter()
            try:
                return func(*args)
            finally:
                spent[key] += time.perf_counter() - start
        return wrapper
    tab.showEvent = timed("show", lambda event: real_show(tab, event))
    tab._catalogue_done = timed("done", lambda *a: real_done(tab, *a))     # the hand-over of the lists
    beat = qt.Heartbeat(5)
    beat.start()
    started = time.perf_counter()
    dock.ui.providerTabs.setCurrentWidget(tab)
    qt.wait_for(lambda: tab.providerCombo.count() > 0, timeout=120)
    ready = time.perf_counter() - started
    qt.wait_for(lambda: time.perf_counter() - started > ready + 0.2, timeout=5)
    beat.stop()
    stats = beat.stats()
    dock.cleanup()
    manager.shutdown()
    return {"max_stall_ms": round(stats["max_stall_ms"], 1), "idle_max_stall_ms": round(
            idle.stats()["max_stall_ms"], 1), "p99_stall_ms": round(stats["p99_stall_ms"], 1),
            "show_ms": round(spent["show"] * 1000, 1), "hand_over_ms": round(spent["done"] * 1000, 1),
            "seconds_to_lists": round(ready, 2), "providers": tab.providerCombo.count()}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="pairs of QGIS sessions (cold, then warm)")
    parser.add_argument("--compile-imports", action="store_true",
                        help="leave the plugin's modules to be imported by the first showing (with "
                             "PYTHONDONTWRITEBYTECODE each import compiles its source: a first start)")
    parser.add_argument("--one", metavar="PROFILE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one_run(args.one, args.compile_imports)), flush=True)
        os._exit(0)
    results = {"cold": [], "warm": []}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for _ in range(args.runs):
        profile = tempfile.mkdtemp(prefix="bench-eodag-tab-profile-")
        for which in ("cold", "warm"):        # a first session, then the next one (same profile)
            out = subprocess.run([sys.executable, os.path.abspath(__file__), "--one", profile]
                                 + (["--compile-imports"] if args.compile_imports else []), env=env,
                                 check=True, stdout=subprocess.PIPE, universal_newlines=True, timeout=300).stdout
            results[which].append(json.loads(out.strip().splitlines()[-1]))
            print(which, results[which][-1], flush=True)
    for which, runs in results.items():
        for key in ("max_stall_ms", "idle_max_stall_ms", "show_ms", "hand_over_ms", "seconds_to_lists"):
            values = sorted(r[key] for r in runs)
            print("{} {}: median {} (min {}, max {})".format(which, key, values[len(values) // 2], values[0],
                                                              values[-1]))


if __name__ == "__main__":
    main()
