"""Typed plugin preferences in QgsSettings, under one versioned group.

Only preferences live here (base URLs, folders, limits); secrets live in the
QGIS authentication database and are referenced by an authcfg id.
"""
import os

from qgis.core import QgsApplication, QgsSettings

from ..core import config

GROUP = "eo_downloader"
SCHEMA_VERSION = 1
_PREFIX = "{}/v{}/".format(GROUP, SCHEMA_VERSION)

DEFAULTS = {
    "output_dir": "",
    "ee_api_url": "",
    "ee_token_url": "",  # nosec B105 # a setting's empty default
    "ee_project": "",
    "ee_authcfg": "",
    "ee_last_image": "",              # the dock's Earth Engine tab restores the last image and collection
    "ee_last_collection": "",
    "ee_export_destination": "gcs",   # the dock's batch-export group remembers these
    "ee_export_bucket": "",
    "ee_export_folder": "",
    "eosda_api_url": "",
    "eosda_authcfg": "",
    "stac_api_url": "",             # the default STAC catalogue (empty: config's, or the environment's)
    "stac_pc_sas_url": "",          # the Planetary Computer SAS token endpoint
    "stac_authcfg": "",
    "stac_s3_endpoint_url": "",     # s3:// assets: an S3-compatible store (empty: AWS)
    "stac_s3_authcfg": "",          # s3:// assets: a Basic configuration (access key id, secret key); empty: anonymous
    "max_area_km2": 1_000_000.0,
    "ee_max_concurrency": 40,       # Earth Engine requests in flight at most (the project limit is 40)
    "connect_timeout": 10.0,
    "read_timeout": 300.0,          # Earth Engine may compute a while before the first byte
    "min_rate": 1024.0,             # a body slower than this (bytes/s) over min_rate_window s is given up
    "min_rate_window": 30.0,
    "request_deadline": config.REQUEST_DEADLINE,   # seconds, for the GUI's one-off requests
    "verify_tls": True,
    "load_layers": True,
    "add_single_bands": False,      # a stack's single bands as layers too (the composite always is)
    "eodag_provider": "cop_dataspace",
    "eodag_collection": "S2_MSI_L2A",
    "eodag_bands": "B04,B03,B02",
    "eodag_authcfg": "",            # per eodag provider: get_for("eodag_authcfg", provider)
    "eosda_max_wait": config.EOSDA_MAX_WAIT,           # seconds a job polls an EOSDA task
    "ee_export_max_wait": config.EE_EXPORT_MAX_WAIT,   # seconds a job follows an Earth Engine export
}

# Keys of the unversioned layout (before v1) and where they moved.
_LEGACY_KEYS = {"output_folder": "output_dir", "ee/project": "ee_project", "eosda/url": "eosda_api_url"}


def _settings() -> QgsSettings:
    return QgsSettings()


def migrate() -> None:
    """Move values from older key layouts into the current versioned group (idempotent)."""
    s = _settings()
    if s.value(_PREFIX + "schema", 0, type=int) >= SCHEMA_VERSION:
        return
    for old, new in _LEGACY_KEYS.items():
        key = "{}/{}".format(GROUP, old)
        if s.contains(key):
            if not s.contains(_PREFIX + new):
                s.setValue(_PREFIX + new, s.value(key))
            s.remove(key)
    s.setValue(_PREFIX + "schema", SCHEMA_VERSION)


def get(name: str):
    default = DEFAULTS[name]
    value = _settings().value(_PREFIX + name, default, type=type(default))
    return value


def set(name: str, value) -> None:  # noqa: A001 (module-level API)
    if name not in DEFAULTS:
        raise KeyError(name)
    _settings().setValue(_PREFIX + name, value)


def get_for(name: str, key: str):
    """A preference kept per item (e.g. the authcfg of one eodag provider)."""
    default = DEFAULTS[name]
    return _settings().value("{}{}/{}".format(_PREFIX, name, key), default, type=type(default))


def set_for(name: str, key: str, value) -> None:
    if name not in DEFAULTS:
        raise KeyError(name)
    _settings().setValue("{}{}/{}".format(_PREFIX, name, key), value)


def output_dir() -> str:
    value = get("output_dir")
    if value:
        return value
    return os.path.join(os.path.expanduser("~"), "EO Downloader")


def request_deadline() -> float:
    """Whole-request deadline (seconds) of a search, description read, test or server-side cancel."""
    return max(1.0, float(get("request_deadline")))


def profile_dir() -> str:
    return QgsApplication.qgisSettingsDirPath()


def job_store_path() -> str:
    return os.path.join(profile_dir(), GROUP, "jobs.json")


def core_settings() -> dict:
    """The preferences the core runners read (no secrets), under the keys they read."""
    from ..core.transfer.http import Timeouts
    return {
        "ee_api": get("ee_api_url"),
        "ee_token": get("ee_token_url"),
        "eosda_api": get("eosda_api_url"),
        "ee_max_concurrency": int(get("ee_max_concurrency")),
        "stac_api": get("stac_api_url"),
        "stac_pc_sas": get("stac_pc_sas_url"),
        "stac_s3_endpoint": get("stac_s3_endpoint_url"),
        "timeouts": Timeouts(connect=float(get("connect_timeout")), read=float(get("read_timeout")),
                             min_rate=config.rate_limit("min_rate", get("min_rate")),
                             rate_window=config.rate_limit("min_rate_window", get("min_rate_window"))),
        "eosda_max_wait": get("eosda_max_wait"),
        "ee_export_max_wait": get("ee_export_max_wait"),
    }
