"""Running the packaged plugin in a fresh QGIS profile with qgis_process (demo and end-to-end tests).

qgis_process 3.22 picks its profile from ``$QGIS_CUSTOM_CONFIG_PATH/profiles/default``
and has no ``--profile`` option; Debian's ``/usr/bin/qgis_process`` wrapper adds an
option 3.22 rejects, so ``/usr/bin/qgis_process.bin`` is called directly.
"""
import glob
import json
import os
import socket
import subprocess
import sys
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QGIS_PROCESS = "/usr/bin/qgis_process.bin"
SLUG = "eo_downloader"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("nothing listens on 127.0.0.1:{} after {} s".format(port, timeout))


def start_simulator(module: str, args, cwd: str = ROOT) -> subprocess.Popen:
    """Start ``python -m tests.sims.<module> --port N ...``; returns the process (``.port`` set)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tests.sims." + module, "--port", str(port)] + list(args),
                            cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    proc.port = port
    wait_for_port(port)
    return proc


def latest_zip() -> str:
    zips = sorted(glob.glob(os.path.join(ROOT, "dist", SLUG + ".*.zip")), key=os.path.getmtime)
    if not zips:
        raise RuntimeError("no dist/{}.<version>.zip: run 'make package' first".format(SLUG))
    return zips[-1]


def headless_env(base: str, extra=None) -> dict:
    """Environment for qgis_process with its own profile under ``base``."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("QGIS_", "PYTHON")) and k not in ("DISPLAY", "WAYLAND_DISPLAY", "VIRTUAL_ENV")}
    home, runtime, config = (os.path.join(str(base), d) for d in ("home", "runtime", "config"))
    for d in (home, runtime, config):
        os.makedirs(d, exist_ok=True)
    os.chmod(runtime, 0o700)
    # QGIS's embedded Python finds its prefix from the python3 on PATH: keep only system ones
    # (a pyenv or venv python first on PATH leaves QGIS without its 'qgis' module).
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "/usr/bin:/bin").split(os.pathsep)
                                  if p.startswith(("/usr/", "/bin", "/sbin")))
    env.update({"HOME": home, "XDG_RUNTIME_DIR": runtime, "QT_QPA_PLATFORM": "offscreen",
                "QGIS_CUSTOM_CONFIG_PATH": config, "LC_ALL": "C.UTF-8"})
    env.update(extra or {})
    return env


def plugins_dir(env: dict) -> str:
    return os.path.join(env["QGIS_CUSTOM_CONFIG_PATH"], "profiles", "default", "python", "plugins")


def unzip_plugin(zip_path: str, env: dict) -> str:
    """Unzip the packaged plugin into the profile of ``env``; returns the plugin folder."""
    os.makedirs(plugins_dir(env), exist_ok=True)
    with zipfile.ZipFile(str(zip_path)) as zf:
        zf.extractall(plugins_dir(env))
    return os.path.join(plugins_dir(env), SLUG)


def install_zip(zip_path: str, env: dict) -> str:
    """Unzip and enable the plugin (``qgis_process plugins enable``)."""
    folder = unzip_plugin(zip_path, env)
    rc, out, err = qgis_process(["plugins", "enable", SLUG], env)
    if rc != 0:
        raise RuntimeError("enabling the plugin failed: {}{}".format(out, err))
    return folder


def qgis_process(args, env, timeout: float = 600, cwd=None, max_memory=None):
    """Run qgis_process; ``max_memory`` (bytes) caps its address space (RLIMIT_AS)."""
    def cap():
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (max_memory, max_memory))
    proc = subprocess.run([QGIS_PROCESS] + list(args), env=env, capture_output=True, text=True, timeout=timeout,
                          cwd=cwd or env["HOME"], preexec_fn=cap if max_memory else None)
    return proc.returncode, proc.stdout, proc.stderr


def run_algorithm(algorithm: str, params: dict, env: dict, timeout: float = 600, max_memory=None):
    """``qgis_process --json run ALG -- KEY=VALUE ...``; returns (returncode, parsed JSON or None, stderr)."""
    args = ["--json", "run", algorithm, "--"] + ["{}={}".format(k, v) for k, v in params.items()]
    rc, out, err = qgis_process(args, env, timeout, max_memory=max_memory)
    try:
        data = json.loads(out[out.index("{"):]) if "{" in out else None
    except ValueError:
        data = None
    return rc, data, err + ("" if data is not None else out)
