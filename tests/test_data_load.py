"""utils.data.load refuses damaged files with one clear DataFileError and caches good ones.

Every damage test works on a copy of data/ in tmp_path, so the committed files are never touched.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from utils import data
from utils.build_data import write_all
from utils.data import DataFileError

DATA = Path(__file__).resolve().parents[1] / "data"
TABLE = "russia_trade_by_partner"
CSV = f"{TABLE}.csv"


@pytest.fixture()
def copy_dir(tmp_path) -> Path:
    """A private copy of data/ that the loader is pointed at for the duration of a test."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    data.set_data_dir(target)
    yield target
    data.set_data_dir(None)


def _assert_fails(match: str, name: str = TABLE, filename: str = CSV) -> DataFileError:
    with pytest.raises(DataFileError, match=match) as info:
        data.load(name)
    message = str(info.value)
    assert filename in message
    assert "git checkout data/" in message and "python -m utils.build_data" in message
    return info.value


# ------------------------------------------------------------------ good files
def test_load_types_and_shape():
    trade = data.load(TABLE)
    assert list(trade.columns) == ["year", "partner", "exports_usd_m", "imports_usd_m", "source_id"]
    assert trade["year"].dtype == "int64"
    assert trade["exports_usd_m"].dtype == "float64"
    assert len(trade) == 511  # 31 years x 16 partners, minus KAZ 2024 (no IMF value)
    assert not trade.duplicated(["year", "partner"]).any()


def test_load_returns_copies_from_the_cache():
    first = data.load(TABLE)
    first.loc[0, "exports_usd_m"] = -1.0
    second = data.load(TABLE)
    assert second.loc[0, "exports_usd_m"] != -1.0
    assert second is not data.load(TABLE)


def test_missing_numbers_stay_missing_not_zero():
    macro = data.load("gdp_milex")
    assert macro["value_usd_m"].isna().sum() >= 2
    assert (macro["value_usd_m"].dropna() > 0).all()


def test_resources_lists_every_table():
    names = data.resources()
    for name in ("russia_trade_by_partner", "china_trade_with_russia", "gdp_milex", "sources"):
        assert name in names


def test_source_line_builds_a_footer_and_rejects_unknown_ids():
    line = data.source_line("imf_imts_2025", "cow_trade_v4", "imf_imts_2025")
    assert line == "Source: IMF, IMTS (2025); COW Trade v4.0 (2016)."
    with pytest.raises(ValueError, match="no_such_source"):
        data.source_line("no_such_source")
    with pytest.raises(ValueError):
        data.source_line()


def test_unknown_table_name_is_a_value_error_listing_choices():
    with pytest.raises(ValueError, match="russia_trade_by_partner"):
        data.load("russia_trade")
    with pytest.raises(TypeError):
        data.load(42)


def test_cache_notices_a_changed_file(copy_dir):
    assert len(data.load(TABLE)) == 511
    path = copy_dir / CSV
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")  # drop the last row
    _assert_fails("contents differ")


# ------------------------------------------------------------------ damaged files
def test_missing_file(copy_dir):
    (copy_dir / CSV).unlink()
    _assert_fails("missing")


def test_missing_datapackage(copy_dir):
    (copy_dir / "datapackage.json").unlink()
    with pytest.raises(DataFileError, match="datapackage.json"):
        data.load(TABLE)


def test_truncated_mid_row(copy_dir):
    path = copy_dir / CSV
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])  # cuts a row in half
    error = _assert_fails("line")
    assert "fields" in str(error) or "contents differ" in str(error)


def test_reencoded_utf16(copy_dir):
    path = copy_dir / CSV
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    _assert_fails("UTF-16")


def test_crlf_line_endings(copy_dir):
    path = copy_dir / CSV
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    _assert_fails("CRLF")


def test_reencoded_latin1(tmp_path):
    """A file with non-ASCII text re-saved as latin-1 is rejected with the line number.

    The committed tables are ASCII (latin-1 re-encoding leaves them unchanged, so they remain
    valid), so this builds a one-table package with a real name spelled by SIPRI.
    """
    resource = {
        "title": "t",
        "description": "d",
        "schema": {
            "fields": [
                {"name": "country", "type": "string", "constraints": {"required": True}},
                {"name": "source_id", "type": "string"},
            ],
            "primaryKey": ["country"],
        },
    }
    sources = pd.DataFrame(
        [["s", "SIPRI", "Milex", "https://www.sipri.org", "2024", "SIPRI terms", "c", "SIPRI"]],
        columns=[
            "source_id", "publisher", "title", "url", "version_or_access_date", "licence",
            "citation", "short_citation",
        ],
    )  # fmt: skip
    frame = pd.DataFrame({"country": ["China", "Türkiye"], "source_id": ["s", "s"]})
    write_all(tmp_path, {"names": frame}, {"names": resource}, sources, log=lambda _m: None)
    assert data.load("names", data_dir=tmp_path)["country"].tolist() == ["China", "Türkiye"]
    path = tmp_path / "names.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    with pytest.raises(DataFileError, match=r"names\.csv, line 3: .*latin-1"):
        data.load("names", data_dir=tmp_path)


def test_hand_edited_number(copy_dir):
    path = copy_dir / CSV
    text = path.read_text(encoding="utf-8")
    assert "2013,WLD,527266.365," in text
    path.write_text(text.replace("2013,WLD,527266.365,", "2013,WLD,527266.366,"), "utf-8")
    _assert_fails("contents differ from the published version")


def test_hand_edited_text_in_number_column(copy_dir):
    path = copy_dir / CSV
    lines = path.read_text(encoding="utf-8").split("\n")
    year, partner, _exports, imports, source = lines[5].split(",")
    lines[5] = ",".join([year, partner, "n/a", imports, source])
    path.write_text("\n".join(lines), encoding="utf-8")
    _assert_fails(r"line 6: column 'exports_usd_m' holds 'n/a', which is not a valid number")


def test_value_outside_enum_or_minimum(copy_dir):
    path = copy_dir / CSV
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("2013,WLD,527266.365,", "2013,WLD,-5,", 1), "utf-8")
    _assert_fails("below the minimum 0")
    path.write_text(text.replace("2013,WLD,", "2013,World,", 1), "utf-8")
    _assert_fails("not one of the allowed values")


def test_missing_column(copy_dir):
    path = copy_dir / CSV
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.drop(columns=["imports_usd_m"]).to_csv(path, index=False, lineterminator="\n")
    _assert_fails(r"line 1: missing column\(s\) \['imports_usd_m'\]")


def test_duplicate_key(copy_dir):
    path = copy_dir / CSV
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(3, lines[2])  # repeat the second data row right after itself
    path.write_text("".join(lines), encoding="utf-8")
    _assert_fails(r"line 4: duplicate primary key \(year=1992, partner=CHN\)")


def test_empty_required_cell(copy_dir):
    path = copy_dir / CSV
    lines = path.read_text(encoding="utf-8").split("\n")
    fields = lines[1].split(",")
    lines[1] = ",".join(["", *fields[1:]])
    path.write_text("\n".join(lines), encoding="utf-8")
    _assert_fails("line 2: required column 'year' is empty")


def test_never_returns_half_loaded_frame_after_an_error(copy_dir):
    good = data.load(TABLE)
    path = copy_dir / CSV
    path.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(DataFileError):
        data.load(TABLE)
    path.write_bytes((DATA / CSV).read_bytes())  # restore: loads fully again
    pd.testing.assert_frame_equal(data.load(TABLE), good)


# ------------------------------------------------------------------ validation on failure only
def test_published_file_is_read_without_validation(copy_dir, monkeypatch):
    """A file whose hash matches is read by pandas alone: frictionless is never asked."""
    import frictionless

    def refuse(*_args, **_kwargs):
        raise AssertionError("a published file must not be validated row by row")

    monkeypatch.setattr(frictionless, "validate", refuse)
    assert len(data.load(TABLE)) == 511


def _replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("table", "old", "new", "match"),
    [
        ("arms_deals", "RUS-CHN-1992-01,Russia,China,1992,", "RUS-CHN-1992-01,Russia,China,2024,",
         r"line 2: column 'order_year' holds '2024', above the maximum 2023"),
        ("arms_deals", "RUS-CHN-1992-02,", "RUS-CHN-1992-01,",
         r"line 3: column 'deal_id' must be unique but repeats a value"),
        ("russia_china_trade_2022_2025", "\n2022,china_exports", "\n2022-Q1,china_exports",
         r"line 2: column 'period' holds '2022-Q1', which does not match the pattern"),
        (TABLE, "\n1992,CHN,", "\n1992,CHN,1,",
         r"line 3: the row has 6 fields, expected 5 \(truncated or edited\?\)"),
    ],
)  # fmt: skip
def test_validation_names_the_row_and_the_rule(copy_dir, table, old, new, match):
    _replace_in(copy_dir / f"{table}.csv", old, new)
    _assert_fails(match, name=table, filename=f"{table}.csv")
