"""The ``eo_downloader`` Processing provider."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.i18n import translate
from ..resources import icon_path


class EoDownloaderProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "eo_downloader"

    def name(self) -> str:
        return translate("EoDownloaderProvider", "EO Downloader")

    def longName(self) -> str:
        return self.name()

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def svgIconPath(self) -> str:
        return icon_path()

    def loadAlgorithms(self) -> None:
        from .ee_download import EeDownloadAlgorithm
        from .ee_export import EeExportAlgorithm
        from .ee_search import EeSearchAlgorithm
        from .eosda import EosdaDownloadAlgorithm, EosdaSearchAlgorithm
        from .eodag import EodagDownloadAlgorithm, EodagSearchAlgorithm
        from .stac_download import StacDownloadAlgorithm
        from .stac_search import StacSearchAlgorithm
        for alg in (EeSearchAlgorithm(), EeDownloadAlgorithm(), EeExportAlgorithm(), EosdaSearchAlgorithm(),
                    EosdaDownloadAlgorithm(), EodagSearchAlgorithm(), EodagDownloadAlgorithm(),
                    StacSearchAlgorithm(), StacDownloadAlgorithm()):
            self.addAlgorithm(alg)
