"""The Kontakt page, the footer's förbund line and the accessibility feedback route.

All three come from one view object (compute/kontakt.py: ``KontaktView``) and
autoescaping templates in templates/kontakt/.
"""

from __future__ import annotations

from markupsafe import Markup

from ..compute.kontakt import kontakt_view
from . import Context, macro
from .templating import render_template


def _view(ctx: Context):
    return kontakt_view(ctx.ds, ctx.today)


@macro
def kontakt_kansli(ctx: Context) -> str:
    """The kansli's details, or the latest contact the sources give, with its date."""
    return render_template("kontakt/kansli.html", v=_view(ctx))


@macro
def kontakt_personer(ctx: Context) -> str:
    """The people to contact, each with role, work e-mail and the source's date."""
    return render_template("kontakt/personer.html", v=_view(ctx))


@macro
def tillganglighet_kontakt(ctx: Context) -> str:
    """How to report a gap or ask for content in another form (a real address)."""
    k = ctx.ds.webbplats.model.tillganglighet.kontakt
    return render_template(
        "kontakt/synpunkter.html",
        v=_view(ctx),
        formular=k.formular,
        annan_vag=k.annan_vag,
        svarstid=k.svarstid,
    )


def sidfot(ctx: Context) -> Markup:
    """The förbund's name and seat for the footer (escaped; the theme does not autoescape)."""
    return render_template("kontakt/sidfot.html", v=_view(ctx))
