"""File names: the one check of names users give, the one sanitizer of names servers give.

A name becomes a file (or the start of several: ``<name>.<band>.tif``, ``<name>.vrt``, and
while it is written ``<name>....part``, ``.part.json.tmp``, ``.<name>.extract-*``), so it must
fit one path component of every file system the plugin runs on:

* at most 255 **bytes** (UTF-8) per component on ext4, APFS, NTFS (255 UTF-16 units): the
  name itself may take :data:`MAX_NAME_BYTES`, leaving :data:`SUFFIX_ROOM` for the suffixes;
* no NUL or other control character, no ``/`` or ``\\``, not ``.`` or ``..``;
* none of Windows' reserved characters (``< > : " | ? *``) or device names (``CON``,
  ``NUL``, ``COM1``..., also with an extension), no trailing dot or space (Windows drops them).

:func:`check_name` refuses a user's name with a message saying what is wrong (the dock,
Processing and the runners all validate through it); :func:`sanitize` turns a server-chosen
name (a Content-Disposition name, a zip member, an export object) into a usable one instead of
refusing it.  Pure Python.
"""
import re
from typing import Optional

from .errors import ParameterError
from .i18n import translate

#: Bytes of one path component on the file systems the plugin supports.
MAX_COMPONENT_BYTES = 255
#: Bytes kept for what the plugin appends to a name (".B8A.tif", ".part.json.tmp", ".extract-xxxxxxxx").
SUFFIX_ROOM = 64
MAX_NAME_BYTES = MAX_COMPONENT_BYTES - SUFFIX_ROOM

_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_WINDOWS_CHARS = '<>:"|?*'
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {"com%d" % i for i in range(1, 10)} | \
    {"lpt%d" % i for i in range(1, 10)}


def _refuse(text: str, why: str) -> ParameterError:
    shown = _CONTROL_RE.sub("\ufffd", text)
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return ParameterError(translate("Names", 'The name "{}" cannot be used as a file name: {}.').format(shown, why),
                          translate("Names", 'Use letters, digits, "-", "_" and "."; at most {} bytes (UTF-8: '
                                             'accented letters take 2, most Asian characters 3).').format(
                              MAX_NAME_BYTES))


def problem(text: str, max_bytes: int = MAX_NAME_BYTES) -> Optional[str]:
    """What makes ``text`` unusable as one file name component (None: usable)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        return translate("Names", "it takes {} bytes, more than the {} allowed").format(size, max_bytes)
    if _CONTROL_RE.search(text):
        return translate("Names", "it holds a control character")
    if "/" in text or "\\" in text:
        return translate("Names", "it holds a path separator (/ or \\)")
    if text in (".", ".."):
        return translate("Names", "it is . or ..")
    bad = sorted({c for c in text if c in _WINDOWS_CHARS})
    if bad:
        return translate("Names", "it holds {} (not allowed in Windows file names)").format(" ".join(bad))
    if text.split(".")[0].strip().lower() in _WINDOWS_RESERVED:
        return translate("Names", "{} is a reserved device name on Windows").format(text.split(".")[0])
    if text != text.rstrip(". "):
        return translate("Names", "it ends with a dot or a space")
    return None


def check_name(name, max_bytes: int = MAX_NAME_BYTES) -> Optional[str]:
    """The name stripped of surrounding spaces (None when empty), or ParameterError saying why not."""
    if name is None or not str(name).strip():
        return None
    text = str(name).strip()
    why = problem(text, max_bytes)
    if why is not None:
        raise _refuse(text, why)
    return text


def check_path_prefix(prefix: str, max_bytes: int = MAX_NAME_BYTES) -> None:
    """A ``folder/sub/name`` prefix: every component a usable name (the last one becomes the file name)."""
    parts = prefix.split("/")
    for part in parts[:-1]:
        if part:
            why = problem(part, MAX_COMPONENT_BYTES)
            if why is not None:
                raise _refuse(part, why)
    check_name(parts[-1], max_bytes)


def truncate_bytes(text: str, max_bytes: int) -> str:
    """``text`` cut to at most ``max_bytes`` UTF-8 bytes, on a character boundary."""
    data = text.encode("utf-8", "surrogatepass")
    if len(data) <= max_bytes:
        return text
    return data[:max(0, max_bytes)].decode("utf-8", "ignore")


def sanitize(name: Optional[str], max_bytes: int = MAX_NAME_BYTES) -> str:
    """A server-chosen name made usable: its last component, control and reserved characters replaced
    by ``_``, device names prefixed, at most ``max_bytes`` bytes with the extension kept ('' if nothing
    is left)."""
    if not name:
        return ""
    name = str(name).replace("\\", "/").split("/")[-1]
    name = re.sub(r"[\x00-\x1f\x7f-\x9f<>:\"|?*]", "_", name).strip().strip(".").strip()
    if not name:
        return ""
    if name.split(".")[0].strip().lower() in _WINDOWS_RESERVED:
        name = "_" + name
    if len(name.encode("utf-8", "surrogatepass")) > max_bytes:
        stem, dot, ext = name.rpartition(".")
        if not dot or not stem or len(ext.encode("utf-8", "surrogatepass")) > 16:
            stem, ext = name, ""
        tail = "." + ext if ext else ""
        name = truncate_bytes(stem, max_bytes - len(tail.encode("utf-8"))).rstrip(". ") + tail
    return name
