"""What jobs, their layer groups and their layers are called: what, when, where.

One home for the naming the Jobs panel, the layer tree and the output folders show:
``<what> <when> · <where>``, e.g. ``S2 L2A 2024-05-03 T31TCJ · field`` or
``S2 L2A median 2023-06-01..2023-08-31 · 12 ha`` -- the image or collection in its short
form, the acquisition day or period, and the AOI's name (``params["aoi_name"]``) or its
size.  A result file's layer is named after the job title, and a single band after the
title and the band.  Pure Python.
"""
import os
from typing import Any, Dict, Optional

from .i18n import translate

SEPARATOR = " · "


def provider_label(provider: str) -> str:
    """What the Jobs panel calls a provider id (an id not listed shows as it is)."""
    return {"ee_download": "Earth Engine", "ee_export": translate("Titles", "Earth Engine export"),
            "eosda": "EOSDA", "eodag": "eodag", "stac": "STAC"}.get(provider, provider)


def area_text(area_km2: float) -> str:
    """An area as people say it: hectares below 10 km² (``12 ha``), else km² (``340 km²``)."""
    if area_km2 < 10.0:
        hectares = area_km2 * 100.0
        return translate("Titles", "{} ha").format(("{:.1f}" if hectares < 10 else "{:.0f}").format(hectares))
    return translate("Titles", "{} km²").format("{:,.0f}".format(area_km2).replace(",", " "))


def aoi_label(params: Dict[str, Any]) -> str:
    """The AOI's name when the job has one (``aoi_name``), else its size; "" without an AOI."""
    name = str(params.get("aoi_name") or "").strip()
    if name:
        return name
    aoi = params.get("aoi")
    if not aoi:
        return ""
    try:
        from .aoi import Aoi
        return area_text(Aoi.from_geojson(aoi, max_area_km2=None).area_km2)
    except Exception:      # an AOI that does not parse is reported by the runner, not here
        return ""


def job_title(what: str, when: Optional[str], params: Dict[str, Any]) -> str:
    """``<what> <when> · <where>`` (the parts that are known)."""
    head = " ".join(part for part in (what, when) if part)
    where = aoi_label(params)
    return head + SEPARATOR + where if where else head


def layer_name(title: str, path: str, band: Optional[str] = None) -> str:
    """The layer of a result file: the job title (a single band: ``<title> · <band>``); the file's
    own name without a title."""
    if not title:
        return os.path.splitext(os.path.basename(path))[0]
    return title + SEPARATOR + band if band else title
