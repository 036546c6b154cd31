"""Without the PostgreSQL test server: a PostgreSQL case fails under CI and skips (with the reason)
locally — never a silent pass."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

CASE = "tests/team/test_versions.py::test_every_change_adds_one_to_the_version"


def _pytest(ci: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("REVIEWER_TEST_PG_URL", "CI")}
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-rs", "-p", "no:cacheprovider", CASE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_missing_server_fails_under_ci_and_skips_locally() -> None:
    under_ci = _pytest(ci=True)
    assert under_ci.returncode == 1, under_ci.stdout
    assert "1 passed, 1 error" in under_ci.stdout  # the fixture fails the case: the run fails
    assert "PostgreSQL test server missing under CI" in under_ci.stdout
    local = _pytest(ci=False)
    assert local.returncode == 0, local.stdout
    assert "1 passed, 1 skipped" in local.stdout and "no PostgreSQL test server" in local.stdout
