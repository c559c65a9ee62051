"""How many Earth Engine requests run at once, and how big a tile is: one budget per project.

Earth Engine limits each Cloud project to about 40 concurrent interactive requests and about
100 requests per second, and answers 429 ``RESOURCE_EXHAUSTED`` above them.  The computing
time of a getPixels grows with its size (roughly 1-3 s for a 32 MiB request).  So a download is
fastest with many medium requests in flight, not with 4 of the biggest that fit.

:class:`Budget` is the number of requests one project may have in flight in this process, shared
by every job (two downloads at once share it, they do not double it).  It starts at
:data:`START` and grows while requests succeed without their latency rising: by one per success
(doubling every round trip) until the first 429 or rise of latency, then by one per window of
successes (additive increase).  A 429 halves it (multiplicative decrease, once per round trip:
the 429s of requests sent before the last cut do not cut again) and a ``Retry-After`` pauses new
requests until then.  It never exceeds :data:`PROJECT_LIMIT`, nor the user's cap (the setting
``ee_max_concurrency``) given to :meth:`Budget.acquire`.

Every request to the project counts, not only the pixels: Earth Engine counts an asset lookup or a
collection listing against the same quota, so the client holds a slot for each of its requests
(:meth:`Budget.slot`; a thread that already holds one, a tile's create-then-fetch, does not take
a second).

:class:`LatencyModel` learns ``seconds = base + per_mib * MiB`` from the requests' measured
times (starting from what Earth Engine's documentation suggests), and :func:`choose_tiles`
picks the tile count that it predicts finishes soonest with the budget's window: fewer, bigger
tiles when requests are slow to start, more, smaller ones when computing dominates.
"""
import concurrent.futures
import contextlib
import math
import os
import threading
import time
from typing import Callable, Dict, Optional, Tuple, TypeVar

T = TypeVar("T")

#: Earth Engine's default limit of concurrent interactive requests per project.
PROJECT_LIMIT = 40
#: Requests in flight at first, before anything was measured: under a third of the project's limit
#: (geedim keeps 32 in flight from the start), so two jobs starting at once stay under it too.
START = 12
#: A success whose time is more than this many times what the requests measured so far predict does
#: not grow the window (judged once :data:`BASELINE_SAMPLES` were measured: a slow service is not a
#: rise of latency).
LATENCY_RISE = 2.0
BASELINE_SAMPLES = 4
#: Smallest tile worth a request of its own (bytes as Earth Engine counts them).
MIN_TILE_BYTES = 2 * 1048576
#: Seconds of the plugin's own work per tile (unpack, mask, overviews) whatever its size, and per MiB
#: (CPU seconds: the work spreads over the CPUs), before any was measured.
CLIENT_SECONDS_PER_TILE = 0.02
CLIENT_SECONDS_PER_MIB = 0.015
#: Prior of the model: a request of ``m`` MiB takes ``PRIOR_BASE + PRIOR_PER_MIB * m`` seconds.
PRIOR_BASE = 0.5
PRIOR_PER_MIB = 0.05
#: CPUs the plugin's own work per tile spreads over (read once: ``os.cpu_count`` is a system call).
CPUS = max(1, os.cpu_count() or 1)


class LatencyModel:
    """Least squares fit of ``seconds = base + per_mib * MiB`` over recent requests, with the prior
    counted as two requests (1 and 32 MiB) so a few samples of one size do not swing it."""

    def __init__(self, base: float = PRIOR_BASE, per_mib: float = PRIOR_PER_MIB, memory: int = 64):
        self.memory = memory
        self.samples = []
        self._prior = [(1.0, base + per_mib), (32.0, base + 32.0 * per_mib)]

    def add(self, nbytes: int, seconds: float) -> None:
        self.samples.append((max(0.0, nbytes) / 1048576.0, max(0.0, seconds)))
        del self.samples[:-self.memory]

    def coefficients(self, measured_only: bool = False) -> Tuple[float, float]:
        points = self.samples if measured_only and self.samples else self._prior + self.samples
        n = float(len(points))
        mx = sum(x for x, _ in points) / n
        my = sum(y for _, y in points) / n
        sxx = sum((x - mx) ** 2 for x, _ in points)
        per_mib = sum((x - mx) * (y - my) for x, y in points) / sxx if sxx > 0 else 0.0
        per_mib = max(0.0, per_mib)
        base = max(0.01, my - per_mib * mx)
        return base, per_mib

    def predict(self, nbytes: float, measured_only: bool = False) -> float:
        base, per_mib = self.coefficients(measured_only)
        return base + per_mib * nbytes / 1048576.0


class Budget:
    """Requests in flight for one project, shared by the jobs of this process (see the module text)."""

    def __init__(self, ceiling: int = PROJECT_LIMIT, start: int = START,
                 clock: Callable[[], float] = time.monotonic):
        self.ceiling = max(1, int(ceiling))
        self.window = float(max(1, min(int(start), self.ceiling)))
        self.clock = clock
        self.in_flight = 0
        self.growing_fast = True
        self.paused_until = float("-inf")
        self.throttles = 0
        self.model = LatencyModel()
        #: CPU seconds per MiB of the plugin's own work on a landed tile (learnt, see :meth:`prepared`).
        self.client_per_mib = CLIENT_SECONDS_PER_MIB
        self._last_cut = float("-inf")
        self._cond = threading.Condition(threading.RLock())
        self._holder = threading.local()    # whether this thread holds a slot now

    def limit(self, cap: Optional[int] = None) -> int:
        """Requests allowed in flight now (at least 1)."""
        allowed = min(int(self.window), self.ceiling)
        if cap:
            allowed = min(allowed, int(cap))
        return max(1, allowed)

    def try_acquire(self, cap: Optional[int] = None) -> Optional[float]:
        """Take a slot if one is free and no pause runs: the time it was taken, else None."""
        with self._cond:
            now = self.clock()
            if now < self.paused_until or self.in_flight >= self.limit(cap):
                return None
            self.in_flight += 1
            self._holder.held = True
            return now

    def acquire(self, cancel=None, cap: Optional[int] = None) -> float:
        """Wait for a slot (``cancel`` checked every 0.1 s); the time it was taken."""
        with self._cond:
            while True:
                started = self.try_acquire(cap)
                if started is not None:
                    return started
                if cancel is not None:
                    cancel.raise_if_cancelled()
                self._cond.wait(max(0.005, min(0.1, self.paused_until - self.clock())))

    def holds(self) -> bool:
        """Whether the calling thread holds one of the slots."""
        return bool(getattr(self._holder, "held", False))

    @contextlib.contextmanager
    def slot(self, cancel=None, cap: Optional[int] = None):
        """Hold a slot for one request (nothing learnt from it), unless this thread holds one already."""
        if self.holds():
            yield
            return
        self.acquire(cancel, cap)
        try:
            yield
        finally:
            self.failed()

    def _free(self) -> None:
        self.in_flight = max(0, self.in_flight - 1)
        self._holder.held = False
        self._cond.notify_all()

    def succeeded(self, started: float, nbytes: int) -> None:
        """A request taken at ``started`` finished well: learn its time, grow while latency holds."""
        with self._cond:
            seconds = self.clock() - started
            measured = len(self.model.samples) >= BASELINE_SAMPLES
            expected = self.model.predict(nbytes, measured_only=True) if measured else float("inf")
            self.model.add(nbytes, seconds)
            self._free()
            if seconds <= LATENCY_RISE * expected:
                self.window += 1.0 if self.growing_fast else 1.0 / max(1.0, self.window)
            elif started > self._last_cut:
                self.growing_fast = False          # latency rose: stop doubling, keep the window
            self.window = min(self.window, float(self.ceiling))

    def prepared(self, nbytes: int, seconds: float) -> None:
        """The plugin's own work on a landed tile of ``nbytes`` took ``seconds`` (its thread's time)."""
        if nbytes > 0 and seconds >= 0:
            with self._cond:
                sample = seconds / (nbytes / 1048576.0)
                self.client_per_mib += 0.2 * (sample - self.client_per_mib)

    def failed(self) -> None:
        """A request ended with another error (or was not one to learn from): its slot is free."""
        with self._cond:
            self._free()

    def throttled(self, started: float, retry_after: Optional[float] = None) -> None:
        """Earth Engine answered 429 to a request taken at ``started`` (its slot stays taken while it
        is retried): halve the window once per round trip, pause new requests for ``retry_after``."""
        with self._cond:
            now = self.clock()
            self.throttles += 1
            self.growing_fast = False
            if started > self._last_cut:
                self.window = max(1.0, self.window / 2.0)
                self._last_cut = now
            if retry_after is not None and retry_after > 0:
                self.paused_until = max(self.paused_until, now + float(retry_after))
            self._cond.notify_all()


#: Landed tiles being prepared at once in this process: the work is CPU-bound (GDAL, off the
#: interpreter lock), so more than one per CPU only adds memory and contention while up to 40
#: requests are in flight.  They are prepared on these few long-lived threads, not on the tiles'
#: own: a thread's first GDAL work costs it a PROJ context of its own (an AOI's first coverage test
#: on a new thread: 7 ms against under 1 ms on a thread that did one before) and a malloc arena
#: whose pages are all touched anew; 12 tiles of 4001 x 334 px prepared two at a time took
#: 0.52-0.62 s on 12 threads, 0.27-0.33 s on 2.
_PREPARERS = concurrent.futures.ThreadPoolExecutor(max_workers=CPUS, thread_name_prefix="ee-prepare")


def prepare(work: Callable[[], T], cancel=None) -> T:
    """``work()`` run on one of the process's tile-preparation threads (queued while all are
    busy), in the caller's log scope; returns its result or raises its error.  ``cancel`` is
    checked while it waits in the queue (once running, ``work`` checks it itself)."""
    from ... import logs
    future = _PREPARERS.submit(logs.carry(work))
    while True:
        try:
            return future.result(timeout=0.1)
        except concurrent.futures.TimeoutError:
            if cancel is not None and cancel.is_cancelled() and future.cancel():
                cancel.raise_if_cancelled()


_BUDGETS: Dict[Tuple[str, str], Budget] = {}
_BUDGETS_LOCK = threading.Lock()


def budget_for(base_url: str, project: str) -> Budget:
    """The process-wide budget of ``project`` on the Earth Engine at ``base_url``."""
    key = (base_url.rstrip("/"), project or "")
    with _BUDGETS_LOCK:
        found = _BUDGETS.get(key)
        if found is None:
            found = _BUDGETS[key] = Budget()
        return found


def rounds(tiles: int, window: int, cap: int, growing: bool) -> Tuple[int, int]:
    """(round trips, tiles of the last one) to fetch ``tiles`` with ``window`` in flight (doubling
    each round while ``growing``, up to ``cap``)."""
    done = count = last = 0
    window = max(1, min(window, cap))
    while done < tiles:
        last = min(window, tiles - done)
        done += window
        count += 1
        if growing:
            window = min(cap, window * 2)
    return count, last


def predict_seconds(total_bytes: int, tiles: int, budget: Budget, cap: Optional[int] = None,
                    coefficients: Optional[Tuple[float, float]] = None) -> float:
    """Seconds to fetch ``total_bytes`` in ``tiles`` equal requests with ``budget``'s window and model
    (``coefficients``: the model's, when already computed), and to prepare the tiles of the last round
    trip (those of the earlier ones are prepared while the next ones are computed and fetched)."""
    tiles = max(1, int(tiles))
    ceiling = budget.ceiling if not cap else min(budget.ceiling, int(cap))
    trips, last = rounds(tiles, budget.limit(cap), ceiling, budget.growing_fast)
    base, per_mib = coefficients or budget.model.coefficients()
    mib = total_bytes / float(tiles) / 1048576.0
    client = last * (CLIENT_SECONDS_PER_TILE + budget.client_per_mib * mib) / CPUS
    return trips * (base + per_mib * mib) + client


def choose_tiles(total_bytes: int, fewest: int, most: int, budget: Budget,
                 cap: Optional[int] = None) -> int:
    """The tile count between ``fewest`` (what the size limits need) and ``most`` predicted to
    finish soonest; never tiles under :data:`MIN_TILE_BYTES` unless the limits need them."""
    fewest = max(1, int(fewest))
    most = max(fewest, min(int(most), int(math.ceil(total_bytes / float(MIN_TILE_BYTES)))))
    coefficients = budget.model.coefficients()
    best = fewest
    best_time = predict_seconds(total_bytes, fewest, budget, cap, coefficients)
    for n in range(fewest + 1, most + 1):
        seconds = predict_seconds(total_bytes, n, budget, cap, coefficients)
        if seconds < best_time * 0.97:          # a clear gain only: fewer requests otherwise
            best, best_time = n, seconds
    return best
