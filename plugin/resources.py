"""Where the plugin's files are, in a source checkout and in the installed package.

In the repository the package is ``plugin/`` and ``metadata.txt``, ``ui/``,
``i18n/`` and ``icons/`` sit beside it; in the packaged zip they are inside the
package folder.  QGIS-free.
"""
import configparser
import os

PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
SLUG = "eo_downloader"


def _find(name: str) -> str:
    for base in (PACKAGE_DIR, os.path.dirname(PACKAGE_DIR)):
        path = os.path.join(base, name)
        if os.path.exists(path):
            return path
    return os.path.join(PACKAGE_DIR, name)


def metadata_path() -> str:
    return _find("metadata.txt")


def ui_path(name: str) -> str:
    return os.path.join(_find("ui"), name)


def icon_path(name: str = "icon.svg") -> str:
    return os.path.join(_find("icons"), name)


def i18n_dir() -> str:
    return _find("i18n")


def metadata() -> dict:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(metadata_path(), encoding="utf-8")
    return dict(parser["general"]) if parser.has_section("general") else {}


def version() -> str:
    return metadata().get("version", "0.0.0")
