"""What eodag still costs QGIS's interpreter where it runs in-process: an eodag download job (issue 21).

``python bench/bench_eodag_inprocess.py [--runs N]`` -- each run in a fresh process: a
QgsApplication with the plugin's modules imported, the idle main thread measured for 1 s
(5 ms heartbeat), then on a worker thread what an eodag job does with eodag (the gateway, a
search of one product by id, the download of its zip from the eodag simulator) while the
heartbeat runs; then the objects Python's garbage collector tracks and the time of a full
collection, before and after one eodag gateway was built in the process (why eodag's tab work
runs in the eodag worker process, and what ``gc.freeze()`` would be about).
Not part of ``make bench`` (figures reported in docs/performance.md).
"""
import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path[:0] = [HERE, ROOT]


def _spin(qt, seconds):
    start = time.perf_counter()
    qt.wait_for(lambda: time.perf_counter() - start > seconds, timeout=seconds + 5)


def _full_collection_ms():
    best = None
    for _ in range(3):
        start = time.perf_counter()
        gc.collect()
        spent = (time.perf_counter() - start) * 1000
        best = spent if best is None else min(best, spent)
    return round(best, 1)


def one_run():
    import _qgis_tools as qt
    from qgis.core import QgsApplication
    app = QgsApplication([], True)
    app.initQgis()
    from tests.qgis.exit_worker import import_plugin_modules
    from tests.sims import eodag_sim as es
    import_plugin_modules()
    folder = tempfile.mkdtemp(prefix="bench-eodag-inprocess-")
    os.environ.update(es.isolated_environment(os.path.join(folder, "eodag")))
    from plugin.core.providers.eodag.client import EodagClient
    out = {"objects_plugin": len(gc.get_objects()), "full_gc_plugin_ms": _full_collection_ms()}
    with es.EodagSimulator(credentials=("bench-user", "bench-password")) as sim:
        idle = qt.Heartbeat(5)
        idle.start()
        _spin(qt, 1.0)
        idle.stop()
        done = threading.Event()

        def job():
            try:
                client = EodagClient(providers_yaml=sim.yaml(), provider="eodag_sim",
                                     credentials={"username": "bench-user", "password": "bench-password"})
                found = client.search("eodag_sim", "S2_MSI_L2A", "2023-07-01", "2023-07-31",
                                      ids=[es.CATALOGUE[0]["id"]])
                client.download(found[0], os.path.join(folder, "out"))
                out["client"] = client          # kept: the gateway's objects stay, as in a job's thread
            finally:
                done.set()
        gc.collect()
        beat = qt.Heartbeat(5)
        beat.start()
        started = time.perf_counter()
        threading.Thread(target=job, daemon=True).start()
        qt.wait_for(done.is_set, timeout=120)
        beat.stop()
        out.update(job_s=round(time.perf_counter() - started, 2), max_stall_ms=round(beat.stats()["max_stall_ms"], 1),
                   idle_max_stall_ms=round(idle.stats()["max_stall_ms"], 1))
    out.update(objects_with_gateway=len(gc.get_objects()), full_gc_with_gateway_ms=_full_collection_ms())
    out.pop("client", None)
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="QGIS sessions, each in a process of its own")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one_run()), flush=True)
        os._exit(0)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, os.path.abspath(__file__), "--one"], env=env, check=True,
                             stdout=subprocess.PIPE, universal_newlines=True, timeout=300).stdout
        print(out.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
