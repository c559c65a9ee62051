"""eodag's searches, catalogue and connection checks in a Python process of their own (issue 21).

Why a process: eodag's Python work holds the interpreter lock of the process it runs in --
libyaml parsing its ``providers.yml`` (~120 ms at a stretch), the full garbage collections
that building its gateway triggers (100-200 ms), jsonpath parsing under a module-level lock.
On a worker thread of QGIS that still stalls QGIS's main thread that long, and an abandoned
search keeps the lock until eodag's own timeouts end.  In a child process none of it touches
QGIS's interpreter, and cancelling is killing the process: no lock is left held anywhere.

The parent (:func:`run`, on a task's thread) starts QGIS's own Python (:func:`python_executable`)
with a small bootstrap, writes ONE JSON line on its stdin -- the parent's ``sys.path`` (so the
child imports the same plugin package, eodag and site packages), the operation, its
arguments and the credentials (stdin only: never argv or the environment, which other
processes and logs can see) -- and keeps stdin open: the child exits when it closes (the
parent was killed or gave up).  The child answers one JSON line on stdout; its stderr
(eodag's log) is kept, redacted, for the plugin's log.  A cancel token or deadline that
fires kills the child at once (:class:`..runner.CancelToken` checked every :data:`POLL` s).

The operations call the same functions the in-process code calls (one code path):
``catalogue`` (:func:`catalogue._build`), ``search`` (:func:`search`),
``check_access`` (:func:`check_access`), ``quicklooks`` (:func:`quicklooks`).  Search
results come back as :class:`ProductInfo` whose ``product`` is eodag's GeoJSON of the
product (``EOProduct.as_dict()``), enough to rebuild it in another child (quicklooks).

Downloads stay in the job's thread (:mod:`.runner`): they run one at a time per job, are
cancelled through eodag's progress callback, and are not started while the user waits.
Pure Python (no qgis import); the child's translations come from the adapters
(:mod:`...adapters.eodag_worker`).
"""
import dataclasses
import json
import logging
import os
import subprocess
import sys
import threading
from typing import Any, Callable, Dict, List, Optional

from ...errors import AuthError, CancelledError, EoError, HttpError, ParameterError, ProviderError
from ...i18n import translate
from . import client as eodag_client

_log = logging.getLogger(__name__)

POLL = 0.05                 # seconds between two looks at the cancel token
STDERR_KEPT = 20000         # characters of the child's stderr kept for the log
#: the child's entry: the module whose main(request) serves the request (adapters: translations)
ENTRY = __name__.rsplit(".", 4)[0] + ".adapters.eodag_worker"

#: Lowers its priority (background work: on a busy machine the child's CPU must not be taken from
#: QGIS's main thread), reads the request line, puts the parent's sys.path first, hands the request
#: to the entry module.
BOOTSTRAP = ("import os, sys, json, importlib; hasattr(os, 'nice') and os.nice(10); "
             "r = json.loads(sys.stdin.buffer.readline()); "
             "sys.path[:0] = [p for p in r.pop('path') if p not in sys.path]; "
             "importlib.import_module(r['entry']).main(r)")

_ERRORS = {cls.__name__: cls for cls in (EoError, CancelledError, ParameterError, ProviderError, HttpError,
                                         AuthError, eodag_client.EodagMissingError)}


# ---------------------------------------------------------------------------------------
# The interpreter
# ---------------------------------------------------------------------------------------
def python_executable() -> str:
    """QGIS's own Python interpreter.

    Inside QGIS ``sys.executable`` is not it: QGIS embeds Python, and Python then guesses
    from ``PATH`` (Debian's QGIS gave ``/root/.pyenv/shims/python3``, another Python) or
    names the QGIS binary (``qgis-bin.exe`` on Windows).  The interpreter lives under
    ``sys.prefix`` (a virtual environment's own) or ``sys.base_prefix``: ``bin/python3.X`` /
    ``bin/python3`` on Linux and macOS, ``python.exe`` (or ``bin/python.exe``) on Windows
    (OSGeo4W: ``apps/Python3X``).
    """
    major, minor = sys.version_info[:2]
    if os.name == "nt":
        names = ["python.exe", os.path.join("bin", "python.exe"), os.path.join("Scripts", "python.exe")]
    else:
        names = [os.path.join("bin", "python{}.{}".format(major, minor)), os.path.join("bin", "python3"),
                 os.path.join("bin", "python")]
    for prefix in dict.fromkeys([sys.prefix, sys.base_prefix, sys.exec_prefix]):
        for name in names:
            path = os.path.join(prefix, name)
            if os.path.isfile(path) and os.access(path, os.X_OK):
                return path
    base = os.path.basename(sys.executable or "").lower()
    if base.startswith("python"):
        return sys.executable
    raise ProviderError(translate("Eodag", "QGIS's Python interpreter was not found under {prefix}.")
                        .format(prefix=sys.base_prefix))


# ---------------------------------------------------------------------------------------
# What the child does (the same functions the in-process code calls)
# ---------------------------------------------------------------------------------------
def search(provider, collection, date_from, date_to, aoi_geojson=None, cloud_max=None, limit=50, credentials=None,
           cancel=None) -> List[eodag_client.ProductInfo]:
    """The eodag tab's search: one gateway with the credentials, ``EodagClient.search``."""
    credentials = credentials if credentials is not None else {}
    try:
        client = eodag_client.EodagClient(credentials=credentials, provider=provider or None)
        return client.search(provider or None, collection, date_from, date_to, aoi_geojson, cloud_max,
                             limit=limit, cancel=cancel)
    finally:
        credentials.clear()


def check_access(provider, collection, date_from, date_to, credentials=None, session_options=None,
                 cancel=None) -> str:
    """The eodag tab's Test connection (``EodagClient.check_access``)."""
    from ...transfer import http
    credentials = credentials if credentials is not None else {}
    try:
        client = eodag_client.EodagClient(credentials=credentials, provider=provider or None)
        session = http.make_session(**(session_options or {}))
        return client.check_access(provider, collection, date_from, date_to, session=session, cancel=cancel)
    finally:
        credentials.clear()


def quicklooks(products, folder, provider=None, credentials=None, cancel=None) -> Dict[str, str]:
    """Product id -> quicklook path ("" when none) of ``products`` (ProductInfos whose ``product``
    is eodag's GeoJSON of it), fetched through eodag as a search's products would be."""
    from eodag import EOProduct
    client = eodag_client.EodagClient(credentials=credentials or {}, provider=provider or None)
    found = {}
    for info in products:
        if cancel is not None:
            cancel.raise_if_cancelled()
        product = EOProduct.from_geojson(info.product)
        client._setup(product)
        found[info.id] = eodag_client.fetch_quicklook(eodag_client.product_info(product), folder)
    return found


def _catalogue(cancel=None):
    from . import catalogue
    return catalogue._build(cancel)


def products_out(infos) -> List[Dict[str, Any]]:
    """JSON records of ProductInfos (``product``: eodag's GeoJSON of the product)."""
    out = []
    for info in infos:
        record = {f.name: getattr(info, f.name) for f in dataclasses.fields(info) if f.name != "product"}
        product = info.product
        record["product"] = product.as_dict() if hasattr(product, "as_dict") else product
        out.append(record)
    return out


def products_in(records) -> List[eodag_client.ProductInfo]:
    """ProductInfos from their JSON records (``product``: eodag's GeoJSON of the product)."""
    return [eodag_client.ProductInfo(**record) for record in records]


OPERATIONS: Dict[str, Callable] = {"catalogue": _catalogue, "search": search, "check_access": check_access,
                                   "quicklooks": quicklooks}


def serve(request: Dict[str, Any], cancel=None) -> Dict[str, Any]:
    """The child's answer to ``request`` (``op``, ``args``, ``credentials``): ``{"ok": True, "result"}``
    or ``{"ok": False, "error": {"type", "message", "hint"}}``."""
    args = dict(request.get("args") or {})
    op = request.get("op")
    if "credentials" in request:
        args["credentials"] = dict(request.get("credentials") or {})
    if op == "quicklooks":
        args["products"] = products_in(args.get("products") or [])
    try:
        result = OPERATIONS[op](cancel=cancel, **args)
        if op == "search":
            result = {"products": products_out(result), "notes": list(getattr(result, "notes", []))}
        return {"ok": True, "result": result}
    except EoError as exc:
        return {"ok": False, "error": {"type": type(exc).__name__, "message": exc.message, "hint": exc.hint}}
    except Exception as exc:  # noqa: BLE001 (the parent shows it as the task's error)
        from ...transfer.http import redact
        return {"ok": False, "error": {"type": "EoError", "message": redact("{}: {}".format(
            type(exc).__name__, exc)), "hint": None}}


# ---------------------------------------------------------------------------------------
# The parent: start, feed, watch, kill
# ---------------------------------------------------------------------------------------
def run(op: str, args: Optional[Dict[str, Any]] = None, cancel=None, credentials: Optional[Dict[str, Any]] = None,
        translations: str = ""):
    """Run ``op`` with ``args`` in a child process; its result (search: ProductInfos).

    ``credentials`` go on the child's stdin only.  ``cancel`` (a CancelToken, also carrying a
    task's deadline) kills the child within :data:`POLL` seconds and raises CancelledError.
    ``translations``: the plugin's .qm file for the child's messages ("" for English).
    """
    request = {"path": list(sys.path), "entry": ENTRY, "op": op, "args": args or {}, "qm": translations}
    if credentials is not None:
        eodag_client._register_secrets(credentials)
        request["credentials"] = dict(credentials)
    line = (json.dumps(request) + "\n").encode("utf-8")
    request.clear()
    flags = (getattr(subprocess, "CREATE_NO_WINDOW", 0) | getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0)
             if os.name == "nt" else 0)
    proc = subprocess.Popen([python_executable(), "-c", BOOTSTRAP], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, creationflags=flags)
    readers, out, err = _collect(proc)
    try:
        proc.stdin.write(line)
        proc.stdin.flush()
        _watch(proc, readers[0], cancel)
    except OSError:          # the child ended before reading the request: its stderr says why
        proc.wait()
    finally:
        _close(proc, readers)
    return _answer(op, proc.returncode, b"".join(out), b"".join(err))


def _collect(proc):
    """Threads reading the child's stdout and stderr into lists (a full pipe would block it)."""
    out, err, readers = [], [], []
    for stream, sink in ((proc.stdout, out), (proc.stderr, err)):
        thread = threading.Thread(target=_drain, args=(stream, sink), name="eo-downloader-eodag-pipe", daemon=True)
        thread.start()
        readers.append(thread)
    return readers, out, err


def _drain(stream, sink) -> None:
    try:
        for chunk in iter(lambda: stream.read1(65536), b""):
            sink.append(chunk)
    except (OSError, ValueError):
        pass


def _watch(proc, stdout_reader, cancel) -> None:
    """Wait for the child; kill it as soon as ``cancel`` fires (then raise CancelledError).

    The wait is the stdout reader's end (the child closed its stdout: it ended), one blocking wait
    per :data:`POLL` with the interpreter lock released -- not ``Popen.wait(timeout)``, which polls
    with sleeps from 0.5 ms up (about 140 wake-ups a second, each taking the interpreter lock: on a
    loaded machine each is a chance for QGIS's main thread to wait for a descheduled holder)."""
    while True:
        stdout_reader.join(POLL)
        if not stdout_reader.is_alive():
            proc.wait()
            return
        if cancel is not None and cancel.is_cancelled():
            proc.kill()
            proc.wait()
            cancel.raise_if_cancelled()


def _close(proc, readers) -> None:
    """Close stdin (a child still there exits on it), kill it if it did not end, join the readers."""
    try:
        proc.stdin.close()
    except OSError:
        pass
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    for thread in readers:
        thread.join(2.0)


def _answer(op: str, returncode: int, out: bytes, err: bytes):
    from ...transfer.http import redact
    log_text = redact(err.decode("utf-8", "replace")[-STDERR_KEPT:]).strip()
    if log_text:
        _log.debug("eodag worker (%s) said: %s", op, log_text)
    lines = [ln for ln in out.decode("utf-8", "replace").splitlines() if ln.startswith("{")]
    try:
        answer = json.loads(lines[-1]) if lines else None
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        last = log_text.splitlines()[-1] if log_text else "exit status {}".format(returncode)
        raise ProviderError(translate("Eodag", "eodag stopped without an answer: {error}").format(error=last))
    if not answer.get("ok"):
        error = answer.get("error") or {}
        cls = _ERRORS.get(error.get("type"), EoError)
        raise cls(error.get("message") or "eodag", hint=error.get("hint"))
    result = answer.get("result")
    if op == "search":     # the products, with the notes of the search (SearchResults)
        return eodag_client.SearchResults(products_in(result["products"]), result.get("notes") or ())
    return result


# ---------------------------------------------------------------------------------------
# The child's main loop (called by the entry module once its translations are installed)
# ---------------------------------------------------------------------------------------
def child_main(request: Dict[str, Any]) -> None:
    """Serve ``request`` and print the answer; exit at once when stdin closes (the parent gave up)."""
    answer_stream = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout = sys.stderr              # a print() in eodag must not garble the answer
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    threading.Thread(target=_exit_on_eof, name="eodag-worker-stdin", daemon=True).start()
    answer = serve(request)
    request.clear()
    answer_stream.write(json.dumps(answer, default=str) + "\n")
    answer_stream.flush()
    sys.stderr.flush()
    os._exit(0)          # eodag may leave threads behind: the answer is out, nothing else matters


def _exit_on_eof() -> None:
    try:
        while sys.stdin.buffer.read(1):
            pass
    except (OSError, ValueError):
        pass
    os._exit(3)
