"""Runner of STAC jobs: ``register_runner("stac", run)``.

``job.params`` (see :func:`build_params`): ``api`` (the catalogue's URL), ``collection``,
``items`` (STAC Items as the search returned them, hrefs unsigned), ``assets`` (asset keys, in
output band order), ``aoi`` (GeoJSON, EPSG:4326), ``signing`` ("" or "planetary-computer": how
hrefs are signed before reading, :func:`.signing.signer_for`), ``stack_vrt`` (also write a
multi-band VRT time stack).  ``ctx.credentials["headers"]`` (a private catalogue's headers) go
only to the catalogue's origin (:mod:`.window`); their values are masked in every log.
``ctx.credentials["s3"]`` (``{"access_key_id", "secret_access_key"}``, :func:`.auth.s3_keys`) sign the
reads of ``s3://`` assets (anonymous without), at the endpoint of the setting ``stac_s3_endpoint``
(:mod:`.s3`).

plan (check the parameters, group the items per acquisition day) -> fetch (per day, oldest
first: each item's assets cut to the AOI, only the AOI's window read from a COG
(:mod:`.window`); the day's band sets mosaicked into one COG per grid, ``<collection>_<day>.tif``
(:mod:`.stack`); the day recorded in ``job.server["dates"][day]`` as soon as its files are
written, so a restarted job never fetches a finished day again) -> finish (the optional time
stack ``<collection>_stack.vrt``, the summary).  Outputs: the days' files, oldest first, then
the stack.  :func:`output_days` tells which day each output shows (the layers' time ranges).
"""
import copy
import logging
import os
from typing import Any, Dict, List
from urllib.parse import urljoin, urlsplit

from . import s3, stack, window
from .signing import signer_for
from ... import config, names
from ...aoi import Aoi
from ...errors import AuthError, CancelledError, EoError, ParameterError, ProviderError
from ...i18n import translate
from ...job_files import scratch_dir
from ...jobs import JobState
from ...runner import register_runner
from ...transfer import http as eohttp

_log = logging.getLogger(__name__)

PROVIDER_ID = "stac"
SIGNING_MODES = ("", "planetary-computer")


def build_params(api: str, collection: str, items: List[Dict[str, Any]], assets: Any, aoi: Any,
                 signing: str = "", stack_vrt: bool = False) -> Dict[str, Any]:
    """Checked job parameters (ParameterError before anything is read)."""
    api = (api or "").strip()
    if urlsplit(api).scheme not in ("http", "https"):
        raise ParameterError(translate("Stac", "The catalogue address must start with http:// or https://."))
    keys = [k.strip() for k in (assets.split(",") if isinstance(assets, str) else assets or []) if str(k).strip()]
    if not keys:
        raise ParameterError(translate("Stac", "Choose at least one asset (e.g. red, green, blue)."))
    if not items:
        raise ParameterError(translate("Stac", "There is no item to download."))
    if aoi is None:
        raise ParameterError(translate("Stac", "The job has no area of interest."))
    if signing not in SIGNING_MODES:
        raise ParameterError(translate("Stac", "Unknown signing of asset links: {mode}").format(mode=signing))
    geojson = aoi.to_geojson() if isinstance(aoi, Aoi) else Aoi.from_geojson(aoi).to_geojson()
    for item in items:
        stack.item_date(item)
    return {"api": api, "collection": (collection or "").strip(), "items": list(items),
            "assets": list(dict.fromkeys(keys)), "aoi": geojson, "signing": signing or "",
            "stack_vrt": bool(stack_vrt)}


def output_days(job) -> Dict[str, str]:
    """``{output path: acquisition day}`` of a STAC job's per-day files (the time stack has none)."""
    days = {}
    for day, rec in ((job.server or {}).get("dates") or {}).items():
        for path in rec.get("outputs") or []:
            days[path] = day
    return days


def _href(item: Dict[str, Any], href: str) -> str:
    """An asset href made absolute against the item's own link (STAC allows relative hrefs)."""
    if urlsplit(href).scheme or href.startswith("/"):
        return href
    base = next((link.get("href") for link in item.get("links") or [] if link.get("rel") == "self"), None)
    return urljoin(base, href) if base else href


class StacRun:
    """One STAC job (see the module docstring)."""

    def __init__(self, job, ctx):
        self.job = job
        self.ctx = ctx
        self.p = dict(job.params or {})
        self.records: Dict[str, Dict[str, Any]] = copy.deepcopy(job.server.get("dates") or {})
        self.outputs: List[str] = []
        self.reused: List[str] = []
        self.empty: List[str] = []
        self.failed: List[str] = []
        self.notes: List[str] = []

    def save(self) -> None:
        self.ctx.save_server(dates=copy.deepcopy(self.records))

    # -- plan ------------------------------------------------------------------------------
    def plan(self) -> None:
        p, ctx = self.p, self.ctx
        build_params(p.get("api"), p.get("collection"), p.get("items"), p.get("assets"), p.get("aoi"),
                     p.get("signing", ""), p.get("stack_vrt", False))
        self.days = stack.by_date(p["items"])
        self.headers = dict((ctx.credentials or {}).get("headers") or {})
        for value in self.headers.values():
            eohttp.register_secret(value)
        keys = dict((ctx.credentials or {}).get("s3") or {})
        eohttp.register_secret(keys.get("secret_access_key") or "")
        self.s3 = s3.S3Access(config.base_url("stac_s3_endpoint", ctx.setting("stac_s3_endpoint")),
                              keys.get("access_key_id") or "", keys.get("secret_access_key") or "")
        self.sign = signer_for(p["api"], p.get("signing") or "", ctx.session, p.get("collection") or "",
                               sas_url=ctx.setting("stac_pc_sas"), cancel=ctx.cancel)
        self.stem = names.sanitize(p.get("collection") or "stac").replace(" ", "_") or "stac"
        self.out_root = ctx.output_dir
        self.scratch = scratch_dir(self.out_root, self.job.id)
        ctx.set_state(JobState.DOWNLOADING, translate("Stac", "{n} item(s) on {d} date(s) to read.").format(
            n=len(p["items"]), d=len(self.days)))

    # -- fetch -----------------------------------------------------------------------------
    def fetch(self) -> None:
        n = len(self.days)
        for index, (day, items) in enumerate(self.days):
            self.ctx.cancel.raise_if_cancelled()
            rec = self.records.get(day) or {}
            if rec.get("done") and all(os.path.exists(o) for o in rec.get("outputs") or []):
                self.outputs.extend(rec.get("outputs") or [])
                (self.reused if rec.get("outputs") else self.empty).append(day)
                continue
            self.fetch_day(day, items, 100.0 * index / n, 95.0 / n)

    def asset_reads(self, item: Dict[str, Any]) -> List[window.AssetRead]:
        reads = []
        for key in self.p["assets"]:
            asset = (item.get("assets") or {}).get(key)
            if not asset or not asset.get("href"):
                self.notes.append(translate("Stac", "{id}: no asset {key}.").format(id=item.get("id", "?"), key=key))
                continue
            href = _href(item, asset["href"])
            bands = asset.get("eo:bands") or []
            reads.append(window.AssetRead(key, self.sign(href), asset.get("type") or "", self.headers,
                                          [b.get("name") or b.get("common_name") or "" for b in bands], href,
                                          s3.storage_of(item, asset)))
        return reads

    def fetch_day(self, day: str, items: List[Dict[str, Any]], base: float, span: float) -> None:
        ctx = self.ctx
        scratch = os.path.join(self.scratch, day)
        label = translate("Stac", "{day}: reading {n} item(s) within the area.").format(day=day, n=len(items))
        ctx.progress(base, label)
        sets, failed = [], []
        for i, item in enumerate(items):
            reader = window.ItemReader(self.p["aoi"], scratch, ctx.session, self.p["api"], cancel=ctx.cancel,
                                       settings=ctx.settings, progress=lambda f, i=i: ctx.progress(
                                           base + span * 0.8 * (i + f) / len(items), label), s3=self.s3)
            stem = "item{}".format(i + 1)
            try:
                files = reader.read(self.asset_reads(item), stem)
            except (CancelledError, AuthError):
                raise
            except EoError as exc:          # this item only: the others (and the other days) go on
                failed.append(item.get("id", "?"))
                self.failed.append("{}: {}".format(item.get("id", "?"), exc.message))
                _log.info(eohttp.redact(exc.user_text()))
                continue
            if files:
                sets.extend(window.band_sets(files, os.path.join(scratch, stem)))
        # a day with a failed item is written with what came, but read again by the next run
        record = {"items": [item.get("id") for item in items], "done": not failed, "outputs": [],
                  "failed": failed}
        if sets:
            ctx.progress(base + span * 0.8, translate("Stac", "{day}: writing the mosaic.").format(day=day))
            record["outputs"] = stack.mosaic_date(sets, os.path.join(self.out_root, "{}_{}".format(self.stem, day)),
                                                  cancel=ctx.cancel)
        elif not failed:
            self.empty.append(day)
        self.records[day] = record
        self.save()                                 # before anything else: a restart keeps this day
        self.outputs.extend(record["outputs"])
        ctx.discard(scratch)

    # -- finish ----------------------------------------------------------------------------
    def finish(self) -> List[str]:
        ctx, outputs = self.ctx, list(self.outputs)
        if not outputs:
            if self.failed:
                raise ProviderError(translate("Stac", "No item could be read: {items}").format(
                    items="; ".join(self.failed)))
            raise ProviderError(translate("Stac", "None of the {n} item(s) covers the area of interest with the "
                                                  "assets {assets}.").format(n=len(self.p["items"]),
                                                                             assets=", ".join(self.p["assets"])),
                                hint=" ".join(self.notes) or None)
        stack_path = None
        if self.p.get("stack_vrt"):
            days = {o: d for d, rec in self.records.items() for o in rec.get("outputs") or []}
            dated = [(days[o], o) for o in outputs if o in days]
            stack_path = stack.time_stack(dated, os.path.join(self.out_root, "{}_stack.vrt".format(self.stem)))
        parts = [translate("Stac", "{n} date(s) written.").format(n=len([d for d in self.records
                                                                           if self.records[d]["outputs"]]))]
        if self.reused:
            parts.append(translate("Stac", "Already written, not read again: {days}.").format(
                days=", ".join(self.reused)))
        if self.empty:
            parts.append(translate("Stac", "No item covers the area on: {days}.").format(days=", ".join(self.empty)))
        if self.failed:
            parts.append(translate("Stac", "Not read (run the job again to retry them): {items}.").format(
                items="; ".join(self.failed)))
        parts.extend(dict.fromkeys(self.notes))
        ctx.summary = " ".join(parts)
        _log.info(ctx.summary)
        if os.path.isdir(self.scratch):
            ctx.discard(self.scratch)
        return outputs + ([stack_path] if stack_path else [])


def run(job, ctx) -> List[str]:
    work = StacRun(job, ctx)
    work.plan()
    work.fetch()
    return work.finish()


register_runner(PROVIDER_ID, run)
