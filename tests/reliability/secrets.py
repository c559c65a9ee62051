"""Secrets never leak (issue 8, part 4): run every provider with known secrets, then search everywhere.

Distinctive secrets (an Earth Engine token, an EOSDA API key, an eodag username and
password) are put in QGIS's authentication database only.  Every provider then runs:

* through the GUI's job manager (QgsTask) and through ``processing.run``, in a QGIS
  session of its own (:mod:`.secrets_worker`), once against the simulators and once
  against an *echo* service that writes the whole request -- URL, query, headers -- into
  its error answer, so that an unredacted error message would carry the secret;
* through the real ``qgis_process`` in a fresh profile (the plugin installed as in QGIS,
  the secrets in that profile's authentication database, ``AUTHCFG=<id>``).

Then :func:`scan` searches, for each secret and its URL-encoded and Basic-auth forms: the
QGIS message log, the ``eo_downloader`` logger, every other Python log record, the error
messages shown, Processing's feedback, the QgsSettings files, the job store, the saved
project (``.qgs``, and inside the ``.qgz``), the whole profile folders (also
``qgis-auth.db``, where the secrets are stored encrypted), the output folders and
qgis_process's output.
"""
import base64
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import zipfile
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple
from urllib.parse import quote, quote_plus

from . import harness

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

EE_TOKEN = "ya29.EEsecretTOKEN-7f3a9c1e5b2d4a6f8e0c"
EOSDA_KEY = "apk.EOSDAsecretKEY-51d2e8b7c3a94f06d1"
EODAG_USER = "eodag-user-SECRET-1b2c3d"
EODAG_PASSWORD = "EODAGsecretPASS-c4e9a1b7d2f3!x"
MASTER_PASSWORD = "master-pass-for-the-test-db"
PROVIDERS = ("ee_download", "eosda", "ee_export", "eodag")


def needles() -> Dict[str, List[bytes]]:
    """secret name -> the byte strings that would reveal it."""
    out = {}
    basic = base64.b64encode("{}:{}".format(EODAG_USER, EODAG_PASSWORD).encode()).decode()
    for name, value in (("EE token", EE_TOKEN), ("EOSDA API key", EOSDA_KEY), ("eodag username", EODAG_USER),
                        ("eodag password", EODAG_PASSWORD)):
        forms = {value, quote(value, safe=""), quote_plus(value, safe="")}
        if name.startswith("eodag"):
            forms.add(basic)
        out[name] = sorted(f.encode("utf-8") for f in forms)
    return out


class EchoService:
    """Answers every request with a 400 whose message is the request itself (path, query, headers)."""

    def __init__(self):
        service = self
        self.requests = 0

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                service.requests += 1
                echo = "echo: {} {} headers: {} body: {}".format(self.command, self.path, dict(self.headers.items()),
                                                                 body[:300].decode("utf-8", "replace"))
                payload = json.dumps({"error": {"code": 400, "message": echo, "status": "INVALID_ARGUMENT"},
                                      "message": echo}).encode()
                self.send_response(400)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_HEAD = _any

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        self.url = "http://127.0.0.1:{}".format(self.httpd.server_address[1])

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class Sims:
    def __init__(self, workdir: str):
        from tests.sims.ee_export_sim import ExportSimulator
        from tests.sims.eosda_sim import EosdaSimulator
        from tests.sims import eodag_sim
        self.ee = ExportSimulator(tokens=(EE_TOKEN,), projects=("my-project",), buckets=("bkt",),
                                  pending_seconds=0.02, running_seconds=0.05).start()
        self.eosda = EosdaSimulator(api_keys=(EOSDA_KEY,), polls_to_start=1, polls_to_done=1).start()
        self.eodag_dir = os.path.join(workdir, "eodag")
        self.eodag_env = eodag_sim.isolated_environment(self.eodag_dir)
        self.eodag = eodag_sim.EodagSimulator(credentials=(EODAG_USER, EODAG_PASSWORD)).start()
        self.echo = EchoService()
        self.yaml = {}
        for kind, url in (("good", self.eodag.url), ("echo", self.echo.url)):
            path = os.path.join(workdir, "eodag_{}.yml".format(kind))
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(eodag_sim.provider_yaml(url))
            self.yaml[kind] = path

    def urls(self) -> Dict[str, Dict[str, str]]:
        return {"good": {"ee": self.ee.url, "eosda": self.eosda.url, "eodag_yaml": self.yaml["good"]},
                "echo": {"ee": self.echo.url, "eosda": self.echo.url, "eodag_yaml": self.yaml["echo"]}}

    def stop(self):
        for sim in (self.ee, self.eosda, self.eodag, self.echo):
            sim.stop()


def _base_env(workdir: str, sims: Sims) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EO_DOWNLOADER_", "EODAG", "QGIS_"))}
    env.update(sims.eodag_env)
    for name in ("home", "runtime", "tmp"):
        os.makedirs(os.path.join(workdir, name), exist_ok=True)
    os.chmod(os.path.join(workdir, "runtime"), 0o700)
    env.update({"HOME": os.path.join(workdir, "home"), "XDG_RUNTIME_DIR": os.path.join(workdir, "runtime"),
                "TMPDIR": os.path.join(workdir, "tmp"), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ROOT})
    return env


@dataclass
class SecretsResult:
    hits: Dict[str, Dict[str, int]] = field(default_factory=dict)      # location -> secret -> hits
    where: List[str] = field(default_factory=list)                     # files with a hit
    scanned: Dict[str, int] = field(default_factory=dict)              # location -> files scanned
    worker: dict = field(default_factory=dict)
    qgis_process: Dict[str, dict] = field(default_factory=dict)
    problems: List[str] = field(default_factory=list)
    seconds: float = 0.0


def _load_script(name: str):
    import importlib.util
    spec = importlib.util.spec_from_file_location(name, os.path.join(ROOT, "scripts", name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_MAKE_AUTH = r"""
import json, sys
from qgis.core import QgsApplication, QgsAuthMethodConfig
from qgis.PyQt.QtCore import QCoreApplication
QCoreApplication.setOrganizationName("QGIS")
QCoreApplication.setApplicationName("QGIS3")
app = QgsApplication([], False, sys.argv[1])
app.initQgis()
am = QgsApplication.authManager()
assert am.setMasterPassword(sys.argv[2], True)
ids = {}
for name, method, values in json.loads(sys.argv[3]):
    cfg = QgsAuthMethodConfig(method)
    cfg.setName(name)
    for k, v in values.items():
        cfg.setConfig(k, v)
    am.storeAuthenticationConfig(cfg)
    ids[name] = cfg.id()
print("IDS " + json.dumps(ids))
app.exitQgis()
"""


def _run_qgis_process(workdir: str, sims: Sims, result: SecretsResult) -> List[Tuple[str, str]]:
    """The download algorithms through /usr/bin/qgis_process.bin in a fresh profile; [(location, path)]."""
    qh = _load_script("qgis_headless")
    dev = _load_script("dev_install")
    base = os.path.join(workdir, "qgis_process")
    env = qh.headless_env(base)
    env.update(sims.eodag_env)
    dev.install(env["QGIS_CUSTOM_CONFIG_PATH"])
    profile = os.path.join(env["QGIS_CUSTOM_CONFIG_PATH"], "profiles", "default")
    configs = [["ee", "EsriToken", {"token": EE_TOKEN}], ["eosda", "EsriToken", {"token": EOSDA_KEY}],
               ["eodag", "Basic", {"username": EODAG_USER, "password": EODAG_PASSWORD}]]
    made = subprocess.run(["/usr/bin/python3", "-c", _MAKE_AUTH, profile, MASTER_PASSWORD, json.dumps(configs)],
                          env=env, capture_output=True, text=True, timeout=120)
    ids_line = [ln for ln in made.stdout.splitlines() if ln.startswith("IDS ")]
    if not ids_line:
        result.problems.append("could not create the authentication configurations: " + made.stderr[-2000:])
        return []
    ids = json.loads(ids_line[0][4:])
    password_file = os.path.join(workdir, "master-password")     # (outside the scanned folders)
    with open(password_file, "w", encoding="utf-8") as handle:
        handle.write(MASTER_PASSWORD)
    env.update({"QGIS_AUTH_PASSWORD_FILE": password_file,
                "EO_DOWNLOADER_EE_API_URL": sims.ee.url, "EO_DOWNLOADER_GCS_API_URL": sims.ee.url,
                "EO_DOWNLOADER_EOSDA_API_URL": sims.eosda.url,
                "EO_DOWNLOADER_EODAG_PROVIDERS_FILE": sims.yaml["good"]})
    out = os.path.join(base, "out")
    extent = "-122.0859,-122.0799,37.0436,37.0496 [EPSG:4326]"
    runs = [
        ("ee_download", "eo_downloader:ee_download", {"EXTENT": extent, "IMAGE": harness.EE_IMAGE, "BANDS": "B4",
                                                      "SCALE": 30, "PROJECT": "my-project", "AUTHCFG": ids["ee"]}),
        ("eosda", "eo_downloader:eosda_download", {"EXTENT": "-104.8800,-104.8750,27.1700,27.1750 [EPSG:4326]",
                                                   "VIEW_ID": harness.EOSDA_VIEW, "BANDS": "B02,B03,B04",
                                                   "AUTHCFG": ids["eosda"]}),
        ("ee_export", "eo_downloader:ee_export", {"EXTENT": extent, "IMAGE": harness.EE_IMAGE, "BANDS": "B4",
                                                  "SCALE": 30, "DESCRIPTION": "qp_export", "DESTINATION": 0,
                                                  "BUCKET": "bkt", "PROJECT": "my-project", "AUTHCFG": ids["ee"]}),
        ("eodag", "eo_downloader:eodag_download", {"EXTENT": "1.2750,1.2860,43.5950,43.6030 [EPSG:4326]",
                                                   "PROVIDER": "eodag_sim", "COLLECTION": "S2_MSI_L2A",
                                                   "DATE_FROM": "2023-06-01", "DATE_TO": "2023-07-31",
                                                   "CLOUD_MAX": 100, "BANDS": "B04,B03,B02",
                                                   "PRODUCT_IDS": harness._eodag_params(0, "x")["product_ids"][0],
                                                   "AUTHCFG": ids["eodag"]}),
        # an error answer carrying the request (URL with api_key, headers): the message must be redacted
        ("eosda (echo)", "eo_downloader:eosda_download", {
            "EXTENT": "-104.8800,-104.8750,27.1700,27.1750 [EPSG:4326]", "VIEW_ID": harness.EOSDA_VIEW,
            "BANDS": "B02", "AUTHCFG": ids["eosda"]}),
    ]
    logs = []
    for name, alg, params in runs:
        run_env = dict(env)
        if name == "eodag":
            # eodag installed where QGIS's Python finds it, as the plugin's install hint says (here: the
            # test virtualenv's site-packages, which already runs QGIS for the other tests)
            import eodag
            run_env["PYTHONPATH"] = os.path.dirname(os.path.dirname(eodag.__file__))
        if name.endswith("(echo)"):
            run_env["EO_DOWNLOADER_EOSDA_API_URL"] = sims.echo.url
        params = dict(params, OUTPUT_DIR=os.path.join(out, name.replace(" ", "_").strip("()")))
        rc, data, err = qh.run_algorithm(alg, params, run_env, timeout=300)
        files = (data or {}).get("results", {}).get("OUTPUT_FILES") or []
        result.qgis_process[name] = {"rc": rc, "files": len(files), "stderr_tail": err[-600:]}
        log = os.path.join(base, "qgis_process_{}.log".format(name.replace(" ", "_")))
        with open(log, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(data or {}) + "\n" + err)
        logs.append(log)
    return [("qgis_process: the whole profile and home", base)]


def _files(path: str) -> List[str]:
    if os.path.isfile(path):
        return [path]
    out = []
    for root, _, names in os.walk(path):
        out.extend(os.path.join(root, n) for n in names)
    return sorted(out)


def _contents(path: str) -> List[Tuple[str, bytes]]:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return []
    items = [(path, data)]
    if data[:4] == b"PK\x03\x04":            # .qgz and other zips: their members too
        try:
            with zipfile.ZipFile(path) as zf:
                for member in zf.namelist():
                    items.append(("{}!{}".format(path, member), zf.read(member)))
        except (zipfile.BadZipFile, OSError, RuntimeError):
            pass
    return items


def scan(locations: List[Tuple[str, str]], result: SecretsResult) -> None:
    table = needles()
    for location, path in locations:
        counts = {name: 0 for name in table}
        files = _files(path)
        result.scanned[location] = len(files)
        for f in files:
            for where, data in _contents(f):
                for name, forms in table.items():
                    found = sum(data.count(form) for form in forms)
                    if found:
                        counts[name] += found
                        result.where.append("{}: {} x {}".format(where, found, name))
        result.hits[location] = counts


def run_secrets(workdir: Optional[str] = None, qgis_process: bool = True, log=print) -> SecretsResult:
    import time
    started = time.monotonic()
    own = workdir is None
    workdir = workdir or tempfile.mkdtemp(prefix="eo-reliability-secrets-")
    result = SecretsResult()
    sims = Sims(workdir)
    try:
        worker_dir = os.path.join(workdir, "session")
        profile = os.path.join(worker_dir, "profile")
        captures = os.path.join(worker_dir, "captures")
        outputs = os.path.join(worker_dir, "outputs")
        project_dir = os.path.join(worker_dir, "project")
        for d in (profile, captures, outputs, project_dir):
            os.makedirs(d, exist_ok=True)
        cfg = {"profile": profile, "captures": captures, "outputs": outputs, "project_dir": project_dir,
               "master_password": MASTER_PASSWORD, "ee_token": EE_TOKEN, "eosda_key": EOSDA_KEY,
               "eodag_user": EODAG_USER, "eodag_password": EODAG_PASSWORD, "urls": sims.urls(),
               "providers": list(PROVIDERS), "ee_image": harness.EE_IMAGE, "eosda_view": harness.EOSDA_VIEW,
               "eodag_product": harness._eodag_params(0, "x")["product_ids"][0]}
        cfg_path = os.path.join(workdir, "worker.json")
        with open(cfg_path, "w", encoding="utf-8") as handle:
            json.dump(cfg, handle)
        env = _base_env(worker_dir, sims)
        proc = subprocess.run([sys.executable, "-m", "tests.reliability.secrets_worker", cfg_path], cwd=ROOT,
                              env=env, capture_output=True, text=True, timeout=600)
        stdio = os.path.join(worker_dir, "worker_stdout_stderr.txt")
        with open(stdio, "w", encoding="utf-8") as handle:
            handle.write(proc.stdout + "\n" + proc.stderr)
        report = os.path.join(worker_dir, "worker_report.json")
        if proc.returncode != 0 or not os.path.exists(report):
            result.problems.append("the QGIS session failed ({}):\n{}".format(proc.returncode, proc.stderr[-3000:]))
        else:
            with open(report, "r", encoding="utf-8") as handle:
                result.worker = json.load(handle)
        locations = [
            ("QGIS message log", os.path.join(captures, "qgis_message_log.txt")),
            ("'eo_downloader' logger", os.path.join(captures, "eo_downloader_logger.txt")),
            ("QGIS message bar", os.path.join(captures, "message_bar.txt")),
            ("every other Python log record (eodag's too)", os.path.join(captures, "all_python_logging.txt")),
            ("error messages shown (jobs, Processing)", os.path.join(captures, "errors_shown.txt")),
            ("Processing feedback", os.path.join(captures, "processing_feedback.txt")),
            ("QgsSettings (QGIS3.ini)", os.path.join(profile, "QGIS")),
            ("job store (jobs.json)", os.path.join(profile, "eo_downloader")),
            ("saved project (.qgz, .qgs)", project_dir),
            ("the whole QGIS profile (incl. qgis-auth.db)", profile),
            ("output folders (files, sidecars, records)", outputs),
            ("session's stdout/stderr", stdio),
        ]
        if qgis_process:
            locations += _run_qgis_process(workdir, sims, result)
        scan(locations, result)
    finally:
        sims.stop()
        result.seconds = time.monotonic() - started
        if own:
            shutil.rmtree(workdir, ignore_errors=True)
    return result
