"""The eodag client against the loopback simulator: lazy import, providers, search, quicklooks,
credentials in memory, and no traffic beyond loopback."""
import ipaddress
import os
import socket
import sys

import pytest
from osgeo import gdal

from plugin.core.providers.eodag import client as ec
from plugin.core.errors import AuthError, EoError, ParameterError, ProviderError
from tests.sims import eodag_sim as es

AOI = {"type": "Polygon", "coordinates": [[[1.2750, 43.5950], [1.2850, 43.5960], [1.2860, 43.6010],
                                           [1.2790, 43.6030], [1.2755, 43.6010], [1.2750, 43.5950]]]}
ONLINE_L2A, L1C, ORDERABLE_L2A, TIF_L2A, COG = (p["id"] for p in es.CATALOGUE)


@pytest.fixture
def eodag_env(tmp_path, monkeypatch):
    """eodag confined to tmp_path (HOME, config dir) with no external collection fetch."""
    for key in list(os.environ):
        if key.startswith("EODAG"):
            monkeypatch.delenv(key)
    env = es.isolated_environment(str(tmp_path / "eodag"))
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv(ec.PROVIDERS_FILE_ENV, raising=False)
    return env


@pytest.fixture
def no_internet(monkeypatch):
    """Every connection or name lookup outside loopback is refused and recorded."""
    attempts = []
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def loopback(host) -> bool:
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return host in ("localhost",)

    def connect(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(address, tuple) and not loopback(host):
            attempts.append(address)
            raise OSError("test: no internet ({})".format(host))
        return real_connect(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if host is not None and not loopback(host):
            attempts.append(host)
            raise socket.gaierror("test: no internet ({})".format(host))
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return attempts


@pytest.fixture
def sim():
    with es.EodagSimulator() as s:
        yield s


def client_for(sim, credentials=None):
    return ec.EodagClient(providers_yaml=sim.yaml(), provider="eodag_sim",
                          credentials=credentials or {"username": "sim-user", "password": "sim-password"})


# -- lazy import ---------------------------------------------------------------------------------
def test_missing_eodag_says_how_to_install(monkeypatch):
    monkeypatch.setattr(ec, "_eodag_module", None)
    monkeypatch.setitem(sys.modules, "eodag", None)          # "import eodag" raises ImportError
    with pytest.raises(ec.EodagMissingError) as info:
        ec.import_eodag()
    assert "pip install" in info.value.hint and ec.EODAG_PIN in info.value.hint
    assert not ec.is_available()
    linux = ec.install_hint("linux")
    assert '/usr/bin/python3 -m pip install --user' in linux
    assert '"eodag=={}"'.format(ec.EODAG_PIN) in linux and '"numpy<2"' in linux
    win = ec.install_hint("win32")
    assert "OSGeo4W Shell" in win and 'python -m pip install "eodag=={}"'.format(ec.EODAG_PIN) in win
    with pytest.raises(ec.EodagMissingError):
        ec.EodagClient()


def test_the_pinned_version_is_the_one_installed():
    assert ec.eodag_version() == tuple(int(n) for n in ec.EODAG_PIN.split("."))
    import shapely
    assert shapely.__version__ == ec.SHAPELY_PIN
    from osgeo import gdal_array  # noqa: F401  (GDAL's numpy bindings still load)
    assert ec.defaults() == (0.2, 10.0)           # eodag 4's wait / timeout, in minutes


# -- product status, v4 and older ---------------------------------------------------------------
@pytest.mark.parametrize("props, state", [
    ({"order:status": "succeeded"}, ec.ONLINE),
    ({"order:status": "orderable"}, ec.ORDERABLE),
    ({"order:status": "ordered"}, ec.ORDERED),
    ({"storageStatus": "OFFLINE"}, ec.ORDERABLE),
    ({"storageStatus": "STAGING"}, ec.ORDERED),
    ({"storageStatus": "ONLINE"}, ec.ONLINE),
    ({"order:status": "ONLINE"}, ec.ONLINE),
    ({}, ec.ONLINE),
    ({"order:status": "weird"}, ec.UNKNOWN),
])
def test_order_state(props, state):
    assert ec.order_state(props) == state
    assert ec.needs_order(props) == (state in (ec.ORDERABLE, ec.ORDERED))


# -- credentials ------------------------------------------------------------------------------------
def test_credentials_follow_each_providers_keys(eodag_env):
    basic = {"username": "me", "password": "pw"}
    assert ec.credentials_config("cop_dataspace", basic) == {
        "cop_dataspace": {"auth": {"credentials": {"username": "me", "password": "pw"}}}}
    aws = ec.credentials_config("earth_search", basic)["earth_search"]["auth"]["credentials"]
    assert aws == {"aws_access_key_id": "me", "aws_secret_access_key": "pw"}
    assert ec.credentials_config("cop_ads", {"api_key": "k"}) == {
        "cop_ads": {"auth": {"credentials": {"apikey": "k"}}}}
    # A provider eodag does not know (a custom YAML) gets what was given.
    assert ec.credentials_config("my_stac", basic) == {
        "my_stac": {"auth": {"credentials": {"username": "me", "password": "pw"}}}}
    assert ec.credentials_config("my_stac", {"api_key": "k"}, ["search_auth"]) == {
        "my_stac": {"search_auth": {"credentials": {"apikey": "k"}}}}


# -- providers and collections come from eodag ------------------------------------------------------
def test_providers_and_collections_come_from_eodag(eodag_env, sim, no_internet):
    client = ec.EodagClient(providers_yaml=sim.yaml())
    names = client.providers()
    assert {"eodag_sim", "cop_dataspace", "earth_search", "planetary_computer"} <= set(names)
    assert "wekeo_main" in names          # hidden by eodag until it has credentials, listed here
    assert {"S2_MSI_L2A", "S2_MSI_L1C", "S2_MSI_L2A_COG"} <= set(client.collections("eodag_sim"))
    assert "S2_MSI_L2A" in client.collections("cop_dataspace")
    assert no_internet == []


def test_custom_provider_yaml_from_a_file(eodag_env, sim, tmp_path, monkeypatch):
    path = tmp_path / "providers.yml"
    path.write_text(sim.yaml(name="my_stac"))
    monkeypatch.setenv(ec.PROVIDERS_FILE_ENV, str(path))
    assert "my_stac" in ec.EodagClient().providers()
    monkeypatch.setenv(ec.PROVIDERS_FILE_ENV, str(tmp_path / "missing.yml"))
    with pytest.raises(ParameterError):
        ec.EodagClient()


# -- search ------------------------------------------------------------------------------------------
def test_search_by_collection_dates_area_and_cloud(eodag_env, sim, no_internet):
    client = client_for(sim)
    found = client.search("eodag_sim", "S2_MSI_L2A", "2023-07-01", "2023-07-31", AOI, cloud_max=50)
    assert [p.id for p in found] == [ONLINE_L2A, ORDERABLE_L2A]          # newest first; June excluded
    online, offline = found
    assert online.state == ec.ONLINE and not online.needs_order
    assert offline.state == ec.ORDERABLE and offline.needs_order
    assert online.cloud == 12.0 and online.date.startswith("2023-07-19")
    assert online.quicklook_url.endswith("/quicklooks/{}.png".format(ONLINE_L2A))
    assert online.footprint["type"] == "Polygon" and online.collection == "S2_MSI_L2A"
    body = sim.requests_to("POST", "/search")[-1]["body"]
    assert body["collections"] == ["sentinel-2-l2a"]
    assert body["query"] == {"eo:cloud_cover": {"lte": 50.0}}
    assert body["intersects"]["type"] == "Polygon"
    assert body["datetime"].startswith("2023-07-01T00:00:00") and "2023-07-31T23:59:59" in body["datetime"]
    # The end date is inclusive: a product acquired on it is found.
    assert [p.id for p in client.search("eodag_sim", "S2_MSI_L2A", "2023-07-19", "2023-07-19", AOI)] == \
        [ONLINE_L2A]
    assert [p.id for p in client.search("eodag_sim", "S2_MSI_L2A", "2023-06-01", "2023-07-31", AOI,
                                        cloud_max=10)] == [ORDERABLE_L2A]
    far = {"type": "Polygon", "coordinates": [[[5, 45], [5.1, 45], [5.1, 45.1], [5, 45]]]}
    assert client.search("eodag_sim", "S2_MSI_L2A", "2023-06-01", "2023-07-31", far) == []
    assert no_internet == []


def test_search_by_ids(eodag_env, sim):
    client = client_for(sim)
    found = client.search("eodag_sim", "S2_MSI_L2A", "2023-07-01", "2023-07-31", AOI, ids=[ORDERABLE_L2A])
    assert [p.id for p in found] == [ORDERABLE_L2A]
    # An id outside the criteria (June) is looked up by id.
    found = client.search("eodag_sim", "S2_MSI_L2A", "2023-07-01", "2023-07-31", AOI, ids=[TIF_L2A])
    assert [p.id for p in found] == [TIF_L2A]
    with pytest.raises(ProviderError) as info:
        client.search("eodag_sim", "S2_MSI_L2A", "2023-07-01", "2023-07-31", AOI, ids=["S2X_NOPE"])
    assert "S2X_NOPE" in info.value.message
    with pytest.raises(ParameterError):
        client.search("eodag_sim", "", "2023-07-01", "2023-07-31", AOI)


def test_storage_status_of_older_providers(eodag_env):
    with es.EodagSimulator(status_style="storage") as sim:
        client = client_for(sim)
        found = client.search("eodag_sim", "S2_MSI_L2A", "2023-07-01", "2023-07-31", AOI)
        states = {p.id: p.state for p in found}
        assert states == {ONLINE_L2A: ec.ONLINE, ORDERABLE_L2A: ec.ORDERABLE}
        raw = {p.id: p.product.properties.get("storageStatus") for p in found}
        assert raw[ORDERABLE_L2A] == "OFFLINE"


def test_search_error_carries_the_providers_message(eodag_env, sim):
    client = client_for(sim)
    sim.search_faults.append((400, "datetime interval is invalid: end before start"))
    with pytest.raises(EoError) as info:
        client.search("eodag_sim", "S2_MSI_L2A", "2023-07-01", "2023-07-31", AOI)
    assert "eodag_sim" in info.value.message
    assert "datetime interval is invalid" in info.value.message
    assert isinstance(info.value, ProviderError)
    # eodag retries a 503 on its own (urllib3 Retry): one transient failure is not an error.
    sim.search_faults.append((503, "maintenance until 14:00"))
    assert len(client.search("eodag_sim", "S2_MSI_L2A", "2023-07-01", "2023-07-31", AOI)) == 2


def test_quicklook_is_a_real_image(eodag_env, sim, tmp_path):
    client = client_for(sim)
    info = client.search("eodag_sim", "S2_MSI_L2A", "2023-07-01", "2023-07-31", AOI)[0]
    path = client.quicklook(info, str(tmp_path / "ql"))
    assert os.path.isfile(path)
    ds = gdal.Open(path)
    assert ds.GetDriver().ShortName == "PNG" and ds.RasterCount == 3
    assert len(sim.requests_to("GET", "/quicklooks/")) == 1
    assert client.quicklook(info, str(tmp_path / "ql")) == path          # kept, not fetched again
    assert len(sim.requests_to("GET", "/quicklooks/")) == 1
    # Without credentials (eodag's authentication raises) the public quicklook is still fetched.
    anonymous = ec.EodagClient(providers_yaml=sim.yaml())
    info = anonymous.search("eodag_sim", "S2_MSI_L2A", "2023-07-01", "2023-07-31", AOI)[1]
    path = anonymous.quicklook(info, str(tmp_path / "ql2"))
    assert os.path.isfile(path) and gdal.Open(path) is not None
    assert sim.requests_to("GET", "/quicklooks/")[-1]["authorization"] is None


def test_wrong_credentials_are_an_auth_error(eodag_env, sim, tmp_path):
    client = client_for(sim, {"username": "sim-user", "password": "wrong"})
    info = client.search("eodag_sim", "S2_MSI_L2A", "2023-07-01", "2023-07-31", AOI)[0]
    with pytest.raises(AuthError) as exc:
        client.download(info, str(tmp_path / "out"))
    assert "credentials" in exc.value.message.lower()
    assert len(sim.requests_to("GET", "/download/")) == 1               # no retry loop on 401


def test_credentials_reach_eodag_in_memory_only(eodag_env, sim, tmp_path):
    secret = "pw-Z9x7-not-in-any-file"
    with es.EodagSimulator(credentials=("alice", secret)) as sim2:
        client = client_for(sim2, {"username": "alice", "password": secret})
        info = client.search("eodag_sim", "S2_MSI_L2A", "2023-07-01", "2023-07-31", AOI)[0]
        path = client.download(info, str(tmp_path / "out")).path
        assert os.path.isdir(path)
        assert sim2.requests_to("GET", "/download/")[0]["authorization"].startswith("Basic ")
    leaks = []
    for root in (str(tmp_path), os.path.expanduser("~")):
        for folder, _dirs, files in os.walk(root):
            for name in files:
                full = os.path.join(folder, name)
                try:
                    with open(full, "rb") as fh:
                        if secret.encode() in fh.read():
                            leaks.append(full)
                except OSError:
                    pass
    assert os.path.isfile(os.path.join(eodag_env["EODAG_CFG_DIR"], "eodag.yml"))   # eodag did write its config
    assert leaks == []


def test_check_access_searches_then_reads_one_byte_with_the_credentials(eodag_env, sim, no_internet):
    message = client_for(sim).check_access("eodag_sim", "S2_MSI_L2A", "2023-07-01", "2023-07-31", AOI)
    assert "accepted the credentials" in message and ONLINE_L2A in message
    get = sim.requests_to("GET", "/download/")
    assert len(get) == 1 and get[0]["range"] == "bytes=0-0" and get[0]["authorization"].startswith("Basic ")
    assert no_internet == []


def test_check_access_never_sends_the_credentials_to_the_host_a_download_redirects_to(eodag_env):
    """The provider's download host sends the client on to another origin: the one-byte check
    follows it (redirects are followed by http.send_following) without eodag's credentials."""
    from tests.sims.faults import Recorder
    with Recorder() as zipper, es.EodagSimulator() as sim:
        sim.download_redirect = zipper.url + "/zipper"
        message = client_for(sim).check_access("eodag_sim", "S2_MSI_L2A", "2023-07-01", "2023-07-31", AOI)
        got = zipper.requests
    assert "accepted the credentials" in message
    assert sim.requests_to("GET", "/download/")[0]["authorization"].startswith("Basic ")
    assert len(got) == 1 and got[0]["headers"]["range"] == "bytes=0-0" and "authorization" not in got[0]["headers"]
    assert b"sim-password" not in zipper.everything()


def test_check_access_reports_refused_credentials(eodag_env, sim):
    client = client_for(sim, {"username": "sim-user", "password": "wrong"})
    with pytest.raises(AuthError) as exc:
        client.check_access("eodag_sim", "S2_MSI_L2A", "2023-07-01", "2023-07-31", AOI)
    assert "refused the credentials" in exc.value.message and "401" in exc.value.message
    assert "wrong" not in exc.value.user_text()


def test_check_access_without_a_matching_product_says_so(eodag_env, sim):
    message = client_for(sim).check_access("eodag_sim", "S2_MSI_L2A", "2020-01-01", "2020-01-31", AOI)
    assert "no product matched" in message
    assert sim.requests_to("GET", "/download/") == []
