"""Lint, formatting and type checks as tests, so the suite CI runs (pytest) enforces them too.

Each check runs the tool installed next to this interpreter, from the repository root, with the
configuration in pyproject.toml. A check is skipped only when its tool is not installed.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CHECKS = {
    "ruff-check": ("ruff", "check", "qms_desktop", "tests"),
    "ruff-format": ("ruff", "format", "--check", "qms_desktop", "tests"),
    "mypy": ("mypy",),
}

# One run per check and session, however often the test is collected or repeated.
_results: dict[str, subprocess.CompletedProcess[str]] = {}


def _run(check: str) -> subprocess.CompletedProcess[str]:
    if check not in _results:
        _results[check] = subprocess.run(
            [sys.executable, "-m", *CHECKS[check]],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=540,
        )
    return _results[check]


@pytest.mark.quality
@pytest.mark.timeout(600)  # a cold mypy run takes a while
@pytest.mark.parametrize("check", list(CHECKS))
def test_code_quality(check: str) -> None:
    tool = CHECKS[check][0]
    if importlib.util.find_spec(tool) is None:
        pytest.skip(f"{tool} is not installed for {sys.executable} (it comes with the package's `test` extra)")
    result = _run(check)
    command = " ".join(("python -m", *CHECKS[check]))
    assert result.returncode == 0, f"`{command}` exited with {result.returncode}:\n{result.stdout}{result.stderr}"
