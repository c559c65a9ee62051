"""What a job may delete: its scratch folders, and only what resolves inside its own output folder.

The job store is a file in the user's profile that anything can edit; the folders it lists
(``server["scratch"]``) and the job ids that name folders (``.ee-<id>``) are checked here
before anything is removed, so a damaged or tampered store cannot make the plugin delete a
user's folder.
"""
import os
import shutil
from typing import List

from .jobs import Job, valid_job_id

SCRATCH_PREFIX = ".ee-"      # <output folder>/.ee-<job id>: pieces of an Earth Engine job kept for a retry


def scratch_dir(output_dir: str, job_id: str) -> str:
    """The job's own work folder inside its output folder (refuses an id that is not safe in a path)."""
    if not valid_job_id(job_id):
        raise ValueError("unsafe job id {!r}".format(job_id))
    return os.path.join(output_dir, SCRATCH_PREFIX + job_id)


def scratch_folders(job: Job) -> List[str]:
    """Every scratch folder a job may have left: those it recorded, and its work folder."""
    listed = (job.server or {}).get("scratch")
    folders = [f for f in listed if isinstance(f, str) and f] if isinstance(listed, list) else []
    if job.output_dir and valid_job_id(job.id):
        own = scratch_dir(job.output_dir, job.id)
        if own not in folders:
            folders.append(own)
    return folders


def resolves_inside(path: str, root: str) -> bool:
    """Does ``path`` resolve (symlinks followed) to somewhere strictly inside the folder ``root``?"""
    if not path or not root or "\0" in path or "\0" in root:
        return False
    real = os.path.normcase(os.path.realpath(path))
    base = os.path.normcase(os.path.realpath(root))
    try:
        return real != base and os.path.commonpath([real, base]) == base
    except ValueError:          # another drive (Windows), or relative against absolute
        return False


def remove_inside(path: str, root: str) -> bool:
    """Remove the file or folder ``path`` when it resolves inside ``root`` and is not itself a
    symbolic link (links inside a removed folder are removed, never followed).  Returns
    False, touching nothing, when it does not qualify (removal is best effort otherwise)."""
    if not resolves_inside(path, root) or os.path.islink(path):
        return False
    real = os.path.realpath(path)
    if os.path.isdir(real):
        shutil.rmtree(real, ignore_errors=True)
    elif os.path.lexists(real):
        try:
            os.remove(real)
        except OSError:
            pass
    return True
