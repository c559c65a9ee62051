"""Base URLs and other endpoints: environment variable > setting > real service.

The defaults are the providers' real hosts; a setting (QgsSettings, via the QGIS
adapter) can point elsewhere, and for headless runs an environment variable wins.
"""
import os
from typing import Optional

DEFAULTS = {
    "ee_api": "https://earthengine.googleapis.com",
    "ee_token": "https://oauth2.googleapis.com/token",  # nosec B105 # a URL
    "eosda_api": "https://api-connect.eos.com",
    "gcs_api": "https://storage.googleapis.com",
    "drive_api": "https://www.googleapis.com",
    "stac_api": "https://earth-search.aws.element84.com/v1",
    "stac_pc_sas": "https://planetarycomputer.microsoft.com/api/sas/v1",
    "stac_s3_endpoint": "",     # s3:// assets: "" is AWS itself (GDAL's own endpoint and region handling)
}

ENV_VARS = {
    "ee_api": "EO_DOWNLOADER_EE_API_URL",
    "ee_token": "EO_DOWNLOADER_EE_TOKEN_URL",  # nosec B105 # a variable name
    "eosda_api": "EO_DOWNLOADER_EOSDA_API_URL",
    "gcs_api": "EO_DOWNLOADER_GCS_API_URL",
    "drive_api": "EO_DOWNLOADER_DRIVE_API_URL",
    "stac_api": "EO_DOWNLOADER_STAC_API_URL",
    "stac_pc_sas": "EO_DOWNLOADER_STAC_PC_SAS_URL",
    "stac_s3_endpoint": "EO_DOWNLOADER_STAC_S3_ENDPOINT",
}

#: Seconds a one-off request the GUI starts (a search, an image's description, a connection test, a
#: server-side cancel) may take in all before it gives up: per-read timeouts alone never trip on a
#: server sending a byte every few seconds.  The preference ``request_deadline`` overrides it.
REQUEST_DEADLINE = 60.0

#: Environment variables that carry secrets for headless runs (read, never written).
SECRET_ENV_VARS = {
    "ee_token": "EO_DOWNLOADER_EE_TOKEN",  # nosec B105 # a variable name
    "eosda_api_key": "EO_DOWNLOADER_EOSDA_API_KEY",  # pragma: allowlist secret # a variable name
}


def base_url(name: str, setting: Optional[str] = None) -> str:
    """The base URL for ``name`` without a trailing slash."""
    env = os.environ.get(ENV_VARS[name], "").strip() if overriding_env(name) else ""
    value = env or (setting or "").strip() or DEFAULTS[name]
    return value.rstrip("/")


def overriding_env(name: str) -> Optional[str]:
    """The environment variable that overrides the base URL setting of ``name`` in this process, or
    None: what the settings dialog tells the user."""
    var = ENV_VARS.get(name)
    return var if var and os.environ.get(var, "").strip() else None


#: Limits on what a server may make the plugin wait for: a body arriving slower than
#: ``min_rate`` bytes/s over ``min_rate_window`` seconds is given up (0 turns the check off).
LIMIT_DEFAULTS = {"min_rate": 1024.0, "min_rate_window": 30.0}
LIMIT_ENV_VARS = {"min_rate": "EO_DOWNLOADER_MIN_RATE", "min_rate_window": "EO_DOWNLOADER_MIN_RATE_WINDOW"}


def rate_limit(name: str, setting=None) -> float:
    """A limit of :data:`LIMIT_DEFAULTS`: environment variable > setting > default (a value that is
    not a number >= 0 is skipped)."""
    for value in (os.environ.get(LIMIT_ENV_VARS[name], ""), setting):
        try:
            number = float(str(value).strip()) if value is not None and str(value).strip() else None
        except ValueError:
            number = None
        if number is not None and number >= 0 and number == number and number != float("inf"):
            return number
    return LIMIT_DEFAULTS[name]


def env_secret(name: str) -> Optional[str]:
    value = os.environ.get(SECRET_ENV_VARS[name], "").strip()
    return value or None


# ---------------------------------------------------------------------------
# Upper bounds of a job's work (issue 15): every plan is checked against them before anything is sent.
# ---------------------------------------------------------------------------
#: Earth Engine download: at most this many getDownloadId requests (tiles) in one job.  A tile holds up to
#: ~45 MB as Earth Engine counts it, so 5 000 tiles is ~200 GB: far beyond what a synchronous download
#: should do (a batch export is the tool for that).  Setting ``ee_max_tiles``.
EE_MAX_TILES = 5000
#: Earth Engine export: the server's own maxPixels default, used when the job sets none.
EE_EXPORT_DEFAULT_MAX_PIXELS = 100000000
#: Earth Engine export: how long a job follows an operation before it fails (the operation keeps running on
#: Earth Engine and its id stays in the job, so a retry follows it again).  Setting ``ee_export_max_wait``.
EE_EXPORT_MAX_WAIT = 48 * 3600.0
#: EOSDA: how long a job polls a task whose answer gave no usable ``task_timeout``.  Setting
#: ``eosda_max_wait`` (it also caps a usable ``task_timeout``).
EOSDA_MAX_WAIT = 6 * 3600.0
#: Listings (Cloud Storage objects, Drive files, Earth Engine operations): at most this many pages.
MAX_LIST_PAGES = 1000
#: STAC item search: items per page asked for, and at most this many items in one search (setting
#: ``stac_max_items``); past it the result says it was cut short.
STAC_PAGE_LIMIT = 100
STAC_MAX_ITEMS = 500
#: Free disk space kept beyond what a download or an extraction needs: 5 % of the file system, at least
#: 32 MiB and at most 1 GiB.
DISK_MARGIN_FRACTION = 0.05
DISK_MARGIN_MIN = 32 * 1024 ** 2
DISK_MARGIN_MAX = 1024 ** 3


def disk_margin(fs_total: int) -> int:
    """Bytes to keep free on a file system of ``fs_total`` bytes (see DISK_MARGIN_*)."""
    return int(min(DISK_MARGIN_MAX, max(DISK_MARGIN_MIN, max(0, fs_total) * DISK_MARGIN_FRACTION)))


def limit(settings, key: str, default: float) -> float:
    """A positive, finite limit from ``settings[key]`` (a runner's ``ctx.settings``), else ``default``."""
    import math
    value = (settings or {}).get(key)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) and number > 0 else default
