"""The curated CSVs are reproducible from the raw public inputs and hold the right numbers.

The raw inputs are committed in ``data/raw/`` (see its ``PROVENANCE.md``), so every test here
runs in a lone clone. Tables whose raw files may not be redistributed are kept as committed by
the build; :data:`KEPT_TABLES` lists them and the rebuild test checks that no other table is.

Hand-checked values come from reading the raw files directly (not from our builder), e.g. the
COW state-year file gives Russia's 2013 exports 527,266.364767 and imports 314,967.020644.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from utils import data
from utils.build_data import (
    DEFAULT_RAW,
    TABLE_MODULES,
    load_table_modules,
    missing_inputs,
    rebuild,
    sha256_hex,
)
from utils.build_data.common import format_number

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
RAW = REPO / "data" / "raw"
COW_DYADIC_NAME = "cow_trade_v4_dyadic_1992-2014_extract_russia365_china710.csv"

#: Tables built from files whose terms forbid redistribution (data/raw/PROVENANCE.md, "Not
#: redistributed"): the build keeps the committed CSV when those files are not in data/raw.
KEPT_TABLES = {
    "arms_deals", "arms_transfers_by_year", "china_crude_imports_2020_2024",
    "china_crude_imports_by_origin", "china_trade_with_russia", "gdp_milex",
    "power_of_siberia", "russia_energy_exports_2020", "russia_gas_to_europe",
}  # fmt: skip


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> tuple[Path, list[str]]:
    out = tmp_path_factory.mktemp("rebuilt")
    log: list[str] = []
    rebuild(RAW, out, log=log.append)
    return out, log


@pytest.fixture()
def trade() -> pd.DataFrame:
    return data.load("russia_trade_by_partner").set_index(["year", "partner"])


# ------------------------------------------------------------------ reproducibility
def test_rebuild_is_byte_identical_to_committed_files(rebuilt):
    out, _ = rebuilt
    built = sorted(p.name for p in out.iterdir())
    committed = sorted(p.name for p in DATA.iterdir() if p.suffix in (".csv", ".json"))
    assert built == committed
    for name in built:
        assert (out / name).read_bytes() == (DATA / name).read_bytes(), name


def test_only_tables_of_non_redistributable_files_are_kept(rebuilt):
    _, log = rebuilt
    kept = {m.split("data/", 1)[1].split(".csv", 1)[0] for m in log if m.startswith("kept data/")}
    assert kept == KEPT_TABLES
    modules = load_table_modules(TABLE_MODULES, log=lambda _msg: None)
    missing = missing_inputs(RAW, modules)
    assert set(missing) == KEPT_TABLES
    provenance = (RAW / "PROVENANCE.md").read_text(encoding="utf-8")
    not_here = provenance.split("## Not redistributed", 1)[1].split("\n## ", 1)[0]
    for name, files in missing.items():
        for relative in files:  # every missing file is one we decided not to redistribute
            assert f"`{relative}`" in not_here, (name, relative)


def test_default_raw_folder_is_the_committed_one():
    assert DEFAULT_RAW == RAW
    assert not any("shared" in part for part in DEFAULT_RAW.relative_to(REPO).parts)


def _provenance_table(heading: str) -> dict[str, str]:
    """``file -> sha256`` from the markdown table under ``heading`` in PROVENANCE.md."""
    text = (RAW / "PROVENANCE.md").read_text(encoding="utf-8")
    section = text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \| `([0-9a-f]{64})` \|", section, flags=re.M)
    assert rows, f"no table rows under '{heading}'"
    return dict(rows)


def test_every_raw_file_is_listed_with_its_sha256():
    listed = _provenance_table("Committed files")
    present = {
        p.relative_to(RAW).as_posix()
        for p in RAW.rglob("*")
        if p.is_file() and p.name != "PROVENANCE.md"
    }
    assert present == set(listed), (
        f"unlisted: {sorted(present - set(listed))}; listed but absent: "
        f"{sorted(set(listed) - present)}"
    )
    for relative, digest in listed.items():
        assert sha256_hex((RAW / relative).read_bytes()) == digest, relative


def test_files_left_out_are_not_in_data_raw():
    left_out = _provenance_table("Not redistributed")
    assert not set(left_out) & set(_provenance_table("Committed files"))
    for relative in left_out:
        assert not (RAW / relative).exists(), relative


def test_all_six_table_modules_exist():
    modules = load_table_modules(TABLE_MODULES, log=lambda _msg: None)
    assert sorted(modules) == sorted(TABLE_MODULES)


def test_format_number_is_fixed_and_free_of_float_noise():
    assert format_number(842233.385411, 3) == "842233.385"
    assert format_number(0.1 + 0.2, 3) == "0.3"
    assert format_number(5.0, 3) == "5"
    assert format_number(-0.0001, 3) == "0"
    assert format_number(float("nan"), 3) == ""


# ------------------------------------------------------------------ data package
def test_datapackage_hashes_match_every_file():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in package["resources"]]
    assert "russia_trade_by_partner" in names and "sources" in names
    for resource in package["resources"]:
        raw = (DATA / resource["path"]).read_bytes()
        assert resource["hash"] == f"sha256:{sha256_hex(raw)}", resource["path"]
        assert resource["bytes"] == len(raw)
        for key in ("title", "description", "format", "encoding", "schema", "licenses"):
            assert resource[key], (resource["name"], key)
        assert resource["schema"]["primaryKey"]


def test_datapackage_validates_with_frictionless_and_loads():
    """The committed package is valid as a whole (the loader only validates a damaged file)."""
    import frictionless

    report = frictionless.validate(str(DATA / "datapackage.json"))
    errors = [] if report.valid else report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.valid, errors[:10]
    for name in data.resources():  # hash-verified and typed
        assert len(data.load(name)) > 0


def test_every_source_id_is_registered():
    registered = set(data.sources()["source_id"])
    for name in data.resources():
        frame = data.load(name)
        if "source_id" in frame.columns:
            assert set(frame["source_id"].dropna()) <= registered, name


# ------------------------------------------------------------------ hand-checked numbers
def test_russia_world_total_2013_matches_provenance(trade):
    row = trade.loc[(2013, "WLD")]
    assert row["exports_usd_m"] == pytest.approx(527266.365, abs=1e-3)
    assert row["imports_usd_m"] == pytest.approx(314967.021, abs=1e-3)
    # PROVENANCE.md: Russia's 2013 total = 842,233 USD m (Russian customs: $842.2 bn).
    assert round(row["exports_usd_m"] + row["imports_usd_m"]) == 842233


def test_cow_direction_russia_china_2013(trade):
    # Raw dyad row "365,710,2013,53348.0,40668.0": flow1 = Russia's imports from China.
    row = trade.loc[(2013, "CHN")]
    assert row["imports_usd_m"] == 53348
    assert row["exports_usd_m"] == 40668


def test_cow_direction_for_partner_with_lower_code(trade):
    # Dyad rows have ccode1 < ccode2; for the USA (2) the row is "2,365,...", so flow1 = US
    # imports from Russia = Russia's exports, the opposite column from the China row.
    raw = pd.read_csv(RAW / "russia-trade" / COW_DYADIC_NAME)
    dyad = raw[(raw.ccode1 == 2) & (raw.ccode2 == 365) & (raw.year == 2013)].iloc[0]
    row = trade.loc[(2013, "USA")]
    assert row["exports_usd_m"] == dyad["flow1"]
    assert row["imports_usd_m"] == dyad["flow2"]


def test_china_2019_from_imf(trade):
    # Raw IMF rows RUS.XG_FOB_USD.CHN / RUS.MG_CIF_USD.CHN, column 2019.
    row = trade.loc[(2019, "CHN")]
    assert row["exports_usd_m"] == pytest.approx(54937.483432, abs=1e-3)
    assert row["imports_usd_m"] == pytest.approx(54066.431304, abs=1e-3)
    world = trade.loc[(2019, "WLD")]
    share = (row["exports_usd_m"] + row["imports_usd_m"]) / (
        world["exports_usd_m"] + world["imports_usd_m"]
    )
    assert share == pytest.approx(109003.914 / 662359.345, abs=1e-6)  # 16.46%


def test_2015_is_a_documented_gap_not_interpolated(trade):
    years = set(trade.index.get_level_values("year"))
    assert 2015 not in years
    assert set(range(1992, 2015)) | set(range(2016, 2025)) == years


def test_eu_is_eu27_every_year(trade):
    # EU27 without the UK: the EU row must not contain British trade.
    for year in (2013, 2019):
        eu = trade.loc[(year, "EU"), "exports_usd_m"]
        members = sum(trade.loc[(year, p), "exports_usd_m"] for p in ("DEU", "FRA", "ITA", "NLD"))
        assert eu > members
    # COW 2013: sum of the 27 members' recorded imports from Russia, checked by hand from the
    # raw dyad file (flow of each member code paired with 365).
    assert trade.loc[(2013, "EU"), "exports_usd_m"] == 246322


def test_imf_eu_aggregate_equals_sum_of_27_members():
    from utils.build_data.trade import imf_eu_aggregate_check

    check = imf_eu_aggregate_check(RAW)
    assert len(check) == 18  # 9 years x 2 flows
    # Recorded in data/README.md: max |relative difference| below 1e-12 (float rounding only),
    # so G998 is exactly the post-Brexit EU27.
    assert check["rel_diff"].abs().max() < 1e-12
    # ...and it is clearly not EU28: adding the UK would move 2019 exports by over 7%.
    trade = data.load("russia_trade_by_partner").set_index(["year", "partner"])
    uk = trade.loc[(2019, "GBR"), "exports_usd_m"] / trade.loc[(2019, "EU"), "exports_usd_m"]
    assert uk > 0.07


def test_china_table_uses_documented_bases():
    china = data.load("china_trade_with_russia").set_index(["year", "partner"])
    # 2019: China's exports to Russia = Russia-reported imports from China (IMF).
    assert china.loc[(2019, "RUS"), "exports_usd_m"] == pytest.approx(54066.431, abs=1e-3)
    assert china.loc[(2019, "RUS"), "imports_reported_by"] == "RUS"
    # 2019 China-reported totals from the Comtrade balance sheet (USD, not millions, in raw).
    assert china.loc[(2019, "WLD"), "exports_usd_m"] == pytest.approx(2499206.994, abs=1e-3)
    assert china.loc[(2019, "WLD"), "imports_usd_m"] == pytest.approx(2079285.499, abs=1e-3)
    # 2013: COW dyad 365-710, imports are China's own record (flow2).
    assert china.loc[(2013, "RUS"), "imports_usd_m"] == 40668
    assert china.loc[(2013, "RUS"), "imports_reported_by"] == "CHN"
    # 2015 exists here (Comtrade mirror), unlike in the Russia table.
    assert china.loc[(2015, "RUS"), "exports_usd_m"] == pytest.approx(35199.264, abs=1e-3)
    assert china.loc[(1999, "WLD"), "caveat"].startswith("COW China total")
    assert pd.isna(china.loc[(1998, "WLD"), "caveat"])


def test_gdp_milex_hand_checked():
    macro = data.load("gdp_milex").set_index(["year", "country", "indicator"])["value_usd_m"]
    assert macro[(2013, "RUS", "gdp")] == pytest.approx(2292470.078, abs=1e-3)
    assert macro[(2023, "CHN", "milex")] == pytest.approx(296438.564, abs=1e-3)
    assert pd.isna(macro[(1992, "RUS", "milex")])  # SIPRI cell holds 0: no estimate
    assert pd.isna(macro[(1992, "EU", "milex")])  # four members lack 1992 figures
    assert macro[(2023, "EU", "milex")] == pytest.approx(312828.160, abs=1e-3)


def test_readme_documents_every_table_and_column():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert f"`{resource['name']}" in readme, resource["name"]
        for field in resource["schema"]["fields"]:
            assert f"`{field['name']}`" in readme, (resource["name"], field["name"])
    assert "8.5 × 10⁻¹⁶" in readme  # the IMF EU check recorded above
