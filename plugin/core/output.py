"""Where a job's files go: one folder per job, decided once, when the job is created.

Two jobs never write the same path: every job gets a folder of its own under the base
folder the user chose (the dock's output folder, Processing's OUTPUT_DIR), named after the
job's title and creation time and made unique on disk at once (``mkdir`` fails if another
job or the user holds that name).  Runners write only inside ``job.output_dir``; a resumed
job keeps the folder it was given.  :func:`new_job` is the one door for every caller.

One job per feature (the dock's option, Processing's ONE_JOB_PER_FEATURE): each feature's jobs go
into a folder named after the feature (``<base>/<feature>/<title> <date>``), the name a layer's
attribute gave made safe by :func:`.names.sanitize` (a path separator, ``..`` or a device name never
leaves the base folder), and the feature's name starts the job's title.
"""
import os
import re
import time
import unicodedata
from typing import Any, Dict, Optional

from .errors import ParameterError
from .i18n import translate
from .jobs import Job
from .names import sanitize, truncate_bytes
from .runner import check_output_dir

#: Bytes of the title kept in a folder name (UTF-8; the date and a counter are added).
TITLE_BYTES = 80
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')


def folder_name(title: str, created: float) -> str:
    """``<title> <YYYY-MM-DD HH-MM-SS>``: readable, safe on every file system."""
    stem = unicodedata.normalize("NFC", title or "")
    stem = _UNSAFE.sub("_", stem)
    stem = re.sub(r"\s+", " ", stem).strip(" ._") or "job"
    stem = truncate_bytes(stem, TITLE_BYTES).rstrip(" ._") or "job"
    return "{} {}".format(stem, time.strftime("%Y-%m-%d %H-%M-%S", time.localtime(created)))


def make_job_folder(base_dir: str, title: str, created: float) -> str:
    """Create and return a new folder for one job under ``base_dir`` (never an existing one); ``base_dir``
    is made if needed and must be writable (:func:`.runner.check_output_dir`)."""
    if not base_dir:
        raise ParameterError(translate("Jobs", "No output folder is set."))
    check_output_dir(base_dir)
    name = folder_name(title, created)
    for n in range(1, 1000):
        path = os.path.join(base_dir, name if n == 1 else "{} ({})".format(name, n))
        try:
            os.mkdir(path)
        except FileExistsError:
            continue
        except OSError as exc:
            raise ParameterError(translate("Processing", "The output folder '{}' cannot be created: {}").format(
                path, exc.strerror or exc)) from None
        return os.path.abspath(path)
    raise ParameterError(translate("Jobs", "Too many jobs of the same name in '{}' at the same second.").format(
        base_dir))


def feature_folder(feature: str) -> str:
    """The folder name of one feature's jobs: its name made safe (``feature`` when nothing is left)."""
    name = re.sub(r"[/\\]+", "_", str(feature or ""))
    name = sanitize(re.sub(r"\s+", " ", name), TITLE_BYTES).rstrip(" ._")
    return name or "feature"


def new_job(provider: str, params: Dict[str, Any], title: str, base_dir: str,
            created: Optional[float] = None, feature: Optional[str] = None, **fields) -> Job:
    """A new :class:`Job` with a folder of its own under ``base_dir`` (the dock, Processing, scripts);
    with ``feature`` (one job per feature), under ``base_dir``'s folder of that feature, its name
    first in the title."""
    if feature is not None:
        if not base_dir:
            raise ParameterError(translate("Jobs", "No output folder is set."))
        base_dir = os.path.join(base_dir, feature_folder(feature))
        title = "{} – {}".format(feature, title)          # first: what tells the jobs apart
    job = Job(provider=provider, params=params, title=title, **fields)
    if created is not None:
        job.created = created
    job.output_dir = make_job_folder(base_dir, title, job.created)
    return job
