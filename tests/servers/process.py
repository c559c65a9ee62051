"""What the real-server launchers share: a free loopback port, waiting for it, a child that dies with us."""
import signal
import socket
import subprocess
import sys
import time


def free_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def wait_port(port: int, proc: subprocess.Popen, timeout: float = 20.0) -> None:
    """Until something accepts on ``port``; raises with the child's stderr when it exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
            raise RuntimeError("server exited ({}): {}".format(proc.returncode, err[-2000:]))
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("nothing listens on port {}".format(port))


def _die_with_parent():
    """preexec_fn: the child gets SIGTERM when this process dies (Linux), leaving no server behind."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)    # PR_SET_PDEATHSIG
    except Exception:
        pass


def spawn(argv, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
                            **kwargs)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
    if proc.stderr:
        proc.stderr.close()
