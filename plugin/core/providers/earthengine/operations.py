"""Earth Engine long-running operations: start an export, follow it, cancel it.

REST calls (as the official client makes them, see
``tests/fixtures/ee_official/export_operation_calls.json``):

- ``POST {base}/v1/projects/{p}/image:export?alt=json`` -> an Operation.  It is
  retried (5 retries) only because it carries a ``requestId``; the server starts
  one operation per requestId, so a retry after a lost answer returns the same one.
- ``GET {base}/v1/{operation name}?alt=json``.
- ``POST {base}/v1/{operation name}:cancel?alt=json`` with body ``{}``.
- ``GET {base}/v1/projects/{p}/operations?pageSize=500&alt=json[&pageToken=..]``.
- ``POST {base}/v1/projects/{p}/maps?fields=name&alt=json`` -> ``{"name"}``; tiles
  at ``{base}/v1/{map name}/tiles/{z}/{x}/{y}`` (``ee.data.getMapId``/``getTileUrl``).

:func:`follow` polls an operation like ``earthengine task wait`` (at most every
10 s; here starting at 1 s and backing off, both injectable), reports state,
progress and stages, and handles cancellation: a user cancel sends ``:cancel``
and waits (briefly) for CANCELLED; a shutdown cancel leaves the operation
running so the job can resume.
"""
import copy
import json
import logging
import re
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterator, List, Optional
from urllib.parse import urlencode

from ... import config
from ...transfer import http
from ...errors import CancelledError, EoError, HttpError, ProviderError
from ...i18n import translate
from ...runner import CancelToken
from .client import API_VERSION, EeClient, service_message

_log = logging.getLogger(__name__)

EXPORT_TOO_LARGE_RE = re.compile(r"specified (\d+) pixels \(max: (\d+)\)")


class OperationState:
    UNSPECIFIED = "STATE_UNSPECIFIED"
    PENDING = "PENDING"
    RUNNING = "RUNNING"
    CANCELLING = "CANCELLING"
    SUCCEEDED = "SUCCEEDED"
    CANCELLED = "CANCELLED"
    FAILED = "FAILED"
    DONE = (SUCCEEDED, CANCELLED, FAILED)


class Operation:
    """A view of an Operation JSON (``name, metadata, done, error | response``)."""

    def __init__(self, data: Dict[str, Any]):
        self.data = data or {}

    @property
    def name(self) -> str:
        return self.data.get("name") or ""

    @property
    def id(self) -> str:
        return self.name.rsplit("/", 1)[-1]

    @property
    def metadata(self) -> Dict[str, Any]:
        return self.data.get("metadata") or {}

    @property
    def done(self) -> bool:
        return bool(self.data.get("done"))

    @property
    def state(self) -> str:
        state = self.metadata.get("state") or OperationState.UNSPECIFIED
        if self.done and state not in OperationState.DONE:
            # A done operation without a final state: decide from error / response.
            state = OperationState.FAILED if self.error else OperationState.SUCCEEDED
        return state

    @property
    def progress(self) -> Optional[float]:
        value = self.metadata.get("progress")
        try:
            return max(0.0, min(1.0, float(value))) if value is not None else None
        except (TypeError, ValueError):
            return None

    @property
    def stages(self) -> List[Dict[str, Any]]:
        return list(self.metadata.get("stages") or [])

    @property
    def error(self) -> Dict[str, Any]:
        """The error of a done operation (Earth Engine sets it only then), else {}."""
        return (self.data.get("error") or {}) if self.done else {}

    @property
    def error_message(self) -> str:
        return str(self.error.get("message") or "")

    @property
    def create_time(self) -> Optional[str]:
        return self.metadata.get("createTime")

    @property
    def destination_uris(self) -> List[str]:
        return list(self.metadata.get("destinationUris") or [])

    def current_stage(self) -> Optional[Dict[str, Any]]:
        """The stage being worked on: the first unfinished one that reported work, else the last that did."""
        reported = [s for s in self.stages if s.get("totalWorkUnits") is not None]
        for stage in reported:
            if int(stage.get("completeWorkUnits") or 0) < int(stage.get("totalWorkUnits") or 0):
                return stage
        return reported[-1] if reported else None

    def summary(self) -> str:
        """E.g. ``RUNNING 42% — Write Files 3/7`` (state codes are Earth Engine's own)."""
        text = self.state
        if self.progress is not None and self.state not in (OperationState.PENDING,):
            text += " {}%".format(int(round(self.progress * 100)))
        stage = self.current_stage() if not self.done else None
        if stage is not None:
            text += " \u2014 {} {}/{}".format(stage.get("displayName") or stage.get("description") or "?",
                                              int(stage.get("completeWorkUnits") or 0),
                                              int(stage.get("totalWorkUnits") or 0))
        return text


def too_large(message: str) -> Optional[tuple]:
    """(specified, max) pixels from "Export too large: specified N pixels (max: M). ..."."""
    match = EXPORT_TOO_LARGE_RE.search(message or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def failure(op: Operation) -> ProviderError:
    """The user-facing error of a FAILED operation (Earth Engine's message verbatim, and what to do)."""
    message = op.error_message or translate("EeExport", "(no message)")
    hint = None
    sizes = too_large(message)
    if sizes is not None:
        hint = translate("EeExport", "Set MAX_PIXELS to at least {} (the export has {} pixels, the limit was {}), "
                                     "or make the area smaller or the scale coarser.").format(
            sizes[0], sizes[0], sizes[1])
    elif "bucket" in message.lower():
        hint = translate("EeExport", "Check the bucket name and that your account (or Earth Engine's service "
                                     "account) may write to it.")
    return ProviderError(translate("EeExport", "The Earth Engine export {} failed: {}").format(op.id, message),
                         hint)


@dataclass
class PollPolicy:
    """Seconds between polls: ``initial``, times ``factor`` after each poll, at most ``maximum``.

    ``sleep`` replaces the cancellable sleep (tests); ``cancel_wait`` bounds the
    wait for CANCELLED after a user cancel; ``max_wait`` bounds how long one run
    follows the operation (default :data:`config.EE_EXPORT_MAX_WAIT`).
    """

    initial: float = 1.0
    factor: float = 1.5
    maximum: float = 10.0
    cancel_wait: float = 20.0
    sleep: Optional[Callable[[float], None]] = None
    max_wait: float = field(default_factory=lambda: config.EE_EXPORT_MAX_WAIT)

    def intervals(self) -> Iterator[float]:
        delay = max(0.0, self.initial)
        while True:
            yield min(delay, self.maximum)
            delay = min(self.maximum, max(delay, 0.01) * self.factor)


class ExportClient(EeClient):
    """The batch side of the Earth Engine REST API (exports, operations, maps)."""

    def _call(self, method: str, url: str, what: str, *, retry: Optional[http.RetryPolicy] = None,
              cancel: Any = "ctx", **kwargs) -> Dict[str, Any]:
        try:
            response = self._request(method, url, what, retry=retry, cancel=cancel, **kwargs)
        except EoError as err:
            status = getattr(err, "status", None)
            if status == 400 and what == "export":
                err.hint = translate("EeExport", "Earth Engine refused the export options; change what the "
                                                 "message names.")
            elif status == 404 and what == "operation":
                err.hint = translate("EeExport", "Earth Engine no longer knows this operation (they are kept "
                                                 "for a limited time). Retry the job to start the export again.")
            raise
        return self._json(response, url)

    # -- exports ------------------------------------------------------------------
    def export_url(self) -> str:
        return "{}/{}/projects/{}/image:export?alt=json".format(self.base_url, API_VERSION, self.project)

    def export_image(self, body: Dict[str, Any]) -> Operation:
        """Start an image export.  Runs to its answer even when the job is cancelled meanwhile
        (the caller then cancels the operation), so a started export is never lost."""
        retry = self.retry if body.get("requestId") else http.RetryPolicy(max_attempts=1)
        op = Operation(self._call("POST", self.export_url(), "export", retry=retry, cancel=None,
                                  data=json.dumps(body)))
        if "/operations/" not in op.name:
            raise HttpError(translate("EeExport", "Earth Engine did not return an operation for the export."),
                            status=200, body=http.redact(json.dumps(op.data)[:500]))
        return op

    # -- operations -----------------------------------------------------------------
    def operation_url(self, name: str, suffix: str = "") -> str:
        return "{}/{}/{}{}?alt=json".format(self.base_url, API_VERSION, name, suffix)

    def get_operation(self, name: str, cancel: Any = "ctx") -> Operation:
        return Operation(self._call("GET", self.operation_url(name), "operation", cancel=cancel))

    def cancel_operation(self, name: str, cancel=None) -> None:
        """``:cancel`` (body ``{}``); not itself cancellable unless a ``cancel`` token is given (a
        server-side cancel the user asked for, stopped when QGIS closes).  The answer's body is ignored."""
        self._call("POST", self.operation_url(name, ":cancel"), "operation", cancel=cancel, data="{}")

    def list_operations(self, page_size: int = 500,
                        filter: Optional[str] = None) -> Iterator[Operation]:  # noqa: A002 (the REST name)
        """Every operation of the project, page after page (``ee.data.listOperations``)."""
        from .storage import pages

        def page(token):
            query = {"pageSize": page_size}
            if filter:
                query["filter"] = filter
            if token:
                query["pageToken"] = token
            query["alt"] = "json"
            url = "{}/{}/projects/{}/operations?{}".format(self.base_url, API_VERSION, self.project,
                                                          urlencode(query))
            return self._call("GET", url, "list")
        for data in pages(page, "Earth Engine"):
            for item in data.get("operations") or []:
                yield Operation(item)

    # -- maps -------------------------------------------------------------------------
    def maps_url(self) -> str:
        return "{}/{}/projects/{}/maps?fields=name&alt=json".format(self.base_url, API_VERSION, self.project)

    def create_map(self, body: Dict[str, Any]) -> str:
        """``getMapId``: the map name ``projects/{p}/maps/{id}``."""
        data = self._call("POST", self.maps_url(), "map", data=json.dumps(body))
        name = data.get("name")
        if not isinstance(name, str) or "/maps/" not in name:
            raise HttpError(translate("EeExport", "Earth Engine did not return a map id."), status=200)
        return name

    def tile_url_template(self, map_name: str) -> str:
        """``{base}/v1/{map name}/tiles/{z}/{x}/{y}`` (needs the OAuth token, like every call)."""
        return "{}/{}/{}/tiles/{{z}}/{{x}}/{{y}}".format(self.base_url, API_VERSION, map_name)

    def uncancellable(self) -> "ExportClient":
        """A copy of this client that ignores the job's cancel token (for the cancel itself)."""
        other = copy.copy(self)
        other.cancel = None
        return other


def follow(client: ExportClient, name: str, cancel, on_update: Callable[[Operation], None],
           policy: Optional[PollPolicy] = None, on_cancelling: Optional[Callable[[], None]] = None) -> Operation:
    """Poll ``name`` until it is done; return the SUCCEEDED operation.

    Raises :class:`ProviderError` for FAILED (Earth Engine's message, with a
    MAX_PIXELS hint for "Export too large"), :class:`CancelledError` when the
    operation was cancelled (by us or elsewhere).  ``cancel`` is the job's
    CancelToken: with reason USER the operation is cancelled server-side
    (``:cancel``, ``on_cancelling()``, then polled -- ``on_update`` -- until
    CANCELLED, at most ``policy.cancel_wait`` seconds); with reason SHUTDOWN it
    is left running (the job stays resumable).
    """
    policy = policy or PollPolicy()
    intervals = policy.intervals()
    last = None
    deadline = time.monotonic() + policy.max_wait
    try:
        while True:
            op = client.get_operation(name)
            last = op
            on_update(op)
            if op.done:
                return _finished(op)
            if time.monotonic() >= deadline:
                raise _still_running(op, policy.max_wait)
            delay = min(next(intervals), max(0.0, deadline - time.monotonic()))
            if policy.sleep is not None:
                cancel.raise_if_cancelled()
                policy.sleep(delay)
                cancel.raise_if_cancelled()
            else:
                cancel.sleep(delay)
    except CancelledError:
        if getattr(cancel, "reason", None) == CancelToken.SHUTDOWN or (last is not None and last.done):
            raise
        _cancel_server_side(client, name, on_update, on_cancelling, policy)
        raise


def _still_running(op: Operation, waited: float) -> ProviderError:
    """The job's end when an operation outlasts the plugin's deadline: it keeps running on Earth Engine and
    its name stays in the job, so a retry follows the same export (nothing is started twice)."""
    return ProviderError(
        translate("EeExport", "The Earth Engine export {} is still {} after {}; the plugin stopped following it.")
        .format(op.id, op.summary(), _duration(waited)),
        translate("EeExport", "It keeps running on Earth Engine: retry the job later to follow it and fetch the "
                              "result."))


def _duration(seconds: float) -> str:
    if seconds >= 3600:
        return translate("EeExport", "{:g} h").format(round(seconds / 3600.0, 1))
    if seconds >= 60:
        return translate("EeExport", "{:g} min").format(round(seconds / 60.0, 1))
    return translate("EeExport", "{:g} s").format(round(seconds, 1))


def _finished(op: Operation) -> Operation:
    if op.state == OperationState.SUCCEEDED:
        return op
    if op.state == OperationState.CANCELLED:
        raise CancelledError(translate("EeExport", "The Earth Engine export {} was cancelled.").format(op.id))
    raise failure(op)


def _cancel_server_side(client: ExportClient, name: str, on_update, on_cancelling, policy: PollPolicy) -> None:
    quiet = client.uncancellable()
    try:
        quiet.cancel_operation(name)
    except (HttpError, OSError) as exc:   # already finished, or unreachable: nothing more to do
        _log.info("Cancelling Earth Engine operation {} failed: {}".format(name, getattr(exc, "message", exc)))
        return
    if on_cancelling is not None:
        on_cancelling()
    end = time.monotonic() + policy.cancel_wait
    intervals = policy.intervals()
    while time.monotonic() < end:
        try:
            op = quiet.get_operation(name, cancel=None)
        except HttpError:
            return
        on_update(op)
        if op.done:
            return
        (policy.sleep or time.sleep)(min(next(intervals), max(0.0, end - time.monotonic())))


__all__ = ["Operation", "OperationState", "PollPolicy", "ExportClient", "follow", "failure", "too_large",
           "service_message"]
