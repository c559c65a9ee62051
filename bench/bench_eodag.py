#!/usr/bin/env python3
"""Benchmark: download and cut one product through the plugin against eodag alone.

The eodag simulator (tests/sims/eodag_sim.py, its own process) serves a Sentinel-2 L2A
SAFE zip with real JP2 bands; its tile is set to ``--tile-px`` pixels at 10 m (600,
1200, 2400 and 4800 by default; the simulator's own tests use 240), the AOI is the middle
quarter of the tile.  Every variant runs in a fresh process with eodag confined to a fresh
folder (``eodag_sim.isolated_environment``); the clock starts after the imports:

* **eodag alone**: ``EODataAccessGateway()``, the simulator's provider configuration and
  credentials, ``search`` (collection, dates, AOI), ``download(extract=True)``;
* **eodag + GDAL cut**: the same, then B04, B03 and B02 cut to the AOI with ``gdal.Warp``
  (cutline, tiled DEFLATE GeoTIFF) -- what a script using eodag would do to get the
  plugin's result;
* **plugin**: an ``eodag`` job through ``run_job`` (job store on disk, progress, the
  eodag client, the same download through eodag, the cut of the three bands to the AOI
  and the true-colour VRT).

The ratios are medians over ``--runs`` rounds of plugin seconds / eodag seconds, the
variants of a round run back to back.  Target: plugin <= 1.1 x eodag.

    .venv/bin/python bench/bench_eodag.py                            # 600 ... 4800 px
    .venv/bin/python bench/bench_eodag.py --tile-px 240 --runs 1     # quick

Results: a markdown table on stdout and bench/results/eodag.json.
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
for p in (ROOT, BENCH):
    if p not in sys.path:
        sys.path.insert(0, p)

from _util import SimProcess  # noqa: E402

PRODUCT = "S2B_MSIL2A_20230719T103629_N0509_R008_T31TCJ_20230719T134108"
COLLECTION = "S2_MSI_L2A"
DATES = ("2023-07-01", "2023-07-31")
BANDS = ("B04", "B03", "B02")
USER, PASSWORD = "sim-user", "sim-password"
SIM_CODE = ("import os, sys, tests.sims.eodag_sim as s; s.TILE_SIZE = float(os.environ['EO_BENCH_TILE_M']); "
            "s.main(sys.argv[1:])")


def aoi_geojson(tile_m):
    """The middle quarter of the simulator's tile (a square half its side), in lon/lat."""
    from pyproj import Transformer
    from tests.sims import eodag_sim as es
    to_ll = Transformer.from_crs(es.EPSG, 4326, always_xy=True)
    x0, y1 = es.TILE_X0 + tile_m / 4.0, es.TILE_Y0 - tile_m / 4.0
    x1, y0 = x0 + tile_m / 2.0, y1 - tile_m / 2.0
    ring = [list(to_ll.transform(x, y)) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0))]
    return {"type": "Polygon", "coordinates": [ring]}


# --------------------------------------------------------------------------- children

def child(args):
    """One variant in this fresh process; prints one JSON line."""
    cfg = json.loads(args.child)
    from eodag import EODataAccessGateway
    from osgeo import gdal
    from shapely.geometry import shape
    from plugin.core.jobs import Job, JobStore
    from plugin.core.providers.eodag import runner as ed
    from plugin.core.runner import RunContext, run_job
    gdal.UseExceptions()
    aoi = cfg["aoi"]
    out = cfg["out"]
    t0 = time.perf_counter()
    if cfg["variant"] == "plugin":
        job = Job(provider="eodag", params=ed.build_params(
            "eodag_sim", COLLECTION, DATES[0], DATES[1], None, aoi, product_ids=PRODUCT, bands=",".join(BANDS)),
            title="bench", output_dir=out)
        store = JobStore(os.path.join(out, "jobs.json"))
        store.add(job)
        ctx = RunContext(store.get(job.id), store=store, credentials={"username": USER, "password": PASSWORD},
                         settings={"eodag_providers_yaml": cfg["yaml"]})
        outputs = run_job(job, ctx)
        t1 = time.perf_counter()
        print(json.dumps({"seconds": t1 - t0, "download_seconds": None, "outputs": outputs}))
        return
    dag = EODataAccessGateway()
    dag.update_providers_config(cfg["yaml"])
    dag.update_providers_config(dict_conf={"eodag_sim": {"auth": {"credentials": {
        "username": USER, "password": PASSWORD}}}})
    results = dag.search(collection=COLLECTION, start=DATES[0], end="2023-08-01", geom=shape(aoi),
                         provider="eodag_sim", raise_errors=True)
    product = [p for p in results if p.properties.get("id") == PRODUCT][0]
    path = dag.download(product, output_dir=out, extract=True)
    t1 = time.perf_counter()
    outputs = []
    if cfg["variant"] == "eodag+cut":
        cutline = os.path.join(out, "aoi.geojson")
        with open(cutline, "w") as handle:
            json.dump({"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {}, "geometry": aoi}]}, handle)
        for band in BANDS:
            src = [os.path.join(d, f) for d, _, files in os.walk(path) for f in files
                   if f.endswith("_{}_10m.jp2".format(band))][0]
            dest = os.path.join(out, "{}.tif".format(band))
            gdal.Warp(dest, src, options=gdal.WarpOptions(
                format="GTiff", cutlineDSName=cutline, cropToCutline=True, dstNodata=0,
                creationOptions=["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=2"]))
            outputs.append(dest)
    print(json.dumps({"seconds": time.perf_counter() - t0, "download_seconds": t1 - t0, "outputs": outputs}))


def run_variant(variant, sim_yaml, aoi, workdir, index):
    from tests.sims import eodag_sim as es
    base = os.path.join(workdir, "{}_{}".format(variant.replace("+", "_"), index))
    out = os.path.join(base, "out")
    os.makedirs(out, exist_ok=True)
    env = dict((k, v) for k, v in os.environ.items() if not k.startswith("EODAG"))
    env.update(es.isolated_environment(base))
    cfg = {"variant": variant, "yaml": sim_yaml, "aoi": aoi, "out": out}
    proc = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", json.dumps(cfg)], cwd=ROOT,
                          env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError("{} failed:\n{}".format(variant, proc.stderr[-3000:]))
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    if variant != "eodag" and len(data["outputs"]) < len(BANDS):
        raise RuntimeError("{} gave {} outputs".format(variant, data["outputs"]))
    shutil.rmtree(base, ignore_errors=True)
    return data


def warm(sim):
    """Have the simulator build (and cache) the product once, outside the clock; its size."""
    import requests
    r = requests.get("{}/download/{}".format(sim.url, PRODUCT), auth=(USER, PASSWORD), timeout=600)
    r.raise_for_status()
    return len(r.content)


def measure(tile_px, runs, workdir):
    """Median seconds of the three variants for one product size, and the per-round ratios."""
    tile_m = tile_px * 10.0
    aoi = aoi_geojson(tile_m)
    samples = {"eodag": [], "eodag+cut": [], "plugin": []}
    env = dict(os.environ, EO_BENCH_TILE_M=str(tile_m))
    with SimProcess("eodag_sim", "--user", USER, "--password", PASSWORD, code=SIM_CODE, env=env,
                    ready_timeout=120) as sim:
        from tests.sims import eodag_sim as es
        sim_yaml = es.provider_yaml(sim.url)
        size = warm(sim)
        for run in range(runs):
            print("tile {} px, round {}/{} ...".format(tile_px, run + 1, runs), file=sys.stderr)
            for variant in ("eodag", "plugin", "eodag+cut"):
                samples[variant].append(run_variant(variant, sim_yaml, aoi, workdir, run)["seconds"])
    return {
        "tile_px": tile_px, "aoi_px": tile_px // 2, "zip_bytes": size, "seconds": samples,
        "median_seconds": {k: statistics.median(v) for k, v in samples.items()},
        "plugin_vs_eodag": statistics.median(p / e for p, e in zip(samples["plugin"], samples["eodag"])),
        "plugin_vs_eodag_and_cut": statistics.median(p / e for p, e in zip(samples["plugin"],
                                                                          samples["eodag+cut"])),
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tile-px", type=int, nargs="*", default=[600, 1200, 2400, 4800],
                    help="sides of the product's tile in 10 m pixels (one measurement each)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", default=os.path.join(ROOT, "bench", "results", "eodag.json"))
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--profile", metavar="DIR", help="write a cProfile file of every variant run into DIR "
                                                     "(the timings then include the profiler's overhead)")
    args = ap.parse_args(argv)
    if args.child:
        profile_dir = os.environ.get("EO_BENCH_PROFILE")
        if not profile_dir:
            child(args)
            return None
        import cProfile
        variant = json.loads(args.child)["variant"].replace("+", "_")
        cProfile.runctx("child(args)", globals(), {"args": args, "child": child},
                        os.path.join(profile_dir, "{}.{}.prof".format(variant, os.getpid())))
        return None

    import eodag
    if args.profile:
        os.makedirs(args.profile, exist_ok=True)
        os.environ["EO_BENCH_PROFILE"] = os.path.abspath(args.profile)
    workdir = tempfile.mkdtemp(prefix="bench-eodag-")
    try:
        rows = [measure(px, args.runs, workdir) for px in args.tile_px]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report = {"product": PRODUCT, "bands": list(BANDS), "eodag_version": eodag.__version__, "runs": args.runs,
              "rows": rows, "target": 1.1, "cpus": os.cpu_count(), "loadavg_end": os.getloadavg(),
              "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as handle:
        json.dump(report, handle, indent=1)

    print("\n### eodag product: plugin vs eodag alone (median of {} rounds, eodag {})\n".format(
        args.runs, eodag.__version__))
    print("| tile px | zip MiB | eodag alone s | eodag + GDAL cut s | plugin s | plugin / eodag + cut | "
          "plugin / eodag alone |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        m = r["median_seconds"]
        print("| {} | {:.1f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} |".format(
            r["tile_px"], r["zip_bytes"] / 1048576.0, m["eodag"], m["eodag+cut"], m["plugin"],
            r["plugin_vs_eodag_and_cut"], r["plugin_vs_eodag"]))
    print("\nwritten: {}".format(os.path.relpath(args.json, ROOT)))
    return report


if __name__ == "__main__":
    main()
