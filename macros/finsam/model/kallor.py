"""The source documents that the data is transcribed from (data/kallor.yaml)."""

from __future__ import annotations

import datetime as dt

from .base import Model, Slug, Text


class Kalla(Model):
    id: Slug
    titel: Text
    typ: Text
    datum: dt.date | None
    utfardare: Text
    beskrivning: Text
    fil: Text | None = None


class Kallor(Model):
    kallor: list[Kalla]
