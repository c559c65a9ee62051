#!/usr/bin/env python3
"""Benchmark: large Earth Engine AOIs -- tiles fetched in parallel against one by one.

The Earth Engine simulator (tests/sims/ee_sim.py, its own process) sleeps
``--latency`` seconds (default 0.2, a realistic round trip to Google) at the start of
every request; a tile costs two requests (thumbnails.create + getPixels).  AOIs are
squares on Sentinel-2 T10SEG sized so that the plugin's planner
(``tiling.estimate``) splits them into exactly 1, 4, 16 and 64 tiles (a 1-tile AOI is
one ordinary request).  The request-size limit is lowered to ``--max-bytes`` (tiles of
128 x 128 px): the simulator renders every tile in one Python process, serially under
its interpreter lock, while Earth Engine renders requests in parallel on its side; with
small tiles that rendering stays small next to the latency, so the figure measures the
client's parallelism, not the simulator's CPU.  Each AOI is downloaded twice by
the real runner (``EeDownload``): with the default concurrency (4) and one by one
(concurrency 1).

Reported per AOI: the wall time of the tile phase (create + download of every tile)
for both, the speed-up (one-by-one / parallel), the ideal speed-up
``tiles / ceil(tiles / 4)`` and their ratio (target >= 0.8 of the ideal), the ideal
parallel time (``ceil(tiles / 4)`` x the measured one-by-one time per tile), and the
whole job (with metadata, mosaic and COG).

    .venv/bin/python bench/bench_ee_tiles.py                     # 1, 4, 16, 64 tiles
    .venv/bin/python bench/bench_ee_tiles.py --tiles 1 4 --latency 0.05

Results: a markdown table on stdout and bench/results/ee_tiles.json.
"""
import argparse
import json
import math
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

from _util import SimProcess  # noqa: E402
from plugin.core.transfer import http  # noqa: E402
from plugin.core.providers.earthengine import params as ee_params  # noqa: E402
from plugin.core.providers.earthengine import tiling  # noqa: E402
from plugin.core.jobs import Job  # noqa: E402
from plugin.core.providers.earthengine import download_runner as R  # noqa: E402
from plugin.core.runner import RunContext  # noqa: E402

IMG = "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG"
CRS = "EPSG:32610"
CENTRE = (550000.0, 4150000.0)        # inside T10SEG
BANDS = "B4,B3,B2"
TOKEN = "bench-token"
PROJECT = "my-project"


class Timed(R.EeDownload):
    """EeDownload that records how long the tile phase took."""

    fetch_seconds = 0.0

    def fetch_all(self, pieces):
        t0 = time.perf_counter()
        try:
            return super().fetch_all(pieces)
        finally:
            self.fetch_seconds += time.perf_counter() - t0


def square_aoi(side_px, scale=10.0, centre=CENTRE):
    """A square of ``side_px`` pixels on the UTM grid, as a lon/lat polygon (4 corners)."""
    from pyproj import Transformer
    to_ll = Transformer.from_crs(CRS, "EPSG:4326", always_xy=True)
    half = side_px * scale / 2.0
    x0, y0, x1, y1 = centre[0] - half, centre[1] - half, centre[0] + half, centre[1] + half
    ring = [list(to_ll.transform(x, y)) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0))]
    return {"type": "Polygon", "coordinates": [ring]}


def make_params(aoi):
    return R.build_params(IMG, bands=BANDS, scale=10, format="GEO_TIFF", name="bench", project=PROJECT, aoi=aoi)


def aoi_for_tiles(n, image, limits):
    """An AOI the planner splits into exactly ``n`` tiles (n a square number); (aoi, estimate)."""
    k = int(round(math.sqrt(n)))
    if k * k != n:
        raise ValueError("tile counts must be square numbers")
    budget = int(limits.max_bytes * limits.fill) // (3 * 3)        # 3 uint16 bands + mask byte each
    side = max(8, k * int(math.isqrt(budget)))
    while side > 8:
        aoi = square_aoi(side)
        p = ee_params.validate(dict(make_params(aoi), region=aoi))
        est = tiling.estimate(p, aoi, image, limits)
        if est.tiles == n and (n > 1 or est.fits):
            return aoi, est
        side -= 2
    raise RuntimeError("no AOI found for {} tiles".format(n))


def run_once(sim_url, aoi, concurrency, limits, workdir):
    params = make_params(aoi)
    out = tempfile.mkdtemp(dir=workdir)
    job = Job("ee_download", params, output_dir=out)
    ctx = RunContext(job, credentials={"token": TOKEN},
                     settings={"ee_api": sim_url, "retry": http.RetryPolicy(max_attempts=3, base_delay=0.05)})
    client = R.make_client(ctx, PROJECT)
    p = ee_params.validate(dict(params, region=params["aoi"]))
    dl = Timed(client, p, out, ctx, os.path.join(out, ".work"), limits=limits, concurrency=concurrency)
    t0 = time.perf_counter()
    outputs = dl.run()
    total = time.perf_counter() - t0
    assert outputs and os.path.exists(outputs[0])
    shutil.rmtree(out, ignore_errors=True)
    return {"requests": dl.requests_made, "tile_seconds": dl.fetch_seconds, "job_seconds": total}


def image_info(sim_url):
    job = Job("ee_download", {}, output_dir=tempfile.gettempdir())
    ctx = RunContext(job, credentials={"token": TOKEN}, settings={"ee_api": sim_url})
    client = R.make_client(ctx, PROJECT)
    return tiling.ImageInfo.from_asset(client.get_asset(IMG), IMG)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--latency", type=float, default=0.2, help="seconds slept per request by the simulator")
    ap.add_argument("--max-bytes", type=int, default=163840,
                    help="request-size limit used for planning (default: tiles of 128 x 128 px)")
    ap.add_argument("--tiles", type=int, nargs="*", default=[1, 4, 16, 64])
    ap.add_argument("--concurrency", type=int, default=4,
                    help="requests in flight at most (the download's cap; its budget starts above 4, so 4 "
                         "stays 4: the efficiency of a fixed concurrency is what this measures)")
    ap.add_argument("--json", default=os.path.join(ROOT, "bench", "results", "ee_tiles.json"))
    args = ap.parse_args(argv)

    limits = tiling.Limits(max_bytes=args.max_bytes)
    workdir = tempfile.mkdtemp(prefix="bench-ee-")
    rows = []
    with SimProcess("ee_sim", "--token", TOKEN, "--latency", args.latency) as sim:
        try:
            info = image_info(sim.url)
            plans = [(n,) + aoi_for_tiles(n, info, limits) for n in args.tiles]
            run_once(sim.url, plans[0][1], args.concurrency, limits, workdir)    # warm-up (imports, caches)
            for n, aoi, est in plans:
                print("{} tile(s): {} x {} px ...".format(n, est.width, est.height), file=sys.stderr)
                par = run_once(sim.url, aoi, args.concurrency, limits, workdir)
                seq = run_once(sim.url, aoi, 1, limits, workdir)
                slots = math.ceil(n / args.concurrency)
                speedup = seq["tile_seconds"] / par["tile_seconds"]
                ideal_su = n / slots
                rows.append({
                    "tiles": n, "width": est.width, "height": est.height, "requests": par["requests"],
                    "parallel_tile_s": par["tile_seconds"], "sequential_tile_s": seq["tile_seconds"],
                    "parallel_job_s": par["job_seconds"], "sequential_job_s": seq["job_seconds"],
                    "latency_floor_s": slots * 2 * args.latency,
                    "ideal_parallel_s": slots * seq["tile_seconds"] / n,
                    "speedup": speedup, "ideal_speedup": ideal_su, "efficiency": speedup / ideal_su,
                })
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    report = {"latency_s": args.latency, "max_bytes": args.max_bytes, "concurrency": args.concurrency,
              "image": IMG, "bands": BANDS, "rows": rows, "target_efficiency": 0.8, "cpus": os.cpu_count(),
              "loadavg_end": os.getloadavg(), "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as handle:
        json.dump(report, handle, indent=1)

    print("\n### Earth Engine tiled download: simulator latency {:.2f} s per request, concurrency {}\n".format(
        args.latency, args.concurrency))
    print("| tiles | grid px | one by one s | parallel s | ideal parallel s | speed-up | ideal speed-up | "
          "of ideal | job s (parallel) |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print("| {} | {} x {} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} |".format(
            r["tiles"], r["width"], r["height"], r["sequential_tile_s"], r["parallel_tile_s"],
            r["ideal_parallel_s"], r["speedup"], r["ideal_speedup"], r["efficiency"], r["parallel_job_s"]))
    print("\nwritten: {}".format(os.path.relpath(args.json, ROOT)))
    return report


if __name__ == "__main__":
    main()
