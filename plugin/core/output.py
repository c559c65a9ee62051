"""Where a job's files go: one folder per job, decided once, when the job is created.

Two jobs never write the same path: every job gets a folder of its own under the base
folder the user chose (the dock's output folder, Processing's OUTPUT_DIR), named after the
job's title and creation time and made unique on disk at once (``mkdir`` fails if another
job or the user holds that name).  Runners write only inside ``job.output_dir``; a resumed
job keeps the folder it was given.  :func:`new_job` is the one door for every caller.
"""
import os
import re
import time
import unicodedata
from typing import Any, Dict, Optional

from .errors import ParameterError
from .i18n import translate
from .jobs import Job
from .names import truncate_bytes
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


def new_job(provider: str, params: Dict[str, Any], title: str, base_dir: str,
            created: Optional[float] = None, **fields) -> Job:
    """A new :class:`Job` with a folder of its own under ``base_dir`` (the dock, Processing, scripts)."""
    job = Job(provider=provider, params=params, title=title, **fields)
    if created is not None:
        job.created = created
    job.output_dir = make_job_folder(base_dir, title, job.created)
    return job
