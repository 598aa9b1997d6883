"""Strict data models, one module per kind of data file."""
