#!/usr/bin/env python3
"""Benchmark: from the last byte of an Earth Engine download to the layer drawn in QGIS.

An Earth Engine download (Sentinel-2 B4, B3, B2 at 10 m over a square AOI of
``--sides`` pixels: 2500, 5000 and 10 000 by default) runs through the plugin's real
path in a QGIS application -- ``JobManager.submit`` -> ``JobTask`` (QgsTask) -> the
``ee_download`` runner (tiles fetched in parallel from the Earth Engine simulator, its
own process, 0.2 s per request; each tile masked to the AOI where the AOI cuts it and
given overviews as soon as it is on disk) -> the preview (a VRT of the tiles) opened
and styled in the task -> added to the project on the main thread -> drawn by a
``QgsMapCanvas`` (800 x 600, layer-tree bridge as in the QGIS window); meanwhile the
Cloud-Optimized GeoTIFF is written in the task, and the layer is pointed at it when
the job ends.

Timestamps (``time.perf_counter`` in the one process):

* **last byte**: the last tile download returns (``EeClient.download``);
* **layer added**: the project's ``layersAdded`` signal (main thread): the preview (from 4 tiles
  on it grows while the tiles land, so it is added before the last byte: a negative figure);
* **drawn**: the canvas's first complete redraw (``mapCanvasRefreshed``) with the complete preview
  (the last file the layer showed before the COG), or with the COG when it took the preview's place
  before such a redraw had finished (a small result);
* **refresh**: each time the main thread points the growing preview at a VRT of more tiles
  (``layers.refresh_preview``): how many, and the longest;
* **file ready**: the runner returns (the COG written);
* **final drawn**: the first complete redraw after the layer points at the COG.

Target: under 2 s from the last byte to the first full draw.  The main-thread
heartbeat (5 ms timer) runs through the whole job, as in bench_qgis_responsive.py.

    .venv/bin/python bench/bench_ee_draw.py                 # 2500, 5000, 10000 px
    .venv/bin/python bench/bench_ee_draw.py --sides 512     # quick

Results: a markdown table on stdout and bench/results/ee_draw.json.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
for p in (ROOT, BENCH):
    if p not in sys.path:
        sys.path.insert(0, p)

import _qgis_tools as qt  # noqa: E402
from _util import SIM_NICE, SimProcess  # noqa: E402

IMG = "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG"
CRS = "EPSG:32610"
ORIGIN = (500020.0, 4199980.0)        # top left of the AOIs, inside T10SEG
TOKEN = "bench-token"
PROJECT = "my-project"

MARKS = {}
#: Seconds of heartbeat on the idle main thread before each job: the machine's own stalls.
IDLE_SECONDS = 2.0


def instrument():
    """Record when the tile downloads and the runner end (worker threads)."""
    from plugin.core.providers.earthengine.client import EeClient
    from plugin.core.providers.earthengine import download_runner as R
    download = EeClient.download
    fetch_all = R.EeDownload.fetch_all
    run = R.EeDownload.run

    def timed_download(self, *args, **kwargs):
        result = download(self, *args, **kwargs)
        MARKS["last_byte"] = max(MARKS.get("last_byte", 0.0), time.perf_counter())
        return result

    def timed_fetch_all(self, pieces):
        result = fetch_all(self, pieces)
        MARKS["tiles_ready"] = time.perf_counter()
        MARKS["pieces"] = len(result)
        return result

    def timed_run(self):
        result = run(self)
        MARKS["file_ready"] = time.perf_counter()
        return result
    EeClient.download = timed_download
    R.EeDownload.fetch_all = timed_fetch_all
    R.EeDownload.run = timed_run
    from plugin.adapters import layers as L
    refresh = L.refresh_preview

    def timed_refresh(*args, **kwargs):
        start = time.perf_counter()
        result = refresh(*args, **kwargs)
        MARKS.setdefault("refresh_ms", []).append(1000.0 * (time.perf_counter() - start))
        return result
    L.refresh_preview = timed_refresh      # (main thread: the growing preview's layer pointed at more tiles)


def square_aoi(side_px):
    """A lon/lat polygon whose grid (10 m, snapped to the S2 grid) is about ``side_px`` square."""
    from pyproj import Transformer
    to_ll = Transformer.from_crs(CRS, "EPSG:4326", always_xy=True)
    x0, y1 = ORIGIN
    x1, y0 = x0 + side_px * 10.0 - 5.0, y1 - side_px * 10.0 + 5.0
    ring = [list(to_ll.transform(x, y)) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0))]
    return {"type": "Polygon", "coordinates": [ring]}, (x0, y0, x1, y1)


def run_one(side, sim_url, workdir, interval_ms):
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRectangle
    from plugin.adapters.job_manager import JobManager
    from plugin.core import raster
    from plugin.core.jobs import Job
    from plugin.core.providers.earthengine import download_runner as R
    project = QgsProject.instance()
    project.clear()
    aoi, (x0, y0, x1, y1) = square_aoi(side)
    probe = qt.CanvasProbe(project, crs=QgsCoordinateReferenceSystem(CRS), extent=QgsRectangle(x0, y0, x1, y1))
    manager = JobManager(store_path=os.path.join(workdir, "jobs_{}.json".format(side)))
    added = {}

    sources = []       # (when, source) of the layer: the growing preview's VRTs, the complete one, the COG
    refreshes = []     # (when, source) of each complete canvas redraw with the layer

    def on_added(layers):
        added.setdefault("at", time.perf_counter())
        added["ids"] = [lyr.id() for lyr in layers]
        added["names"] = [lyr.name() for lyr in layers]
        sources.append((time.perf_counter(), layers[0].source()))
        layers[0].dataSourceChanged.connect(lambda lyr=layers[0]: sources.append((time.perf_counter(), lyr.source())))
    project.layersAdded.connect(on_added)
    drawn = {}

    swapped = {}

    def on_refreshed():
        if "at" in added and not probe.canvas.isDrawing() \
                and set(added["ids"]) <= {lyr.id() for lyr in probe.canvas.layers()}:
            now = time.perf_counter()
            drawn.setdefault("at", now)
            refreshes.append((now, project.mapLayer(added["ids"][0]).source()))
            if "at" in swapped and "final" not in drawn and now > swapped["at"]:
                drawn["final"] = now
    probe.canvas.mapCanvasRefreshed.connect(on_refreshed)

    ended = {}

    def on_finished(job_id, ok):
        swapped.setdefault("at", time.perf_counter())
        ended["ok"] = ok
        probe.canvas.refresh()
    manager.jobFinished.connect(on_finished)
    params = R.build_params(IMG, bands="B4,B3,B2", scale=10, format="GEO_TIFF", name="aoi_{}".format(side),
                            project=PROJECT, aoi=aoi)
    out = os.path.join(workdir, "out_{}".format(side))
    job = Job(provider="ee_download", params=params, title="EE {} px".format(side), output_dir=out)
    MARKS.clear()
    heartbeat = qt.Heartbeat(interval_ms)
    idle = qt.Heartbeat(interval_ms)     # the machine's own stalls, for reference, before the job
    try:
        idle.start()
        qt.wait_for(lambda: time.perf_counter() - idle.beats[0] >= IDLE_SECONDS)
        idle.stop()
        heartbeat.start()
        t0 = time.perf_counter()
        manager.submit(job, credentials={"token": TOKEN})
        # (the job's end from the manager's signal: polling the job store would deep-copy the job on the
        # main thread every 10 ms, the benchmark's own stalls)
        qt.wait_for(lambda: "final" in drawn or ended.get("ok") is False, timeout=1800)
        heartbeat.stop()
        final = manager.store.get(job.id)
        if final.state != "done" or "final" not in drawn:
            raise RuntimeError("the job did not end drawn: {} {}".format(final.state, final.error))
        tif = [o for o in final.outputs if o.endswith(".tif")][0]
        info = raster.raster_info(tif)
        # the complete preview: the last file the layer showed before the COG, and its first full draw -- or
        # the COG's, when the COG took its place before a redraw of it had finished (a small result)
        previews = [(t, src) for t, src in sources if src != tif]
        complete_at, complete = previews[-1] if previews else sources[0]     # (an untiled result: no preview)
        complete_drawn = min(t for t, src in refreshes if src in (complete, tif) and t >= complete_at)
        result = {
            "side": side, "width": info["width"], "height": info["height"], "tiles": MARKS.get("pieces"),
            "overviews": info["overview_counts"][0], "layout": info["layout"],
            "mib": os.path.getsize(tif) / 1048576.0,
            "preview": added.get("names", [""])[0].endswith(")"),
            "submit_to_last_byte_s": MARKS["last_byte"] - t0,
            "last_byte_to_tiles_ready_s": MARKS["tiles_ready"] - MARKS["last_byte"],
            "last_byte_to_layer_added_s": added["at"] - MARKS["last_byte"],
            "layer_added_to_drawn_s": drawn["at"] - added["at"],
            "last_byte_to_drawn_s": complete_drawn - MARKS["last_byte"],
            "preview_files": len({src for _t, src in sources if src != tif}),
            "refreshes": len(MARKS.get("refresh_ms", [])),
            "max_refresh_ms": max(MARKS.get("refresh_ms", [0.0])),
            "last_byte_to_file_ready_s": MARKS["file_ready"] - MARKS["last_byte"],
            "file_ready_to_final_drawn_s": drawn["final"] - MARKS["file_ready"],
            "last_byte_to_final_drawn_s": drawn["final"] - MARKS["last_byte"],
        }
        result.update({"heartbeat": heartbeat.stats(), "idle_heartbeat": idle.stats()})
        return result
    finally:
        project.layersAdded.disconnect(on_added)
        manager.jobFinished.disconnect(on_finished)
        probe.close()
        manager.shutdown()
        project.clear()
        shutil.rmtree(out, ignore_errors=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sides", type=int, nargs="*", default=[2500, 5000, 10000])
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--interval-ms", type=int, default=5)
    ap.add_argument("--json", default=os.path.join(ROOT, "bench", "results", "ee_draw.json"))
    args = ap.parse_args(argv)

    qt.start_qgis()
    instrument()
    workdir = tempfile.mkdtemp(prefix="bench-ee-draw-")
    rows = []
    with SimProcess("ee_sim", "--token", TOKEN, "--latency", args.latency, nice=SIM_NICE) as sim:
        os.environ["EO_DOWNLOADER_EE_API_URL"] = sim.url
        try:
            for side in args.sides:
                print("{} x {} px ...".format(side, side), file=sys.stderr)
                rows.append(run_one(side, sim.url, workdir, args.interval_ms))
        finally:
            os.environ.pop("EO_DOWNLOADER_EE_API_URL", None)
            shutil.rmtree(workdir, ignore_errors=True)

    report = {"latency_s": args.latency, "rows": rows, "target_last_byte_to_drawn_s": 2.0,
              "cpus": os.cpu_count(), "loadavg_end": os.getloadavg(),
              "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as handle:
        json.dump(report, handle, indent=1)

    print("\n### Earth Engine result: last byte -> preview drawn -> GeoTIFF in place (QGIS canvas 800 x 600)\n")
    print("| grid px | tiles | COG MiB | overviews | last byte -> tiles ready s | last byte -> layer added s | "
          "layer added -> drawn s | **last byte -> first full draw s** | last byte -> COG ready s | "
          "COG ready -> drawn s | max stall ms | p99 stall ms | idle: max stall ms | preview files | refreshes | "
          "max refresh ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print("| {} x {} | {} | {:.0f} | {} | {:.2f} | {:.2f} | {:.3f} | {:.2f} | {:.2f} | {:.3f} | {:.1f} | {:.1f} "
              "| {:.1f} | {} | {} | {:.1f} |"
              .format(r["width"], r["height"], r["tiles"], r["mib"], r["overviews"], r["last_byte_to_tiles_ready_s"],
                      r["last_byte_to_layer_added_s"], r["layer_added_to_drawn_s"], r["last_byte_to_drawn_s"],
                      r["last_byte_to_file_ready_s"], r["file_ready_to_final_drawn_s"],
                      r["heartbeat"]["max_stall_ms"], r["heartbeat"]["p99_stall_ms"],
                      r["idle_heartbeat"]["max_stall_ms"], r["preview_files"],
                      r["refreshes"], r["max_refresh_ms"]))
    print("\nwritten: {}".format(os.path.relpath(args.json, ROOT)))
    return report


if __name__ == "__main__":
    main()
