"""Install the plugin's translator and route core messages through Qt's translate()."""
import os
from typing import Optional

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from ..core import i18n as core_i18n
from ..resources import SLUG, i18n_dir


def user_locale() -> str:
    s = QgsSettings()
    if s.value("locale/overrideFlag", False, type=bool):
        name = s.value("locale/userLocale", "") or ""
    else:
        name = QLocale.system().name()
    return (name or "en")[:2]


def qm_path(locale: Optional[str] = None) -> str:
    """The plugin's ``eo_downloader_<locale>.qm`` for the user's language ("" when there is none)."""
    path = os.path.join(i18n_dir(), "{}_{}.qm".format(SLUG, locale or user_locale()))
    return path if os.path.exists(path) else ""


def install(locale: Optional[str] = None) -> Optional[QTranslator]:
    """Load ``eo_downloader_<locale>.qm`` if present; always hook core messages to Qt."""
    core_i18n.install_translator(lambda context, text: QCoreApplication.translate(context, text))
    core_i18n.install_number_format(lambda value, decimals: QLocale().toString(value, "f", decimals))
    path = qm_path(locale)
    if not path:
        return None
    translator = QTranslator()
    if not translator.load(path):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def uninstall(translator: Optional[QTranslator]) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
    core_i18n.install_translator(None)
    core_i18n.install_number_format(None)
