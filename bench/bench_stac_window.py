#!/usr/bin/env python3
"""Benchmark: the AOI's window of remote COGs vs downloading the same assets in full, then the same cut.

Three Sentinel-2-like assets (uint16 COGs, ``--tile-px`` pixels square at 10 m, UTM 31N, DEFLATE,
``--block`` px tiles; made once with GDAL into ``--cache``) are served by nginx behind a loopback
relay that holds every request ``--latency`` seconds (tests/servers/relay.py: each request pays one
simulated round trip, as range requests do on a real link; ``--bandwidth-mbit`` also caps the
link's speed, which loopback does not have).  The AOI is a square of
``--aoi-fraction`` of the tile's area, off the tile grid.  Both variants run in this process, back
to back (taking turns going first), and end with the same files (one COG of the three bands):

* **window**: the plugin's STAC path (:class:`ItemReader`: /vsicurl/ range requests, the window in
  the raster's own CRS, masked) then the date's COG (:func:`stack.mosaic_date`);
* **download + cut**: the three assets through the transfer engine in full, then the same
  ItemReader on the local files and the same COG.

Bytes are nginx's own count (its access log).  Targets: window bytes <= 3 % of the full assets,
window seconds <= 0.1 x download + cut.

    .venv/bin/python bench/bench_stac_window.py                          # 10 980 px, 3 rounds
    .venv/bin/python bench/bench_stac_window.py --bandwidth-mbit 200 --runs 1   # a link with a speed too
    .venv/bin/python bench/bench_stac_window.py --tile-px 1024 --runs 1  # quick

Results: a markdown table on stdout and bench/results/stac_window.json.
"""
import argparse
import json
import math
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

KEYS = ("red", "green", "blue")
COG_TYPE = "image/tiff; application=geotiff; profile=cloud-optimized"


def make_asset(path, tile_px, block, seed):
    """A uint16 COG like a Sentinel-2 band (a smooth field with noise), written by strips of rows."""
    import numpy as np
    from osgeo import gdal
    from tests.core import stac_assets as sa
    tmp = path + ".strips.tif"
    ds = gdal.GetDriverByName("GTiff").Create(tmp, tile_px, tile_px, 1, gdal.GDT_UInt16,
                                              ["TILED=YES", "COMPRESS=ZSTD", "ZSTD_LEVEL=1"])
    ds.SetGeoTransform((sa.X0, sa.PIXEL, 0.0, sa.Y0, 0.0, -sa.PIXEL))
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(sa.EPSG)
    ds.SetProjection(srs.ExportToWkt())
    rng = np.random.default_rng(seed)
    xx = np.arange(tile_px, dtype=np.float32)[None, :]
    for r0 in range(0, tile_px, 1024):
        rows = min(1024, tile_px - r0)
        yy = np.arange(r0, r0 + rows, dtype=np.float32)[:, None]
        field = 2000 + 1500 * np.sin(xx / 97.0) * np.cos(yy / 131.0)
        ds.GetRasterBand(1).WriteArray((field + rng.integers(0, 64, (rows, tile_px)) + 1).astype(np.uint16), 0, r0)
    ds.GetRasterBand(1).SetNoDataValue(0)
    ds = None
    gdal.Translate(path + ".tmp.tif", tmp, options=gdal.TranslateOptions(
        format="COG", creationOptions=["BLOCKSIZE=%d" % block, "COMPRESS=DEFLATE", "NUM_THREADS=ALL_CPUS"]))
    os.replace(path + ".tmp.tif", path)
    os.remove(tmp)


def assets(cache, tile_px, block):
    folder = os.path.join(cache, "stac_window_{}px_{}".format(tile_px, block))
    os.makedirs(folder, exist_ok=True)
    for i, key in enumerate(KEYS):
        path = os.path.join(folder, "{}.tif".format(key))
        if not os.path.exists(path):
            print("making {} ({} px) ...".format(path, tile_px), file=sys.stderr)
            make_asset(path, tile_px, block, i)
    return folder


def aoi_for(tile_px, fraction):
    """A square of ``fraction`` of the tile's area, its corner 37 % into the tile (off the block grid)."""
    from tests.core import stac_assets as sa
    side = math.sqrt(fraction) * tile_px * sa.PIXEL
    x = sa.X0 + 0.37 * tile_px * sa.PIXEL + 3.0
    y = sa.Y0 - 0.41 * tile_px * sa.PIXEL - 3.0
    return sa.utm_square(x, y, side)


def run_variant(variant, base_url, aoi, workdir):
    from osgeo import gdal
    from plugin.core.providers.stac import stack, window
    from plugin.core.transfer import download, http
    gdal.VSICurlClearCache()
    out = tempfile.mkdtemp(prefix=variant.replace(" ", "_").replace("+", "") + "-", dir=workdir)
    session = http.make_session()
    t0 = time.perf_counter()
    if variant == "window":
        reads = [window.AssetRead(k, base_url + k + ".tif", COG_TYPE) for k in KEYS]
    else:
        reads = []
        for k in KEYS:
            got = download.download(base_url + k + ".tif", dest=os.path.join(out, "full", k + ".tif"),
                                    session=session)
            reads.append(window.AssetRead(k, got.path, COG_TYPE))
    reader = window.ItemReader(aoi, os.path.join(out, "scratch"), session, base_url)
    files = reader.read(reads, "item")
    sets = window.band_sets(files, os.path.join(out, "scratch", "item"))
    outputs = stack.mosaic_date(sets, os.path.join(out, "result"))
    seconds = time.perf_counter() - t0
    ds = gdal.Open(outputs[0])
    shape = (ds.RasterXSize, ds.RasterYSize, ds.RasterCount)
    ds = None
    shutil.rmtree(out, ignore_errors=True)
    return seconds, shape


def measure(args, workdir):
    from tests.servers.nginx import Nginx
    from tests.servers.relay import Relay
    folder = assets(args.cache, args.tile_px, args.block)
    full_bytes = sum(os.path.getsize(os.path.join(folder, k + ".tif")) for k in KEYS)
    aoi = aoi_for(args.tile_px, args.aoi_fraction)
    rounds = []
    link = args.bandwidth_mbit * 1e6 / 8.0
    with Nginx(folder, workdir, log_requests=True) as srv, \
            Relay(srv.port, latency=args.latency, bandwidth=link) as relay:
        for run in range(args.runs):
            order = ("window", "download + cut") if run % 2 == 0 else ("download + cut", "window")
            result = {}
            for variant in order:
                before = len(srv.requests())
                seconds, shape = run_variant(variant, relay.url(""), aoi, workdir)
                logged = srv.requests()[before:]
                result[variant] = {"seconds": seconds, "bytes": sum(r["bytes"] for r in logged),
                                   "requests": len(logged), "shape": shape}
            assert result["window"]["shape"] == result["download + cut"]["shape"], result
            rounds.append(result)
            print("round {}/{}: window {:.2f} s, download + cut {:.2f} s".format(
                run + 1, args.runs, result["window"]["seconds"], result["download + cut"]["seconds"]),
                file=sys.stderr)
    med = {v: {k: statistics.median(r[v][k] for r in rounds) for k in ("seconds", "bytes", "requests")}
           for v in ("window", "download + cut")}
    return {"tile_px": args.tile_px, "block": args.block, "aoi_fraction": args.aoi_fraction,
            "latency_s": args.latency, "bandwidth_mbit": args.bandwidth_mbit, "full_asset_bytes": full_bytes,
            "output_shape": rounds[0]["window"]["shape"],
            "median": med, "bytes_ratio": med["window"]["bytes"] / float(full_bytes),
            "seconds_ratio": med["window"]["seconds"] / med["download + cut"]["seconds"], "rounds": rounds,
            # what the link carried, the cut included: a lower bound of its speed
            "full_mbit_s": 8e-6 * med["download + cut"]["bytes"] / med["download + cut"]["seconds"]}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tile-px", type=int, default=10980)
    ap.add_argument("--block", type=int, default=512, help="COG tile size (GDAL's default 512)")
    ap.add_argument("--aoi-fraction", type=float, default=0.01)
    ap.add_argument("--latency", type=float, default=0.02, help="seconds each request is held")
    ap.add_argument("--bandwidth-mbit", type=float, default=0.0,
                    help="also limit the link to this many Mbit/s (0: loopback speed, latency only)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cache", default=os.path.join(ROOT, ".eo_cache", "bench"))
    ap.add_argument("--json", default=os.path.join(ROOT, "bench", "results", "stac_window.json"))
    args = ap.parse_args(argv)
    workdir = tempfile.mkdtemp(prefix="bench-stac-")
    try:
        r = measure(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    r.update(cpus=os.cpu_count(), loadavg_end=os.getloadavg(), time=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
             targets={"bytes_ratio": 0.03, "seconds_ratio": 0.1}, runs=args.runs)
    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w") as handle:
        json.dump(r, handle, indent=1)
    m = r["median"]
    link = ", link {:g} Mbit/s (the full download carried {:.0f})".format(args.bandwidth_mbit, r["full_mbit_s"]) \
        if args.bandwidth_mbit else ", loopback speed (the full download carried {:.0f} Mbit/s)".format(r["full_mbit_s"])
    print("\n### STAC: AOI window vs download + cut ({} px tile, 3 bands, AOI {:.1f} % of the tile, {:.0f} ms per "
          "request{}, median of {} rounds)\n".format(r["tile_px"], 100 * r["aoi_fraction"], 1000 * r["latency_s"],
                                                     link, args.runs))
    print("| variant | MiB transferred | requests | seconds |")
    print("|---|---:|---:|---:|")
    for v in ("window", "download + cut"):
        print("| {} | {:.2f} | {:.0f} | {:.2f} |".format(v, m[v]["bytes"] / 1048576.0, m[v]["requests"],
                                                      m[v]["seconds"]))
    print("\nwindow / full assets: {:.2f} % of the bytes (target <= 3 %); window / download + cut: {:.3f} x the "
          "time (target <= 0.1 x)".format(100 * r["bytes_ratio"], r["seconds_ratio"]))
    return r


if __name__ == "__main__":
    main()
