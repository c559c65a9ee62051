#!/usr/bin/env python3
"""Benchmark: the main thread's cost of one refresh of a growing Earth Engine preview, alone.

Tiles as an Earth Engine download leaves them (``bench_cog.make_tiles``: ``--width`` x ``--height``
px in ``--tiles`` x ``--tiles`` tiles, 3 bands uint16 with their overviews), a VRT of the first
1, 2, ... n tiles on the whole grid (what ``EeDownload._grow_preview`` writes each round), an
RGB-styled layer on the first one in a ``QgsMapCanvas`` (800 x 600), then ``layers.refresh_preview``
(what the job manager calls on the main thread) to each next VRT: once with the canvas idle and once
while it draws the layer.  No download threads: the figure is the call's own.  Compare with the
whole-job stalls of bench_ee_draw.py, which also hold the interpreter lock's waits.

    .venv/bin/python bench/bench_preview_refresh.py                 # 10001 x 10015 px, 25 tiles
    .venv/bin/python bench/bench_preview_refresh.py --width 1000 --height 1000 --tiles 2

Results: a markdown table on stdout and bench/results/preview_refresh.json.
"""
import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
for p in (ROOT, BENCH):
    if p not in sys.path:
        sys.path.insert(0, p)

import _qgis_tools as qt  # noqa: E402


def refreshes(layer, vrts, canvas, drawing):
    """Milliseconds of ``layers.refresh_preview`` to each VRT; ``drawing``: a redraw in progress each time."""
    from qgis.PyQt.QtCore import QCoreApplication
    from plugin.adapters import layers
    out = []
    for vrt in vrts:
        if drawing:
            canvas.refresh()
            end = time.perf_counter() + 0.05      # (the canvas starts its redraw from a timer)
            while time.perf_counter() < end:
                QCoreApplication.processEvents()
        start = time.perf_counter()
        layers.refresh_preview(layer, vrt, "/nowhere/result.tif")
        out.append(1000.0 * (time.perf_counter() - start))
        canvas.waitWhileRendering()
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--width", type=int, default=10001)
    ap.add_argument("--height", type=int, default=10015)
    ap.add_argument("--tiles", type=int, default=5, help="tiles per side")
    ap.add_argument("--json", default=os.path.join(ROOT, "bench", "results", "preview_refresh.json"))
    args = ap.parse_args(argv)
    qt.start_qgis()
    from qgis.core import QgsProject, QgsRasterLayer
    from qgis.gui import QgsMapCanvas
    from plugin.adapters import layers
    from plugin.core import raster
    import bench_cog

    work = tempfile.mkdtemp(prefix="bench-refresh-")
    try:
        tiles = bench_cog.make_tiles(work, args.width, args.height, args.tiles, 0.0)
        grid = ((500000.0, 10.0, 0.0, 4200000.0, 0.0, -10.0), args.width, args.height)
        vrts = [raster.mosaic_vrt(tiles[:n], os.path.join(work, "preview.{}.vrt".format(n)), grid=grid)
                for n in range(1, len(tiles) + 1)]
        layer = QgsRasterLayer(vrts[0], "preview", "gdal")
        layers.style_rgb(layer)
        QgsProject.instance().addMapLayer(layer)
        canvas = QgsMapCanvas()
        canvas.resize(800, 600)
        canvas.setDestinationCrs(layer.crs())
        canvas.setLayers([layer])
        canvas.setExtent(layer.extent())
        canvas.show()
        idle = refreshes(layer, vrts[1:], canvas, drawing=False)
        busy = refreshes(layer, list(reversed(vrts[:-1])), canvas, drawing=True)
        canvas.close()
        QgsProject.instance().removeAllMapLayers()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    row = {"width": args.width, "height": args.height, "tiles": args.tiles ** 2,
           "idle_ms": idle, "drawing_ms": busy, "load": os.getloadavg()[0]}
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as handle:
        json.dump({"rows": [row], "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}, handle, indent=1)
    print("\n### One refresh of a growing preview on the main thread (ms; load average {:.1f})\n".format(row["load"]))
    print("| grid px | tiles | canvas idle: median / max | canvas drawing: median / max |")
    print("|---|---:|---:|---:|")
    print("| {} x {} | {} | {:.1f} / {:.1f} | {:.1f} / {:.1f} |".format(
        args.width, args.height, row["tiles"], statistics.median(idle), max(idle), statistics.median(busy),
        max(busy)))
    print("\nwritten: {}".format(os.path.relpath(args.json, ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
