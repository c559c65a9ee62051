#!/usr/bin/env python3
"""The QGIS plugin website's upload scan, run here before an upload: bandit, detect-secrets, flake8.

    .venv/bin/python scripts/security_scan.py [--zip dist/eo_downloader.X.zip] [--strict]

plugins.qgis.org scans every uploaded zip (QGIS-Django ``plugins/security_scanner.py``) with

* ``bandit -r <extracted zip> -f json -ll``  -- medium and high severity; a *critical* check;
* ``detect-secrets scan --all-files .``       -- inside the extracted zip; a *critical* check;
* ``flake8 --max-line-length=120 --ignore=E501 <the .py files>`` -- code quality, *informational*.

This script builds the zip the way a release does (scripts/package.py) unless ``--zip`` names
one, extracts it and runs the same three commands with the same options.  It exits 1 when a
critical check has a finding (and, with ``--strict``, when flake8 has one), printing every
finding as ``tool: file:line: code message``.

False positives are marked in the code as the scanners document -- ``# nosec B105`` (bandit)
and ``# pragma: allowlist secret`` (detect-secrets) -- with the reason beside the marker.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from typing import List, Optional, Sequence

SCRIPTS = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, SCRIPTS)


def _tool(name: str) -> str:
    """The tool next to this Python (the venv's), else the one on PATH."""
    here = os.path.join(os.path.dirname(sys.executable), name)
    return here if os.path.exists(here) else name


def _run(argv: Sequence[str], cwd: Optional[str] = None) -> str:
    done = subprocess.run(list(argv), cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          timeout=300)
    if done.returncode not in (0, 1) or (not done.stdout.strip() and done.returncode):
        raise RuntimeError("{} failed ({}): {}".format(argv[0], done.returncode, done.stderr[-2000:]))
    return done.stdout


def bandit(folder: str) -> List[str]:
    report = json.loads(_run([_tool("bandit"), "-r", folder, "-f", "json", "-ll", "--quiet"]) or "{}")
    return ["bandit: {}:{}: {} {}".format(os.path.relpath(r["filename"], folder), r["line_number"],
                                          r["test_id"], r["issue_text"]) for r in report.get("results", [])]


def detect_secrets(folder: str) -> List[str]:
    report = json.loads(_run([_tool("detect-secrets"), "scan", "--all-files", "."], cwd=folder) or "{}")
    return ["detect-secrets: {}:{}: {}".format(path, item["line_number"], item["type"])
            for path, items in sorted(report.get("results", {}).items()) for item in items]


def flake8(folder: str) -> List[str]:
    files = sorted(os.path.join(root, name) for root, _dirs, names in os.walk(folder)
                   for name in names if name.endswith(".py"))
    if not files:
        return []
    out = _run([_tool("flake8"), "--max-line-length=120", "--ignore=E501"] + files)
    return ["flake8: " + os.path.relpath(line, folder) for line in out.splitlines() if line.strip()]


def scan_zip(path: str, strict: bool = False) -> List[str]:
    """Every finding that fails the scan (critical ones; flake8's too with ``strict``)."""
    with tempfile.TemporaryDirectory(prefix="security-scan-") as folder:
        with zipfile.ZipFile(path) as zf:
            zf.extractall(folder)
        failing = bandit(folder) + detect_secrets(folder)
        quality = flake8(folder)
    if quality and not strict:
        codes = collections.Counter(line.split(": ", 2)[-1].split(" ", 1)[0] for line in quality)
        print("flake8: {} finding(s), informational on the plugin website ({}); --strict lists them".format(
            len(quality), ", ".join("{} {}".format(code, n) for code, n in codes.most_common())))
    return failing + (quality if strict else [])


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Run the QGIS plugin website's security scan on the plugin zip.")
    parser.add_argument("--zip", help="the zip to scan (default: build it with scripts/package.py)")
    parser.add_argument("--strict", action="store_true", help="fail on flake8 findings too")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="security-scan-build-") as work:
        target = args.zip
        if not target:
            import package  # scripts/package.py
            target = package.build(package.ROOT, os.path.join(work, "dist"), os.path.join(work, "build"))
        findings = scan_zip(target, args.strict)
    for line in findings:
        print(line)
    print("security scan: {} failing finding(s) in {}".format(len(findings), os.path.basename(target)))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
