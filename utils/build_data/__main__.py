"""Command line: ``python -m utils.build_data [--raw data/raw] [--out data]``.

Rebuilds every curated CSV, ``sources.csv`` and ``datapackage.json`` from the raw public
inputs (by default the committed ``data/raw/``). Tables whose raw files may not be
redistributed (see ``data/raw/PROVENANCE.md``) are kept as committed unless ``--raw`` points at
a folder that holds those files too. Running it twice gives byte-identical files, which is what
the rebuild test checks.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from utils.build_data import DEFAULT_RAW, TABLE_MODULES, rebuild
from utils.build_data.common import REPO_ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m utils.build_data", description="Rebuild data/ from the raw public inputs."
    )
    parser.add_argument(
        "--raw",
        type=Path,
        default=DEFAULT_RAW,
        help="folder of raw inputs with PROVENANCE.md (default: data/raw)",
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
        parser.error(f"--raw {args.raw} is not a folder; the default is data/raw")
    rebuild(args.raw, args.out, args.only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
