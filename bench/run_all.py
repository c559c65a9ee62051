#!/usr/bin/env python3
"""Run every benchmark of bench/ and write docs/performance.md with the scaling plot.

    make bench                                   # the same as:
    .venv/bin/python bench/run_all.py            # full run (about 15 minutes on 2 vCPUs)
    .venv/bin/python bench/run_all.py --quick    # small sizes, a few minutes (numbers mean less)
    .venv/bin/python bench/run_all.py --only ee_tiles --no-docs

Each benchmark runs as its own process (as ``.venv/bin/python bench/<name>.py ...``),
writes its JSON under bench/results/, and this script turns the JSON files into
docs/performance.md (tables: headline ratios against the targets, then how each figure
grows with the work) and docs/images/performance_scaling.png (matplotlib, which Debian's
QGIS packages already depend on).  ``--from-results`` rewrites the page from the JSON
files of an earlier run without measuring again.
"""
import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
RESULTS = os.path.join(BENCH, "results")
if BENCH not in sys.path:
    sys.path.insert(0, BENCH)

from _util import wait_quiet  # noqa: E402
DOC = os.path.join(ROOT, "docs", "performance.md")
PLOT = os.path.join(ROOT, "docs", "images", "performance_scaling.png")


# --------------------------------------------------------------------------- what runs

def plan(quick):
    """[(key, script, args)] of one full (or quick) run; every JSON lands in bench/results/<key>.json."""
    if quick:
        transfer = [(64, 2), (256, 2)]
        qgis = dict(size=64, files=[1, 2, 4], runs=1)
        tiles, sides, eodag_px = [1, 4, 16], [1000, 2500], [600, 1200]
        eodag_runs = 2
        geedim_km = [5, 10]
    else:
        transfer = [(64, 4), (256, 6), (1024, 10)]    # even: curl and the engine take turns going first
        qgis = dict(size=256, files=[1, 2, 4], runs=3)
        tiles, sides, eodag_px = [1, 4, 16, 64], [2500, 5000, 10000], [600, 1200, 2400, 4800]
        eodag_runs = 5
        geedim_km = [20, 40]
    steps = []
    for size, runs in transfer:
        steps.append(("transfer_{}".format(size), "bench_transfer.py",
                      ["--size-mib", str(size), "--runs", str(runs)]))
    for files in qgis["files"]:
        steps.append(("qgis_{}".format(files), "bench_qgis_responsive.py",
                      ["--size-mib", str(qgis["size"]), "--files", str(files), "--runs", str(qgis["runs"])]))
    steps.append(("ee_tiles", "bench_ee_tiles.py", ["--tiles"] + [str(n) for n in tiles]))
    steps.append(("ee_draw", "bench_ee_draw.py", ["--sides"] + [str(s) for s in sides]))
    steps.append(("eodag", "bench_eodag.py", ["--runs", str(eodag_runs), "--tile-px"] + [str(p) for p in eodag_px]))
    steps.append(("ee_geedim", "bench_ee_geedim.py", ["--sides-km"] + [str(k) for k in geedim_km]))
    steps.append(("stac_window", "bench_stac_window.py",
                  ["--runs", "1", "--tile-px", "2048"] if quick else ["--runs", "3", "--tile-px", "10980"]))
    # the same on a link with a speed (the relay's pacing carries about half of what it is asked)
    steps.append(("stac_window_link", "bench_stac_window.py",
                  ["--runs", "1", "--tile-px", "2048" if quick else "10980", "--bandwidth-mbit", "200"]))
    cog = ["--width", "4000", "--height", "4000", "--tiles", "2", "--runs", "1"] if quick else ["--runs", "2"]
    steps.append(("cog", "bench_cog.py", cog))
    return steps


def run_steps(steps, only, max_load, max_wait):
    failed = []
    loads = {}
    for key, script, args in steps:
        if only and not any(key.startswith(o) for o in only):
            continue
        average = wait_quiet(max_load, max_wait)
        loads[key] = average
        out = os.path.join(RESULTS, key + ".json")
        cmd = [sys.executable, os.path.join(BENCH, script)] + args + ["--json", out]
        print("== {} ({}; load average {:.2f})".format(" ".join([os.path.join("bench", script)] + args), key,
                                                      average), flush=True)
        start = time.monotonic()
        proc = subprocess.run(cmd, cwd=ROOT)
        print("   {} in {:.0f} s".format("ok" if proc.returncode == 0 else "FAILED", time.monotonic() - start),
              flush=True)
        if proc.returncode != 0:
            failed.append(key)
    meta = (load("run_all") or {}) if only else {}          # a partial run updates the record
    meta.setdefault("load_before_each", {}).update(loads)
    meta["failed"] = sorted(set(k for k in meta.get("failed", []) if k not in loads) | set(failed))
    meta.update(cpus=os.cpu_count(), time=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    with open(os.path.join(RESULTS, "run_all.json"), "w") as handle:
        json.dump(meta, handle, indent=1)
    return failed


# --------------------------------------------------------------------------- reading results

def load(key):
    path = os.path.join(RESULTS, key + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as handle:
        return json.load(handle)


def collect():
    data = {"transfer": {}, "qgis": {}}
    for name in sorted(os.listdir(RESULTS)) if os.path.isdir(RESULTS) else []:
        match = re.fullmatch(r"(transfer|qgis)_(\d+)\.json", name)
        if match is None:
            continue
        r = load(name[:-5])
        if match.group(1) == "transfer":
            data["transfer"][r["size_mib"]] = r
        else:
            data["qgis"][r["files"]] = r
    data["ee_tiles"] = load("ee_tiles")
    data["ee_draw"] = load("ee_draw")
    data["eodag"] = load("eodag")
    data["ee_geedim"] = load("ee_geedim")
    data["stac_window"] = load("stac_window")
    data["stac_window_link"] = load("stac_window_link")
    data["cog"] = load("cog")
    return data


def runs_of(r, mode):
    return [x for x in r["runs"] if x["mode"] == mode]


def median_of(r, mode, key):
    values = sorted(x[key] for x in runs_of(r, mode))
    return values[len(values) // 2] if values else float("nan")


def ok(flag):
    return "met" if flag else "**missed**"


def case(r, label):
    return next(c for c in r["throughput"] if c["case"] == label)


# --------------------------------------------------------------------------- the page

def headline_rows(d):
    rows = []
    if d["qgis"]:
        big = d["qgis"][max(d["qgis"])]
        t = big["worst"].get("tasks")
        m = big["worst"].get("main thread")
        i = big["worst"].get("idle")
        if t:
            n = len(runs_of(big, "tasks"))
            rows.append(("1. QGIS responsive: longest main-thread stall, {} downloads ({:.0f} MiB zips, extracted, "
                         "loaded, drawn; {} finished jobs in the Jobs panel), worst of {} runs".format(
                             big["files"], big["zip_bytes"] / 1048576.0 / big["files"], big.get("history", 0), n),
                         "{:.0f} ms (p99 {:.1f} ms); median run {:.0f} ms (p99 {:.1f} ms); same work on the main "
                         "thread: {:.0f} ms; idle machine: {:.0f} ms".format(
                             t["max_stall_ms"], t["p99_stall_ms"], median_of(big, "tasks", "max_stall_ms"),
                             median_of(big, "tasks", "p99_stall_ms"),
                             m["max_stall_ms"] if m else float("nan"), i["max_stall_ms"] if i else float("nan")),
                         "<= 50 ms, p99 < 20 ms",
                         ok(t["max_stall_ms"] <= 50 and t["p99_stall_ms"] < 20)))
            rows.append(("1. QGIS responsive: longest canvas redraw while they run",
                         "{:.0f} ms (median {:.0f} ms)".format(t["max_redraw_ms"], t["median_redraw_ms"]), "-", ""))
    if d["transfer"]:
        big = d["transfer"][max(d["transfer"])]
        for label in ("single stream, no fsync", "4 files in parallel, no fsync", "single stream, fsync",
                      "4 files in parallel, fsync"):
            c = case(big, label)
            rows.append(("2. Transfer vs curl, {} MiB, {}".format(big["size_mib"], label),
                         "{:.2f} x curl ({:.0f} vs {:.0f} MiB/s)".format(c["ratio"], c["engine_mib_s"],
                                                                          c["curl_mib_s"]),
                         ">= 0.90 x", ok(c["ratio"] >= 0.9)))
        rows.append(("3. Memory: peak RSS growth, {} MiB download".format(big["size_mib"]),
                     "{:.1f} MiB".format(big["rss_growth_mib"]["max"]), "<= 64 MiB",
                     ok(big["rss_growth_mib"]["max"] <= 64)))
        z = big.get("zip_memory")
        if z:
            rows.append(("3. Memory: peak RSS growth, {} MiB zip download + extraction".format(big["size_mib"]),
                         "{:.1f} MiB".format(z["download_and_extract_growth_mib"]), "<= 64 MiB",
                         ok(z["download_and_extract_growth_mib"] <= 64)))
    if d["ee_tiles"]:
        for r in d["ee_tiles"]["rows"]:
            if r["tiles"] > 1:
                rows.append(("4. EE {} tiles: speed-up of parallel over one by one, as a fraction of the "
                             "ideal {:.0f}x".format(r["tiles"], r["ideal_speedup"]),
                             "{:.2f} ({:.2f}x)".format(r["efficiency"], r["speedup"]), ">= 0.80",
                             ok(r["efficiency"] >= 0.8)))
    if d["ee_draw"]:
        for r in d["ee_draw"]["rows"]:
            rows.append(("4. EE {} x {} px result: last byte -> first full draw".format(r["width"], r["height"]),
                         "{:.2f} s (the preview; the COG in place {:.1f} s after the last byte)".format(
                             r["last_byte_to_drawn_s"], r["last_byte_to_file_ready_s"]),
                         "< 2 s", ok(r["last_byte_to_drawn_s"] < 2.0)))
            h, idle = r["heartbeat"], r.get("idle_heartbeat") or {}
            rows.append(("4. EE {} x {} px download in QGIS, tiles drawn while they land: main thread's longest "
                         "stall".format(r["width"], r["height"]),
                         "{:.0f} ms (p99 {:.1f} ms; idle machine: {:.0f} ms)".format(
                             h["max_stall_ms"], h["p99_stall_ms"], idle.get("max_stall_ms", float("nan"))),
                         "<= 50 ms, p99 < 20 ms", ok(h["max_stall_ms"] <= 50 and h["p99_stall_ms"] < 20)))
    rows += geedim_headlines(d.get("ee_geedim"))
    if d.get("cog"):
        for r in d["cog"]["rows"]:
            rows.append(("4. EE {} x {} px result: the COG written from the tiles (before issue 19: {:.1f} s)".format(
                r["width"], r["height"], r["before_seconds"]), "{:.1f} s ({:.1f}x faster; same pixels: {})".format(
                r["now_seconds"], r["speedup"], "yes" if r["same_pixels"] else "NO"), "<= 4 s",
                ok(r["now_seconds"] <= 4.0 and r["same_pixels"] and not any(r["cog_errors"].values()))))
    if d["eodag"]:
        big = max(d["eodag"]["rows"], key=lambda r: r["tile_px"])
        rows.append(("5. eodag product ({} px tile): plugin (download + cut) / eodag + the same cut".format(
            big["tile_px"]), "{:.2f} x".format(big["plugin_vs_eodag_and_cut"]), "<= 1.10 x",
            ok(big["plugin_vs_eodag_and_cut"] <= 1.1)))
        rows.append(("5. same product: plugin (download + cut) / eodag download alone",
                     "{:.2f} x".format(big["plugin_vs_eodag"]), "(see text)", ""))
    s = d.get("stac_window")
    if s:
        rows.append(("6. STAC: AOI window of {} px COGs ({:.0f} % of the tile, 3 bands): bytes / full assets".format(
            s["tile_px"], 100 * s["aoi_fraction"]), "{:.2f} %".format(100 * s["bytes_ratio"]), "<= 3 %",
            ok(s["bytes_ratio"] <= 0.03)))
    for s in (d.get("stac_window"), d.get("stac_window_link")):
        if s:
            rows.append(("6. STAC: same, seconds / download in full + the same cut ({})".format(_stac_link(s)),
                         "{:.3f} x".format(s["seconds_ratio"]), "<= 0.1 x", ok(s["seconds_ratio"] <= 0.1)))
    return rows


def _stac_link(s):
    """The link of a STAC window run, in words."""
    speed = "{:.0f} Mbit/s".format(s["full_mbit_s"]) if s.get("full_mbit_s") else "?"
    if s.get("bandwidth_mbit"):
        return "{:.0f} ms per request, a link of {:g} Mbit/s asked, {} carried".format(
            1000 * s["latency_s"], s["bandwidth_mbit"], speed)
    return "{:.0f} ms per request, loopback speed: {} carried".format(1000 * s["latency_s"], speed)


def geedim_headlines(g):
    """Headline rows of the side-by-side with geedim (target: plugin <= 0.8 x geedim's time, no failed job,
    no more 429s than geedim)."""
    rows = []
    if not g:
        return rows
    if g.get("geedim_skipped"):
        return [("6. EE vs geedim", "geedim skipped: " + g["geedim_skipped"], "<= 0.80 x", "")]
    for r in g["rows"]:
        p, e = r["plugin"], r["geedim"]
        label = "6. EE {:g} x {:g} km, 3 bands at 10 m{}: plugin / geedim time".format(
            r["side_km"], r["side_km"], ", {:.0%} of requests failing".format(r["faults"]) if r["faults"] else "")
        if r.get("ratio") is None:
            rows.append((label, "plugin {}, geedim {}".format("ok" if p.get("ok") else "FAILED",
                                                            "ok" if e.get("ok") else "FAILED"), "<= 0.80 x", ""))
            continue
        fine = r["ratio"] <= 0.8 and p["r429"] <= e["r429"]
        rows.append((label, "{:.2f} x ({:.1f} vs {:.1f} s; 429s {} vs {})".format(
            r["ratio"], p["seconds"], e["seconds"], p["r429"], e["r429"]), "<= 0.80 x, 429s <= geedim's",
            ok(fine)))
    return rows


def geedim_table(g):
    if not g:
        return []
    out = ["**Earth Engine: the plugin and geedim {} side by side** (one simulator per run, its own process: "
           "compute {:.2f} s + {:.3f} s per MiB per getPixels, {} requests in flight and {:.0f} per second per "
           "project, 429 above; B4, B3, B2 uint16 at 10 m; each tool a process of its own)\n".format(
               g.get("geedim_version") or "", g["compute_base_s"], g["compute_per_mib_s"], g["max_concurrent"],
               g["max_rps"]),
           "| area | failing requests | geedim s | plugin s | plugin / geedim | fetch s geedim / plugin | "
           "requests geedim / plugin | 429s geedim / plugin | peak RSS MiB geedim / plugin |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in g["rows"]:
        e, p = r["geedim"], r["plugin"]

        def sec(x):
            return "{:.2f}".format(x["seconds"]) if x.get("ok") else ("skipped" if x.get("skipped") else "failed")
        fetch = " / ".join("{:.2f}".format(x["fetch_s"]) if x.get("fetch_s") else "-" for x in (e, p))
        out.append("| {:g} x {:g} km | {:.0%} | {} | {} | {} | {} | {} / {} | {} / {} | {:.0f} / {:.0f} |".format(
            r["side_km"], r["side_km"], r["faults"], sec(e), sec(p),
            "-" if r.get("ratio") is None else "{:.2f}".format(r["ratio"]), fetch, e.get("requests", "-"),
            p.get("requests", "-"), e.get("r429", "-"), p.get("r429", "-"), e.get("peak_rss_mib", float("nan")),
            p.get("peak_rss_mib", float("nan"))))
    if g.get("geedim_skipped"):
        out.append("\ngeedim skipped: {}".format(g["geedim_skipped"]))
    out.append("")
    return out


def scaling_tables(d):
    out = []
    if d["transfer"]:
        out.append("**Transfers** (nginx on loopback; ratio = median over runs of curl seconds / engine seconds)\n")
        out.append("| file MiB | runs | single stream | 4 in parallel | single, fsync | 4 in parallel, fsync | "
                   "RSS growth MiB (download) | RSS growth MiB (zip + extraction) |")
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for size in sorted(d["transfer"]):
            r = d["transfer"][size]
            z = r.get("zip_memory") or {}
            out.append("| {} | {} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.1f} | {} |".format(
                size, r["runs"], case(r, "single stream, no fsync")["ratio"],
                case(r, "4 files in parallel, no fsync")["ratio"], case(r, "single stream, fsync")["ratio"],
                case(r, "4 files in parallel, fsync")["ratio"], r["rss_growth_mib"]["max"],
                "{:.1f}".format(z["download_and_extract_growth_mib"]) if z else "-"))
        out.append("")
        by_order = [(size, d["transfer"][size]["ratio_by_order"]) for size in sorted(d["transfer"])
                    if d["transfer"][size].get("ratio_by_order")]
        if by_order:
            out.append("The same ratios split by which program went first in a run (they take turns):\n")
            out.append("| file MiB | 4 in parallel: curl first | 4 in parallel: engine first | "
                       "4, fsync: curl first | 4, fsync: engine first |")
            out.append("|---:|---:|---:|---:|---:|")
            for size, o in by_order:
                out.append("| {} | {} | {} | {} | {} |".format(size, *(
                    "-" if o[k][first] is None else "{:.2f}".format(o[k][first])
                    for k in ("4", "4_fsync") for first in ("curl_first", "engine_first"))))
            out.append("")
    if d["qgis"]:
        out.append("**Main thread during downloads** (worst of the runs; stall = time between two 5 ms "
                   "heartbeats beyond 5 ms; the job store and the Jobs panel hold {} finished jobs "
                   "besides)\n".format(", ".join(sorted({str(r.get("history", 0)) for r in d["qgis"].values()}))))
        out.append("| jobs | zip MiB each | runs | seconds to drawn | max stall ms | p99 stall ms | "
                   "median run: max / p99 ms | main thread: seconds | main thread: max stall ms | "
                   "idle: max stall ms | max canvas redraw ms |")
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for files in sorted(d["qgis"]):
            r = d["qgis"][files]
            t, m, i = (r["worst"].get(k) for k in ("tasks", "main thread", "idle"))
            out.append("| {} | {:.0f} | {} | {:.1f} | {:.1f} | {:.1f} | {:.1f} / {:.1f} | {} | {} | {} | {:.0f} |".format(
                files, r["zip_bytes"] / 1048576.0 / files, len(runs_of(r, "tasks")),
                t["seconds_to_drawn"], t["max_stall_ms"], t["p99_stall_ms"],
                median_of(r, "tasks", "max_stall_ms"), median_of(r, "tasks", "p99_stall_ms"),
                "{:.1f}".format(m["seconds_to_drawn"]) if m else "-",
                "{:.0f}".format(m["max_stall_ms"]) if m else "-",
                "{:.1f}".format(i["max_stall_ms"]) if i else "-", t["max_redraw_ms"]))
        out.append("")
    if d["ee_tiles"]:
        e = d["ee_tiles"]
        out.append("**Earth Engine tiles** (simulator latency {:.1f} s per request, 2 requests per tile, "
                   "concurrency {})\n".format(e["latency_s"], e["concurrency"]))
        out.append("| tiles | grid px | one by one s | parallel s | ideal parallel s | speed-up | ideal | "
                   "of ideal | whole job s |")
        out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
        for r in e["rows"]:
            out.append("| {} | {} x {} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.0f} | {:.2f} | {:.2f} |".format(
                r["tiles"], r["width"], r["height"], r["sequential_tile_s"], r["parallel_tile_s"],
                r["ideal_parallel_s"], r["speedup"], r["ideal_speedup"], r["efficiency"], r["parallel_job_s"]))
        out.append("")
    if d["ee_draw"]:
        out.append("**Earth Engine result to the canvas** (QGIS canvas 800 x 600; the preview is a VRT of the "
                   "masked tiles with their overviews; then the COG with internal overviews)\n")
        out.append("| grid px | tiles | COG MiB | overviews | last byte -> tiles ready s | last byte -> preview "
                   "added s | added -> drawn s | **last byte -> first full draw s** | last byte -> COG ready s | "
                   "COG ready -> drawn s | max stall ms | p99 stall ms | idle: max stall ms |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in d["ee_draw"]["rows"]:
            idle = r.get("idle_heartbeat") or {}
            out.append("| {} x {} | {} | {:.0f} | {} | {:.2f} | {:.2f} | {:.3f} | {:.2f} | {:.2f} | {:.3f} | {:.1f} | "
                       "{:.1f} | {:.1f} |"
                       .format(r["width"], r["height"], r["tiles"], r["mib"], r["overviews"],
                               r["last_byte_to_tiles_ready_s"], r["last_byte_to_layer_added_s"],
                               r["layer_added_to_drawn_s"], r["last_byte_to_drawn_s"], r["last_byte_to_file_ready_s"],
                               r["file_ready_to_final_drawn_s"], r["heartbeat"]["max_stall_ms"],
                               r["heartbeat"]["p99_stall_ms"], idle.get("max_stall_ms", float("nan"))))
        out.append("")
    out += geedim_table(d.get("ee_geedim"))
    if d.get("cog"):
        out.append("**The COG of a tiled Earth Engine result** (bench_cog.py: synthetic tiles with their overviews; "
                   "before issue 19 and now, taking turns; median of the runs)\n")
        out.append("| grid px | tiles | noise DN | before s | now s | speed-up | before CPU s | now CPU s | "
                   "before MiB | now MiB | same pixels | valid COGs |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
        for r in d["cog"]["rows"]:
            line = "| {} x {} | {} | {:g} | {:.2f} | {:.2f} | {:.2f} | {:.1f} | {:.1f} | {:.0f} | {:.0f} | {} | {} |"
            out.append(line.format(r["width"], r["height"], r["tiles"], r["noise"], r["before_seconds"],
                                   r["now_seconds"], r["speedup"], r["before_cpu_s"], r["now_cpu_s"], r["before_mib"],
                                   r["now_mib"], "yes" if r["same_pixels"] else "NO",
                                   "yes" if not any(r["cog_errors"].values()) else "NO"))
        out.append("")
    if d["eodag"]:
        e = d["eodag"]
        out.append("**eodag** (eodag {}, L2A SAFE zip with JP2 bands, AOI = middle quarter of the tile, "
                   "median of {} rounds)\n".format(e["eodag_version"], e["runs"]))
        out.append("| tile px | zip MiB | eodag alone s | eodag + GDAL cut s | plugin s | plugin / eodag + cut | "
                   "plugin / eodag alone |")
        out.append("|---:|---:|---:|---:|---:|---:|---:|")
        for r in e["rows"]:
            m = r["median_seconds"]
            out.append("| {} | {:.1f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} |".format(
                r["tile_px"], r["zip_bytes"] / 1048576.0, m["eodag"], m["eodag+cut"], m["plugin"],
                r["plugin_vs_eodag_and_cut"], r["plugin_vs_eodag"]))
        out.append("")
    runs = [s for s in (d.get("stac_window"), d.get("stac_window_link")) if s]
    if runs:
        s = runs[0]
        out.append("**STAC windowed reads** ({} px uint16 COGs, {} px tiles, 3 bands, AOI {:.0f} % of the tile; "
                   "median of the rounds)\n".format(s["tile_px"], s["block"], 100 * s["aoi_fraction"]))
        out.append("| link | rounds | variant | MiB transferred | requests | seconds | window / download + cut |")
        out.append("|---|---:|---|---:|---:|---:|---:|")
        for s in runs:
            for v in ("window", "download + cut"):
                m = s["median"][v]
                out.append("| {} | {} | {} | {:.2f} | {:.0f} | {:.2f} | {} |".format(
                    _stac_link(s), s["runs"], v, m["bytes"] / 1048576.0, m["requests"], m["seconds"],
                    "{:.3f} x".format(s["seconds_ratio"]) if v == "window" else ""))
        out.append("")
    return out


def plot(d, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(2, 3, figsize=(15, 8.5))
    ax = axes[0][0]
    if d["transfer"]:
        sizes = sorted(d["transfer"])
        for label, style in (("single stream, no fsync", "o-"), ("4 files in parallel, no fsync", "s-"),
                             ("single stream, fsync", "o--"), ("4 files in parallel, fsync", "s--")):
            ax.plot(sizes, [case(d["transfer"][s], label)["ratio"] for s in sizes], style, label=label)
        ax.axhline(0.9, color="red", lw=1, ls=":", label="target 0.9")
        ax.set_xscale("log", base=2)
        ax.set_xlabel("file size (MiB)")
        ax.set_ylabel("engine speed / curl speed")
        ax.set_title("2. Transfer engine vs curl")
        ax.legend(fontsize=7)
    ax = axes[0][1]
    if d["transfer"]:
        sizes = sorted(d["transfer"])
        ax.plot(sizes, [d["transfer"][s]["rss_growth_mib"]["max"] for s in sizes], "o-", label="download")
        zs = [s for s in sizes if d["transfer"][s].get("zip_memory")]
        ax.plot(zs, [d["transfer"][s]["zip_memory"]["download_and_extract_growth_mib"] for s in zs], "s-",
                label="zip download + extraction")
        ax.axhline(64, color="red", lw=1, ls=":", label="target 64 MiB")
        ax.set_xscale("log", base=2)
        ax.set_ylim(0, 80)
        ax.set_xlabel("file size (MiB)")
        ax.set_ylabel("peak RSS growth (MiB)")
        ax.set_title("3. Memory")
        ax.legend(fontsize=7)
    ax = axes[0][2]
    if d["qgis"]:
        jobs = sorted(d["qgis"])
        for mode, style in (("tasks", "o-"), ("main thread", "s--"), ("idle", "^:")):
            have = [j for j in jobs if d["qgis"][j]["worst"].get(mode)]
            if have:
                ax.plot(have, [d["qgis"][j]["worst"][mode]["max_stall_ms"] for j in have], style,
                        label="max stall, " + ("plugin (QgsTask)" if mode == "tasks" else mode))
        have = [j for j in jobs if d["qgis"][j]["worst"].get("tasks")]
        ax.plot(have, [d["qgis"][j]["worst"]["tasks"]["p99_stall_ms"] for j in have], "o:",
                label="p99 stall, plugin (QgsTask)")
        ax.axhline(50, color="red", lw=1, ls=":", label="targets 50 / 20 ms")
        ax.axhline(20, color="red", lw=1, ls=":")
        ax.set_yscale("log")
        ax.set_xticks(jobs)
        ax.set_xlabel("parallel downloads ({:.0f} MiB zips)".format(d["qgis"][jobs[-1]]["size_mib"]))
        ax.set_ylabel("main-thread stall (ms)")
        ax.set_title("1. QGIS main thread")
        ax.legend(fontsize=7)
    ax = axes[1][0]
    if d["ee_tiles"]:
        rows = d["ee_tiles"]["rows"]
        n = [r["tiles"] for r in rows]
        ax.plot(n, [r["sequential_tile_s"] for r in rows], "s--", label="one by one")
        ax.plot(n, [r["parallel_tile_s"] for r in rows], "o-", label="parallel (4)")
        ax.plot(n, [r["ideal_parallel_s"] for r in rows], ":", color="grey", label="ideal parallel")
        ax.set_xscale("log", base=2)
        ax.set_yscale("log")
        ax.set_xticks(n)
        ax.set_xticklabels([str(x) for x in n])
        ax.set_xlabel("tiles")
        ax.set_ylabel("tile phase (s)")
        ax.set_title("4. Earth Engine tiles ({:.1f} s / request)".format(d["ee_tiles"]["latency_s"]))
        ax.legend(fontsize=7)
    ax = axes[1][1]
    if d["ee_draw"]:
        rows = d["ee_draw"]["rows"]
        mp = [r["width"] * r["height"] / 1e6 for r in rows]
        ax.plot(mp, [r["last_byte_to_file_ready_s"] for r in rows], "s--", label="last byte -> COG ready")
        ax.plot(mp, [r["last_byte_to_drawn_s"] for r in rows], "o-", label="last byte -> first full draw")
        ax.axhline(2.0, color="red", lw=1, ls=":", label="target 2 s")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("result size (megapixels, 3 bands)")
        ax.set_ylabel("seconds")
        ax.set_title("4. Earth Engine result to the canvas")
        ax.legend(fontsize=7)
    ax = axes[1][2]
    if d["eodag"]:
        rows = d["eodag"]["rows"]
        px = [r["tile_px"] for r in rows]
        ax.plot(px, [r["plugin_vs_eodag_and_cut"] for r in rows], "o-", label="plugin / eodag + GDAL cut")
        ax.plot(px, [r["plugin_vs_eodag"] for r in rows], "s--", label="plugin / eodag download alone")
        ax.axhline(1.1, color="red", lw=1, ls=":", label="target 1.1")
        ax.set_xlabel("product tile side (px at 10 m)")
        ax.set_ylabel("time ratio")
        ax.set_title("5. eodag product: plugin vs eodag")
        ax.legend(fontsize=7)
    fig.suptitle("EO Downloader performance: how each figure grows with the work (bench/run_all.py)")
    fig.tight_layout()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fig.savefig(path, dpi=90)
    plt.close(fig)


NOTES = """\
## What the numbers say

* **1. QGIS stays responsive.** A stall is the time between two beats of a 5 ms
  `QTimer` on the main thread beyond the 5 ms.  The job store holds a history of finished
  jobs (200, made afresh for each run of the benchmark), which the Jobs panel lists and
  which every write of the store covers: a user's history grows with every download.
  (Before session 3 the benchmark's store kept every job of its earlier runs, so that
  figure depended on how often the benchmark had run.)  What is left is mostly waiting
  for Python's interpreter lock while four download / extraction threads use it many
  times a second on two shared vCPUs.  The plugin's path (QgsTask per job)
  is compared with the same downloads, extractions and layer loads called from the
  main thread (the baseline freezes QGIS for the whole transfer) and with the machine
  idle (its own noise).  The canvas column is the longest time a redraw asked for
  every 250 ms took to complete while the jobs ran (the last one includes drawing the
  four new full-resolution rasters, which have no overviews).
* **2. Transfers.** The engine (`transfer.download`) and curl fetch the same file
  from nginx on loopback, back to back.  On loopback a single stream is limited by
  copies between kernel and user space; on a real link the network is slower than
  either.  Four parallel downloads are four threads of one Python process (as four
  QGIS tasks are) against four curl processes: each socket read and file write releases
  and takes back the interpreter lock, and on two vCPUs shared with other work those
  hand-overs cost system time that curl's independent processes do not pay (four engine
  *processes* measured as fast as curl in a side-by-side check); the ratio moves with
  the machine's load from run to run, and with what ran just before: the engine's 4-file
  run right after one of curl's was up to twice as slow as after one of its own (system
  time 8-10 s instead of 2.5-3 s for 4 GiB, also with `sync` and a 3 s pause in between;
  the cause was not found -- not fragmentation, the outputs of both have about the same
  extents), while curl's time hardly depended on it.  Session 1's bench always ran curl
  first, which counted that against the engine (4 x 1 GiB: 0.73-0.81 x).  Now each
  measured 4-file run follows an unmeasured 4-file run of the same program, and the two
  take turns going first; the table above splits the ratio by order.  Taking the
  socket's read timeout off (one `recv()` per read instead of `poll()` + `recv()`) looked
  like a 1.7 x gain until the order was balanced, and was left out.
* **3. Memory.** `VmHWM` of a fresh process before and after: the engine streams
  through one 256 KiB buffer (eight when it hashes) and the extraction through 256 KiB
  chunks, whatever the file size.
* **4. Earth Engine.** The tile phase is latency-bound: with the default 4 parallel
  requests the speed-up approaches the ideal `tiles / ceil(tiles / 4)`.  Each tile is
  made ready as soon as it is on disk, while the others download: masked to the AOI
  only where the AOI polygon cuts through it (tiles wholly inside are not rewritten,
  tiles wholly outside are left out) and given overviews.  After the last byte the
  layer is a VRT of those tiles (built in milliseconds, drawn from the tiles' overviews),
  opened and styled in the task; the main thread only adds it to the project.  The
  Cloud-Optimized GeoTIFF is then written from the same VRT in the background (*last
  byte -> COG ready*, which grows with the pixel count) and the same layer is pointed at
  it when the job ends (style and place in the layer tree kept).
* **5. eodag.** The plugin downloads through eodag itself and then cuts the bands to
  the AOI.  Against eodag doing the same work (download, then the same three bands cut
  with `gdal.Warp`, one after the other, as a script would) the plugin has its own work
  around the cut (finding the bands among the product's rasters, their AOI windows, the
  true-colour VRT, the job record: about 50 ms, which is what the smallest product's
  ratio shows) but cuts the bands side by side, which more than makes up for it once
  the cut takes longer than that.  Against eodag's download alone the difference is the
  cut itself (JP2 decoding of the AOI): on loopback the download of these simulated
  products takes a fraction of a second, so the cut dominates; on a real link, where a
  Sentinel-2 product takes minutes to arrive, both ratios approach 1.
* **6. Earth Engine against geedim.** Both tools download the same region from a fresh
  simulator each, which computes every getPixels for a time growing with its size and answers
  429 above 40 requests in flight or 100 per second per project.  The plugin's requests in flight
  follow the project's budget (`providers/earthengine/budget.py`: 6 at first, doubling per round
  trip while latency holds, halved on 429) and its tile count follows the measured latency; geedim
  sends up to 32 requests of 4 MB tiles.  *fetch s* is the simulator's view (first request of the
  download to the end of the last getPixels body), the same measure for both; the rest of each
  tool's time is its own work on the pixels (the plugin: masking to the AOI, overviews for the
  preview, then the Cloud-Optimized GeoTIFF; geedim: a tiled GeoTIFF and its overviews).  The
  simulator, the two tools and the other work of this shared 2-CPU machine compete for the same
  cores, so the seconds move with the load.

## Fixes made for these targets

* **Render threads** (`adapters/tasks.py`): QgsTaskManager runs tasks on
  `QThreadPool.globalInstance()`, sized to the CPU count and shared with the map
  renderer.  Two downloads on a 2-core machine took both threads: no canvas redraw
  completed until they ended (4.7 s in the first measurement) and a third job waited.
  `add_task` now adds one thread to the pool per running job and gives it back when
  the job ends.
* **Layers off the main thread** (`adapters/tasks.py`, `job_manager.py`,
  `layers.py`): opening a large raster and computing its 2-98 % stretch took 40-120 ms
  per layer in `finished()`; the task now makes and styles the layers and moves them
  to the main thread, which only adds them to the project.
* **Fewer progress signals** (`adapters/tasks.py`, `gui/jobs_panel.py`): a task
  forwards progress at most every 250 ms and the Jobs panel repaints at most every
  200 ms (four downloads reporting ten times a second each kept the main thread busy
  rebuilding the table).
* **Job store flushes** (`core/jobs.py`, `job_manager.py`): the fsync of `jobs.json`
  happened under the store's lock, so the main thread waited (up to 65 ms) for a
  worker's flush while gigabytes were being written; the temporary file is now flushed
  without any lock, and the main thread does not write the store at all (a submit
  waited up to 120 ms for the disk): it hands its changes to a writer thread, which
  flushes them (`JobStore.flush()` waits for it when the plugin unloads); the jobs'
  threads still write and flush themselves.
* **A long job history** (`core/jobs.py`, `gui/jobs_panel.py`, `adapters/tasks.py`):
  every write of the store encoded every job of the history again, with the
  pure-Python JSON encoder (indented), holding the store's lock and the interpreter
  lock (11 ms for 442 jobs), on the jobs' threads at each state change and on the main
  thread at each submit; and the Jobs panel copied the whole history and rebuilt every
  cell every 200 ms.  Now each job's line of `jobs.json` is kept until that job changes,
  the panel asks the store what changed since the revision it shows and updates only
  those rows (progress painted by a delegate, not a progress-bar widget per row), and a
  task makes its HTTP session and reads the preferences on its own thread.  Side by side (4 x 256 MiB, 200 jobs in the history, 9 runs each, the code
  before and after taking turns): longest stall 238-454 ms -> 9.5-25 ms, p99 48-109 ms
  -> 5.4-8.7 ms, seconds to drawn 4.2-6.2 -> 2.8-3.6.  With 1000 jobs in the history
  (`bench_qgis_responsive.py --history 1000 --runs 3`): 24 / 14 / 14 ms, p99 5.0-8.5 ms.
* **Transfer hot loop** (`core/transfer/download.py`, `core/transfer/archive.py`): without hashing (the
  default since the lead's change) the reading thread writes each chunk itself instead of
  handing it to a writer thread (that doubled the system CPU time), and chunks are
  256 KiB instead of 1 MiB, small enough to be copied in from the socket and out to the
  file while still in the CPU cache: 4 parallel downloads of 1 GiB went from 6.5 s to
  2.7 s (curl: 3.0 s) in a side-by-side check, with a quarter of the system CPU time;
  parallel extraction 2.9 s -> 1.5 s.
* **Mosaic** (`core/raster.py`): the COG driver reads its source twice (overviews, then
  full resolution), so the warped VRT was warped twice; the masked mosaic was then
  written once to a scratch GeoTIFF (10 000 x 10 000 px: 30 s -> 21 s on this machine).
* **Preview, tiles prepared as they arrive** (`core/raster.py`, `providers/earthengine/download_runner.py`,
  `adapters/tasks.py`, `job_manager.py`): the whole mosaic was warped with the AOI
  cutline after the last byte, and the layer appeared only when the COG was written
  (10 000 x 10 000 px: 14.1 s from the last byte).  Now each tile is masked (only where
  the polygon cuts it) and given overviews on its download thread; after the last byte
  a VRT of the tiles is shown at once as "<name> (preview)", and the COG, written from
  the same VRT (no warp, the tiles' overviews reused), replaces it in the same layer:
  last byte -> first full draw 0.4 s, last byte -> COG ready 11 s (was 14.1 s).
* **eodag** (`core/providers/eodag/cut.py`, `core/providers/__init__.py`, `core/providers/eodag/client.py`):
  the requested bands are cut side by side (GDAL releases the interpreter lock; three
  4800 px JP2 bands: 3.0 s -> 2.4 s on 2 cores); only the finest file a band's name
  announces is opened (a JP2 takes milliseconds to open; 9 opens -> 3); a job imports its
  own provider module only (a headless run no longer imports all four: 90 ms); eodag's
  credential template is read with libyaml (30 ms -> 4 ms).  Plugin / (eodag + cut) for
  the 4800 px product: 1.12 -> 0.89.  `bench_eodag.py --profile DIR` writes a cProfile
  file of every variant.
* **Benchmark** (`bench_transfer.py`): the engine no longer hashes by default, so the
  output is verified by hashing the file after the clock stops.
"""


#: A section of the page measured by hand (not by ``make bench``): kept as it is when the page is rewritten.
KEPT_START = "<!-- measured by hand, kept by bench/run_all.py -->"
KEPT_END = "<!-- end of the part kept by bench/run_all.py -->"


def kept_section():
    try:
        with open(DOC) as handle:
            text = handle.read()
    except OSError:
        return []
    start, end = text.find(KEPT_START), text.find(KEPT_END)
    if start < 0 or end < start:
        return []
    return [text[start:end + len(KEPT_END)], ""]


def write_doc(d, command, failed):
    rows = headline_rows(d)
    lines = ["# Performance", "",
             "Generated by `{}` on {} ({} CPUs, Python {}, {}). Do not edit by hand: run `make bench` "
             "(or `.venv/bin/python bench/run_all.py --from-results` to rewrite this page from "
             "`bench/results/*.json`).".format(command, datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC"),
                                               os.cpu_count(), platform.python_version(), platform.platform()),
             "",
             "These machines are shared and noisy: every figure is measured side by side with its reference "
             "in the same run (curl, one-by-one fetching, eodag alone, the main thread, the idle machine), "
             "and the ratios matter more than the seconds.", ""]
    meta = load("run_all") or {}
    if meta.get("load_before_each"):
        lines += ["Load average (1 min) before each benchmark: {}.".format(", ".join(
            "{} {:.2f}".format(k, v) for k, v in meta["load_before_each"].items())), ""]
    failed = meta.get("failed") or failed
    if failed:
        lines += ["**Benchmarks that failed in this run:** {}".format(", ".join(failed)), ""]
    lines += ["## Headline figures", "", "| figure | result | target | |", "|---|---|---|---|"]
    lines += ["| {} | {} | {} | {} |".format(*r) for r in rows]
    lines += ["", "## How the figures grow with the work", "",
              "![How each figure grows with the work](images/performance_scaling.png)", ""]
    lines += scaling_tables(d)
    lines += [NOTES]
    lines += kept_section()
    lines += ["## Running them", "",
              "    make bench                                  # every benchmark, then this page",
              "    .venv/bin/python bench/run_all.py --quick   # smaller sizes",
              "    .venv/bin/python bench/bench_<name>.py -h   # one benchmark, its options", "",
              "The benchmarks are not tests (`make test` does not run them); "
              "`tests/core/test_bench_smoke.py` runs each one in a tiny mode so they keep working. "
              "See bench/README.md for what each one does.", ""]
    with open(DOC, "w") as handle:
        handle.write("\n".join(lines))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes (a few minutes)")
    ap.add_argument("--only", nargs="*", help="keys to run (transfer, qgis, ee_tiles, ee_draw, eodag, ee_geedim, stac_window, cog)")
    ap.add_argument("--from-results", action="store_true", help="only rewrite the page from bench/results")
    ap.add_argument("--no-docs", action="store_true", help="do not write docs/performance.md")
    ap.add_argument("--max-load", type=float, default=1.5,
                    help="before each benchmark, wait for the 1-minute load average to drop below this ...")
    ap.add_argument("--max-wait", type=float, default=180.0, help="... for at most this many seconds")
    args = ap.parse_args(argv)
    failed = []
    if not args.from_results:
        os.makedirs(RESULTS, exist_ok=True)
        failed = run_steps(plan(args.quick), args.only, args.max_load, args.max_wait)
    if not args.no_docs:
        d = collect()
        plot(d, PLOT)
        command = "make bench" if not (args.quick or args.only) else "bench/run_all.py " + " ".join(
            a for a in (argv if argv is not None else sys.argv[1:]) if a != "--from-results")
        write_doc(d, command, failed)
        print("written: {} and {}".format(os.path.relpath(DOC, ROOT), os.path.relpath(PLOT, ROOT)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
