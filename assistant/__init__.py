"""A chat assistant that answers questions about news articles and cites a verbatim span for every claim."""

__version__ = "0.1.0"
