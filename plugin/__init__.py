"""EO Downloader QGIS plugin entry point (one deferred import)."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .main import EoDownloaderPlugin
    return EoDownloaderPlugin(iface)
