"""The build cache: results of one build that the next can reuse (see store.py)."""
