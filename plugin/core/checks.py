"""'Test connection': one cheap real request per provider, with a precise verdict.

Each check returns a short success text or raises an :class:`EoError` whose
message says exactly what is wrong (bad key or token, wrong or unregistered
project, no network, proxy, TLS) -- the messages come from the same clients the
downloads use, so the check and a real job fail the same way.
"""
from typing import Optional

from . import config
from .transfer import http
from .i18n import translate

#: A small public image that every Earth Engine account can read.
EE_PROBE_ASSET = "USGS/SRTMGL1_003"
#: A tiny area (a few hundred metres in Paris), for both probes.
PROBE_POLYGON = {"type": "Polygon", "coordinates": [[[2.35, 48.85], [2.36, 48.85], [2.36, 48.86],
                                                           [2.35, 48.86], [2.35, 48.85]]]}

_QUICK = http.RetryPolicy(max_attempts=2, base_delay=0.5, max_delay=2.0, max_total=10.0)
_TIMEOUTS = http.Timeouts(connect=8.0, read=20.0)


def check_earth_engine(session, token_provider, project: str, base: Optional[str] = None, cancel=None) -> str:
    from .providers.earthengine.client import EeClient
    from .providers.earthengine.params import check_project
    project = check_project(project)
    client = EeClient(config.base_url("ee_api", base), project, token_provider, session=session, retry=_QUICK,
                      timeouts=_TIMEOUTS, cancel=cancel)
    info = client.image_info(EE_PROBE_ASSET)
    # Creating a download id computes nothing yet, but is checked against the project like a real download.
    from .providers.earthengine.expression import thumbnail_body
    client.create_download_id(thumbnail_body(EE_PROBE_ASSET, {
        "bands": [info.bands[0].id], "region": PROBE_POLYGON, "scale": 30, "format": "GEO_TIFF"}))
    return translate("Checks", "Earth Engine answered: the credentials work with project {} (test image read, "
                               "download request accepted).").format(project)


def check_eosda(session, api_key: str, base: Optional[str] = None, cancel=None) -> str:
    from .providers.eosda import client as eosda
    scenes = eosda.search(session, config.base_url("eosda_api", base), api_key, "sentinel2", PROBE_POLYGON,
                          "2024-06-01", "2024-06-07", 100, limit=1, max_pages=1, retry=_QUICK,
                          timeouts=_TIMEOUTS, cancel=cancel)
    return translate("Checks", "EOSDA answered: the API key works ({} scene(s) in the test search).").format(
        len(scenes))
