"""Threads kept for reuse: the plugin's short pieces of background work run on them.

Starting a thread in Python waits until the new thread has run: it must take the interpreter lock,
which the threads already busy hold in turns of up to ``sys.getswitchinterval()`` (5 ms).  So a
thread started while others work costs its starter milliseconds, not microseconds (11 threads
started next to 11 busy ones: 278 ms; next to 11 idle ones: 1.7 ms).  An Earth Engine download
of 11 tiles started 34 of them one after the other (a tile's thread, then one for each of its two
requests): its last request left 25-30 ms late (docs/performance.md).

:data:`POOL` keeps the threads it started: a finished task's thread waits for the next one for
:data:`IDLE_SECONDS`, then ends.  :meth:`Workers.reserve` starts the threads a burst of work will
need before any of it runs, while starting one is cheap.  The threads are daemon threads, as
the plugin's helper threads always were: one stuck in a system call (a DNS lookup cannot be
interrupted) never holds QGIS's exit.  A thread running a task carries the task's name (its
thread name), an idle one :data:`IDLE_NAME`; each task runs in a context of its own, empty, as on a
new thread (what one task sets in a context variable does not reach the next).
"""
import concurrent.futures
import contextvars
import queue
import threading
from typing import Any, Callable, Optional

#: Seconds an idle thread waits for work before it ends.
IDLE_SECONDS = 60.0
#: The name of a pooled thread between tasks.
IDLE_NAME = "eo-downloader-idle"


class Workers:
    """Daemon threads reused for tasks: :meth:`start` runs a task on an idle one, or on a new one."""

    def __init__(self, idle_seconds: float = IDLE_SECONDS):
        self.idle_seconds = idle_seconds
        self._lock = threading.Lock()
        self._tasks: "queue.SimpleQueue" = queue.SimpleQueue()
        self._idle = 0          # threads waiting for a task, less the tasks handed to them not yet taken
        self._threads = 0

    @property
    def threads(self) -> int:
        """Threads alive in the pool (busy or idle)."""
        with self._lock:
            return self._threads

    def start(self, fn: Callable[[], Any], name: str, then: Optional[Callable[[], Any]] = None) -> None:
        """Run ``fn()`` on a thread of the pool named ``name`` while it runs (its errors are its own
        to handle: one escaping is dropped, as from a thread's target), then ``then()`` once that thread
        counts as idle again: whoever ``then`` tells that the work is done and hands the pool the next
        piece finds the thread free (told from ``fn``, the next piece would often start a thread)."""
        with self._lock:
            if self._idle > 0:
                self._idle -= 1
                self._tasks.put((fn, name, then))
                return
            self._threads += 1
        self._spawn((fn, name, then))

    def submit(self, fn: Callable[..., Any], *args, name: str = "eo-downloader-worker") -> concurrent.futures.Future:
        """``fn(*args)`` run as by :meth:`start`; its future (cancellable until it starts)."""
        future: concurrent.futures.Future = concurrent.futures.Future()
        outcome: list = []

        def task():
            if not future.set_running_or_notify_cancel():
                return
            try:
                outcome.append((True, fn(*args)))
            except BaseException as exc:  # handed to whoever waits on the future
                outcome.append((False, exc))

        def publish():
            if outcome:
                ok, value = outcome[0]
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(value)
        self.start(task, name, then=publish)
        return future

    def reserve(self, count: int) -> None:
        """Start threads until ``count`` are idle (none when that many are)."""
        with self._lock:
            missing = max(0, int(count) - self._idle)
            self._idle += missing
            self._threads += missing
        for _ in range(missing):
            self._spawn(None)

    def _spawn(self, first) -> None:
        thread = threading.Thread(target=self._run, args=(first,), daemon=True,
                                  name=first[1] if first else IDLE_NAME)
        try:
            thread.start()
        except BaseException:
            with self._lock:
                self._threads -= 1
                if first is None:
                    self._idle -= 1
            raise

    def _run(self, task: Optional[tuple]) -> None:
        me = threading.current_thread()
        while True:
            if task is not None:
                fn, me.name, then = task
                try:
                    contextvars.Context().run(fn)
                except BaseException:  # (a task's own errors are its to handle)
                    pass
                task = fn = None
                me.name = IDLE_NAME
                with self._lock:
                    self._idle += 1
                if then is not None:
                    try:
                        then()
                    except BaseException:  # (as the task's own)
                        pass
                    then = None
            try:
                task = self._tasks.get(timeout=self.idle_seconds)
            except queue.Empty:
                with self._lock:
                    try:                 # (handed over between the timeout and the lock)
                        task = self._tasks.get_nowait()
                    except queue.Empty:
                        self._idle -= 1
                        self._threads -= 1
                        return


#: The process's pool.
POOL = Workers()
