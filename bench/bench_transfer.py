#!/usr/bin/env python3
"""Benchmark of the transfer engine (plugin/core/transfer/download.py) against curl.

One run reports:

* single-stream throughput of ``transfer.download`` as a ratio of curl's on the
  same file from nginx on loopback, both writing into the same folder; twice:
  without fsync (curl's default; engine with ``fsync=False``) and durable (the
  engine's default fsync vs curl followed by an fsync of its file);
* the same with 4 files in parallel (4 engine downloads in threads of one
  process vs 4 curl processes);
* peak RSS growth of an engine download (VmHWM of a child process, before vs after);
* bytes re-fetched after the connection is cut once at 50 % (the fault server in
  tests/sims/faults.py, counting the body bytes it sends): a clean close and a reset.

Targets: throughput >= 0.9 x curl, RSS growth <= 64 MiB, re-fetched <= 1 %.

    .venv/bin/python bench/bench_transfer.py                 # 1 GiB
    .venv/bin/python bench/bench_transfer.py --size-mib 64   # quick check

nginx (Debian package ``nginx``) is started in the foreground with a generated
config on a free loopback port; it is installed with apt-get when missing and
we are root.  Results: a markdown table on stdout and bench/results/transfer.json.
"""
import argparse
import hashlib
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

MIB = 1024 * 1024


# --------------------------------------------------------------------------- helpers

def status_kib(field):
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def free_port():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def wait_port(port, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("nothing listens on port {}".format(port))


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while True:
            chunk = handle.read(4 * MIB)
            if not chunk:
                return digest.hexdigest()
            digest.update(chunk)


def fsync_path(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


SETTLE_SECONDS = 0.5


def settle(paths):
    """Remove outputs and flush the page cache's dirty pages so runs start alike."""
    for path in paths:
        try:
            os.remove(path)
        except FileNotFoundError:
            pass
    if SETTLE_SECONDS > 0:
        os.sync()
        time.sleep(SETTLE_SECONDS)


def make_data(path, size):
    if os.path.exists(path) and os.path.getsize(path) == size:
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "wb") as handle:
        left = size
        while left > 0:
            block = os.urandom(min(MIB, left))     # real bytes: not sparse, not compressible
            handle.write(block)
            left -= len(block)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def make_zip(data_path, zip_path):
    """A deflated zip holding ``data_path`` (made once); its file name."""
    import zipfile
    if not os.path.exists(zip_path):
        tmp = zip_path + ".tmp"
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=1, allowZip64=True) as zf:
            zf.write(data_path, "data.bin")
        os.replace(tmp, zip_path)
    return os.path.basename(zip_path)


from tests.servers.nginx import Nginx  # noqa: E402  (one launcher for tests and benchmarks)


# --------------------------------------------------------------------------- child process (engine)

def child(args):
    """Run engine downloads in this fresh process; print one JSON line."""
    from plugin.core.transfer import http, download as transfer
    session = http.make_session()
    urls = args.urls
    dests = args.dests
    hwm_before = status_kib("VmHWM")
    rss_before = status_kib("VmRSS")
    results = [None] * len(urls)
    errors = []

    def run(i):
        try:
            results[i] = transfer.download(urls[i], dests[i], session=session, fsync=not args.no_fsync)
        except Exception as exc:  # reported to the parent
            errors.append(repr(exc))

    start = time.perf_counter()
    if len(urls) == 1:
        run(0)
    else:
        threads = [threading.Thread(target=run, args=(i,)) for i in range(len(urls))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    seconds = time.perf_counter() - start
    hwm_after = status_kib("VmHWM")
    extract = {}
    if args.extract and results[0] is not None:
        from plugin.core.transfer import archive
        folder = results[0].path + ".d"
        t0 = time.perf_counter()
        files = archive.safe_extract(results[0].path, folder)
        extract = {"extract_seconds": time.perf_counter() - t0, "hwm_after_extract_kib": status_kib("VmHWM"),
                   "extracted_bytes": sum(os.path.getsize(f) for f in files)}
        shutil.rmtree(folder, ignore_errors=True)
    # The engine hashes only when asked (records, expected_sha256); the check of the
    # output is done here, after the clock and the memory reading.
    digests = [sha256_file(r.path) if r else None for r in results]
    print(json.dumps({"seconds": seconds, "hwm_before_kib": hwm_before, "hwm_after_kib": hwm_after,
                      "rss_before_kib": rss_before, "errors": errors, "sha256": digests,
                      "sizes": [r.size if r else None for r in results], **extract}))


def engine(urls, dests, no_fsync, extract=False):
    cmd = [sys.executable, os.path.abspath(__file__), "--child", "--urls"] + urls + ["--dests"] + dests
    if no_fsync:
        cmd.append("--no-fsync")
    if extract:
        cmd.append("--extract")
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT)
    data = json.loads(out.stdout.strip().splitlines()[-1])
    if data["errors"]:
        raise RuntimeError("engine failed: {}".format(data["errors"]))
    return data


def curl(urls, dests, fsync):
    """Wall seconds for curl to fetch ``urls`` in parallel (plus the fsync of each file when asked)."""
    start = time.perf_counter()
    procs = [subprocess.Popen(["curl", "-sS", "--fail", "-o", dest, url]) for url, dest in zip(urls, dests)]
    codes = [proc.wait() for proc in procs]
    if any(codes):
        raise RuntimeError("curl failed: {}".format(codes))
    if fsync:
        threads = [threading.Thread(target=fsync_path, args=(d,)) for d in dests]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    return time.perf_counter() - start


# --------------------------------------------------------------------------- re-fetch after a cut

def refetch(data_path, size, workdir, kind):
    from tests.sims.faults import Fault, FaultServer, Resource
    fault = Fault.truncate(0.5) if kind == "close" else Fault.drop(0.5)
    server = FaultServer().start()
    try:
        url = server.add("/data.bin", Resource(path=data_path, faults=[fault]))
        dest = os.path.join(workdir, "out", "refetch.bin")
        result = engine([url], [dest], no_fsync=True)
        served = server.bytes_sent.get("/data.bin", 0)
        requests = server.counts.get("/data.bin", 0)
        settle([dest])
    finally:
        server.stop()
    return {"served_bytes": served, "refetched_bytes": served - size, "refetched_pct": 100.0 * (served - size) / size,
            "requests": requests, "sha256": result["sha256"][0]}


# --------------------------------------------------------------------------- main

def main():
    global SETTLE_SECONDS
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=6, help="repetitions per measurement (median is reported); "
                                                            "curl and the engine take turns going first, so even")
    parser.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "eo_bench_transfer"))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--urls", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--dests", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--no-fsync", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--extract", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--json", default=os.path.join(ROOT, "bench", "results", "transfer.json"))
    parser.add_argument("--settle-seconds", type=float, default=SETTLE_SECONDS,
                        help="pause after the sync between measurements (0: no sync, no pause)")
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    SETTLE_SECONDS = args.settle_seconds

    load_start = os.getloadavg()
    size = args.size_mib * MIB
    workdir = os.path.abspath(args.workdir)
    www = os.path.join(workdir, "www")
    out = os.path.join(workdir, "out")
    os.makedirs(out, exist_ok=True)
    name = "data_{}MiB.bin".format(args.size_mib)
    data_path = os.path.join(www, name)
    print("preparing {} ...".format(data_path), file=sys.stderr)
    make_data(data_path, size)
    source_sha = sha256_file(data_path)
    nginx = Nginx(www, workdir)
    url = nginx.url(name)
    one_engine = [os.path.join(out, "engine.bin")]
    one_curl = [os.path.join(out, "curl.bin")]
    four_engine = [os.path.join(out, "engine_{}.bin".format(i)) for i in range(4)]
    four_curl = [os.path.join(out, "curl_{}.bin".format(i)) for i in range(4)]
    samples = {key: [] for key in ("curl1", "eng1", "curl1_fsync", "eng1_fsync", "curl4", "eng4",
                                   "curl4_fsync", "eng4_fsync")}
    rss_growth = []
    try:
        curl([url], one_curl, False)      # warm the page cache with the source file
        settle(one_curl)
        for run in range(args.runs):
            print("run {}/{} ...".format(run + 1, args.runs), file=sys.stderr)
            for fsync in (False, True):
                suffix = "_fsync" if fsync else ""

                def run_curl(n, dests):
                    if n > 1:       # an unmeasured run of its own first (see below)
                        curl([url] * n, dests, False)
                        settle(dests)
                    samples["curl{}{}".format(n, suffix)].append(curl([url] * n, dests, fsync))
                    settle(dests)

                def run_engine(n, dests):
                    if n > 1:
                        engine([url] * n, dests, no_fsync=True)
                        settle(dests)
                    result = engine([url] * n, dests, no_fsync=not fsync)
                    assert all(s == source_sha for s in result["sha256"]), "engine output differs from the source"
                    samples["eng{}{}".format(n, suffix)].append(result["seconds"])
                    if n == 1:
                        rss_growth.append((result["hwm_after_kib"] - result["hwm_before_kib"]) / 1024.0)
                    settle(dests)
                # On this machine a 4-file run took up to twice as long right after the other
                # program's run as after its own (the engine after curl: system time 8-10 s instead
                # of 2.5-3 s for 4 GiB, also with `sync` and a 3 s pause in between; cause not
                # found), so each measured 4-file run follows an unmeasured 4-file run of the same
                # program, and which program goes first alternates from run to run.
                for n, curl_dests, engine_dests in ((1, one_curl, one_engine), (4, four_curl, four_engine)):
                    if run % 2 == 0:
                        run_curl(n, curl_dests)
                        run_engine(n, engine_dests)
                    else:
                        run_engine(n, engine_dests)
                        run_curl(n, curl_dests)
        # memory of a download and its extraction: the same bytes as a zip archive
        print("zip download + extraction ...", file=sys.stderr)
        zip_name = make_zip(data_path, os.path.join(www, name[:-4] + ".zip"))
        zip_dest = os.path.join(out, "engine.zip")
        zres = engine([nginx.url(zip_name)], [zip_dest], no_fsync=False, extract=True)
        if zres.get("extracted_bytes") != size:
            raise RuntimeError("the extraction did not give the {} bytes back".format(size))
        zip_memory = {
            "zip_mib": os.path.getsize(os.path.join(www, zip_name)) / MIB,
            "download_growth_mib": (zres["hwm_after_kib"] - zres["hwm_before_kib"]) / 1024.0,
            "download_and_extract_growth_mib": (zres["hwm_after_extract_kib"] - zres["hwm_before_kib"]) / 1024.0,
            "download_seconds": zres["seconds"], "extract_seconds": zres["extract_seconds"]}
        settle([zip_dest])
    finally:
        nginx.stop()
    print("re-fetch measurements ...", file=sys.stderr)
    cut_close = refetch(data_path, size, workdir, "close")
    cut_reset = refetch(data_path, size, workdir, "reset")
    for cut in (cut_close, cut_reset):
        assert cut["sha256"] == source_sha, "engine output differs from the source after a cut"

    med = {key: statistics.median(values) for key, values in samples.items()}

    def mbps(seconds, files=1):
        return files * size / MIB / seconds

    def ratio(curl_key, engine_key):
        """Median over runs of curl time / engine time, each pair measured back to back."""
        return statistics.median(c / e for c, e in zip(samples[curl_key], samples[engine_key]))

    def ratio_by_order(curl_key, engine_key):
        """The same median over the runs where curl went first (even) and the engine went first (odd)."""
        pairs = list(zip(samples[curl_key], samples[engine_key]))
        return {first: round(statistics.median(c / e for c, e in pairs[start::2]), 3) if pairs[start::2] else None
                for first, start in (("curl_first", 0), ("engine_first", 1))}

    rows = []
    for label, files, curl_key, engine_key in (
            ("single stream, no fsync", 1, "curl1", "eng1"),
            ("single stream, fsync", 1, "curl1_fsync", "eng1_fsync"),
            ("4 files in parallel, no fsync", 4, "curl4", "eng4"),
            ("4 files in parallel, fsync", 4, "curl4_fsync", "eng4_fsync")):
        rows.append((label, mbps(med[curl_key], files), mbps(med[engine_key], files), ratio(curl_key, engine_key)))
    peak = max(rss_growth)
    report = {
        "size_mib": args.size_mib, "runs": args.runs, "nginx_port": nginx.port,
        "python": sys.version.split()[0], "cpus": os.cpu_count(),
        "loadavg_start": load_start, "loadavg_end": os.getloadavg(),
        "seconds": samples, "median_seconds": med,
        "throughput": [{"case": c, "curl_mib_s": a, "engine_mib_s": b, "ratio": r} for c, a, b, r in rows],
        "ratio_note": "median over runs of (curl seconds / engine seconds), each pair measured back to back, "
                      "curl first in even runs, the engine first in odd runs",
        "ratio_by_order": {key: ratio_by_order("curl" + key, "eng" + key) for key in ("1", "1_fsync", "4", "4_fsync")},
        "rss_growth_mib": {"max": peak, "samples": rss_growth},
        "zip_memory": zip_memory,
        "refetch_after_clean_close_at_50pct": cut_close,
        "refetch_after_reset_at_50pct": cut_reset,
        "targets": {"throughput_ratio": 0.9, "rss_growth_mib": 64, "refetched_pct": 1.0},
        "command": " ".join([os.path.relpath(sys.executable, ROOT) if sys.executable.startswith(ROOT)
                             else sys.executable] + sys.argv),
        "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w") as handle:
        json.dump(report, handle, indent=1)

    print("\n### Transfer engine vs curl ({} MiB file, nginx on loopback, median of {} runs)\n".format(
        args.size_mib, args.runs))
    print("load average at start / end: {:.2f} / {:.2f} on {} CPUs\n".format(
        load_start[0], report["loadavg_end"][0], os.cpu_count()))
    print("| case | curl MiB/s | engine MiB/s | engine / curl | target |")
    print("|---|---:|---:|---:|---:|")
    for case, a, b, ratio in rows:
        print("| {} | {:.0f} | {:.0f} | {:.2f} | >= 0.90 |".format(case, a, b, ratio))
    print("\n| measure | value | target |")
    print("|---|---:|---:|")
    print("| peak RSS growth during a download (VmHWM) | {:.1f} MiB | <= 64 MiB |".format(peak))
    print("| peak RSS growth during a zip download and its extraction | {:.1f} MiB | <= 64 MiB |".format(
        zip_memory["download_and_extract_growth_mib"]))
    for label, cut in (("clean close", cut_close), ("connection reset", cut_reset)):
        print("| re-fetched after a {} at 50 % | {:.1f} MiB ({:.3f} %), {} requests | <= 1 % |".format(
            label, cut["refetched_bytes"] / MIB, cut["refetched_pct"], cut["requests"]))
    print("\nwritten: {}".format(os.path.relpath(args.json, ROOT)))


if __name__ == "__main__":
    main()
