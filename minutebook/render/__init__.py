"""The render stage: the archive model → view models → HTML pages in memory."""
