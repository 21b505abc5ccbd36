"""Cold start: a fresh `assistant ask --json` process to its first token and its answer, and `python ui.py`
and `assistant serve` to serving.

    python bench/coldstart.py [--runs 3] [--question "..."] [--ui-timeout 300]

The index is built first in a temporary store (`assistant ingest`, timed but not part of cold start);
every process then gets ASSISTANT_STORE_DIR pointing at it, so nothing is embedded during the runs.
- ask: wall time from launching `assistant ask "<question>" --json` to its exit with the answer, --runs
  times (the first run may also pay for a cold OS file cache; the median is reported as ask_ms, the first
  run as ask_first_ms). The answer's own timings_ms.total is subtracted to show the start-up share.
- first token: launch to the model's first token, `wall - (timings_ms.total - timings_ms.first_token)`;
  an upper bound, since the process's exit is counted in. Target: ask_first_token_ms <= 6000.
- ui: wall time from launching `python ui.py` (ASSISTANT_UI_PORT = a free port) until GET / answers
  HTTP 200, polling every 50 ms. The UI loads every model before it binds its port, so this is the time
  until the first question can be asked. ui_ready_ms=NA when ui.py is missing or never becomes ready.
- serve: the same for `assistant serve --port P`, until GET /v1/models answers HTTP 200 (serve_ready_ms).
The last line is the key=value summary.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ARTICLES, ROOT, free_port, load_questions, median, stop, summary, tool, wait_http


def child_env(store: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        ASSISTANT_STORE_DIR=str(store),
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
        GRADIO_ANALYTICS_ENABLED="False",
    )
    return env


def assistant_cmd() -> list[str]:
    exe = tool("assistant")
    return [exe] if exe else [sys.executable, "-m", "assistant.interfaces.cli"]


def build_index(env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run([*assistant_cmd(), "ingest", str(ARTICLES)], env=env, cwd=ROOT, capture_output=True)
    if done.returncode != 0:
        raise SystemExit(f"error: assistant ingest failed:\n{done.stderr.decode(errors='replace')[-2000:]}")
    return (time.perf_counter() - started) * 1000


FIRST_TOKEN_TARGET_MS = 6000


def ask_once(question: str, env: dict[str, str]) -> tuple[float, float, float]:
    """(wall ms from launch to exit, the answer's own total ms, launch to first token ms)."""
    started = time.perf_counter()
    done = subprocess.run([*assistant_cmd(), "ask", question, "--json"], env=env, cwd=ROOT, capture_output=True)
    wall = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise SystemExit(f"error: assistant ask failed:\n{done.stderr.decode(errors='replace')[-2000:]}")
    answer = json.loads(done.stdout.decode())  # the whole of stdout is the one object
    timings = answer["timings_ms"]
    total = float(timings["total"])
    first = timings.get("first_token")
    return wall, total, wall - (total - float(first)) if first is not None else float("nan")


def ui_ready(env: dict[str, str], log: Path, timeout_s: float, serve: bool = False) -> float | None:
    script = ROOT / "ui.py"
    if not serve and not script.is_file():
        print("ui: ui.py not found -> NA")
        return None
    port = free_port()
    env = {**env, "ASSISTANT_UI_PORT": str(port)}
    command = [*assistant_cmd(), "serve"] if serve else [sys.executable, str(script)]
    url = f"http://127.0.0.1:{port}/v1/models" if serve else f"http://127.0.0.1:{port}/"
    with log.open("wb") as out:
        proc = subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        try:
            ms = wait_http(url, proc, timeout_s)
        finally:
            stop(proc)
    if ms is None:
        tail = log.read_text(errors="replace")[-1500:]
        what = "serve" if serve else "ui"
        print(f"{what}: not ready within {timeout_s:.0f} s or exited (code {proc.returncode}) -> NA\n{tail}")
    return ms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh `assistant ask` processes")
    parser.add_argument("--question", default=load_questions(limit=1)[0].question, help="question to ask")
    parser.add_argument("--ui-timeout", type=float, default=300, help="seconds to wait for the UI")
    parser.add_argument("--no-ui", action="store_true", help="skip the UI measurement (reports NA)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-coldstart-") as tmp:
        env = child_env(Path(tmp) / "store")
        print(f"index built by `assistant ingest` in {build_index(env):.0f} ms (not part of cold start)")
        walls, startups, firsts = [], [], []
        for run in range(1, args.runs + 1):
            wall, answer_ms, first_ms = ask_once(args.question, env)
            walls.append(wall)
            startups.append(wall - answer_ms)
            firsts.append(first_ms)
            print(
                f"ask run {run}: {first_ms:.0f} ms to the first token, {wall:.0f} ms to the answer "
                f"({answer_ms:.0f} ms answering, {wall - answer_ms:.0f} ms start-up and exit)",
                flush=True,
            )
        ui_ms = serve_ms = None
        if not args.no_ui:
            ui_ms = ui_ready(env, Path(tmp) / "ui.log", args.ui_timeout)
            if ui_ms is not None:
                print(f"ui: serving HTTP 200 after {ui_ms:.0f} ms")
            serve_ms = ui_ready(env, Path(tmp) / "serve.log", args.ui_timeout, serve=True)
            if serve_ms is not None:
                print(f"serve: GET /v1/models HTTP 200 after {serve_ms:.0f} ms")
    first_token = median(firsts)
    verdict = "met" if first_token <= FIRST_TOKEN_TARGET_MS else "missed"
    print(f"target ask_first_token_ms <= {FIRST_TOKEN_TARGET_MS}: {verdict} ({first_token:.0f} ms)")
    summary(
        runs=args.runs,
        ask_first_token_ms=first_token,
        ask_ms=median(walls),
        ask_first_ms=walls[0],
        ask_startup_ms=median(startups),
        ui_ready_ms=ui_ms,
        serve_ready_ms=serve_ms,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
