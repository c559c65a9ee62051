#!/usr/bin/env python3
"""Install the plugin from this checkout into a QGIS profile (development, screenshots, demo).

    python3 scripts/dev_install.py PROFILES_DIR [--profile default]

Assembles ``<PROFILES_DIR>/profiles/<profile>/python/plugins/eo_downloader`` the way the
packaged zip lays it out (package code + metadata.txt + ui/ + icons/ + compiled i18n/)
and enables it in that profile's QGIS3.ini.
"""
import argparse
import configparser
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SLUG = "eo_downloader"
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.ts")


def assemble(dest: str) -> str:
    """Write the installed layout of the plugin to ``dest`` (replaced if present)."""
    if os.path.exists(dest):
        shutil.rmtree(dest)
    shutil.copytree(os.path.join(ROOT, "plugin"), dest, ignore=IGNORE)
    shutil.copy2(os.path.join(ROOT, "metadata.txt"), dest)
    shutil.copy2(os.path.join(ROOT, "LICENSE"), dest) if os.path.exists(os.path.join(ROOT, "LICENSE")) else None
    for folder in ("ui", "icons", "i18n"):
        src = os.path.join(ROOT, folder)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dest, folder), ignore=IGNORE)
    return dest


def install(profiles_dir: str, profile: str = "default") -> str:
    profile_dir = os.path.join(profiles_dir, "profiles", profile)
    dest = assemble(os.path.join(profile_dir, "python", "plugins", SLUG))
    enable(profile_dir)
    return dest


def enable(profile_dir: str) -> None:
    ini = os.path.join(profile_dir, "QGIS", "QGIS3.ini")
    os.makedirs(os.path.dirname(ini), exist_ok=True)
    parser = configparser.RawConfigParser()
    parser.optionxform = str
    if os.path.exists(ini):
        parser.read(ini)
    if not parser.has_section("PythonPlugins"):
        parser.add_section("PythonPlugins")
    parser.set("PythonPlugins", SLUG, "true")
    with open(ini, "w") as fh:
        parser.write(fh, space_around_delimiters=False)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("profiles_dir")
    ap.add_argument("--profile", default="default")
    args = ap.parse_args(argv)
    print(install(args.profiles_dir, args.profile))
    return 0


if __name__ == "__main__":
    sys.exit(main())
