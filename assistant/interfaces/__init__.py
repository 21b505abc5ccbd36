"""Interfaces: the command line, the browser chat, the OpenAI-compatible API and exports."""
