"""Runner of eodag jobs: ``register_runner("eodag", run)``.

``job.params`` (see :func:`build_params`, shared by the Processing algorithm and the
dock): ``provider`` (eodag provider name; empty: eodag's preferred one),
``collection``, ``date_from`` / ``date_to`` (YYYY-MM-DD, inclusive), ``cloud_max``
(percent or None), ``aoi`` (GeoJSON, EPSG:4326), ``product_ids`` (download only these;
empty: every product the search returns, up to ``limit``), ``bands`` (cut to the AOI
after download; empty: no cut, the products are the outputs), ``order`` (order
products that are offline), ``wait`` / ``timeout`` (minutes; None: eodag's defaults),
``extract`` (extract archives as eodag does), ``limit``.

Settings read from ``ctx.settings`` (optional): ``eodag_providers_yaml`` (extra eodag
provider configuration).  Outputs go to the job's own folder.  Credentials come in
``ctx.credentials`` (``username``/``password`` or ``api_key``) and are handed to eodag
in memory.

Flow per product, with ``job.server["products"][id]`` recording each step:

1. a product that needs an order is ordered once -- unless the record already holds
   its order (``order_id``, ``status_link``, ``download_link``), which is put back on
   the product so eodag polls that order: a restarted job never orders twice.  Without
   ``order`` such a product is skipped and the job says so;
2. download through eodag (``dag.download``) into the output folder, retried every
   ``wait`` minutes while the order is being prepared, until ``timeout``; eodag's
   progress callback drives the job's progress; a product eodag already has on disk
   (its ``.downloaded`` record) is not downloaded again, and the job message says so;
3. the requested bands are found in the product and cut to the AOI
   (:mod:`..product_cut`) into ``<output>/<title>_aoi/``, with a true-colour VRT when
   red, green and blue are there.  The full product stays on disk.

An authentication error stops the job (every product would fail the same way); any
other failure of one product is recorded and the others go on; the job fails when no
product could be delivered.  Outputs: the cut files (true colour first) of every
product, or the product paths when no band was asked.
"""
import copy
import datetime as dt
import logging
import math
import os
import re
import time
from typing import Any, Dict, List, Optional

from . import client as eodag_client, cut as product_cut
from ... import titles
from ...aoi import Aoi
from ...errors import AuthError, CancelledError, EoError, ParameterError, ProviderError
from ...i18n import number, translate
from ...jobs import JobState
from ...runner import register_runner

_log = logging.getLogger(__name__)

PROVIDER_ID = "eodag"
DEFAULT_LIMIT = 50
DEFAULT_BANDS = "B04,B03,B02"


def _parse_list(value: Any) -> List[str]:
    if value is None:
        return []
    items = re.split(r"[,;\s]+", value) if isinstance(value, str) else [str(v) for v in value]
    out: List[str] = []
    for item in items:
        item = item.strip()
        if item and item not in out:
            out.append(item)
    return out


def _date(value: Any, what: str) -> Optional[str]:
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat() if len(text) >= 10 else \
            dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ParameterError(translate("EodagJob", "{what} '{value}' is not a date (YYYY-MM-DD).").format(
            what=what, value=text)) from None


def _minutes(value: Any, what: str, allow_zero: bool) -> Optional[float]:
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ParameterError(translate("EodagJob", "{what} must be a number of minutes, not '{value}'.").format(
            what=what, value=value)) from None
    if not math.isfinite(number) or number < 0 or (number == 0 and not allow_zero):
        raise ParameterError(translate("EodagJob", "{what} must be more than 0 minutes.").format(what=what))
    return number


def build_params(provider: str = "", collection: str = "", date_from: Any = None, date_to: Any = None,
                 cloud_max: Any = None, aoi: Any = None, product_ids: Any = None, bands: Any = DEFAULT_BANDS,
                 order: bool = False, wait: Any = None, timeout: Any = None, extract: bool = True,
                 limit: Any = DEFAULT_LIMIT) -> Dict[str, Any]:
    """Checked job parameters (raises :class:`ParameterError` before anything is sent)."""
    collection = (collection or "").strip()
    if not collection:
        raise ParameterError(translate("EodagJob", "Choose a collection (product type), e.g. S2_MSI_L2A."))
    d0, d1 = _date(date_from, translate("EodagJob", "The start date")), _date(date_to,
                                                                              translate("EodagJob", "The end date"))
    if d0 and d1 and d0 > d1:
        raise ParameterError(translate("EodagJob", "The start date {start} is after the end date {end}.").format(
            start=d0, end=d1))
    cloud = None
    if cloud_max not in (None, ""):
        try:
            cloud = float(cloud_max)
        except (TypeError, ValueError):
            cloud = -1.0
        if not 0.0 <= cloud <= 100.0:
            raise ParameterError(translate("EodagJob", "The cloud cover limit must be between 0 and 100 %."))
    if aoi is None:
        raise ParameterError(translate("EodagJob", "The job has no area of interest."))
    geojson = aoi.to_geojson() if isinstance(aoi, Aoi) else Aoi.from_geojson(aoi).to_geojson()
    try:
        n = int(limit) if limit not in (None, "") else DEFAULT_LIMIT
    except (TypeError, ValueError):
        n = 0
    if n < 1:
        raise ParameterError(translate("EodagJob", "The number of products must be at least 1."))
    band_list = product_cut.parse_bands(bands)
    return {"provider": (provider or "").strip(), "collection": collection, "date_from": d0, "date_to": d1,
            "cloud_max": cloud, "aoi": geojson, "product_ids": _parse_list(product_ids), "bands": band_list,
            "order": bool(order), "wait": _minutes(wait, "WAIT", False),
            "timeout": _minutes(timeout, "TIMEOUT", True), "extract": bool(extract),
            "limit": n}


def _mb(n: Optional[float]) -> str:
    return number((n or 0) / 1048576.0, 1)


def result_title(params: Dict[str, Any], products: Optional[List[Any]] = None) -> str:
    """What an eodag job and its layer group are called (:func:`...titles.job_title`): the one
    product by its title, or the provider, collection and days (the products' when known, else
    the dates searched), with the AOI's name or size."""
    if products and len(products) == 1:
        return titles.job_title("eodag {}".format(products[0].title), None, params)
    what = " ".join(filter(None, ("eodag", params.get("provider"), params.get("collection"))))
    days = sorted({str(p.date)[:10] for p in products or [] if getattr(p, "date", None)})
    if products:
        what += " " + translate("EodagJob", "({n} products)").format(n=len(products))
    else:
        days = [d for d in (params.get("date_from"), params.get("date_to")) if d]
    when = None if not days else days[0] if days[0] == days[-1] else "{}..{}".format(days[0], days[-1])
    return titles.job_title(what, when, params)


class _Throttle:
    """Progress updates at most every 0.25 s (or on a change of a whole percent)."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.last = 0.0
        self.last_pct = -1.0

    def __call__(self, percent: float, message: str, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self.last >= 0.25 or int(percent) != int(self.last_pct):
            self.last, self.last_pct = now, percent
            self.ctx.progress(percent, message)


def _check_product(client, info, out_root: str, outcome) -> None:
    """The downloaded product is usable (:func:`...raster.check_output`), else its error, in the
    words of what the server sent instead; what this download wrote goes (not what was there
    before), so that running the job again downloads the product again."""
    from ... import raster
    try:
        raster.check_output(outcome.path)
    except EoError:
        if not outcome.reused:
            client.discard(info, out_root, outcome.path, keep=outcome.kept)
        raise


class EodagRun:
    """One eodag job: plan (search) -> fetch (per product: order once, download, cut to the AOI;
    every step recorded in ``job.server["products"]``) -> finish (summary, the job's outcome)."""

    def __init__(self, job, ctx):
        self.job = job
        self.ctx = ctx
        self.p = dict(job.params or {})
        self.records: Dict[str, Dict[str, Any]] = copy.deepcopy(job.server.get("products") or {})
        self.throttle = _Throttle(ctx)
        self.outputs: List[str] = []
        self.reused: List[str] = []
        self.skipped: List[str] = []
        self.failed: List[str] = []
        self.notes: List[str] = []

    def save(self) -> None:
        self.ctx.save_server(products=copy.deepcopy(self.records))

    # -- plan --------------------------------------------------------------------------------
    def plan(self) -> None:
        p, ctx = self.p, self.ctx
        if not p.get("aoi"):
            raise ParameterError(translate("EodagJob", "The job has no area of interest."))
        provider = p.get("provider") or None
        self.client = eodag_client.EodagClient(credentials=dict(ctx.credentials or {}), provider=provider,
                                               settings=ctx.settings)
        provider_label = provider or translate("EodagJob", "eodag's preferred provider")
        ctx.progress(1.0, translate("EodagJob", "Searching {provider} for {collection}...").format(
            provider=provider_label, collection=p.get("collection")))
        self.infos = self.client.search(provider, p.get("collection"), p.get("date_from"), p.get("date_to"),
                                        p["aoi"], p.get("cloud_max"), limit=int(p.get("limit") or DEFAULT_LIMIT),
                                        ids=p.get("product_ids") or None)
        self.notes.extend(getattr(self.infos, "notes", []))     # (e.g. the cloud cover filtered here)
        for note in self.notes:
            _log.info(note)
        if not self.infos:
            raise ProviderError(translate("EodagJob", "No {collection} product of {provider} matches the area, "
                                                      "the dates and the cloud cover.").format(
                collection=p.get("collection"), provider=provider_label), hint=" ".join(self.notes) or None)
        self.out_root = ctx.output_dir
        # the days the products show (layer metadata, plugin/adapters/layers.py)
        ctx.save_server(acquired=sorted({str(i.date)[:10] for i in self.infos if i.date}))
        _log.info(translate("EodagJob", "{n} product(s) to deliver: {ids}").format(
            n=len(self.infos), ids=", ".join(i.id for i in self.infos)))

    # -- fetch -------------------------------------------------------------------------------
    def fetch(self) -> None:
        n = len(self.infos)
        for index, info in enumerate(self.infos):
            self.ctx.cancel.raise_if_cancelled()
            base = 2.0 + 98.0 * index / n
            span = 98.0 / n
            label = info.title if n == 1 else translate("EodagJob", "{title} ({i}/{n})").format(
                title=info.title, i=index + 1, n=n)
            rec = self.records.setdefault(info.id, {})
            rec["title"] = info.title
            if rec.get("state") == "done" and rec.get("outputs") and all(os.path.exists(o) for o in rec["outputs"]):
                self.outputs.extend(rec["outputs"])
                self.reused.append(info.title)
                continue
            if not self.order(info, rec, label, base, span):
                continue
            outcome = self.download(info, rec, label, base, span)
            if outcome is None:
                continue
            if self.p.get("bands"):
                if not self.cut(info, rec, label, base, span, outcome):
                    continue
            else:
                rec["outputs"] = [outcome.path]
            rec["state"] = "done"
            self.save()
            self.outputs.extend(rec["outputs"])

    def order(self, info, rec, label: str, base: float, span: float) -> bool:
        """Order the product once (or follow the order placed earlier); False: skipped."""
        ctx = self.ctx
        if not (info.needs_order or rec.get("order_id") or rec.get("status_link")):
            return True
        if rec.get("order_id") or rec.get("status_link"):
            self.client.restore_order(info, rec)
            ctx.set_state(JobState.SUBMITTED, translate(
                "EodagJob", "{label}: waiting for order {order} placed earlier (status: {status}).").format(
                label=label, order=rec.get("order_id") or "?", status=rec.get("order_status") or "-"))
        elif not self.p.get("order"):
            rec.update(state="skipped", reason="needs order")
            self.save()
            self.skipped.append(info.title)
            _log.info(translate("EodagJob", "{label} is offline and must be ordered; ORDER is off, so it is "
                                          "skipped.").format(label=label))
            return False
        else:
            self.throttle(base + span * 0.02, translate("EodagJob", "{label}: ordering...").format(label=label),
                          force=True)
            record = self.client.order(info, self.p.get("wait"))
            rec.update(record)
            rec["state"] = "ordered"
            rec["ordered_at"] = time.time()
            self.save()                      # before any waiting: a restart resumes this order
            ctx.set_state(JobState.SUBMITTED, translate(
                "EodagJob", "{label}: ordered (order {order}, status: {status}).").format(
                label=label, order=record.get("order_id") or "?",
                status=record.get("order_status") or eodag_client.state_label(record.get("state", ""))))
        return True

    def _on_progress(self, label: str, base: float, span: float):
        ctx, throttle = self.ctx, self.throttle
        phase = {"started": False}

        def on_progress(unit, done, total):
            if unit == "B":
                if not phase["started"] and done:
                    phase["started"] = True
                    ctx.set_state(JobState.DOWNLOADING, translate("EodagJob", "{label}: downloading.").format(
                        label=label))
                frac = min(1.0, done / float(total)) if total else 0.0
                text = translate("EodagJob", "{label}: downloading {done} of {total} MiB").format(
                    label=label, done=_mb(done), total=_mb(total)) if total else \
                    translate("EodagJob", "{label}: downloading {done} MiB").format(label=label, done=_mb(done))
                throttle(base + span * (0.05 + 0.65 * frac), text)
            else:
                frac = min(1.0, done / float(total)) if total else 0.0
                throttle(base + span * (0.70 + 0.10 * frac), translate(
                    "EodagJob", "{label}: extracting ({done}/{total} files)").format(
                    label=label, done=done, total=total or "?"))
        return on_progress

    def _on_retry(self, info, rec, label: str):
        ctx = self.ctx

        def on_retry(state, attempt, pause, reason):
            props = info.product.properties
            status = props.get("eodag:order_status") or eodag_client.state_label(state)
            rec.update(order_status=str(props.get("eodag:order_status") or rec.get("order_status") or ""),
                       state="ordered" if state != eodag_client.ONLINE else rec.get("state", "ordered"),
                       attempts=attempt)
            for key, prop in (("order_id", "eodag:order_id"), ("status_link", "eodag:status_link")):
                if props.get(prop):
                    rec[key] = str(props[prop])
            if rec.get("order_id") or rec.get("status_link"):
                rec["download_link"] = str(getattr(info.product, "remote_location", "") or rec.get("download_link", ""))
            self.save()
            ctx.set_state(JobState.RUNNING, translate(
                "EodagJob", "{label}: not available yet (order status: {status}); next try in {seconds:.0f} s "
                            "(attempt {attempt}).").format(label=label, status=status, seconds=pause,
                                                           attempt=attempt))
            _log.info(reason)
        return on_retry

    def download(self, info, rec, label: str, base: float, span: float):
        """Download (and extract) the product; None when it failed (recorded, the next one goes on)."""
        ctx, p = self.ctx, self.p
        try:
            outcome = self.client.download(info, self.out_root, extract=p.get("extract", True), wait=p.get("wait"),
                                           timeout=p.get("timeout"), cancel=ctx.cancel,
                                           on_progress=self._on_progress(label, base, span),
                                           on_retry=self._on_retry(info, rec, label))
            _check_product(self.client, info, self.out_root, outcome)
        except (CancelledError, AuthError):
            self.save()
            raise
        except EoError as exc:
            rec.update(state="failed", error=exc.user_text())
            self.save()
            self.failed.append("{}: {}".format(info.title, exc.message))
            _log.info(translate("EodagJob", "{label} failed: {error}").format(label=label, error=exc.user_text()))
            return None
        rec.update(state="downloaded", path=outcome.path, reused=bool(outcome.reused), error="")
        self.save()
        if outcome.reused:
            self.reused.append(info.title)
            self.throttle(base + span * 0.8, translate("EodagJob", "{label}: already downloaded in {folder}, not "
                                                                   "downloaded again.").format(label=label,
                                                                                               folder=self.out_root),
                          force=True)
            _log.info(translate("EodagJob", "{label}: already downloaded ({path}), not downloaded again.").format(
                label=label, path=outcome.path))
        return outcome

    def cut(self, info, rec, label: str, base: float, span: float, outcome) -> bool:
        """Cut the product's bands to the AOI; False when nothing could be cut (recorded)."""
        bands, throttle = self.p.get("bands"), self.throttle
        stem = product_cut.short_name(info.title)
        dest = os.path.join(self.out_root, product_cut.safe_stem(info.title) + "_aoi")
        throttle(base + span * 0.8, translate("EodagJob", "{label}: cutting {bands} to the area of "
                                                          "interest.").format(label=label, bands=", ".join(bands)),
                 force=True)
        try:
            result = product_cut.cut_product(
                outcome.path, self.p["aoi"], bands, dest, prefix=stem, hints=info.asset_hints, cancel=self.ctx.cancel,
                progress=lambda f: throttle(base + span * (0.8 + 0.2 * f), translate(
                    "EodagJob", "{label}: cutting to the area of interest.").format(label=label)))
        except CancelledError:
            raise
        except EoError as exc:
            rec.update(state="failed", error=exc.user_text())
            self.save()
            self.failed.append("{}: {}".format(info.title, exc.message))
            return False
        if result.missing:
            self.notes.append(translate("EodagJob", "{title}: band(s) {bands} not found in the product.").format(
                title=info.title, bands=", ".join(result.missing)))
        if result.outside:
            self.notes.append(translate("EodagJob", "{title}: band(s) {bands} do not overlap the area of "
                                                    "interest.").format(title=info.title,
                                                                        bands=", ".join(result.outside)))
        rec["outputs"] = list(result.outputs)
        if not result.outputs:
            rec.update(state="failed", error=" ".join(self.notes[-2:]))
            self.save()
            self.failed.append("{}: {}".format(info.title, translate("EodagJob", "nothing to cut.")))
            return False
        return True

    # -- finish ------------------------------------------------------------------------------
    def finish(self) -> List[str]:
        ctx = self.ctx
        parts = [translate("EodagJob", "{n} of {total} product(s) delivered.").format(
            n=len([r for r in self.records.values() if r.get("state") == "done"]), total=len(self.infos))]
        if self.reused:
            parts.append(translate("EodagJob", "Already downloaded, not downloaded again: {titles}.").format(
                titles=", ".join(self.reused)))
        if self.skipped:
            parts.append(translate("EodagJob", "Offline, to be ordered (ORDER is off): {titles}.").format(
                titles=", ".join(self.skipped)))
        if self.failed:
            parts.append(translate("EodagJob", "Failed: {items}.").format(items="; ".join(self.failed)))
        parts.extend(self.notes)
        summary = " ".join(parts)
        ctx.save_server(summary=summary)
        ctx.summary = summary
        _log.info(summary)
        if not self.outputs:
            if self.skipped and not self.failed:
                raise ProviderError(translate("EodagJob", "Every product found is offline and must be ordered: "
                                                          "{titles}.").format(titles=", ".join(self.skipped)),
                                    hint=translate("EodagJob", "Turn on ordering (ORDER) to order them."))
            raise ProviderError(summary)
        ctx.progress(100.0, summary)
        return self.outputs


def run(job, ctx) -> List[str]:
    work = EodagRun(job, ctx)
    work.plan()
    work.fetch()
    return work.finish()


register_runner(PROVIDER_ID, run)
