"""Verification: the judge and its rules, the short answer's checks, the claim pairs of `assistant check`."""
