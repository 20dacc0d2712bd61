"""The all-or-nothing build: a complete site appears in site/, or nothing changes.

Everything is built into a staging folder beside site/: every page and data
file is checked first (stopping with every problem listed); then each language
is built, and indexed for search, in its own process (language_builds.py).
Only when all of that has succeeded is the staging folder swapped in for
site/. A failed build leaves the previous site/ exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from cleanprod.paths import ROOT, SITE


class BuildFailed(Exception):
    """The build stopped; site/ was not touched."""


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode != 0:
        raise BuildFailed(f"'{command[2]}' stopped the build (exit code {result.returncode})")


def reproducible_env() -> dict[str, str]:
    """The environment for the build's commands: SOURCE_DATE_EPOCH set to the
    last commit's time, so that the same commit always builds the same files."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if "SOURCE_DATE_EPOCH" not in env:
        stamp = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        if stamp:
            env["SOURCE_DATE_EPOCH"] = stamp
    return env


def build_into(folder: Path, env: dict[str, str]) -> None:
    """Build the whole site, search indexes included, into an empty `folder`."""
    scripts = os.pathsep.join(filter(None, [str(ROOT / "scripts"), env.get("PYTHONPATH")]))
    _run([sys.executable, "-m", "cleanprod.language_builds", str(folder)], dict(env, PYTHONPATH=scripts))


def build(site: Path = SITE) -> None:
    """Build into a staging folder next to `site`, then swap it in whole."""
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
    try:
        build_into(staging, reproducible_env())
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    staging.chmod(0o755)
    if site.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site.name}-old-", dir=site.parent))
        old.rmdir()
        site.rename(old)
        staging.rename(site)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(site)
