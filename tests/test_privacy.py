"""Nothing leaves the machine in the default configuration.

Each check runs in a fresh interpreter whose environment holds none of the switches (HF_HUB_OFFLINE,
ANONYMIZED_TELEMETRY, GRADIO_ANALYTICS_ENABLED, ...) that the test session sets for itself: what is
checked is what the product sets, not what the tests did.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from assistant.settings import PROJECT_ROOT

from .conftest import ARTICLES

# Only what an interpreter needs to start and find the code; no *_OFFLINE, telemetry or analytics switches.
_PASS = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")
_GUARD = """
import socket
attempts = []
_connect = socket.socket.connect

def guarded(sock, address):
    host = address[0] if isinstance(address, tuple) else str(address)
    if sock.family in (socket.AF_INET, socket.AF_INET6) and not (
        host.startswith("127.") or host in ("::1", "localhost")
    ):
        attempts.append(repr(address))
        raise OSError(f"blocked non-loopback connection to {address}")
    return _connect(sock, address)

socket.socket.connect = guarded
socket.socket.connect_ex = lambda sock, address: guarded(sock, address) or 0
"""


def run_clean(code: str, tmp_path: Path, **env: str) -> dict:
    """Run `code` (which prints one JSON line last) in a clean environment; return that object."""
    clean = {k: v for k, v in os.environ.items() if k in _PASS}
    clean |= {"PYTHONPATH": str(PROJECT_ROOT), "ASSISTANT_STORE_DIR": str(tmp_path / "store"), **env}
    script = _GUARD + textwrap.dedent(code)
    done = subprocess.run(
        [sys.executable, "-c", script], env=clean, cwd=tmp_path, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_full_ask_sends_nothing_off_the_machine(tmp_path: Path):
    """Default configuration, from loading the models to the answer: only loopback connections."""
    got = run_clean(
        """
        import json, os
        from assistant.app import App
        from assistant.ingestion.index import make_chroma_client
        from assistant.settings import Settings

        app = App(Settings())
        app.ingest()
        answer = app.assistant.ask(
            "Which member of the Taliban negotiating team said the United States had violated the agreement?"
        )
        import huggingface_hub.constants as hub

        print(json.dumps({
            "attempts": attempts,
            "refused": answer.refused,
            "hub_offline": hub.HF_HUB_OFFLINE,
            "chroma_telemetry": make_chroma_client(Settings()).get_settings().anonymized_telemetry,
        }))
        """,
        tmp_path,
        ASSISTANT_ARTICLES_DIR=str(ARTICLES),
    )
    assert got == {"attempts": [], "refused": False, "hub_offline": True, "chroma_telemetry": False}


def test_the_browser_chat_turns_gradio_analytics_off(tmp_path: Path):
    got = run_clean(
        """
        import json
        from assistant.app import App
        from assistant.interfaces.webui import build


        class NoModel:  # the page is only built, never asked
            name = "none"


        build(App(llm=NoModel()))
        import gradio.analytics

        print(json.dumps({"attempts": attempts, "analytics": gradio.analytics.analytics_enabled()}))
        """,
        tmp_path,
    )
    assert got == {"attempts": [], "analytics": False}
