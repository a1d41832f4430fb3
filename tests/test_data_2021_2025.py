"""The 2020-2025 tables (lesson 11) hold the published numbers, on bases that are kept apart.

Expected values come from the raw files' documentation (data/raw/PROVENANCE.md and the
reference data's notes, which quote the sums of the raw monthly rows) or from the pages cited
in the compiled lists. Tables whose raw files may not be redistributed are checked in their
committed form; the rebuild test ties them to the build.
"""

from __future__ import annotations

import pandas as pd
import pytest

from utils import data
from utils.build_data import DEFAULT_RAW, energy, events, trade


# ------------------------------------------------------------------ China's crude, 2020-2024
@pytest.fixture(scope="module")
def crude() -> pd.DataFrame:
    return data.load("china_crude_imports_2020_2024")


def test_crude_2020_2024_matches_china_customs_totals(crude):
    kt = crude.set_index(["year", "origin"])["crude_kt"]
    # Sums of the monthly UN Comtrade rows (China as reporter), in Mt: Russia 86.24 / 107.02 /
    # 108.47 (2022-2024), Saudi Arabia 87.49 / 85.96 / 78.64, Malaysia 70.16 in 2024; world
    # 564.0 in 2023. China customs published the same annual totals.
    expected = {(2022, "RUS"): 86.24, (2023, "RUS"): 107.02, (2024, "RUS"): 108.47,
                (2022, "SAU"): 87.49, (2023, "SAU"): 85.96, (2024, "SAU"): 78.64,
                (2024, "MYS"): 70.16, (2023, "WLD"): 564.0}  # fmt: skip
    for key, mt in expected.items():
        assert kt[key] / 1000 == pytest.approx(mt, abs=0.006), key
    assert sorted(crude["year"].unique()) == [2020, 2021, 2022, 2023, 2024]


def test_crude_2020_2024_world_is_the_sum_of_origins_and_usa_2020_is_there(crude):
    origins = crude[crude["origin"] != "WLD"].groupby("year")["crude_kt"].sum()
    world = crude[crude["origin"] == "WLD"].set_index("year")["crude_kt"]
    assert (origins - world).abs().max() < 0.01
    usa = crude.set_index(["year", "origin"]).loc[(2020, "USA")]
    # the row the Wind table used to drop: 19.76 Mt from 9 reported months
    assert usa["crude_kt"] == pytest.approx(19756.3, abs=0.05)
    assert usa["months_reported"] == 9
    assert "CHN" not in set(crude["origin"])  # re-imports are not an origin


def test_wind_and_comtrade_agree_for_the_main_2020_suppliers(crude):
    wind = data.load("china_crude_imports_by_origin").set_index(["year", "origin"])["crude_kt"]
    comtrade = crude.set_index(["year", "origin"])["crude_kt"]
    for origin in ("RUS", "SAU", "IRQ", "USA"):
        assert comtrade[(2020, origin)] == pytest.approx(wind[(2020, origin)], rel=0.01), origin


# ------------------------------------------------------------------ Power of Siberia
@pytest.fixture(scope="module")
def pos() -> pd.Series:
    return data.load("power_of_siberia").set_index(["year", "basis"])["volume_bcm"]


def test_gazprom_series_2020_2025(pos):
    # TASS 2025-12-05 (https://tass.com/economy/2054559) and 2026-01-13 (2070655)
    series = {2020: 4.1, 2021: 10.39, 2022: 15.4, 2023: 22.73, 2024: 31.12, 2025: 38.8}
    for year, bcm in series.items():
        assert pos[(year, "gazprom_reported")] == bcm
    assert (2019, "gazprom_reported") not in pos.index  # no 2019 volume was found


def test_energy_institute_series_2019_2023(pos):
    # EI Statistical Review 2024, 'Gas - Trade movements', China pipeline imports from Russia
    series = {2019: 0.284, 2020: 3.88, 2021: 7.585, 2022: 14.669, 2023: 21.294}
    for year, bcm in series.items():
        assert pos[(year, "ei_statistical_review")] == pytest.approx(bcm, abs=0.0005)


def test_power_of_siberia_bases_stay_apart(pos):
    assert not pos.index.duplicated().any()  # one figure per year and basis
    assert set(pos.index.get_level_values("basis")) == set(energy.POS_BASES)
    # 2021 shows why: Gazprom 10.39 bcm, EI 7.585, China customs 10.25
    assert pos[(2021, "gazprom_reported")] - pos[(2021, "ei_statistical_review")] > 2.5


# ------------------------------------------------------------------ Russian gas to Europe
@pytest.fixture(scope="module")
def gas() -> pd.DataFrame:
    return data.load("russia_gas_to_europe")


def test_border_point_sums_match_the_iea_workbook(gas):
    # Annual sums of the IEA Gas Trade Flows workbook (May 2025), mcm -> bcm, as checked in
    # the reference data's notes for 2019-2024.
    points = gas.set_index(["border_point", "year"])["volume_bcm"]
    expected = {
        "Nord Stream": (56.687, 57.378, 55.354, 28.816, 0, 0),
        "Velke Kapusany": (56.064, 34.849, 27.490, 16.116, 12.407, 14.312),
        "Kondratki": (34.425, 35.919, 31.699, 5.259, 0, 0),
        "Kiyikoy": (0, 7.487, 9.970, 8.640, 8.604, 8.937),
        "Samsun": (10.876, 8.602, 16.371, 12.742, 11.948, 12.138),
    }
    for point, values in expected.items():
        for year, bcm in zip(range(2019, 2025), values, strict=True):
            assert points[(point, year)] == pytest.approx(bcm, abs=0.001), (point, year)


def test_gas_routes_years_and_2025_partial_year(gas):
    assert gas["year"].min() == 2009 and gas["year"].max() == 2025
    assert set(gas.loc[gas["year"] == 2025, "months"]) == {5}
    ukraine_2025 = gas[(gas["route"] == "Ukraine transit") & (gas["year"] == 2025)]
    assert ukraine_2025["volume_bcm"].sum() == 0  # transit ended on 1 January 2025
    assert set(gas["route"]) == set(energy.GTF_ROUTES.values())
    assert not gas.loc[gas["entry_country"] == "Republic of Türkiye", "eu_entry"].any()
    assert gas.loc[gas["border_point"] == "Nord Stream", "eu_entry"].all()
    # Nord Stream came on stream in November 2011
    first = gas[(gas["border_point"] == "Nord Stream") & (gas["volume_bcm"] > 0)]["year"].min()
    assert first == 2011


# ------------------------------------------------------------------ Russia-China trade
@pytest.fixture(scope="module")
def trade_2022() -> pd.DataFrame:
    return data.load("russia_china_trade_2022_2025")


def _value(frame, period, metric, basis, unit="usd_bn"):
    hit = frame[(frame["period"] == period) & (frame["metric"] == metric)
                & (frame["basis"] == basis) & (frame["unit"] == unit)]  # fmt: skip
    assert len(hit) == 1, (period, metric, basis, unit)
    return hit.iloc[0]


def test_china_customs_turnover_2022_2025(trade_2022):
    turnover = {"2022": 190.271, "2023": 240.11, "2024": 244.81, "2025": 228.105}
    for period, usd_bn in turnover.items():
        assert _value(trade_2022, period, "turnover", "china_customs")["value"] == usd_bn
    assert _value(trade_2022, "2025", "turnover", "china_customs")["yoy_change_pct"] == -6.9
    assert _value(trade_2022, "2024", "turnover", "china_customs", "cny_trn")["value"] == 1.74
    split = {"china_imports_from_russia": 129.32, "china_exports_to_russia": 115.49}
    for metric, usd_bn in split.items():
        assert _value(trade_2022, "2024", metric, "china_customs")["value"] == usd_bn
    h1 = _value(trade_2022, "2025-H1", "china_exports_to_russia", "china_customs")
    assert h1["value"] == 47.16
    only_change = _value(trade_2022, "2025", "china_exports_to_russia", "china_customs",
                         "not_stated")  # fmt: skip
    assert pd.isna(only_change["value"]) and only_change["yoy_change_pct"] == -9.9


def test_imf_rows_equal_russia_trade_by_partner_and_are_labelled(trade_2022):
    russia = data.load("russia_trade_by_partner").set_index(["year", "partner"])
    for year in (2022, 2023, 2024):
        row = russia.loc[(year, "CHN")]
        got = _value(trade_2022, str(year), "china_exports_to_russia", "imf_russia_reported")
        assert got["value"] == pytest.approx(row["imports_usd_m"] / 1000, abs=0.0005)
        got = _value(trade_2022, str(year), "china_imports_from_russia", "imf_russia_reported")
        assert got["value"] == pytest.approx(row["exports_usd_m"] / 1000, abs=0.0005)
    # 2024 (PROVENANCE): Russia's imports from China 124,272 and exports 112,059 USD m
    assert _value(trade_2022, "2024", "china_exports_to_russia",
                  "imf_russia_reported")["value"] == pytest.approx(124.272)  # fmt: skip
    # the bases differ, which is why they are never mixed silently
    gacc = _value(trade_2022, "2024", "turnover", "china_customs")["value"]
    imf = _value(trade_2022, "2024", "turnover", "imf_russia_reported")["value"]
    assert gacc - imf == pytest.approx(8.479, abs=0.001)
    assert set(trade_2022["basis"]) == {"china_customs", "imf_russia_reported"}
    assert trade_2022["source_url"].str.match(r"https?://").all()


def test_trade_metric_labels_cover_the_compiled_file():
    compiled = pd.read_csv(DEFAULT_RAW / trade.GACC_COMPILED, dtype=str, keep_default_na=False)
    assert len(compiled) == 14
    labels = {m.removesuffix(" (yuan)").removesuffix(" (change only)") for m in compiled["metric"]}
    assert labels == set(trade.GACC_METRICS)


# ------------------------------------------------------------------ exercises and events
@pytest.fixture(scope="module")
def exercises() -> pd.DataFrame:
    return data.load("joint_exercises").set_index("exercise_id")


def test_exercises_up_to_the_article_date_count_live_exercises_only(exercises):
    before = exercises[exercises["start_date"] <= events.ARTICLE_DATE]
    live = before[(before["type"] == "exercise") & (before["mode"] == "live")]
    assert len(before) == 26 and len(live) == 23
    simulated = exercises[exercises["mode"] == "computer-simulated"]
    assert set(simulated.index) == {"2016_aerospace_security", "2017_aerospace_security"}
    assert (simulated["type"] == "exercise").all()


def test_corrected_exercise_rows(exercises):
    # Joint Sea-2017, phase 2: sea phase 22-26 September (TASS, 18 Sep 2017; SCMP)
    assert exercises.loc["2017_joint_sea_2", "end_date"] == "2017-09-26"
    assert exercises.loc["2017_joint_sea_2", "source_url"] == "http://tass.com/defense/966110"
    # Joint Sea-2015 (I): no single place is named, so no placeholder coordinate
    assert pd.isna(exercises.loc["2015_joint_sea_1", "lat"])
    assert pd.isna(exercises.loc["2015_joint_sea_1", "lon"])
    for row in ("2017_joint_sea_2", "2019_joint_sea", "2025_submarine_patrol_1"):
        assert exercises.loc[row, "source_id"] == events.WEB_SOURCE, row


def test_no_exercise_or_event_cites_an_aggregator_or_defunct_site():
    banned = ("lakecountystar", "baonghean", "mia.mk", "wantchinatimes", "devdiscourse",
              "yinlong168", "theepochtimes")  # fmt: skip
    urls = list(data.load("joint_exercises")["source_url"]) + list(
        data.load("timeline")["source_url"]
    )
    assert not [u for u in urls if any(b in u for b in banned)]


def test_exercises_2019_2025(exercises):
    years = exercises["year"]
    assert years.max() == 2025
    for row in ("2019_mosi", "2023_mosi_2", "2024_joint_sea", "2024_ocean",
                "2024_northern_interaction", "2025_joint_sea", "2025_submarine_patrol_1",
                "2025_air_patrol_10", "2024_naval_patrol_5"):  # fmt: skip
        assert row in exercises.index, row
    assert exercises.loc["2019_mosi", "start_date"] == "2019-11-25"
    assert exercises.loc["2024_joint_sea", "region"] == "South China Sea"
    naval = exercises[(exercises["type"] == "naval patrol") & exercises["name"].str.contains(
        "naval patrol")]  # fmt: skip
    assert len(naval) == 6  # China's count: the 1st (2021) to the 6th (2025)
    assert exercises["source_url"].str.match(r"https?://").all()


def test_corrections_file_is_complete_and_sourced():
    corrections = events.read_corrections()
    assert "2017|Joint Sea-2017 (phase 2)" in corrections
    for fixes in corrections.values():
        for fix in fixes:
            assert fix["source_url"].startswith("http"), fix
            assert fix["old"] != fix["new"], fix


def test_timeline_2021_2025_and_espo_discount():
    tl = data.load("timeline").set_index("event_id")
    expected = {
        "2021-06-28_treaty_extension": "diplomacy",
        "2022-02-04_no_limits_statement": "diplomacy",
        "2023-03-20_xi_state_visit_moscow": "diplomacy",
        "2023-12-22_us_eo_14114": "sanctions",
        "2024-05-16_putin_state_visit_china": "diplomacy",
        "2024-06-19_russia_dprk_treaty": "military",
        "2024-12-04_russia_dprk_treaty_in_force": "military",
        "2025-09-02_power_of_siberia_2_memorandum": "energy",
    }
    for event_id, category in expected.items():
        assert tl.loc[event_id, "category"] == category, event_id
        assert tl.loc[event_id, "source_id"] == events.EVENTS_SOURCE
    assert tl.loc["2022-02-04_no_limits_statement", "source_url"] == (
        "http://en.kremlin.ru/supplement/5770"
    )
    assert "federalregister.gov" in tl.loc["2023-12-22_us_eo_14114", "source_url"]
    # the ESPO discount was agreed in October 2011 (Interfax, 28 Feb 2012)
    espo = tl.loc["2011-10_espo_price_discount"]
    assert "1.5" in espo["event"] and "interfax.com" in espo["source_url"]
    assert not any(i.startswith("2012-03-02_espo") for i in tl.index)
