"""Secrets never follow a redirect to another origin (issue 15, item 1).

Each secret the plugin sends -- the EOSDA key as header and as query parameter, the Earth
Engine bearer token, the refresh-token and service-account token requests, eodag's Basic
credentials -- is sent to an origin that answers 301/302/303/307/308 pointing at a *hostile*
loopback server on another port (another origin).  The hostile server records everything
that reaches it; the secret must never be there.  Same-origin redirects keep working,
https -> http is refused, loops are capped, and an EOSDA result kept on a storage host
(pre-signed URL, reached by a redirect, also in the middle of a resumed download) still
downloads, without the key.
"""
import http.server
import json
import os
import ssl
import threading
from urllib.parse import quote_plus

import pytest

from plugin.core.providers.eosda import client as eosda
from plugin.core.transfer import http as eohttp
from plugin.core.errors import EoError, HttpError
from tests.reliability import redirects
from tests.sims.eosda_sim import EosdaSimulator, ResultStorage
from tests.sims.faults import Recorder
from tests.sims.tls import throwaway_ca

STATUSES = redirects.STATUSES
KEY = redirects.KEY
FAST = redirects.FAST
SEED_POLYGON, SEED_VIEW = redirects.SEED_POLYGON, redirects.SEED_VIEW
eosda_client = redirects.eosda_client


@pytest.fixture
def servers():
    origin, hostile = Recorder().start(), Recorder().start()
    yield origin, hostile
    origin.stop()
    hostile.stop()


def assert_never_arrived(server, *secrets):
    assert redirects.count(server.everything(), secrets) == 0, "a secret reached {}".format(server.url)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("name", list(redirects.SCENARIOS))
def test_no_secret_follows_a_redirect_to_another_origin(name, status):
    """Every secret x every redirect status (tests/reliability/redirects.py): the origin got the secret,
    the hostile host none of it; a secret body is never posted again elsewhere (307/308: refused)."""
    if name.startswith("service"):
        pytest.importorskip("google.oauth2.service_account")
        pytest.importorskip("cryptography")
    outcome = redirects.run(name, status)
    assert outcome.origin_got_secret and outcome.leaked == 0, outcome
    secret_body = name.startswith(("refresh", "service"))
    if secret_body and status in (307, 308):
        assert outcome.hostile_requests == 0 and outcome.result.startswith("refused: ")
        assert "another host" in outcome.result and "credentials" in outcome.result
    else:
        # (a POST answered 301/302/303 goes on as a GET without its body)
        assert outcome.result == "followed" and outcome.hostile_methods == ("GET",), outcome


# --------------------------------------------------------------------------- EOSDA key

@pytest.mark.parametrize("status", STATUSES)
def test_eosda_create_redirected_elsewhere_never_carries_the_key(servers, status):
    origin, hostile = servers
    origin.redirect("/api/gdw/api", status, hostile.url + "/steal")
    hostile.answer("/steal", b'{"status": "created", "task_id": "T9", "task_timeout": 100}', status=202)
    body = eosda.build_task_body(eosda.build_params(SEED_VIEW, "B02"), SEED_POLYGON)
    task = eosda_client(origin.url).create_task(body)
    assert task.task_id == "T9"
    got = hostile.requests[0]
    # 307/308 send the (key-free) body again; 301/302/303 turn the POST into a GET without body
    assert got["method"] == ("POST" if status in (307, 308) else "GET")
    assert (json.loads(got["body"]) == body) if status in (307, 308) else got["body"] == b""
    assert_never_arrived(hostile, KEY)


@pytest.mark.parametrize("status", STATUSES)
def test_same_origin_redirect_keeps_the_key(servers, status):
    origin, _ = servers
    origin.redirect("/api/gdw/api/T1", status, "/api/gdw/api/T2")          # relative, same origin
    origin.answer("/api/gdw/api/T2", b'{"status": "processing"}')
    assert eosda_client(origin.url, "query").get_task("T1").status == "processing"
    second = origin.requests[1]
    assert second["path"] == "/api/gdw/api/T2" and "api_key=" + quote_plus(KEY) in second["query"]
    origin.requests.clear()
    assert eosda_client(origin.url, "header").get_task("T1").status == "processing"
    assert origin.requests[1]["headers"]["x-api-key"] == KEY


# --------------------------------------------------------------------------- https -> http, loops

def test_plan_redirect_refuses_https_to_http_with_credentials_only():
    with pytest.raises(HttpError) as error:
        eohttp.plan_redirect("GET", "https://api.example.com/a?api_key=" + KEY, 302, "http://api.example.com/b",
                             "https://api.example.com/a", carries_secrets=True, body_secret=False)
    message = error.value.message
    assert "https://api.example.com" in message and "http://api.example.com" in message and KEY not in message
    step = eohttp.plan_redirect("GET", "https://cdn.example.com/a", 302, "http://cdn.example.com/b",
                                "https://cdn.example.com/a", carries_secrets=False, body_secret=False)
    assert step.url == "http://cdn.example.com/b" and not step.same_origin
    # an upgrade of the same host to https keeps the credentials (as requests does for Authorization)
    assert eohttp.same_origin("http://api.example.com/x", "https://api.example.com/y")
    assert not eohttp.same_origin("https://api.example.com/x", "https://api.example.com:8443/y")


@pytest.fixture
def tls_origin(tmp_path):
    """An https loopback server (certificate for 127.0.0.1 from a throwaway CA) that redirects every GET."""
    pki = throwaway_ca(str(tmp_path / "pki"))
    cert_file, key_file = pki["cert"], pki["key"]
    state = {"location": "", "hits": 0}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            state["hits"] += 1
            self.send_response(302)
            self.send_header("Location", state["location"])
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield "https://127.0.0.1:{}".format(server.server_address[1]), pki["ca"], state
    server.shutdown()
    server.server_close()


def test_https_to_http_redirect_is_refused_and_names_both_origins(tls_origin, servers, monkeypatch):
    url, cert_file, state = tls_origin
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):      # (requests lets them win over session.verify)
        monkeypatch.delenv(name, raising=False)
    _, hostile = servers
    state["location"] = hostile.url + "/steal"
    session = eohttp.make_session(verify=cert_file)
    client = eosda.EosdaClient(session, url, KEY, retry=FAST)
    with pytest.raises(EoError) as error:
        client.get_task("T1")
    message = error.value.message
    assert state["hits"] == 1 and not hostile.requests, message
    assert url in message and hostile.url in message and "not encrypted" in message and KEY not in message


def test_redirect_loops_are_capped(servers):
    origin, _ = servers
    origin.redirect("/loop", 302, "/loop")
    with pytest.raises(HttpError) as error:
        eohttp.request(eohttp.make_session(), "GET", origin.url + "/loop", retry=FAST)
    assert "more than {} times".format(eohttp.MAX_REDIRECTS) in error.value.message
    assert len(origin.requests) == eohttp.MAX_REDIRECTS + 1


# --------------------------------------------------------------------------- EOSDA results on a storage host

@pytest.fixture
def storage():
    store = ResultStorage().start()
    yield store
    store.stop()


@pytest.mark.parametrize("mode", ["file", "json"])
@pytest.mark.parametrize("status", STATUSES)
def test_eosda_result_on_a_storage_host_downloads_without_the_key(storage, tmp_path, mode, status):
    with EosdaSimulator(api_keys=[KEY], mode=mode, polls_to_done=1, storage=storage,
                        storage_redirect=status) as sim:
        client = eosda_client(sim.url)
        task = client.create_task(eosda.build_task_body(eosda.build_params(SEED_VIEW, "B02,B03,B04"),
                                                        SEED_POLYGON))
        paths = client.wait(task, str(tmp_path))
    assert [os.path.basename(p) for p in paths] == ["S2_13_R_EL_2023_7_19_0_B02_B03_B04.tif"]
    assert storage.requests, "the result was not fetched from the storage host"
    for got in storage.requests:
        assert "x-api-key" not in got["headers"] and "api_key" not in got["query"]
        assert KEY not in json.dumps(got)


def test_eosda_result_resumed_through_the_redirect_never_carries_the_key(storage, tmp_path):
    """The status URL (with the key) redirects to the storage host; the body drops halfway and the
    resume asks the status URL again with Range: the storage host gets the Range, never the key."""
    storage.drop_next(1, at=3000)
    with EosdaSimulator(api_keys=[KEY], mode="file", polls_to_done=1, storage=storage) as sim:
        client = eosda_client(sim.url)
        task = client.create_task(eosda.build_task_body(eosda.build_params(SEED_VIEW, "B02,B03,B04"),
                                                        SEED_POLYGON))
        paths = client.wait(task, str(tmp_path))
        resumed = [r for r in sim.requests_to("GET", "/api/gdw/api/") if r["headers"].get("range")]
    assert os.path.getsize(paths[0]) > 3000
    ranges = [r["headers"].get("range") for r in storage.requests]
    assert ranges[0] is None and ranges[-1] == "bytes=3000-"
    assert resumed and resumed[0]["key_in_header"]          # the API got the key (and the Range)
    for got in storage.requests:
        assert "x-api-key" not in got["headers"] and "api_key" not in got["query"]
        assert KEY not in json.dumps(got)


def test_redirect_queries_are_kept_byte_for_byte(servers):
    """A pre-signed query (encoded signature) is not re-encoded; only the key is added or removed."""
    origin, hostile = servers
    signed = "X-Signature=ab%2Fcd%2B%3D&b=a%20b"
    origin.redirect("/api/gdw/api/T1", 302, "/api/gdw/api/T2?" + signed)
    origin.answer("/api/gdw/api/T2", b'{"status": "processing"}')
    eosda_client(origin.url, "query").get_task("T1")
    assert origin.requests[1]["query"] == signed + "&api_key=" + quote_plus(KEY)
    origin.redirect("/api/gdw/api/T3", 307, hostile.url + "/x?" + signed + "&api_key=" + quote_plus(KEY))
    eosda_client(origin.url, "both").get_task("T3")
    assert hostile.requests[0]["query"] == signed
