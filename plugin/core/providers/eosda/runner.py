"""Runner of EOSDA ``lbe`` (Download API) jobs: ``register_runner("eosda", run)``.

``job.params``: ``view_id``, ``bands`` (list or comma string), ``merge`` (default
true), ``metadata`` (list, optional), ``reference`` (optional; generated when
missing), ``callback_url`` (optional), ``aoi`` (GeoJSON in EPSG:4326).

Settings read from ``ctx.settings`` (all optional): ``eosda_api`` (base URL, else
:func:`config.base_url`), ``eosda_auth`` ("both" | "header" | "query"),
``eosda_poll_initial`` / ``eosda_poll_factor`` / ``eosda_poll_max`` (seconds,
default 2 / 1.5 / 30), ``eosda_max_vertices`` (per polygon, default 1000),
``eosda_max_wait`` (seconds, default :data:`config.EOSDA_MAX_WAIT`: how long one run polls a task, also
when the server gave no usable ``task_timeout``; the task id stays in the job, so a retry polls it again),
``retry`` / ``timeouts`` (``http.RetryPolicy`` /
``http.Timeouts`` objects).

EOSDA takes one Polygon per request, so a MultiPolygon AOI becomes one task per
part; with more than one part the outputs go to ``part_1``, ``part_2``, ...
sub-folders of the job's output folder.

Restart safety: every task id is saved with ``ctx.save_server`` right after its
creation and before any polling (``job.server["tasks"]``: one record per part
with ``part``, ``task_id``, ``req_id``, ``task_timeout``, ``created_at``,
``reference``, ``done``, ``outputs``).  A job that already holds task ids polls
them again and never creates a second task for a part.  EOSDA documents no way
to cancel a task, so cancelling stops the polling only.

Outputs: every raster (``.tif``/``.tiff``/``.jp2``) first, then any metadata file
of a zip result; the metadata files are also listed in
``job.server["metadata_files"]`` so a loader can skip them.
"""
import logging
import math
import os
import re
from typing import Any, Dict, List, Optional

from ... import config, titles
from ...aoi import Aoi
from .client import (DEFAULT_MAX_VERTICES, EosdaClient, PollPolicy, TaskInfo, build_params, build_task_body,
                     expected_result_type, is_raster_path, missing_key_message, order_outputs)
from ...errors import AuthError, EoError, ParameterError
from ...i18n import translate
from ...jobs import JobState
from ...runner import register_runner

_log = logging.getLogger(__name__)

PROVIDER_ID = "eosda"


_LANDSAT_DAY = re.compile(r"_\d{6}_((?:19|20)\d{2})(\d{2})(\d{2})_")


def view_day(view_id: str) -> Optional[str]:
    """The acquisition day a view id tells (``S2/13/R/EL/2023/7/19/0``, a Landsat Collection
    product id), as ``YYYY-MM-DD``; None when it tells none."""
    text = str(view_id or "").strip()
    parts = text.split("/")
    if len(parts) == 8 and parts[0].upper() == "S2" and all(p.isdigit() for p in parts[4:7]):
        return "{:04d}-{:02d}-{:02d}".format(int(parts[4]), int(parts[5]), int(parts[6]))
    match = _LANDSAT_DAY.search(text)
    return "-".join(match.groups()) if match else None


def result_title(params: Dict[str, Any]) -> str:
    """What an EOSDA job and its layer group are called (:func:`...titles.job_title`):
    ``EOSDA S2 13REL 2023-07-19 · 12 ha``."""
    view_id = str(params.get("view_id") or "").strip()
    parts = view_id.split("/")
    day = view_day(view_id)
    if day and parts[0].upper() == "S2":
        what = "EOSDA S2 {}{}{}".format(*parts[1:4])
    else:
        what = "EOSDA {}".format(view_id)
    return titles.job_title(what, day, params)


def _safe_stem(view_id: str, bands: List[str]) -> str:
    stem = "{}_{}".format(view_id, "_".join(bands))
    return re.sub(r"[^A-Za-z0-9_.\-]+", "_", stem).strip("_")[:150]


def part_geometries(aoi_geojson: Any, max_vertices: int, notes: Optional[List[str]] = None) -> List[Dict[str, Any]]:
    """One GeoJSON Polygon per AOI part, each with at most ``max_vertices`` vertices; what was
    changed on the way (e.g. simplified) is logged and added to ``notes``."""
    if not aoi_geojson:
        raise ParameterError(translate("Eosda", "The job has no area of interest."))
    aoi = Aoi.from_geojson(aoi_geojson)
    for note in aoi.notes:
        _note(note, notes)
    geoms: List[Dict[str, Any]] = []
    for part in aoi.parts:
        single = Aoi(part).simplified(int(max_vertices))
        for note in single.notes:
            _note(note, notes)
        geoms.extend(single.part_geojson())
    return geoms


def _note(text: str, notes: Optional[List[str]]) -> None:
    _log.info(text)
    if notes is not None:
        notes.append(text)


class _Made(set):
    """The files and folders a task's download made, kept in its record (``made``) as soon as each
    is there: a restarted job may replace them, and nothing else (the names are the server's)."""

    def __init__(self, record: Dict[str, Any], save):
        super().__init__(record.get("made") or [])
        self._record = record
        self._save = save

    def add(self, path: str) -> None:
        if path not in self:
            super().add(path)
            self._record["made"] = sorted(self)
            self._save()


def _check_result(paths: List[str]) -> None:
    """The files of a finished task are usable (:func:`...raster.check_outputs`), else its error, in
    the words of what the server sent instead.  The files (this run just wrote them, under names
    nothing else had) are removed then, so the task is not recorded as delivered and running
    the job again fetches its result again."""
    from ... import raster
    try:
        raster.check_outputs(paths)
    except EoError:
        for path in paths:
            try:
                os.remove(path)
            except OSError:
                pass
        raise


class EosdaRun:
    """One EOSDA job: plan (validate, create the missing tasks, ids saved at once) -> fetch (poll each
    task and download its result) -> finish (outputs in order, metadata files recorded)."""

    def __init__(self, job, ctx):
        self.job = job
        self.ctx = ctx
        self.notes: List[str] = []
        self.tasks: List[Dict[str, Any]] = []

    def _client(self, api_key: str) -> EosdaClient:
        ctx = self.ctx
        poll = PollPolicy(initial=float(ctx.setting("eosda_poll_initial", 2.0)),
                          factor=float(ctx.setting("eosda_poll_factor", 1.5)),
                          maximum=float(ctx.setting("eosda_poll_max", 30.0)))
        base = ctx.settings.get("eosda_api") or config.base_url("eosda_api")
        return EosdaClient(ctx.session, base, api_key, auth=ctx.setting("eosda_auth", "both"),
                           retry=ctx.settings.get("retry"), timeouts=ctx.settings.get("timeouts"),
                           cancel=ctx.cancel, poll=poll)

    # -- plan ------------------------------------------------------------------------------
    def plan(self) -> None:
        job, ctx = self.job, self.ctx
        params = dict(job.params or {})
        api_key = ctx.credentials.get("api_key") or config.env_secret("eosda_api_key")
        if not api_key:
            raise AuthError(missing_key_message())
        reference = params.get("reference") or job.server.get("reference")
        self.p = p = build_params(params.get("view_id"), params.get("bands"), params.get("merge", True),
                                  params.get("metadata"), reference, params.get("callback_url"))
        if job.server.get("reference") != p["reference"]:
            ctx.save_server(reference=p["reference"])
        if view_day(p["view_id"]) and not job.server.get("acquired"):     # (the layers' metadata)
            ctx.save_server(acquired=[view_day(p["view_id"])])
        self.geoms = part_geometries(params.get("aoi"),
                                     int(ctx.setting("eosda_max_vertices", DEFAULT_MAX_VERTICES)), self.notes)
        self.client = self._client(api_key)
        self.max_wait = config.limit(ctx.settings, "eosda_max_wait", config.EOSDA_MAX_WAIT)
        self.result_type = expected_result_type(p["view_id"], p["bands"], p["merge"], p["metadata"])
        self.stem = _safe_stem(p["view_id"], p["bands"])
        self.out_root = ctx.output_dir
        self.create_tasks()

    def create_tasks(self) -> None:
        """Create the tasks not created yet, saving each id before anything else."""
        ctx, p, n = self.ctx, self.p, len(self.geoms)
        tasks = self.tasks = [dict(t) for t in (self.job.server.get("tasks") or [])]
        known = {int(t.get("part", 1)) for t in tasks if t.get("task_id")}
        created = 0
        for index, geom in enumerate(self.geoms, start=1):
            if index in known:
                continue
            ctx.cancel.raise_if_cancelled()
            part_ref = p["reference"] if n == 1 else "{}_part{}".format(p["reference"], index)
            body = build_task_body(p, geom, reference=part_ref)
            ctx.progress(5.0 * (index - 1) / n, translate("Eosda", "Creating EOSDA task {} of {}...")
                         .format(index, n))
            info = self.client.create_task(body)
            record = info.to_dict()
            record.update(part=index, done=False, outputs=[])
            tasks.append(record)
            tasks.sort(key=lambda t: int(t.get("part", 1)))
            ctx.save_server(tasks=[dict(t) for t in tasks], parts=n)
            created += 1
        if created:
            message = translate("Eosda", "{} EOSDA task(s) submitted.").format(len(tasks))
            if self.notes:
                message = "{} {}".format(message, " ".join(self.notes))
            ctx.set_state(JobState.SUBMITTED, message)
        ctx.progress(5.0, translate("Eosda", "Waiting for EOSDA..."))

    # -- fetch -----------------------------------------------------------------------------
    def fetch(self) -> List[str]:
        """Poll each task and fetch its result (a finished task whose files are there is kept)."""
        all_outputs: List[str] = []
        for slot, record in enumerate(self.tasks):
            self.ctx.cancel.raise_if_cancelled()
            if record.get("done") and record.get("outputs") and all(os.path.exists(o) for o in record["outputs"]):
                all_outputs.extend(record["outputs"])
                continue
            all_outputs.extend(self.fetch_task(slot, record))
        return all_outputs

    def fetch_task(self, slot: int, record: Dict[str, Any]) -> List[str]:
        ctx, tasks = self.ctx, self.tasks
        width = 95.0 / max(1, len(tasks))
        index = int(record.get("part", slot + 1))
        start = 5.0 + width * slot
        dest = self.out_root if len(self.geoms) == 1 else os.path.join(self.out_root, "part_{}".format(index))
        info = TaskInfo.from_dict(record)
        label = translate("Eosda", "EOSDA task {} of {}").format(index, len(tasks)) if len(tasks) > 1 \
            else translate("Eosda", "EOSDA task")
        ctx.set_state(JobState.RUNNING, translate("Eosda", "{}: waiting for the server.").format(label))

        def on_poll(status, elapsed):
            frac = 1.0 - math.exp(-max(0.0, elapsed) / 120.0)
            ctx.progress(start + width * 0.3 * frac,
                         translate("Eosda", "{}: {} ({:.0f} s)").format(label, status.status or status.kind,
                                                                        elapsed))

        def on_download():
            ctx.set_state(JobState.DOWNLOADING, translate("Eosda", "{}: downloading the result.").format(label))

        def on_progress(prog):
            total = getattr(prog, "total", None)
            done = getattr(prog, "done", 0) or 0
            frac = (done / total) if total else 0.0
            ctx.progress(start + width * (0.3 + 0.65 * min(1.0, frac)),
                         translate("Eosda", "{}: downloading ({:.1f} MB)").format(label, done / 1e6))

        paths = self.client.wait(info, dest, default_stem=self.stem, expected_type=self.result_type,
                                 on_poll=on_poll, on_download=on_download, progress=on_progress,
                                 max_wait=self.max_wait,
                                 owned=_Made(record, lambda: ctx.save_server(tasks=[dict(t) for t in tasks])))
        _check_result(paths)
        record.update(done=True, outputs=list(paths), status="completed")
        ctx.save_server(tasks=[dict(t) for t in tasks])
        ctx.progress(start + width, translate("Eosda", "{}: done.").format(label))
        return list(paths)

    # -- finish ----------------------------------------------------------------------------
    def finish(self, all_outputs: List[str]) -> List[str]:
        outputs = order_outputs(all_outputs)
        self.ctx.save_server(metadata_files=[o for o in outputs if not is_raster_path(o)])
        return outputs


def run(job, ctx) -> List[str]:
    work = EosdaRun(job, ctx)
    work.plan()
    return work.finish(work.fetch())


register_runner(PROVIDER_ID, run)
