"""The source documents that the data is transcribed from (data/kallor.yaml)."""

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
    # A web page's address (without https://), for sources that are stored copies
    # of public pages; their copy date is unknown, so ``datum`` is null.
    adress: Text | None = None


class Kallor(Model):
    kallor: list[Kalla]
