"""Command line: ``python -m finsam validera [DATAKATALOG]``.

Validates the data as the build does (read, models, every check) and prints
each problem as ``fil:rad: fält: meddelande``. Exit code 0 when all is well,
1 when there are problems. Never a traceback for bad data.

Also: ``kontroller`` lists the named checks; ``scheman`` regenerates the JSON
Schemas in schemas/, .vscode/settings.json and the form editor's configuration
(run it after adding or changing a model or a help text); ``nytt-ar ÅÅÅÅ`` creates next year's data; ``nytt-ar-text ÅÅÅÅ utskrift`` writes the pull request text for it (.github/workflows/nytt-ar.yml)
files from this year's with the figures left to fill in.
"""

from __future__ import annotations

import gc
import sys

if __name__ == "__main__":
    # A command that runs once: while it imports pydantic and builds the ~85 model classes,
    # the cyclic garbage collector would walk the new objects again and again and find
    # nothing to free (about 5 % of validating). Collected again, without those, below.
    gc.disable()
    # The regular expressions every import compiles, made from what an earlier run
    # kept (finsam/regexcache.py): before anything compiles one.
    from finsam import regexcache

    regexcache.install()
    # The methods dataclasses and the annotations typing compile from text, kept
    # between runs like bytecode (finsam/codecache.py): before anything makes them.
    from finsam import codecache

    codecache.install()

import time
from pathlib import Path

from .checks import CHECKS
from .dataset import load_dataset
from .problems import DataError, display_path, printable, running_in_github_actions
from .settings import build_date, data_dir


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if _plain_validate(argv):
        return _validate(argv[1] if len(argv) == 2 else None)
    return _command(_parser().parse_args(argv))


def _plain_validate(argv: list[str]) -> bool:
    """``validera [DATAKATALOG]``, the command staff run most, is read without argparse
    (importing it and building the parser is about 3 % of validating); anything else,
    an option or ``-h`` included, goes to the parser."""
    return argv[:1] == ["validera"] and len(argv) <= 2 and not any(a.startswith("-") for a in argv[1:])


def _parser():
    import argparse

    parser = argparse.ArgumentParser(prog="python -m finsam", description="Kontrollera förbundets data.")
    sub = parser.add_subparsers(dest="kommando", required=True)
    validate = sub.add_parser("validera", help="läs och kontrollera alla datafiler")
    validate.add_argument("data", nargs="?", default=None, help="datakatalogen (standard: FINSAM_DATA eller data)")
    sub.add_parser("kontroller", help="lista de namngivna kontrollerna")
    schemas = sub.add_parser("scheman", help="skriv om JSON-scheman, VS Code-inställningarna och formulärredigerarens inställningar")
    schemas.add_argument("data", nargs="?", default="data", help="datakatalogen (standard: data)")
    schemas.add_argument("--kontrollera", action="store_true", help="ändra inget; fel om något är inaktuellt")
    new_year = sub.add_parser("nytt-ar", help="skapa nästa års datafiler från årets")
    new_year.add_argument("ar", type=int, help="det nya året, t.ex. 2025")
    new_year.add_argument("data", nargs="?", default="data", help="datakatalogen (standard: data)")
    new_year.add_argument(
        "--bara", nargs="+", metavar="MAPP", help="skapa bara filer i dessa mappar, t.ex. --bara budget verksamhetsplan"
    )
    body = sub.add_parser(
        "nytt-ar-text", help="texten till ändringsförslaget för ett nytt år (arbetsflödet Starta ett nytt år)"
    )
    body.add_argument("ar", type=int, help="det nya året")
    body.add_argument("utskrift", help="filen med det make nytt-ar skrev ut")
    body.add_argument("data", nargs="?", default="data", help="datakatalogen (standard: data)")
    return parser


def _command(args) -> int:
    if args.kommando == "scheman":
        return _schemas(Path(args.data), args.kontrollera)
    if args.kommando == "nytt-ar":
        return _new_year(Path(args.data), args.ar, set(args.bara) if args.bara else None)

    if args.kommando == "nytt-ar-text":
        return _new_year_text(Path(args.data), args.ar, Path(args.utskrift))

    if args.kommando == "kontroller":
        for c in CHECKS.values():
            print(f"{c.name}: {c.description}")
        return 0
    return _validate(args.data)


def _validate(data_arg: str | None) -> int:
    started = time.perf_counter()
    try:
        data = Path(data_arg) if data_arg else data_dir(Path.cwd())
        build_date()  # FINSAM_IDAG, as the build would read it
        from .nyheter import post_problems

        from .sidor import own_pages_dir

        posts = post_problems(own_pages_dir(data))  # the news posts (data/sidor/aktuellt/posts), as the build reads them
        try:
            ds = load_dataset(data)
        except DataError as err:
            raise DataError(err.problems + posts) from None
        if posts:
            raise DataError(posts)
    except DataError as err:
        from .summary import write_step_summary

        print(err.report(github=running_in_github_actions()), file=sys.stderr)
        write_step_summary(err.problems)  # every problem, in Swedish, on the run's page
        return 1
    elapsed = time.perf_counter() - started
    from .notices import report
    from .summary import write_step_summary

    write_step_summary([])

    warnings = report(ds)
    if warnings:
        print(warnings, file=sys.stderr)
    print(
        f"Data i {printable(display_path(data))} är i ordning: {len(ds.documents())} filer, "
        f"{len(CHECKS)} kontroller ({elapsed:.2f} s)."
    )
    return 0


def _schemas(data: Path, check_only: bool) -> int:
    from .schemas import remove_schema_lines, stale_schemas, stale_settings, write_schemas, write_settings

    project = Path.cwd()
    if check_only:
        stale = stale_schemas(project) + stale_settings(project)
        for name in stale:
            print(f"{name}: inaktuell; kör make schemas", file=sys.stderr)
        return 1 if stale else 0
    changed = write_schemas(project) + write_settings(project) + remove_schema_lines(data)
    for path in changed:
        print(f"uppdaterad: {display_path(path)}")
    print(f"Scheman och inställningar är aktuella ({len(changed)} filer ändrade).")
    return 0


def _new_year_text(data: Path, year: int, printed: Path) -> int:
    """Print the new year's pull request text: what `make nytt-ar` created and every
    problem validation finds now (the values to fill in, grouped by file)."""
    from .summary import new_year_body

    try:
        load_dataset(data)
        problems = []
    except DataError as err:
        problems = err.problems
    print(new_year_body(year, printed.read_text(encoding="utf-8").splitlines(), problems))
    return 0


def _new_year(data: Path, year: int, only: set[str] | None = None) -> int:
    from .newyear import MARK_COMMENT, start_year

    results = start_year(data, year, only)
    if not results:
        print(f"Inga årsfiler före {year} hittades i {data}; inget skapades.", file=sys.stderr)
        return 1
    for r in results:
        if r.created:
            print(
                f"skapad: {display_path(r.target)} (från {r.source.name}; "
                f"{r.marks} värden att fylla i, där det står '{MARK_COMMENT}')"
            )
        else:
            print(f"hoppade över: {display_path(r.target)} {r.reason}")
    print("Fyll i de markerade värdena. Kör make validate: den visar vad som återstår.")
    return 0


if __name__ == "__main__":
    gc.freeze()  # what the imports made stays: the collector looks only at what comes after
    gc.enable()
    exit_code = main()
    codecache.save()
    regexcache.save()
    from finsam import yamlcache

    yamlcache.save()
    sys.exit(exit_code)
