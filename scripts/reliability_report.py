#!/usr/bin/env python3
"""Measure reliability and security and write docs/reliability.md (issue 8).

    .venv/bin/python scripts/reliability_report.py [--out docs/reliability.md] [--jobs 100] [--seed N]

Runs the same harness as ``tests/reliability`` (fault campaigns, the SIGKILL restart
chain, the bad-input catalogue, the secrets scan) and writes every table from what
was measured.  The tests assert the outcomes; this script only reports them.
About three minutes on two cores.
"""
import argparse
import datetime
import logging
import os
import platform
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from tests.reliability import badinput, harness, integrity, proxy, redirects, restart, secrets  # noqa: E402


def cell(text, limit=None) -> str:
    text = "" if text is None else str(text)
    if limit and len(text) > limit:
        text = text[:limit - 1] + "…"
    return text.replace("|", "\\|").replace("\r", "").replace("\n", " ⏎ ")


def rates_text(rates: proxy.FaultRates) -> str:
    parts = ["{} {:.0%}".format(k, v) for k, v in list(rates.pre.items()) + list(rates.body.items()) +
             list(rates.checked.items())]
    if rates.lost_post:
        parts.append("lost answer to an idempotent POST {:.0%}".format(rates.lost_post))
    return ", ".join(parts)


def faults_section(results, seed, jobs) -> list:
    out = ["## 1. Faults: {} jobs per provider through a faulty network".format(jobs), ""]
    default = proxy.FaultRates()
    out += [
        "Every job talks to its simulator through a loopback proxy (`tests/reliability/proxy.py`) that, per request, "
        "draws a fault from `random.Random(\"<seed>:<job>:<method>:<endpoint>:<n-th request>\")` -- so the faults "
        "a job meets do not depend on thread timing and the seed replays a campaign. Every fifth job is a *storm* "
        "(four times the rates) so that some jobs run out of retries and the failure path is exercised too.",
        "",
        "* before the request reaches the service: HTTP 429 (Google JSON body, `Retry-After` absent/0/1/2 s), 503, "
        "500 with no body, a stall (no answer until the client's read timeout);",
        "* on GET answers: a drop (TCP reset) or a clean close at a random offset of the body, a stall in the middle "
        "of the body; zips corrupted (a byte of a member flipped) or cut short with a matching `Content-Length`; "
        "bodies whose checksum is announced (`x-goog-hash`, Cloud Storage) corrupted; the answer to Earth Engine's "
        "`image:export` lost after Earth Engine started the export (it carries a `requestId`); a lost answer is never "
        "injected on other POSTs, where the service would have acted twice;",
        "* default rates per request: {}; eodag: no stalls (its HTTP timeouts are eodag's own, 5 to 60 s).".format(
            rates_text(default)),
        "",
        "Retry policy given to the runners through `ctx.settings[\"retry\"]`: `RetryPolicy(max_attempts={}, "
        "base_delay=0.02, max_delay=0.5)` with the sleeps recorded and shortened; timeouts `Timeouts(connect=3, "
        "read=1.5)` through `ctx.settings[\"timeouts\"]`. Each job is compared with a fault-free run of the same "
        "parameters (sha256 of every output; a VRT's text with the job's own name masked). A failed job is then run "
        "again without faults -- the Jobs panel's *Retry* -- and must end identical, leaving nothing behind."
        .format(harness.MAX_ATTEMPTS),
        "",
        "Seed: **{}** (`EO_RELIABILITY_SEED`).".format(seed),
        "",
        "| provider | jobs | done, byte-identical | failed with an expected message | failed jobs finished by Retry, "
        "identical | failed attempts in a row: before an answer / within a transfer (limit) | partial files: done "
        "jobs / after Retry | server-side jobs created twice | requests | faults injected | seconds |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in sorted(results):
        r = results[name]
        dup = "—" if r.server_jobs_ok is None else str(r.duplicates)
        faults = ", ".join("{} {}".format(k, v) for k, v in sorted(r.faults.items()))
        out.append("| {} | {} | {} ({}) | {} | {} | {} / {} ({}) | {} / {} | {} | {} | {} | {:.0f} |".format(
            cell(r.label), r.jobs, r.done, r.identical, r.failed, r.retried_ok, r.max_streak,
            r.max_transfer_streak, r.limit, r.leftovers_done, r.leftovers_after_retry, dup, r.requests,
            cell(faults), r.seconds))
    others = ["* {}: {} -- at most {} in a row seen, {} allowed.".format(name, why, seen, limit)
              for name in sorted(results) for why, (seen, limit) in sorted(results[name].other_limits.items())]
    if others:
        out += ["", "Requests a provider retries above the HTTP policy, with their own bound:", ""] + others
    out += ["", "Problems found by the checks (must be none): " + ("none." if not any(
        r.unexpected for r in results.values()) else "; ".join(u for r in results.values() for u in r.unexpected)),
        "", "### The messages a job may end with under faults (one example each, as measured)", "",
        "| provider | expected message (class) | jobs | example |", "|---|---|---|---|"]
    for name in sorted(results):
        r = results[name]
        for label, count in sorted(r.failed_expected.items()):
            out.append("| {} | {} | {} | {} |".format(name, cell(label), count, cell(r.samples.get(label, ""), 260)))
    out += ["", "The full list of allowed messages (regular expressions) is `harness.COMMON_FAILURES` plus each "
                "provider's own in `harness.provider_cases()`; a failed job whose message matches none of them fails "
                "the test.", ""]
    return out


def restart_section(r) -> list:
    out = ["## 2. Restarts: SIGKILL at every phase of every job kind", "",
           "One job of each kind is submitted through the plugin's `JobManager` in a process of its own "
           "(`tests/reliability/restart_worker.py`: `QgsApplication` with a temporary profile and its job store). "
           "The simulators run in the test, behind proxies whose *gates* hold a chosen request; once every job is "
           "held at its kill point the process gets SIGKILL and the next process (same profile, same store) resumes "
           "with `resume_unfinished()`, as QGIS does at start. Kill points: *creating* -- the request that creates the "
           "server-side job is in flight (Earth Engine export: Earth Engine started the export and the answer is "
           "lost); *submitted* -- the server-side id is saved, the first status or pixel request is held; *running* -- "
           "the service answered \"still running\" once; *downloading* -- half of the result body received, the rest "
           "held; *extracting* -- inside the zip extraction (a pause right after the first member is written). A kind "
           "without such a phase is held at its next one, or finishes.", "",
           "{} processes in {:.0f} s.".format(r.processes, r.seconds), "",
           "| job kind | " + " | ".join(restart.PHASES) + " |", "|---|" + "---|" * len(restart.PHASES)]
    for kind in restart.KINDS:
        cells = []
        for kill in r.kills.get(kind.provider, []):
            extra = []
            if kill.part_files:
                extra.append("{} .part".format(kill.part_files))
            if kill.extract_dirs:
                extra.append("half-extracted folder")
            cells.append("held at *{}*; store: {}{}".format(kill.held_at, kill.state,
                                                          " ({})".format(", ".join(extra)) if extra else ""))
        out.append("| {} | {} |".format(cell(kind.label), " | ".join(cells)))
    out += ["", "After the last kill, one more session:", "",
            "| job kind | final state | outputs | GDAL opens every raster | sha256 = run without kills | partial or "
            "extra files left | server-side jobs |", "|---|---|---|---|---|---|---|"]
    for kind in restart.KINDS:
        name = kind.provider
        out.append("| {} | {} | {} | {} | {} | {} | {} |".format(
            cell(kind.label), r.final_state.get(name), r.outputs.get(name), "yes" if r.gdal_ok.get(name) else "NO",
            "yes" if r.identical.get(name) else "NO", len(r.leftovers.get(name, [])) or "none",
            cell(r.server_jobs.get(name))))
    eodag_tmp = [t for t in r.temp_left if not t.startswith("QGIS3")]
    out += ["", "Problems: " + ("none." if not r.problems else cell("; ".join(r.problems), 600)), "",
            "Outside the output folders: the killed sessions left {} folder(s) in their `TMPDIR` -- QGIS's own "
            "`QGIS3-*` temporary folders and {} of eodag's extraction folders (eodag extracts in the system temporary "
            "folder; the plugin's own extraction works next to its output, and the next extraction removes what a "
            "killed one left).".format(len(r.temp_left), len(eodag_tmp)), ""]
    return out


def badinput_section(rows) -> list:
    out = ["## 3. Bad input: {} cases".format(len(rows)), "",
           "Each case goes through the path the dock and Processing share (`Aoi.from_*`, the providers' "
           "`build_params`, a job through `run_job`). The test asserts the message (a regular expression per case in "
           "`tests/reliability/badinput.py`), that nothing crashed (no Python exception name in the message), that no "
           "partial file is left and -- for services and disks -- that an earlier result and a note already in the "
           "output folder are byte-identical afterwards. *Services*: a loopback server answers every request of the "
           "job with the bad answer. *Disks*: a read-only tmpfs, a 256 KiB tmpfs (as root; otherwise permissions and a "
           "patched `shutil.disk_usage`), a write failing half-way through `RLIMIT_FSIZE` in a child process.", "",
           "| # | area | case | input | outcome | message shown | ok |", "|---|---|---|---|---|---|---|"]
    for i, (case, outcome, problems) in enumerate(rows, 1):
        how = outcome.extra.get("how")
        given = case.given + (" ({})".format(how) if how else "")
        out.append("| {} | {} | {} | {} | {} | {} | {} |".format(
            i, case.area, cell(case.case), cell(given, 90), outcome.kind, cell(outcome.message, 300),
            "yes" if not problems else "**NO**: " + cell("; ".join(problems), 200)))
    out.append("")
    return out


def secrets_section(s) -> list:
    out = ["## 4. Secrets", "",
           "Distinctive secrets -- an Earth Engine token, an EOSDA API key, an eodag username and password -- are "
           "stored in QGIS's authentication database only (master password set by the test); the plugin's settings "
           "get the authcfg ids. Every provider then runs through the GUI's `JobManager` (QgsTask) and "
           "`processing.run` in a QGIS session of its own, once against the simulators and once against an *echo* "
           "service whose error answer repeats the whole request (URL with its query, every header), and through the "
           "real `qgis_process` in a fresh profile with `AUTHCFG=<id>`. Searched for each secret, URL-encoded and as "
           "HTTP Basic credentials:", "",
           "| location | files searched | EE token | EOSDA API key | eodag username | eodag password |",
           "|---|---|---|---|---|---|"]
    for location, counts in s.hits.items():
        out.append("| {} | {} | {} | {} | {} | {} |".format(
            cell(location), s.scanned.get(location, 0), counts["EE token"], counts["EOSDA API key"],
            counts["eodag username"], counts["eodag password"]))
    w = s.worker or {}
    gui = w.get("gui", {})
    alg = w.get("processing", {})
    out += ["", "| path | " + " | ".join(secrets.PROVIDERS) + " |", "|---|" + "---|" * len(secrets.PROVIDERS)]
    out.append("| GUI job (QgsTask), simulators | " + " | ".join(
        gui.get("{}/good".format(p), {}).get("state", "?") for p in secrets.PROVIDERS) + " |")
    out.append("| processing.run, simulators | " + " | ".join(
        "done" if alg.get("{}/good".format(p), {}).get("ok") else "failed" for p in secrets.PROVIDERS) + " |")
    out.append("| qgis_process, simulators | " + " | ".join(
        "done ({} files)".format(s.qgis_process.get(p, {}).get("files")) if s.qgis_process.get(p, {}).get("rc") == 0
        else "failed" for p in secrets.PROVIDERS) + " |")
    out.append("| GUI job, echo service: message masked (`***`) | " + " | ".join(
        "yes" if "***" in gui.get("{}/echo".format(p), {}).get("error", "") else "no credentials sent"
        for p in secrets.PROVIDERS) + " |")
    example = gui.get("eosda/echo", {}).get("error", "")
    out += ["", "Example (EOSDA, echo service): `{}`".format(cell(example, 260)), "",
            "TLS: `make_session().verify` is {} by default; with *verify TLS* off it is {} and the QGIS message log "
            "received {} warning(s) \"TLS certificate verification is turned off…\".".format(
                w.get("tls_default_verify"), w.get("tls_off_verify"), w.get("tls_warning_logged")),
            "", "Problems: " + ("none." if not s.problems else cell("; ".join(s.problems), 600)), ""]
    return out


def redirects_section(outcomes) -> list:
    out = ["## 5. Redirects: no secret follows one to another origin", "",
           "Each secret is sent by the plugin's own client to an origin that answers with a redirect to a *hostile* "
           "loopback server on another port (another origin; the EOSDA origin even echoes the key into the "
           "`Location`). Per cell: what reached the hostile host (requests, occurrences of the secret, plain, "
           "URL-encoded or in Basic credentials) and how the request ended. The origin received the secret in "
           "every case: {}.".format("yes" if all(o.origin_got_secret for o in outcomes) else "NO"), "",
           "| secret | " + " | ".join(str(s) for s in redirects.STATUSES) + " |",
           "|---|" + "---|" * len(redirects.STATUSES)]
    for name in redirects.SCENARIOS:
        cells = []
        for o in (o for o in outcomes if o.secret == name):
            how = "followed ({})".format(", ".join(o.hostile_methods)) if o.result == "followed" else "refused"
            cells.append("{}: {} request(s), {} leaked".format(how, o.hostile_requests, o.leaked))
        out.append("| {} | {} |".format(cell(name), " | ".join(cells)))
    refused = next((o.result for o in outcomes if o.result != "followed"), "")
    out += ["", "Example of a refusal: `{}`".format(cell(refused, 300)), "",
            "Also asserted by `tests/core/test_redirects.py`: same-origin redirects keep the key (relative "
            "`Location`, query kept byte for byte), https -> http with credentials is refused (a local TLS "
            "server), loops stop after {} redirects, and EOSDA results kept on a storage host behind a redirect "
            "(pre-signed URL, 301/302/303/307/308, also when a resumed download is redirected) download without "
            "the key.".format(redirects.eohttp.MAX_REDIRECTS), ""]
    return out


FIXES = [
    "**Secrets followed redirects** (requests strips only `Authorization` when the host changes): the EOSDA key "
    "(`x-api-key`, `api_key`) went to whatever host a 30x named, a 307 re-posted the refresh token elsewhere, and "
    "google-auth's transport did the same with the service-account assertion. Every request now follows "
    "redirects in `http.send_following`, which sends `http.Secrets` to the same origin only and refuses https -> "
    "http and secret bodies for other origins (`plugin/core/http.py`, `eosda.py`, `ee/auth.py`, `eodag_client.py`, "
    "`transfer.py`).",
    "**Unbounded bodies**: a JSON answer without `Content-Length` was read to the end of memory, a download "
    "without it to the end of the disk, and a body trickling a byte now and then never timed out. JSON is read "
    "with a cap (`http.MAX_JSON_BYTES`), downloads of unknown size with `max_size` and the disk check, and every "
    "body must keep a minimum rate (`http.RateGuard`, 1 KiB/s over 30 s by default; settings and environment).",
    "**JSON answers cut short were accepted** (urllib3 1.x does not check `Content-Length`): a dropped status or "
    "metadata answer failed the job with \"not JSON\". `http.request` now retries a body shorter than announced "
    "within the retry policy; EOSDA's streamed status answers the same (`EosdaClient.get_task`), which also no "
    "longer lets a raw `ConnectionError` escape or says \"HTTP None\" (`plugin/core/transfer/http.py`, `plugin/core/providers/eosda/client.py`).",
    "**A corrupt body was final**: a checksum mismatch or a zip that fails its test is now downloaded once more from "
    "the start, counted in the same retry budget (`transfer.download`); an Earth Engine piece whose zip is corrupt "
    "is retried like a failed transfer (`providers/earthengine/download_runner.py`).",
    "**eodag kept products cut short or with a broken zip as downloaded** (its `.downloaded` record was written, so "
    "even a Retry reused the broken product forever): the byte count is checked against `Content-Length` and every "
    "archive must open; such a product is discarded and fetched again. eodag searches, refused orders (429/5xx) and "
    "downloads are retried on transient failures within the retry policy; an order whose first status check failed "
    "is kept instead of failing the job (a Retry ordered twice) (`plugin/core/providers/eodag/client.py`).",
    "**A half extraction of a killed QGIS stayed forever** (`.NAME.extract-*` next to the output): the next "
    "extraction into the same place removes it (`plugin/core/transfer/archive.py`).",
    "**AOI**: a world-wide extent said \"has no area\" (now measured and refused as larger than the maximum); "
    "coordinates that are not longitude/latitude said \"has no area\" (now \"lies outside the valid range of "
    "longitude/latitude: check the layer's CRS\"); an area around a pole drawn in a polar projection said \"has no "
    "area\" (now the polar cap in longitude/latitude, stable when read back) (`plugin/core/aoi.py`).",
    "**A read-only output folder** failed with a raw `OSError` after the server-side job had been started: the folder "
    "is now checked before anything is sent (\"The output folder '…' is not writable.\") (`plugin/core/runner.py`).",
    "**Error pages**: an HTML page where JSON was expected is named by its title (Earth Engine, EOSDA); EOSDA error "
    "bodies in HTML are summarised instead of pasted; eodag error texts are made readable and bounded -- a 30 MB "
    "error page produced a 30 MB message in the job store -- and eodag's 401/403 answers are credential errors "
    "(`plugin/core/providers/earthengine/client.py`, `plugin/core/providers/eosda/client.py`, `plugin/core/providers/eodag/client.py`).",
    "**Secrets**: urllib3 logs each request line with its query string at DEBUG -- the EOSDA `api_key` -- and now "
    "goes through the plugin's redacting filter (`plugin/core/transfer/http.py`).",
    "An Earth Engine download that failed early left an empty `.ee-<job>` folder (`providers/earthengine/download_runner.py`).",
]

NOT_COVERED = [
    "The window between a service creating a job and the answer reaching the client, for EOSDA and eodag: neither "
    "API has an idempotency key, so a crash exactly there makes a second task/order on the next run. Earth Engine "
    "exports are covered (the `requestId` is saved before the POST; the restart test kills there). The fault "
    "campaigns therefore never lose the answer to those POSTs.",
    "Silent corruption of a body without any checksum (EOSDA's and Earth Engine's GeoTIFF/JP2 answers): no client can "
    "detect it; the campaigns corrupt only zips (tested by the plugin) and bodies with an announced checksum.",
    "eodag's own timeouts (5 s requests, 20 s searches, 60 s streams) are not the plugin's settings, so stalls are "
    "not injected in the eodag campaign; eodag extracts in the system temporary folder, where a killed session's "
    "half extraction stays (outside the output folder).",
    "The restart test uses the default settings of a QGIS session (no injected faults while killing); the fault "
    "campaigns run the core runners directly (same runners, RetryPolicy/Timeouts injected).",
    "qgis_process runs eodag with the test virtualenv's site-packages on `PYTHONPATH` (where eodag is installed, as "
    "the plugin's install hint says for QGIS's own Python).",
    "The plugin settings' `connect_timeout`, `read_timeout` and `max_parallel_tiles` are passed to the runners under "
    "keys they do not read (they read `timeouts` objects and `ee_concurrency`); the GUI path therefore runs with the "
    "runners' defaults. Not changed here (settings layer, no failing case).",
]


def integrity_section(result) -> list:
    lines = ["## 6. Integrity: the job store, a job's own files, done means usable", "",
             "Measured by `tests/reliability/integrity.py` (asserted by `test_integrity.py`): two QGIS processes "
             "writing one profile's job list at once, the GUI and Processing in one QGIS, job lists damaged by "
             "hand, names that collide with other jobs' or the user's files, and bodies that are not images saved "
             "under an image's name.", "",
             "| case | measured | as it must be |", "|---|---|---|"]
    for row in result.rows:
        lines.append("| {} | {} | {} |".format(cell(row.case), cell(row.measured, 240), "yes" if row.ok else "**no**"))
    return lines + [""]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "reliability.md"))
    ap.add_argument("--jobs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=None)
    args = ap.parse_args(argv)
    logging.getLogger("eodag").setLevel(logging.CRITICAL)
    from plugin.core.logs import TOP
    logging.getLogger(TOP).setLevel(logging.ERROR)          # the plugin's top logger ("plugin" here)
    seed = harness.seed_from_env() if args.seed is None else args.seed
    started = time.monotonic()
    print("fault campaigns ...", flush=True)
    faults = harness.run_campaigns_parallel([["eodag"], [n for n in harness.CASES if n != "eodag"]],
                                            jobs=args.jobs, seed=seed)
    print("restart chain ...", flush=True)
    chain = restart.run_restarts(seed=seed)
    print("bad-input catalogue ...", flush=True)
    rows = badinput.run_catalogue()
    print("secrets ...", flush=True)
    scan = secrets.run_secrets()
    print("redirects ...", flush=True)
    hops = redirects.run_all()
    print("integrity ...", flush=True)
    kept = integrity.run_integrity()
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True).stdout.strip()
    except OSError:
        commit = "?"
    lines = ["# Reliability and security, measured", "",
             "Generated by `scripts/reliability_report.py` on {} (commit {}, Python {}, {}); every number below was "
             "measured by that run -- nothing is typed in by hand. Regenerate with".format(
                 datetime.date.today().isoformat(), commit, platform.python_version(), platform.platform(terse=True)),
             "", "    .venv/bin/python scripts/reliability_report.py          # ~3 minutes on 2 cores", "",
             "and assert the same with `make test PYTEST_ARGS=tests/reliability` (the tests check every outcome; this "
             "script only reports). `EO_RELIABILITY_SEED=<n>` replays a fault campaign.", "",
             "Summary: {} fault-campaign jobs, {} finished byte-identical at once, {} failed with an expected message "
             "and were finished identical by a Retry, {} unexpected outcomes; {} jobs killed by SIGKILL at {} phases "
             "({} kills, one QGIS process each), every job finished identical with no server-side job made twice; {} "
             "bad-input cases, {} with a problem; {} places searched for secrets, {} hits.".format(
                 sum(r.jobs for r in faults.values()), sum(r.identical for r in faults.values()),
                 sum(r.failed for r in faults.values()), sum(len(r.unexpected) for r in faults.values()),
                 len(chain.kills), len(restart.PHASES), chain.processes - 1,
                 len(rows), sum(1 for _, _, p in rows if p), len(scan.hits),
                 sum(sum(c.values()) for c in scan.hits.values())), ""]
    lines += faults_section(faults, seed, args.jobs)
    lines += restart_section(chain)
    lines += badinput_section(rows)
    lines += secrets_section(scan)
    lines += redirects_section(hops)
    lines += integrity_section(kept)
    lines += ["## Fixes these tests led to", ""] + ["* " + f for f in FIXES] + [""]
    lines += ["## Not covered", ""] + ["* " + n for n in NOT_COVERED] + [""]
    lines += ["_Run time of this report: {:.0f} s._".format(time.monotonic() - started), ""]
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    print("wrote {}".format(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
