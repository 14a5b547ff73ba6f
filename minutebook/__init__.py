"""Minutebook: council committee minutes as a cross-linked, searchable static archive."""

__version__ = "0.1.0"
