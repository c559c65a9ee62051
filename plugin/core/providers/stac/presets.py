"""Known STAC API catalogues, offered first in the tab and in Processing; any other URL works too.

``signing`` says how the catalogue's asset hrefs must be signed before they are read (see
:mod:`.signing`).  The default catalogue is :func:`default_api` (setting ``stac_api_url``,
environment ``EO_DOWNLOADER_STAC_API_URL``, else Earth Search).
"""
from dataclasses import dataclass
from typing import Optional, Tuple

from ... import config


@dataclass(frozen=True)
class Preset:
    name: str
    url: str
    signing: str = ""


PRESETS: Tuple[Preset, ...] = (
    Preset("Earth Search (AWS)", "https://earth-search.aws.element84.com/v1"),
    Preset("Microsoft Planetary Computer", "https://planetarycomputer.microsoft.com/api/stac/v1",
           "planetary-computer"),
    Preset("Copernicus Data Space (CDSE)", "https://stac.dataspace.copernicus.eu/v1"),
)


def _same(a: str, b: str) -> bool:
    return a.strip().rstrip("/").lower() == b.strip().rstrip("/").lower()


def preset_for(url: str) -> Optional[Preset]:
    """The preset of the catalogue at ``url`` (trailing slash and case ignored), else None."""
    return next((preset for preset in PRESETS if _same(preset.url, url or "")), None)


def signing_for(url: str) -> str:
    """How the hrefs of the catalogue at ``url`` are signed: a preset's mode, "" for the others."""
    preset = preset_for(url)
    return preset.signing if preset else ""


def default_api(setting: Optional[str] = None) -> str:
    """The catalogue offered first: environment > setting > Earth Search."""
    return config.base_url("stac_api", setting)
