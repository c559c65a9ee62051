"""Install the tested eodag into the user's site-packages of QGIS's own Python, as the qpip plugin does.

Pure Python (no QGIS): :func:`install` runs ``<python> -m pip install --user <requirements>`` in a
child process, reports progress from pip's output, stops pip when the cancel token fires, and
:func:`activate` makes what pip installed importable in the running interpreter when it can.

QGIS's Python
    Inside QGIS ``sys.executable`` is often QGIS itself (``/usr/bin/qgis``, ``qgis-bin.exe``), not a
    Python.  :func:`python_interpreter` looks where qpip does (github.com/opengisch/qpip,
    ``python_command``): ``sys.prefix``'s ``python.exe`` on Windows (OSGeo4W's ``apps/Python3x``),
    ``sys.prefix`` / ``sys.prefix/bin`` / next to the executable on macOS, and on Linux
    ``sys.prefix/bin/python3.X`` (``/usr/bin/python3.11`` for Debian's QGIS), the interpreter of the
    same version QGIS embeds.  A ``sys.executable`` that is a Python is taken as it is.

What is installed
    :func:`requirements`: ``eodag==EODAG_PIN`` plus the pins that keep GDAL working
    (``shapely==SHAPELY_PIN``, ``numpy<2``), the set the tests run (requirements-dev.txt).  On a
    Python marked externally managed (Debian's, PEP 668), pip refuses even ``--user`` installs
    unless told otherwise: ``PIP_BREAK_SYSTEM_PACKAGES=1`` is set for the child (a variable, so older
    pips that do not know the option are not broken by it).

Picking it up without a restart
    :func:`activate` adds the user site-packages to ``sys.path`` (``site.addsitedir``) and
    invalidates the import caches.  That is enough unless a package pip installed was already
    imported at another version (e.g. Debian's shapely 1.8, which QGIS or the plugin imported
    before): Python cannot swap a module in place, and QGIS must be restarted.
"""
import importlib
import os
import queue
import re
import site
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence

from ...errors import CancelledError, EoError
from ...i18n import translate
from . import client as eodag_client

#: Lines of pip's output kept for the error message (its last lines say what went wrong).
ERROR_LINES = 4


class InstallError(EoError):
    """pip did not install the requirements."""


@dataclass
class InstallOutcome:
    installed: Dict[str, str] = field(default_factory=dict)    # distribution -> version pip installed
    restart_needed: List[str] = field(default_factory=list)    # packages imported at another version
    output: str = ""

    def message(self) -> str:
        done = ", ".join("{} {}".format(k, v) for k, v in self.installed.items()) or \
            translate("EodagInstall", "nothing new (already installed)")
        text = translate("EodagInstall", "Installed: {packages}.").format(packages=done)
        if self.restart_needed:
            text += " " + translate("EodagInstall", "Restart QGIS to use it: {packages} was already loaded at "
                                                    "another version.").format(
                packages=", ".join(self.restart_needed))
        return text


def requirements() -> List[str]:
    """What "Install eodag" installs: the tested eodag and the pins that keep GDAL working."""
    return ["eodag=={}".format(eodag_client.EODAG_PIN), "shapely=={}".format(eodag_client.SHAPELY_PIN), "numpy<2"]


def _is_python(path: str) -> bool:
    return bool(re.match(r"^python(\d+(\.\d+)?)?(\.exe)?$", os.path.basename(path or "").lower()))


def python_interpreter(executable: Optional[str] = None, prefix: Optional[str] = None,
                       platform: Optional[str] = None, version=None) -> Optional[str]:
    """The Python interpreter of the running QGIS (see the module's docstring), or None."""
    executable = sys.executable if executable is None else executable
    prefix = sys.prefix if prefix is None else prefix
    platform = platform or sys.platform
    major, minor = (version or sys.version_info)[:2]
    if executable and _is_python(executable) and os.path.isfile(executable):
        return executable
    here = os.path.dirname(executable or "")
    if platform.startswith("win"):
        places = [(prefix, n) for n in ("python.exe", "python3.exe")]
    elif platform == "darwin":
        places = [(d, n) for d in (prefix, os.path.join(prefix, "bin"), here) for n in ("python3", "python")]
    else:
        names = ("python{}.{}".format(major, minor), "python{}".format(major))
        places = [(d, n) for d in (os.path.join(prefix, "bin"), here) for n in names]
    for folder, name in places:
        path = os.path.join(folder, name)
        if folder and os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


def pip_command(python: str, packages: Sequence[str], extra: Sequence[str] = ()) -> List[str]:
    return [python, "-m", "pip", "install", "--user", "--disable-pip-version-check", "--no-input",
            "--progress-bar", "off"] + list(extra) + list(packages)


def _progress_of(line: str, collected: int) -> Optional[float]:
    """Percent of the install a pip output line stands for, or None for a line that moves nothing."""
    if line.startswith(("Collecting ", "Downloading ", "Processing ", "Requirement already satisfied")):
        return min(70.0, 5.0 + 5.0 * collected)
    if line.startswith("Installing collected packages"):
        return 80.0
    if line.startswith("Successfully installed"):
        return 100.0
    return None


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def run_pip(command: Sequence[str], cancel=None, progress: Optional[Callable[[float, str], None]] = None,
            env: Optional[Dict[str, str]] = None, what: str = "") -> str:
    """Run pip; ``progress(percent, line)`` on its output lines; its whole output, or InstallError with its
    last error lines; CancelledError (pip stopped) when ``cancel`` fires."""
    child_env = dict(os.environ if env is None else env)
    child_env.setdefault("PIP_BREAK_SYSTEM_PACKAGES", "1")
    child_env["PYTHONUNBUFFERED"] = "1"
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)        # (no console window on Windows)
    proc = subprocess.Popen(list(command), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, env=child_env, creationflags=flags)
    lines: "queue.Queue[Optional[str]]" = queue.Queue()

    def read():
        for raw in proc.stdout:
            lines.put(raw.decode("utf-8", "replace").rstrip())
        lines.put(None)

    threading.Thread(target=read, name="eo-pip-output", daemon=True).start()
    output: List[str] = []
    collected, ended = 0, False
    try:
        while not ended:
            if cancel is not None and cancel.is_cancelled():
                _stop(proc)
                raise CancelledError(translate("EodagInstall", "The installation was stopped."))
            try:
                line = lines.get(timeout=0.1)
            except queue.Empty:
                continue
            if line is None:
                ended = True
            elif line.strip():
                output.append(line)
                collected += line.startswith("Collecting ")
                percent = _progress_of(line.strip(), collected)
                if progress is not None and percent is not None:
                    progress(percent, line.strip())
        code = proc.wait()
    finally:
        _stop(proc)
        proc.stdout.close()
    if code != 0:
        errors = [ln for ln in output if ln.startswith("ERROR")] or output
        raise InstallError(translate("EodagInstall", "pip could not install {packages} (exit code {code}): "
                                                     "{error}").format(
            packages=what or "?", code=code,
            error="\n".join(errors[-ERROR_LINES:]) or "?"))
    return "\n".join(output)


def installed_by(output: str) -> Dict[str, str]:
    """``{distribution: version}`` from pip's "Successfully installed a-1.0 b_c-2.0" line."""
    found: Dict[str, str] = {}
    for line in output.splitlines():
        if line.startswith("Successfully installed "):
            for item in line.split()[2:]:
                name, _, version = item.rpartition("-")
                if name:
                    found[name] = version
    return found


def _module_name(distribution: str) -> str:
    return re.sub(r"[-.]+", "_", distribution).lower()


def activate(installed: Dict[str, str]) -> List[str]:
    """Make the user site-packages importable now; the packages of ``installed`` that were already
    imported at another version (QGIS must then be restarted to use them)."""
    user_site = site.getusersitepackages()
    if os.path.isdir(user_site) and user_site not in sys.path:
        site.addsitedir(user_site)
        # Where Python puts it at start-up: before the system's site-packages (whose older copies,
        # e.g. Debian's shapely, would otherwise be found first).
        system = set(getattr(site, "getsitepackages", list)())
        first = next((i for i, p in enumerate(sys.path) if p in system), None)
        if first is not None and sys.path.index(user_site) > first:
            sys.path.remove(user_site)
            sys.path.insert(first, user_site)
    importlib.invalidate_caches()
    stale = []
    for name, version in installed.items():
        module = sys.modules.get(_module_name(name))
        if module is not None and str(getattr(module, "__version__", "")) != version:
            stale.append(name)
    return stale


def install(cancel=None, progress: Optional[Callable[[float, str], None]] = None,
            packages: Optional[Sequence[str]] = None, pip_args: Sequence[str] = (),
            env: Optional[Dict[str, str]] = None) -> InstallOutcome:
    """Install ``packages`` (default :func:`requirements`) with pip into the user's site-packages of QGIS's
    Python, then :func:`activate` them."""
    python = python_interpreter()
    if python is None:
        raise InstallError(translate("EodagInstall", "The Python interpreter of QGIS was not found (looked "
                                                     "next to {path}).").format(path=sys.executable),
                           hint=eodag_client.install_hint())
    if progress is not None:
        progress(1.0, translate("EodagInstall", "Starting pip ({python})…").format(python=python))
    started = time.monotonic()
    packages = list(packages or requirements())
    output = run_pip(pip_command(python, packages, pip_args), cancel, progress, env, what=" ".join(packages))
    outcome = InstallOutcome(installed=installed_by(output), output=output)
    outcome.restart_needed = activate(outcome.installed)
    if progress is not None:
        progress(100.0, translate("EodagInstall", "pip finished in {seconds:.0f} s.").format(
            seconds=time.monotonic() - started))
    return outcome
