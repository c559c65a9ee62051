"""Translation hook for the QGIS-free core.

Core modules call ``translate("Context", "Source text")`` (a form pylupdate5
extracts).  Outside QGIS the source text is returned unchanged; the QGIS adapter
installs ``QCoreApplication.translate`` with :func:`install_translator` so the
same messages reach the user in their language.
"""
from typing import Callable, Optional

_translator: Optional[Callable[[str, str], str]] = None


def install_translator(func: Optional[Callable[[str, str], str]]) -> None:
    """Route every core message through ``func(context, text)`` (None resets)."""
    global _translator
    _translator = func


def translate(context: str, text: str) -> str:
    if _translator is None:
        return text
    try:
        return _translator(context, text) or text
    except Exception:  # a broken translator must never hide the message
        return text
