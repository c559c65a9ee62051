"""No secret follows a redirect to another origin (issue 15, item 1): the scenarios.

For each secret the plugin sends and each redirect status, the plugin's own client sends its
request to an *origin* that answers with a redirect to a *hostile* loopback server on another
port (another origin), which records everything that reaches it.  :func:`run` gives the
:class:`Outcome` of one scenario; ``tests/core/test_redirects.py`` asserts them and
``scripts/reliability_report.py`` reports them (:func:`run_all`).
"""
import base64
import json
from dataclasses import dataclass
from typing import Callable, Dict, List, Tuple
from urllib.parse import quote, quote_plus

import requests

from plugin.core.providers.eosda import client as eosda
from plugin.core.transfer import http as eohttp
from plugin.core.providers.earthengine import auth
from plugin.core.providers.earthengine.client import EeClient
from plugin.core.errors import EoError
from tests.sims.faults import Recorder

STATUSES = (301, 302, 303, 307, 308)
KEY = "apk.REDIRECTsecretKEY-9f8e7d6c5b4a"
TOKEN = "ya29.REDIRECTsecretTOKEN-0a1b2c3d4e"
REFRESH = "1//REDIRECTsecretREFRESH-5f6e7d8c"
CLIENT_SECRET = "GOCSPX-REDIRECTsecretCLIENT-77aa"
USER, PASSWORD = "eodag-REDIRECT-user", "REDIRECTsecretPASS-!x9"
FAST = eohttp.RetryPolicy(max_attempts=2, base_delay=0.01, max_delay=0.02)
SEED_POLYGON = {"type": "Polygon", "coordinates": [[
    [-104.87931347024973, 27.166227117387663], [-104.87190853064376, 27.17371136921598],
    [-104.87486446023671, 27.175686643908065], [-104.87271173924485, 27.178599422270565],
    [-104.87575466983847, 27.180525385046096], [-104.88103048496039, 27.176643443128853],
    [-104.87771956045358, 27.172771682872458], [-104.88236756436531, 27.17042134807906],
    [-104.87931347024973, 27.166227117387663]]]}
SEED_VIEW = "S2/13/R/EL/2023/7/19/0"


@dataclass
class Outcome:
    """What one scenario did: whether the origin got the secret (the request really carried it),
    what reached the hostile host, and how the plugin ended (``followed`` or the refusal)."""

    secret: str
    status: int
    origin_got_secret: bool
    hostile_requests: int
    hostile_methods: Tuple[str, ...]
    leaked: int
    result: str


def forms(secret: str) -> List[bytes]:
    """The byte strings that would reveal ``secret`` (plain, URL-encoded, in Basic credentials)."""
    out = {secret, quote(secret, safe=""), quote_plus(secret, safe=""),
           base64.b64encode("{}:{}".format(USER, secret).encode()).decode()}
    return sorted(f.encode() for f in out)


def count(data: bytes, secrets) -> int:
    return sum(data.count(form) for secret in secrets for form in forms(secret))


def eosda_client(url: str, how: str = "both", **kw) -> eosda.EosdaClient:
    return eosda.EosdaClient(eohttp.make_session(), url, KEY, auth=how, retry=FAST,
                             poll=eosda.PollPolicy(0.01, 1.5, 0.05), **kw)


# --------------------------------------------------------------------------- one scenario per secret
# Each takes (origin, hostile, status, secrets): adds the secrets to look for to ``secrets``, makes
# the origin redirect and sends the plugin's request.

def _eosda_status(how: str):
    def scenario(origin, hostile, status, secrets):
        secrets.append(KEY)
        # the origin even echoes the key into the Location (a careless or hostile reflection)
        origin.redirect("/api/gdw/api/T1", status, hostile.url + "/steal?api_key=" + KEY + "&x=1")
        hostile.answer("/steal", b'{"status": "started", "task_id": "T1"}')
        eosda_client(origin.url, how).get_task("T1")
    return scenario


def _ee_token(origin, hostile, status, secrets):
    secrets.append(TOKEN)
    client = EeClient(origin.url, "my-project", auth.StaticToken(TOKEN), session=eohttp.make_session(), retry=FAST)
    origin.redirect("/v1/projects/earthengine-public/assets/COPERNICUS/S2_SR/X", status, hostile.url + "/steal")
    hostile.answer("/steal", b'{"name": "x", "bands": []}')
    client.get_asset("COPERNICUS/S2_SR/X")


def _refresh_token(origin, hostile, status, secrets):
    secrets.extend([REFRESH, CLIENT_SECRET])
    origin.redirect("/token", status, hostile.url + "/steal")
    hostile.answer("/steal", b'{"access_token": "from-elsewhere", "expires_in": 3600}')
    auth.RefreshTokenProvider("client-1", CLIENT_SECRET, REFRESH, token_url=origin.url + "/token",
                              session=eohttp.make_session()).token()


def _service_account(origin, hostile, status, secrets):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    pem = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    key = {"type": "service_account", "project_id": "p", "private_key_id": "k1", "private_key": pem,
           "client_email": "sa@p.iam.gserviceaccount.com", "client_id": "1", "token_uri": origin.url + "/token"}
    origin.redirect("/token", status, hostile.url + "/steal")
    hostile.answer("/steal", b'{"access_token": "from-elsewhere", "expires_in": 3600}')
    try:
        auth.ServiceAccountProvider(key, session=eohttp.make_session()).token()
    finally:
        # the signed assertion (and the key) are only known once sent: look for the one the origin got
        sent = origin.requests[0]["body"].decode() if origin.requests else ""
        secrets.append(sent.split("assertion=")[1].split("&")[0] if "assertion=" in sent else "")


def _eodag_basic(origin, hostile, status, secrets):
    """The connection test's one-byte GET (eodag's ``auth`` object) as ``EodagClient.check_access`` sends it."""
    secrets.append(PASSWORD)
    origin.redirect("/product.zip", status, hostile.url + "/steal")
    eohttp.send_following(eohttp.make_session(), "GET", origin.url + "/product.zip", headers={"Range": "bytes=0-0"},
                          stream=True, auth=requests.auth.HTTPBasicAuth(USER, PASSWORD)).close()


SCENARIOS: Dict[str, Callable] = {
    "EOSDA key, x-api-key header (status GET)": _eosda_status("header"),
    "EOSDA key, api_key query (status GET)": _eosda_status("query"),
    "Earth Engine bearer token (asset GET)": _ee_token,
    "refresh token + client secret (token POST)": _refresh_token,
    "service-account assertion (token POST)": _service_account,
    "eodag Basic credentials (connection test GET)": _eodag_basic,
}


def run(name: str, status: int) -> Outcome:
    """One scenario against fresh loopback servers."""
    with Recorder() as origin, Recorder() as hostile:
        result = "followed"
        secrets: List[str] = []
        try:
            SCENARIOS[name](origin, hostile, status, secrets)
        except EoError as exc:
            result = "refused: " + exc.message
        secrets = [s for s in secrets if s]
        return Outcome(secret=name, status=status, origin_got_secret=count(origin.everything(), secrets) > 0,
                       hostile_requests=len(hostile.requests),
                       hostile_methods=tuple(r["method"] for r in hostile.requests),
                       leaked=count(hostile.everything(), secrets), result=result)


def run_all() -> List[Outcome]:
    return [run(name, status) for name in SCENARIOS for status in STATUSES]


def as_json(outcomes: List[Outcome]) -> str:
    return json.dumps([o.__dict__ for o in outcomes], indent=1)
