"""Planetary Computer signing against the loopback simulator of its SAS token endpoint."""
import logging

import pytest
import requests

from plugin.core.errors import ParameterError, ProviderError
from plugin.core.providers.stac import signing
from plugin.core.transfer.http import make_session
from tests.sims.pc_sas_sim import PcSasSim

COLLECTION = "sentinel-2-l2a"


@pytest.fixture
def sim(monkeypatch):
    signing.forget_tokens()
    with PcSasSim(collections=(COLLECTION, "landsat-c2-l2")) as server:
        server.files[(COLLECTION, "tile/B04.tif")] = bytes(range(256)) * 8
        monkeypatch.setenv(signing.SIGN_HOSTS_ENV, "127.0.0.1")
        yield server
    signing.forget_tokens()


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


def test_signed_href_reads_from_storage_and_unsigned_is_refused(sim):
    href = sim.storage_url(COLLECTION, "tile/B04.tif")
    assert requests.get(href, timeout=10).status_code == 403
    sign = signing.signer_for("https://planetarycomputer.microsoft.com/api/stac/v1", "planetary-computer",
                              make_session(), COLLECTION, sas_url=sim.sas_url)
    signed = sign(href)
    assert signed.startswith(href + "?st=") and "&sig=" in signed
    answer = requests.get(signed, headers={"Range": "bytes=0-9"}, timeout=10)
    assert answer.status_code == 206 and answer.content == bytes(range(10))


def test_token_cached_then_renewed_five_minutes_before_expiry(sim):
    import time
    clock = Clock(time.time())
    sim.clock = clock
    sim.ttl = 1800
    sign = signing.signer_for("x", "planetary-computer", make_session(), COLLECTION, sas_url=sim.sas_url,
                              clock=clock)
    href = sim.storage_url(COLLECTION, "tile/B04.tif")
    first = sign(href)
    for _ in range(20):
        assert sign(href) == first                     # cached: one request for many reads
    assert sim.token_requests[COLLECTION] == 1
    clock.now += 1800 - 301                            # 301 s left: still used
    assert sign(href) == first and sim.token_requests[COLLECTION] == 1
    clock.now += 2                                     # 299 s left: renewed
    second = sign(href)
    assert second != first and sim.token_requests[COLLECTION] == 2
    clock.now += 400                                   # the first token has expired on the storage side
    assert requests.get(first, timeout=10).status_code == 403
    assert requests.get(second, timeout=10).status_code == 200


def test_tokens_are_per_collection(sim):
    session = make_session()
    a = signing.signer_for("x", "planetary-computer", session, COLLECTION, sas_url=sim.sas_url)
    b = signing.signer_for("x", "planetary-computer", session, "landsat-c2-l2", sas_url=sim.sas_url)
    href = sim.storage_url(COLLECTION, "tile/B04.tif")
    assert a(href) != b(href)
    assert sim.token_requests == {COLLECTION: 1, "landsat-c2-l2": 1}


def test_only_storage_hosts_signed_and_signed_hrefs_left_alone(sim, monkeypatch):
    monkeypatch.delenv(signing.SIGN_HOSTS_ENV)
    sign = signing.signer_for("x", "planetary-computer", make_session(), COLLECTION, sas_url=sim.sas_url)
    other = "https://example.org/a.tif"
    assert sign(other) == other                                  # the token goes nowhere else
    assert sim.token_requests == {}
    blob = "https://sentinel2l2a01.blob.core.windows.net/sentinel2-l2/a.tif?st=1&sig=abc"
    assert sign(blob) == blob
    assert signing.needs_signing("https://sentinel2l2a01.blob.core.windows.net/sentinel2-l2/a.tif")
    assert not signing.needs_signing("https://evil.example/x.blob.core.windows.net.tif")


def test_identity_without_signing_and_unknown_mode():
    sign = signing.signer_for("x", "", None, COLLECTION)
    assert sign("https://a/b.tif") == "https://a/b.tif"
    with pytest.raises(ParameterError):
        signing.signer_for("x", "aws-requester-pays", None, COLLECTION)


def test_unknown_collection_is_a_clear_error(sim):
    sign = signing.signer_for("x", "planetary-computer", make_session(), "nope", sas_url=sim.sas_url)
    with pytest.raises(ProviderError, match="no access token for the collection 'nope'"):
        sign(sim.storage_url("nope", "a.tif"))


def test_token_never_logged(sim, caplog):
    caplog.set_level(logging.DEBUG, logger="plugin")
    sign = signing.signer_for("x", "planetary-computer", make_session(), COLLECTION, sas_url=sim.sas_url)
    signed = sign(sim.storage_url(COLLECTION, "tile/B04.tif"))
    sig = signed.split("sig=")[1]
    logging.getLogger("plugin.test").info("reading %s", signed)
    assert sig not in caplog.text
    from plugin.core.transfer.http import redact
    assert sig not in redact("GET " + signed)
