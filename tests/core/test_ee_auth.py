"""Earth Engine access tokens: refresh-token exchange, caching, 401 retry, credential files."""
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from plugin.core.transfer import http
from plugin.core.providers.earthengine import auth
from plugin.core.providers.earthengine.client import EeClient
from plugin.core.errors import AuthError, ParameterError
from tests.sims.ee_sim import EeSimulator

IMG = "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG"
FAST = http.RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.05)


class TokenEndpoint:
    """A tiny OAuth2 token endpoint on loopback: records the form posts, issues tokens."""

    def __init__(self, tokens=("tok-1", "tok-2", "tok-3"), expires_in=3600, error=None):
        self.tokens = list(tokens)
        self.expires_in = expires_in
        self.error = error          # (status, json) to answer instead
        self.posts = []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                endpoint.posts.append({"path": self.path, "content_type": self.headers.get("Content-Type"),
                                       "form": {k: v[0] for k, v in parse_qs(body).items()}})
                if endpoint.error:
                    status, payload = endpoint.error
                else:
                    status, payload = 200, {"access_token": endpoint.tokens.pop(0), "token_type": "Bearer",
                                            "expires_in": endpoint.expires_in,
                                            "scope": "https://www.googleapis.com/auth/earthengine"}
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)
        self.thread.start()
        self.url = "http://127.0.0.1:{}/token".format(self.server.server_address[1])

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def token_endpoint():
    ep = TokenEndpoint()
    yield ep
    ep.close()


@pytest.fixture(scope="module")
def sim_server():
    s = EeSimulator(tokens=("tok-2",), projects=("my-project",), unregistered_projects=("unreg-project",))
    s.start()
    yield s
    s.stop()


@pytest.fixture
def sim(sim_server):
    sim_server.reset_counters()
    sim_server.clear_faults()
    return sim_server


def test_refresh_token_exchange_is_a_form_post(token_endpoint):
    p = auth.RefreshTokenProvider("cid", "csecret", "rtoken", token_url=token_endpoint.url)
    assert p.token() == "tok-1"
    post = token_endpoint.posts[0]
    assert post["content_type"] == "application/x-www-form-urlencoded"
    assert post["form"] == {"grant_type": "refresh_token", "client_id": "cid", "client_secret": "csecret",
                            "refresh_token": "rtoken"}


def test_token_is_cached_until_shortly_before_expiry(token_endpoint):
    now = [1000.0]
    p = auth.RefreshTokenProvider("cid", "cs", "rt", token_url=token_endpoint.url, clock=lambda: now[0])
    assert p.token() == "tok-1"
    now[0] += 3000                                  # 3600 s lifetime, 60 s margin
    assert p.token() == "tok-1" and len(token_endpoint.posts) == 1
    now[0] += 560                                   # 3560 s: inside the margin
    assert p.token() == "tok-2" and len(token_endpoint.posts) == 2


def test_invalidate_forces_a_new_exchange(token_endpoint):
    p = auth.RefreshTokenProvider("cid", "cs", "rt", token_url=token_endpoint.url)
    assert p.token() == "tok-1"
    p.invalidate()
    assert p.token() == "tok-2"
    assert p.exchanges == 2


def test_refused_refresh_token_gives_steps_to_fix():
    ep = TokenEndpoint(error=(400, {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}))
    try:
        p = auth.RefreshTokenProvider("cid", "cs", "rt-secret-value", token_url=ep.url)
        with pytest.raises(AuthError) as e:
            p.token()
    finally:
        ep.close()
    assert "invalid_grant" in e.value.message and "expired or revoked" in e.value.message
    assert "earthengine authenticate" in e.value.hint
    assert "rt-secret-value" not in e.value.user_text()
    assert len(ep.posts) == 1                       # a 400 is not retried


def test_tokens_are_masked_in_logs(token_endpoint):
    p = auth.RefreshTokenProvider("cid", "client-secret-xyz", "refresh-abc-123", token_url=token_endpoint.url)
    tok = p.token()
    text = http.redact("token={} secret=client-secret-xyz refresh-abc-123".format(tok))
    assert tok not in text and "client-secret-xyz" not in text and "refresh-abc-123" not in text


def test_read_earthengine_credentials(tmp_path, token_endpoint):
    path = tmp_path / "credentials"
    path.write_text(json.dumps({"client_id": "cid", "client_secret": "cs", "refresh_token": "rt",
                                "scopes": ["https://www.googleapis.com/auth/earthengine"],
                                "project": "my-project"}))
    p = auth.read_earthengine_credentials(str(path), token_url=token_endpoint.url)
    assert isinstance(p, auth.RefreshTokenProvider)
    assert p.project == "my-project" and p.scopes == ["https://www.googleapis.com/auth/earthengine"]
    assert p.token() == "tok-1"
    assert token_endpoint.posts[0]["form"]["refresh_token"] == "rt"


def test_read_earthengine_credentials_default_path(tmp_path, monkeypatch, token_endpoint):
    home = tmp_path / "home"
    (home / ".config" / "earthengine").mkdir(parents=True)
    (home / ".config" / "earthengine" / "credentials").write_text(
        json.dumps({"client_id": "c", "client_secret": "s", "refresh_token": "r"}))
    monkeypatch.setenv("HOME", str(home))
    p = auth.read_earthengine_credentials(token_url=token_endpoint.url)
    assert p.project is None and p.refresh_token == "r"


@pytest.mark.parametrize("content,fragment", [
    (None, "No Earth Engine credentials file"),
    ("{not json", "cannot be read"),
    (json.dumps({"client_id": "c"}), "no refresh token"),
    (json.dumps({"refresh_token": "r"}), "names no OAuth client"),
])
def test_credentials_file_problems(tmp_path, content, fragment):
    path = tmp_path / "credentials"
    if content is not None:
        path.write_text(content)
    with pytest.raises(ParameterError) as e:
        auth.read_earthengine_credentials(str(path))
    assert fragment in e.value.message


def test_credentials_without_client_use_given_defaults(tmp_path):
    path = tmp_path / "credentials"
    path.write_text(json.dumps({"refresh_token": "r"}))
    p = auth.read_earthengine_credentials(str(path), default_client_id="cid", default_client_secret="cs")
    assert (p.client_id, p.client_secret) == ("cid", "cs")


def test_static_token_and_environment():
    assert auth.StaticToken("Bearer abc123").token() == "abc123"
    with pytest.raises(ParameterError):
        auth.StaticToken("  ")
    assert auth.from_environment({}) is None
    env = auth.from_environment({"EO_DOWNLOADER_EE_TOKEN": " envtok "})
    assert isinstance(env, auth.StaticToken) and env.token() == "envtok"


def test_provider_from_credentials(monkeypatch):
    monkeypatch.delenv("EO_DOWNLOADER_EE_TOKEN", raising=False)
    given = auth.StaticToken("given")
    assert auth.provider_from_credentials({"token_provider": given}) is given
    assert auth.provider_from_credentials({"token": "t1"}).token() == "t1"
    with pytest.raises(AuthError) as e:
        auth.provider_from_credentials({})
    assert "No Earth Engine credentials" in e.value.message
    monkeypatch.setenv("EO_DOWNLOADER_EE_TOKEN", "from-env")
    assert auth.provider_from_credentials({}).token() == "from-env"


def test_provider_from_json_kinds(tmp_path, token_endpoint):
    p = auth.provider_from_json('{"client_id": "c", "client_secret": "s", "refresh_token": "r", "project": "pj"}',
                                token_url=token_endpoint.url)
    assert isinstance(p, auth.RefreshTokenProvider) and p.project == "pj" and p.token() == "tok-1"
    assert auth.provider_from_json({"access_token": "at-1"}).token() == "at-1"
    # What read_earthengine_credentials returns passes through, with the token endpoint given.
    path = tmp_path / "credentials"
    path.write_text(json.dumps({"client_id": "c", "client_secret": "s", "refresh_token": "r2"}))
    read = auth.read_earthengine_credentials(str(path))
    assert auth.provider_from_json(read, token_url=token_endpoint.url) is read
    assert read.token() == "tok-2" and token_endpoint.posts[-1]["form"]["refresh_token"] == "r2"
    for bad in ("{", "[]", {"refresh_token": "r"}, {"foo": 1}):
        with pytest.raises(ParameterError):
            auth.provider_from_json(bad)


def test_provider_from_json_service_account(token_endpoint):
    pytest.importorskip("google.oauth2.service_account")
    key = _service_account_key("https://oauth2.example.invalid/token")
    p = auth.provider_from_json(key, token_url=token_endpoint.url)     # token_url wins over the key's
    assert isinstance(p, auth.ServiceAccountProvider) and p.token() == "tok-1"


def test_service_account_without_google_auth(monkeypatch):
    import builtins
    real_import = builtins.__import__

    def fake_import(name, *a, **kw):
        if name.startswith("google"):
            raise ImportError(name)
        return real_import(name, *a, **kw)
    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(ParameterError) as e:
        auth.ServiceAccountProvider({"type": "service_account"})
    assert "google-auth" in e.value.message and "pip install google-auth" in e.value.hint


def _service_account_key(token_url):
    rsa = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.rsa")
    from cryptography.hazmat.primitives import serialization
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    return {"type": "service_account", "project_id": "my-project", "private_key_id": "k1", "private_key": pem,
            "client_email": "sa@my-project.iam.gserviceaccount.com", "client_id": "1", "token_uri": token_url}


def test_service_account_signs_a_jwt_and_exchanges_it(token_endpoint):
    pytest.importorskip("google.oauth2.service_account")
    key = _service_account_key(token_endpoint.url)
    p = auth.ServiceAccountProvider(json.dumps(key))
    assert p.project == "my-project"
    assert p.token() == "tok-1"
    form = token_endpoint.posts[0]["form"]
    assert form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer"
    assert form["assertion"].count(".") == 2          # a signed JWT
    assert p.token() == "tok-1"                        # cached
    p.invalidate()
    assert p.token() == "tok-2"


def test_service_account_key_must_be_one():
    pytest.importorskip("google.oauth2.service_account")
    with pytest.raises(ParameterError):
        auth.ServiceAccountProvider('{"type": "authorized_user"}')
    with pytest.raises(ParameterError):
        auth.ServiceAccountProvider("{broken")


# --- 401 / 403 against the Earth Engine simulator ----------------------------------------------------------
def test_401_invalidates_and_retries_once_with_a_fresh_token(sim):
    # The endpoint first issues a token the API does not accept (stale), then a good one.
    ep = TokenEndpoint(tokens=("stale-token", "tok-2"))
    try:
        provider = auth.RefreshTokenProvider("cid", "cs", "rt", token_url=ep.url)
        client = EeClient(sim.url, "my-project", provider, retry=FAST)
        asset = client.get_asset(IMG)
    finally:
        ep.close()
    assert asset["id"] == IMG
    assert sim.count("asset", 401) == 1 and sim.count("asset", 200) == 1
    assert provider.exchanges == 2
    assert sim.last_request("asset")["headers"]["authorization"] == "Bearer tok-2"


def test_401_twice_gives_auth_error_with_steps(sim):
    ep = TokenEndpoint(tokens=("stale-1", "stale-2"))
    try:
        provider = auth.RefreshTokenProvider("cid", "cs", "rt", token_url=ep.url)
        client = EeClient(sim.url, "my-project", provider, retry=FAST)
        with pytest.raises(AuthError) as e:
            client.create_download_id({"expression": {}, "fileFormat": "GEO_TIFF", "filenamePrefix": None})
    finally:
        ep.close()
    assert sim.count("create", 401) == 2              # one retry, no more
    assert e.value.status == 401
    assert "Request had invalid authentication credentials" in e.value.message
    assert "earthengine authenticate" in e.value.hint
    assert "stale-2" not in e.value.user_text()


def test_static_token_401_is_not_retried(sim):
    client = EeClient(sim.url, "my-project", auth.StaticToken("wrong-token"), retry=FAST)
    with pytest.raises(AuthError):
        client.get_asset(IMG)
    assert sim.count("asset", 401) == 1


def test_403_not_registered_says_how_to_register(sim):
    client = EeClient(sim.url, "unreg-project", auth.StaticToken("tok-2"), retry=FAST)
    sim.projects.add("unreg-project")
    with pytest.raises(AuthError) as e:
        client.create_download_id({"expression": {}, "fileFormat": "GEO_TIFF", "filenamePrefix": None})
    assert "not registered to use Earth Engine" in e.value.message
    assert "code.earthengine.google.com/register?project=unreg-project" in e.value.hint


def test_403_user_project_permission(sim):
    client = EeClient(sim.url, "other-project", auth.StaticToken("tok-2"), retry=FAST)
    with pytest.raises(AuthError) as e:
        client.get_asset(IMG)
    assert "required permission to use project other-project" in e.value.message
    assert "serviceUsageConsumer" in e.value.hint
