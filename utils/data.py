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


def _check_text(path: Path, raw: bytes) -> None:
    """Refuse the ways a spreadsheet re-saves a CSV: UTF-16, a byte-order mark, latin-1, CRLF."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problem = (
            "the file is UTF-16 encoded (probably re-saved by a spreadsheet); it must be UTF-8"
        )
        raise _fail(path, problem)
    if raw.startswith(b"\xef\xbb\xbf"):
        raise _fail(path, "the file starts with a byte-order mark; it must be plain UTF-8")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise _fail(
            path,
            f"byte {err.start} is not valid UTF-8 (the file was probably re-saved as "
            "latin-1/Windows-1252)",
            line,
        ) from err
    if b"\r" in raw:
        raise _fail(path, "the file has Windows (CRLF) line endings; it must use \\n")
    if not raw.strip():
        raise _fail(path, "the file is empty")


def _check_header(path: Path, raw: bytes, names: list[str]) -> None:
    """The first line must list the schema's columns, in order."""
    header = next(csv.reader([raw.split(b"\n", 1)[0].decode("utf-8")]), [])
    if header == names:
        return
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


#: How a broken constraint is said: frictionless's name for it -> our words, with the limit.
_CONSTRAINTS = {
    "minimum": lambda c: f"below the minimum {c['minimum']}",
    "maximum": lambda c: f"above the maximum {c['maximum']}",
    "enum": lambda c: f"not one of the allowed values {c['enum']}",
    "pattern": lambda c: f"which does not match the pattern {c['pattern']!r}",
}


def _first_problem(path: Path, descriptor: dict) -> DataFileError | None:
    """Validate the file with frictionless and say what is wrong in its first bad row.

    Only a file that is not the published one gets here, so full validation is paid for
    only when something is already wrong. Returns None if the file meets its schema.
    """
    import frictionless  # only a damaged file needs it

    resource = {k: v for k, v in descriptor.items() if k not in ("hash", "bytes")}
    resource["path"] = path.name
    report = frictionless.validate(
        frictionless.Resource(resource, basepath=str(path.parent)), limit_errors=20
    )
    errors = [e for task in report.tasks for e in task.errors] + list(report.errors)
    if not errors:
        return None
    line = min(getattr(e, "row_number", None) or 1 for e in errors)
    row = [e for e in errors if (getattr(e, "row_number", None) or 1) == line]
    error = row[0]
    fields = descriptor["schema"]["fields"]
    if any(e.type in ("missing-cell", "extra-cell") for e in row):
        problem = f"the row has {len(error.cells)} fields, expected {len(fields)}"
        return _fail(path, problem + " (truncated or edited?)", line)
    if error.type == "primary-key":
        where = {f["name"]: i for i, f in enumerate(fields)}
        key = descriptor["schema"]["primaryKey"]
        values = ", ".join(f"{k}={error.cells[where[k]]}" for k in key)
        return _fail(path, f"duplicate primary key ({values})", line)
    name, cell = getattr(error, "field_name", ""), getattr(error, "cell", "")
    field = next((f for f in fields if f["name"] == name), {})
    if error.type == "type-error":
        problem = f"column '{name}' holds {cell!r}, which is not a valid {field.get('type')}"
        return _fail(path, problem, line)
    if error.type == "unique-error":
        return _fail(path, f"column '{name}' must be unique but repeats a value", line)
    if error.note.startswith('constraint "required"'):
        return _fail(path, f"required column '{name}' is empty", line)
    for rule, words in _CONSTRAINTS.items():
        if error.note.startswith(f'constraint "{rule}"'):
            problem = f"column '{name}' holds {cell!r}, {words(field['constraints'])}"
            return _fail(path, problem, line)
    return _fail(path, f"{error.title.lower()} ({error.message})", line)


def _typed(column: pd.Series, kind: str) -> pd.Series:
    """One column read as text, converted to its schema type (empty cells are missing)."""
    if kind == "integer":
        column = column.astype("Int64")
        return column if column.isna().any() else column.astype("int64")
    if kind == "number":
        return column.astype("float64")
    if kind == "boolean":
        column = column.map({"true": True, "false": False}).astype("boolean")
        return column if column.isna().any() else column.astype("bool")
    if kind == "date":
        return pd.to_datetime(column, format="%Y-%m-%d")
    return column


def _read_resource(folder: Path, descriptor: dict) -> pd.DataFrame:
    """Check the bytes, then read with pandas; only a damaged file goes to validation."""
    path = folder / descriptor["path"]
    if not path.is_file():
        raise _fail(path, "the file is missing")
    raw = path.read_bytes()
    _check_text(path, raw)
    fields = descriptor["schema"]["fields"]
    _check_header(path, raw, [f["name"] for f in fields])
    expected = str(descriptor.get("hash", ""))
    actual = "sha256:" + hashlib.sha256(raw).hexdigest()
    if actual != expected:
        problem = _first_problem(path, descriptor)
        if problem is not None:
            raise problem
        if expected:
            raise _fail(
                path,
                "the contents differ from the published version recorded in datapackage.json "
                f"(sha256 {actual[7:19]}... instead of {expected[7:19]}...): a value was "
                "edited or rows were lost",
            )
    frame = pd.read_csv(
        io.BytesIO(raw), dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8"
    )
    return pd.DataFrame({f["name"]: _typed(frame[f["name"]], f.get("type")) for f in fields})


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
