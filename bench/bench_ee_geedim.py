#!/usr/bin/env python3
"""Benchmark: the plugin and geedim download the same Earth Engine region from the same simulator.

geedim 2.x (PyPI) is what a user would pick for a big Earth Engine download: up to 32 requests in
flight, 4 MB tiles, retries with backoff.  Both download the same image region -- three uint16 bands
(B4, B3, B2 of a simulated Sentinel-2 scene) at 10 m over a square of ``--sides-km`` km -- from a
fresh loopback Earth Engine simulator each (tests/sims/ee_sim.py, its own process) that behaves like
the service: a compute time per getPixels growing with its size (``--compute-base`` +
``--compute-per-mib`` per MiB: 0.5 + 0.05 s/MiB gives 2.1 s for a 32 MiB tile; its own rendering of the
tile is done within that time, as the service's servers render within its latency), at most 40 requests
in flight per project and about 100 per second (429 RESOURCE_EXHAUSTED above), the 48 MiB and
grid-dimension limits; its pixel values are drawn from the native pixel indices
(``--pixel-values index``) so that its own CPU, on the same two cores as the clients, stays small
next to the compute time it simulates (Earth Engine computes on its own servers).  geedim talks
to it through earthengine-api (``ee.Initialize(url=...)``, the
simulator serving a discovery document and its algorithm list), the plugin through its own client.
A last row downloads the first area again with ``--fault-rate`` of the requests failing (half 503,
half getPixels bodies cut short).

Each run is a process of its own (its peak RSS is its own): the simulator's view of the fetch
(from the download's first request to the end of the last getPixels body, the same measure for
both), seconds from the request to the file ready (the plugin: its job, to the Cloud-Optimized
GeoTIFF; geedim: ``prepareForExport`` +
``toGeoTIFF``, a tiled GeoTIFF with overviews; ``ee.Initialize`` before the clock, as a session does
once), requests the simulator received, 429s it answered, peak RSS.  geedim's STAC lookup (a request
to Google's STAC catalogue, for band metadata written into the file) is skipped: no internet here.

geedim runs with ``--geedim-python`` (default: $EO_BENCH_GEEDIM_PYTHON, else .venv-geedim made by
``make geedim-venv`` from bench/requirements-geedim.txt, else this Python); without geedim there the
geedim rows are skipped with the reason.

    .venv/bin/python bench/bench_ee_geedim.py                       # 20 and 40 km, then the faults row
    .venv/bin/python bench/bench_ee_geedim.py --sides-km 2 --compute-base 0.05 --compute-per-mib 0.01

Results: a markdown table on stdout and bench/results/ee_geedim.json.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
for p in (ROOT, BENCH):
    if p not in sys.path:
        sys.path.insert(0, p)

IMG = "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG"
BANDS = ["B4", "B3", "B2"]
CRS = "EPSG:32610"
CENTRE = (550000.0, 4150000.0)        # inside the simulated tile T10SEG
TOKEN = "bench-token"
PROJECT = "my-project"
TOOLS = ("geedim", "plugin")


def square_aoi(side_km, centre=CENTRE):
    """A square of ``side_km`` km on the UTM grid, as a lon/lat polygon."""
    from pyproj import Transformer
    to_ll = Transformer.from_crs(CRS, "EPSG:4326", always_xy=True)
    half = side_km * 500.0
    x0, y0, x1, y1 = centre[0] - half, centre[1] - half, centre[0] + half, centre[1] + half
    ring = [list(to_ll.transform(x, y)) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0))]
    return {"type": "Polygon", "coordinates": [ring]}


def peak_rss_mib():
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


# --------------------------------------------------------------------------- the two workers

def work_plugin(url, aoi, out):
    # What the job uses, imported before the clock as geedim's modules are (``import geedim``): the
    # modules a job imported that were not imported before it (shapely for the AOI's area, gdal_array).
    import pyproj  # noqa: F401
    import shapely.geometry  # noqa: F401
    from osgeo import gdal_array  # noqa: F401
    from plugin.core import raster  # noqa: F401
    from plugin.core.transfer import archive, download  # noqa: F401
    from plugin.core.jobs import Job
    from plugin.core.providers.earthengine import download_runner as R
    from plugin.core.runner import RunContext, run_job
    start = time.perf_counter()
    params = R.build_params(IMG, bands=",".join(BANDS), scale=10, crs=CRS, format="GEO_TIFF", name="plugin",
                            project=PROJECT, aoi=aoi)
    job = Job("ee_download", params, output_dir=out)
    ctx = RunContext(job, credentials={"token": TOKEN}, settings={"ee_api": url})
    outputs = run_job(job, ctx)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "file": [o for o in outputs if o.endswith(".tif")][0]}


def work_geedim(url, aoi, out):
    import ee
    import geedim  # noqa: F401 (registers the .gd accessor)
    import geedim.stac
    import google.oauth2.credentials
    stac = type(geedim.stac.STACClient())             # (a singleton behind a function)
    stac.get = lambda self, *args, **kwargs: None     # no internet: no STAC metadata
    ee.Initialize(credentials=google.oauth2.credentials.Credentials(TOKEN), project=PROJECT, url=url)
    start = time.perf_counter()
    image = ee.Image(IMG).select(BANDS)
    prepared = image.gd.prepareForExport(crs=CRS, region=aoi, scale=10, dtype="uint16")
    path = os.path.join(out, "geedim.tif")
    prepared.gd.toGeoTIFF(path, overwrite=True)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "file": path}


def worker_main(args):
    os.makedirs(args.out, exist_ok=True)
    aoi = json.loads(args.aoi)
    try:
        result = (work_plugin if args.worker == "plugin" else work_geedim)(args.url, aoi, args.out)
        result["ok"] = True
    except Exception as exc:                      # reported in the table, not a crash of the bench
        result = {"ok": False, "error": "{}: {}".format(type(exc).__name__, str(exc)[:300])}
    result["peak_rss_mib"] = peak_rss_mib()
    print(json.dumps(result))


# --------------------------------------------------------------------------- the parent

def default_geedim_python():
    """$EO_BENCH_GEEDIM_PYTHON, else .venv-geedim's (``make geedim-venv``), else this Python."""
    own = os.path.join(ROOT, ".venv-geedim", "bin", "python")
    return os.environ.get("EO_BENCH_GEEDIM_PYTHON") or (own if os.path.exists(own) else sys.executable)


def geedim_problem(python):
    """Why geedim cannot run with ``python`` (None: it can)."""
    if not os.path.exists(python):
        return "{} does not exist (make geedim-venv)".format(python)
    probe = subprocess.run([python, "-c", "import geedim, ee, rasterio; print(geedim.__version__ if "
                                          "hasattr(geedim, '__version__') else '?', ee.__version__)"],
                           capture_output=True, text=True, cwd=ROOT)
    if probe.returncode != 0:
        return "geedim is not importable with {}: {}".format(python, (probe.stderr.strip().splitlines()
                                                                      or ["?"])[-1])
    return None


def geedim_version(python):
    out = subprocess.run([python, "-c", "import importlib.metadata as m; print('{} (earthengine-api {})'.format("
                                        "m.version('geedim'), m.version('earthengine-api')))"],
                         capture_output=True, text=True)
    return out.stdout.strip() or "?"


def sim_args(args, faults, stats):
    out = ["--token", TOKEN, "--max-concurrent", args.max_concurrent, "--max-rps", args.max_rps,
           "--compute-base", args.compute_base, "--compute-per-mib", args.compute_per_mib, "--stats", stats,
           "--seed", 7, "--pixel-values", args.pixel_values, "--render-processes", args.render_processes]
    if faults:
        out += ["--rate-5xx", faults / 2.0, "--rate-drop", faults / 2.0]
    return out


def run_one(tool, python, side_km, faults, args, workdir):
    from _util import SimProcess
    stats = os.path.join(workdir, "{}_{}_{}.stats.json".format(tool, side_km, faults))
    out = tempfile.mkdtemp(prefix=tool + "-", dir=workdir)
    aoi = json.dumps(square_aoi(side_km))
    env = dict(os.environ, PYTHONPATH=ROOT)
    with SimProcess("ee_sim", *sim_args(args, faults, stats)) as sim:
        proc = subprocess.run([python, os.path.abspath(__file__), "--worker", tool, "--url", sim.url, "--aoi", aoi,
                               "--out", out], capture_output=True, text=True, cwd=ROOT, env=env, timeout=args.timeout)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    result = json.loads(lines[-1]) if lines else {"ok": False, "error": "worker exit {}: {}".format(
        proc.returncode, proc.stderr.strip()[-300:])}
    with open(stats) as handle:
        server = json.load(handle)
    if result.get("ok"):          # (read here: geedim's process has rasterio's own GDAL)
        from osgeo import gdal
        ds = gdal.Open(result["file"])
        result["size"] = [ds.RasterXSize, ds.RasterYSize, ds.RasterCount]
        ds = None
    result.update(tool=tool, side_km=side_km, faults=faults, requests=server["requests"], r429=server["429"],
                  peak_in_flight=server["peak_in_flight"], by_endpoint=server["by_endpoint"])
    # The server's view, the same for both tools: from the first request of the download (not
    # ee.Initialize's) to the end of the last getPixels body.
    starts = [t for e, t in server["first_at"].items() if e in ("asset", "value", "create", "getPixels")]
    if starts and server.get("last_pixels_at"):
        result["fetch_s"] = server["last_pixels_at"] - min(starts)
    return result


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sides-km", type=float, nargs="*", default=[20.0, 40.0])
    ap.add_argument("--fault-rate", type=float, default=0.1, help="share of failing requests in the last row "
                                                                    "(0: no such row)")
    ap.add_argument("--compute-base", type=float, default=0.5)
    ap.add_argument("--compute-per-mib", type=float, default=0.05)
    ap.add_argument("--max-concurrent", type=int, default=40)
    ap.add_argument("--max-rps", type=float, default=100.0)
    ap.add_argument("--pixel-values", choices=("index", "lonlat"), default="index",
                    help="the simulator's pixel values (index: no CRS transformation per pixel, see ee_sim)")
    ap.add_argument("--render-processes", type=int, default=os.cpu_count() or 1,
                    help="the simulator's render processes (see ee_sim: its creates do not wait while it renders)")
    ap.add_argument("--geedim-python", default=default_geedim_python())
    ap.add_argument("--timeout", type=float, default=900.0)
    ap.add_argument("--json", default=os.path.join(ROOT, "bench", "results", "ee_geedim.json"))
    ap.add_argument("--worker", choices=TOOLS, help=argparse.SUPPRESS)
    ap.add_argument("--url", help=argparse.SUPPRESS)
    ap.add_argument("--aoi", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker_main(args)

    problem = geedim_problem(args.geedim_python)
    cases = [(side, 0.0) for side in args.sides_km]
    if args.fault_rate > 0 and args.sides_km:
        cases.append((args.sides_km[0], args.fault_rate))
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-geedim-") as workdir:
        for side, faults in cases:
            row = {"side_km": side, "faults": faults}
            for tool in TOOLS:
                if tool == "geedim" and problem:
                    row[tool] = {"ok": False, "skipped": problem}
                    continue
                print("{} km, faults {:.0%}: {} ...".format(side, faults, tool), file=sys.stderr, flush=True)
                python = args.geedim_python if tool == "geedim" else sys.executable
                row[tool] = run_one(tool, python, side, faults, args, workdir)
            g, p = row.get("geedim", {}), row["plugin"]
            row["ratio"] = p["seconds"] / g["seconds"] if g.get("ok") and p.get("ok") else None
            rows.append(row)
    report = {"rows": rows, "target_ratio": 0.8, "geedim_skipped": problem,
              "geedim_version": None if problem else geedim_version(args.geedim_python),
              "compute_base_s": args.compute_base, "compute_per_mib_s": args.compute_per_mib,
              "max_concurrent": args.max_concurrent, "max_rps": args.max_rps, "image": IMG, "bands": BANDS,
              "cpus": os.cpu_count(), "loadavg_end": os.getloadavg(),
              "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as handle:
        json.dump(report, handle, indent=1)
    print(markdown(report))
    print("\nwritten: {}".format(os.path.relpath(args.json, ROOT)))
    return report


def _cells(r):
    if r.get("skipped"):
        return ["skipped", "-", "-", "-"]
    if not r.get("ok"):
        return ["failed: " + r.get("error", "?")[:60], str(r.get("requests", "-")), str(r.get("r429", "-")),
                "{:.0f}".format(r.get("peak_rss_mib", float("nan")))]
    return ["{:.2f}".format(r["seconds"]), str(r["requests"]), str(r["r429"]), "{:.0f}".format(r["peak_rss_mib"])]


def markdown(report):
    lines = ["\n### Earth Engine: plugin and geedim side by side (compute {:.2f} s + {:.3f} s/MiB per request, "
             "{} in flight and {:.0f}/s per project)\n".format(report["compute_base_s"], report["compute_per_mib_s"],
                                                              report["max_concurrent"], report["max_rps"]),
             "| area | failing requests | geedim s | plugin s | plugin / geedim | fetch s geedim / plugin | "
             "geedim requests | plugin requests | geedim 429s | plugin 429s | geedim peak RSS MiB | "
             "plugin peak RSS MiB |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in report["rows"]:
        g, p = _cells(row.get("geedim", {})), _cells(row["plugin"])
        fetch = " / ".join("{:.2f}".format(row[t]["fetch_s"]) if row.get(t, {}).get("fetch_s") else "-"
                           for t in ("geedim", "plugin"))
        lines.append("| {:g} x {:g} km | {:.0%} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            row["side_km"], row["side_km"], row["faults"], g[0], p[0],
            "-" if row["ratio"] is None else "{:.2f}".format(row["ratio"]), fetch, g[1], p[1], g[2], p[2], g[3],
            p[3]))
    if report.get("geedim_skipped"):
        lines.append("\ngeedim skipped: {}".format(report["geedim_skipped"]))
    return "\n".join(lines)


if __name__ == "__main__":
    main()
