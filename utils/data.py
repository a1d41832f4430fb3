"""Load the curated tables in ``data/`` safely: typed, hash-verified and cached.

Why so strict: notebooks are used by students who may open a CSV in a spreadsheet and save it
back (changing the encoding or a value), or who may have an incomplete checkout. A chart drawn
from a silently damaged file is worse than no chart, so :func:`load` either returns the whole,
verified table or raises one :class:`DataFileError` that says which file, which row, what is
wrong and how to fix it. Frames are cached (widgets call ``load`` on every redraw) and copies
are returned so a caller cannot change the cached original.

Public API: :func:`load`, :func:`resources`, :func:`sources`, :func:`source_line`,
:func:`set_data_dir`, :func:`current_data_dir`, :class:`DataFileError`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
from pathlib import Path

import pandas as pd

#: Default folder of the curated data: ``<repo>/data``.
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[1] / "data"

REBUILD_HINT = "restore it with `git checkout data/` or rebuild with `python -m utils.build_data`"

_data_dir_override: Path | None = None
_cache: dict[tuple, pd.DataFrame] = {}
_package_cache: dict[tuple, dict] = {}


class DataFileError(ValueError):
    """A curated data file is missing, damaged or does not match ``datapackage.json``."""


def set_data_dir(path: str | Path | None) -> None:
    """Point every loader at another data folder (tests use a temporary copy); None resets."""
    global _data_dir_override
    _data_dir_override = None if path is None else Path(path)
    clear_cache()


def clear_cache() -> None:
    """Forget cached frames (normally unnecessary: the cache key includes mtime and size)."""
    _cache.clear()
    _package_cache.clear()


def current_data_dir(override: str | Path | None = None) -> Path:
    """The folder in use: the argument, else :func:`set_data_dir`'s value, else ``data/``."""
    if override is not None:
        return Path(override)
    return _data_dir_override if _data_dir_override is not None else DEFAULT_DATA_DIR


def _fail(path: Path, problem: str, line: int | None = None) -> DataFileError:
    where = f"{path.name}" + (f", line {line}" if line is not None else "")
    return DataFileError(f"{where}: {problem} ({path}). To fix it, {REBUILD_HINT}.")


def _stat_key(path: Path) -> tuple:
    stat = path.stat()
    return (str(path.resolve()), stat.st_mtime_ns, stat.st_size)


def _package(folder: Path) -> dict:
    path = folder / "datapackage.json"
    if not path.is_file():
        raise _fail(path, "the data package descriptor is missing")
    key = _stat_key(path)
    if key not in _package_cache:
        try:
            package = json.loads(path.read_text(encoding="utf-8"))
            resources = {r["name"]: r for r in package["resources"]}
        except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as err:
            raise _fail(path, f"the descriptor cannot be read ({err})") from err
        _package_cache[key] = resources
    return _package_cache[key]


def resources(data_dir: str | Path | None = None) -> list[str]:
    """Names of all tables listed in ``datapackage.json`` (sorted), including ``sources``."""
    return sorted(_package(current_data_dir(data_dir)))


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problem = (
            "the file is UTF-16 encoded (probably re-saved by a spreadsheet); it must be UTF-8"
        )
        raise _fail(path, problem)
    if raw.startswith(b"\xef\xbb\xbf"):
        raise _fail(path, "the file starts with a byte-order mark; it must be plain UTF-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise _fail(
            path,
            f"byte {err.start} is not valid UTF-8 (the file was probably re-saved as "
            "latin-1/Windows-1252)",
            line,
        ) from err


def _parse_column(path: Path, field: dict, cells: list[str], lines: list[int]) -> pd.Series:
    """Convert one column of text cells to its schema type, naming the first bad row."""
    name, kind = field["name"], field.get("type", "string")
    constraints = field.get("constraints", {})
    values: list = []
    for index, cell in enumerate(cells):
        line = lines[index]
        if cell == "":
            if constraints.get("required"):
                raise _fail(path, f"required column '{name}' is empty", line)
            values.append(None)
            continue
        try:
            if kind == "integer":
                value = int(cell)
            elif kind == "number":
                value = float(cell)
                if not math.isfinite(value):
                    raise ValueError(cell)
            elif kind == "boolean":
                if cell not in ("true", "false"):
                    raise ValueError(cell)
                value = cell == "true"
            elif kind == "date":
                value = pd.Timestamp(pd.to_datetime(cell, format="%Y-%m-%d"))
            else:
                value = cell
        except (ValueError, TypeError):
            problem = f"column '{name}' holds {cell!r}, which is not a valid {kind}"
            raise _fail(path, problem, line) from None
        problem = None
        if "pattern" in constraints and not re.fullmatch(constraints["pattern"], str(cell)):
            problem = f"which does not match the pattern {constraints['pattern']!r}"
        elif "enum" in constraints and value not in constraints["enum"]:
            problem = f"not one of the allowed values {constraints['enum']}"
        elif "minimum" in constraints and value < constraints["minimum"]:
            problem = f"below the minimum {constraints['minimum']}"
        elif "maximum" in constraints and value > constraints["maximum"]:
            problem = f"above the maximum {constraints['maximum']}"
        if problem:
            raise _fail(path, f"column '{name}' holds {cell!r}, {problem}", line)
        values.append(value)
    missing = any(v is None for v in values)
    if kind == "integer":
        return pd.Series(values, dtype="Int64" if missing else "int64", name=name)
    if kind == "number":
        return pd.Series([math.nan if v is None else v for v in values], dtype="float64", name=name)
    if kind == "boolean":
        return pd.Series(values, dtype="boolean" if missing else "bool", name=name)
    if kind == "date":
        return pd.Series(pd.to_datetime(values), name=name)
    # object dtype in pandas 2.2, the new "str" dtype in pandas 3 (missing cells are NaN)
    return pd.Series(values, dtype=object, name=name).infer_objects()


def _read_resource(folder: Path, descriptor: dict) -> pd.DataFrame:
    path = folder / descriptor["path"]
    if not path.is_file():
        raise _fail(path, "the file is missing")
    raw = path.read_bytes()
    text = _decode(path, raw)
    if "\r" in text:
        raise _fail(path, "the file has Windows (CRLF) line endings; it must use \\n")
    schema = descriptor["schema"]
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    rows: list[list[str]] = []
    line_numbers: list[int] = []  # file line on which each record ends (1 = header)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            rows.append(row)
            line_numbers.append(reader.line_num)
    except csv.Error as err:
        raise _fail(path, f"the CSV cannot be parsed ({err})", reader.line_num) from err
    if not rows:
        raise _fail(path, "the file is empty")
    header = rows[0]
    if header != names:
        missing = [n for n in names if n not in header]
        extra = [n for n in header if n not in names]
        detail = []
        if missing:
            detail.append(f"missing column(s) {missing}")
        if extra:
            detail.append(f"unexpected column(s) {extra}")
        if not detail:
            detail.append(f"columns are in the wrong order {header}")
        raise _fail(path, "; ".join(detail) + f"; expected {names}", 1)
    body = rows[1:]
    for index, row in enumerate(body):
        if len(row) != len(names):
            problem = f"the row has {len(row)} fields, expected {len(names)} (truncated or edited?)"
            raise _fail(path, problem, line_numbers[index + 1])
    columns = list(zip(*body, strict=True)) if body else [() for _ in names]
    frame = pd.DataFrame(
        {
            f["name"]: _parse_column(path, f, list(c), line_numbers[1:])
            for f, c in zip(fields, columns, strict=True)
        }
    )
    for field in fields:
        if field.get("constraints", {}).get("unique"):
            repeated = frame[field["name"]].dropna().duplicated()
            if repeated.any():
                index = int(repeated[repeated].index[0])
                problem = f"column '{field['name']}' must be unique but repeats a value"
                raise _fail(path, problem, line_numbers[index + 1])
    key = schema.get("primaryKey", [])
    if key:
        duplicated = frame.duplicated(subset=key, keep="first")
        if duplicated.any():
            index = int(duplicated.to_numpy().nonzero()[0][0])
            values = ", ".join(f"{k}={frame.iloc[index][k]}" for k in key)
            raise _fail(path, f"duplicate primary key ({values})", line_numbers[index + 1])
    expected_hash = str(descriptor.get("hash", ""))
    actual = "sha256:" + hashlib.sha256(raw).hexdigest()
    if expected_hash and actual != expected_hash:
        raise _fail(
            path,
            "the contents differ from the published version recorded in datapackage.json "
            f"(sha256 {actual[7:19]}... instead of {expected_hash[7:19]}...): a value was "
            "edited or rows were lost",
        )
    return frame


def load(name: str, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return table ``name`` (e.g. ``"russia_trade_by_partner"``) as a typed DataFrame.

    Columns follow the schema in ``datapackage.json``: ``integer`` -> int64 (Int64 when a cell
    is empty), ``number`` -> float64 (NaN for empty cells), ``string`` -> object, ``date`` ->
    datetime64, ``boolean`` -> bool. Raises :class:`DataFileError` if the file is missing,
    re-encoded, edited, truncated or breaks its schema, and ``ValueError`` for an unknown name.
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, got {type(name).__name__} {name!r}")
    folder = current_data_dir(data_dir)
    package = _package(folder)
    if name not in package:
        raise ValueError(
            f"name={name!r} is not a table in {folder}; choose one of {sorted(package)}"
        )
    descriptor = package[name]
    path = folder / descriptor["path"]
    if not path.is_file():
        raise _fail(path, "the file is missing")
    key = (name, *_stat_key(path), _stat_key(folder / "datapackage.json"))
    if key not in _cache:
        _cache[key] = _read_resource(folder, descriptor)
    return _cache[key].copy()


def sources(data_dir: str | Path | None = None) -> pd.DataFrame:
    """The source register (``sources.csv``): one row per ``source_id``."""
    return load("sources", data_dir=data_dir)


def source_line(*source_ids: str, data_dir: str | Path | None = None) -> str:
    """A chart footer such as ``"Source: IMF, IMTS (2025); COW Trade v4.0 (2016)."``.

    Ids are de-duplicated keeping their order; an unknown id raises ``ValueError``.
    """
    if not source_ids:
        raise ValueError("source_line needs at least one source_id")
    register = sources(data_dir=data_dir).set_index("source_id")["short_citation"]
    labels: list[str] = []
    for source_id in source_ids:
        if source_id not in register.index:
            raise ValueError(
                f"source_id={source_id!r} is not in sources.csv; "
                f"known ids: {sorted(register.index)}"
            )
        label = str(register[source_id])
        if label not in labels:
            labels.append(label)
    return "Source: " + "; ".join(labels) + "."
