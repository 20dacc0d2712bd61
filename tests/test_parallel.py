"""The parallel run keeps a group of tests on one worker (pytest-xdist's
`--dist loadgroup`, as `make test` runs): the tests that share a fixture
built once per file, and the page checks that share one visit of every
page at a width (page_checks.py), rely on it. pytest-xdist marks a group in
a field of the test's id that pytest 9.2 no longer reads, and the groups
then split across workers without a word, each worker building and
visiting again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

GROUPED = '''
import os, pytest

@pytest.mark.xdist_group("one")
@pytest.mark.parametrize("n", range(8))
def test_grouped(n):
    with open(os.environ["WORKERS_FILE"], "a") as file:
        file.write(os.environ["PYTEST_XDIST_WORKER"] + "\\n")
'''


def test_a_group_of_tests_runs_on_one_worker(tmp_path: Path) -> None:
    (tmp_path / "test_grouped.py").write_text(GROUPED, encoding="utf-8")
    workers = tmp_path / "workers.txt"
    result = subprocess.run(
        # Hypothesis's plugin, which this file does not use, takes a second of each process to load.
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-n", "2", "--dist", "loadgroup", "test_grouped.py"],
        cwd=tmp_path, env=dict(os.environ, WORKERS_FILE=str(workers)), capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    ran_on = workers.read_text(encoding="utf-8").split()
    assert len(ran_on) == 8
    assert len(set(ran_on)) == 1, f"the group ran on {sorted(set(ran_on))}"
