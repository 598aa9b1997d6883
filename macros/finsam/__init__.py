"""finsam: the pure package behind the site of a Swedish samordningsförbund.

Flow (one direction): ``load`` (YAML with file and line kept) -> ``model``
(strict pydantic models) -> ``checks`` (named cross-checks over the whole data
set) -> ``compute`` (pure functions, Decimal money) -> ``render`` (Markdown
strings for the macros). Nothing in this package imports MkDocs; the MkDocs
adapter lives in ``macros/main.py`` and ``macros/hooks.py``.
"""
