"""Serve the browser chat: `python ui.py [--host H] [--port P] [--share]` (same as `assistant ui`)."""

import sys

from assistant.interfaces.webui import main

if __name__ == "__main__":
    sys.exit(main())
