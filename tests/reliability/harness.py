"""What the reliability tests and ``scripts/reliability_report.py`` share.

* :data:`CASES` -- one :class:`ProviderCase` per provider: how to start its
  simulator, small job parameters, settings, credentials, the messages a job may
  fail with under faults, and how to count its server-side jobs.  Adding a provider
  to every campaign is one entry in :func:`provider_cases`.
* :func:`run_campaign` -- N jobs of one provider through the :class:`~.proxy.FaultProxy`,
  several at a time, each compared with a fault-free run of the same parameters.
* :func:`scan_outputs` -- what a job left in its folder (partial files, temp dirs).

Everything is seeded (``EO_RELIABILITY_SEED``, default :data:`DEFAULT_SEED`) and the
seed is printed with every result, so a failing campaign can be run again as it was.
"""
import concurrent.futures
import hashlib
import os
import re
import shutil
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple

from plugin.core.transfer import http as eohttp
from plugin.core.jobs import Job, JobState, JobStore
from plugin.core.runner import RunContext, run_job

from .proxy import FaultProxy, FaultRates, NO_FAULTS

DEFAULT_SEED = 20240611
MAX_ATTEMPTS = 4


def seed_from_env() -> int:
    value = os.environ.get("EO_RELIABILITY_SEED", "").strip()
    return int(value) if value else DEFAULT_SEED


# ---------------------------------------------------------------------------------------------
# retry policy with a recorded, shortened sleep
# ---------------------------------------------------------------------------------------------
class SleepRecorder:
    """``RetryPolicy.sleep``: records every delay the client asked for and sleeps a fraction of it."""

    def __init__(self, cap: float = 0.01):
        self.cap = cap
        self.lock = threading.Lock()
        self.delays: List[float] = []

    def __call__(self, seconds: float) -> None:
        with self.lock:
            self.delays.append(float(seconds))
        time.sleep(min(self.cap, max(0.0, seconds)))


def fast_retry(sleeper: Optional[SleepRecorder] = None) -> eohttp.RetryPolicy:
    return eohttp.RetryPolicy(max_attempts=MAX_ATTEMPTS, base_delay=0.02, max_delay=0.5, max_total=120.0,
                              sleep=sleeper)


FAST_TIMEOUTS = eohttp.Timeouts(connect=3.0, read=1.5)


# ---------------------------------------------------------------------------------------------
# provider cases
# ---------------------------------------------------------------------------------------------
@dataclass
class ProviderCase:
    provider: str                                  # runner id
    label: str
    start_sim: Callable[[], Any]                   # -> started simulator (.url, .stop())
    params: Callable[[int, str], Dict[str, Any]]   # (template, unique token) -> job params
    templates: int
    settings: Callable[[str], Dict[str, Any]]      # base URL (through the proxy) -> settings
    credentials: Dict[str, Any]
    expected_failures: List[Tuple[str, str]]       # (label, regex) a job may fail with under faults
    server_jobs: Optional[Callable[[Any, str, list], int]] = None   # (sim, token, proxy attempts) -> jobs made
    expected_server_jobs: Optional[Callable[[Dict[str, Any]], int]] = None
    idempotent_post: Callable[[str], bool] = lambda path: False
    workers: int = 6
    note: str = ""
    keeps: Callable[[str], bool] = lambda rel: False      # other files a finished job leaves on purpose
    rates: Optional[FaultRates] = None                    # None: the default FaultRates()
    # (method, path) -> (most failed attempts in a row allowed, why) where a provider retries above the
    # HTTP policy; None: the policy's MAX_ATTEMPTS
    attempt_limit: Callable[[str, str], Optional[Tuple[int, str]]] = lambda method, path: None
    # the attempt counts a job that gave up may name (the policy's, and the provider's own policies)
    gave_up_after: Tuple[int, ...] = (MAX_ATTEMPTS,)

    def classify_failure(self, message: str) -> Optional[str]:
        for label, pattern in self.expected_failures:
            if re.search(pattern, message or "", re.S):
                return label
        return None


# Messages every provider built on plugin.core.transfer.http / transfer may end with when the
# network keeps failing past the retry policy (MAX_ATTEMPTS attempts).
def gave_up_failures(attempts: int) -> List[Tuple[str, str]]:
    """The messages of a transfer that gave up after ``attempts`` attempts."""
    gave_up = r"\(gave up after {} attempts\)".format(attempts)
    return [
        ("HTTP 429 after {} attempts".format(attempts), r"HTTP 429\b.*" + gave_up),
        ("HTTP 503 after {} attempts".format(attempts), r"HTTP 503\b.*" + gave_up),
        ("HTTP 500 (no body) after {} attempts".format(attempts), r"HTTP 500\b.*" + gave_up),
        ("read timed out after {} attempts".format(attempts),
         r"the server stopped answering \(read timed out\) " + gave_up),
        ("connection dropped after {} attempts".format(attempts),
         r"(connection error|connection closed|the connection closed after|read timed out).*" + gave_up),
    ]


COMMON_FAILURES = gave_up_failures(MAX_ATTEMPTS) + [
    ("corrupt or truncated archive", r"The archive \S+ is corrupt or truncated"),
    ("checksum mismatch", r"is corrupt: its (md5|crc32c|sha256) checksum is"),
]

EE_TOKEN = "ee-reliability-token"
EOSDA_KEY = "eosda-reliability-key-0123456789"

# Small areas inside the simulated Sentinel-2 tile T10SEG (California).
_EE_BASE = (-122.0859, 37.0436)
EE_IMAGE = "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG"


def _square(x0: float, y0: float, size: float) -> Dict[str, Any]:
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size],
                                                [x0, y0 + size], [x0, y0]]]}


def _ee_params(template: int, token: str) -> Dict[str, Any]:
    from plugin.core.providers.earthengine import download_runner as ee_download
    formats = ["ZIPPED_GEO_TIFF_PER_BAND", "ZIPPED_GEO_TIFF", "GEO_TIFF", "NPY"]
    bands = ["B4,B3,B2", "B8", "B11,B8", "B2"]
    x0 = _EE_BASE[0] + 0.004 * template
    return ee_download.build_params(EE_IMAGE, bands=bands[template % 4], scale=20 if template % 3 else 30,
                                    format=formats[template % 4], project="my-project",
                                    name="rel_{}".format(token), aoi=_square(x0, _EE_BASE[1], 0.006))


def _ee_sim():
    from tests.sims.ee_sim import EeSimulator
    return EeSimulator(tokens=(EE_TOKEN,), projects=("my-project",)).start()


EE_TILE_ATTEMPTS = 3


def _ee_settings(base: str) -> Dict[str, Any]:
    return {"ee_api": base, "ee_max_concurrency": 2, "ee_tile_attempts": EE_TILE_ATTEMPTS}


def _ee_pixels_attempts() -> int:
    from plugin.core.providers.earthengine import client as ee_client
    return ee_client.tile_retry_policy(fast_retry()).max_attempts


def _ee_attempt_limit(method: str, path: str) -> Optional[Tuple[int, str]]:
    if method == "GET" and path.endswith(":getPixels"):
        return (_ee_pixels_attempts(), "getPixels is retried with the pixels' policy (a few more, quick attempts)")
    if method == "POST" and path.endswith("/thumbnails"):
        return (MAX_ATTEMPTS * EE_TILE_ATTEMPTS,
                "a piece whose download id cannot be created is retried alone (ee_tile_attempts={}), each time "
                "with the HTTP policy".format(EE_TILE_ATTEMPTS))
    return None


EOSDA_VIEW = "S2/13/R/EL/2023/7/19/0"
_EOSDA_BASE = (-104.8800, 27.1700)


def _eosda_params(template: int, token: str) -> Dict[str, Any]:
    from plugin.core.providers.eosda import client as eosda
    bands = ["B04", "B02,B03,B04", "B04,B8A,B11", "B02,B03"][template % 4]     # jp2, tif, zip, tif
    metadata = ["tile_md"] if template % 4 == 3 else None                         # zip with metadata
    p = eosda.build_params(EOSDA_VIEW, bands, True, metadata, "rel_{}".format(token))
    x0 = _EOSDA_BASE[0] + 0.003 * template
    if template % 5 == 4:      # two parts: two tasks
        p["aoi"] = {"type": "MultiPolygon", "coordinates": [_square(x0, _EOSDA_BASE[1], 0.004)["coordinates"],
                                                            _square(x0 + 0.01, _EOSDA_BASE[1], 0.004)["coordinates"]]}
    else:
        p["aoi"] = _square(x0, _EOSDA_BASE[1], 0.005)
    return p


def _eosda_sim(mode: str = "file"):
    from tests.sims.eosda_sim import EosdaSimulator
    return EosdaSimulator(api_keys=(EOSDA_KEY,), mode=mode, polls_to_start=1, polls_to_done=2).start()


def _eosda_settings(base: str) -> Dict[str, Any]:
    return {"eosda_api": base, "eosda_poll_initial": 0.01, "eosda_poll_factor": 1.5, "eosda_poll_max": 0.05}


def _eosda_server_jobs(sim, token: str, attempts) -> int:
    with sim.lock:
        refs = [str(b.get("params", {}).get("reference", "")) for b in sim.created_bodies]
    return sum(1 for ref in refs if re.fullmatch(r"rel_{}(_part\d+)?".format(re.escape(token)), ref))


def _eosda_expected(params: Dict[str, Any]) -> int:
    return len(params["aoi"]["coordinates"]) if params["aoi"]["type"] == "MultiPolygon" else 1


def _export_params(template: int, token: str) -> Dict[str, Any]:
    from plugin.core.providers.earthengine import export_runner as ee_export
    x0 = _EE_BASE[0] + 0.004 * template
    bands = ["B4,B3,B2", "B8", "B11", "B2,B3"][template % 4]
    return ee_export.build_params(EE_IMAGE, bands=bands, scale=30, description="rel_{}".format(token),
                                  destination="gcs", bucket="bkt", prefix="rel/{}".format(token),
                                  file_dimensions=256 if template % 4 == 3 else None,
                                  project="my-project", aoi=_square(x0, _EE_BASE[1], 0.006 + 0.004 * (template % 4 == 3)))


def _export_sim():
    from tests.sims.ee_export_sim import ExportSimulator
    return ExportSimulator(tokens=(EE_TOKEN,), projects=("my-project",), buckets=("bkt",),
                           pending_seconds=0.02, running_seconds=0.08).start()


def _export_settings(base: str) -> Dict[str, Any]:
    return {"ee_api": base, "gcs_api": base, "drive_api": base, "ee_export_poll_initial": 0.01,
            "ee_export_poll_max": 0.05}


def _export_server_jobs(sim, token: str, attempts) -> int:
    return sum(1 for op in sim.operations()
               if (op.get("metadata") or {}).get("description") == "rel_{}".format(token))


EODAG_CREDENTIALS = {"username": "sim-user", "password": "sim-password-0123456789"}


def _eodag_params(template: int, token: str) -> Dict[str, Any]:
    from plugin.core.providers.eodag import runner as eodag_download
    from tests.sims import eodag_sim
    ids = [p["id"] for p in eodag_sim.CATALOGUE]
    # online L2A zip, L1C zip, an orderable L2A (order, status, 202 then the zip), a bare GeoTIFF product
    product = [ids[0], ids[1], ids[2], ids[3]][template % 4]
    aoi = {"type": "Polygon", "coordinates": [[[1.2750, 43.5950], [1.2850, 43.5960], [1.2860, 43.6010],
                                               [1.2790, 43.6030], [1.2755, 43.6010], [1.2750, 43.5950]]]}
    return eodag_download.build_params("eodag_sim", "S2_MSI_L2A" if template % 4 != 1 else "S2_MSI_L1C",
                                       "2023-06-01", "2023-07-31", 100, aoi, product_ids=product,
                                       bands="B04,B03,B02", order=True, wait=EODAG_WAIT, timeout=EODAG_TIMEOUT)


class _EodagSim:
    """The eodag simulator with eodag confined to a temporary HOME (no user files, no internet)."""

    def __init__(self):
        from tests.sims import eodag_sim
        self.dir = tempfile.mkdtemp(prefix="eo-reliability-eodag-")
        self.env = eodag_sim.isolated_environment(self.dir)
        self.saved = {k: os.environ.get(k) for k in list(self.env) + [k for k in os.environ if k.startswith("EODAG")]}
        for key in [k for k in os.environ if k.startswith("EODAG__")]:
            del os.environ[key]
        os.environ.update(self.env)
        self.sim = eodag_sim.EodagSimulator(credentials=(EODAG_CREDENTIALS["username"],
                                                         EODAG_CREDENTIALS["password"])).start()
        self.url = self.sim.url

    def stop(self):
        self.sim.stop()
        for key, value in self.saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(self.dir, ignore_errors=True)


def _eodag_orders(sim, token: str, attempts) -> int:
    """Orders the simulator received from this job (forwarded order POSTs)."""
    return sum(1 for a in attempts if a.method == "POST" and a.path.rstrip("/") == "/dataaccess/download"
               and a.forwarded)


def _eodag_expected_orders(params: Dict[str, Any]) -> int:
    from tests.sims import eodag_sim
    offline = {p["id"] for p in eodag_sim.CATALOGUE if not p.get("online", True)}
    return sum(1 for pid in params.get("product_ids") or [] if pid in offline)


EODAG_WAIT, EODAG_TIMEOUT = 0.002, 1.0      # minutes, as in the job parameters


def _eodag_attempt_limit(method: str, path: str) -> Optional[Tuple[int, str]]:
    from tests.sims import eodag_sim
    offline = {p["id"] for p in eodag_sim.CATALOGUE if not p.get("online", True)}
    ordered = path.rstrip("/").startswith(("/dataaccess/downloads", "/dataaccess/download/")) or \
        (path.startswith("/download/") and path.rstrip("/").rsplit("/", 1)[-1] in offline)
    if method == "GET" and ordered:
        return (int(EODAG_TIMEOUT / EODAG_WAIT) + 1,
                "while an order is prepared eodag takes a failed status or download request for 'not ready yet' "
                "and tries again every WAIT until TIMEOUT ({} / {} min)".format(EODAG_WAIT, EODAG_TIMEOUT))
    return None


def _eodag_keeps(rel: str) -> bool:
    """eodag keeps the whole product (extracted folder or file) beside the cut bands, by design."""
    from tests.sims import eodag_sim
    return rel.split(os.sep)[0] in {p["id"] for p in eodag_sim.CATALOGUE}


# eodag's HTTP timeouts are eodag's own (5 s requests, 20 s searches, 60 s streams): no stalls.
_EODAG_RATES = FaultRates(pre={"429": 0.06, "503": 0.05, "500_empty": 0.03},
                          body={"drop": 0.08, "truncate": 0.05})


def _eodag_settings(base: str) -> Dict[str, Any]:
    from tests.sims import eodag_sim
    return {"eodag_providers_yaml": eodag_sim.provider_yaml(base)}


def provider_cases() -> Dict[str, ProviderCase]:
    """Every provider under test; a new provider is one more entry here."""
    ee_failures = COMMON_FAILURES + gave_up_failures(_ee_pixels_attempts()) + [
        ("Earth Engine error after retries",
         r"^Earth Engine: (.*injected by the reliability proxy|.*HTTP 500 .*\(gave up after 4 attempts\))"),
        ("Cloud Storage error after retries",
         r"^Cloud Storage: (.*injected by the reliability proxy|.*HTTP 500 .*\(gave up after 4 attempts\))"),
    ]
    eosda_failures = COMMON_FAILURES + [
        ("EOSDA rejected the request after retries", r"EOSDA rejected the download request \(HTTP (429|500|503)\)"),
        ("EOSDA status not available after retries", r"EOSDA could not report on task \S+ \(HTTP (429|500|503)\)"),
    ]
    eodag_failures = COMMON_FAILURES + [
        ("eodag search failed after retries", r"The search on eodag_sim failed: .*\(gave up after 4 attempts\)"),
        ("eodag order refused after retries", r"Ordering \S+ failed: .*\(gave up after 4 attempts\)"),
        ("eodag download failed after retries", r"The download of \S+ failed: .*\(gave up after 4 attempts\)"),
    ]
    cases = {
        "ee_download": ProviderCase(
            "ee_download", "Earth Engine download", _ee_sim, _ee_params, 8, _ee_settings, {"token": EE_TOKEN},
            ee_failures, attempt_limit=_ee_attempt_limit, gave_up_after=(MAX_ATTEMPTS, _ee_pixels_attempts()),
            note="zips (per band, multi-band), GeoTIFF, NPY; outputs mosaicked to COG"),
        "eosda": ProviderCase(
            "eosda", "EOSDA lbe download", _eosda_sim, _eosda_params, 10, _eosda_settings, {"api_key": EOSDA_KEY},
            eosda_failures, server_jobs=_eosda_server_jobs, expected_server_jobs=_eosda_expected, workers=10,
            note="jp2, tif and zip results, one- and two-part AOIs"),
        "ee_export": ProviderCase(
            "ee_export", "Earth Engine export (Cloud Storage)", _export_sim, _export_params, 8, _export_settings,
            {"token": EE_TOKEN}, ee_failures, server_jobs=_export_server_jobs,
            expected_server_jobs=lambda p: 1,
            idempotent_post=lambda path: path.endswith("/image:export"), workers=10,
            note="single and split (tiled) exports; image:export answers lost (requestId)"),
        "eodag": ProviderCase(
            "eodag", "eodag (STAC search, order, download, cut)", _EodagSim, _eodag_params, 4, _eodag_settings,
            dict(EODAG_CREDENTIALS), eodag_failures, workers=4, keeps=_eodag_keeps, rates=_EODAG_RATES,
            server_jobs=_eodag_orders, expected_server_jobs=_eodag_expected_orders,
            attempt_limit=_eodag_attempt_limit,
            note="zip (L2A, L1C), ordered product, bare GeoTIFF; cut to the AOI; no stalls (eodag's own "
                 "timeouts: 5 s requests, 20 s searches, 60 s streams)"),
    }
    return cases


# ---------------------------------------------------------------------------------------------
# scanning a job's folder
# ---------------------------------------------------------------------------------------------
PARTIAL_SUFFIXES = (".part", ".part.json", ".part.json.tmp", ".part.tif", ".part.vrt", ".tmp", "~")


def is_partial(name: str) -> bool:
    base = os.path.basename(name)
    return base.endswith(PARTIAL_SUFFIXES) or ".extract-" in base or base.startswith(".jobs-")


def bookkeeping(files: List[str], folder: str, case: Optional["ProviderCase"] = None) -> List[str]:
    """Files a finished job may keep beside its outputs: the ``.downloaded`` records (eodag's scheme,
    used by the transfer engine so a product is not fetched twice) and what the provider keeps on purpose."""
    out = []
    for f in files:
        rel = os.path.relpath(f, folder)
        if rel.split(os.sep)[0] == ".downloaded" or (case is not None and case.keeps(rel)):
            out.append(f)
    return out


def foreign(files: List[str], outputs: List[str], folder: str, case: Optional["ProviderCase"] = None) -> List[str]:
    """The files a finished job left that are neither its outputs, an output's GDAL side file
    (``<output>.aux.xml``: e.g. the no-data value an export declares), nor :func:`bookkeeping`."""
    return sorted(set(files) - set(outputs) - {o + ".aux.xml" for o in outputs}
                  - set(bookkeeping(files, folder, case)))


def scan_outputs(folder: str) -> Tuple[List[str], List[str]]:
    """(every file under ``folder``, the partial/temporary files and folders among them), absolute paths."""
    files, partial = [], []
    if not os.path.isdir(folder):
        return files, partial
    for root, dirs, names in os.walk(folder):
        for d in dirs:
            if ".extract-" in d or d.startswith(".ee-"):
                partial.append(os.path.join(root, d))
        for n in names:
            path = os.path.join(root, n)
            files.append(path)
            if is_partial(n):
                partial.append(path)
    return sorted(files), sorted(partial)


TEXT_OUTPUTS = (".vrt", ".xml", ".json", ".txt")


def sha256_of(path: str, token: Optional[str] = None, folder: Optional[str] = None) -> str:
    """sha256 of a file; for text outputs (a VRT names its band files) with the job's token and folder masked."""
    if token and path.lower().endswith(TEXT_OUTPUTS):
        with open(path, "rb") as handle:
            data = handle.read()
        if folder:
            data = data.replace(os.path.abspath(folder).encode("utf-8"), b"{folder}")
        return hashlib.sha256(data.replace(token.encode("utf-8"), b"{job}")).hexdigest()
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fingerprint(outputs: List[str], folder: str, token: str) -> List[Tuple[str, str]]:
    """Sorted (name relative to the folder with the job's token masked, sha256) of the file outputs."""
    out = []
    for path in outputs:
        if not os.path.isfile(path):
            out.append((path, "MISSING"))
            continue
        rel = os.path.relpath(path, folder).replace(token, "{job}")
        out.append((rel, sha256_of(path, token, folder)))
    return sorted(out)


# ---------------------------------------------------------------------------------------------
# one job
# ---------------------------------------------------------------------------------------------
@dataclass
class JobRun:
    index: int
    template: int
    token: str
    folder: str
    state: str = ""
    message: str = ""
    outputs: List[str] = field(default_factory=list)
    fingerprint: List[Tuple[str, str]] = field(default_factory=list)
    files: List[str] = field(default_factory=list)
    partial: List[str] = field(default_factory=list)
    failure_class: Optional[str] = None
    seconds: float = 0.0
    job_id: str = ""
    params: Dict[str, Any] = field(default_factory=dict)
    retry_state: str = ""
    retry_message: str = ""
    retry_outputs: List[str] = field(default_factory=list)
    retry_files: List[str] = field(default_factory=list)
    retry_partial: List[str] = field(default_factory=list)


def run_one(case: ProviderCase, params: Dict[str, Any], folder: str, base: str, retry, store: JobStore,
            job: Optional[Job] = None, timeouts=FAST_TIMEOUTS) -> Tuple[Job, Optional[BaseException]]:
    if job is None:
        job = store.add(Job(case.provider, params, title=case.label, output_dir=folder))
    else:
        job = store.update(job.id, state=JobState.QUEUED, error="", message="")
    settings = dict(case.settings(base), retry=retry, timeouts=timeouts)
    ctx = RunContext(job, store=store, credentials=dict(case.credentials), settings=settings,
                     session=eohttp.make_session())
    error = None
    try:
        run_job(job, ctx)
    except BaseException as exc:  # recorded in the store by run_job; kept for the report
        error = exc
    finally:
        try:
            ctx.session.close()
        except Exception:
            pass
    return store.get(job.id), error


# ---------------------------------------------------------------------------------------------
# a campaign
# ---------------------------------------------------------------------------------------------
@dataclass
class CampaignResult:
    provider: str
    label: str
    seed: int
    jobs: int = 0
    done: int = 0
    identical: int = 0
    failed: int = 0
    failed_expected: Counter = field(default_factory=Counter)
    samples: Dict[str, str] = field(default_factory=dict)    # one message per failure class
    unexpected: List[str] = field(default_factory=list)     # human-readable problems (must stay empty)
    retried_ok: int = 0
    leftovers_done: int = 0         # partial files next to a finished job (must be 0)
    resumable_after_failure: int = 0
    leftovers_after_retry: int = 0  # must be 0
    max_streak: int = 0             # most failed attempts in a row of one request before an answer
    max_transfer_streak: int = 0    # most failed attempts in a row within one transfer
    # requests a provider retries above the HTTP policy: why -> [most seen in a row, limit]
    other_limits: Dict[str, List[int]] = field(default_factory=dict)
    limit: int = MAX_ATTEMPTS
    requests: int = 0
    faults: Counter = field(default_factory=Counter)
    server_jobs_ok: Optional[bool] = None
    duplicates: int = 0
    max_delay_asked: float = 0.0
    seconds: float = 0.0
    storm_jobs: int = 0
    note: str = ""

    def to_dict(self) -> Dict[str, Any]:
        """JSON-ready (``dataclasses.asdict`` would turn the Counters into counts of pairs)."""
        out = {f: getattr(self, f) for f in self.__dataclass_fields__}
        out["failed_expected"] = dict(self.failed_expected)
        out["faults"] = dict(self.faults)
        return out

    def summary(self) -> str:
        return ("{p}: seed {s}, {j} jobs: {d} done ({i} byte-identical), {f} failed with an expected message "
                "{fe}; {r} failed jobs retried to done; failed attempts in a row: {m}/{l} per request, {t}/{l} per "
                "transfer; "
                "{req} requests, faults {faults}; unexpected: {u}").format(
            p=self.provider, s=self.seed, j=self.jobs, d=self.done, i=self.identical, f=self.failed,
            fe=dict(self.failed_expected), r=self.retried_ok, m=self.max_streak, l=self.limit, req=self.requests,
            t=self.max_transfer_streak,
            faults=dict(self.faults), u=self.unexpected or "none")


def _streaks(attempts) -> Dict[Tuple[str, str], Tuple[int, int]]:
    """Per request (method + path): (most failed attempts in a row before an answer, most in a row
    within one transfer).

    A *request* streak counts failures before a status line came back (injected errors, stalls);
    it ends at any answer, so it is bounded by the retry policy of ``http.request``.  A *transfer*
    streak starts at an answer whose body broke (drop, truncation, stall, corrupt archive) and
    counts every failure until the body arrives whole; it is bounded by the transfer engine's (or
    the status poll's) shared budget.  A failure the proxy cannot see (a client timeout on an intact
    answer) is not counted, so these are lower bounds of what the client did, never more.
    """
    out: Dict[Tuple[str, str], Tuple[int, int]] = {}
    request: Dict[Tuple[str, str], int] = {}
    transfer: Dict[Tuple[str, str], int] = {}
    kind: Dict[Tuple[str, str], str] = {}
    for a in attempts:
        key = (a.method, a.path)
        body_broken = a.fault is not None and a.status is not None and a.status < 400
        if not a.failed:
            request[key] = 0
            transfer[key] = 0
        elif body_broken:
            request[key] = 0
            # the same URL may answer a status (JSON) and then the file: two operations
            same = kind.get(key) == a.kind
            transfer[key] = transfer.get(key, 0) + 1 if same else 1
            kind[key] = a.kind
        else:
            request[key] = request.get(key, 0) + 1
            if transfer.get(key):
                transfer[key] += 1
        best = out.get(key, (0, 0))
        out[key] = (max(best[0], request.get(key, 0)), max(best[1], transfer.get(key, 0)))
    return out


def run_campaign(case: ProviderCase, jobs: int = 100, seed: Optional[int] = None, workdir: Optional[str] = None,
                 storm_every: int = 5, rates: Optional[FaultRates] = None, log=print) -> CampaignResult:
    """``jobs`` jobs of ``case`` through a fault-injecting proxy; every outcome checked.

    Job i uses parameter template ``i % case.templates``; every ``storm_every``-th job
    gets four times the fault rates (so that some exhaust their retries and the
    failure path is exercised).  A failed job is then run again without faults (the
    Jobs panel's Retry) and must finish identical to the reference, leaving nothing.
    """
    seed = seed_from_env() if seed is None else seed
    rates = rates or case.rates or FaultRates()
    storm = rates.scaled(4.0)
    result = CampaignResult(case.provider, case.label, seed, note=case.note)
    own_dir = workdir is None
    workdir = workdir or tempfile.mkdtemp(prefix="eo-reliability-{}-".format(case.provider))
    sleeper = SleepRecorder()
    retry = fast_retry(sleeper)
    started = time.monotonic()
    sim = case.start_sim()

    calm: set = set()       # jobs whose faulty run is over: their Retry meets no fault, also on saved links

    def rates_for(tag: str) -> FaultRates:
        if not tag.startswith("f"):
            return NO_FAULTS
        index = int(tag[1:])
        if index in calm:
            return NO_FAULTS
        return storm if storm_every and index % storm_every == storm_every - 1 else rates

    proxy = FaultProxy(sim.url, seed=seed, rates_for=rates_for, idempotent_post=case.idempotent_post).start()
    try:
        # references: one fault-free run per template
        references: Dict[int, List[Tuple[str, str]]] = {}
        ref_store = JobStore(os.path.join(workdir, "reference-jobs.json"))
        for t in range(case.templates):
            token = "ref{}".format(t)
            folder = os.path.join(workdir, "reference", token)
            job, error = run_one(case, case.params(t, token), folder, proxy.url_for("r{}".format(t)), retry,
                                 ref_store)
            if job.state != JobState.DONE:
                raise AssertionError("reference run of {} template {} failed: {}".format(case.provider, t, job.error))
            references[t] = fingerprint(job.outputs, folder, token)

        def one(i: int) -> JobRun:
            t = i % case.templates
            token = "s{}j{}".format(seed % 100000, i)
            folder = os.path.join(workdir, "jobs", token)
            run = JobRun(i, t, token, folder)
            store = JobStore(os.path.join(workdir, "stores", token + ".json"))
            params = case.params(t, token)
            t0 = time.monotonic()
            job, error = run_one(case, params, folder, proxy.url_for("f{}".format(i)), retry, store)
            run.seconds = time.monotonic() - t0
            run.job_id = job.id
            run.state, run.message, run.outputs = job.state, job.error or job.message, list(job.outputs)
            run.files, run.partial = scan_outputs(folder)
            if job.state == JobState.DONE:
                run.fingerprint = fingerprint(job.outputs, folder, token)
            else:
                run.failure_class = case.classify_failure(job.error)
                # the user's Retry, without faults this time (links the job saved point at its faulty tag)
                calm.add(i)
                job2, _ = run_one(case, params, folder, proxy.url_for("x{}".format(i)), retry, store, job=job)
                run.retry_state = job2.state
                run.retry_message = job2.error
                run.retry_files, run.retry_partial = scan_outputs(folder)
                run.retry_outputs = list(job2.outputs)
                run.fingerprint = fingerprint(job2.outputs, folder, token) if job2.state == JobState.DONE else []
            run.params = params
            return run

        with concurrent.futures.ThreadPoolExecutor(max_workers=case.workers) as pool:
            runs = list(pool.map(one, range(jobs)))
    finally:
        proxy.stop()

    # -- checks -------------------------------------------------------------------------------
    result.jobs = len(runs)
    result.storm_jobs = sum(1 for r in runs if storm_every and r.index % storm_every == storm_every - 1)
    for r in runs:
        where = "job {} (template {}, tag f{})".format(r.index, r.template, r.index)
        ref = references[r.template]
        if r.state == JobState.DONE:
            result.done += 1
            if r.fingerprint == ref:
                result.identical += 1
            else:
                result.unexpected.append("{}: outputs differ from the fault-free run: {} vs {}".format(
                    where, r.fingerprint, ref))
            extra = foreign(r.files, r.outputs, r.folder, case)
            if r.partial or extra:
                result.leftovers_done += len(r.partial) + len(extra)
                result.unexpected.append("{}: done but left {} {}".format(where, r.partial, extra))
        elif r.state == JobState.FAILED:
            result.failed += 1
            if r.failure_class is None:
                result.unexpected.append("{}: failed with an unexpected message: {!r}".format(where, r.message))
            else:
                result.failed_expected[r.failure_class] += 1
                result.samples.setdefault(r.failure_class, r.message)
            resumable = [p for p in r.partial if p.endswith((".part", ".part.json")) or
                         os.path.basename(p).startswith(".ee-")]
            result.resumable_after_failure += len(resumable)
            other = sorted(set(r.partial) - set(resumable))
            if other:
                result.unexpected.append("{}: failed and left half-made files {}".format(where, other))
            if r.retry_state == JobState.DONE and r.fingerprint == ref:
                result.retried_ok += 1
            else:
                result.unexpected.append("{}: the retry ended {} ({!r}), outputs {}".format(
                    where, r.retry_state, r.retry_message, r.fingerprint))
            extra = foreign(r.retry_files, r.retry_outputs, r.folder, case)
            if r.retry_partial or extra:
                result.leftovers_after_retry += len(r.retry_partial) + len(extra)
                result.unexpected.append("{}: after the retry, left {} {}".format(where, r.retry_partial, extra))
        else:
            result.unexpected.append("{}: ended in state {!r}: {}".format(where, r.state, r.message))
        # retries within bounds
        for tag in ("f{}".format(r.index), "x{}".format(r.index)):
            for (method, path), (streak, transfer_streak) in _streaks(proxy.log_of(tag)).items():
                special = case.attempt_limit(method, path)
                limit = special[0] if special else MAX_ATTEMPTS
                if special:
                    seen = result.other_limits.setdefault(special[1], [0, limit])
                    seen[0] = max(seen[0], streak, transfer_streak)
                else:
                    result.max_streak = max(result.max_streak, streak)
                    result.max_transfer_streak = max(result.max_transfer_streak, transfer_streak)
                if streak > limit or transfer_streak > limit:
                    result.unexpected.append("{}: {} / {} failed attempts in a row of {} {} (limit {})".format(
                        where, streak, transfer_streak, method, path, limit))
        m = re.search(r"gave up after (\d+) attempts", r.message or "")
        if m and int(m.group(1)) not in case.gave_up_after:
            result.unexpected.append("{}: gave up after {} attempts, the policies allow {}".format(
                where, m.group(1), case.gave_up_after))
        # no duplicate server-side jobs
        if case.server_jobs is not None and case.expected_server_jobs is not None:
            made = case.server_jobs(sim, r.token, proxy.log_of("f{}".format(r.index)) +
                                    proxy.log_of("x{}".format(r.index)))
            wanted = case.expected_server_jobs(r.params)
            if made != wanted:
                result.duplicates += max(0, made - wanted)
                result.unexpected.append("{}: {} server-side jobs made for {} expected".format(where, made, wanted))
    if case.server_jobs is not None:
        result.server_jobs_ok = result.duplicates == 0
    attempts = proxy.all_attempts()
    result.requests = sum(1 for a in attempts if a.tag.startswith(("f", "x")))
    result.faults = Counter(a.fault for a in attempts if a.fault and a.tag.startswith("f"))
    result.max_delay_asked = max(sleeper.delays or [0.0])
    result.seconds = time.monotonic() - started
    try:
        sim.stop()
    except Exception:
        pass
    if own_dir:
        shutil.rmtree(workdir, ignore_errors=True)
    if log:
        log(result.summary())
    return result


CASES = provider_cases()


# ---------------------------------------------------------------------------------------------
# campaigns in subprocesses (the eodag library is pure Python: two processes use both cores)
# ---------------------------------------------------------------------------------------------
def result_from_dict(data: Dict[str, Any]) -> CampaignResult:
    data = dict(data)
    data["failed_expected"] = Counter(data.get("failed_expected") or {})
    data["faults"] = Counter(data.get("faults") or {})
    return CampaignResult(**data)


def run_campaigns_parallel(groups: List[List[str]], jobs: int = 100, seed: Optional[int] = None,
                           timeout: float = 600.0) -> Dict[str, CampaignResult]:
    """Each group of providers in its own process (``python -m tests.reliability.campaign``), groups at once."""
    import json
    import subprocess
    import sys
    seed = seed_from_env() if seed is None else seed
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out_dir = tempfile.mkdtemp(prefix="eo-reliability-results-")
    procs = []
    for i, group in enumerate(groups):
        out = os.path.join(out_dir, "group{}.json".format(i))
        cmd = [sys.executable, "-m", "tests.reliability.campaign", "--jobs", str(jobs), "--seed", str(seed),
               "--json", out] + list(group)
        procs.append((group, out, subprocess.Popen(cmd, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                                   universal_newlines=True)))
    results: Dict[str, CampaignResult] = {}
    problems = []
    for group, out, proc in procs:
        try:
            output, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            output, _ = proc.communicate()
            problems.append("campaign {} timed out after {} s:\n{}".format(group, timeout, output[-4000:]))
            continue
        if proc.returncode != 0 or not os.path.exists(out):
            problems.append("campaign {} exited with {}:\n{}".format(group, proc.returncode, output[-4000:]))
            continue
        with open(out, "r", encoding="utf-8") as handle:
            for name, data in json.load(handle).items():
                results[name] = result_from_dict(data)
    shutil.rmtree(out_dir, ignore_errors=True)
    if problems:
        raise AssertionError("\n".join(problems))
    return results
