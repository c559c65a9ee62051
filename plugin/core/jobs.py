"""Job model and the persistent job store.

A job is one user request to a provider.  Its record holds everything needed to
resume it after QGIS restarts -- parameters (never secrets), state, progress,
the provider's server-side identifiers (``server``) and the output paths -- and
is written atomically to a JSON file in the QGIS profile.
"""
import copy
import json
import os
import tempfile
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Dict, List, Optional

from .i18n import translate


class JobState:
    QUEUED = "queued"
    SUBMITTED = "submitted"
    RUNNING = "running"
    DOWNLOADING = "downloading"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"

    ALL = (QUEUED, SUBMITTED, RUNNING, DOWNLOADING, DONE, FAILED, CANCELLED)
    FINISHED = (DONE, FAILED, CANCELLED)

    @staticmethod
    def label(state: str) -> str:
        return {
            JobState.QUEUED: translate("JobState", "Queued"),
            JobState.SUBMITTED: translate("JobState", "Submitted"),
            JobState.RUNNING: translate("JobState", "Running"),
            JobState.DOWNLOADING: translate("JobState", "Downloading"),
            JobState.DONE: translate("JobState", "Done"),
            JobState.FAILED: translate("JobState", "Failed"),
            JobState.CANCELLED: translate("JobState", "Cancelled"),
        }.get(state, state)


# Keys that must never be persisted, whatever a provider puts in params.
SECRET_KEYS = ("api_key", "apikey", "token", "access_token", "refresh_token", "password",
               "secret", "authorization", "client_secret", "private_key", "x-api-key")


def strip_secrets(value: Any) -> Any:
    """A deep copy of ``value`` without any key that looks like a secret."""
    if isinstance(value, dict):
        return {k: strip_secrets(v) for k, v in value.items()
                if str(k).lower().replace("-", "_") not in {s.replace("-", "_") for s in SECRET_KEYS}}
    if isinstance(value, (list, tuple)):
        return [strip_secrets(v) for v in value]
    return copy.deepcopy(value)


@dataclass
class Job:
    provider: str                      # e.g. "ee_download", "eosda"
    params: Dict[str, Any]             # provider parameters, secrets stripped
    title: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    state: str = JobState.QUEUED
    progress: float = 0.0              # 0..100
    message: str = ""                  # last status line for the Jobs panel
    outputs: List[str] = field(default_factory=list)
    server: Dict[str, Any] = field(default_factory=dict)  # server-side ids (task_id, operation, requestId...)
    error: str = ""
    output_dir: str = ""
    created: float = field(default_factory=time.time)
    updated: float = field(default_factory=time.time)
    finished_at: Optional[float] = None
    load_layers: bool = True

    def __post_init__(self):
        self.params = strip_secrets(self.params)

    @property
    def finished(self) -> bool:
        return self.state in JobState.FINISHED

    def to_dict(self) -> Dict[str, Any]:
        d = asdict(self)
        d["params"] = strip_secrets(d["params"])
        d["server"] = strip_secrets(d["server"])
        return d

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Job":
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in d.items() if k in known})


class JobStore:
    """Thread-safe store of jobs in one JSON file, rewritten atomically.

    Each change goes to a temporary file in the same folder, is fsynced and then
    renamed over the store, so a crash leaves either the old or the new file
    (``fsync_main_thread = False``: no fsync on the main thread, see :meth:`_write`).
    """

    VERSION = 1

    def __init__(self, path: str):
        self.path = path
        self._lock = threading.RLock()
        self._write_lock = threading.Lock()
        self._sequence = 0          # snapshots taken
        self._written = 0           # the newest snapshot on disk
        self.fsync_main_thread = True
        self._jobs: Dict[str, Job] = {}
        self._listeners: List[Callable[[Job], None]] = []
        self.load()

    # -- persistence -----------------------------------------------------
    def load(self) -> None:
        with self._lock:
            self._jobs = {}
            if not os.path.exists(self.path):
                return
            try:
                with open(self.path, "r", encoding="utf-8") as fh:
                    data = json.load(fh)
            except (OSError, ValueError):
                # Keep the unreadable file for inspection instead of overwriting it.
                broken = "{}.broken-{}".format(self.path, int(time.time()))
                try:
                    os.replace(self.path, broken)
                except OSError:
                    pass
                return
            for d in data.get("jobs", []):
                try:
                    job = Job.from_dict(d)
                except TypeError:
                    continue
                self._jobs[job.id] = job

    def _snapshot(self) -> tuple:
        """(sequence number, JSON text) of the current jobs; call with ``self._lock`` held."""
        self._sequence += 1
        payload = {"version": self.VERSION, "jobs": [j.to_dict() for j in self._jobs.values()]}
        return self._sequence, json.dumps(payload, indent=1, sort_keys=True)

    def _write(self, snapshot: tuple) -> None:
        """Write a snapshot to disk without holding ``self._lock`` (readers, such as the
        main thread, never wait for a flush, which can take long while large downloads are
        being written).  The temporary file is written and fsynced without any lock; only
        the rename is serialised, and an older snapshot never replaces a newer one.

        On the main thread the fsync is skipped when ``fsync_main_thread`` is False (the
        QGIS job manager sets it: QGIS's GUI must not wait for the disk).  The rename still
        makes the change survive a crash of QGIS; the next write from a job's thread is
        durable again.
        """
        sequence, text = snapshot
        folder = os.path.dirname(os.path.abspath(self.path))
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".jobs-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                if self.fsync_main_thread or threading.current_thread() is not threading.main_thread():
                    os.fsync(fh.fileno())
            with self._write_lock:
                if sequence > self._written:
                    os.replace(tmp, self.path)
                    self._written = sequence
                    tmp = None
        finally:
            if tmp is not None:         # failed, or a newer state is already on disk
                try:
                    os.unlink(tmp)
                except OSError:
                    pass

    # -- listeners (the QGIS side re-emits these as Qt signals) ----------
    def add_listener(self, func: Callable[[Job], None]) -> None:
        self._listeners.append(func)

    def remove_listener(self, func: Callable[[Job], None]) -> None:
        if func in self._listeners:
            self._listeners.remove(func)

    def _notify(self, job: Job) -> None:
        for func in list(self._listeners):
            try:
                func(copy.deepcopy(job))
            except Exception:
                pass

    # -- access ------------------------------------------------------------
    def add(self, job: Job) -> Job:
        with self._lock:
            self._jobs[job.id] = job
            state = self._snapshot()
            snapshot = copy.deepcopy(job)
        self._write(state)
        self._notify(snapshot)
        return snapshot

    def get(self, job_id: str) -> Optional[Job]:
        with self._lock:
            job = self._jobs.get(job_id)
            return copy.deepcopy(job) if job else None

    def list(self) -> List[Job]:
        with self._lock:
            return sorted((copy.deepcopy(j) for j in self._jobs.values()), key=lambda j: j.created)

    def unfinished(self) -> List[Job]:
        return [j for j in self.list() if not j.finished]

    def update(self, job_id: str, persist: bool = True, **changes) -> Job:
        """Apply ``changes`` to a job; ``server`` and ``params`` are merged."""
        with self._lock:
            job = self._jobs[job_id]
            for key, value in changes.items():
                if key == "server":
                    job.server.update(strip_secrets(value))
                elif key == "params":
                    job.params.update(strip_secrets(value))
                elif hasattr(job, key):
                    setattr(job, key, value)
                else:
                    raise AttributeError(key)
            job.updated = time.time()
            if job.state in JobState.FINISHED and job.finished_at is None:
                job.finished_at = job.updated
            state = self._snapshot() if persist else None
            snapshot = copy.deepcopy(job)
        if state is not None:
            self._write(state)
        self._notify(snapshot)
        return snapshot

    def remove(self, job_id: str) -> None:
        with self._lock:
            state = self._snapshot() if self._jobs.pop(job_id, None) is not None else None
        if state is not None:
            self._write(state)
