"""Evaluation: `assistant eval`, its metrics and its reports."""
