"""Shared helpers for the table builders in :mod:`utils.build_data`.

Why this module exists: every table module reads raw files from the raw-data folder
(``data/raw/`` by default, see ``data/raw/PROVENANCE.md``) and must hand back frames that can
be written *byte-identically* on every rebuild.
Keeping the reading, rounding and writing rules in one place means a table module only has
to express *what* it extracts, never *how* numbers are formatted on disk.

Formatting rules (documented in ``data/README.md``):

* UTF-8, ``\\n`` line endings, no index, header row first.
* ``number`` fields are rounded to :data:`DEFAULT_DECIMALS` decimals (3: thousands of a
  USD million, i.e. USD 1,000) unless the resource entry in ``RESOURCES`` carries an optional
  ``"decimals"`` key (an int for all number fields or a ``{field: int}`` dict). Trailing
  zeros are stripped so ``842233.000`` is written ``842233``.
* ``integer`` fields are written without a decimal point; ``boolean`` as ``true``/``false``.
* Missing values are empty cells, never ``0``.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

#: Decimals kept for ``number`` fields unless a resource says otherwise.
DEFAULT_DECIMALS = 3

#: Folder of the committed raw public inputs, relative to the repository root.
DEFAULT_RAW_RELATIVE = Path("data") / "raw"

#: Repository root (the folder that holds ``utils/`` and ``data/``).
REPO_ROOT = Path(__file__).resolve().parents[2]

#: Fix-it hint repeated in every data error so students know how to recover.
REBUILD_HINT = "restore it with `git checkout data/` or rebuild with `python -m utils.build_data`"

#: EU27 as of 1 February 2020 (after the United Kingdom left), as ISO3 codes. The IMF
#: aggregate ``G998 European Union (EU)`` uses the same membership.
EU27_ISO3: tuple[str, ...] = (
    "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
    "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP",
    "SWE",
)  # fmt: skip


class RawDataError(FileNotFoundError):
    """A raw input file is missing or does not look like the documented extract."""


def raw_path(raw: Path, relative: str) -> Path:
    """Return ``raw / relative`` after checking that the file exists.

    Failing early with the full path is kinder than a pandas traceback deep inside a builder.
    """
    path = Path(raw) / relative
    if not path.is_file():
        raise RawDataError(
            f"raw file not found: {path}. The default raw folder is data/raw/; pass another "
            f"folder with `--raw` (it should contain PROVENANCE.md)."
        )
    return path


def read_raw_csv(raw: Path, relative: str, **kwargs) -> pd.DataFrame:
    """Read a raw CSV (UTF-8, with or without BOM) from the raw-data folder."""
    kwargs.setdefault("encoding", "utf-8-sig")
    return pd.read_csv(raw_path(raw, relative), **kwargs)


def require_columns(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    """Raise :class:`RawDataError` if ``frame`` lacks any of ``columns``."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise RawDataError(f"{what}: expected columns {missing} are missing")


def decimals_for(resource: dict, field: str) -> int:
    """Number of decimals used when writing ``field`` of ``resource``."""
    spec = resource.get("decimals", DEFAULT_DECIMALS)
    if isinstance(spec, dict):
        return int(spec.get(field, DEFAULT_DECIMALS))
    return int(spec)


def format_number(value: object, decimals: int) -> str:
    """Format a float with fixed rounding and no trailing zeros; missing -> ``""``.

    ``f"{x:.3f}"`` rounds half-to-even on the binary value, which is deterministic across
    platforms; stripping zeros keeps the files small and readable.
    """
    if value is None or value is pd.NA:
        return ""
    number = float(value)
    if math.isnan(number):
        return ""
    if math.isinf(number):
        raise ValueError(f"cannot write an infinite value ({value!r}) to a CSV")
    text = f"{number:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text


def format_integer(value: object) -> str:
    """Format an integer-valued cell; missing -> ``""``; refuses non-integral floats."""
    if value is None or value is pd.NA:
        return ""
    number = float(value)
    if math.isnan(number):
        return ""
    if number != int(number):
        raise ValueError(f"integer field holds a non-integral value {value!r}")
    return str(int(number))


def format_cell(value: object, field_type: str, decimals: int) -> str:
    """Format one cell according to its Frictionless field type."""
    if field_type == "number":
        return format_number(value, decimals)
    if field_type == "integer":
        return format_integer(value)
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if field_type == "boolean":
        return "true" if bool(value) else "false"
    if field_type == "date" and hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    return str(value)


def frame_to_csv_text(frame: pd.DataFrame, resource: dict) -> str:
    """Render ``frame`` as CSV text following ``resource['schema']`` (see module docstring)."""
    fields = resource["schema"]["fields"]
    names = [f["name"] for f in fields]
    if list(frame.columns) != names:
        raise ValueError(f"columns {list(frame.columns)} differ from the schema {names}")
    columns = []
    for field in fields:
        kind = field.get("type", "string")
        places = decimals_for(resource, field["name"])
        columns.append([format_cell(v, kind, places) for v in frame[field["name"]].tolist()])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(names)
    writer.writerows(zip(*columns, strict=True))
    return buffer.getvalue()


def write_text(path: Path, text: str) -> bytes:
    """Write ``text`` as UTF-8 with ``\\n`` newlines and return the bytes written."""
    data = text.encode("utf-8")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_bytes(data)
    return data


def to_float(values: pd.Series) -> pd.Series:
    """Parse a column of raw numbers (strings, blanks, SIPRI '...' / 'xxx') to float64.

    Any text that is not a number becomes missing (NaN), never 0.
    """
    return pd.to_numeric(values, errors="coerce").astype("float64")
