#!/usr/bin/env python3
"""Build the installable plugin zip with qgis-plugin-ci: dist/eo_downloader.<version>.zip.

    .venv/bin/python scripts/package.py [--dist-dir dist] [--build-dir build] [--list]

The repository keeps one copy of every file: the package in ``plugin/`` and
``metadata.txt``, ``ui/``, ``icons/``, ``i18n/*.ts``, ``LICENSE`` and
``CHANGELOG.md`` beside it.  qgis-plugin-ci 2.10 archives a single folder
(``plugin_path``) with ``git archive``, reads ``metadata.txt`` from inside it
and names the zip's top folder after it, so this script stages that folder:

1. ``build/stage/`` is a throw-away git repository holding
   ``eo_downloader/`` = the files of ``plugin/`` + ``metadata.txt`` + ``ui/`` +
   ``icons/`` + ``LICENSE`` + ``i18n/*.qm`` compiled from ``i18n/*.ts`` by
   lrelease, plus ``CHANGELOG.md`` and a ``pyproject.toml`` carrying the
   ``[tool.qgis-plugin-ci]`` section of the repository's pyproject.toml.
   Files are plain copies (no symlinks, so it works on Windows too); files that
   git ignores or marks ``export-ignore`` (.gitattributes) are not staged.
2. The stage is committed and ``qgis-plugin-ci package <version>`` runs in
   it; the version is the ``version=`` of metadata.txt.  qgis-plugin-ci writes
   the newest CHANGELOG.md sections into the packaged metadata.txt.
3. The zip is checked (single top folder ``eo_downloader/``, metadata.txt,
   ``__init__.py``) and moved to ``dist/``.

Needs git and lrelease (qttools5-dev-tools) on PATH, and qgis-plugin-ci in the
Python running this script (requirements-dev.txt).
"""
import argparse
import configparser
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from typing import Dict, Iterable, List, Optional, Sequence

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import update_translations  # noqa: E402  (scripts/update_translations.py)

SLUG = "eo_downloader"
# repository path -> path inside the plugin folder ("" = the folder itself)
LAYOUT = (("plugin", ""), ("ui", "ui"), ("icons", "icons"))
TOP_FILES = ("metadata.txt", "LICENSE")
NEVER = ("__pycache__", ".pyc", ".pyo", ".ts", ".qm")  # .qm come fresh from lrelease


class PackageError(RuntimeError):
    pass


def read_version(root: str = ROOT) -> str:
    parser = configparser.ConfigParser(interpolation=None)
    with open(os.path.join(root, "metadata.txt"), encoding="utf-8") as handle:
        parser.read_file(handle)
    version = parser.get("general", "version", fallback="").strip()
    if not version:
        raise PackageError("metadata.txt has no version=")
    return version


def _git(args: Sequence[str], cwd: str, check: bool = True) -> str:
    env = dict(os.environ)
    env.update({"GIT_AUTHOR_NAME": "eo_downloader packager", "GIT_AUTHOR_EMAIL": "packager@localhost",
                "GIT_COMMITTER_NAME": "eo_downloader packager", "GIT_COMMITTER_EMAIL": "packager@localhost"})
    proc = subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"] + list(args),
                          cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)
    if check and proc.returncode != 0:
        raise PackageError("git {} failed: {}".format(" ".join(args), proc.stderr.strip()))
    return proc.stdout


def _is_git_checkout(root: str) -> bool:
    try:
        return _git(["rev-parse", "--show-toplevel"], root).strip() != ""
    except (PackageError, OSError):
        return False


def shipped_files(root: str = ROOT) -> Dict[str, str]:
    """{path inside the plugin folder: repository path} of every file to ship (not the .qm)."""
    candidates: List[str] = []
    if _is_git_checkout(root):
        # tracked files plus new files not yet added, minus what git ignores (the working tree is packaged)
        out = _git(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--"]
                   + [src for src, _ in LAYOUT] + list(TOP_FILES), root)
        candidates = sorted({p for p in out.split("\0") if p and os.path.isfile(os.path.join(root, p))})
        if candidates:
            attrs = _git(["check-attr", "-z", "export-ignore", "--"] + candidates, root).split("\0")
            ignored = {attrs[i] for i in range(0, len(attrs) - 2, 3) if attrs[i + 2] == "set"}
            candidates = [p for p in candidates if p not in ignored]
    else:  # an unpacked source tarball: walk the folders
        for src, _ in LAYOUT:
            for dirpath, dirnames, filenames in os.walk(os.path.join(root, src)):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                candidates += [os.path.relpath(os.path.join(dirpath, n), root).replace(os.sep, "/")
                               for n in filenames]
        candidates += [n for n in TOP_FILES if os.path.isfile(os.path.join(root, n))]
    mapping: Dict[str, str] = {}
    for rel in candidates:
        if any(part == "__pycache__" for part in rel.split("/")) or rel.endswith(NEVER):
            continue
        if rel in TOP_FILES:
            mapping[rel] = rel
            continue
        for src, dest in LAYOUT:
            if rel.startswith(src + "/"):
                inner = rel[len(src) + 1:]
                mapping[(dest + "/" + inner) if dest else inner] = rel
                break
    for required in ("metadata.txt", "__init__.py", "LICENSE"):
        if required not in mapping:
            raise PackageError("{} would be missing from the plugin folder".format(required))
    return mapping


def plugin_ci_config(root: str = ROOT) -> Dict[str, object]:
    with open(os.path.join(root, "pyproject.toml"), "rb") as handle:
        config = tomllib.load(handle).get("tool", {}).get("qgis-plugin-ci")
    if not config:
        raise PackageError("pyproject.toml has no [tool.qgis-plugin-ci] section")
    if config.get("plugin_path") != SLUG:
        raise PackageError("[tool.qgis-plugin-ci] plugin_path must be {!r}".format(SLUG))
    return config


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return '"{}"'.format(value.replace("\\", "\\\\").replace('"', '\\"'))
    raise PackageError("unsupported [tool.qgis-plugin-ci] value {!r}".format(value))


def stage(root: str, stage_dir: str) -> Dict[str, str]:
    """Fill stage_dir (emptied first) as described in the module docstring; returns the file mapping."""
    if os.path.exists(stage_dir):
        shutil.rmtree(stage_dir, onerror=_force_remove)
    plugin_dir = os.path.join(stage_dir, SLUG)
    os.makedirs(plugin_dir)
    mapping = shipped_files(root)
    for inner, rel in sorted(mapping.items()):
        target = os.path.join(plugin_dir, *inner.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(os.path.join(root, rel), target)
    qms = update_translations.compile_qm(root, out_dir=os.path.join(plugin_dir, "i18n"))
    for qm in qms:
        mapping["i18n/" + os.path.basename(qm)] = "(lrelease) i18n/" + os.path.basename(qm)[:-3] + ".ts"
    config = plugin_ci_config(root)
    with open(os.path.join(stage_dir, "pyproject.toml"), "w", encoding="utf-8") as handle:
        handle.write("# generated by scripts/package.py from the repository's pyproject.toml\n")
        handle.write("[tool.qgis-plugin-ci]\n")
        for key, value in config.items():
            handle.write("{} = {}\n".format(key, _toml_value(value)))
    changelog = str(config.get("changelog_path", "CHANGELOG.md"))
    if os.path.isfile(os.path.join(root, changelog)):
        shutil.copyfile(os.path.join(root, changelog), os.path.join(stage_dir, changelog))
    with open(os.path.join(stage_dir, ".gitignore"), "w", encoding="utf-8") as handle:
        handle.write("*.zip\n")
    _git(["init", "-q"], stage_dir)
    _git(["add", "-A", "-f", "--", SLUG], stage_dir)
    _git(["add", "-A", "--", "."], stage_dir)
    source = _git(["rev-parse", "HEAD"], root, check=False).strip() if _is_git_checkout(root) else ""
    _git(["commit", "-q", "-m", "eo_downloader package stage{}".format(" of " + source if source else "")], stage_dir)
    return mapping


def _force_remove(func, path, _exc_info):  # read-only files of a previous stage's .git on Windows
    os.chmod(path, 0o700)
    func(path)


def run_qgis_plugin_ci(stage_dir: str, version: str) -> str:
    exe = os.path.join(os.path.dirname(sys.executable), "qgis-plugin-ci")
    cmd = [exe] if os.path.exists(exe) else [sys.executable, "-m", "qgispluginci"]
    cmd += ["package", version]
    proc = subprocess.run(cmd, cwd=stage_dir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    if proc.returncode != 0:
        raise PackageError("qgis-plugin-ci failed ({}):\n{}".format(proc.returncode, proc.stdout))
    archive = os.path.join(stage_dir, "{}.{}.zip".format(SLUG, version))
    if not os.path.isfile(archive):
        raise PackageError("qgis-plugin-ci did not write {}:\n{}".format(archive, proc.stdout))
    return archive


def verify_zip(path: str, version: str) -> List[str]:
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        bad = zf.testzip()
        if bad:
            raise PackageError("{}: corrupt member {}".format(path, bad))
        tops = {n.split("/", 1)[0] for n in names}
        if tops != {SLUG}:
            raise PackageError("{}: top folders {} (want only {}/)".format(path, sorted(tops), SLUG))
        for needed in ("metadata.txt", "__init__.py", "LICENSE"):
            if "{}/{}".format(SLUG, needed) not in names:
                raise PackageError("{}: {}/{} missing".format(path, SLUG, needed))
        meta = configparser.ConfigParser(interpolation=None)
        meta.read_string(zf.read(SLUG + "/metadata.txt").decode("utf-8"))
        if meta.get("general", "version", fallback="") != version:
            raise PackageError("{}: metadata version is not {}".format(path, version))
    return names


def build(root: str = ROOT, dist_dir: Optional[str] = None, build_dir: Optional[str] = None) -> str:
    """Build the zip; returns its path in dist_dir."""
    version = read_version(root)
    dist_dir = os.path.abspath(dist_dir or os.path.join(root, "dist"))
    stage_dir = os.path.join(os.path.abspath(build_dir or os.path.join(root, "build")), "stage")
    stage(root, stage_dir)
    archive = run_qgis_plugin_ci(stage_dir, version)
    verify_zip(archive, version)
    os.makedirs(dist_dir, exist_ok=True)
    target = os.path.join(dist_dir, os.path.basename(archive))
    if os.path.exists(target):
        os.remove(target)
    shutil.move(archive, target)
    return target


def main(argv: Optional[Iterable[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Build dist/eo_downloader.<version>.zip with qgis-plugin-ci.")
    parser.add_argument("--dist-dir", help="where the zip goes (default: dist/)")
    parser.add_argument("--build-dir", help="where the staging repository goes (default: build/)")
    parser.add_argument("--list", action="store_true", help="print the zip's file list")
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        target = build(ROOT, args.dist_dir, args.build_dir)
    except (PackageError, update_translations.ToolError, OSError) as exc:
        print("package: error: {}".format(exc), file=sys.stderr)
        return 1
    with zipfile.ZipFile(target) as zf:
        infos = zf.infolist()
    print("package: {} ({} files, {:.1f} KiB)".format(os.path.relpath(target, os.getcwd()), len(infos),
                                                      os.path.getsize(target) / 1024))
    if args.list:
        for info in infos:
            print("  {:>9}  {}".format(info.file_size, info.filename))
    return 0


if __name__ == "__main__":
    sys.exit(main())
