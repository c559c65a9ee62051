"""requests sessions that honour QGIS's network settings (proxy, TLS, timeouts)."""
import os
from typing import Optional

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsNetworkAccessManager, QgsSettings
from qgis.PyQt.QtNetwork import QNetworkProxy, QNetworkProxyQuery
from qgis.PyQt.QtCore import QUrl

from ..core.i18n import translate
from . import settings as plugin_settings


def qgis_proxies(url: str = "https://earthengine.googleapis.com") -> dict:
    """The proxy QGIS would use for ``url``, as a requests ``proxies`` dict ({} for none)."""
    s = QgsSettings()
    if not s.value("proxy/proxyEnabled", False, type=bool):
        return {}
    proxy = None
    try:
        nam = QgsNetworkAccessManager.instance()
        factory = nam.proxyFactory()
        if factory is not None:
            found = factory.queryProxy(QNetworkProxyQuery(QUrl(url)))
            proxy = found[0] if found else None
        if proxy is None:
            proxy = nam.fallbackProxy()
    except Exception:
        proxy = None
    if proxy is None or proxy.type() in (QNetworkProxy.ProxyType.NoProxy, QNetworkProxy.ProxyType.DefaultProxy) \
            or not proxy.hostName():
        return {}
    scheme = "socks5h" if proxy.type() == QNetworkProxy.ProxyType.Socks5Proxy else "http"
    auth = ""
    if proxy.user():
        from urllib.parse import quote
        auth = "{}:{}@".format(quote(proxy.user(), safe=""), quote(proxy.password(), safe=""))
    address = "{}://{}{}:{}".format(scheme, auth, proxy.hostName(), proxy.port())
    return {"http": address, "https": address}


def qgis_ca_bundle() -> Optional[str]:
    """A CA bundle for requests that also holds the certificate authorities QGIS trusts (its
    authentication manager's: the system's, imported ones, an extra CA file), written in the plugin's
    profile folder; None when requests' own bundle already holds them all."""
    from ..core.transfer.tls import ca_bundle
    manager = QgsApplication.authManager()
    if manager is None:
        return None
    pems = [bytes(cert.toPem()) for cert in manager.trustedCaCertsCache()]
    folder = os.path.join(plugin_settings.profile_dir(), plugin_settings.GROUP)
    try:
        return ca_bundle(pems, folder)
    except OSError as exc:
        QgsMessageLog.logMessage(translate("Network", "Could not write the certificate bundle in {folder} ({error}): "
                                                      "certificate authorities added to QGIS are not trusted "
                                                      "for downloads.").format(folder=folder, error=exc),
                                 "EO Downloader", Qgis.MessageLevel.Warning)
        return None


def make_session():
    from ..core.transfer.http import make_session as core_make_session
    return core_make_session(**session_options())


def session_options() -> dict:
    """The arguments of ``core.transfer.http.make_session`` from QGIS's settings (proxy, TLS): for
    a session made here or in another process (the eodag worker)."""
    verify = bool(plugin_settings.get("verify_tls"))
    if not verify:
        QgsMessageLog.logMessage(translate("Network", "TLS certificate verification is turned off in the EO "
                                                      "Downloader settings: connections can be intercepted."),
                                 "EO Downloader", Qgis.MessageLevel.Warning)
    else:
        verify = qgis_ca_bundle() or True
    return {"proxies": qgis_proxies() or None, "verify": verify}
