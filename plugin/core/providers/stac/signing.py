"""Signing asset hrefs before they are read (placeholder of the stac-search branch: only mode "").

The contract (docs of the STAC provider): ``signer_for(api, mode, session, collection)`` returns a
function turning an asset href into the href to read.  This file holds only the identity case;
the stac-search branch's ``signing.py`` (Planetary Computer SAS tokens) replaces it at merge.
"""
from typing import Callable

from ...errors import ParameterError
from ...i18n import translate


def signer_for(api: str, mode: str, session, collection: str) -> Callable[[str], str]:
    """The identity for mode ""; any other mode is not known here."""
    if not mode:
        return lambda href: href
    raise ParameterError(translate("Stac", "Unknown signing of asset links: {mode}").format(mode=mode))
