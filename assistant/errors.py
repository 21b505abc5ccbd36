"""The few errors the assistant raises; the CLI and UI turn them into one readable line."""


class AssistantError(Exception):
    """Base class: the message is meant for the user."""


class ConfigError(AssistantError):
    """A setting points at something missing or unusable."""


class IngestError(AssistantError):
    """The articles could not be read or indexed."""


class StoreBusyError(AssistantError):
    """Another process is writing to the same store."""


class ModelError(AssistantError):
    """The language model could not be loaded or did not answer."""


class QuestionError(AssistantError):
    """The question itself is unusable (empty, too long)."""
