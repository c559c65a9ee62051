#!/usr/bin/env python3
"""Benchmark: the Cloud-Optimized GeoTIFF of a tiled Earth Engine result, the path before issue 19 and now.

The tiles are made as an Earth Engine download leaves them (``--width`` x ``--height`` px,
``--tiles`` x ``--tiles`` tiles on one grid, 3 bands uint16 named B4 B3 B2, DEFLATE as they
come), then readied as the runner does while the other tiles download, twice: for **before** as
``raster.prepare_tile`` did before this change (the tile as it came, ZSTD overviews beside it) and
for **now** by ``raster.prepare_tile`` (the tile rewritten uncompressed with internal overviews of the
same pixels, in one pass).  The
CPU seconds of that readying (off the critical path) and the tiles' size on disk are reported.
Their pixels are synthetic: a smooth field (what the Earth Engine simulator renders) plus Gaussian
noise of ``--noise`` digital numbers (0: as compressible as the simulator's pixels; 3 and more:
closer to real imagery, which DEFLATE shrinks 2-3 times).  ``--no-overviews``: the tiles are not
readied (no overviews: a STAC window's files), so the COG driver computes the overviews;
``--band-files``: besides, each tile is a VRT of one file per band, as a STAC window's bands come.

Then, one after the other, each run another path going first, the time after the last byte:

* **before**: the path before this change, kept here to compare with -- a mosaic VRT of the tiles
  and ``gdal.Translate`` to the COG driver with DEFLATE at GDAL's default level, the blocks
  compressed by every core (``NUM_THREADS=ALL_CPUS``), the tiles read by one thread, GDAL's block
  cache as it is;
* **level 1**: the path this change started from (issue 19's first change): the same with DEFLATE
  at level 1 (:data:`LEVEL1_OPTIONS`), on the same tiles as **before**;
* **now**: ``plugin.core.raster.mosaic`` (what the runner calls): :data:`plugin.core.raster.COG_OPTIONS`
  (DEFLATE level 1), GDAL's block cache bounded while it writes, small sources staged in RAM.

Both outputs are checked: a valid COG (``validate_cloud_optimized_geotiff``, full check, the
validator the tests use) and the same pixels (GDAL checksums of every band at full resolution and
of each overview).  Reported: seconds (median of ``--runs``), CPU seconds, MiB, and the peak resident
memory of a fresh process making each COG once above its peak before (Python, GDAL, the modules).

    .venv/bin/python bench/bench_cog.py                          # 10001 x 10015 px, 5 x 5 tiles
    .venv/bin/python bench/bench_cog.py --width 2000 --height 2000 --tiles 2 --runs 1   # quick
    .venv/bin/python bench/bench_cog.py --width 1098 --height 1098 --tiles 1 --no-overviews --runs 5
    .venv/bin/python bench/bench_cog.py --width 1098 --height 1098 --tiles 1 --band-files --runs 5

Results: a markdown table on stdout and bench/results/cog.json.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import numpy as np  # noqa: E402
from osgeo import gdal, osr  # noqa: E402

from plugin.core import raster  # noqa: E402

BANDS = ("B4", "B3", "B2")
#: The COG creation options before issue 19 (DEFLATE at GDAL's default level), kept to compare with.
BEFORE_OPTIONS = ["COMPRESS=DEFLATE", "PREDICTOR=YES", "BIGTIFF=IF_SAFER", "NUM_THREADS=ALL_CPUS",
                  "OVERVIEWS=AUTO", "OVERVIEW_RESAMPLING=NEAREST"]


def make_tiles(folder, width, height, per_side, noise, band_files=False):
    """The tiles of a ``width`` x ``height`` result in ``per_side`` x ``per_side`` tiles, as downloaded;
    with ``band_files`` each tile is a VRT of one file per band (as a STAC window's bands come)."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32610)
    rng = np.random.default_rng(0)
    tw, th = -(-width // per_side), -(-height // per_side)
    paths = []
    for row in range(per_side):
        for col in range(per_side):
            x0, y0 = col * tw, row * th
            w, h = min(tw, width - x0), min(th, height - y0)
            stem = os.path.join(folder, "t_{}_{}".format(row, col))
            files = [stem + "." + name + ".tif" for name in BANDS] if band_files else [stem + ".tif"]
            datasets = [gdal.GetDriverByName("GTiff").Create(f, w, h, 1 if band_files else len(BANDS),
                                                             gdal.GDT_UInt16, ["TILED=YES", "COMPRESS=DEFLATE"])
                        for f in files]
            for ds in datasets:
                ds.SetGeoTransform((500000.0 + 10.0 * x0, 10.0, 0.0, 4200000.0 - 10.0 * y0, 0.0, -10.0))
                ds.SetProjection(srs.ExportToWkt())
            yy, xx = np.mgrid[y0:y0 + h, x0:x0 + w]
            for b, name in enumerate(BANDS):
                field = 1000 + 800 * np.sin(xx / 700.0 + b) * np.cos(yy / 900.0) \
                    + 300 * np.sin(xx / 37.0) * np.sin(yy / 53.0)
                if noise:
                    field = field + rng.normal(0.0, noise, field.shape)
                band = datasets[b].GetRasterBand(1) if band_files else datasets[0].GetRasterBand(b + 1)
                band.WriteArray(field.clip(1, 65535).astype(np.uint16))
                band.SetDescription(name)
            ds = band = datasets = None          # (closed: written)
            paths.append(raster.stack_vrt(files, stem + ".vrt", list(BANDS)) if band_files else files[0])
    return paths


def _overviews_beside(path, factors):
    """What ``prepare_tile`` did before: external overviews (``path.ovr``, nearest neighbour, the scratch
    codec at its fastest level, pixel-interleaved) of the tile as it came."""
    codec = [o.split("=", 1)[1] for o in raster._scratch_options() if o.startswith("COMPRESS=")][0]
    for key, value in (("COMPRESS_OVERVIEW", codec), ("ZSTD_LEVEL_OVERVIEW", "1"), ("INTERLEAVE_OVERVIEW", "PIXEL")):
        gdal.SetThreadLocalConfigOption(key, value)
    try:
        ds = gdal.Open(path)
        ds.BuildOverviews("NEAREST", list(factors))
        ds = None
    finally:
        for key in ("COMPRESS_OVERVIEW", "ZSTD_LEVEL_OVERVIEW", "INTERLEAVE_OVERVIEW"):
            gdal.SetThreadLocalConfigOption(key, None)


def ready(tiles, folder, factors, now_too):
    """Copies of the downloaded ``tiles`` in ``folder`` readied as before this change (the tile as it
    came, overviews beside it) or as now (``raster.prepare_tile``); (paths, CPU s, MiB on disk)."""
    os.makedirs(folder)
    paths = []
    cpu = 0.0
    for tile in tiles:
        path = shutil.copy(tile, folder)
        cpu0 = time.thread_time()
        if factors:
            if now_too:
                raster.prepare_tile(path, factors=factors)
            else:
                _overviews_beside(path, factors)          # what prepare_tile did before: overviews only
        cpu += time.thread_time() - cpu0
        paths.append(path)
    mib = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder)) / 1048576.0
    return paths, cpu, mib


def _plain_cog(tiles, dest, options):
    """The COG of a mosaic VRT of ``tiles`` by the COG driver with ``options`` and nothing else."""
    vrt = "/vsimem/bench_cog_plain.vrt"
    raster.mosaic_vrt(tiles, vrt)
    try:
        gdal.Translate(dest, vrt, options=gdal.TranslateOptions(format="COG", creationOptions=options))
    finally:
        gdal.Unlink(vrt)


def before(tiles, dest):
    """The COG as written before issue 19 (see the module docstring)."""
    _plain_cog(tiles, dest, BEFORE_OPTIONS)


#: The COG creation options of issue 19's first change (DEFLATE level 1; the tiles as they came, GDAL's
#: cache as it is): the path this change started from, kept to show what this change itself gives.
LEVEL1_OPTIONS = ["COMPRESS=DEFLATE", "LEVEL=1", "PREDICTOR=YES", "BIGTIFF=IF_SAFER", "NUM_THREADS=ALL_CPUS",
                  "OVERVIEW_RESAMPLING=NEAREST", "OVERVIEWS=AUTO"]


def level1(tiles, dest):
    """The COG as written after issue 19's first change (see :data:`LEVEL1_OPTIONS`)."""
    _plain_cog(tiles, dest, LEVEL1_OPTIONS)


def now(tiles, dest):
    raster.mosaic(tiles, dest, cog=True)


PATHS = {"before": before, "level1": level1, "now": now}


def timed(fn, tiles, dest):
    if os.path.exists(dest):
        os.remove(dest)
    cpu0, t0 = os.times(), time.perf_counter()
    fn(tiles, dest)
    seconds, cpu1 = time.perf_counter() - t0, os.times()
    return {"seconds": seconds, "cpu_s": (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system),
            "mib": os.path.getsize(dest) / 1048576.0, "load": os.getloadavg()[0]}


# (VmHWM, the peak of this process's memory: getrusage's ru_maxrss keeps the forking parent's across exec)
_PEAK = """
import json, sys
sys.path.insert(0, {bench!r})
import bench_cog
def hwm():
    return [int(line.split()[1]) / 1024.0 for line in open("/proc/self/status") if line.startswith("VmHWM:")][0]
tiles, dest = json.loads(sys.argv[1]), sys.argv[2]
before = hwm()
getattr(bench_cog, {name!r})(tiles, dest)
print(json.dumps([before, hwm()]))
"""


def peak_rss(name, tiles, dest):
    """(MiB) the peak resident memory of a fresh process running path ``name`` once, above its peak
    before the call (Python, GDAL and the modules loaded)."""
    out = subprocess.run([sys.executable, "-c", _PEAK.format(bench=BENCH, name=name), json.dumps(tiles), dest],
                         check=True, stdout=subprocess.PIPE, universal_newlines=True).stdout
    before_mib, after_mib = json.loads(out.strip().splitlines()[-1])
    return after_mib - before_mib


def checksums(path):
    ds = gdal.Open(path)
    out = []
    for i in range(ds.RasterCount):
        band = ds.GetRasterBand(i + 1)
        out.append([band.Checksum()] + [band.GetOverview(k).Checksum() for k in range(band.GetOverviewCount())])
    return out


def check(path):
    from osgeo_utils.samples.validate_cloud_optimized_geotiff import validate
    _warnings, errors, _details = validate(path, full_check=True)
    return errors


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--width", type=int, default=10001)
    ap.add_argument("--height", type=int, default=10015)
    ap.add_argument("--tiles", type=int, default=5, help="tiles per side")
    ap.add_argument("--noise", type=float, default=0.0, help="Gaussian noise added to the smooth field (DN)")
    ap.add_argument("--no-overviews", action="store_true", help="tiles not readied (no overviews: STAC windows)")
    ap.add_argument("--band-files", action="store_true",
                    help="each tile a VRT of one file per band (STAC windows; implies --no-overviews)")
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--json", default=os.path.join(ROOT, "bench", "results", "cog.json"))
    args = ap.parse_args(argv)

    work = tempfile.mkdtemp(prefix="bench-cog-", dir=args.workdir)
    try:
        made = time.perf_counter()
        os.makedirs(os.path.join(work, "downloaded"))
        args.no_overviews = args.no_overviews or args.band_files
        downloaded = make_tiles(os.path.join(work, "downloaded"), args.width, args.height, args.tiles, args.noise,
                                args.band_files)
        factors = [] if args.no_overviews else raster.overview_factors(args.width, args.height)
        tiles, prep = {}, {}
        for name in ("before", "now"):
            if args.band_files:          # (not readied: the sources as they are)
                tiles[name], prep[name] = downloaded, {"cpu_s": 0.0, "mib": sum(
                    os.path.getsize(os.path.join(work, "downloaded", f))
                    for f in os.listdir(os.path.join(work, "downloaded"))) / 1048576.0}
                continue
            tiles[name], cpu, mib = ready(downloaded, os.path.join(work, name), factors, name == "now")
            prep[name] = {"cpu_s": cpu, "mib": mib}
        print("{} tiles made and readied in {:.0f} s".format(len(downloaded), time.perf_counter() - made),
              file=sys.stderr)
        tiles["level1"] = tiles["before"]
        paths = {name: os.path.join(work, name + ".tif") for name in PATHS}
        runs = {name: [] for name in PATHS}
        names = list(PATHS)
        for i in range(args.runs):
            for name in names[i % 3:] + names[:i % 3]:        # each path goes first in turn
                runs[name].append(timed(PATHS[name], tiles[name], paths[name]))
                print("  {}: {:.2f} s".format(name, runs[name][-1]["seconds"]), file=sys.stderr)
        rss = {name: peak_rss(name, tiles[name], paths[name] + ".rss.tif") for name in runs}
        errors = {name: check(path) for name, path in paths.items()}
        sums = {name: checksums(path) for name, path in paths.items()}
        same = sums["before"] == sums["now"] == sums["level1"]
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def median(name, key):
        return statistics.median(r[key] for r in runs[name])
    row = {"width": args.width, "height": args.height, "tiles": args.tiles ** 2, "noise": args.noise,
           "overviews": not args.no_overviews, "runs": args.runs, "same_pixels": same, "cog_errors": errors,
           "checksums": sums, "load": [r["load"] for name in runs for r in runs[name]],
           **{"{}_{}".format(name, key): median(name, key) for name in runs
              for key in ("seconds", "cpu_s", "mib")},
           **{"{}_peak_rss_mib".format(name): rss[name] for name in rss},
           **{"{}_ready_cpu_s".format(name): prep[name]["cpu_s"] for name in prep},
           **{"{}_tiles_mib".format(name): prep[name]["mib"] for name in prep}}
    row["speedup"] = row["before_seconds"] / row["now_seconds"]
    report = {"rows": [row], "runs": runs, "cpus": os.cpu_count(), "target_now_s": 4.0,
              "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as handle:
        json.dump(report, handle, indent=1)

    print("\n### The COG of a tiled result after the last byte: before issue 19 / now (median of {} runs)\n"
          .format(args.runs))
    print("| grid px | tiles | noise DN | before s | level 1 s | now s | speed-up (before / now) | before CPU s | "
          "level 1 CPU s | now CPU s | before MiB | now MiB | before peak RSS MiB | level 1 peak RSS MiB | "
          "now peak RSS MiB | readying CPU s before / now | tiles MiB before / now | same pixels | valid COGs |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    print("| {} x {}{} | {} | {:g} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.1f} | {:.1f} | {:.1f} | {:.0f} | {:.0f} "
          "| {:.0f} | {:.0f} | {:.0f} | {:.1f} / {:.1f} | {:.0f} / {:.0f} | {} | {} |".format(
              row["width"], row["height"], " (band files)" if args.band_files else
              "" if row["overviews"] else " (no overviews)", row["tiles"], row["noise"],
              row["before_seconds"], row["level1_seconds"], row["now_seconds"], row["speedup"], row["before_cpu_s"],
              row["level1_cpu_s"], row["now_cpu_s"], row["before_mib"], row["now_mib"], row["before_peak_rss_mib"],
              row["level1_peak_rss_mib"], row["now_peak_rss_mib"], row["before_ready_cpu_s"], row["now_ready_cpu_s"],
              row["before_tiles_mib"], row["now_tiles_mib"],
              "yes" if same else "NO", "yes" if not any(errors.values()) else "NO: {}".format(errors)))
    print("\nload average (1 min) at each run: {}".format(" ".join("{:.2f}".format(v) for v in row["load"])))
    print("\nwritten: {}".format(os.path.relpath(args.json, ROOT)))
    if not same or any(errors.values()):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
