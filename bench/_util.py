"""Small helpers shared by the benchmarks (not a benchmark itself)."""
import os
import socket
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)


def free_port():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


#: The niceness of a simulator (:class:`SimProcess`) in a benchmark of QGIS's main thread.  The
#: services the simulators stand for compute on their own machines; here they share the client's two
#: cores, and at the same priority their CPU work (rendering and compressing pixels) took the CPU from
#: QGIS's main thread when it had to run: a 10 000 px Earth Engine download in QGIS (bench_ee_draw.py),
#: main thread's p99 stall 17-24 ms with the simulator at priority 0, 5.4-5.7 ms at 10
#: (docs/performance.md).  A niced simulator still gets every cycle the client leaves.  Benchmarks of
#: end-to-end time (bench_ee_geedim.py) keep it at 0: there, a busy client would slow the service
#: down, which no remote service does either; both tools meet the same simulator.
SIM_NICE = 10


def die_with_parent():
    """preexec_fn: the child gets SIGTERM when the benchmark dies (Linux), leaving no server behind."""
    try:
        import ctypes
        import signal
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)    # PR_SET_PDEATHSIG
    except Exception:
        pass


def _sim_preexec(nice):
    def preexec():
        die_with_parent()
        if nice:
            os.nice(nice)
    return preexec


class SimProcess:
    """A simulator of tests/sims run as its own process (``python -m tests.sims.<name> --port N ...``).

    A separate process keeps the simulator's CPU work (rendering pixels, zipping) and its
    threads off the measured process's interpreter lock; a lower priority (``nice``) keeps that work
    from taking the CPU the measured process waits for.
    """

    def __init__(self, module, *args, ready_timeout=60.0, code=None, env=None, nice=0):
        """``code``: Python source run with ``-c`` instead of ``-m tests.sims.<module>`` (it gets
        ``--port N`` and ``args`` in ``sys.argv[1:]``), e.g. to change a simulator's constants;
        ``nice``: added to the simulator's niceness (:data:`SIM_NICE`; 0: the benchmark's own priority)."""
        self.port = free_port()
        head = [sys.executable, "-c", code] if code else [sys.executable, "-m", "tests.sims." + module]
        self.proc = subprocess.Popen(head + ["--port", str(self.port)] + [str(a) for a in args], cwd=ROOT,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True,
                                     env=env, preexec_fn=_sim_preexec(nice) if sys.platform.startswith("linux") else None)
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                break
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("the {} simulator exited with {}".format(module, self.proc.returncode))
                time.sleep(0.05)
        else:
            self.stop()
            raise RuntimeError("the {} simulator did not start".format(module))
        self.url = "http://127.0.0.1:{}".format(self.port)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def wait_quiet(max_load=1.0, timeout=0.0):
    """Wait (up to ``timeout`` s) until the 1-minute load average is below ``max_load``; the load seen."""
    deadline = time.monotonic() + timeout
    load = os.getloadavg()[0]
    while load >= max_load and time.monotonic() < deadline:
        time.sleep(5)
        load = os.getloadavg()[0]
    return load
