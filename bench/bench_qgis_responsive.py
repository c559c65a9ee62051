#!/usr/bin/env python3
"""Benchmark: QGIS stays responsive while four product downloads run.

Four zips, each holding one GeoTIFF (3 x uint16, ``--size-mib`` each, 256 MiB by
default: 1 GiB in total), are served by nginx on loopback.  A small provider runner
registered for the benchmark (``bench_zip``) downloads one with ``transfer.download``,
extracts it with ``archive.safe_extract`` and returns the GeoTIFF; the jobs go
through the plugin's real path: ``JobManager.submit`` -> ``JobTask`` (QgsTask on the
task manager) -> ``run_job`` -> ``finished()`` -> layers loaded and styled on the main
thread into the project, which a map canvas (layer-tree bridge, as in the QGIS window)
draws.  The Jobs panel is open, so every progress signal repaints it, and the job store
holds ``--history`` finished jobs (200 by default: a user's history, which the panel lists and
every write of the store covers; it is made afresh for each run of the benchmark).

Measured on the main thread during the whole run (submit -> every layer drawn):

* a ``QTimer`` heartbeat every ``--interval-ms`` (5 ms, precise timer): a *stall* is the
  time between two beats beyond the interval.  Targets: no stall over 50 ms, 99th
  percentile under 20 ms;
* the canvas: a redraw is requested every 250 ms and timed until it completes.

Baseline (``main thread``): the same downloads, extractions and layer loads called
synchronously from the main thread, with the heartbeat running.

    .venv/bin/python bench/bench_qgis_responsive.py               # 4 x 256 MiB
    .venv/bin/python bench/bench_qgis_responsive.py --size-mib 16 # quick

Results: a markdown table on stdout and bench/results/qgis_responsive.json.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import zipfile

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
for p in (ROOT, BENCH):
    if p not in sys.path:
        sys.path.insert(0, p)

import _qgis_tools as qt  # noqa: E402

MIB = 1024 * 1024
PROVIDER = "bench_zip"
ORIGIN = (300000.0, 4800000.0)       # EPSG:32631, pixel 10 m


# --------------------------------------------------------------------------- data

def product_side(size_mib):
    """Side in pixels of a square 3 x uint16 raster of about ``size_mib`` MiB."""
    side = int((size_mib * MIB / 6.0) ** 0.5)
    return max(16, side - side % 16)


def make_products(www, count, size_mib):
    """``product_<i>.zip`` files (a deflated zip holding ``product_<i>.tif``), made once."""
    import numpy as np
    from osgeo import gdal, osr
    os.makedirs(www, exist_ok=True)
    side = product_side(size_mib)
    names = []
    for i in range(count):
        name = "product_{}_{}MiB.zip".format(i, size_mib)
        path = os.path.join(www, name)
        names.append(name)
        if os.path.exists(path):
            continue
        tif = os.path.join(www, "product_{}.tif".format(i))
        ds = gdal.GetDriverByName("GTiff").Create(tif, side, side, 3, gdal.GDT_UInt16,
                                                  ["TILED=YES", "BIGTIFF=IF_SAFER"])
        ds.SetGeoTransform((ORIGIN[0] + i * side * 10.0, 10.0, 0.0, ORIGIN[1], 0.0, -10.0))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(32631)
        ds.SetProjection(srs.ExportToWkt())
        rng = np.random.default_rng(i)
        for b, band_name in enumerate(("B4", "B3", "B2")):
            band = ds.GetRasterBand(b + 1)
            band.SetDescription(band_name)
            for row in range(0, side, 1024):
                h = min(1024, side - row)
                # incompressible values, so the zip is as large as the raster
                band.WriteArray(rng.integers(0, 65536, (h, side), dtype=np.uint16), 0, row)
        ds = None
        tmp = path + ".tmp"
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            zf.write(tif, "product_{}.tif".format(i))
        os.replace(tmp, path)
        os.remove(tif)
    return names, side


# --------------------------------------------------------------------------- the provider runner

def bench_zip_runner(job, ctx):
    """Download a zip, extract it safely, return its GeoTIFFs (what a product provider does)."""
    from plugin.core.transfer import archive, download as transfer
    from plugin.core.jobs import JobState
    ctx.set_state(JobState.DOWNLOADING, "Downloading")

    def on_download(p):
        ctx.progress(80.0 * (p.fraction or 0.0), "Downloading")

    result = transfer.download(job.params["url"], dest_dir=job.output_dir, session=ctx.session,
                               cancel=ctx.cancel, progress=on_download)
    folder = os.path.splitext(result.path)[0]

    def on_extract(p):
        ctx.progress(80.0 + 20.0 * (p.fraction or 0.0), "Extracting")

    files = archive.safe_extract(result.path, folder, cancel=ctx.cancel, progress=on_extract)
    os.remove(result.path)
    return [f for f in files if f.lower().endswith(".tif")]


def register():
    from plugin.core.runner import register_runner
    register_runner(PROVIDER, bench_zip_runner)


# --------------------------------------------------------------------------- scenario

def fill_history(store_path, count):
    """A fresh job store holding ``count`` finished jobs (a user's history: the Jobs panel lists
    them all, every write of the store covers them), each with a drawn 64-vertex AOI."""
    import math
    from plugin.core.jobs import Job, JobState, JobStore
    if os.path.exists(store_path):
        os.remove(store_path)
    store = JobStore(store_path)
    ring = [[round(2.35 + 0.05 * math.cos(a * math.pi / 32), 6), round(48.85 + 0.05 * math.sin(a * math.pi / 32), 6)]
            for a in range(64)]
    aoi = {"type": "Polygon", "coordinates": [ring + ring[:1]]}
    for i in range(count):
        store.add(Job(provider="ee_download", title="history {}".format(i), state=JobState.DONE, progress=100.0,
                      message="Done", params={"image": "COPERNICUS/S2_SR_HARMONIZED/2024{:04d}".format(i),
                                              "bands": ["B4", "B3", "B2"], "scale": 10, "aoi": aoi},
                      outputs=["/data/eo/history_{}.tif".format(i)], output_dir="/data/eo",
                      created=1.7e9 + i, updated=1.7e9 + i, finished_at=1.7e9 + i))


class Scene:
    """Project, canvas with a background layer, job manager and Jobs panel."""

    def __init__(self, workdir, side, count, panel=True, history=0):
        from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRectangle
        from plugin.adapters.job_manager import JobManager
        self.project = QgsProject.instance()
        self.project.clear()
        crs = QgsCoordinateReferenceSystem("EPSG:32631")
        self.project.setCrs(crs)
        width = side * 10.0 * count
        extent = QgsRectangle(ORIGIN[0], ORIGIN[1] - side * 10.0, ORIGIN[0] + width, ORIGIN[1])
        self.background = background_layer(extent)
        self.project.addMapLayer(self.background)
        self.probe = qt.CanvasProbe(self.project, crs=crs, extent=extent)
        store_path = os.path.join(workdir, "jobs.json")
        fill_history(store_path, history)
        self.manager = JobManager(store_path=store_path)
        self.panel = None
        if panel:
            from plugin.gui.jobs_panel import JobsPanelWidget
            self.panel = JobsPanelWidget(self.manager)
            self.panel.resize(900, 300)
            self.panel.show()
        qt.wait_for(lambda: self.probe.refreshed > 0 or self.probe.canvas.mapSettings().hasValidSettings(),
                    timeout=30)

    def close(self):
        if self.panel is not None:
            self.panel.cleanup()
            self.panel.close()
            self.panel.deleteLater()
        self.probe.close()
        self.manager.shutdown()
        self.project.clear()


def background_layer(extent):
    """A memory polygon layer (a grid of 400 squares) standing for the user's base map."""
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer
    layer = QgsVectorLayer("Polygon?crs=EPSG:32631&field=id:integer", "background", "memory")
    feats = []
    n = 20
    dx = extent.width() / n
    dy = extent.height() / n
    for i in range(n):
        for j in range(n):
            f = QgsFeature(layer.fields())
            f.setAttributes([i * n + j])
            r = QgsRectangle(extent.xMinimum() + i * dx, extent.yMinimum() + j * dy,
                             extent.xMinimum() + (i + 0.8) * dx, extent.yMinimum() + (j + 0.8) * dy)
            f.setGeometry(QgsGeometry.fromRect(r))
            feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def run_tasks(scene, urls, outdir, interval_ms):
    """The plugin's path: 4 jobs submitted to the JobManager, heartbeat + canvas probe running."""
    from qgis.PyQt.QtCore import QTimer
    from plugin.core.jobs import Job
    heartbeat = qt.Heartbeat(interval_ms)
    jobs = [Job(provider=PROVIDER, params={"url": url}, title="product {}".format(i),
                output_dir=os.path.join(outdir, "job{}".format(i))) for i, url in enumerate(urls)]
    events = []

    def on_finished(job_id, ok):
        events.append((round(time.perf_counter() - t0, 3), "finished", ok))
    scene.manager.jobFinished.connect(on_finished)
    heartbeat.start()
    scene.probe.start()
    t0 = time.perf_counter()
    # one submission per event-loop pass, 50 ms apart, as four clicks would come
    for i, job in enumerate(jobs):
        QTimer.singleShot(50 * i, lambda job=job: scene.manager.submit(job, credentials={}))
    qt.wait_for(lambda: all(scene.manager.store.get(j.id) is not None for j in jobs))
    qt.wait_for(lambda: all(scene.manager.store.get(j.id).finished for j in jobs) and not scene.manager.active()
                and len(scene.manager.loaded_layers) == len(jobs))
    loaded = time.perf_counter()
    # the canvas draws the new layers: wait for a complete redraw that started after the load
    settle_canvas(scene, after=loaded)
    drawn = time.perf_counter()
    scene.probe.stop()
    heartbeat.stop()
    scene.manager.jobFinished.disconnect(on_finished)
    states = [scene.manager.store.get(j.id).state for j in jobs]
    errors = [scene.manager.store.get(j.id).error for j in jobs if scene.manager.store.get(j.id).error]
    if errors or any(s != "done" for s in states):
        raise RuntimeError("jobs failed: {} {}".format(states, errors))
    result = {"mode": "tasks", "seconds_to_loaded": loaded - t0, "seconds_to_drawn": drawn - t0,
              "events": events + [(round(loaded - t0, 3), "loaded", True)]}
    result.update(heartbeat.stats())
    result.update(scene.probe.stats())
    return result


def settle_canvas(scene, after):
    probe = scene.probe
    probe.canvas.refresh()
    qt.wait_for(lambda: probe.last_refreshed_at is not None and probe.last_refreshed_at > after
                and not probe.canvas.isDrawing(), timeout=300)


def run_main_thread(scene, urls, outdir, interval_ms):
    """Baseline: the same work called synchronously from the main thread."""
    from qgis.PyQt.QtCore import QTimer
    from plugin.core.jobs import Job
    from plugin.core.runner import RunContext, run_job
    heartbeat = qt.Heartbeat(interval_ms)
    jobs = [Job(provider=PROVIDER, params={"url": url}, title="product {} (main)".format(i),
                output_dir=os.path.join(outdir, "main{}".format(i))) for i, url in enumerate(urls)]
    state = {"done": False, "loaded": None}

    def work():
        for job in jobs:
            scene.manager.store.add(job)
            ctx = RunContext(job, store=scene.manager.store)
            run_job(job, ctx)
            scene.manager.load_layers(job.id)
            scene.manager.jobChanged.emit(job.id)
        state["loaded"] = time.perf_counter()
        state["done"] = True

    heartbeat.start()
    scene.probe.start()
    t0 = time.perf_counter()
    QTimer.singleShot(0, work)
    qt.wait_for(lambda: state["done"])
    settle_canvas(scene, after=state["loaded"])
    drawn = time.perf_counter()
    scene.probe.stop()
    heartbeat.stop()
    result = {"mode": "main thread", "seconds_to_loaded": state["loaded"] - t0, "seconds_to_drawn": drawn - t0}
    result.update(heartbeat.stats())
    result.update(scene.probe.stats())
    return result


def idle(scene, seconds, interval_ms):
    """The same heartbeat and canvas probe with nothing running: the machine's own noise."""
    heartbeat = qt.Heartbeat(interval_ms)
    heartbeat.start()
    scene.probe.start()
    start = time.monotonic()
    qt.wait_for(lambda: time.monotonic() - start >= seconds)
    scene.probe.stop()
    heartbeat.stop()
    result = {"mode": "idle", "seconds_to_loaded": seconds, "seconds_to_drawn": seconds}
    result.update(heartbeat.stats())
    result.update(scene.probe.stats())
    return result


def remove_layers(scene):
    """Remove the loaded layers and let QGIS finish with them before the next measurement
    (their deletion, the canvas redraw without them), so that it is not counted there."""
    from qgis.PyQt.QtCore import QCoreApplication, QEvent
    for layer_id in [i for ids in scene.manager.loaded_layers.values() for i in ids]:
        scene.project.removeMapLayer(layer_id)
    scene.manager.loaded_layers.clear()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    start = time.monotonic()
    qt.wait_for(lambda: time.monotonic() - start > 0.5 and not scene.probe.canvas.isDrawing(), timeout=60)


def clean(outdir):
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir, exist_ok=True)
    os.sync()
    time.sleep(0.5)


# --------------------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mib", type=int, default=256, help="size of each product (GeoTIFF) in MiB")
    ap.add_argument("--files", type=int, default=4)
    ap.add_argument("--interval-ms", type=int, default=5)
    ap.add_argument("--runs", type=int, default=1, help="repetitions of each mode (worst run is reported)")
    ap.add_argument("--modes", nargs="*", default=["idle", "tasks", "main"], choices=["idle", "tasks", "main"])
    ap.add_argument("--no-panel", action="store_true", help="without the Jobs panel")
    ap.add_argument("--history", type=int, default=200,
                    help="finished jobs in the store before the run (the Jobs panel lists them)")
    ap.add_argument("--idle-seconds", type=float, default=5.0, help="length of the idle measurement")
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "eo_bench_qgis"))
    ap.add_argument("--json", default=os.path.join(ROOT, "bench", "results", "qgis_responsive.json"))
    args = ap.parse_args(argv)

    from bench_transfer import Nginx
    workdir = os.path.abspath(args.workdir)
    www = os.path.join(workdir, "www")
    outdir = os.path.join(workdir, "out")
    print("preparing {} x {} MiB products in {} ...".format(args.files, args.size_mib, www), file=sys.stderr)
    names, side = make_products(www, args.files, args.size_mib)
    zip_bytes = sum(os.path.getsize(os.path.join(www, n)) for n in names)
    qt.start_qgis()
    register()
    nginx = Nginx(www, workdir)
    urls = [nginx.url(n) for n in names]
    results = []
    load_start = os.getloadavg()
    try:
        clean(outdir)
        scene = Scene(workdir, side, args.files, panel=not args.no_panel, history=args.history)
        try:
            # one small job first: imports, GDAL drivers and the first layer are one-time costs
            warm_names, _ = make_products(www, 1, 1)
            run_tasks(scene, [nginx.url(warm_names[0])], outdir, args.interval_ms)
            remove_layers(scene)
            clean(outdir)
            for run in range(args.runs):
                for mode in args.modes:
                    print("run {}/{}: {} ...".format(run + 1, args.runs, mode), file=sys.stderr)
                    if mode == "idle":
                        results.append(idle(scene, args.idle_seconds, args.interval_ms))
                    elif mode == "tasks":
                        results.append(run_tasks(scene, urls, outdir, args.interval_ms))
                    else:
                        results.append(run_main_thread(scene, urls, outdir, args.interval_ms))
                    remove_layers(scene)
                    clean(outdir)
        finally:
            scene.close()
    finally:
        nginx.stop()
        shutil.rmtree(outdir, ignore_errors=True)

    worst = {}
    for r in results:
        if r["mode"] not in worst or r["max_stall_ms"] > worst[r["mode"]]["max_stall_ms"]:
            worst[r["mode"]] = r
    report = {
        "files": args.files, "size_mib": args.size_mib, "zip_bytes": zip_bytes, "raster_side_px": side,
        "interval_ms": args.interval_ms, "panel": not args.no_panel, "history": args.history, "runs": results, "worst": worst,
        "targets": {"max_stall_ms": 50.0, "p99_stall_ms": 20.0},
        "cpus": os.cpu_count(), "loadavg_start": load_start, "loadavg_end": os.getloadavg(),
        "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as handle:
        json.dump(report, handle, indent=1)

    print("\n### Main-thread responsiveness: {} downloads of {:.0f} MiB zips (GeoTIFF {} x {} px, 3 x uint16)\n"
          .format(args.files, zip_bytes / MIB / args.files, side, side))
    print("| mode | seconds to drawn | max stall ms | p99 stall ms | stalls > 50 ms | "
          "max canvas redraw ms | median redraw ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for mode in ("idle", "tasks", "main thread"):
        r = worst.get(mode)
        if r:
            print("| {} | {:.1f} | {:.1f} | {:.1f} | {} | {:.0f} | {:.0f} |".format(
                mode, r["seconds_to_drawn"], r["max_stall_ms"], r["p99_stall_ms"], r["stalls_over_50ms"],
                r["max_redraw_ms"], r["median_redraw_ms"]))
    print("\nwritten: {}".format(os.path.relpath(args.json, ROOT)))
    return report


if __name__ == "__main__":
    main()
