"""QGIS's proxy and TLS settings reach the requests sessions of the core."""
import os

import pytest
import requests
from qgis.core import QgsApplication, QgsNetworkAccessManager, QgsSettings
from qgis.PyQt.QtNetwork import QSslCertificate

from plugin.adapters import network
from plugin.adapters import settings as plugin_settings
from tests.sims.tls import HttpsServer, throwaway_ca


def _set_proxy(enabled, host="proxy.example", port=3128, user="", password="", kind="HttpProxy"):
    s = QgsSettings()
    s.setValue("proxy/proxyEnabled", enabled)
    s.setValue("proxy/proxyHost", host)
    s.setValue("proxy/proxyPort", str(port))
    s.setValue("proxy/proxyUser", user)
    s.setValue("proxy/proxyPassword", password)
    s.setValue("proxy/proxyType", kind)
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()


def test_no_proxy_by_default(qgis_app):
    _set_proxy(False)
    assert network.qgis_proxies() == {}
    assert network.make_session().proxies == {}


def test_qgis_http_proxy_applied(qgis_app):
    try:
        _set_proxy(True, user="bob", password="s3cr t")
        proxies = network.qgis_proxies()
        assert proxies == {"http": "http://bob:s3cr%20t@proxy.example:3128",
                           "https": "http://bob:s3cr%20t@proxy.example:3128"}
        assert network.make_session().proxies == proxies
    finally:
        _set_proxy(False)


def test_socks_proxy(qgis_app):
    try:
        _set_proxy(True, host="socks.example", port=1080, kind="Socks5Proxy")
        assert network.qgis_proxies()["https"] == "socks5h://socks.example:1080"
    finally:
        _set_proxy(False)


def test_tls_verification_on_by_default_and_visible_when_off(qgis_app):
    verify = network.make_session().verify
    assert verify is True or os.path.isfile(verify)     # requests' bundle, or one with QGIS's CAs added
    from qgis.core import QgsApplication
    logged = []
    QgsApplication.messageLog().messageReceived.connect(lambda msg, tag, level: logged.append(msg))
    plugin_settings.set("verify_tls", False)
    try:
        assert network.make_session().verify is False
        assert any("TLS certificate verification is turned off" in m for m in logged)
    finally:
        plugin_settings.set("verify_tls", True)


def _rebuild_ca_caches(manager):
    # what QGIS's authentication settings do after importing or removing an authority
    assert manager.rebuildCaCertsCache() and manager.rebuildTrustedCaCertsCache()


def test_a_ca_trusted_in_qgis_is_trusted_by_the_sessions(qgis_app, tmp_path, monkeypatch):
    """A network that inspects TLS with its own CA: once that CA is in QGIS's authentication
    manager, downloads verify its certificates (verification stays on)."""
    monkeypatch.setattr(plugin_settings, "profile_dir", lambda: str(tmp_path / "profile"))
    pki = throwaway_ca(str(tmp_path / "pki"))
    with open(pki["ca"], "rb") as handle:
        ca = QSslCertificate(handle.read())
    assert not ca.isNull()
    manager = QgsApplication.authManager()
    with HttpsServer(pki["cert"], pki["key"]) as server:
        with pytest.raises(requests.exceptions.SSLError):
            network.make_session().get(server.url, timeout=5)
        assert manager.storeCertAuthority(ca)
        try:
            _rebuild_ca_caches(manager)
            session = network.make_session()
            assert session.verify == str(tmp_path / "profile" / plugin_settings.GROUP / "ca-bundle.pem")
            assert session.get(server.url, timeout=5).text == "ok"
        finally:
            assert manager.removeCertAuthority(ca)
            _rebuild_ca_caches(manager)
        with pytest.raises(requests.exceptions.SSLError):     # removed from QGIS: no longer trusted
            network.make_session().get(server.url, timeout=5)


def test_minimum_body_rate_setting_reaches_the_runners_and_the_environment_wins(qgis_app, monkeypatch):
    monkeypatch.delenv("EO_DOWNLOADER_MIN_RATE", raising=False)
    monkeypatch.delenv("EO_DOWNLOADER_MIN_RATE_WINDOW", raising=False)
    timeouts = plugin_settings.core_settings()["timeouts"]
    assert (timeouts.min_rate, timeouts.rate_window) == (1024.0, 30.0)
    plugin_settings.set("min_rate", 200.0)
    plugin_settings.set("min_rate_window", 5.0)
    try:
        timeouts = plugin_settings.core_settings()["timeouts"]
        assert (timeouts.min_rate, timeouts.rate_window) == (200.0, 5.0)
        monkeypatch.setenv("EO_DOWNLOADER_MIN_RATE", "10")
        assert plugin_settings.core_settings()["timeouts"].min_rate == 10.0
    finally:
        plugin_settings.set("min_rate", plugin_settings.DEFAULTS["min_rate"])
        plugin_settings.set("min_rate_window", plugin_settings.DEFAULTS["min_rate_window"])
