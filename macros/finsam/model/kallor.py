"""The source documents that the data is transcribed from (data/kallor.yaml)."""

from __future__ import annotations

import datetime as dt

from .base import FileName, Model, Slug, Text


class Kalla(Model):
    id: Slug
    titel: Text
    typ: Text
    datum: dt.date | None
    utfardare: Text
    beskrivning: Text
    fil: FileName | None = None


class Kallor(Model):
    kallor: list[Kalla]
