"""HTTP headers carrying the credential of a private STAC catalogue, and the S3 keys of ``s3://``
assets (pure Python).

The QGIS adapter (``adapters/credentials.credentials_for``, provider "stac") reads an authentication
configuration and calls one of these; the result is ``{"headers": {...}}`` in ``ctx.credentials``.
Every value is registered with the log redaction.  The client sends them to the catalogue's origin
only (``http.send_following`` and :class:`.client.StacClient`).
"""
import base64
import re
from typing import Dict, Iterable, Tuple

from ...errors import AuthError
from ...i18n import translate

_TOKEN_CHARS = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")


def _register(values: Iterable[str]) -> None:
    from ...transfer.http import register_secret
    for value in values:
        register_secret(value)


def basic(username: str, password: str) -> Dict[str, str]:
    """``Authorization: Basic`` of a user name and password (RFC 7617, UTF-8)."""
    if not username and not password:
        raise AuthError(translate("Stac", "The authentication configuration holds no user name or password."))
    encoded = base64.b64encode("{}:{}".format(username or "", password or "").encode("utf-8")).decode("ascii")
    _register([password, encoded])
    return {"Authorization": "Basic " + encoded}


def bearer(token: str) -> Dict[str, str]:
    """``Authorization: Bearer`` of an access token (OAuth2 or a catalogue's token)."""
    token = (token or "").strip()
    if token.lower().startswith("bearer "):
        token = token[7:].strip()
    if not token:
        raise AuthError(translate("Stac", "The authentication configuration holds no token."))
    _register([token])
    return {"Authorization": "Bearer " + token}


def api_headers(pairs: Iterable[Tuple[str, str]]) -> Dict[str, str]:
    """The headers of an API-header configuration (name -> value), names checked (RFC 9110 tokens)."""
    out = {}
    for name, value in pairs:
        name = str(name).strip()
        if not name:
            continue
        if not _TOKEN_CHARS.match(name) or any(c in str(value) for c in "\r\n"):
            raise AuthError(translate("Stac", "The header '{}' of the authentication configuration is not a "
                                              "valid HTTP header.").format(name))
        out[name] = str(value)
    if not out:
        raise AuthError(translate("Stac", "The authentication configuration holds no header."))
    _register(out.values())
    return out


def s3_keys(access_key_id: str, secret_access_key: str) -> Dict[str, str]:
    """The S3 keys of a Basic configuration (user name = access key id, password = secret key), for
    the ``s3://`` assets of STAC jobs (``ctx.credentials["s3"]``); never sent to the catalogue."""
    access_key_id, secret_access_key = (access_key_id or "").strip(), (secret_access_key or "").strip()
    if not access_key_id or not secret_access_key:
        raise AuthError(translate("Stac", "The S3 authentication configuration needs an access key id (user name) "
                                          "and a secret key (password)."))
    _register([secret_access_key])
    return {"access_key_id": access_key_id, "secret_access_key": secret_access_key}
