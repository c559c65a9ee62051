"""Every benchmark of bench/ still runs: each one in a tiny mode (not a measurement).

The benchmarks are not tests (``make bench`` runs them, ``make test`` does not); this
only keeps them from rotting.  They run as separate processes, in parallel, each with
its JSON and scratch folders under tmp_path.
"""
import json
import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, "bench")


def tiny_runs(tmp):
    return {
        "transfer": ["bench_transfer.py", "--size-mib", "2", "--runs", "1", "--settle-seconds", "0",
                     "--workdir", os.path.join(tmp, "t")],
        "qgis": ["bench_qgis_responsive.py", "--size-mib", "1", "--files", "2", "--runs", "1",
                 "--idle-seconds", "0.2", "--workdir", os.path.join(tmp, "q")],
        "ee_tiles": ["bench_ee_tiles.py", "--tiles", "1", "4", "--latency", "0.01"],
        "ee_draw": ["bench_ee_draw.py", "--sides", "256", "--latency", "0.01"],
        "eodag": ["bench_eodag.py", "--tile-px", "240", "--runs", "1"],
        "stac_window": ["bench_stac_window.py", "--tile-px", "1024", "--runs", "1", "--cache", os.path.join(tmp, "s")],
        "cog": ["bench_cog.py", "--width", "600", "--height", "520", "--tiles", "2", "--runs", "1",
                "--workdir", tmp],
    }


@pytest.mark.skipif(shutil.which("curl") is None or not (shutil.which("nginx") or os.path.exists("/usr/sbin/nginx")),
                    reason="the transfer benchmark needs curl and nginx (make deps)")
def test_every_benchmark_runs_in_a_tiny_mode(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    procs = {}
    for key, argv in tiny_runs(str(tmp_path)).items():
        out = str(tmp_path / (key + ".json"))
        procs[key] = subprocess.Popen([sys.executable, os.path.join(BENCH, argv[0])] + argv[1:] + ["--json", out],
                                      cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                      universal_newlines=True)
    outputs = {key: proc.communicate(timeout=120)[0] for key, proc in procs.items()}
    for key, proc in procs.items():
        assert proc.returncode == 0, "{} failed:\n{}".format(key, outputs[key][-3000:])
        assert "|---" in outputs[key], key      # printed its markdown table
    data = {key: json.load(open(str(tmp_path / (key + ".json")))) for key in procs}

    t = data["transfer"]
    assert len(t["throughput"]) == 4 and all(c["ratio"] > 0 for c in t["throughput"])
    assert t["zip_memory"]["download_and_extract_growth_mib"] >= 0
    assert t["refetch_after_clean_close_at_50pct"]["requests"] == 2
    q = data["qgis"]
    assert {r["mode"] for r in q["runs"]} == {"idle", "tasks", "main thread"}
    assert all(r["beats"] > 2 for r in q["runs"])
    assert [r["tiles"] for r in data["ee_tiles"]["rows"]] == [1, 4]
    assert all(r["efficiency"] > 0 for r in data["ee_tiles"]["rows"])
    draw = data["ee_draw"]["rows"][0]
    assert (draw["width"], draw["height"]) == (256, 256) and draw["last_byte_to_drawn_s"] > 0
    assert draw["last_byte_to_file_ready_s"] > 0 and draw["file_ready_to_final_drawn_s"] > 0
    c = data["cog"]["rows"][0]
    assert (c["width"], c["height"], c["tiles"]) == (600, 520, 4) and c["same_pixels"]
    assert c["before_seconds"] > 0 and c["now_seconds"] > 0 and not any(c["cog_errors"].values())
    e = data["eodag"]["rows"][0]
    assert e["tile_px"] == 240 and set(e["median_seconds"]) == {"eodag", "eodag+cut", "plugin"}
    s = data["stac_window"]
    assert s["tile_px"] == 1024 and 0 < s["median"]["window"]["bytes"] < s["full_asset_bytes"]
    assert s["median"]["download + cut"]["bytes"] >= s["full_asset_bytes"] and s["seconds_ratio"] > 0


def test_the_page_is_generated_from_results(tmp_path, monkeypatch):
    """run_all turns result files into the page and the plot (no measurement)."""
    pytest.importorskip("matplotlib")
    sys.path.insert(0, BENCH)
    try:
        import run_all
    finally:
        sys.path.remove(BENCH)
    results = tmp_path / "results"
    results.mkdir()
    sample = {
        "transfer_64": {"size_mib": 64, "runs": 1, "rss_growth_mib": {"max": 8.0},
                        "zip_memory": {"download_and_extract_growth_mib": 9.0},
                        "throughput": [{"case": c, "curl_mib_s": 100.0, "engine_mib_s": 95.0, "ratio": 0.95}
                                       for c in ("single stream, no fsync", "single stream, fsync",
                                                 "4 files in parallel, no fsync", "4 files in parallel, fsync")]},
        "qgis_4": {"files": 4, "size_mib": 8, "zip_bytes": 4 * 8 * 1048576, "runs": [{"mode": "tasks", "max_stall_ms": 30.0, "p99_stall_ms": 9.0},
                                                                       {"mode": "idle", "max_stall_ms": 3.0,
                                                                        "p99_stall_ms": 0.5}],
                   "worst": {"tasks": {"max_stall_ms": 30.0, "p99_stall_ms": 9.0, "seconds_to_drawn": 2.0,
                                       "max_redraw_ms": 100.0, "median_redraw_ms": 20.0},
                             "idle": {"max_stall_ms": 3.0, "p99_stall_ms": 0.5, "seconds_to_drawn": 1.0,
                                      "max_redraw_ms": 5.0, "median_redraw_ms": 5.0}}},
        "ee_tiles": {"latency_s": 0.2, "concurrency": 4, "rows": [
            {"tiles": 4, "width": 256, "height": 256, "sequential_tile_s": 2.0, "parallel_tile_s": 0.55,
             "ideal_parallel_s": 0.5, "speedup": 3.6, "ideal_speedup": 4.0, "efficiency": 0.9,
             "parallel_job_s": 0.8}]},
        "ee_draw": {"rows": [{"width": 1000, "height": 1000, "tiles": 1, "mib": 1.0, "overviews": 2,
                              "last_byte_to_tiles_ready_s": 0.1, "last_byte_to_layer_added_s": 0.15,
                              "layer_added_to_drawn_s": 0.05, "last_byte_to_drawn_s": 0.2,
                              "last_byte_to_file_ready_s": 0.5, "file_ready_to_final_drawn_s": 0.1,
                              "heartbeat": {"max_stall_ms": 10.0, "p99_stall_ms": 3.0},
                              "idle_heartbeat": {"max_stall_ms": 8.0}}]},
        "eodag": {"eodag_version": "4", "runs": 1, "rows": [
            {"tile_px": 600, "zip_bytes": 1048576, "plugin_vs_eodag_and_cut": 1.05, "plugin_vs_eodag": 1.4,
             "median_seconds": {"eodag": 1.0, "eodag+cut": 1.3, "plugin": 1.4}}]},
        "ee_geedim": {"geedim_skipped": None, "geedim_version": "2.0.0 1.7.50", "compute_base_s": 0.5,
                      "compute_per_mib_s": 0.05, "max_concurrent": 40, "max_rps": 100.0, "rows": [
                          {"side_km": 20.0, "faults": 0.0, "ratio": 0.75,
                           "geedim": {"ok": True, "seconds": 4.0, "requests": 16, "r429": 0, "peak_rss_mib": 150.0},
                           "plugin": {"ok": True, "seconds": 3.0, "requests": 15, "r429": 0, "peak_rss_mib": 200.0}}]},
        "stac_window": {"tile_px": 10980, "block": 512, "aoi_fraction": 0.01, "latency_s": 0.02, "bandwidth_mbit": 0,
                        "runs": 3, "bytes_ratio": 0.0199, "seconds_ratio": 0.25, "full_mbit_s": 2800.0,
                        "median": {"window": {"bytes": 13.3 * 1048576, "requests": 15, "seconds": 0.5},
                                   "download + cut": {"bytes": 668 * 1048576, "requests": 3, "seconds": 2.0}}},
        "stac_window_link": {"tile_px": 10980, "block": 512, "aoi_fraction": 0.01, "latency_s": 0.02,
                             "bandwidth_mbit": 200, "runs": 1, "bytes_ratio": 0.0199, "seconds_ratio": 0.04,
                             "full_mbit_s": 85.0,
                             "median": {"window": {"bytes": 13.3 * 1048576, "requests": 15, "seconds": 2.6},
                                        "download + cut": {"bytes": 668 * 1048576, "requests": 3, "seconds": 65.0}}},
    }
    for key, value in sample.items():
        (results / (key + ".json")).write_text(json.dumps(value))
    monkeypatch.setattr(run_all, "RESULTS", str(results))
    monkeypatch.setattr(run_all, "DOC", str(tmp_path / "performance.md"))
    monkeypatch.setattr(run_all, "PLOT", str(tmp_path / "images" / "scaling.png"))
    assert run_all.main(["--from-results"]) == 0
    page = (tmp_path / "performance.md").read_text()
    assert "| 2. Transfer vs curl, 64 MiB, single stream, no fsync | 0.95 x curl" in page
    assert "30 ms (p99 9.0 ms)" in page
    assert "| 6. STAC: same, seconds / download in full + the same cut (20 ms per request, loopback speed: 2800 " \
           "Mbit/s carried) | 0.250 x | <= 0.1 x | **missed** |" in page
    assert "| 6. STAC: same, seconds / download in full + the same cut (20 ms per request, a link of 200 Mbit/s " \
           "asked, 85 Mbit/s carried) | 0.040 x | <= 0.1 x | met |" in page
    assert "| 20 ms per request, a link of 200 Mbit/s asked, 85 Mbit/s carried | 1 | window | 13.30 | 15 | 2.60 | " \
           "0.040 x |" in page
    assert "| 4. EE 1000 x 1000 px download in QGIS, tiles drawn while they land: main thread's longest stall | " \
           "10 ms (p99 3.0 ms; idle machine: 8 ms) | <= 50 ms, p99 < 20 ms | met |" in page
    assert "| 6. EE 20 x 20 km, 3 bands at 10 m: plugin / geedim time | 0.75 x (3.0 vs 4.0 s; 429s 0 vs 0)" in page
    assert "| 20 x 20 km | 0% | 4.00 | 3.00 | 0.75 | - / - | 16 / 15 | 0 / 0 | 150 / 200 |" in page
    assert (tmp_path / "images" / "scaling.png").stat().st_size > 10000


def test_the_geedim_side_by_side_runs_in_a_tiny_mode(tmp_path):
    """bench_ee_geedim.py on a 1 km square (skipped with the reason when geedim is not installed:
    ``make geedim-venv``, or $EO_BENCH_GEEDIM_PYTHON)."""
    sys.path.insert(0, BENCH)
    try:
        import bench_ee_geedim
    finally:
        sys.path.remove(BENCH)
    problem = bench_ee_geedim.geedim_problem(bench_ee_geedim.default_geedim_python())
    if problem:
        pytest.skip(problem)
    out = str(tmp_path / "ee_geedim.json")
    proc = subprocess.run([sys.executable, os.path.join(BENCH, "bench_ee_geedim.py"), "--sides-km", "1",
                           "--fault-rate", "0.2", "--compute-base", "0.02", "--compute-per-mib", "0.01",
                           "--json", out], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "|---" in proc.stdout
    rows = json.load(open(out))["rows"]
    assert [(r["side_km"], r["faults"]) for r in rows] == [(1.0, 0.0), (1.0, 0.2)]
    for row in rows:
        for tool in ("geedim", "plugin"):
            assert row[tool]["ok"], row[tool]
            assert row[tool]["size"][2] == 3 and min(row[tool]["size"][:2]) >= 100 and row[tool]["requests"] >= 2
        assert row["geedim"]["size"] == row["plugin"]["size"]       # the same grid
        assert row["ratio"] > 0 and row["plugin"]["fetch_s"] > 0
