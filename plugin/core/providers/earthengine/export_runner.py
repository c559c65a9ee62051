"""Runner of Earth Engine batch exports: ``register_runner("ee_export", run)``.

``job.params``: see :func:`build_params` (shared by Processing and the GUI) and
:mod:`plugin.core.providers.earthengine.export` for the meaning of each key.  Outputs go to
``job.output_dir``.

How a job runs (and re-runs -- every step is resumable from ``job.server``):

1. **Start** (only when ``job.server`` holds no ``operation``): the requestId is
   taken from ``job.server["request_id"]`` or made (uuid4) and saved *before*
   ``POST .../image:export``.  The POST runs to its answer even if the job is
   cancelled meanwhile, and is retried (transient errors, lost answers) with the
   same requestId, so Earth Engine starts exactly one export per job, whatever
   crashes.  The operation name is saved at once (``server["operation"]``).
2. **Don't wait** (``wait`` false, and this run started the export): the runner
   raises :class:`~plugin.core.runner.Detached`; the job stays RUNNING with the
   operation in ``job.server`` and ``job.message``.  Running the job again (Jobs
   panel retry, or the resume after a restart) follows the operation from step 3.
3. **Follow**: poll the operation (1 s, backing off to 10 s; settings
   ``ee_export_poll`` (a :class:`PollPolicy`) or ``ee_export_poll_initial`` /
   ``ee_export_poll_max``), showing ``RUNNING 42% — Write Files 3/7``, for at most
   ``ee_export_max_wait`` seconds (default :data:`config.EE_EXPORT_MAX_WAIT`): then the
   job fails with the operation kept, and a retry follows it again.  A user
   cancel cancels the export on Earth Engine (``:cancel``, CANCELLING, then
   CANCELLED); a shutdown leaves it running.  FAILED raises Earth Engine's
   message (with the MAX_PIXELS to use for "Export too large").
4. **Bring back**:

   - Cloud Storage: the objects ``<prefix>.tif`` / ``<prefix>-<row>-<col>.tif``
     listed through the JSON API and downloaded (``?alt=media``; md5/crc32c and
     size checked); split exports are joined into ``<name>.vrt``, the output.
   - Drive: the same through the Drive API v3 (folder found by name, newest first).
   - Asset: an XYZ tile layer URI of the asset (``maps.create`` ->
     ``{base}/v1/{map}/tiles/{z}/{x}/{y}``), in QGIS form
     ``type=xyz&url=...&zmax=..&zmin=0[&authcfg=..]``; with ``download_asset`` also
     the asset as a GeoTIFF of the AOI through the ee_download pipeline.

Credentials and settings as for ee_download (``ee_api``, ``retry``, ``timeouts``),
plus ``gcs_api`` and ``drive_api`` base URLs (else :func:`config.base_url`).
"""
import dataclasses
import logging
import os
from typing import Any, Dict, List, Optional

from ... import config
from ...errors import HttpError, ProviderError
from ...i18n import translate
from ...job_files import scratch_dir
from ...jobs import JobState
from ...runner import Detached, register_remote_cancel, register_runner
from . import auth as ee_auth
from . import export as ee_export
from . import params as ee_params
from . import storage
from .operations import ExportClient, Operation, OperationState, PollPolicy, follow
from .download_runner import DEFAULT_CONCURRENCY, DEFAULT_TILE_ATTEMPTS, EeDownload, _aoi_geojson, _safe_name

_log = logging.getLogger(__name__)

PROVIDER_ID = "ee_export"
#: Progress bands: starting, the export on Earth Engine, bringing the files back.
START_END, EXPORT_END = 3.0, 80.0


def build_params(image: Any, bands: Any = None, scale: Any = None, crs: Any = None, crs_transform: Any = None,
                 dimensions: Any = None, description: Any = None, destination: Any = "gcs", bucket: Any = None,
                 folder: Any = None, prefix: Any = None, asset_id: Any = None, max_pixels: Any = None,
                 priority: Any = None, file_dimensions: Any = None, cloud_optimized: bool = False,
                 no_data: Any = None, skip_empty: bool = False, pyramiding_policy: Any = None,
                 pyramiding_overrides: Any = None, workload_tag: Any = None, wait: bool = True,
                 download_asset: bool = False, project: Any = None, aoi: Any = None, overwrite: bool = False,
                 vis: Any = None, collection: Any = None, date_from: Any = None, date_to: Any = None,
                 cloud_max: Any = None, cloud_mask: Any = None, mask_band: Any = None, mask_threshold: Any = None,
                 composite: Any = None) -> Dict[str, Any]:
    """Validated job params from user inputs (raises ParameterError saying what to fix).

    ``bands``: names, comma-separated or a list; ``scale`` metres; ``crs`` e.g.
    "EPSG:32631"; ``crs_transform`` six numbers; ``dimensions`` "WxH" or one
    number; ``destination`` "gcs" / "drive" / "asset" (or "Cloud Storage",
    "Drive", "Asset", or 0/1/2); ``bucket`` + ``prefix`` (Cloud Storage), ``folder``
    + ``prefix`` (Drive; the prefix defaults to the description), ``asset_id``
    (``projects/<p>/assets/<name>``, ``users/...``, or a bare name put in the
    project); ``max_pixels`` (default 1e8 on the server); ``priority`` 0-9999
    (default 100); ``file_dimensions`` "W" or "WxH" multiples of 256;
    ``pyramiding_overrides`` JSON ``{"SCL": "MODE"}``; ``aoi`` an Aoi or GeoJSON
    in EPSG:4326 (None only with crs + crs_transform + WxH dimensions); ``vis``
    visualization of the asset tile layer (JSON ``{"bands", "min", "max", ...}``).
    ``collection`` (with ``image`` empty) and the arguments after it export a composite
    (see :mod:`plugin.core.providers.earthengine.params`, collection form).
    """
    return ee_export.validate({
        "image": image, "bands": bands, "scale": scale, "crs": crs, "crs_transform": crs_transform,
        "dimensions": dimensions, "description": description, "destination": destination, "bucket": bucket,
        "folder": folder, "prefix": prefix, "asset_id": asset_id, "max_pixels": max_pixels, "priority": priority,
        "file_dimensions": file_dimensions, "cloud_optimized": cloud_optimized, "no_data": no_data,
        "skip_empty": skip_empty, "pyramiding_policy": pyramiding_policy,
        "pyramiding_overrides": pyramiding_overrides, "workload_tag": workload_tag, "wait": wait,
        "download_asset": download_asset, "project": project, "aoi": _aoi_geojson(aoi), "overwrite": overwrite,
        "vis": vis, "collection": collection, "date_from": date_from, "date_to": date_to, "cloud_max": cloud_max,
        "cloud_mask": cloud_mask, "mask_band": mask_band, "mask_threshold": mask_threshold,
        "composite": composite})


def make_client(ctx, project: str) -> ExportClient:
    base = ctx.settings.get("ee_api") or config.base_url("ee_api")
    provider = ee_auth.provider_from_credentials(ctx.credentials)
    return ExportClient(base, project, provider, session=ctx.session, retry=ctx.settings.get("retry"),
                        timeouts=ctx.settings.get("timeouts"), cancel=ctx.cancel)


def poll_policy(ctx) -> PollPolicy:
    policy = (ctx.settings or {}).get("ee_export_poll")
    if isinstance(policy, PollPolicy):
        return dataclasses.replace(policy, max_wait=config.limit(ctx.settings, "ee_export_max_wait", policy.max_wait))
    return PollPolicy(initial=float(ctx.setting("ee_export_poll_initial", 1.0)),
                      maximum=float(ctx.setting("ee_export_poll_max", 10.0)),
                      max_wait=config.limit(ctx.settings, "ee_export_max_wait", config.EE_EXPORT_MAX_WAIT))


def join_tiles(paths: List[str], dest_vrt: str) -> str:
    """One VRT over the ``<prefix>-<row>-<col>.tif`` files of a split export (sources relative to it),
    with the files' band descriptions; written under a temporary name, then renamed."""
    from osgeo import gdal
    from ...raster import RasterError
    tmp = dest_vrt + ".part.vrt"
    try:
        ds = gdal.BuildVRT(tmp, [os.path.abspath(p) for p in paths])
        if ds is None:
            raise RuntimeError(gdal.GetLastErrorMsg())
        first = gdal.Open(paths[0])
        for i in range(1, ds.RasterCount + 1):
            ds.GetRasterBand(i).SetDescription(first.GetRasterBand(i).GetDescription())
        first = None
        ds = None
    except RuntimeError as exc:
        raise RasterError(translate("EeExport", "Could not join the export files into {}: {}").format(
            os.path.basename(dest_vrt), exc)) from None
    os.replace(tmp, dest_vrt)
    return dest_vrt


class EeExportRun:
    """One export job: start (once), follow, bring the results back."""

    def __init__(self, job, ctx, params: Dict[str, Any], client: ExportClient):
        self.job = job
        self.ctx = ctx
        self.p = params
        self.client = client
        self.output_dir = job.output_dir
        self._last_state: Optional[str] = None
        self.started_here = False

    # -- 1. start ---------------------------------------------------------------------
    def start(self) -> str:
        server = self.ctx.job.server or {}
        if server.get("operation"):
            return server["operation"]
        request_id = server.get("request_id") or ee_export.new_request_id()
        self.ctx.save_server(request_id=request_id)            # before the POST: a retry reuses it
        body = ee_export.export_body(self.p, request_id)
        self.ctx.progress(1.0, translate("EeExport", "Starting the export on Earth Engine"))
        op = self.client.export_image(body)
        self.ctx.save_server(operation=op.name, operation_state=op.state)
        self.started_here = True
        _log.info("Earth Engine export started: {} (requestId {})".format(op.name, request_id))
        self.ctx.set_state(JobState.SUBMITTED, translate("EeExport", "Export {} started").format(op.id))
        return op.name

    # -- 3. follow ------------------------------------------------------------------------
    def _on_update(self, op: Operation) -> None:
        summary = op.summary()
        if op.state != self._last_state:
            self._last_state = op.state
            self.ctx.save_server(operation_state=op.state)
            state = JobState.SUBMITTED if op.state == OperationState.PENDING else JobState.RUNNING
            if op.state not in OperationState.DONE:
                self.ctx.set_state(state, summary)
        fraction = op.progress or 0.0
        self.ctx.progress(START_END + (EXPORT_END - START_END) * fraction, summary)

    def _on_cancelling(self) -> None:
        self._last_state = OperationState.CANCELLING
        self.ctx.save_server(operation_state=OperationState.CANCELLING)
        self.ctx.set_state(JobState.RUNNING, OperationState.CANCELLING)

    def follow(self, name: str) -> Operation:
        try:
            return follow(self.client, name, self.ctx.cancel, self._on_update, poll_policy(self.ctx),
                          on_cancelling=self._on_cancelling)
        except HttpError as exc:
            if exc.status == 404:
                # Earth Engine forgot the operation: a retry must start a new export.
                self.ctx.save_server(operation=None, request_id=None, operation_state=None)
            raise

    # -- 4. results ------------------------------------------------------------------------
    def _download_all(self, items: List[Dict[str, Any]], fetch) -> List[str]:
        os.makedirs(self.output_dir, exist_ok=True)
        total = sum(int(i.get("size") or 0) for i in items) or 1
        done_before = 0
        paths = []
        self.ctx.set_state(JobState.DOWNLOADING, translate("EeExport", "Downloading {} file(s)").format(len(items)))
        for item in items:
            self.ctx.cancel.raise_if_cancelled()
            dest = os.path.join(self.output_dir, storage.local_name(item["name"]))

            def progress(prog, base=done_before, name=os.path.basename(dest)):  # noqa: B008 (bound per file)
                self.ctx.progress(EXPORT_END + (99.0 - EXPORT_END) * min(1.0, (base + prog.done) / float(total)),
                                  translate("EeExport", "Downloading {}").format(name))
            result = fetch(item, dest, progress)
            paths.append(result.path)
            done_before += int(item.get("size") or 0)
        return paths

    def _outputs_of(self, paths: List[str]) -> List[str]:
        from ...raster import declare_nodata
        for path in paths:
            if path.lower().endswith((".tif", ".tiff")):
                declare_nodata(path)      # masked pixels as no data, not a black frame
        tiled = [p for p in paths if storage.tile_offset(os.path.basename(p)) is not None]
        if not tiled:
            return paths
        base = os.path.basename(self.p["prefix"])
        vrt = join_tiles(sorted(paths), os.path.join(self.output_dir, base + ".vrt"))
        return [vrt]

    def fetch_gcs(self, op: Operation) -> List[str]:
        gcs = storage.GcsClient(self.ctx.settings.get("gcs_api") or config.base_url("gcs_api"), self.client)
        bucket, prefix = self.p["bucket"], self.p["prefix"]
        self.ctx.progress(EXPORT_END, translate("EeExport", "Listing gs://{}/{}*").format(bucket, prefix))
        objects = gcs.list_objects(bucket, prefix)
        names = set(storage.export_files(prefix, [o.get("name", "") for o in objects]))
        items = storage.written_since([o for o in objects if o.get("name") in names], "timeCreated",
                                      storage.parse_time(op.create_time))
        if not items:
            raise ProviderError(
                translate("EeExport", "The export finished, but gs://{}/ holds no {}.tif or {}-*.tif.").format(
                    bucket, prefix, prefix),
                translate("EeExport", "Check the bucket in the Cloud console; the files may have been moved or "
                                      "deleted."))
        paths = self._download_all(sorted(items, key=lambda o: o["name"]),
                                   lambda o, dest, progress: gcs.download(bucket, o, dest, progress))
        return self._outputs_of(paths)

    def fetch_drive(self, op: Operation) -> List[str]:
        drive = storage.DriveClient(self.ctx.settings.get("drive_api") or config.base_url("drive_api"), self.client)
        folder, prefix = self.p.get("folder"), self.p["prefix"]
        self.ctx.progress(EXPORT_END, translate("EeExport", "Listing the Drive folder {}").format(folder or "/"))
        folder_id = drive.find_folder(folder) if folder else "root"
        if folder_id is None:
            raise ProviderError(translate("EeExport", "The export finished, but there is no Drive folder named "
                                                      "\"{}\".").format(folder))
        files = drive.list_files(prefix, folder_id)
        names = set(storage.export_files(prefix, [f.get("name", "") for f in files]))
        items = storage.newest_per_name([f for f in files if f.get("name") in names], "modifiedTime")
        items = storage.written_since(items, "createdTime", storage.parse_time(op.create_time))
        if not items:
            raise ProviderError(translate("EeExport", "The export finished, but the Drive folder {} holds no {}.tif "
                                                      "or {}-*.tif.").format(folder or "/", prefix, prefix))
        paths = self._download_all(sorted(items, key=lambda f: f["name"]),
                                   lambda f, dest, progress: drive.download(f, dest, progress))
        return self._outputs_of(paths)

    def asset_outputs(self) -> List[str]:
        asset = self.p["asset_id"]
        self.ctx.progress(EXPORT_END, translate("EeExport", "Creating the tile layer of {}").format(asset))
        map_name = self.client.create_map(ee_export.map_body(asset, self.p.get("vis")))
        uri = ee_export.xyz_layer_uri(self.client.tile_url_template(map_name),
                                      zmax=ee_export.zoom_for_scale(self.p.get("scale")),
                                      authcfg=(self.job.params or {}).get("authcfg") or None)
        outputs = [uri]
        if self.p.get("download_asset"):
            outputs.extend(self.download_asset(asset))
        return outputs

    def download_asset(self, asset: str) -> List[str]:
        """The new asset as a GeoTIFF of the AOI, by the ee_download pipeline (tiled when large)."""
        _ = self.ctx.output_dir              # (raises when the job has no folder)
        params = ee_params.validate({"image": asset, "bands": self.p.get("bands") or None, "region": self.p["aoi"],
                                     "format": "GEO_TIFF", "project": self.p["project"],
                                     "name": _safe_name(self.p["description"])})
        ctx = self.ctx
        download = EeDownload(self.client, params, self.output_dir, ctx,
                              scratch_dir(self.output_dir, self.job.id),
                              concurrency=int(ctx.setting("ee_concurrency", DEFAULT_CONCURRENCY)),
                              tile_attempts=int(ctx.setting("ee_tile_attempts", DEFAULT_TILE_ATTEMPTS)))
        outputs = download.run()
        self.client.cancel = ctx.cancel      # EeDownload gave the client its own round token
        return outputs

    # -- whole job ---------------------------------------------------------------------------
    def run(self) -> List[str]:
        if self.p["destination"] != "asset" or self.p.get("download_asset"):
            _ = self.ctx.output_dir          # results come back: the job needs its folder
        name = self.start()
        if self.started_here and not self.p.get("wait", True):
            message = translate("EeExport", "Export {} runs on Earth Engine; not waiting for it. Retry the job to "
                                            "follow it and fetch the result.").format(name.rsplit("/", 1)[-1])
            raise Detached(message)
        op = self.follow(name)
        destination = self.p["destination"]
        if destination == "gcs":
            outputs = self.fetch_gcs(op)
        elif destination == "drive":
            outputs = self.fetch_drive(op)
        else:
            outputs = self.asset_outputs()
        return outputs


def run(job, ctx) -> List[str]:
    p = ee_export.validate(dict(job.params or {}))
    client = make_client(ctx, p["project"])
    return EeExportRun(job, ctx, p, client).run()


def cancel_remote(job, ctx) -> None:
    """Cancel a job's export on Earth Engine (for a detached job no runner follows)."""
    name = (job.server or {}).get("operation")
    if not name:
        return
    p = ee_export.validate(dict(job.params or {}))
    make_client(ctx, p["project"]).cancel_operation(name, cancel=ctx.cancel)
    ctx.save_server(operation_state=OperationState.CANCELLING)


def is_tile_layer(output: str) -> bool:
    """Whether a job output is an XYZ tile layer URI (not a file)."""
    return isinstance(output, str) and output.startswith("type=xyz")


__all__ = ["PROVIDER_ID", "build_params", "run", "make_client", "poll_policy", "join_tiles", "EeExportRun",
           "is_tile_layer"]

register_runner(PROVIDER_ID, run)
register_remote_cancel(PROVIDER_ID, cancel_remote)
