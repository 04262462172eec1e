"""Preflight: facts read from the laid-out pages and the written PDF, as findings."""
