"""The process's reusable threads (plugin/core/workers.py)."""
import threading
import time

import pytest

from plugin.core import workers


def _wait(condition, timeout=5.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in {} s".format(timeout))
        time.sleep(0.005)


def test_a_task_runs_on_a_daemon_thread_named_after_it_then_the_thread_waits_for_the_next():
    pool = workers.Workers()
    seen = []
    done = threading.Event()

    def task():
        me = threading.current_thread()
        seen.append((me.ident, me.name, me.daemon))
        done.set()
    pool.start(task, "eo-test-task")
    assert done.wait(5)
    ident, name, daemon = seen[0]
    assert name == "eo-test-task" and daemon
    thread = next(t for t in threading.enumerate() if t.ident == ident)
    _wait(lambda: thread.name == workers.IDLE_NAME)
    done.clear()
    pool.start(task, "eo-test-again")
    assert done.wait(5)
    assert seen[1][0] == ident and seen[1][1] == "eo-test-again"     # the same thread, renamed
    assert pool.threads == 1


def test_reserved_threads_take_a_burst_of_tasks_without_a_thread_started_meanwhile(monkeypatch):
    pool = workers.Workers()
    pool.reserve(6)
    assert pool.threads == 6
    pool.reserve(4)                      # as many are idle already: none more
    assert pool.threads == 6
    started = []
    real_start = threading.Thread.start
    monkeypatch.setattr(threading.Thread, "start", lambda self: (started.append(self.name), real_start(self))[1])
    gate = threading.Barrier(7)
    for k in range(6):
        pool.start(lambda: gate.wait(5), "eo-test-{}".format(k))
    gate.wait(5)                         # all six ran at once, on the reserved threads
    assert started == []


def test_idle_threads_end_after_their_idle_time_and_the_pool_grows_again():
    pool = workers.Workers(idle_seconds=0.05)
    pool.reserve(3)
    assert pool.threads == 3
    _wait(lambda: pool.threads == 0)
    assert not [t for t in threading.enumerate() if t.name == workers.IDLE_NAME and not t.daemon]
    done = threading.Event()
    pool.start(done.set, "eo-test-late")
    assert done.wait(5)


def test_submit_gives_a_future_of_the_result_or_the_error():
    pool = workers.Workers()
    assert pool.submit(lambda a, b: a + b, 2, 3).result(5) == 5
    with pytest.raises(ValueError, match="bad"):
        pool.submit(lambda: (_ for _ in ()).throw(ValueError("bad"))).result(5)


def test_an_error_escaping_a_task_leaves_the_thread_serving():
    pool = workers.Workers()
    done = threading.Event()

    def bad():
        raise RuntimeError("escaped")
    pool.start(bad, "eo-test-bad")
    _wait(lambda: pool._idle == 1)
    pool.start(done.set, "eo-test-next")
    assert done.wait(5) and pool.threads == 1


def test_each_task_runs_in_an_empty_context_as_on_a_new_thread():
    import contextvars
    var = contextvars.ContextVar("eo_test_var", default="unset")
    pool = workers.Workers()
    seen = []
    done = threading.Event()
    var.set("caller")                    # (a new thread does not see the caller's value either)
    pool.start(lambda: (seen.append(var.get()), var.set("left by the first")), "eo-test-first")
    _wait(lambda: pool._idle == 1)
    pool.start(lambda: (seen.append(var.get()), done.set()), "eo-test-second")
    assert done.wait(5) and pool.threads == 1
    assert seen == ["unset", "unset"]


class _SlowForPoolThreads:
    """A lock the pool's own threads take 2 ms late: the moment between a task's end and its thread
    counting as idle, made long enough to be hit every time."""

    def __init__(self):
        self._lock = threading.Lock()

    def __enter__(self):
        if threading.current_thread().name.startswith(("eo-test", workers.IDLE_NAME)):
            time.sleep(0.002)
        self._lock.acquire()

    def __exit__(self, *exc):
        self._lock.release()


def test_a_result_is_told_once_its_thread_is_free_so_the_next_piece_needs_no_new_thread():
    """Whoever waits for a task's result and then hands the pool the next piece (a download's loop, a
    request's caller) finds the thread idle again: one thread serves a chain of 200 pieces."""
    pool = workers.Workers()
    pool._lock = _SlowForPoolThreads()      # (the pool's threads slow to count themselves idle)
    value = 0
    for _ in range(200):
        value = pool.submit(lambda v: v + 1, value, name="eo-test-piece").result(5)
    assert value == 200 and pool.threads == 1
    done = threading.Event()
    for _ in range(50):
        done.clear()
        pool.start(lambda: None, "eo-test-chain", then=done.set)
        assert done.wait(5)
    assert pool.threads == 1
