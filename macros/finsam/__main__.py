"""Command line: ``python -m finsam validera [DATAKATALOG]``.

Validates the data as the build does (read, models, every check) and prints
each problem as ``fil:rad: fält: meddelande``. Exit code 0 when all is well,
1 when there are problems. Never a traceback for bad data.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .checks import CHECKS
from .dataset import load_dataset
from .problems import DataError, running_in_github_actions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m finsam", description="Kontrollera förbundets data.")
    sub = parser.add_subparsers(dest="kommando", required=True)
    validate = sub.add_parser("validera", help="läs och kontrollera alla datafiler")
    validate.add_argument("data", nargs="?", default="data", help="datakatalogen (standard: data)")
    sub.add_parser("kontroller", help="lista de namngivna kontrollerna")
    args = parser.parse_args(argv)

    if args.kommando == "kontroller":
        for c in CHECKS.values():
            print(f"{c.name}: {c.description}")
        return 0

    started = time.perf_counter()
    try:
        ds = load_dataset(Path(args.data))
    except DataError as err:
        print(err.report(github=running_in_github_actions()), file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    from .notices import report

    warnings = report(ds)
    if warnings:
        print(warnings, file=sys.stderr)
    print(
        f"Data i {args.data} är i ordning: {len(ds.documents())} filer, "
        f"{len(CHECKS)} kontroller ({elapsed:.2f} s)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
