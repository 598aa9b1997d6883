"""Start-up of a ProperDocs process: mkdocs-macros' ``requests`` is imported when used.

Python imports a module named ``sitecustomize`` from its path as it starts. This one is
found when macros/ is on PYTHONPATH, as `make`, CI (.github/workflows) and the
benchmark run the site's builds; elsewhere it is absent and nothing changes.

mkdocs-macros imports ``requests`` (and with it urllib3, charset_normalizer, idna,
certifi, http.cookiejar: about 0.04 s of CPU and 170 M instructions, 2.3 % of a
build) when ProperDocs loads the plugin, before any hook of ours can run, for one
function, ``is_on_pypi``, which it calls only when a pluglet named in its ``modules:``
setting is not installed. This site names none, so the import is wasted work in every
build. In a ProperDocs (or MkDocs) process, ``requests`` is here a stand-in module:
the first use of any of its attributes imports the real package, puts it in its place
in ``sys.modules`` and answers from it, so code that does use it behaves as before.
Every other process (tests, ``python -m finsam``, pip) is left alone. The site is the
same byte for byte either way; ``FINSAM_DEFER_IMPORTS=0`` switches this off.
"""


# Only what Python has loaded at start-up anyway: every process on this PYTHONPATH
# (``python -m finsam validera`` too) imports this module.
import os
import sys

# Imported by a plugin at load time but used, if ever, later.
DEFERRED = ("requests",)
_PROGRAMS = ("properdocs", "mkdocs")


def is_site_tool(orig_argv: list[str]) -> bool:
    """True for ``properdocs …``, ``mkdocs …`` and ``python -m properdocs …`` (or mkdocs),
    interpreter options (``-X importtime``, ``-O``, …) allowed before them."""
    args = list(orig_argv[1:])
    while args:
        arg = args.pop(0)
        if arg in ("-X", "-W", "--check-hash-based-pycs"):
            args = args[1:]  # an option and its value
        elif arg == "-m":
            return bool(args) and args[0] in _PROGRAMS
        elif arg == "-c" or arg == "-":
            return False
        elif not arg.startswith("-"):
            program = os.path.basename(arg)
            if program == "__main__.py":
                program = os.path.basename(os.path.dirname(arg))
            return program.removesuffix(".exe") in _PROGRAMS
    return False


class Deferred(type(sys)):  # a module type
    """A stand-in for the module of its name, replaced by the real one on first use."""

    def __getattr__(self, attr: str):
        # Called only for attributes the stand-in lacks: everything but its name and
        # its (None) spec, which lets `import requests` succeed without loading it.
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        import importlib

        return getattr(importlib.import_module(self.__name__), attr)


def defer(names=DEFERRED) -> None:
    for name in names:
        if name not in sys.modules:
            sys.modules[name] = Deferred(name)


if os.environ.get("FINSAM_DEFER_IMPORTS", "1") != "0" and is_site_tool(list(getattr(sys, "orig_argv", []))):
    defer()
