"""Translation hook for the QGIS-free core.

Core modules call ``translate("Context", "Source text")`` (a form pylupdate5
extracts).  Outside QGIS the source text is returned unchanged; the QGIS adapter
installs ``QCoreApplication.translate`` with :func:`install_translator` so the
same messages reach the user in their language.
"""
from typing import Callable, Optional

_translator: Optional[Callable[[str, str], str]] = None
_number_format: Optional[Callable[[float, int], str]] = None


def install_translator(func: Optional[Callable[[str, str], str]]) -> None:
    """Route every core message through ``func(context, text)`` (None resets)."""
    global _translator
    _translator = func


def install_number_format(func: Optional[Callable[[float, int], str]]) -> None:
    """Format every number of a message with ``func(value, decimals)`` -- the QGIS adapter installs the
    user's locale (QLocale) -- (None resets to "1,234.5")."""
    global _number_format
    _number_format = func


def number(value: float, decimals: int = 0) -> str:
    """``value`` with ``decimals`` decimals and grouped thousands, in the user's locale once installed."""
    if _number_format is not None:
        try:
            return _number_format(float(value), decimals)
        except Exception:  # a broken formatter must never hide the message
            pass
    return "{:,.{}f}".format(float(value), decimals)


def mib(size: float, decimals: int = 1) -> str:
    """A byte count in MiB (1024 × 1024 bytes, the unit every message of the plugin uses)."""
    return "{} MiB".format(number(size / 1048576.0, decimals))


def translate(context: str, text: str) -> str:
    if _translator is None:
        return text
    try:
        return _translator(context, text) or text
    except Exception:  # a broken translator must never hide the message
        return text
