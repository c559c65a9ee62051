"""Base URLs and other endpoints: environment variable > setting > real service.

The defaults are the providers' real hosts; a setting (QgsSettings, via the QGIS
adapter) can point elsewhere, and for headless runs an environment variable wins.
"""
import os
from typing import Optional

DEFAULTS = {
    "ee_api": "https://earthengine.googleapis.com",
    "ee_token": "https://oauth2.googleapis.com/token",
    "eosda_api": "https://api-connect.eos.com",
    "gcs_api": "https://storage.googleapis.com",
    "drive_api": "https://www.googleapis.com",
}

ENV_VARS = {
    "ee_api": "EO_DOWNLOADER_EE_API_URL",
    "ee_token": "EO_DOWNLOADER_EE_TOKEN_URL",
    "eosda_api": "EO_DOWNLOADER_EOSDA_API_URL",
    "gcs_api": "EO_DOWNLOADER_GCS_API_URL",
    "drive_api": "EO_DOWNLOADER_DRIVE_API_URL",
}

#: Seconds a one-off request the GUI starts (a search, an image's description, a connection test, a
#: server-side cancel) may take in all before it gives up: per-read timeouts alone never trip on a
#: server sending a byte every few seconds.  The preference ``request_deadline`` overrides it.
REQUEST_DEADLINE = 60.0

#: Environment variables that carry secrets for headless runs (read, never written).
SECRET_ENV_VARS = {
    "ee_token": "EO_DOWNLOADER_EE_TOKEN",
    "eosda_api_key": "EO_DOWNLOADER_EOSDA_API_KEY",
}


def base_url(name: str, setting: Optional[str] = None) -> str:
    """The base URL for ``name`` without a trailing slash."""
    env = os.environ.get(ENV_VARS.get(name, ""), "").strip() if name in ENV_VARS else ""
    value = env or (setting or "").strip() or DEFAULTS[name]
    return value.rstrip("/")


def env_secret(name: str) -> Optional[str]:
    value = os.environ.get(SECRET_ENV_VARS[name], "").strip()
    return value or None
