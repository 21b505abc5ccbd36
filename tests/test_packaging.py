"""A non-editable install works on its own: the prompt templates ship inside the package."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.settings import PROJECT_ROOT


@pytest.mark.slow
def test_a_non_editable_install_loads_its_prompts(tmp_path: Path):
    target = tmp_path / "site"
    # --no-build-isolation: build with the venv's own setuptools, so the test needs no package index.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(PROJECT_ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    code = (
        "import json, assistant, assistant.models.prompts as p, assistant.settings as s; "
        "print(json.dumps({'package': assistant.__file__, 'root_prompts': (s.PROJECT_ROOT / 'prompts').exists(), "
        "'system': p.Prompts().text('system'), 'answer': p.Prompts().text('answer')}))"
    )
    # Only the installed copy is importable (the checkout is not on the path); dependencies come from the venv.
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert Path(got["package"]).is_relative_to(target)
    assert got["root_prompts"] is False  # so the templates below came from the package data
    assert got["system"] == (PROJECT_ROOT / "prompts" / "system.txt").read_text(encoding="utf-8").strip()
    assert got["answer"] == (PROJECT_ROOT / "prompts" / "answer.txt").read_text(encoding="utf-8").strip()
