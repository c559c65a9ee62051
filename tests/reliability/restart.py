"""SIGKILL at every phase of every job kind, and the next QGIS session finishes them (issue 8, part 2).

One job of each kind (Earth Engine download, EOSDA, Earth Engine export, eodag) is
submitted through the plugin's ``JobManager`` in a real process
(:mod:`.restart_worker`: ``QgsApplication`` + the job store of a temporary QGIS
profile).  The simulators run here, behind :class:`~.proxy.FaultProxy` instances
whose *gates* hold a chosen request; the process is killed with SIGKILL once every
job is held at its kill point, and a new process (same profile, same store) resumes:

====================  =======================================================================
phase                 where each kind is held when the process is killed
====================  =======================================================================
creating              the request that creates the server-side job is in flight (EE export:
                      Earth Engine *did* start the export, its answer is lost)
submitted             server-side id saved, the first status / pixel request held
running               the server answered "still running" once, the next poll held
downloading           the result's body half received (``.part`` on disk), the rest held
extracting            inside the extraction of the zip (first member written), paused
====================  =======================================================================

A kind without such a phase (the Earth Engine sync download has no server-side
"running"; an export brings GeoTIFFs back, nothing to extract) is held at its next
phase, or allowed to finish, in that round.  After the last kill a final process runs
everything to the end; then every job must be DONE, its files must open in GDAL and
match (sha256) a fault-free run of the same parameters, nothing partial may be left,
and each server-side job must have been created exactly once.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional

from . import harness
from .proxy import Attempt, FaultProxy, Gate

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PHASES = ("creating", "submitted", "running", "downloading", "extracting")


def _post(path_end: str) -> Callable[[Attempt], bool]:
    return lambda a: a.method == "POST" and a.path.rstrip("/").endswith(path_end)


def _get(pred: Callable[[str], bool], kind: Optional[str] = None) -> Callable[[Attempt], bool]:
    return lambda a: a.method == "GET" and pred(a.path) and (kind is None or a.kind == kind)


def _eosda_status(path: str) -> bool:
    parts = path.strip("/").split("/")
    return len(parts) == 4 and parts[:3] == ["api", "gdw", "api"]


@dataclass
class Kind:
    provider: str
    label: str
    proxy: str                                   # which proxy (simulator) it talks to
    gates: Dict[str, Callable[[], Gate]]         # phase -> new Gate (absent: no such phase)
    pauses_in_extraction: bool
    params: Callable[[str], Dict[str, Any]] = None
    settings: Callable[[str], Dict[str, Any]] = None
    credentials: Dict[str, Any] = field(default_factory=dict)


def _ee_params(token: str) -> Dict[str, Any]:
    from plugin.core.providers.earthengine import download_runner as ee_download
    return ee_download.build_params(harness.EE_IMAGE, bands="B4,B3,B2", scale=20, format="ZIPPED_GEO_TIFF_PER_BAND",
                                    project="my-project", name="restart_{}".format(token),
                                    aoi=harness._square(-122.0859, 37.0436, 0.01))


def _eosda_params(token: str) -> Dict[str, Any]:
    from plugin.core.providers.eosda import client as eosda
    p = eosda.build_params(harness.EOSDA_VIEW, "B04,B8A,B11", True, None, "restart_{}".format(token))   # a zip
    p["aoi"] = harness._square(-104.8800, 27.1700, 0.008)
    return p


def _export_params(token: str) -> Dict[str, Any]:
    from plugin.core.providers.earthengine import export_runner as ee_export
    return ee_export.build_params(harness.EE_IMAGE, bands="B4,B3,B2", scale=30, description="restart_{}".format(token),
                                  destination="gcs", bucket="bkt", prefix="restart/{}".format(token),
                                  project="my-project", aoi=harness._square(-122.0859, 37.0436, 0.01))


def _eodag_params(token: str) -> Dict[str, Any]:
    p = harness._eodag_params(2, token)          # the orderable product: order, status, then the zip
    return p


# The Earth Engine download runs one request at a time here: with more, the budget may split the
# image into more tiles when the requests it measured were slow, and a session that planned after a
# kill measured other requests than the reference run -- a tile plan of its own, the same pixels
# in other bytes.  (A plan once made is kept across restarts: tests/core/test_ee_budget.py.)
KINDS = [
    Kind("ee_download", "Earth Engine download", "ee", {
        "creating": lambda: Gate("ee_download/creating", _post("/thumbnails")),
        "submitted": lambda: Gate("ee_download/submitted", _get(lambda p: p.endswith(":getPixels"))),
        "downloading": lambda: Gate("ee_download/downloading", _get(lambda p: p.endswith(":getPixels")),
                                    where="body"),
    }, True, _ee_params, lambda base: dict(harness._ee_settings(base), ee_max_concurrency=1),
         {"token": harness.EE_TOKEN}),
    Kind("eosda", "EOSDA", "eosda", {
        "creating": lambda: Gate("eosda/creating", _post("/api/gdw/api")),
        "submitted": lambda: Gate("eosda/submitted", _get(_eosda_status)),
        "running": lambda: Gate("eosda/running", _get(_eosda_status), skip=1),
        "downloading": lambda: Gate("eosda/downloading", _get(_eosda_status, kind="file"), where="body"),
    }, True, _eosda_params, harness._eosda_settings, {"api_key": harness.EOSDA_KEY}),
    Kind("ee_export", "Earth Engine export", "ee", {
        "creating": lambda: Gate("ee_export/creating", _post("/image:export"), where="response"),
        "submitted": lambda: Gate("ee_export/submitted", _get(lambda p: "/operations/" in p)),
        "running": lambda: Gate("ee_export/running", _get(lambda p: "/operations/" in p), skip=1),
        "downloading": lambda: Gate("ee_export/downloading", _get(lambda p: p.startswith("/storage/"), kind="file"),
                                    where="body"),
    }, False, _export_params, harness._export_settings, {"token": harness.EE_TOKEN}),
    Kind("eodag", "eodag (ordered product)", "eodag", {
        "creating": lambda: Gate("eodag/creating", _post("/dataaccess/download")),
        # the first status check is part of placing the order; the job saves the order after it
        "submitted": lambda: Gate("eodag/submitted", _get(lambda p: p.rstrip("/") == "/dataaccess/downloads"),
                                  skip=1),
        "running": lambda: Gate("eodag/running", _get(lambda p: p.rstrip("/") == "/dataaccess/downloads"), skip=1),
        "downloading": lambda: Gate("eodag/downloading", _get(lambda p: p.startswith("/dataaccess/download/"),
                                                              kind="file"), where="body"),
    }, True, _eodag_params, harness._eodag_settings, dict(harness.EODAG_CREDENTIALS)),
]


@dataclass
class Kill:
    """One job at one SIGKILL."""

    phase: str               # the round (process) it was killed in
    held_at: str             # where the job was held: a phase, "finished", or "-"
    state: str               # its state in the job store at the kill
    part_files: int          # .part files on disk (resumable downloads)
    extract_dirs: int        # half-extracted temporary folders
    server_ids: List[str]    # keys of job.server saved at the kill


@dataclass
class RestartResult:
    kills: Dict[str, List[Kill]] = field(default_factory=dict)          # provider -> kills
    final_state: Dict[str, str] = field(default_factory=dict)
    final_error: Dict[str, str] = field(default_factory=dict)
    identical: Dict[str, bool] = field(default_factory=dict)
    gdal_ok: Dict[str, bool] = field(default_factory=dict)
    outputs: Dict[str, int] = field(default_factory=dict)
    leftovers: Dict[str, List[str]] = field(default_factory=dict)
    server_jobs: Dict[str, str] = field(default_factory=dict)          # provider -> "what was counted"
    server_ok: Dict[str, bool] = field(default_factory=dict)
    temp_left: List[str] = field(default_factory=list)   # what the killed sessions left in their TMPDIR
    processes: int = 0
    seconds: float = 0.0
    problems: List[str] = field(default_factory=list)


def _store_jobs(store_path: str) -> Dict[str, dict]:
    try:
        with open(store_path, "r", encoding="utf-8") as handle:
            return {j["id"]: j for j in json.load(handle).get("jobs", [])}
    except (OSError, ValueError):
        return {}


def _gdal_opens(path: str) -> bool:
    from osgeo import gdal
    if not path.lower().endswith((".tif", ".tiff", ".jp2", ".vrt")):
        return True
    try:
        ds = gdal.Open(path)
        if ds is None:
            return False
        band = ds.GetRasterBand(1)
        band.Checksum()
        return True
    except RuntimeError:
        return False


class _Sims:
    def __init__(self, workdir: str, seed: int):
        from tests.sims.ee_export_sim import ExportSimulator
        from tests.sims.eosda_sim import EosdaSimulator
        self.ee = ExportSimulator(tokens=(harness.EE_TOKEN,), projects=("my-project",), buckets=("bkt",),
                                  pending_seconds=0.05, running_seconds=0.1).start()
        self.eosda = EosdaSimulator(api_keys=(harness.EOSDA_KEY,), polls_to_start=1, polls_to_done=2).start()
        self.eodag_env = harness._EodagSim()
        self.eodag_env.sim.polls_to_done = 3
        self.eodag = self.eodag_env.sim
        self.proxies = {"ee": FaultProxy(self.ee.url, seed).start(),
                        "eosda": FaultProxy(self.eosda.url, seed).start(),
                        "eodag": FaultProxy(self.eodag.url, seed).start()}

    def url(self, kind: Kind, tag: str) -> str:
        return self.proxies[kind.proxy].url_for(tag)

    def stop(self) -> None:
        for proxy in self.proxies.values():
            proxy.stop()
        for sim in (self.ee, self.eosda):
            sim.stop()
        self.eodag_env.stop()


def _worker_env(base: str, sims: _Sims, workdir: str) -> Dict[str, str]:
    from tests.sims import eodag_sim
    yaml_path = os.path.join(workdir, "eodag_providers.yml")
    with open(yaml_path, "w", encoding="utf-8") as handle:
        handle.write(eodag_sim.provider_yaml(sims.proxies["eodag"].url_for("eodag")))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EO_DOWNLOADER_", "EODAG", "QGIS_"))}
    env.update(sims.eodag_env.env)
    env.update({
        "HOME": os.path.join(workdir, "home"), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ROOT,
        "XDG_RUNTIME_DIR": os.path.join(workdir, "runtime"), "TMPDIR": os.path.join(workdir, "tmp"),
        "EO_DOWNLOADER_EE_API_URL": sims.proxies["ee"].url_for("ee"),
        "EO_DOWNLOADER_GCS_API_URL": sims.proxies["ee"].url_for("ee"),
        "EO_DOWNLOADER_DRIVE_API_URL": sims.proxies["ee"].url_for("ee"),
        "EO_DOWNLOADER_EOSDA_API_URL": sims.proxies["eosda"].url_for("eosda"),
        "EO_DOWNLOADER_EODAG_PROVIDERS_FILE": yaml_path,
        "EO_DOWNLOADER_EE_TOKEN": harness.EE_TOKEN,
        "EO_DOWNLOADER_EOSDA_API_KEY": harness.EOSDA_KEY,
        "EO_DOWNLOADER_EODAG_USERNAME": harness.EODAG_CREDENTIALS["username"],
        "EO_DOWNLOADER_EODAG_PASSWORD": harness.EODAG_CREDENTIALS["password"],
    })
    for d in (env["HOME"], env["XDG_RUNTIME_DIR"], env["TMPDIR"]):
        os.makedirs(d, exist_ok=True)
    os.chmod(env["XDG_RUNTIME_DIR"], 0o700)
    return env


def run_restarts(workdir: Optional[str] = None, seed: Optional[int] = None, phase_timeout: float = 90.0,
                 log=print) -> RestartResult:
    seed = harness.seed_from_env() if seed is None else seed
    result = RestartResult()
    started = time.monotonic()
    own = workdir is None
    workdir = workdir or tempfile.mkdtemp(prefix="eo-reliability-restart-")
    sims = _Sims(workdir, seed)
    try:
        _run(sims, workdir, result, phase_timeout, log)
    finally:
        sims.stop()
        result.seconds = time.monotonic() - started
        if own:
            shutil.rmtree(workdir, ignore_errors=True)
    return result


def _references(sims: _Sims, workdir: str) -> Dict[str, List]:
    """Each kind's job run once here, without any kill: the sha256 the killed jobs must end with."""
    from plugin.core.jobs import JobState, JobStore
    store = JobStore(os.path.join(workdir, "reference-jobs.json"))
    refs = {}
    for kind in KINDS:
        token = "ref_{}".format(kind.provider)
        folder = os.path.join(workdir, "reference", kind.provider)
        case = harness.ProviderCase(kind.provider, kind.label, None, None, 0, kind.settings, dict(kind.credentials), [])
        job, error = harness.run_one(case, kind.params(token), folder, sims.url(kind, "ref"), harness.fast_retry(),
                                     store)
        if job.state != JobState.DONE:
            raise AssertionError("reference run of {} failed: {}".format(kind.provider, job.error))
        refs[kind.provider] = harness.fingerprint(job.outputs, folder, token)
    return refs


def _run(sims: _Sims, workdir: str, result: RestartResult, phase_timeout: float, log) -> None:
    refs = _references(sims, workdir)
    sims.ee.running_seconds = 3600.0        # exports started from now on stay RUNNING until released
    profile = os.path.join(workdir, "profile")
    markers = os.path.join(workdir, "markers")
    os.makedirs(profile, exist_ok=True)
    os.makedirs(markers, exist_ok=True)
    store_path = os.path.join(profile, "eo_downloader", "jobs.json")
    env = _worker_env(workdir, sims, workdir)
    token = "k" + uuid.uuid4().hex[:8]
    specs = []
    for kind in KINDS:
        specs.append({"provider": kind.provider, "params": kind.params(token), "title": kind.label,
                      "output_dir": os.path.join(workdir, "out", kind.provider), "id": uuid.uuid4().hex})
    jobs_file = os.path.join(workdir, "jobs.json")
    with open(jobs_file, "w", encoding="utf-8") as handle:
        json.dump(specs, handle)
    ids = {s["provider"]: s["id"] for s in specs}
    folders = {s["provider"]: s["output_dir"] for s in specs}

    for round_no, phase in enumerate(PHASES):
        later = PHASES[round_no:]
        gates: Dict[str, List[Gate]] = {}
        for proxy in sims.proxies.values():
            proxy.gates = []       # (never released: what they hold belonged to the killed process)
        for kind in KINDS:
            for p in later:
                if p in kind.gates:
                    gates.setdefault(kind.provider, []).append(sims.proxies[kind.proxy].add_gate(kind.gates[p]()))
        if phase == "downloading":
            # let the export finish on Earth Engine (it has been RUNNING since it started)
            for op in sims.ee.operations():
                if (op.get("metadata") or {}).get("description") == "restart_{}".format(token):
                    sims.ee.set_timing(op["name"], running=0.0)
        for name in os.listdir(markers):
            os.remove(os.path.join(markers, name))
        wenv = dict(env, EO_RELIABILITY_PAUSE_EXTRACT="1")
        mode = "submit" if round_no == 0 else "resume"
        proc = subprocess.Popen([sys.executable, "-m", "tests.reliability.restart_worker", profile, jobs_file, mode,
                                 markers], cwd=ROOT, env=wenv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        result.processes += 1
        held = _wait_held(proc, gates, markers, store_path, ids, folders, phase_timeout)
        jobs = _store_jobs(store_path)
        proc.send_signal(signal.SIGKILL)
        output = proc.communicate(timeout=30)[0].decode("utf-8", "replace")
        if held is None:
            result.problems.append("round {}: not every job reached a kill point within {} s; worker output:\n{}"
                                   .format(phase, phase_timeout, output[-3000:]))
            return
        for kind in KINDS:
            job = jobs.get(ids[kind.provider])
            folder = folders[kind.provider]
            files, partial = harness.scan_outputs(folder)
            result.kills.setdefault(kind.provider, []).append(Kill(
                phase, held.get(kind.provider, "-"), job["state"] if job else "MISSING",
                sum(1 for p in partial if p.endswith(".part")),
                sum(1 for p in partial if ".extract-" in os.path.basename(p)),
                sorted((job or {}).get("server", {}).keys())))
            if job is None:
                result.problems.append("round {}: job {} is not in the store".format(phase, kind.provider))
        log("round {}: killed worker {} with {}".format(
            phase, proc.pid, {k: v[-1].held_at for k, v in result.kills.items()}))

    # -- the session after the last kill runs everything to the end -------------------------------
    for proxy in sims.proxies.values():
        proxy.gates = []
    proc = subprocess.Popen([sys.executable, "-m", "tests.reliability.restart_worker", profile, jobs_file, "resume",
                             markers], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    result.processes += 1
    try:
        output = proc.communicate(timeout=180)[0].decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        proc.kill()
        output = proc.communicate()[0].decode("utf-8", "replace")
        result.problems.append("the final session did not finish in 180 s:\n" + output[-3000:])
        return
    if proc.returncode != 0:
        result.problems.append("the final session exited with {}:\n{}".format(proc.returncode, output[-3000:]))
    jobs = _store_jobs(store_path)
    from plugin.core.jobs import JobState
    for kind in KINDS:
        job = jobs.get(ids[kind.provider]) or {}
        name = kind.provider
        result.final_state[name] = job.get("state", "MISSING")
        result.final_error[name] = job.get("error", "")
        outputs = [o for o in job.get("outputs", []) if isinstance(o, str)]
        result.outputs[name] = len(outputs)
        result.identical[name] = harness.fingerprint(outputs, folders[name], token) == refs[name]
        result.gdal_ok[name] = bool(outputs) and all(os.path.isfile(o) and _gdal_opens(o) for o in outputs)
        files, partial = harness.scan_outputs(folders[name])
        extra = harness.foreign(files, outputs, folders[name], _keeps_case(name))
        result.leftovers[name] = partial + extra
        if job.get("state") != JobState.DONE:
            result.problems.append("{}: ended {} ({})".format(name, job.get("state"), job.get("error")))
    _count_server_jobs(sims, token, result)
    tmp = os.path.join(workdir, "tmp")
    result.temp_left = sorted(os.listdir(tmp)) if os.path.isdir(tmp) else []


def _keeps_case(provider: str):
    case = harness.CASES.get(provider)
    return case


def _count_server_jobs(sims: _Sims, token: str, result: RestartResult) -> None:
    ee_log = sims.proxies["ee"].log_of("ee")
    creates = sum(1 for a in ee_log if a.method == "POST" and a.path.endswith("/thumbnails") and a.forwarded)
    result.server_jobs["ee_download"] = "thumbnails created: {}".format(creates)
    result.server_ok["ee_download"] = creates == 1
    with sims.eosda.lock:
        tasks = sum(1 for b in sims.eosda.created_bodies
                    if b.get("params", {}).get("reference") == "restart_{}".format(token))
    result.server_jobs["eosda"] = "tasks created: {}".format(tasks)
    result.server_ok["eosda"] = tasks == 1
    sent = sum(1 for a in ee_log if a.method == "POST" and a.path.endswith("/image:export") and a.forwarded)
    ops = sum(1 for op in sims.ee.operations()
              if (op.get("metadata") or {}).get("description") == "restart_{}".format(token))
    result.server_jobs["ee_export"] = "export operations: {} (image:export sent {} times, same requestId)".format(
        ops, sent)
    result.server_ok["ee_export"] = ops == 1
    orders = sum(1 for a in sims.proxies["eodag"].log_of("eodag")
                 if a.method == "POST" and a.path.rstrip("/") == "/dataaccess/download" and a.forwarded)
    result.server_jobs["eodag"] = "orders placed: {}".format(orders)
    result.server_ok["eodag"] = orders == 1


def _wait_held(proc, gates: Dict[str, List[Gate]], markers: str, store_path: str, ids: Dict[str, str],
               folders: Dict[str, str], timeout: float) -> Optional[Dict[str, str]]:
    """Wait until every job is held (gate or extraction pause) or finished; {provider: where}."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            return None
        held: Dict[str, str] = {}
        paused = []
        for name in os.listdir(markers):
            if name.startswith("extract-") and not name.endswith(".tmp"):
                with open(os.path.join(markers, name), "r", encoding="utf-8") as handle:
                    paused.append((name, handle.read()))
        jobs = _store_jobs(store_path)
        for kind in KINDS:
            for gate in gates.get(kind.provider, []):
                if gate.held.is_set():
                    held[kind.provider] = gate.name.split("/", 1)[1]
            for name, dest in paused:
                if (kind.provider == "eodag" and "-eodag-" in name) or \
                        (dest and dest.startswith(folders[kind.provider] + os.sep)):
                    held[kind.provider] = "extracting"
            job = jobs.get(ids[kind.provider])
            if kind.provider not in held and job is not None and job.get("state") in ("done", "failed", "cancelled"):
                held[kind.provider] = job["state"]
        if len(held) == len(KINDS):
            time.sleep(0.3)        # a moment for the held job to write what it writes at that point
            return held
        time.sleep(0.05)
    return None
