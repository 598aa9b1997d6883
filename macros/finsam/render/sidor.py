"""Links to the förbund's own pages (data/sidor/, see finsam.sidor)."""

from __future__ import annotations

from .. import urls
from ..sidor import section_pages
from . import Context, macro, text


def _item(from_page: str, page) -> str:
    about = f": {text.inline(page.description)}." if page.description else ""
    return f"- [{text.inline(page.title)}]({urls.relative(from_page, page.path)}){about}"


@macro
def egna_sidor(ctx: Context, section_index: str) -> str:
    """'Läs också' with the förbund's own pages in this section; nothing when it has none."""
    pages = section_pages(ctx.ds.root, section_index)
    if not pages:
        return ""
    return "\n".join(["Läs också:", "", *(_item(section_index, p) for p in pages)])
