"""Secrets from QGIS's authentication database (or the environment, headless).

Nothing here writes a secret anywhere: values are read from QgsAuthManager
(authcfg ids) into memory and handed to the core runners in ``ctx.credentials``.

Accepted configurations (QGIS 3.22 ships Basic, EsriToken and OAuth2 methods):

* EOSDA API key: an *EsriToken* config (the token is the key) or a *Basic*
  config (the password is the key).
* Earth Engine: an *OAuth2* config (QGIS obtains and refreshes the token); an
  *EsriToken* config holding an access token; or a *Basic* config whose
  password is a JSON credential -- the ``credentials`` file written by
  ``earthengine authenticate`` (refresh token, exchanged at the token
  endpoint) or a service-account key (needs google-auth).
* STAC catalogue: Basic, OAuth2, EsriToken (a bearer token) or APIHeader
  (QGIS >= 3.26), turned into request headers (:func:`stac_headers`); and, for ``s3://`` assets, a
  configuration of their own (never the catalogue's: its secret would go to the catalogue), Basic
  with user name = access key id, password = secret key (:func:`stac_s3_keys`).
"""
import json
import os
from typing import Optional

from qgis.core import QgsApplication, QgsAuthMethodConfig
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtNetwork import QNetworkRequest

from ..core import config
from ..core.errors import AuthError
from ..core.i18n import translate
from . import settings as plugin_settings


def _load(authcfg: str) -> QgsAuthMethodConfig:
    am = QgsApplication.authManager()
    cfg = QgsAuthMethodConfig()
    result = am.loadAuthenticationConfig(authcfg, cfg, True)
    ok = result[0] if isinstance(result, tuple) else bool(result)
    if isinstance(result, tuple) and len(result) > 1 and isinstance(result[1], QgsAuthMethodConfig):
        cfg = result[1]
    if not ok or not cfg.id():
        raise AuthError(translate("Credentials", "The authentication configuration '{}' was not found in QGIS's "
                                                 "authentication database.").format(authcfg),
                        hint=translate("Credentials", "Pick or create one in the plugin settings."))
    return cfg


def eosda_api_key(authcfg: str = "") -> str:
    if authcfg:
        cfg = _load(authcfg)
        key = cfg.config("token") if cfg.method() == "EsriToken" else cfg.config("password")
        if key:
            _register(key)
            return key
        raise AuthError(translate("Credentials", "The authentication configuration '{}' holds no EOSDA API key.")
                        .format(authcfg))
    key = config.env_secret("eosda_api_key")
    if key:
        _register(key)
        return key
    raise AuthError(translate("Credentials", "No EOSDA API key is set."),
                    hint=translate("Credentials", "Store your key in an authentication configuration in the plugin "
                                                  "settings, or set EO_DOWNLOADER_EOSDA_API_KEY for headless runs."))


class QgsOAuth2TokenProvider:
    """Token provider backed by a QGIS OAuth2 auth configuration."""

    def __init__(self, authcfg: str):
        self.authcfg = authcfg

    def token(self) -> str:
        request = QNetworkRequest(QUrl("https://earthengine.googleapis.com/"))
        result = QgsApplication.authManager().updateNetworkRequest(request, self.authcfg)
        ok, request = (result if isinstance(result, tuple) else (result, request))
        header = bytes(request.rawHeader(b"Authorization")).decode("ascii", "replace")
        if not ok or not header.lower().startswith("bearer "):
            raise AuthError(translate("Credentials", "QGIS could not obtain an OAuth2 token from the authentication "
                                                     "configuration '{}'.").format(self.authcfg),
                            hint=translate("Credentials", "Open Settings > Options > Authentication and check the "
                                                          "configuration, then sign in again."))
        token = header[7:].strip()
        _register(token)
        return token

    def invalidate(self) -> None:
        pass


def ee_credentials_source(authcfg: str = ""):
    """Where Earth Engine credentials come from, in the order :func:`ee_token_provider` uses: ("authcfg", id),
    ("env", variable name), ("file", path of the earthengine credentials file) or (None, None)."""
    from ..core.providers.earthengine import auth as ee_auth
    if authcfg:
        return "authcfg", authcfg
    if config.env_secret("ee_token"):
        return "env", config.SECRET_ENV_VARS["ee_token"]
    path = os.path.expanduser(ee_auth.DEFAULT_CREDENTIALS_PATH)
    if os.path.isfile(path):
        return "file", path
    return None, None


def ee_token_provider(authcfg: str = "", token_url: Optional[str] = None):
    """A core TokenProvider for Earth Engine from an authcfg or the environment."""
    from ..core.providers.earthengine import auth as ee_auth
    kind, where = ee_credentials_source(authcfg)
    if kind == "authcfg":
        return _ee_provider_of(_load(authcfg), token_url)
    if kind == "env":
        env = config.env_secret("ee_token")
        _register(env)
        return ee_auth.StaticToken(env)
    if kind == "file":
        try:
            return ee_auth.provider_from_json(ee_auth.read_earthengine_credentials(where),
                                              token_url=config.base_url("ee_token", token_url))
        except Exception:
            pass
    raise AuthError(translate("Credentials", "No Earth Engine credentials are set."),
                    hint=translate("Credentials", "Choose an authentication configuration (OAuth2, or the JSON of "
                                                  "'earthengine authenticate' / a service-account key) in the plugin "
                                                  "settings, or set EO_DOWNLOADER_EE_TOKEN for headless runs."))


def _ee_provider_of(cfg: QgsAuthMethodConfig, token_url: Optional[str]):
    from ..core.providers.earthengine import auth as ee_auth
    method = cfg.method()
    if method == "OAuth2":
        return QgsOAuth2TokenProvider(cfg.id())
    if method == "EsriToken" and cfg.config("token"):
        _register(cfg.config("token"))
        return ee_auth.StaticToken(cfg.config("token"))
    secret = cfg.config("password") if method == "Basic" else ""
    if secret:
        try:
            data = json.loads(secret)
        except ValueError:
            _register(secret)
            return ee_auth.StaticToken(secret)
        return ee_auth.provider_from_json(data, token_url=config.base_url("ee_token", token_url))
    raise AuthError(translate("Credentials", "The authentication configuration '{}' ({}) holds no Earth Engine "
                                             "credential.").format(cfg.id(), method))


# -- making an Earth Engine configuration for the user (the settings dialog's buttons) ---------------
#: The installed-application OAuth client of Google's own earthengine-api (ee/oauth.py), the one
#: ``earthengine authenticate`` signs in with.  Google documents that an installed application's
#: client secret is not confidential (it ships in every copy of the client).
EE_OAUTH_CLIENT_ID = "517222506229-vsmmajv00ul0bs7p89v5m89qs8eb9359.apps.googleusercontent.com"
EE_OAUTH_CLIENT_SECRET = "RUP0RZ6e0pPhDzsqIJ7KlNd1"  # nosec B105  # pragma: allowlist secret
EE_OAUTH_SCOPES = ("https://www.googleapis.com/auth/earthengine", "https://www.googleapis.com/auth/cloud-platform")
EE_OAUTH_AUTHORIZE_URL = "https://accounts.google.com/o/oauth2/auth"
#: QgsAuthOAuth2Config's grant flows (QGIS 3.22): 0 authorization code, 1 implicit, 2 resource owner.
OAUTH2_AUTHORIZATION_CODE = 0


def ee_oauth2_preset(token_url: Optional[str] = None) -> dict:
    """The ``oauth2config`` of a QGIS OAuth2 configuration signing in to Earth Engine in the browser
    (authorization code flow, token kept in the auth database and refreshed by QGIS)."""
    token = config.base_url("ee_token", token_url)
    return {"accessMethod": 0, "apiKey": "", "clientId": EE_OAUTH_CLIENT_ID, "clientSecret": EE_OAUTH_CLIENT_SECRET,
            "configType": 1, "customHeader": "", "description": "Google Earth Engine",
            "grantFlow": OAUTH2_AUTHORIZATION_CODE, "id": "", "name": "Google Earth Engine", "objectName": "",
            "password": "",  # nosec B105 (the resource-owner flow's field of QGIS's form, unused here)
            "persistToken": True, "queryPairs": {}, "redirectPort": 7070,
            "redirectUrl": "eo_downloader", "refreshTokenUrl": token, "requestTimeout": 30,
            "requestUrl": EE_OAUTH_AUTHORIZE_URL, "scope": " ".join(EE_OAUTH_SCOPES), "tokenUrl": token,
            "username": "", "version": 1}


def create_ee_oauth2_config(name: str, token_url: Optional[str] = None) -> str:
    """Store a new OAuth2 configuration for Earth Engine (:func:`ee_oauth2_preset`); its id.  QGIS opens
    the browser to sign in the first time the configuration is used."""
    cfg = QgsAuthMethodConfig("OAuth2")
    cfg.setName(name)
    cfg.setConfig("oauth2config", json.dumps(ee_oauth2_preset(token_url)))
    return _store(cfg)


def import_earthengine_credentials(name: str, path: Optional[str] = None):
    """Copy the refresh token of ``earthengine authenticate`` (``~/.config/earthengine/credentials``) into a
    new Basic configuration of QGIS's auth database (encrypted there; the JSON is the password, as
    :func:`ee_token_provider` reads it): (its id, the project the file names or None).  Raises EoError
    when the file holds no usable refresh token."""
    from ..core.providers.earthengine import auth as ee_auth
    path = os.path.expanduser(path or ee_auth.DEFAULT_CREDENTIALS_PATH)
    found = ee_auth.read_earthengine_credentials(path)     # the one check of the file (raises ParameterError)
    with open(path, "r", encoding="utf-8") as fh:
        data = json.load(fh)
    keep = {k: data[k] for k in ("refresh_token", "client_id", "client_secret", "scopes", "type") if k in data}
    cfg = QgsAuthMethodConfig("Basic")
    cfg.setName(name)
    cfg.setConfig("username", "earthengine")
    cfg.setConfig("password", json.dumps(keep))
    return _store(cfg), found.project


def _store(cfg: QgsAuthMethodConfig) -> str:
    am = QgsApplication.authManager()
    if not am.setMasterPassword(True):        # asks for it (or to create it) when not yet given
        raise AuthError(translate("Credentials", "QGIS's authentication database is locked: the configuration "
                                                 "was not created."),
                        hint=translate("Credentials", "Enter QGIS's master password when asked."))
    result = am.storeAuthenticationConfig(cfg)
    ok = result[0] if isinstance(result, tuple) else bool(result)
    if not ok or not cfg.id():
        raise AuthError(translate("Credentials", "QGIS could not store the authentication configuration '{}'.")
                        .format(cfg.name()))
    return cfg.id()


def eodag_credentials(authcfg: str = "") -> dict:
    """eodag: a Basic configuration (username, password) or an EsriToken one (API key); without
    authcfg the EO_DOWNLOADER_EODAG_* environment variables (possibly nothing: many searches need none)."""
    from ..core.providers.eodag.client import env_credentials
    if not authcfg:
        return env_credentials()
    cfg = _load(authcfg)
    if cfg.method() == "EsriToken":
        out = {"api_key": cfg.config("token")}
    else:
        out = {"username": cfg.config("username"), "password": cfg.config("password")}
    out = {k: v for k, v in out.items() if v}
    if not out:
        raise AuthError(translate("Credentials", "The authentication configuration '{}' holds no username, "
                                                 "password or API key for eodag.").format(authcfg))
    for key in ("password", "api_key"):
        if out.get(key):
            _register(out[key])
    return out


def stac_headers(authcfg: str = "") -> dict:
    """Headers for a private STAC catalogue: Basic (user name, password) -> ``Authorization: Basic``;
    OAuth2 (QGIS obtains the token) or EsriToken -> ``Authorization: Bearer``; APIHeader (QGIS >= 3.26)
    -> its headers.  No authcfg: no headers (public catalogues)."""
    from ..core.providers.stac import auth as stac_auth
    if not authcfg:
        return {}
    cfg = _load(authcfg)
    method = cfg.method()
    if method == "Basic":
        return stac_auth.basic(cfg.config("username"), cfg.config("password"))
    if method == "OAuth2":
        return stac_auth.bearer(QgsOAuth2TokenProvider(authcfg).token())
    if method == "EsriToken":
        return stac_auth.bearer(cfg.config("token"))
    if method == "APIHeader":
        return stac_auth.api_headers(cfg.configMap().items())
    raise AuthError(translate("Credentials", "The authentication configuration '{}' ({}) cannot be used for a "
                                             "STAC catalogue: choose Basic, OAuth2, a token or API "
                                             "headers.").format(authcfg, method))


def stac_s3_keys(authcfg: str = "") -> dict:
    """The S3 keys of the ``s3://`` assets of STAC jobs, from a Basic configuration (user name = access
    key id, password = secret key); no authcfg: none (anonymous reads)."""
    from ..core.providers.stac import auth as stac_auth
    if not authcfg:
        return {}
    cfg = _load(authcfg)
    if cfg.method() != "Basic":
        raise AuthError(translate("Credentials", "The authentication configuration '{}' ({}) cannot hold S3 keys: "
                                                 "choose a Basic one (user name = access key id, password = secret "
                                                 "key).").format(authcfg, cfg.method()))
    return stac_auth.s3_keys(cfg.config("username"), cfg.config("password"))


def _register(secret: str) -> None:
    from ..core.transfer.http import register_secret
    register_secret(secret)


def ee_tile_authcfg(authcfg: str = "") -> str:
    """The Earth Engine authcfg (``authcfg`` or the configured one) when QGIS itself can add the token to
    a tile request -- an OAuth2 configuration -- else "" (no tile layer can be offered)."""
    authcfg = authcfg or plugin_settings.get("ee_authcfg") or ""
    if not authcfg:
        return ""
    try:
        return authcfg if _load(authcfg).method() == "OAuth2" else ""
    except AuthError:
        return ""


def credentials_for(job) -> dict:
    """The secrets ``job`` needs, in memory, from its authcfg or the provider's configured one
    (or the environment, headless): the one place credentials are resolved."""
    authcfg = job.params.get("authcfg", "") or ""
    if job.provider in ("ee_download", "ee_export"):
        return {"token_provider": ee_token_provider(authcfg or plugin_settings.get("ee_authcfg"),
                                                    plugin_settings.get("ee_token_url"))}
    if job.provider == "eosda":
        return {"api_key": eosda_api_key(authcfg or plugin_settings.get("eosda_authcfg"))}
    if job.provider == "eodag":
        return eodag_credentials(authcfg)
    if job.provider == "stac":
        return {"headers": stac_headers(authcfg or plugin_settings.get("stac_authcfg")),
                "s3": stac_s3_keys(job.params.get("s3_authcfg") or plugin_settings.get("stac_s3_authcfg"))}
    return {}
