"""Tests for utils.scenarios and utils.scenario_analysis: hand-worked projections, preset
outcomes and origins, properties, the questions asked of the model, bad input."""

from __future__ import annotations

import csv
import dataclasses
import math
import re
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from utils import scenario_analysis as sa
from utils import scenarios as sc
from utils.scenarios import PRESETS, ScenarioHistory, ScenarioParams, run

# --- a tiny history with round numbers (USD m) ----------------------------------------------


def _tiny_history(chn=100_000.0, eu=200_000.0, usa=50_000.0, wld=500_000.0) -> ScenarioHistory:
    rows = []
    for partner, value in (("CHN", chn), ("EU", eu), ("USA", usa), ("WLD", wld)):
        rows.append((2019, partner, value / 2, value / 2, "test"))
    russia = pd.DataFrame(rows, columns=["year", "partner", "exports_usd_m", "imports_usd_m", "x"])
    china = pd.DataFrame(
        {"year": [2019], "partner": ["WLD"], "exports_usd_m": [2.5e6], "imports_usd_m": [2.5e6]}
    )
    return ScenarioHistory.from_frames(russia, china)


FLAT = dict(
    base_year=2019,
    growth_chn=0.0,
    growth_eu=0.0,
    growth_usa=0.0,
    growth_row=0.0,
    china_growth=0.0,
    benchmark=0.3,
    uncertainty=0.0,
)


def _params(**changes) -> ScenarioParams:
    return ScenarioParams(**{**FLAT, "end_year": 2021, **changes})


def _row(result, year):
    return result.frame.set_index("year").loc[year]


def test_hand_worked_growth_shares_hhi_and_asymmetry():
    # CHN 100, EU 200, USA 50, ROW 150 (bn); China grows 10%/yr, the rest is flat.
    result = run(_params(growth_chn=0.10, benchmark=0.22, end_year=2022), history=_tiny_history())
    y2020, y2021 = _row(result, 2020), _row(result, 2021)
    assert y2020["chn_usd_m"] == pytest.approx(110_000)
    assert y2020["china_share"] == pytest.approx(110 / 510)
    assert y2021["china_share"] == pytest.approx(121 / 521)
    assert y2020["hhi"] == pytest.approx((110**2 + 200**2 + 50**2 + 150**2) / 510**2)
    # Russia's share of China's trade is 110/5000, so the ratio is China's total / Russia's.
    assert y2020["asymmetry_ratio"] == pytest.approx(5000 / 510)
    # 0.2157 < 0.22 <= 0.2322: China crosses the benchmark in 2021; 2021 and 2022 count.
    assert result.crossing_year == 2021
    assert result.years_without_alternative == 2
    assert result.benchmark == 0.22


def test_base_year_row_is_observed_and_first():
    result = run(_params(), history=_tiny_history(), include_history=False)
    assert result.frame["year"].tolist() == [2019, 2020, 2021]
    assert result.frame["projected"].tolist() == [False, True, True]
    assert _row(result, 2019)["china_share"] == pytest.approx(0.2)
    assert _row(result, 2019)["row_usd_m"] == pytest.approx(150_000)


def test_hand_worked_deterioration_and_thaw():
    det = run(_params(west_relations="deterioration"), history=_tiny_history())
    # EU 200 * 0.97 = 194, USA 50 * 0.97 = 48.5; CHN 100, ROW 150.
    assert _row(det, 2020)["china_share"] == pytest.approx(100 / 492.5)
    assert _row(det, 2021)["eu_usd_m"] == pytest.approx(200_000 * 0.97**2)
    thaw = run(_params(west_relations="thaw"), history=_tiny_history())
    assert _row(thaw, 2020)["usa_usd_m"] == pytest.approx(51_000)


def test_hand_worked_rupture_cut_lands_one_year_later():
    result = run(
        _params(west_relations="rupture", rupture_year=2020, end_year=2022),
        history=_tiny_history(),
    )
    # 2020: deterioration only; 2021: a further 66% cut.
    assert _row(result, 2020)["eu_usd_m"] == pytest.approx(194_000)
    eu_2021, usa_2021 = 194_000 * 0.97 * 0.34, 48_500 * 0.97 * 0.34
    assert _row(result, 2021)["eu_usd_m"] == pytest.approx(eu_2021)
    assert _row(result, 2021)["china_share"] == pytest.approx(
        100_000 / (100_000 + 150_000 + eu_2021 + usa_2021)
    )
    assert _row(result, 2022)["eu_usd_m"] == pytest.approx(eu_2021 * 0.97)


def test_hand_worked_energy_pivot_is_a_fixed_yearly_addition():
    result = run(
        _params(growth_chn=0.10, energy_pivot_usd_bn=10.0, pivot_start_year=2021),
        history=_tiny_history(),
    )
    assert _row(result, 2020)["chn_usd_m"] == pytest.approx(110_000)
    assert _row(result, 2021)["chn_usd_m"] == pytest.approx(121_000 + 10_000)


def test_zero_uncertainty_band_collapses_on_the_central_path():
    result = run(_params(growth_chn=0.05), history=_tiny_history())
    frame = result.frame
    assert np.allclose(frame["china_share_p10"], frame["china_share"])
    assert np.allclose(frame["china_share_p90"], frame["china_share"])


def test_never_crossing_gives_none_and_zero_years():
    result = run(_params(benchmark=0.9), history=_tiny_history())
    assert result.crossing_year is None
    assert result.years_without_alternative == 0


# --- data-derived defaults (checked against the CSV values by hand) --------------------------


def test_defaults_from_data():
    p = sc.resolve(ScenarioParams())
    # EU 2013: 372,382 of 842,233 USD m (COW v4.0).
    assert p.benchmark == pytest.approx(372_382 / 842_233, abs=1e-5)
    # China 2010 -> 2019: 65,941 -> 109,004 USD m over nine years.
    assert p.growth_chn == pytest.approx((109_004 / 65_941) ** (1 / 9) - 1, abs=1e-4)
    assert p.growth_eu == pytest.approx((259_868 / 281_336) ** (1 / 9) - 1, abs=1e-4)
    # China's total trade (UN Comtrade, uncaveated years): 2014 -> 2019.
    assert p.china_growth == pytest.approx((4_578_492 / 4_301_527) ** (1 / 5) - 1, abs=1e-4)
    assert 0.03 < p.uncertainty < 0.07
    assert sc.historical_volatility() == pytest.approx(p.uncertainty)


def test_observed_matches_known_shares():
    frame = sc.observed().set_index("year")
    assert 2015 not in frame.index
    assert frame.loc[2019, "china_share"] == pytest.approx(109_004 / 662_359, abs=1e-5)
    assert frame.loc[2024, "eu_share"] == pytest.approx(67_969 / 707_163, abs=1e-5)
    assert np.isnan(frame.loc[2010, "asymmetry_ratio"])  # COW China total has a caveat
    assert not frame["projected"].any()


# --- presets ---------------------------------------------------------------------------------

EXPECTED = {  # crossing year, China's share in 2036 (also in the module docstring)
    "status quo": (None, 0.297),
    "deterioration with the West": (None, 0.330),
    "stabilised ties with the West": (None, 0.269),
    "what happened": (2030, 0.590),
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_preset_outcomes_are_documented(name):
    result = run(PRESETS[name])
    crossing, share_2036 = EXPECTED[name]
    assert result.crossing_year == crossing
    assert result.china_share_in(2036) == pytest.approx(share_2036, abs=0.0005)
    assert sc.PRESET_OUTCOMES[name] == EXPECTED[name]
    shown = "never" if crossing is None else str(crossing)
    assert re.search(rf"{name}\s+{shown}\s+{share_2036 * 100:.1f}%", sc.__doc__)
    assert sc.PRESET_DESCRIPTIONS[name]


def test_presets_are_ordered_like_the_article_says():
    share = {name: run(p).china_share_in(2036) for name, p in PRESETS.items()}
    assert (
        share["stabilised ties with the West"]
        < share["status quo"]
        < share["deterioration with the West"]
        < share["what happened"]
    )


def test_what_happened_reproduces_2022_2024_within_two_points():
    projected = run(PRESETS["what happened"]).frame.set_index("year")
    actual = sc.observed().set_index("year")
    for year in (2022, 2023, 2024):
        for column in ("china_share", "eu_share"):
            gap = projected.loc[year, column] - actual.loc[year, column]
            assert abs(gap) <= 0.02, (year, column, gap)


def test_what_happened_preset_is_the_calibration_output():
    fit = sc.calibrate_what_happened()
    preset = PRESETS["what happened"]
    assert fit.growth_chn == preset.growth_chn
    assert fit.growth_row == preset.growth_row
    assert round(fit.china_growth, 3) == preset.china_growth
    assert round(fit.rupture_cut, 2) == sc.WEST_RELATIONS["rupture"].level_cut
    assert fit.max_share_error <= 0.02
    # EU 2021 -> 2023: 281,973 -> 88,322 USD m, beyond two years at (g_eu - 3 pp).
    g_eu = (259_868 / 281_336) ** (1 / 9) - 1
    assert fit.rupture_cut == pytest.approx(
        1 - (88_322 / 281_973) / (1 + g_eu - 0.03) ** 2, abs=1e-4
    )


def test_band_is_reproducible_and_brackets_the_central_path():
    params = dataclasses.replace(PRESETS["status quo"], uncertainty=0.05, seed=7)
    first, second = run(params).frame, run(params).frame
    pd.testing.assert_frame_equal(first, second)
    other = run(dataclasses.replace(params, seed=8)).frame
    assert not np.allclose(first["china_share_p90"], other["china_share_p90"])
    future = first[first["projected"]]
    assert (future["china_share_p10"] < future["china_share"]).all()
    assert (future["china_share"] < future["china_share_p90"]).all()
    assert sc.N_DRAWS >= 200


def test_run_is_fast():
    params = dataclasses.replace(PRESETS["what happened"], uncertainty=0.05)
    run(params)  # warm the data cache
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        run(params)
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.020


# --- properties ------------------------------------------------------------------------------

growth = st.floats(-0.15, 0.20)
params_strategy = st.builds(
    ScenarioParams,
    base_year=st.sampled_from(sc.BASE_YEARS),
    end_year=st.integers(2030, 2045),
    growth_chn=growth,
    growth_eu=growth,
    growth_usa=growth,
    growth_row=growth,
    west_relations=st.sampled_from(["thaw", "status quo", "deterioration"]),
    energy_pivot_usd_bn=st.floats(0, 50),
    pivot_start_year=st.integers(2020, 2040),
    uncertainty=st.floats(0, 0.15),
    seed=st.integers(0, 1000),
)


@settings(max_examples=40, deadline=None)
@given(params_strategy)
def test_shares_sum_to_one_and_hhi_is_bounded(params):
    frame = run(params).frame
    shares = frame[["china_share", "eu_share", "usa_share", "row_share"]].sum(axis=1)
    assert np.allclose(shares, 1.0)
    assert ((frame["hhi"] >= 0.25 - 1e-12) & (frame["hhi"] <= 1 + 1e-12)).all()
    assert (frame["china_share_p10"] <= frame["china_share_p90"] + 1e-12).all()


@settings(max_examples=30, deadline=None)
@given(params_strategy, st.floats(0, 50), st.floats(0, 50))
def test_more_energy_pivot_never_lowers_china_share(params, a, b):
    low, high = sorted((a, b))
    small = run(dataclasses.replace(params, energy_pivot_usd_bn=low)).frame
    large = run(dataclasses.replace(params, energy_pivot_usd_bn=high)).frame
    assert (large["china_share"] >= small["china_share"] - 1e-12).all()
    assert (large["china_share_p90"] >= small["china_share_p90"] - 1e-12).all()


@settings(max_examples=30, deadline=None)
@given(params_strategy)
def test_worse_west_relations_never_lower_china_share(params):
    if params.base_year == 2024:
        params = dataclasses.replace(params, rupture_year=2026)
    order = ["thaw", "status quo", "deterioration", "rupture"]
    shares = [
        run(dataclasses.replace(params, west_relations=w)).frame["china_share"].to_numpy()
        for w in order
    ]
    for better, worse in zip(shares, shares[1:], strict=False):
        assert (worse >= better - 1e-12).all()


@settings(max_examples=60, deadline=None)
@given(params_strategy, st.sampled_from([None, 0.3]), st.sampled_from(list(sc.WEST_RELATIONS)))
def test_share_string_round_trips_exactly(params, benchmark, west):
    params = dataclasses.replace(params, benchmark=benchmark, rupture_year=2030)
    params = dataclasses.replace(params, west_relations=west)
    text = sc.share_string(params)
    assert text.startswith("v1;base=")
    assert sc.from_share_string(text) == params
    assert sc.from_share_string("  " + text + "\n") == params


def test_share_string_is_readable():
    text = sc.share_string(PRESETS["what happened"])
    assert "west=rupture" in text and "g_chn=0.16" in text and "g_eu=data" in text
    for params in PRESETS.values():
        assert sc.from_share_string(sc.share_string(params)) == params


# --- bad input -------------------------------------------------------------------------------


def _resign(body: str) -> str:
    return f"{body};sum={sc._checksum(body)}"


def test_share_string_rejects_tampering():
    text = sc.share_string(PRESETS["status quo"])
    with pytest.raises(ValueError, match="checksum"):
        sc.from_share_string(text.replace("end=2036", "end=2035"))
    with pytest.raises(ValueError, match="checksum"):
        sc.from_share_string(text[:-1])
    with pytest.raises(ValueError, match="not a scenario share string"):
        sc.from_share_string("v2;base=2019")
    body = text.rpartition(";sum=")[0]
    with pytest.raises(ValueError, match="unknown part 'colour=red'"):
        sc.from_share_string(_resign(body + ";colour=red"))
    with pytest.raises(ValueError, match="repeats the key 'seed'"):
        sc.from_share_string(_resign(body + ";seed=1"))
    with pytest.raises(ValueError, match="lacks the key"):
        sc.from_share_string(_resign(body.replace(";seed=0", "")))
    with pytest.raises(ValueError, match="end='soon'"):
        sc.from_share_string(_resign(body.replace("end=2036", "end=soon")))
    with pytest.raises(ValueError, match=r"growth_chn=0\.9 is outside"):
        sc.from_share_string(_resign(body.replace("g_chn=data", "g_chn=0.9")))
    with pytest.raises(TypeError):
        sc.from_share_string(None)
    with pytest.raises(TypeError):
        sc.share_string("v1")


@pytest.mark.parametrize(
    "changes, error, message",
    [
        ({"growth_chn": "0.1"}, TypeError, "growth_chn must be a number or None"),
        ({"growth_eu": float("nan")}, ValueError, "growth_eu=nan"),
        ({"growth_usa": 0.5}, ValueError, r"growth_usa=0.5 is outside the allowed range"),
        ({"energy_pivot_usd_bn": -1}, ValueError, "energy_pivot_usd_bn=-1"),
        ({"energy_pivot_usd_bn": None}, TypeError, "energy_pivot_usd_bn must be a number"),
        ({"base_year": 2020}, ValueError, r"base_year=2020 is not allowed; choose one of"),
        ({"base_year": 2019.0}, TypeError, "base_year must be an integer"),
        ({"seed": True}, TypeError, "seed must be an integer"),
        ({"seed": -1}, ValueError, "seed=-1"),
        ({"west_relations": "war"}, ValueError, "west_relations='war' is unknown"),
        ({"west_relations": 3}, TypeError, "west_relations must be a str"),
        ({"end_year": 2019}, ValueError, "end_year=2019"),
        ({"base_year": 2024, "end_year": 2024}, ValueError, "must be after base_year"),
        ({"west_relations": "rupture", "rupture_year": 2019}, ValueError, "rupture_year=2019"),
        ({"west_relations": "rupture", "rupture_year": 2040}, ValueError, "rupture_year=2040"),
        ({"uncertainty": 0.5}, ValueError, "uncertainty=0.5"),
        ({"benchmark": 1.5}, ValueError, "benchmark=1.5"),
    ],
)
def test_bad_params(changes, error, message):
    with pytest.raises(error, match=message):
        ScenarioParams(**changes)


def test_numpy_numbers_are_accepted_and_normalised():
    params = ScenarioParams(growth_chn=np.float64(0.05), seed=np.int64(3))
    assert type(params.growth_chn) is float and type(params.seed) is int


def test_bad_run_arguments():
    with pytest.raises(TypeError, match="params must be a ScenarioParams"):
        run({"base_year": 2019})
    with pytest.raises(TypeError, match="history must be a ScenarioHistory"):
        run(ScenarioParams(), history=pd.DataFrame())
    with pytest.raises(TypeError, match="include_history"):
        run(ScenarioParams(), include_history="yes")
    with pytest.raises(ValueError, match="growth_chn is None but cannot be derived"):
        run(ScenarioParams(benchmark=0.3, uncertainty=0.0), history=_tiny_history())
    with pytest.raises(ValueError, match="base_year=2024"):
        run(_params(base_year=2024, end_year=2030), history=_tiny_history())
    with pytest.raises(ValueError, match="year=1990 is not in this result"):
        run(_params(), history=_tiny_history()).china_share_in(1990)
    with pytest.raises(ValueError, match="calibration needs observed years"):
        sc.calibrate_what_happened(_tiny_history())
    with pytest.raises(ValueError, match="fewer than two consecutive years"):
        sc.historical_volatility(_tiny_history())


def test_bad_history_frames():
    good = pd.DataFrame(
        {"year": [2019], "partner": ["WLD"], "exports_usd_m": [1.0], "imports_usd_m": [1.0]}
    )
    with pytest.raises(TypeError, match="russia_trade must be a pandas DataFrame"):
        ScenarioHistory.from_frames([1, 2], good)
    with pytest.raises(ValueError, match="russia_trade is empty"):
        ScenarioHistory.from_frames(good.iloc[0:0], good)
    with pytest.raises(ValueError, match="missing column"):
        ScenarioHistory.from_frames(good.drop(columns="partner"), good)
    with pytest.raises(ValueError, match=r"no rows for partner\(s\) \['CHN', 'EU', 'USA'\]"):
        ScenarioHistory.from_frames(good, good)
    with pytest.raises(ValueError, match="turnover must be positive"):
        _tiny_history(wld=300_000.0)  # CHN + EU + USA exceed the world total
    with pytest.raises(ValueError, match=r"no rows for partner\(s\) \['WLD'\]"):
        ScenarioHistory.from_frames(_tiny_russia(), good.assign(partner="RUS"))


def _tiny_russia() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [2019] * 4,
            "partner": ["CHN", "EU", "USA", "WLD"],
            "exports_usd_m": [1.0, 1.0, 1.0, 10.0],
            "imports_usd_m": [1.0, 1.0, 1.0, 10.0],
        }
    )


def test_lever_bounds_cover_every_numeric_lever_and_presets():
    numeric = {f.name for f in dataclasses.fields(ScenarioParams)} - {"base_year", "west_relations"}
    assert set(sc.LEVER_BOUNDS) == numeric
    for params in PRESETS.values():
        resolved = sc.resolve(params)
        for name, (low, high) in sc.LEVER_BOUNDS.items():
            assert low <= getattr(resolved, name) <= high


def test_history_edge_cases():
    russia = _tiny_russia()
    china = pd.DataFrame(
        {
            "year": [2018, 2019],
            "partner": ["WLD", "WLD"],
            "exports_usd_m": [1.0, 0.0],
            "imports_usd_m": [1.0, 0.0],
            "caveat": ["includes Hong Kong", ""],
        }
    )
    with pytest.raises(ValueError, match="China's total trade must be positive"):
        ScenarioHistory.from_frames(russia, china)
    # Rows with a caveat are dropped, so only 2019 (positive here) remains.
    history = ScenarioHistory.from_frames(russia, china.assign(exports_usd_m=[1.0, 5.0]))
    assert history.china_total.index.tolist() == [2019]
    no_world = russia.assign(partner=["CHN", "EU", "USA", "WLD"], year=[2019, 2019, 2019, 2018])
    with pytest.raises(ValueError, match="no year with CHN, EU, USA and WLD"):
        ScenarioHistory.from_frames(no_world, china)
    assert ScenarioHistory.from_data() is ScenarioHistory.from_data()  # cached


def test_rupture_in_the_end_year_runs_and_cuts_nothing_inside_the_horizon():
    """Regression: rupture_year == end_year raised IndexError (the cut lands a year later)."""
    from utils import scenarios

    late = scenarios.ScenarioParams(west_relations="rupture", rupture_year=2036, end_year=2036)
    result = scenarios.run(late)
    deteriorating = scenarios.run(
        scenarios.ScenarioParams(west_relations="deterioration", end_year=2036)
    )
    # With the one-off cut beyond 2036, only the shared -3 pp/yr drift applies.
    assert result.china_share_in(2036) == pytest.approx(deteriorating.china_share_in(2036))


# --- floats without binary noise (issue: share strings showed g_eu=-0.0050000000000000044) ----


def test_float_levers_lose_binary_noise_at_the_source():
    # What a browser slider sends for -0.5% and 2.0%: min + n * step in binary floating point.
    noisy = ScenarioParams(growth_eu=-0.15 + 29 * 0.005, china_growth=-0.10 + 24 * 0.005)
    assert -0.15 + 29 * 0.005 != -0.005  # the noise is real ...
    assert noisy.growth_eu == -0.005 and noisy.china_growth == 0.02  # ... and gone
    text = sc.share_string(noisy)
    assert ";g_eu=-0.005;" in text and ";china_g=0.02;" in text
    assert sc.from_share_string(text) == noisy
    assert sc.ScenarioParams(growth_chn=-0.0).growth_chn == 0.0  # no "-0.0" in strings
    assert sc.ScenarioParams(energy_pivot_usd_bn=12.000000000000002).energy_pivot_usd_bn == 12.0
    resolved = sc.resolve(ScenarioParams())
    assert resolved.growth_chn == round(resolved.growth_chn, sc.FLOAT_DECIMALS)


# --- where the presets come from (issue #15) -------------------------------------------------


def test_preset_origins_name_the_article_paragraph_or_the_lab():
    assert set(sc.PRESET_ORIGINS) == set(PRESETS) == set(sc.PRESET_DESCRIPTIONS)
    assert "paragraph 7" in sc.PRESET_ORIGINS["deterioration with the West"]
    assert "paragraph 17" in sc.PRESET_ORIGINS["stabilised ties with the West"]
    for own in ("status quo", "what happened"):
        assert "lab's own" in sc.PRESET_ORIGINS[own]
        assert "article" not in sc.PRESET_DESCRIPTIONS[own].casefold()
    assert "Paragraph 7" in sc.PRESET_DESCRIPTIONS["deterioration with the West"]
    assert "Paragraph 17" in sc.PRESET_DESCRIPTIONS["stabilised ties with the West"]


# --- scenario_analysis (ported from tests/test_scenario_lab.py) --------------------------------

DATA = Path(__file__).resolve().parents[1] / "data"


def _raw_turnover() -> dict[tuple[int, str], float]:
    """Exports + imports by (year, partner), read with the csv module (not utils.data)."""
    with open(DATA / "russia_trade_by_partner.csv", newline="", encoding="utf-8") as handle:
        return {
            (int(r["year"]), r["partner"]): float(r["exports_usd_m"]) + float(r["imports_usd_m"])
            for r in csv.DictReader(handle)
            if r["exports_usd_m"] and r["imports_usd_m"]
        }


def test_status_quo_matches_a_hand_projection_from_the_raw_file():
    t = _raw_turnover()

    def groups(year):
        chn, eu, usa, wld = (t[(year, p)] for p in ("CHN", "EU", "USA", "WLD"))
        return {"CHN": chn, "EU": eu, "USA": usa, "ROW": wld - chn - eu - usa}

    start, end = groups(2010), groups(2019)
    projected = {g: end[g] * (end[g] / start[g]) ** (17 / 9) for g in end}
    hand = projected["CHN"] / sum(projected.values())
    assert hand == pytest.approx(0.2966, abs=0.0001)
    assert sa.end_value(run(PRESETS["status quo"]), "china_share") == pytest.approx(hand)
    assert run(PRESETS["status quo"]).benchmark == pytest.approx(t[(2013, "EU")] / t[(2013, "WLD")])


def test_crossing_sentences():
    assert sa.crossing_sentence(run(PRESETS["status quo"])) == (
        "Under these settings China's share does not pass the 2013 EU level (44.2%) by 2036."
    )
    assert sa.crossing_sentence(run(PRESETS["what happened"])) == (
        "Under these settings China's share passes the 2013 EU level (44.2%) in 2030."
    )
    moved = run(dataclasses.replace(PRESETS["status quo"], benchmark=0.25))
    assert sa.crossing_sentence(moved).startswith(
        "Under these settings China's share passes the chosen benchmark (25.0%) in "
    )


def test_crossing_time_interpolates_between_the_two_years():
    result = run(PRESETS["what happened"])
    frame = result.frame.set_index("year")["china_share"]
    before, after = frame[2029], frame[2030]
    assert before < result.benchmark <= after
    expected = 2029 + (result.benchmark - before) / (after - before)
    assert sa.crossing_time(result) == pytest.approx(expected)
    assert sa.crossing_time(run(PRESETS["status quo"])) is None


def test_summary_numbers_and_ab_table():
    s = sa.summarise(run(PRESETS["what happened"]))
    assert (s.end_year, s.crossing_year, s.years_without_alternative) == (2036, 2030, 7)
    assert s.china_share == pytest.approx(0.590, abs=0.0005)
    assert s.asymmetry_ratio == pytest.approx(5.43, abs=0.01)
    quo = sa.summarise(run(PRESETS["status quo"]))
    assert (quo.crossing_year, quo.years_without_alternative) == (None, 0)
    table = sa.compare_summaries(quo, s)
    assert table.loc["China's share at the end (%)", "B - A"] == pytest.approx(29.3)
    assert math.isnan(table.loc["crossing year", "A"])
    assert table.loc["years without alternative", "B"] == 7
    det = sa.summarise(run(PRESETS["deterioration with the West"]))
    assert sa.compare_summaries(quo, det).loc["China's share at the end (%)", "B - A"] == 3.4


def test_lever_sensitivity_matches_direct_runs():
    table = sa.lever_sensitivity(PRESETS["deterioration with the West"])
    assert list(table["lever"]) == list(sa.GROWTH_LEVERS)
    resolved = sc.resolve(PRESETS["deterioration with the West"])
    for row in table.itertuples():
        step = 0.01 if row.lever == "growth_chn" else -0.01
        moved = dataclasses.replace(
            resolved, end_year=2050, **{row.lever: getattr(resolved, row.lever) + step}
        )
        assert row.crossing_year == run(moved).crossing_year
    assert table.set_index("lever")["crossing_year"].to_dict() == {
        "growth_chn": 2043, "growth_eu": 2047, "growth_usa": 2048, "growth_row": 2043,
    }  # fmt: skip


def test_crossing_time_breaks_the_tie_between_levers():
    table = sa.lever_sensitivity(PRESETS["deterioration with the West"]).set_index("lever")
    assert table.loc["growth_chn", "crossing_time"] < table.loc["growth_row", "crossing_time"]


def test_lowest_growth_to_cross():
    det = PRESETS["deterioration with the West"]
    value = sa.lowest_growth_to_cross(det)
    assert value == 0.09
    crossing = run(dataclasses.replace(det, growth_chn=value)).crossing_year
    assert crossing is not None and crossing <= 2036
    assert run(dataclasses.replace(det, growth_chn=value - 0.005)).crossing_year is None
    assert sa.lowest_growth_to_cross(PRESETS["status quo"]) == 0.1
    assert sa.lowest_growth_to_cross(PRESETS["status quo"], by_year=2050) < 0.1
    assert sa.lowest_growth_to_cross(dataclasses.replace(det, benchmark=0.95)) is None
    with pytest.raises(ValueError, match="by_year must be"):
        sa.lowest_growth_to_cross(det, by_year=2019)
    with pytest.raises(ValueError, match="step must be"):
        sa.lowest_growth_to_cross(det, step=0)
    with pytest.raises(TypeError, match="params must be a ScenarioParams"):
        sa.lowest_growth_to_cross("deterioration")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"step": 0.0}, "step must be"),
        ({"step": 0.2}, "step must be"),
        ({"levers": ("benchmark",)}, "levers must be"),
        ({"levers": ()}, "levers must be"),
        ({"horizon": 2060}, "horizon must be"),
    ],
)
def test_lever_sensitivity_rejects_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        sa.lever_sensitivity(PRESETS["status quo"], **kwargs)


def test_bad_analysis_arguments_are_named():
    with pytest.raises(TypeError, match="params must be a ScenarioParams"):
        sa.lever_sensitivity("status quo")
    with pytest.raises(TypeError, match="result must be a ScenarioResult"):
        sa.summarise(None)
    with pytest.raises(ValueError, match="column='gdp'"):
        sa.end_value(run(PRESETS["status quo"]), "gdp")
    with pytest.raises(ValueError, match="year=1990"):
        sa.value_in(run(PRESETS["status quo"]), "china_share", 1990)
    with pytest.raises(ValueError, match="presets must name"):
        sa.presets_against_actual(["optimism"])
    with pytest.raises(ValueError, match="years must be observed"):
        sa.presets_against_actual(years=[2019])
    with pytest.raises(ValueError, match="first_year=1980"):
        sa.actual_shares(1980)


def test_actual_shares_from_the_raw_file():
    t = _raw_turnover()
    actual = sa.actual_shares(2019)
    assert list(actual.index) == [2019, 2020, 2021, 2022, 2023, 2024]
    assert actual.loc[2024, "CHN"] == pytest.approx(t[(2024, "CHN")] / t[(2024, "WLD")])
    assert actual.loc[2024, "CHN"] == pytest.approx(0.3342, abs=0.0001)
    assert actual.loc[2024, "EU"] == pytest.approx(0.0961, abs=0.0001)


def test_presets_against_actual():
    table = sa.presets_against_actual(years=[2021, 2024]).set_index(["preset", "year"])
    assert len(table) == 8
    row = table.loc[("deterioration with the West", 2024)]
    assert row["china_actual"] == pytest.approx(0.3342, abs=0.0001)
    assert row["china_projected"] == pytest.approx(0.2109, abs=0.0005)
    assert row["china_error_pp"] == pytest.approx(-12.33, abs=0.05)
    fitted = table.xs(2024, level="year")["china_error_pp"].abs()
    assert fitted.idxmin() == "what happened" and fitted["what happened"] < 1.0


def test_preset_table():
    table = sa.preset_table()
    assert list(table.index) == list(PRESETS)
    for name, (crossing, share_2036) in EXPECTED.items():
        row = table.loc[name]
        if crossing is None:
            assert pd.isna(row["crossing year"])
        else:
            assert row["crossing year"] == crossing
        assert row["China's share (%)"] == pytest.approx(100 * share_2036, abs=0.05)
        assert row["assumption"] == sc.PRESET_DESCRIPTIONS[name]
    assert table.loc["what happened", "years without alternative"] == 7
    longer = sa.preset_table(end_year=2050)
    assert longer.loc["deterioration with the West", "crossing year"] == 2048


# --- bad input, one call per row (ported from tests/test_robustness_inputs.py) ---------------

TRADE = pd.DataFrame(
    {"year": [2019] * 4, "partner": ["CHN", "EU", "USA", "WLD"],
     "exports_usd_m": [50.0, 100.0, 20.0, 400.0], "imports_usd_m": [50.0, 100.0, 20.0, 300.0]}
)  # fmt: skip
CHINA = pd.DataFrame(
    {"year": [2019], "partner": ["WLD"], "exports_usd_m": [2e6], "imports_usd_m": [2e6]}
)


def _edited(key: str, value: str) -> str:
    """A share string with one value replaced and a valid checksum (a deliberate edit)."""
    body = sc.share_string(ScenarioParams()).rpartition(";sum=")[0]
    parts = [f"{key}={value}" if p.startswith(f"{key}=") else p for p in body.split(";")]
    return _resign(";".join(parts))


BAD_CALLS = [
    (ScenarioParams, {"base_year": True}, TypeError, "base_year must be an integer"),
    (ScenarioParams, {"end_year": "2036"}, TypeError, "end_year must be an integer"),
    (ScenarioParams, {"growth_chn": float("nan")}, ValueError, "growth_chn=nan is outside"),
    (ScenarioParams, {"seed": 1.5}, TypeError, "seed must be an integer"),
    (ScenarioParams, {"west_relations": "rupture", "rupture_year": 2050, "end_year": 2036},
     ValueError, r"rupture_year=2050 must lie in \(2019, 2036\]"),
    (ScenarioHistory.from_frames, {"russia_trade": TRADE, "china_trade": None}, TypeError,
     "china_trade must be a pandas DataFrame"),
    (ScenarioHistory.from_frames, {"russia_trade": TRADE, "china_trade": CHINA.iloc[0:0]},
     ValueError, "china_trade is empty"),
    (ScenarioHistory.from_frames, {"russia_trade": TRADE[TRADE["partner"] != "USA"],
     "china_trade": CHINA}, ValueError, r"no rows for partner\(s\) \['USA'\]"),
    (sc.historical_volatility, {"history": "data"}, TypeError, "history must be a ScenarioHistory"),
    (sc.resolve, {"params": None}, TypeError, "params must be a ScenarioParams"),
    (sc.resolve, {"params": ScenarioParams(), "history": 5}, TypeError, "history must be a"),
    (sc.observed, {"history": 5}, TypeError, "history must be a ScenarioHistory"),
    (run, {"params": ScenarioParams(), "history": "data"}, TypeError, "history must be a"),
    (sc.calibrate_what_happened, {"history": 5}, TypeError, "history must be a ScenarioHistory"),
    (sc.from_share_string, {"text": _edited("end", "1999")}, ValueError, "end_year=1999 is"),
    (sc.from_share_string, {"text": _edited("seed", "x")}, ValueError, "seed='x' is not a valid"),
    (sc.from_share_string, {"text": _edited("west", "war")}, ValueError, "'war' is unknown"),
]  # fmt: skip


@pytest.mark.parametrize(("call", "kwargs", "error", "message"), BAD_CALLS)
def test_bad_input_names_what_is_wrong(call, kwargs, error, message):
    with pytest.raises(error, match=message):
        call(**kwargs)
