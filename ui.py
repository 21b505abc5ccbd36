"""Serve the browser chat: `python ui.py [--host H] [--port P]` (same as `assistant ui` / `assistant serve`)."""

import sys

from assistant.interfaces.cli import main

if __name__ == "__main__":
    sys.exit(main(["ui", *sys.argv[1:]]))
