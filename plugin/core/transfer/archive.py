"""Zip handling: integrity test and safe extraction.

:func:`safe_extract` refuses members with absolute paths, ``..`` components,
links or special files, duplicate names, too many members, a too large total or
a suspicious compression ratio, per member or for the whole archive (zip bombs, also
when the declared sizes lie), less free disk space than the total and a margin,
and corrupt or truncated archives (:class:`~.errors.ArchiveError`).  It
extracts into a temporary sibling folder and moves the result into place only
when every member was written, so a failure leaves nothing half-extracted (and
the temporary folder of an extraction killed with QGIS is removed by the next
extraction into the same place).  Member names are the server's choice: moving
them into place never replaces or deletes a file or folder the job did not
create; a clash goes beside it under a unique name (:func:`unique_path`).

Pure Python (stdlib); no qgis import.
"""
import os
import posixpath
import re
import shutil
import stat
import tempfile
import threading
import time
import zipfile
import zlib
from typing import Callable, List, Optional

from .. import config, names
from ..errors import ArchiveError, CancelledError
from ..i18n import translate
from .units import CHUNK_SIZE, Progress, format_size

#: Defaults for :func:`safe_extract`.
MAX_MEMBERS = 10000
MAX_TOTAL = 32 * 1024 ** 3          # bytes once extracted
MAX_RATIO = 200.0                   # uncompressed / compressed, per member ...
RATIO_MIN_SIZE = 8 * 1024 ** 2      # ... checked only for members larger than this
CHUNK = CHUNK_SIZE                  # in cache between the read and the write (see units.CHUNK_SIZE)

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
ZIP_TYPES = ("application/zip", "application/x-zip-compressed", "application/x-zip", "multipart/x-zip")

_BAD_ZIP = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError)


def is_zip(path: Optional[str] = None, head: Optional[bytes] = None, content_type: str = "") -> bool:
    """True when the bytes start with a zip signature or the content type says zip."""
    if content_type and content_type.split(";")[0].strip().lower() in ZIP_TYPES:
        return True
    if head is None and path is not None:
        try:
            with open(path, "rb") as handle:
                head = handle.read(4)
        except OSError:
            return False
    return bool(head) and head[:4] in ZIP_MAGIC


def _corrupt(path: str, detail: str) -> ArchiveError:
    return ArchiveError(
        translate("Archive", "The archive {name} is corrupt or truncated: {detail}").format(
            name=os.path.basename(path), detail=detail),
        translate("Archive", "Download it again; if this repeats, the server sends a broken file."))


def _not_a_zip(path: str) -> Optional[ArchiveError]:
    """When ``path`` holds no zip at all but a web page or a message: an error in the service's words."""
    from . import http
    try:
        with open(path, "rb") as handle:
            head = handle.read(65536)
    except OSError:
        return None
    if head[:4] in ZIP_MAGIC:
        return None
    is_html, words = http.describe_body(head)
    if not words:
        return None
    if is_html:
        return ArchiveError(translate("Archive", "The server sent a web page instead of the archive {name}: {words}")
                            .format(name=os.path.basename(path), words=words),
                            translate("Archive", "The link may have expired or need a sign-in; try again later."))
    return ArchiveError(translate("Archive", "The server sent a message instead of the archive {name}: {words}")
                        .format(name=os.path.basename(path), words=words))


def _open(path: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ArchiveError(translate("Archive", "The archive {} does not exist.").format(path)) from None
    except _BAD_ZIP as exc:
        said = _not_a_zip(path)
        if said is not None:
            raise said from None
        raise _corrupt(path, str(exc) or type(exc).__name__) from None
    except OSError as exc:
        raise _corrupt(path, str(exc)) from None


def test_zip(path: str, cancel=None) -> List[str]:
    """Read every member and check its CRC; the member names, or ArchiveError."""
    with _open(path) as archive:
        names = []
        for info in archive.infolist():
            if cancel is not None:
                cancel.raise_if_cancelled()
            try:
                with archive.open(info) as member:
                    while member.read(CHUNK):
                        if cancel is not None:
                            cancel.raise_if_cancelled()
            except CancelledError:
                raise
            except _BAD_ZIP as exc:
                raise _corrupt(path, "{}: {}".format(info.filename, exc or type(exc).__name__)) from None
            except OSError as exc:
                raise _corrupt(path, "{}: {}".format(info.filename, exc)) from None
            names.append(info.filename)
        return names


def _unsafe(path: str, member: str, why: str) -> ArchiveError:
    return ArchiveError(
        translate("Archive", "Refusing to extract {name}: member “{member}” {why}.").format(
            name=os.path.basename(path), member=member[:200], why=why),
        translate("Archive", "The archive may be malicious; nothing was extracted."))


def _member_path(path: str, info: zipfile.ZipInfo) -> str:
    """The member's safe relative path (posix), or ArchiveError."""
    name = info.filename
    if "\x00" in name or not name.strip("/"):
        raise _unsafe(path, name, translate("Archive", "has an invalid name"))
    normalized = name.replace("\\", "/")
    if normalized.startswith("/") or re.match(r"^[A-Za-z]:", normalized) or normalized.startswith("//"):
        raise _unsafe(path, name, translate("Archive", "has an absolute path"))
    parts = [p for p in normalized.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        raise _unsafe(path, name, translate("Archive", "points outside the destination (..)"))
    # Names the server chose: made usable (control characters, Windows' reserved names, too many bytes).
    parts = [names.sanitize(p) for p in parts]
    if not parts or not all(parts):
        raise _unsafe(path, name, translate("Archive", "has an invalid name"))
    mode = (info.external_attr >> 16) & 0xFFFF
    kind = stat.S_IFMT(mode)
    if kind == stat.S_IFLNK:
        raise _unsafe(path, name, translate("Archive", "is a symbolic link"))
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise _unsafe(path, name, translate("Archive", "is a special file"))
    return posixpath.join(*parts)


def check_members(path: str, archive: zipfile.ZipFile, *, max_members: int = MAX_MEMBERS,
                  max_total: int = MAX_TOTAL, max_ratio: float = MAX_RATIO,
                  ratio_min_size: int = RATIO_MIN_SIZE):
    """Validate every member's name, type and declared sizes; [(info, relpath, is_dir)]."""
    infos = archive.infolist()
    if len(infos) > max_members:
        raise _unsafe(path, infos[max_members].filename,
                      translate("Archive", "exceeds the limit of {} members").format(max_members))
    seen = {}
    total = 0
    members = []
    for info in infos:
        rel = _member_path(path, info)
        is_dir = info.is_dir() or stat.S_ISDIR((info.external_attr >> 16) & 0xFFFF)
        key = rel.lower()
        if key in seen and not (is_dir and seen[key]):
            raise _unsafe(path, info.filename, translate("Archive", "appears twice"))
        seen[key] = is_dir
        if not is_dir:
            total += info.file_size
            if total > max_total:
                raise _unsafe(path, info.filename, translate(
                    "Archive", "makes the total size exceed {:.1f} GiB").format(max_total / 1024 ** 3))
            if info.file_size > ratio_min_size and info.compress_size >= 0:
                ratio = info.file_size / max(1, info.compress_size)
                if ratio > max_ratio:
                    raise _unsafe(path, info.filename, translate(
                        "Archive", "has a compression ratio of {:.0f}:1 (a zip bomb?)").format(ratio))
        members.append((info, rel, is_dir))
    # The whole archive: many small members, each below the per-member check, can expand as much.
    packed = sum(max(0, i.compress_size) for i in infos)
    if total > ratio_min_size and total / max(1, packed) > max_ratio:
        raise ArchiveError(
            translate("Archive", "Refusing to extract {name}: {size} of data packed in {packed} (a compression "
                                 "ratio of {ratio:.0f}:1, more than {limit:.0f}:1; a zip bomb?).").format(
                name=os.path.basename(path), size=format_size(total), packed=format_size(packed),
                ratio=total / max(1, packed), limit=max_ratio),
            translate("Archive", "The archive may be malicious; nothing was extracted."))
    # a file and a directory of the same name, or a file used as a parent
    for info, rel, is_dir in members:
        parent = rel.rsplit("/", 1)[0] if "/" in rel else ""
        while parent:
            if seen.get(parent.lower()) is False:
                raise _unsafe(path, info.filename, translate("Archive", "is inside a file"))
            parent = parent.rsplit("/", 1)[0] if "/" in parent else ""
    return members, total


def unique_path(path: str) -> str:
    """``path`` when nothing is there, else the first free ``<stem>_2<ext>``, ``<stem>_3<ext>``...
    beside it: a name chosen by a server never takes the place of what is already there."""
    if not os.path.lexists(path):
        return path
    folder, name = os.path.split(path)
    stem, ext = os.path.splitext(name) if not os.path.isdir(path) else (name, "")
    number = 2
    while True:
        candidate = os.path.join(folder, "{}_{}{}".format(stem, number, ext))
        if not os.path.lexists(candidate):
            return candidate
        number += 1


def _move_into(src_dir: str, dest_dir: str, owned: set, moved: dict) -> None:
    """Move every entry of ``src_dir`` into ``dest_dir`` without replacing or deleting anything the
    job did not create: a folder merges into a folder of the same name, a file replaces only a file
    in ``owned``; any other clash goes beside it under a unique name (:func:`unique_path`).
    ``moved`` maps each file's path under ``src_dir`` to where it went; what is moved joins ``owned``."""
    for name in sorted(os.listdir(src_dir)):
        src = os.path.join(src_dir, name)
        dst = os.path.join(dest_dir, name)
        if os.path.isdir(src) and os.path.isdir(dst) and not os.path.islink(dst):
            _move_into(src, dst, owned, moved)
            continue
        replaceable = not os.path.isdir(src) and os.path.isfile(dst) and not os.path.islink(dst) \
            and _owned(dst, owned)
        if os.path.lexists(dst) and not replaceable:
            dst = unique_path(dst)
        _record_moves(src, dst, moved)
        os.replace(src, dst)
        owned.add(dst)


def _owned(path: str, owned: set) -> bool:
    """``path`` or a folder above it is in ``owned`` (made by the job)."""
    while True:
        if path in owned:
            return True
        parent = os.path.dirname(path)
        if parent == path:
            return False
        path = parent


def _record_moves(src: str, dst: str, moved: dict) -> None:
    if not os.path.isdir(src):
        moved[src] = dst
        return
    for root, _dirs, files in os.walk(src):
        for name in files:
            path = os.path.join(root, name)
            moved[path] = os.path.join(dst, os.path.relpath(path, src))


def safe_extract(zip_path: str, dest_dir: str, *, cancel=None,
                 progress: Optional[Callable] = None, max_members: int = MAX_MEMBERS,
                 max_total: int = MAX_TOTAL, max_ratio: float = MAX_RATIO,
                 ratio_min_size: int = RATIO_MIN_SIZE, owned: Optional[set] = None) -> List[str]:
    """Extract ``zip_path`` into ``dest_dir`` safely; the extracted file paths (where they went).

    ``dest_dir`` is created if missing; when it exists, the archive's entries are moved into
    it without replacing or deleting anything that was there (see :func:`_move_into`): member
    names are the server's choice.  ``owned``: paths the job created earlier, which may be
    replaced; what this extraction creates is added to it.  ``progress`` receives a
    :class:`~.units.Progress` of uncompressed bytes.
    """
    dest_dir = os.path.abspath(dest_dir)
    parent = os.path.dirname(dest_dir) or "."
    os.makedirs(parent, exist_ok=True)
    with _open(zip_path) as archive:
        members, total = check_members(zip_path, archive, max_members=max_members, max_total=max_total,
                                       max_ratio=max_ratio, ratio_min_size=ratio_min_size)
        _check_space(zip_path, parent, total)
        _remove_stale_temps(parent, os.path.basename(dest_dir))
        tmp = tempfile.mkdtemp(prefix=".{}.extract-".format(os.path.basename(dest_dir)), dir=parent)
        with _LIVE_LOCK:
            _LIVE_TEMPS.add(tmp)
        try:
            done = 0
            start = time.monotonic()
            last = 0.0
            written = []
            for info, rel, is_dir in members:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                target = os.path.join(tmp, *rel.split("/"))
                if is_dir:
                    os.makedirs(target, exist_ok=True)
                    continue
                os.makedirs(os.path.dirname(target), exist_ok=True)
                size = 0
                limit = info.file_size
                try:
                    with archive.open(info) as src, open(target, "wb") as dst:
                        while True:
                            chunk = src.read(CHUNK)
                            if not chunk:
                                break
                            size += len(chunk)
                            if size > limit:
                                raise _unsafe(zip_path, info.filename,
                                              translate("Archive", "is larger than its header says"))
                            dst.write(chunk)
                            done += len(chunk)
                            if cancel is not None:
                                cancel.raise_if_cancelled()
                            now = time.monotonic()
                            if progress is not None and now - last >= 0.1:
                                last = now
                                progress(Progress(done, total, done / max(1e-6, now - start)))
                except (ArchiveError, CancelledError):
                    raise
                except _BAD_ZIP as exc:
                    raise _corrupt(zip_path, "{}: {}".format(info.filename, exc or type(exc).__name__)) from None
                except OSError as exc:
                    if isinstance(exc, (FileNotFoundError, PermissionError)) or getattr(exc, "errno", 0) == 28:
                        raise ArchiveError(translate("Archive", "Could not write {}: {}").format(
                            rel, exc)) from None
                    raise _corrupt(zip_path, "{}: {}".format(info.filename, exc)) from None
                if size != limit:
                    raise _corrupt(zip_path, translate("Archive", "{} is shorter than its header says").format(
                        info.filename))
                mtime = _zip_mtime(info)
                if mtime is not None:
                    try:
                        os.utime(target, (mtime, mtime))
                    except OSError:
                        pass
                written.append(rel)
            if cancel is not None:
                cancel.raise_if_cancelled()
            # move into place
            owned = set() if owned is None else owned
            moved: dict = {}
            if not os.path.lexists(dest_dir):
                _record_moves(tmp, dest_dir, moved)
                os.replace(tmp, dest_dir)
                owned.add(dest_dir)
            else:
                if not os.path.isdir(dest_dir):
                    raise ArchiveError(translate("Archive", "{} exists and is not a folder.").format(dest_dir))
                _move_into(tmp, dest_dir, owned, moved)
            if progress is not None:
                elapsed = max(1e-6, time.monotonic() - start)
                progress(Progress(done, total, done / elapsed))
            return [moved[os.path.join(tmp, *rel.split("/"))] for rel in written]
        finally:
            with _LIVE_LOCK:
                _LIVE_TEMPS.discard(tmp)
            if os.path.isdir(tmp):
                shutil.rmtree(tmp, ignore_errors=True)


def _check_space(zip_path: str, parent: str, total: int) -> None:
    """Room for ``total`` bytes in ``parent`` and the margin kept free (:func:`config.disk_margin`)."""
    usage = shutil.disk_usage(parent)
    margin = config.disk_margin(usage.total)
    if total + margin > usage.free:
        raise ArchiveError(translate(
            "Archive", "Not enough disk space to extract {name}: {need} needed (with {margin} kept free), "
                       "{free} free.").format(name=os.path.basename(zip_path), need=format_size(total + margin),
                                              margin=format_size(margin), free=format_size(usage.free)),
            translate("Archive", "Free some space or choose another output folder."))


#: Temporary extraction folders in use by this process.
_LIVE_TEMPS = set()
_LIVE_LOCK = threading.Lock()


def _remove_stale_temps(parent: str, base: str) -> None:
    """Remove ``.<base>.extract-*`` folders an extraction killed half-way left (QGIS crashed or was
    killed): nothing else removes them, and they hold half an archive."""
    prefix = ".{}.extract-".format(base)
    try:
        names = os.listdir(parent)
    except OSError:
        return
    for name in names:
        path = os.path.join(parent, name)
        if name.startswith(prefix) and os.path.isdir(path) and not os.path.islink(path):
            with _LIVE_LOCK:
                live = path in _LIVE_TEMPS
            if not live:
                shutil.rmtree(path, ignore_errors=True)


def _zip_mtime(info: zipfile.ZipInfo) -> Optional[float]:
    try:
        return time.mktime(info.date_time + (0, 0, -1))
    except (OverflowError, ValueError):
        return None
