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
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple

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


_SECRET_NAMES = frozenset(s.replace("-", "_") for s in SECRET_KEYS)
_SCALARS = (str, int, float, bool, type(None))


def _is_secret_key(key: Any) -> bool:
    return str(key).lower().replace("-", "_") in _SECRET_NAMES


def strip_secrets(value: Any) -> Any:
    """A deep copy of ``value`` without any key that looks like a secret."""
    if isinstance(value, dict):
        return {k: strip_secrets(v) for k, v in value.items() if not _is_secret_key(k)}
    if isinstance(value, (list, tuple)):
        return [strip_secrets(v) for v in value]
    if isinstance(value, _SCALARS):      # immutable: nothing to copy
        return value
    return copy.deepcopy(value)


def _holds_secret_key(line: str) -> bool:
    """Does a line of JSON have a key that looks like a secret (in any of its spellings)?"""
    lowered = line.lower()
    return any('"{}":'.format(name) in lowered or '"{}":'.format(name.replace("_", "-")) in lowered
               for name in _SECRET_NAMES)


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
        d = {name: getattr(self, name) for name in self.__dataclass_fields__}
        d["params"] = strip_secrets(self.params)
        d["server"] = strip_secrets(self.server)
        d["outputs"] = list(self.outputs)
        return d

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Job":
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in d.items() if k in known})


class JobStore:
    """Thread-safe store of jobs in one JSON file, rewritten atomically.

    Each change goes to a temporary file in the same folder, is fsynced and then
    renamed over the store, so a crash leaves either the old or the new file.

    The file holds one line of JSON per job.  Each job's line is kept until the job
    changes, so a write costs one encoding per changed job, not one per job in the
    history (a user's store holds hundreds).

    ``write_behind_main_thread = True`` (the QGIS job manager sets it): a change made on
    the main thread is handed to a writer thread instead of being written there, so
    QGIS's GUI never waits for the disk; :meth:`flush` waits for it.  Changes made on
    other threads (the jobs' own) are on disk when the call returns, as before.
    """

    VERSION = 1
    WRITER_IDLE_SECONDS = 60.0    # the writer thread ends after this long without work

    def __init__(self, path: str):
        self.path = path
        self._lock = threading.RLock()
        self._write_lock = threading.Lock()
        self._sequence = 0          # snapshots taken
        self._written = 0           # the newest snapshot on disk
        self.write_behind_main_thread = False
        self.on_write_error: Optional[Callable[[OSError], None]] = None   # called on the writer thread
        self._jobs: Dict[str, Job] = {}
        self._encoded: Dict[str, str] = {}     # job id -> its line in the file, while unchanged
        self._revision = 0                     # bumped by every change (see changes())
        self._revisions: Dict[str, int] = {}   # job id -> revision of its last change
        self._listeners: List[Callable[[Job], None]] = []
        self._behind = threading.Condition()   # write-behind: the pending snapshot and the writer
        self._pending: Optional[tuple] = None
        self._writer_running = False
        self._writing = False
        self.load()

    # -- persistence -----------------------------------------------------
    def load(self) -> None:
        with self._lock:
            self._jobs = {}
            self._encoded = {}
            if not os.path.exists(self.path):
                return
            try:
                with open(self.path, "r", encoding="utf-8") as fh:
                    text = fh.read()
                data = json.loads(text)
            except (OSError, ValueError):
                # Keep the unreadable file for inspection instead of overwriting it.
                broken = "{}.broken-{}".format(self.path, int(time.time()))
                try:
                    os.replace(self.path, broken)
                except OSError:
                    pass
                return
            records = data.get("jobs", [])
            lines = self._job_lines(text, len(records))
            fields = set(Job.__dataclass_fields__)
            for d, line in zip(records, lines):
                try:
                    job = Job.from_dict(d)
                except TypeError:
                    continue
                self._jobs[job.id] = job
                self._touch(job.id)
                # the job's line as written, kept while the job does not change (see _snapshot)
                if line is not None and set(d) == fields and '"id": "{}"'.format(job.id) in line \
                        and not _holds_secret_key(line):
                    self._encoded[job.id] = line

    @staticmethod
    def _job_lines(text: str, count: int) -> List[Optional[str]]:
        """Each job's line in ``text`` when it has the layout :meth:`_snapshot` writes (one job
        per line), else ``None`` for each (e.g. a file of an older version)."""
        lines = text.split("\n")
        body = [line[:-1] if line.endswith(",") else line for line in lines[1:-2]]
        if count and len(body) == count and lines[0].startswith('{"version": ') and lines[-2:] == ["]}", ""]:
            return body
        return [None] * count

    def _touch(self, job_id: str) -> None:
        """Record a change of ``job_id`` (call with ``self._lock`` held)."""
        self._revision += 1
        self._revisions[job_id] = self._revision
        self._encoded.pop(job_id, None)

    def _snapshot(self) -> tuple:
        """(sequence number, JSON text) of the current jobs; call with ``self._lock`` held."""
        self._sequence += 1
        lines = []
        for job_id, job in self._jobs.items():
            line = self._encoded.get(job_id)
            if line is None:
                line = self._encoded[job_id] = json.dumps(job.to_dict(), sort_keys=True)
            lines.append(line)
        text = '{{"version": {}, "jobs": [\n{}\n]}}\n'.format(self.VERSION, ",\n".join(lines))
        return self._sequence, text

    def _write(self, snapshot: tuple) -> None:
        """Write a snapshot, on the writer thread when called on the main thread with
        ``write_behind_main_thread`` set, here otherwise (see :meth:`_write_file`)."""
        if self.write_behind_main_thread and threading.current_thread() is threading.main_thread():
            with self._behind:
                if self._pending is None or snapshot[0] > self._pending[0]:
                    self._pending = snapshot
                if self._writer_running:
                    self._behind.notify_all()
                    return
                self._writer_running = True
            try:
                threading.Thread(target=self._write_pending, name="eo-downloader-job-store",
                                 daemon=True).start()
                return
            except RuntimeError:            # no thread to be had: write it here after all
                with self._behind:
                    self._writer_running = False
                    snapshot, self._pending = self._pending, None
        self._write_file(snapshot)

    def _write_pending(self) -> None:
        """The writer thread: write the newest pending snapshot; end after a while without one."""
        while True:
            with self._behind:
                if self._pending is None:
                    self._behind.wait(self.WRITER_IDLE_SECONDS)
                snapshot, self._pending = self._pending, None
                if snapshot is None:
                    self._writer_running = False
                    return
                self._writing = True
            try:
                self._write_file(snapshot)
            except OSError as exc:
                if self.on_write_error is not None:
                    try:
                        self.on_write_error(exc)
                    except Exception:
                        pass
            finally:
                with self._behind:
                    self._writing = False
                    self._behind.notify_all()

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until every change handed to the writer thread is on disk (False: timed out)."""
        with self._behind:
            return self._behind.wait_for(lambda: self._pending is None and not self._writing, timeout)

    def _write_file(self, snapshot: tuple) -> None:
        """Write a snapshot to disk without holding ``self._lock`` (readers, such as the
        main thread, never wait for a flush, which can take long while large downloads are
        being written).  The temporary file is written and fsynced without any lock; only
        the rename is serialised, and an older snapshot never replaces a newer one.
        """
        sequence, text = snapshot
        folder = os.path.dirname(os.path.abspath(self.path))
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".jobs-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
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
            self._touch(job.id)
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

    def __contains__(self, job_id: str) -> bool:
        with self._lock:
            return job_id in self._jobs

    def changes(self, since: int) -> Tuple[int, List[str], List[Job]]:
        """What changed after revision ``since``: (the current revision, the ids of every job
        oldest first, copies of the jobs added or changed since).  A view showing hundreds
        of jobs updates only what changed instead of copying the whole history each time."""
        with self._lock:
            order = sorted(self._jobs, key=lambda job_id: self._jobs[job_id].created)
            changed = [copy.deepcopy(self._jobs[i]) for i in order if self._revisions.get(i, 0) > since]
            return self._revision, order, changed

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
            self._touch(job_id)
            state = self._snapshot() if persist else None
            snapshot = copy.deepcopy(job)
        if state is not None:
            self._write(state)
        self._notify(snapshot)
        return snapshot

    def remove(self, *job_ids: str) -> int:
        """Forget these jobs (one write for all of them); returns how many were in the store."""
        with self._lock:
            gone = [job_id for job_id in job_ids if self._jobs.pop(job_id, None) is not None]
            if not gone:
                return 0
            for job_id in gone:
                self._touch(job_id)
                self._revisions.pop(job_id, None)
            state = self._snapshot()
        self._write(state)
        return len(gone)
