"""The units the transfer package speaks in: the chunk size of every read and write, progress
reports (of a download or an extraction) and sizes written for people.

Shared by :mod:`.download` and :mod:`.archive` (which no longer import each other for it).
Pure Python (stdlib); no qgis import.
"""
from dataclasses import dataclass
from typing import Optional

# 256 KiB: a chunk is copied in from the socket and out to the file while it is still in the
# CPU cache.  With 1 MiB chunks, 4 parallel downloads from loopback took 2.3 x as long and
# 4 x the system CPU time (single stream: 1.7 x as long); smaller chunks only add calls.
CHUNK_SIZE = 256 * 1024


@dataclass
class Progress:
    """Bytes done, total bytes (None when unknown) and current rate in bytes/s."""

    done: int
    total: Optional[int]
    rate: float

    @property
    def fraction(self) -> Optional[float]:
        if not self.total:
            return None
        return min(1.0, self.done / self.total)

    @property
    def percent(self) -> Optional[float]:
        fraction = self.fraction
        return None if fraction is None else 100.0 * fraction


def format_size(n: Optional[float]) -> str:
    if n is None:
        return "?"
    if n >= 1024 ** 3:
        return "{:.2f} GiB".format(n / 1024 ** 3)
    return "{:.1f} MiB".format(n / 1024 ** 2)
