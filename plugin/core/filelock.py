"""An exclusive lock shared by processes, on a lock file beside the file it guards.

The job store's writers (the GUI, Processing, ``qgis_process``, a second QGIS on the
same profile) take it around their read-merge-write of ``jobs.json``.  ``fcntl.flock``
on POSIX (it excludes other open files of the same process too, not only other
processes), ``msvcrt.locking`` on Windows.  The lock file is never deleted: deleting
it would let two writers hold "the" lock on two different files.
"""
import os
import time

try:
    import fcntl
    msvcrt = None
except ImportError:          # Windows
    fcntl = None
    import msvcrt


class LockTimeout(OSError):
    """Another writer held the lock for longer than the timeout."""


class FileLock:
    """``with FileLock(path + ".lock"): ...`` -- exclusive across processes and threads."""

    def __init__(self, path: str, timeout: float = 30.0):
        self.path = path
        self.timeout = timeout
        self._fd = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            deadline = time.monotonic() + self.timeout
            pause = 0.001
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise LockTimeout("{} is locked by another writer".format(self.path))
                time.sleep(pause)
                pause = min(pause * 2, 0.02)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)
            else:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.close(fd)

    def __enter__(self) -> "FileLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _try_lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return True
    except (BlockingIOError, PermissionError):
        return False
    except OSError as exc:          # msvcrt reports a held lock as EACCES / EDEADLK
        import errno
        if exc.errno in (errno.EACCES, errno.EAGAIN, errno.EDEADLK):
            return False
        raise
