#!/usr/bin/env python3
"""Benchmark: parallel tiled Earth Engine download against the loopback simulator.

An AOI that needs >= 16 tiles (the request-size limit is lowered so tiles stay
small and rendering is cheap), with the simulator sleeping ``--latency``
seconds (default 0.2) at the start of every request.  Each tile costs two
requests (thumbnails.create + getPixels), so its latency is ``2 * latency``.

For each concurrency the table shows the wall time of the tile phase (create +
download of every tile) and of the whole job (with metadata, mosaic, COG), and
compares the tile phase with

- the ideal: ``ceil(tiles / concurrency) * per-tile latency`` ("ideal/got" is
  ideal time / measured time), and
- the measured sequential run (concurrency 1): "speed-up" is sequential /
  measured, "ideal su" is tiles / ceil(tiles / concurrency), and "su/ideal" their
  ratio; the target is >= 0.8 at the default concurrency of 4.

Run from the repository root:  .venv/bin/python bench/bench_ee_tiles.py
"""
import argparse
import math
import os
import shutil
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from plugin.core import http  # noqa: E402
from plugin.core.ee import params as ee_params  # noqa: E402
from plugin.core.jobs import Job  # noqa: E402
from plugin.core.providers import ee_download as R  # noqa: E402
from plugin.core.runner import RunContext  # noqa: E402
from tests.sims.ee_sim import EeSimulator  # noqa: E402

IMG = "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG"
AOI = {"type": "Polygon", "coordinates": [[[-122.0859, 37.0436], [-122.0626, 37.0436], [-122.0626, 37.0586],
                                           [-122.0859, 37.0586], [-122.0859, 37.0436]]]}
TOKEN = "bench-token"


class Timed(R.EeDownload):
    """EeDownload that records how long the tile phase took."""

    fetch_seconds = 0.0

    def fetch_all(self, pieces):
        t0 = time.perf_counter()
        try:
            return super().fetch_all(pieces)
        finally:
            self.fetch_seconds += time.perf_counter() - t0


def run_once(sim, concurrency, max_bytes, workdir):
    params = R.build_params(IMG, bands="B4,B3", scale=10, format="GEO_TIFF", name="bench",
                            project="my-project", aoi=AOI)
    out = tempfile.mkdtemp(dir=workdir)
    job = Job("ee_download", params, output_dir=out)
    ctx = RunContext(job, credentials={"token": TOKEN},
                     settings={"ee_api": sim.url, "retry": http.RetryPolicy(max_attempts=3, base_delay=0.05)})
    client = R.make_client(ctx, "my-project")
    p = ee_params.validate(dict(params, region=params["aoi"]))
    dl = Timed(client, p, out, ctx, os.path.join(out, ".work"), limits=R.tiling.Limits(max_bytes=max_bytes),
               concurrency=concurrency)
    sim.reset_counters()
    t0 = time.perf_counter()
    outputs = dl.run()
    total = time.perf_counter() - t0
    tiles = sim.count("create")
    assert tiles == sim.count("getPixels", 200), "every tile fetched once"
    assert os.path.exists(outputs[0])
    shutil.rmtree(out, ignore_errors=True)
    return tiles, dl.fetch_seconds, total


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--latency", type=float, default=0.2, help="seconds slept per request by the simulator")
    ap.add_argument("--max-bytes", type=int, default=12000, help="request-size limit used for planning")
    ap.add_argument("--concurrency", type=int, nargs="*", default=[1, 2, 4, 8])
    args = ap.parse_args(argv)

    sim = EeSimulator(tokens=(TOKEN,), projects=("my-project",), latency=args.latency)
    sim.start()
    workdir = tempfile.mkdtemp(prefix="bench-ee-")
    rows = []
    try:
        run_once(sim, 4, args.max_bytes, workdir)        # warm-up (imports, GDAL, pyproj caches)
        for conc in args.concurrency:
            rows.append((conc,) + run_once(sim, conc, args.max_bytes, workdir))
    finally:
        sim.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    tiles = rows[0][1]
    per_tile = 2 * args.latency
    seq = next((r[2] for r in rows if r[0] == 1), None)
    print("Earth Engine tiled download: {} tiles, simulator latency {:.3f} s/request "
          "({:.3f} s per tile: create + getPixels)".format(tiles, args.latency, per_tile))
    print("{:>5} {:>6} {:>8} {:>8} {:>8} {:>9} {:>9} {:>9} {:>9}".format(
        "conc", "tiles", "ideal s", "tiles s", "job s", "ideal/got", "speed-up", "ideal su", "su/ideal"))
    verdict = None
    for conc, n, fetch, total in rows:
        ideal = math.ceil(n / conc) * per_tile
        ideal_su = n / math.ceil(n / conc)
        su = (seq / fetch) if seq else float("nan")
        print("{:>5} {:>6} {:>8.2f} {:>8.2f} {:>8.2f} {:>9.2f} {:>8.2f}x {:>8.2f}x {:>9.2f}".format(
            conc, n, ideal, fetch, total, ideal / fetch, su, ideal_su, su / ideal_su))
        if conc == 4:
            verdict = su / ideal_su
    if seq:
        print("sequential tile phase: {:.2f} s measured, {:.2f} s of pure latency".format(seq, tiles * per_tile))
    if verdict is not None:
        print("concurrency 4: speed-up is {:.2f} of the ideal speed-up (target >= 0.8): {}".format(
            verdict, "OK" if verdict >= 0.8 else "BELOW TARGET"))
    if tiles < 16:
        print("warning: fewer than 16 tiles; lower --max-bytes")


if __name__ == "__main__":
    main()
