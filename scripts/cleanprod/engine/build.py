"""The all-or-nothing build: a complete site appears in site/, or nothing changes.

Everything is built into a staging folder beside site/: every page and data
file is checked first (stopping with every problem listed); then each language
is built, and indexed for search, in its own process (language_builds.py).
Only when all of that has succeeded is the staging folder swapped in for
site/. A failed build leaves the previous site/ exactly as it was.

A build stopped by Ctrl-C, or by SIGTERM (to this process, or to `make`,
whose end ends this process too), stops every process of the build at once,
removes the staging folder, and leaves site/ as it was: the processes run in
a group of their own, which the signal's handler ends, and the swap happens
only if no signal came.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from cleanprod.paths import ROOT, SITE


class BuildFailed(Exception):
    """The build stopped; site/ was not touched."""


class BuildStopped(BuildFailed):
    """The build was stopped by Ctrl-C or SIGTERM; site/ was not touched."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__("Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name)


_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
_stopped: list[int] = []  # the signals received during this build
_group: list[int] = []  # the process group of the build's processes, while they run
_PR_SET_PDEATHSIG = 1  # Linux's prctl option: a signal when the parent process ends


def _stop(signum: int, frame: object) -> None:
    """Ctrl-C or SIGTERM: remember it, and end every process of the build."""
    _stopped.append(signum)
    for group in _group:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGTERM)


def stop_with_parent() -> None:
    """This process hears SIGTERM when the process that started it ends: on
    SIGTERM, make ends the shell that runs its command, not this process,
    which would otherwise build on and replace site/ afterwards. (Linux
    only; elsewhere Ctrl-C and SIGTERM to this process still stop it.)"""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


@contextlib.contextmanager
def _stoppable() -> Iterator[None]:
    """Ctrl-C and SIGTERM stop the build (see _stop) rather than this process alone."""
    before = {signum: signal.signal(signum, _stop) for signum in _STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
        _stopped.clear()


def _run(command: list[str], env: dict[str, str]) -> None:
    """Run `command` in a process group of its own, which a signal ends whole (_stop)."""
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    _group.append(process.pid)
    try:
        if _stopped:  # a signal came before the group existed
            _stop(_stopped[0], None)
        returncode = process.wait()
    finally:
        _group.remove(process.pid)
        with contextlib.suppress(ProcessLookupError):  # whatever the group left behind
            os.killpg(process.pid, signal.SIGKILL)
    if _stopped:
        raise BuildStopped(_stopped[0])
    if returncode != 0:
        raise BuildFailed(f"'{command[2]}' stopped the build (exit code {returncode})")


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
    _run([sys.executable, "-m", "cleanprod.engine.language_builds", str(folder)], dict(env, PYTHONPATH=scripts))


def build(site: Path = SITE) -> None:
    """Build into a staging folder next to `site`, then swap it in whole,
    unless the build failed or was stopped."""
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    with _stoppable():
        staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
        try:
            build_into(staging, reproducible_env())
            # No signal may come between the last look at _stopped and the swap.
            signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
            if _stopped:
                raise BuildStopped(_stopped[0])
            _swap(staging, site)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


def _swap(staging: Path, site: Path) -> None:
    """Put the complete build in `site`'s place, and remove the previous one."""
    staging.chmod(0o755)
    if site.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site.name}-old-", dir=site.parent))
        old.rmdir()
        site.rename(old)
        staging.rename(site)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(site)
