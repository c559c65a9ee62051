"""Errors carrying a message meant for the user (already translated).

Every failure the user can see is one of these, so the GUI, the Processing
algorithms and the job store can show ``str(error)`` as it is; ``hint`` says
what to change.
"""
from typing import Optional


class EoError(Exception):
    """Base error: ``message`` is user-facing, ``hint`` optional advice."""

    retryable = False

    def __init__(self, message: str, hint: Optional[str] = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def user_text(self) -> str:
        return self.message if not self.hint else "{}\n{}".format(self.message, self.hint)


class CancelledError(EoError):
    """The user (or the job runner) cancelled the work."""


class AoiError(EoError):
    """The area of interest cannot be used as given."""


class ParameterError(EoError):
    """A request parameter is invalid; raised before anything is sent."""


class HttpError(EoError):
    """A service answered with an error status."""

    def __init__(self, message: str, status: Optional[int] = None, hint: Optional[str] = None,
                 body: Optional[str] = None, retryable: bool = False):
        super().__init__(message, hint)
        self.status = status
        self.body = body
        self.retryable = retryable


class AuthError(HttpError):
    """Credentials are missing, wrong or lack a permission."""


class TransferError(EoError):
    """A download failed after its retries (network, size, checksum, disk)."""


class ArchiveError(EoError):
    """An archive is corrupt, truncated or unsafe to extract."""


class ProviderError(EoError):
    """A provider's job failed server-side (its own message in ``message``)."""
