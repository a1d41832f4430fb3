"""Damaged data files, for every table in data/datapackage.json: one clear error, nothing cached.

tests/test_data_load.py checks each kind of damage in depth on one table. This module repeats
the five faults a classroom actually produces -- a missing file, a file cut in half, a file
re-saved as UTF-16 by a spreadsheet, a hand-edited value and a deleted column -- on *every*
resource, parametrized from the descriptor so a new table is covered without editing this
file. Each fault must give exactly one ``DataFileError`` that names the file and says how to
restore it; afterwards a repaired file must load again (a failed load caches nothing), and no
widget may draw from a table that failed to load.

All damage is done to a copy of data/ in tmp_path; the committed files are never touched.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

from utils import data
from utils.data import DataFileError

DATA = Path(__file__).resolve().parents[1] / "data"
PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
DESCRIPTORS = {resource["name"]: resource for resource in PACKAGE["resources"]}
RESOURCES = sorted(DESCRIPTORS)
RESTORE_HINT = "git checkout data/"


# ----------------------------------------------------------------------------- helpers
@pytest.fixture()
def copy_dir(tmp_path):
    """A private copy of data/ that every loader reads for the duration of one test."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    data.set_data_dir(target)
    yield target
    data.set_data_dir(None)


def _csv_line(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    return out.getvalue()[:-1]


def _edited_cell(field: dict, cell: str) -> str | None:
    """``cell`` changed in its last character so that the schema still accepts it, or None.

    The edit keeps the length (so the file size does not change) and stays within the
    field's type, minimum and maximum: only the published hash can tell that it was edited,
    exactly as when a student "corrects" a number by hand.
    """
    if not cell:
        return None
    constraints = field.get("constraints", {})
    if constraints.get("unique") or "enum" in constraints or "pattern" in constraints:
        return None
    kind = field.get("type", "string")
    low = constraints.get("minimum", -float("inf"))
    high = constraints.get("maximum", float("inf"))
    if kind in ("integer", "number"):
        if not cell[-1].isdigit():
            return None
        for digit in ("1", "2"):
            edited = cell[:-1] + digit
            if edited != cell and low <= float(edited) <= high:
                return edited
        return None
    if kind == "string" and cell[-1].isalnum():
        return cell[:-1] + ("x" if cell[-1] != "x" else "y")
    return None


def hand_edit(path: Path, descriptor: dict) -> str:
    """Change one value in place, keeping the file valid for the schema; return what changed.

    Numbers are preferred (the typical hand correction), then free text. Key columns are
    left alone, so the edit cannot be caught as a duplicate key.
    """
    fields = descriptor["schema"]["fields"]
    key = set(descriptor["schema"].get("primaryKey", []))
    order = sorted(
        (i for i, f in enumerate(fields) if f["name"] not in key),
        key=lambda i: fields[i].get("type") not in ("number", "integer"),
    )
    lines = path.read_text(encoding="utf-8").split("\n")
    for index in order:
        for number, line in enumerate(lines[1:], start=1):
            if not line:
                continue
            cells = next(csv.reader([line]))
            if len(cells) != len(fields) or _csv_line(cells) != line:
                continue  # quoted oddly or spans lines: rewriting it would change more
            edited = _edited_cell(fields[index], cells[index])
            if edited is None or edited == cells[index]:
                continue
            before = cells[index]
            cells[index] = edited
            lines[number] = _csv_line(cells)
            assert len(lines[number]) == len(line)
            path.write_text("\n".join(lines), encoding="utf-8")
            return f"line {number + 1}, {fields[index]['name']}: {before!r} -> {edited!r}"
    raise AssertionError(f"no editable value found in {path.name}")


def remove_column(path: Path, descriptor: dict) -> str:
    """Delete the middle column of the file (header and every row); return its name."""
    names = [f["name"] for f in descriptor["schema"]["fields"]]
    drop = len(names) // 2
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(
        [cell for i, cell in enumerate(row) if i != drop] for row in rows
    )
    path.write_text(out.getvalue(), encoding="utf-8")
    return names[drop]


def damage(kind: str, path: Path, descriptor: dict) -> str:
    """Apply one fault to ``path``; return a regex the error message must match."""
    if kind == "missing":
        path.unlink()
        return "the file is missing"
    if kind == "truncated":
        raw = path.read_bytes()
        path.write_bytes(raw[: len(raw) // 2])
        return "."  # where a half file breaks depends on the table; any clear error will do
    if kind == "utf16":
        path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
        return "UTF-16"
    if kind == "hand_edited":
        hand_edit(path, descriptor)
        return "contents differ from the published version"
    if kind == "column_removed":
        column = remove_column(path, descriptor)
        return rf"line 1: missing column\(s\) \['{column}'\]"
    raise AssertionError(kind)


FAULTS = ("missing", "truncated", "utf16", "hand_edited", "column_removed")


def assert_one_clear_error(name: str, filename: str, match: str) -> DataFileError:
    """Loading ``name`` raises one DataFileError naming ``filename`` and the restore command."""
    with pytest.raises(DataFileError, match=match) as info:
        data.load(name)
    error = info.value
    message = str(error)
    assert filename in message, message
    assert message.count(RESTORE_HINT) == 1, message
    chained, seen = error.__cause__ or error.__context__, 0
    while chained is not None and seen < 10:  # one error, not an error wrapped in another
        assert not isinstance(chained, DataFileError), f"nested DataFileError: {chained}"
        chained, seen = chained.__cause__ or chained.__context__, seen + 1
    with pytest.raises(DataFileError) as again:  # the failure is not cached as a success
        data.load(name)
    assert str(again.value) == message
    return error


# ----------------------------------------------------------------------------- every table
def test_every_resource_is_listed_and_loads():
    """The parametrization below covers exactly the tables the loader knows."""
    assert RESOURCES == data.resources()
    assert len(RESOURCES) >= 13
    for name in RESOURCES:
        assert DESCRIPTORS[name]["path"] == f"{name}.csv"
        assert len(data.load(name)) > 0


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("name", RESOURCES)
def test_fault_gives_one_clear_error_and_nothing_is_cached(copy_dir, name, fault):
    pristine = data.load(name, data_dir=DATA)
    data.load(name)  # warm the cache with the good copy first: damage must still be seen
    filename = DESCRIPTORS[name]["path"]
    path = copy_dir / filename
    match = damage(fault, path, DESCRIPTORS[name])
    assert_one_clear_error(name, filename, match)

    # Repair the file. Where the damage kept the size (hand edit), give the repaired file the
    # damaged file's mtime as well, so its cache key is identical to the failed load's: if
    # the failure had cached anything, this load would return it.
    stamp = path.stat().st_mtime_ns if path.exists() else None
    shutil.copyfile(DATA / filename, path)
    if stamp is not None and fault == "hand_edited":
        os.utime(path, ns=(stamp, stamp))
    pd.testing.assert_frame_equal(data.load(name), pristine)


def test_hand_edit_changes_one_value_only(copy_dir):
    """The hand-edit helper really makes a one-value, same-length change (checked on a table
    whose numbers are known: the first value it touches is exports in the first data row)."""
    path = copy_dir / "russia_trade_by_partner.csv"
    before = path.read_bytes()
    change = hand_edit(path, DESCRIPTORS["russia_trade_by_partner"])
    after = path.read_bytes()
    assert len(after) == len(before)
    assert sum(a != b for a, b in zip(before, after, strict=True)) == 1
    assert change.startswith("line 2, exports_usd_m:")
    assert data.load("russia_trade_by_partner", data_dir=DATA).loc[0, "year"] == 1992


# ----------------------------------------------------------------------------- descriptor
@pytest.mark.parametrize("fault", ["truncated", "utf16", "not_json"])
def test_damaged_descriptor_gives_one_clear_error(copy_dir, fault):
    path = copy_dir / "datapackage.json"
    raw = path.read_bytes()
    if fault == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif fault == "utf16":
        path.write_bytes(raw.decode("utf-8").encode("utf-16"))
    else:
        path.write_text("name,path\nsources,sources.csv\n", encoding="utf-8")
    for name in ("russia_trade_by_partner", "sources"):
        with pytest.raises(DataFileError, match="datapackage.json") as info:
            data.load(name)
        assert str(info.value).count(RESTORE_HINT) == 1
    with pytest.raises(DataFileError, match="datapackage.json"):
        data.resources()
    path.write_bytes(raw)  # repaired: everything loads again (the failure was not cached)
    assert data.resources() == RESOURCES
    assert len(data.load("sources")) == len(data.load("sources", data_dir=DATA))


def test_descriptor_hash_edited_for_one_table_blocks_only_that_table(copy_dir):
    path = copy_dir / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    (target,) = [r for r in package["resources"] if r["name"] == "power_of_siberia"]
    target["hash"] = "sha256:" + "0" * 64
    path.write_text(json.dumps(package, indent=2), encoding="utf-8")
    assert_one_clear_error("power_of_siberia", "power_of_siberia.csv", "contents differ")
    assert len(data.load("gdp_milex")) == len(data.load("gdp_milex", data_dir=DATA))


# ----------------------------------------------------------------------------- widgets
def _clear_function_caches() -> None:
    """Forget results memoised with functools.lru_cache anywhere in utils.

    Lesson modules memoise tables derived from the data; cleared, they must go back to
    ``data.load`` and meet the damaged files instead of answering from memory.
    """
    for module_name, module in list(sys.modules.items()):
        if module is None or not (module_name == "utils" or module_name.startswith("utils.")):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and hasattr(value, "cache_info"):
                clear()


def _widget_keys() -> list[tuple[str, str]]:
    """Registered widgets; if discovery itself fails, one key that reports why."""
    try:
        from utils.live import discover_widgets

        return discover_widgets()
    except Exception as error:  # noqa: BLE001 - reported by the test below, not hidden
        return [("discover_widgets failed", f"{type(error).__name__}: {error}")]


@pytest.mark.parametrize("key", _widget_keys(), ids="/".join)
def test_widget_never_draws_from_a_table_that_failed_to_load(copy_dir, monkeypatch, key):
    """Every table is cut in half; a widget either needs no table or stops with the load error.

    Failures are recorded where they happen (inside the loader), so a widget that caught a
    DataFileError and drew a chart anyway would be caught here.
    """
    from utils.live import REGISTRY

    assert key in REGISTRY, key
    for descriptor in DESCRIPTORS.values():
        path = copy_dir / descriptor["path"]
        raw = path.read_bytes()
        path.write_bytes(raw[: len(raw) // 2])
    failures: list[DataFileError] = []
    real_read = data._read_resource

    def recording_read(folder, descriptor):
        try:
            return real_read(folder, descriptor)
        except DataFileError as error:
            failures.append(error)
            raise

    monkeypatch.setattr(data, "_read_resource", recording_read)
    _clear_function_caches()
    try:
        try:
            view = REGISTRY[key]()
        except DataFileError as error:  # the cell shows this error, with the restore hint
            assert failures and RESTORE_HINT in str(error)
            return
        if failures:  # the first update met the error: a message, and no picture at all
            assert view.output.outputs == (), "a chart was drawn although a table failed"
            assert RESTORE_HINT in view.message and "role='alert'" in view.note.value
        else:  # a widget that needs no data file (a model with presets)
            assert view.description
    finally:
        data.set_data_dir(None)
        _clear_function_caches()
