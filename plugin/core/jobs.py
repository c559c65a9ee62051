"""Job model and the persistent job store.

A job is one user request to a provider.  Its record holds everything needed to
resume it after QGIS restarts -- parameters (never secrets), state, progress,
the provider's server-side identifiers (``server``) and the output paths -- and
is written atomically to a JSON file in the QGIS profile.
"""
import copy
import json
import logging
import math
import os
import re
import tempfile
import threading
import time
import uuid
import weakref
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple

from .filelock import FileLock
from .i18n import translate
from .logs import USER

_log = logging.getLogger(__name__)


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

    @staticmethod
    def text(job: "Job") -> str:
        """What a job's state column says: its state, or "Retrying (attempt n of m)" while one of
        its requests waits to be tried again."""
        if job.retry and not job.finished:
            return translate("JobState", "Retrying (attempt {} of {})").format(*job.retry[:2])
        return JobState.label(job.state)


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
    retry: Optional[List[int]] = None   # [attempt, of attempts] while a request waits to be tried again

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
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in d.items() if k in known})


# A job id is used in paths (``.ee-<id>`` folders): the ids the code makes (uuid4().hex) and
# the like; no path separator, no dot (so no ".."), no NUL, not empty, not endless.
_JOB_ID = re.compile(r"[A-Za-z0-9_-]{1,128}\Z")


def valid_job_id(job_id: Any) -> bool:
    return isinstance(job_id, str) and _JOB_ID.match(job_id) is not None


_NUMBER = (int, float)
_FIELD_TYPES = {"provider": str, "params": dict, "title": str, "id": str, "state": str, "progress": _NUMBER,
                "message": str, "outputs": list, "server": dict, "error": str, "output_dir": str,
                "created": _NUMBER, "updated": _NUMBER, "finished_at": _NUMBER + (type(None),),
                "load_layers": bool, "retry": (list, type(None))}
_REQUIRED = ("id", "provider", "params", "state")    # the others have defaults (files of older versions)


def job_from_record(d: Any) -> Optional[Job]:
    """The job a record of the file describes, or None when it is not sound (not an object,
    a field missing or of the wrong type, an unknown state, an unsafe id)."""
    if not isinstance(d, dict) or any(name not in d for name in _REQUIRED):
        return None
    if any(name in d and not isinstance(d[name], types) for name, types in _FIELD_TYPES.items()):
        return None
    if not valid_job_id(d["id"]) or d["state"] not in JobState.ALL \
            or not all(isinstance(o, str) for o in d.get("outputs", [])) \
            or not all(math.isfinite(d[n]) for n, t in _FIELD_TYPES.items() if t is _NUMBER and n in d) \
            or (d.get("finished_at") is not None and not math.isfinite(d["finished_at"])):
        return None
    try:
        return Job.from_dict(d)
    except (TypeError, ValueError):
        return None


_KNOWN = object()     # (see _entries)


def _entries(text: str, known: Dict[str, str]) -> Tuple[List[Tuple[Any, Optional[str]]], int]:
    """The job records of a store's text with each one's line when the file has the layout
    :meth:`JobStore._render` writes, and how many parts of it are not records at all (the
    file is not JSON, or not of the shape ``{"version": 1, "jobs": [...]}``).  A file that is
    not JSON (e.g. cut short) gives the records of the lines that still parse.  In the
    layout written, a line in ``known`` is not decoded again: (_KNOWN, line)."""
    lines = text.split("\n")
    if known and len(lines) >= 3 and lines[0] == '{{"version": {}, "jobs": ['.format(JobStore.VERSION) \
            and lines[-2:] == ["]}", ""]:
        body = [line[:-1] if line.endswith(",") else line for line in lines[1:-2]]
        entries, damaged = [], 0
        for line in body:
            if line in known:
                entries.append((_KNOWN, line))
                continue
            try:
                entries.append((json.loads(line), line))
            except ValueError:
                damaged += 1 if line else 0
        return entries, damaged
    try:
        data = json.loads(text)
    except ValueError:
        return _salvage_lines(text)
    if isinstance(data, dict) and isinstance(data.get("jobs"), list):
        records = data["jobs"]
        return list(zip(records, _job_lines(text, len(records)))), 0
    if isinstance(data, dict) and isinstance(data.get("jobs"), dict):    # jobs as an object
        return [(d, None) for d in data["jobs"].values()], 1
    if isinstance(data, list):                                          # a bare list of jobs
        return [(d, None) for d in data], 1
    return [], 1


def _salvage_lines(text: str) -> Tuple[List[Tuple[Any, Optional[str]]], int]:
    entries, damaged = [], 0
    lines = text.split("\n")
    for n, line in enumerate(lines):
        body = line[:-1] if line.endswith(",") else line
        if (n == 0 and body.startswith('{"version": ')) or body in ("]}", ""):
            continue
        try:
            entries.append((json.loads(body), None))
        except ValueError:
            damaged += 1
    return entries, max(damaged, 1)


def _job_lines(text: str, count: int) -> List[Optional[str]]:
    """Each job's line in ``text`` when it has the layout :meth:`JobStore._render` writes (one
    job per line), else ``None`` for each (e.g. a file of an older version)."""
    lines = text.split("\n")
    body = [line[:-1] if line.endswith(",") else line for line in lines[1:-2]]
    if count and len(body) == count and lines[0].startswith('{"version": ') and lines[-2:] == ["]}", ""]:
        return body
    return [None] * count


def _file_signature(path_or_fd) -> tuple:
    """What changes when another writer replaces the file (the rename gives a new inode)."""
    st = os.stat(path_or_fd)
    return st.st_ino, st.st_size, st.st_mtime_ns


class JobStore:
    """Thread-safe store of jobs in one JSON file, rewritten atomically; safe with other writers.

    Each write goes to a temporary file in the same folder, is fsynced and then renamed
    over the store, so a crash leaves either the old or the new file.

    The file holds one line of JSON per job.  Each job's line is kept until the job
    changes, so a write costs one encoding per changed job, not one per job in the
    history (a user's store holds hundreds).

    Several writers share the file: in one process they share one store
    (:meth:`for_path`: the GUI's job manager and the Processing algorithms); across
    processes (``qgis_process``, a second QGIS on the profile) each write takes a lock
    file beside the store (:mod:`.filelock`) and, when another writer has replaced the
    file since this store last read or wrote it, reads it again and merges it per job:
    the jobs this store changed or removed since then are written as it has them,
    the others as the file has them (jobs other writers added or changed are kept, and
    adopted in memory; a job another writer removed goes, unless this store changed it).

    A damaged file (not JSON, the wrong shape, jobs with missing fields, wrong types or an
    unsafe id) does not stop the store: the sound jobs are loaded, the file is copied
    aside (``jobs.json.damaged-<time>``, never over an earlier copy) and the problem is
    reported to ``on_problem`` (kept until :meth:`take_problems` when none is set).

    ``write_behind_main_thread = True`` (the QGIS job manager sets it): a change made on
    the main thread is handed to a writer thread instead of being written there, so
    QGIS's GUI never waits for the disk; :meth:`flush` waits for it.  Changes made on
    other threads (the jobs' own) are on disk when the call returns, as before.
    """

    VERSION = 1
    WRITER_IDLE_SECONDS = 60.0    # the writer thread ends after this long without work
    LOCK_TIMEOUT = 30.0           # seconds to wait for another writer's lock before failing a write

    def __init__(self, path: str):
        self.path = path
        self._lock = threading.RLock()         # the jobs in memory
        self._write_lock = threading.Lock()    # one write (read-merge-write) at a time in this store
        self.write_behind_main_thread = False
        self.on_write_error: Optional[Callable[[OSError], None]] = None   # called on the writer thread
        self.on_problem: Optional[Callable[[str], None]] = None           # a damaged file (translated text)
        self._problems: List[str] = []
        self._jobs: Dict[str, Job] = {}
        self._encoded: Dict[str, str] = {}     # job id -> its line in the file, while unchanged
        self._revision = 0                     # bumped by every change (see changes())
        self._revisions: Dict[str, int] = {}   # job id -> revision of its last change
        self._dirty: set = set()               # ids this store added or changed since its last write
        self._removed: set = set()             # ids this store removed since its last write
        self._on_disk: set = set()             # ids in the file when this store last read or wrote it
        self._disk_sig: Optional[tuple] = None   # that file's identity (inode, size, mtime)
        self._listeners: List[Callable[[Job], None]] = []
        self._behind = threading.Condition()   # write-behind: a write is pending, the writer runs
        self._pending = False
        self._writer_running = False
        self._writing = False
        self.load()

    _registry: "weakref.WeakValueDictionary" = weakref.WeakValueDictionary()
    _registry_lock = threading.Lock()

    @classmethod
    def for_path(cls, path: str) -> "JobStore":
        """The one store of this process for the file ``path`` (made, or brought up to date with
        what other processes wrote): every door of the plugin writes through it."""
        key = os.path.normcase(os.path.realpath(path))
        with cls._registry_lock:
            store = cls._registry.get(key)
            if store is None:
                store = cls(path)
                cls._registry[key] = store
                return store
        store.sync()
        return store

    # -- persistence -----------------------------------------------------
    def _file_lock(self) -> FileLock:
        return FileLock(self.path + ".lock", timeout=self.LOCK_TIMEOUT)

    def load(self) -> None:
        """Read the file again, forgetting every change not yet written."""
        with self._write_lock:
            with self._lock:
                self._jobs, self._encoded, self._revisions = {}, {}, {}
                self._dirty, self._removed, self._on_disk, self._disk_sig = set(), set(), set(), None
            if not os.path.exists(self.path):
                return
            try:
                lock = self._file_lock()
                lock.acquire()
            except OSError:               # e.g. a read-only folder: read without the lock
                lock = None
            try:
                self._sync_locked()
            except OSError as exc:         # unreadable: start without it (a write will fail, not replace it)
                self._report(translate("Jobs", "The job list {} could not be read: {}").format(self.path, exc))
            finally:
                if lock is not None:
                    lock.release()

    def sync(self) -> None:
        """Take in what other writers wrote since this store last read or wrote the file."""
        with self._write_lock:
            try:
                with self._file_lock():
                    self._sync_locked()
            except OSError:
                pass

    def _sync_locked(self) -> None:
        """Read the file if another writer replaced it, and merge it (hold both write locks)."""
        try:
            sig = _file_signature(self.path)
        except FileNotFoundError:
            return
        if sig == self._disk_sig:
            return
        try:
            with open(self.path, "rb") as fh:
                sig = _file_signature(fh.fileno())
                data = fh.read()
        except FileNotFoundError:
            return
        with self._lock:
            known = {line: job_id for job_id, line in self._encoded.items()}
        records, damaged = self._parse(data, known)
        with self._lock:
            self._merge(records, sound=not damaged)
        self._disk_sig = sig
        self._on_disk = set(records)
        if damaged:
            self._keep_aside(data, damaged)

    @staticmethod
    def _parse(data: bytes, known: Dict[str, str]) -> Tuple[Dict[str, Tuple[Optional[Job], Optional[str]]], int]:
        """The sound jobs of a file's bytes (id -> (job, its line when reusable)) and how many
        entries were not sound (0: the file is as this store writes it).  A line this store
        has as it is (``known``: line -> job id) is not decoded again: (None, line)."""
        text = data.decode("utf-8", errors="replace")
        records: Dict[str, Tuple[Optional[Job], Optional[str]]] = {}
        entries, damaged = _entries(text, known)
        fields = set(Job.__dataclass_fields__)
        for d, line in entries:
            if d is _KNOWN:                    # a line known as it is
                job_id = known[line]
                if job_id in records:
                    damaged += 1
                else:
                    records[job_id] = (None, line)
                continue
            job = job_from_record(d)
            if job is None or job.id in records:
                damaged += 1
                continue
            # the job's line as written, kept while the job does not change (see _render)
            if line is not None and (set(d) != fields or '"id": "{}"'.format(job.id) not in line
                                     or _holds_secret_key(line)):
                line = None
            records[job.id] = (job, line)
        return records, damaged

    def _merge(self, records: Dict[str, Tuple[Job, Optional[str]]], sound: bool) -> None:
        """Take the file's version of every job this store did not change or remove since its
        last write; drop the jobs another writer removed (only when the file was read whole)."""
        for job_id, (job, line) in records.items():
            if job_id in self._dirty or job_id in self._removed:
                continue
            if job is None or (job_id in self._jobs and line is not None and self._encoded.get(job_id) == line):
                continue
            self._jobs[job_id] = job
            self._bump(job_id)
            self._encoded.pop(job_id, None)
            if line is not None:
                self._encoded[job_id] = line
        if sound:
            gone = [i for i in self._jobs if i not in records and i in self._on_disk and i not in self._dirty]
            for job_id in gone:
                del self._jobs[job_id]
                self._encoded.pop(job_id, None)
                self._revisions.pop(job_id, None)
                self._revision += 1

    def _keep_aside(self, data: bytes, damaged: int) -> None:
        """Copy a damaged file beside it (never over an earlier copy) and report it."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        copy_path = None
        for n in range(1000):
            candidate = "{}.damaged-{}{}".format(self.path, stamp, "-{}".format(n) if n else "")
            try:
                with open(candidate, "xb") as fh:
                    fh.write(data)
                copy_path = candidate
                break
            except FileExistsError:
                continue
            except OSError:
                break
        if copy_path is not None:
            text = translate("Jobs", "The job list {} was damaged: {} entries could not be read and were "
                                     "left out; the file as it was is kept in {}.").format(
                self.path, damaged, copy_path)
        else:
            text = translate("Jobs", "The job list {} was damaged: {} entries could not be read and were "
                                     "left out; no copy of it could be kept.").format(self.path, damaged)
        self._report(text)

    def _report(self, text: str) -> None:
        _log.warning(text, extra=USER)        # the user loses jobs from the list: tell them
        if self.on_problem is None:
            self._problems.append(text)
            return
        try:
            self.on_problem(text)
        except Exception:
            pass

    def take_problems(self) -> List[str]:
        """The problems found while no ``on_problem`` was set (each given once)."""
        problems, self._problems = self._problems, []
        return problems

    def _touch(self, job_id: str) -> None:
        """Record a change of ``job_id`` by this store (call with ``self._lock`` held)."""
        self._bump(job_id)
        self._encoded.pop(job_id, None)
        self._dirty.add(job_id)
        self._removed.discard(job_id)

    def _bump(self, job_id: str) -> None:
        self._revision += 1
        self._revisions[job_id] = self._revision

    def _render(self) -> str:
        """The JSON text of the current jobs; call with ``self._lock`` held."""
        lines = []
        for job_id, job in self._jobs.items():
            line = self._encoded.get(job_id)
            if line is None:
                line = self._encoded[job_id] = json.dumps(job.to_dict(), sort_keys=True)
            lines.append(line)
        return '{{"version": {}, "jobs": [\n{}\n]}}\n'.format(self.VERSION, ",\n".join(lines))

    def _write(self) -> None:
        """Write the store, on the writer thread when called on the main thread with
        ``write_behind_main_thread`` set, here otherwise (see :meth:`_write_file`)."""
        if self.write_behind_main_thread and threading.current_thread() is threading.main_thread():
            with self._behind:
                self._pending = True
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
                    self._pending = False
        self._write_file()

    def _write_pending(self) -> None:
        """The writer thread: write while changes are pending; end after a while without any."""
        while True:
            with self._behind:
                if not self._pending:
                    self._behind.wait(self.WRITER_IDLE_SECONDS)
                if not self._pending:
                    self._writer_running = False
                    return
                self._pending = False
                self._writing = True
            try:
                self._write_file()
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
            return self._behind.wait_for(lambda: not self._pending and not self._writing, timeout)

    def _write_file(self) -> None:
        """Read-merge-write under the lock file, without holding ``self._lock`` while the disk
        works (readers, such as the main thread, never wait for a flush, which can take long
        while large downloads are being written).  The state written is the newest one; a
        write that finds its change already written by an earlier one writes nothing."""
        folder = os.path.dirname(os.path.abspath(self.path))
        os.makedirs(folder, exist_ok=True)
        with self._write_lock, self._file_lock():
            self._sync_locked()
            with self._lock:
                if not self._dirty and not self._removed and self._disk_sig is not None:
                    return
                text = self._render()
                written, dirty, removed = set(self._jobs), self._dirty, self._removed
                self._dirty, self._removed = set(), set()
            try:
                self._replace(folder, text)
                self._disk_sig = _file_signature(self.path)
                self._on_disk = written
            except BaseException:
                with self._lock:            # still to write
                    self._dirty |= dirty
                    self._removed |= removed - set(self._jobs)
                raise

    def _replace(self, folder: str, text: str) -> None:
        fd, tmp = tempfile.mkstemp(prefix=".jobs-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
            tmp = None
        finally:
            if tmp is not None:
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
        if not valid_job_id(job.id):
            raise ValueError("unsafe job id {!r}".format(job.id))
        with self._lock:
            self._jobs[job.id] = job
            self._touch(job.id)
            snapshot = copy.deepcopy(job)
        self._write()
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
            snapshot = copy.deepcopy(job)
        if persist:
            self._write()
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
                self._dirty.discard(job_id)
                self._removed.add(job_id)
        self._write()
        return len(gone)
