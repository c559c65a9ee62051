"""tls.py: a CA bundle for requests holding its own CAs and the ones QGIS trusts beyond them."""
import os

import pytest
import requests

from plugin.core.transfer import http, tls
from tests.sims.tls import HttpsServer, throwaway_ca


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return throwaway_ca(str(tmp_path_factory.mktemp("pki")))


def _read(path):
    with open(path, "rb") as handle:
        return handle.read()


def test_no_bundle_when_requests_already_trusts_them_all(tmp_path):
    base = _read(tls.default_bundle())
    some = b"".join(block for _, block in tls.pem_certificates(base)[:5])
    assert tls.ca_bundle([some], str(tmp_path)) is None
    assert tls.ca_bundle([], str(tmp_path)) is None
    assert os.listdir(str(tmp_path)) == []


def test_a_ca_requests_lacks_makes_the_server_verify(tmp_path, pki):
    with HttpsServer(pki["cert"], pki["key"]) as server:
        with pytest.raises(requests.exceptions.SSLError):
            requests.get(server.url, timeout=5)          # requests' own bundle: refused
        ca = _read(pki["ca"])
        path = tls.ca_bundle([ca, ca], str(tmp_path / "profile"))
        assert path == str(tmp_path / "profile" / tls.BUNDLE_NAME)
        assert requests.get(server.url, timeout=5, verify=path).text == "ok"
    bundle = _read(path)
    assert bundle.startswith(_read(tls.default_bundle()).rstrip(b"\n"))   # nothing requests trusted is lost
    assert bundle.count(ca.strip()) == 1


def test_the_bundle_is_written_only_when_it_changes(tmp_path, pki):
    ca = _read(pki["ca"])
    path = tls.ca_bundle([ca], str(tmp_path))
    os.utime(path, (1, 1))
    assert tls.ca_bundle([ca], str(tmp_path)) == path and os.stat(path).st_mtime == 1
    other = throwaway_ca(str(tmp_path / "other"), name="Another test CA")
    assert tls.ca_bundle([ca, _read(other["ca"])], str(tmp_path)) == path
    assert os.stat(path).st_mtime != 1 and _read(other["ca"]).strip() in _read(path)
    assert sorted(os.listdir(str(tmp_path))) == ["ca-bundle.pem", "other"]    # no temporary file left


def test_pem_certificates_skips_what_is_not_a_certificate(pki):
    ca = _read(pki["ca"])
    broken = b"-----BEGIN CERTIFICATE-----\n!!not base64!!\n-----END CERTIFICATE-----\n"
    found = tls.pem_certificates(b"junk\n" + broken + ca)
    assert len(found) == 1 and found[0][1] == ca.strip()


def test_the_bundle_starts_from_the_one_the_environment_names(tmp_path, pki, monkeypatch):
    own = tmp_path / "own.pem"
    own.write_bytes(_read(pki["ca"]))
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(own))
    assert tls.default_bundle() == str(own)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tmp_path / "missing.pem"))
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    assert tls.default_bundle() == requests.certs.where()


def test_a_session_bundle_wins_over_requests_ca_bundle(tmp_path, pki, monkeypatch):
    # requests lets REQUESTS_CA_BUNDLE replace session.verify; the plugin's bundle holds it and more
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", requests.certs.where())
    path = tls.ca_bundle([_read(pki["ca"])], str(tmp_path))
    with HttpsServer(pki["cert"], pki["key"]) as server:
        assert http.make_session(verify=path).get(server.url, timeout=5).text == "ok"
        with pytest.raises(requests.exceptions.SSLError):
            http.make_session().get(server.url, timeout=5)
