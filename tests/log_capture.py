"""The plugin's log records in a list, as a handler of the top logger writes them (redacted)."""
import contextlib
import logging
from typing import Iterator, List, Optional

from plugin.core.logs import TOP


class _ListHandler(logging.Handler):
    def __init__(self, lines: List[str]):
        super().__init__(logging.DEBUG)
        self.lines = lines

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@contextlib.contextmanager
def capture_log(lines: Optional[List[str]] = None, level: int = logging.INFO) -> Iterator[List[str]]:
    """Append the message of every record (``level`` and up) under the plugin's top logger to ``lines``."""
    lines = [] if lines is None else lines
    top = logging.getLogger(TOP)
    handler, old_level = _ListHandler(lines), top.level
    import plugin.core.transfer.http  # noqa: F401  (installs the redaction, first of the top logger's handlers)
    top.addHandler(handler)
    top.setLevel(level)
    try:
        yield lines
    finally:
        top.removeHandler(handler)
        top.setLevel(old_level)
