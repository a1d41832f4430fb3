"""Command line: ``python -m utils.build_data --raw ../shared/reference-data [--out data]``.

Rebuilds every curated CSV, ``sources.csv`` and ``datapackage.json``. Running it twice gives
byte-identical files, which is what the rebuild test checks.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from utils.build_data import TABLE_MODULES, rebuild
from utils.build_data.common import DEFAULT_RAW_RELATIVE, REPO_ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m utils.build_data", description="Rebuild data/ from the raw reference data."
    )
    parser.add_argument(
        "--raw",
        type=Path,
        default=REPO_ROOT / DEFAULT_RAW_RELATIVE,
        help="folder of the shared reference data (contains PROVENANCE.md)",
    )
    parser.add_argument(
        "--out", type=Path, default=REPO_ROOT / "data", help="output folder (default: data/)"
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=TABLE_MODULES,
        default=list(TABLE_MODULES),
        help="build only these table modules (datapackage.json then lists only them)",
    )
    args = parser.parse_args(argv)
    if not args.raw.is_dir():
        parser.error(f"--raw {args.raw} is not a folder; point it at ../shared/reference-data")
    rebuild(args.raw, args.out, args.only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
