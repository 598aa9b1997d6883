"""Numbers in the checks' messages, in Swedish (render.format, Babel).

Imported lazily: validating data that has no problems formats no number, so
``python -m finsam validera`` does not import the renderers and Babel (issue 15).
"""

from __future__ import annotations


def number(value, decimals: int | None = None) -> str:
    from ..render.format import number as swedish

    return swedish(value, decimals)
