# ruff: noqa: E501  (the CASES table keeps one call per line so it reads as a specification)
"""Bad input to the model modules: a clear error that names what is wrong (widgets: test_widgets.py).

The table ``CASES`` reads as the specification: each row is one call with a wrong type, a NaN,
a negative or out-of-range value, an empty frame or an unknown name, the exception it must
raise (``ValueError`` or ``TypeError``, never an ``AttributeError`` or ``KeyError`` from deep
inside pandas) and a regex the message must match -- normally the parameter's name, so a
student can tell which argument to fix. Rows marked ``bug=...`` are known defects, kept as
strict xfails so the suite turns red the day they are fixed and the mark can go.

``test_every_public_function_has_a_bad_input_case`` keeps the table complete: a new public
function in one of the modules fails it until a row is added here.

The widget section builds every registered widget, makes its render function receive an
impossible value for one control at a time, and checks what the student sees: a message that
names the control, and the previous chart still on screen.
"""

from __future__ import annotations

import importlib
import inspect
import socket
import zlib

import numpy as np
import pandas as pd
import pytest

from utils import (
    bargaining,
    claims,
    data,
    decision,
    exercises,
    indicators,
    scenarios,
    substitution,
    triangle,
)

MODULES = (indicators, scenarios, bargaining, triangle, decision, exercises, claims, substitution)
NAN = float("nan")
INF = float("inf")

TRADE = data.load("russia_trade_by_partner")
CHINA = data.load("china_trade_with_russia")
CRUDE = data.load("china_crude_imports_by_origin")
EMPTY_TRADE = TRADE.iloc[0:0]
CHN_SHARES = indicators.partner_shares(TRADE, ["CHN"])["CHN"]
OPTIONS = decision.POLICY_OPTIONS
WEIGHTS = decision.DEFAULT_WEIGHTS
CRITERIA = list(OPTIONS.columns)
FIRST = CRITERIA[0]
PARAMS = scenarios.ScenarioParams()


def _with(frame: pd.DataFrame, **changes) -> pd.DataFrame:
    return frame.assign(**changes)


def _share_string_with(key: str, value: str) -> str:
    """A share string with one value replaced and a *valid* checksum (a deliberate edit)."""
    body = scenarios.share_string(PARAMS).rpartition(";sum=")[0]
    parts = [f"{key}={value}" if p.startswith(f"{key}=") else p for p in body.split(";")]
    body = ";".join(parts)
    return f"{body};sum={zlib.crc32(body.encode('utf-8')):08x}"


def _history_to_2019() -> scenarios.ScenarioHistory:
    return scenarios.ScenarioHistory.from_frames(TRADE[TRADE["year"] <= 2019], CHINA)


def _result_china_share_in(year):
    """``ScenarioResult.china_share_in`` on the status-quo run."""
    return scenarios.run(PARAMS, include_history=False).china_share_in(year)


def case(func, *args, exc=ValueError, match: str, id: str, bug: str | None = None, **kwargs):
    """One row of the specification: ``func(*args, **kwargs)`` raises ``exc`` matching ``match``."""
    name = getattr(func, "__qualname__", getattr(func, "__name__", repr(func)))
    module = getattr(func, "__module__", "").removeprefix("utils.")
    marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
    return pytest.param(func, args, kwargs, exc, match, id=f"{module}.{name}: {id}", marks=marks)


# ----------------------------------------------------------------------------- the table
CASES = [
    # ---------------------------------------------------------------- utils.indicators
    case(indicators.trade_value, "trade", exc=TypeError, match=r"^trade must be a pandas DataFrame", id="not a frame"),
    case(indicators.trade_value, TRADE.drop(columns=["imports_usd_m"]), match=r"trade is missing column\(s\) \['imports_usd_m'\]", id="missing column"),
    case(indicators.trade_value, EMPTY_TRADE, match="trade is empty", id="empty frame"),
    case(indicators.trade_value, TRADE, "gdp", match=r"measure must be one of .*'gdp'", id="unknown measure"),
    case(indicators.trade_value, TRADE, None, match="measure must be one of", id="measure None"),
    case(indicators.partner_shares, TRADE.to_dict("records"), exc=TypeError, match="trade must be a pandas DataFrame", id="not a frame"),
    case(indicators.partner_shares, EMPTY_TRADE, match="trade is empty", id="empty frame"),
    case(indicators.partner_shares, TRADE, ["CHN", "XXX"], match=r"unknown partner\(s\) \['XXX'\]", id="unknown partner"),
    case(indicators.partner_shares, TRADE, ["CHN"], total="World", match="total partner 'World'", id="unknown total"),
    case(indicators.partner_shares, TRADE, ["CHN"], measure="volume", match="measure must be one of", id="unknown measure"),
    case(indicators.partner_shares, _with(TRADE, exports_usd_m=-TRADE["exports_usd_m"] * 3), ["CHN"], match="total trade must be positive", id="negative trade"),
    case(indicators.share_change, list(CHN_SHARES), 2013, 2019, exc=TypeError, match="shares", id="not a series"),
    case(indicators.share_change, CHN_SHARES, 1900, 2019, match="no share for year 1900", id="year outside data"),
    case(indicators.share_change, CHN_SHARES, 2013, 2015, match="no share for year 2015", id="gap year"),
    case(indicators.share_change, CHN_SHARES, NAN, 2019, match="no share for year nan", id="NaN year"),
    case(indicators.share_change, CHN_SHARES, "2013", 2019, exc=TypeError, match="start_year", id="year as text"),
    case(indicators.share_change, pd.Series({2013: 0.0, 2019: 0.1}), 2013, 2019, match="share in 2013 is zero", id="zero start"),
    case(indicators.cagr, "100", 200, 5, exc=TypeError, match="start_value must be a number", id="text"),
    case(indicators.cagr, 100, NAN, 5, match="end_value is NaN", id="NaN"),
    case(indicators.cagr, -100, 200, 5, match="positive values, got start=-100", id="negative start"),
    case(indicators.cagr, 100, 200, 0, match="years must be positive", id="zero years"),
    case(indicators.cagr, 100, 200, -3, match="years must be positive", id="negative years"),
    case(indicators.cagr, 100, 200, None, exc=TypeError, match="years must be a number", id="years None"),
    case(indicators.cagr, 100, INF, 5, match="end_value", id="infinite value"),
    case(indicators.hhi, [], match="at least one share", id="empty"),
    case(indicators.hhi, [0.5, NAN], match="contain NaN", id="NaN"),
    case(indicators.hhi, [0.5, -0.1], match="must be non-negative", id="negative"),
    case(indicators.hhi, [0.0, 0.0], match="sum to zero", id="all zero"),
    case(indicators.hhi, None, exc=TypeError, match="shares", id="None"),
    case(indicators.hhi, ["a", "b"], exc=(TypeError, ValueError), match="shares", id="text"),
    case(indicators.hhi, [INF, 1.0], match="shares", id="infinite"),
    case(indicators.asymmetry_ratio, None, 0.1, exc=TypeError, match="share_of_b_in_a must be a number", id="None"),
    case(indicators.asymmetry_ratio, NAN, 0.1, match="share_of_b_in_a must be a share", id="NaN"),
    case(indicators.asymmetry_ratio, 0.2, 1.5, match="share_of_a_in_b must be a share between 0 and 1", id="above 1"),
    case(indicators.asymmetry_ratio, -0.2, 0.1, match="share_of_b_in_a must be a share", id="negative"),
    case(indicators.asymmetry_ratio, 0.2, 0.0, match="share_of_a_in_b is zero", id="zero denominator"),
    case(indicators.import_dependence, "5", 10.0, exc=TypeError, match="imports_from_partner must be a number", id="text"),
    case(indicators.import_dependence, 5.0, NAN, match="total_imports must be a non-negative", id="NaN"),
    case(indicators.import_dependence, -5.0, 10.0, match="imports_from_partner must be a non-negative", id="negative"),
    case(indicators.import_dependence, 5.0, 0.0, match="total_imports is zero", id="zero total"),
    case(indicators.import_dependence, 15.0, 10.0, match=r"imports_from_partner \(15.0\) exceeds total_imports", id="part above total"),
    case(indicators.import_dependence, 5.0, INF, match="total_imports", id="infinite total"),
    # ---------------------------------------------------------------- utils.scenarios
    case(scenarios.ScenarioParams, base_year=2000, match=r"base_year=2000 is not allowed; choose one of \(2019, 2024\)", id="base year"),
    case(scenarios.ScenarioParams, base_year=True, exc=TypeError, match="base_year must be an integer", id="base year bool"),
    case(scenarios.ScenarioParams, end_year=2019, match=r"end_year=2019 is outside the allowed range \[2020, 2050\]", id="end year low"),
    case(scenarios.ScenarioParams, end_year="2036", exc=TypeError, match="end_year must be an integer", id="end year text"),
    case(scenarios.ScenarioParams, growth_chn=NAN, match="growth_chn=nan is outside the allowed range", id="NaN growth"),
    case(scenarios.ScenarioParams, growth_eu=0.5, match=r"growth_eu=0.5 is outside the allowed range \[-0.15, 0.2\]", id="growth high"),
    case(scenarios.ScenarioParams, growth_usa="fast", exc=TypeError, match="growth_usa must be a number or None", id="growth text"),
    case(scenarios.ScenarioParams, west_relations="war", match="west_relations='war' is unknown; choose one of", id="unknown relation"),
    case(scenarios.ScenarioParams, west_relations=1, exc=TypeError, match="west_relations must be a str", id="relation int"),
    case(scenarios.ScenarioParams, seed=-1, match="seed=-1 is outside the allowed range", id="negative seed"),
    case(scenarios.ScenarioParams, seed=1.5, exc=TypeError, match="seed must be an integer", id="float seed"),
    case(scenarios.ScenarioParams, benchmark=1.5, match="benchmark=1.5 is outside", id="benchmark above 1"),
    case(scenarios.ScenarioParams, uncertainty=-0.1, match="uncertainty=-0.1 is outside", id="negative uncertainty"),
    case(scenarios.ScenarioParams, energy_pivot_usd_bn=None, exc=TypeError, match="energy_pivot_usd_bn must be a number", id="pivot None"),
    case(scenarios.ScenarioParams, west_relations="rupture", rupture_year=2050, end_year=2036, match=r"rupture_year=2050 must lie in \(2019, 2036\]", id="rupture after end"),
    case(scenarios.ScenarioHistory.from_frames, "trade", CHINA, exc=TypeError, match="russia_trade must be a pandas DataFrame", id="not a frame"),
    case(scenarios.ScenarioHistory.from_frames, TRADE, None, exc=TypeError, match="china_trade must be a pandas DataFrame", id="china None"),
    case(scenarios.ScenarioHistory.from_frames, EMPTY_TRADE, CHINA, match="russia_trade is empty", id="empty frame"),
    case(scenarios.ScenarioHistory.from_frames, TRADE, CHINA.iloc[0:0], match="china_trade is empty", id="empty china"),
    case(scenarios.ScenarioHistory.from_frames, TRADE.drop(columns=["exports_usd_m"]), CHINA, match=r"russia_trade is missing column\(s\) \['exports_usd_m'\]", id="missing column"),
    case(scenarios.ScenarioHistory.from_frames, TRADE[TRADE["partner"] != "USA"], CHINA, match=r"russia_trade has no rows for partner\(s\) \['USA'\]", id="missing partner"),
    case(scenarios.ScenarioHistory.from_frames, _with(TRADE, exports_usd_m=-TRADE["exports_usd_m"] * 3), CHINA, match="russia_trade: turnover must be positive", id="negative trade"),
    case(scenarios.historical_volatility, "data", exc=TypeError, match="history must be a ScenarioHistory", id="not a history"),
    case(scenarios.resolve, None, exc=TypeError, match="params must be a ScenarioParams", id="params None"),
    case(scenarios.resolve, PARAMS, 5, exc=TypeError, match="history must be a ScenarioHistory", id="history int"),
    case(scenarios.observed, 5, exc=TypeError, match="history must be a ScenarioHistory", id="history int"),
    case(scenarios.run, {"end_year": 2036}, exc=TypeError, match="params must be a ScenarioParams", id="params dict"),
    case(scenarios.run, PARAMS, "data", exc=TypeError, match="history must be a ScenarioHistory", id="history text"),
    case(scenarios.run, PARAMS, include_history="yes", exc=TypeError, match="include_history must be True or False", id="include_history text"),
    case(scenarios.calibrate_what_happened, 5, exc=TypeError, match="history must be a ScenarioHistory", id="history int"),
    case(scenarios.calibrate_what_happened, _history_to_2019(), match="calibration needs observed years", id="history too short"),
    case(scenarios.share_string, "v1;end=2036", exc=TypeError, match="params must be a ScenarioParams", id="text"),
    case(scenarios.from_share_string, 2036, exc=TypeError, match="share string must be a str", id="int"),
    case(scenarios.from_share_string, "hello", match="not a scenario share string", id="junk"),
    case(scenarios.from_share_string, scenarios.share_string(PARAMS)[:-3], match="checksum mismatch", id="cut short"),
    case(scenarios.from_share_string, _share_string_with("end", "1999"), match="end_year=1999 is outside", id="edited out of range"),
    case(scenarios.from_share_string, _share_string_with("seed", "x"), match="seed='x' is not a valid value", id="edited not a number"),
    case(scenarios.from_share_string, _share_string_with("west", "war"), match="west_relations='war' is unknown", id="edited unknown name"),
    case(_result_china_share_in, 1800, match=r"year=1800 is not in this result \(2019-2036\)", id="year outside run"),
    # ---------------------------------------------------------------- utils.bargaining
    case(bargaining.BargainInputs, 105.0, 95.0, 40.0, 1.5, match=r"seller_power=1.5 is outside the allowed range \[0.0, 1.0\]", id="power above 1"),
    case(bargaining.BargainInputs, 105.0, 95.0, 40.0, 0.5, -0.1, match="debt_leverage=-0.1 is outside", id="negative leverage"),
    case(bargaining.BargainInputs, NAN, 95.0, 40.0, 0.5, match="buyer_alternative_price=nan is outside", id="NaN price"),
    case(bargaining.BargainInputs, 0.0, 95.0, 40.0, 0.5, match="buyer_alternative_price=0.0 must be greater than 0", id="zero price"),
    case(bargaining.BargainInputs, 105.0, "95", 40.0, 0.5, exc=TypeError, match="seller_outside_option must be a number or None", id="text option"),
    case(bargaining.BargainInputs, 105.0, 95.0, 2000.0, 0.5, match="seller_cost=2000.0 is outside", id="cost too high"),
    case(bargaining.BargainInputs, 105.0, 95.0, 40.0, True, exc=TypeError, match="seller_power must be a number", id="bool power"),
    case(bargaining.BargainInputs, 105.0, 95.0, 40.0, 0.5, 0.0, 0.0, match="reference_price=0.0 must be greater than 0", id="zero reference"),
    case(bargaining.negotiate, {"buyer_alternative_price": 105.0}, exc=TypeError, match="inputs must be a BargainInputs", id="dict"),
    # ---------------------------------------------------------------- utils.triangle
    case(triangle.classify, "warm", 0.0, 0.0, exc=TypeError, match="us_russia must be a number in", id="text"),
    case(triangle.classify, 0.0, NAN, 0.0, match=r"us_china=nan is outside the allowed range \[-1, 1\]", id="NaN"),
    case(triangle.classify, 0.0, 0.0, 1.5, match="russia_china=1.5 is outside", id="above 1"),
    case(triangle.classify, -1.2, 0.0, 0.0, match="us_russia=-1.2 is outside", id="below -1"),
    case(triangle.classify, 0.0, 0.0, 0.0, neutral_band=1.0, match=r"neutral_band=1.0 is outside the allowed range \[0, 1\)", id="band 1"),
    case(triangle.classify, 0.0, 0.0, 0.0, neutral_band=-0.1, match=r"neutral_band=-0.1 is outside the allowed range \[0, 1\)", id="negative band"),
    case(triangle.classify, 0.0, 0.0, 0.0, neutral_band=None, exc=TypeError, match="neutral_band must be a number", id="band None"),
    case(triangle.classify, 0.0, 0.0, 0.0, neutral_band=NAN, match=r"neutral_band=nan is outside the allowed range \[0, 1\)", id="NaN band"),
    case(triangle.PRESETS["2020"].classify, 2.0, match=r"neutral_band=2.0 is outside", id="preset band"),
    # ---------------------------------------------------------------- utils.decision
    case(decision.score, OPTIONS.to_dict(), WEIGHTS, exc=TypeError, match="options must be a pandas DataFrame", id="dict options"),
    case(decision.score, OPTIONS.iloc[0:0], WEIGHTS, match="options is empty", id="empty frame"),
    case(decision.score, OPTIONS.replace(3.0, NAN), WEIGHTS, match=r"options contains missing scores \(NaN\)", id="NaN score"),
    case(decision.score, OPTIONS.replace(3.0, 11.0), WEIGHTS, match=r"score 11.0 for option .* is outside the allowed range \[0, 10\]", id="score above 10"),
    case(decision.score, OPTIONS.replace(3.0, -1.0), WEIGHTS, match=r"score -1.0 .* outside the allowed range", id="negative score"),
    case(decision.score, OPTIONS.astype(object).replace(3.0, "high"), WEIGHTS, exc=TypeError, match="options must contain numbers only", id="text score"),
    case(decision.score, pd.concat([OPTIONS, OPTIONS.iloc[:1]]), WEIGHTS, match="options has duplicate option names", id="duplicate option"),
    case(decision.score, OPTIONS, list(WEIGHTS.values()), exc=TypeError, match="weights must be a mapping", id="weights list"),
    case(decision.score, OPTIONS, {**WEIGHTS, "cost": 1.0}, match=r"weights must name exactly the criteria .*unknown \['cost'\]", id="unknown criterion"),
    case(decision.score, OPTIONS, {FIRST: 1.0}, match="weights must name exactly the criteria", id="missing criterion"),
    case(decision.score, OPTIONS, {**WEIGHTS, FIRST: -1.0}, match=f"weight for '{FIRST}' is -1.0", id="negative weight"),
    case(decision.score, OPTIONS, {**WEIGHTS, FIRST: NAN}, match=f"weight for '{FIRST}' is nan", id="NaN weight"),
    case(decision.score, OPTIONS, {**WEIGHTS, FIRST: INF}, match=f"weight for '{FIRST}' is inf", id="infinite weight"),
    case(decision.score, OPTIONS, {**WEIGHTS, FIRST: "high"}, exc=TypeError, match=f"weight for '{FIRST}' must be a number", id="text weight"),
    case(decision.score, OPTIONS, dict.fromkeys(CRITERIA, 0.0), match="weights are all zero", id="zero weights"),
    case(decision.weight_sensitivity, "options", WEIGHTS, exc=TypeError, match="options must be a pandas DataFrame", id="text options"),
    case(decision.weight_sensitivity, OPTIONS, {**WEIGHTS, FIRST: -2}, match=f"weight for '{FIRST}' is -2", id="negative weight"),
    case(decision.normalise_weights, [1.0, 2.0], CRITERIA, exc=TypeError, match="weights must be a mapping", id="list"),
    case(decision.normalise_weights, {"a": 1.0}, ["a", "b"], match=r"missing \['b'\]", id="missing criterion"),
    # ---------------------------------------------------------------- utils.exercises (author errors)
    case(exercises.check_number, 17, "17", 0.5, exc=TypeError, match="expected must be a number", id="expected text"),
    case(exercises.check_number, 17, NAN, 0.5, match="expected=nan must be a finite number", id="expected NaN"),
    case(exercises.check_number, 17, 17.0, -0.5, match=r"tolerance=-0.5 must be >= 0", id="negative tolerance"),
    case(exercises.check_number, 17, 17.0, INF, match="tolerance=inf must be a finite number", id="infinite tolerance"),
    case(exercises.check_number, 17, 17.0, 0.5, unit=None, exc=TypeError, match="unit must be a str", id="unit None"),
    case(exercises.check_number, 17, 17.0, 0.5, hint=3, exc=TypeError, match="hint must be a str", id="hint int"),
    case(exercises.check_choice, "a", "a", "ab", exc=TypeError, match="options must be a list of strings", id="options text"),
    case(exercises.check_choice, "a", "a", [], match="options is empty", id="no options"),
    case(exercises.check_choice, "a", "a", ["a", " A "], match="options must be distinct", id="duplicate options"),
    case(exercises.check_choice, "a", "c", ["a", "b"], match=r"correct='c' is not one of the options", id="correct unknown"),
    case(exercises.check_choice, "a", "a", ["a", 2], exc=TypeError, match="each option must be a str", id="option int"),
    case(exercises.check_choice, "a", "a", ["a", "b"], explanations=["why"], exc=TypeError, match="explanations must be a dict", id="explanations list"),
    case(exercises.check_choice, "a", "a", ["a", "b"], explanations={"c": "why"}, match=r"explanations name unknown option\(s\) \['c'\]", id="explanation unknown"),
    case(exercises.check_year, 2014, "2014", exc=TypeError, match="expected must be an integer", id="expected text"),
    case(exercises.check_year, 2014, 2014.0, exc=TypeError, match="expected must be an integer", id="expected float"),
    case(exercises.check_year, 2014, 2014, -1, match="tolerance=-1 must be >= 0", id="negative tolerance"),
    case(exercises.check_set, ["x"], "xy", exc=TypeError, match="expected must be a list or set", id="expected text"),
    case(exercises.check_set, ["x"], [], match="expected is empty", id="expected empty"),
    case(exercises.check_set, ["x"], [1], exc=TypeError, match="each expected item must be a str", id="expected int item"),
    case(exercises.check_set, ["x"], ["x"], item_name=None, exc=TypeError, match="item_name must be a str", id="item_name None"),
    # ---------------------------------------------------------------- utils.claims
    case(claims.verdict_about, "10", 10.0, exc=TypeError, match="value must be a number", id="text"),
    case(claims.verdict_about, NAN, 10.0, match="value is NaN", id="NaN"),
    case(claims.verdict_about, 10.0, None, exc=TypeError, match="target must be a number", id="target None"),
    case(claims.verdict_nearly, 17.0, NAN, match="target is NaN", id="NaN target"),
    case(claims.verdict_nearly, [17.0], 18.0, exc=TypeError, match="value must be a number", id="list"),
    case(claims.verdict_below, [], 20.0, match="values must not be empty", id="empty"),
    case(claims.verdict_below, ["a"], 20.0, exc=TypeError, match=r"values\[i\] must be a number", id="text value"),
    case(claims.verdict_below, [1.0, NAN], 20.0, match=r"values\[i\] is NaN", id="NaN value"),
    case(claims.verdict_below, [1.0], NAN, match="limit is NaN", id="NaN limit"),
    case(claims.verdict_below, np.array(12.0), 20.0, exc=TypeError, match="values must be a list of numbers", id="0-d array"),
    case(claims.verdict_about, np.array([10.0]), 10.0, exc=TypeError, match="value must be a single number, not an array", id="array"),
    case(claims.verdict_nearly_doubled, "2", exc=TypeError, match="ratio must be a number", id="text"),
    case(claims.verdict_nearly_doubled, NAN, match="ratio is NaN", id="NaN"),
    case(claims.verdict_decline, 0.0, 1.0, match="early_mean must be positive", id="zero early"),
    case(claims.verdict_decline, -2.0, 1.0, match="early_mean must be positive", id="negative early"),
    case(claims.verdict_decline, "a", 1.0, exc=TypeError, match="early_mean must be a number", id="text"),
    case(claims.verdict_decline, 2.0, NAN, match="late_mean is NaN", id="NaN late"),
    case(claims.partner_share_pct, "XXX", 2013, match=r"unknown partner\(s\) \['XXX'\]", id="unknown partner"),
    case(claims.partner_share_pct, "CHN", 1800, match="year=1800 has no Russian trade data", id="year outside data"),
    case(claims.partner_share_pct, "CHN", 2015, match="year=2015 has no Russian trade data", id="gap year"),
    case(claims.china_share_of_russia_trade, 2030, match="year=2030 has no Russian trade data", id="future year"),
    case(claims.resolve, None, match="evidence_function must be a dotted name", id="None"),
    case(claims.resolve, "china_share_2013", match="evidence_function must be a dotted name", id="not dotted"),
    case(claims.resolve, "utils.claims.no_such_check", match="does not name a function", id="unknown function"),
    case(claims.resolve, "utils.claims.VERDICTS", match="does not name a function", id="not callable"),
    case(claims.resolve, "utils.no_such_module.check", match="evidence_function", id="unknown module"),
    case(claims.Evidence, 1.0, "%", "1%", "maybe", "why", match="verdict must be one of", id="unknown verdict"),
    # ---------------------------------------------------------------- utils.substitution
    case(substitution.supplier_cutoff, [("RUS", 1.0)], "RUS", 0.5, exc=TypeError, match="imports_by_origin must be a non-empty mapping", id="list"),
    case(substitution.supplier_cutoff, {}, "RUS", 0.5, exc=(TypeError, ValueError), match="imports_by_origin must be a non-empty mapping", id="empty"),
    case(substitution.supplier_cutoff, {"RUS": -1.0, "SAU": 2.0}, "RUS", 0.5, match=r"imports_by_origin\['RUS'\] must be a non-negative number", id="negative volume"),
    case(substitution.supplier_cutoff, {"RUS": NAN, "SAU": 2.0}, "RUS", 0.5, match=r"imports_by_origin\['RUS'\] must be a non-negative number.*got nan", id="NaN volume"),
    case(substitution.supplier_cutoff, {"RUS": "1", "SAU": 2.0}, "RUS", 0.5, exc=TypeError, match=r"imports_by_origin\['RUS'\] must be a number", id="text volume"),
    case(substitution.supplier_cutoff, {"RUS": 1.0, "SAU": 2.0}, "XXX", 0.5, match=r"supplier='XXX' has no recorded deliveries here; choose one of \['RUS', 'SAU'\]", id="unknown supplier"),
    case(substitution.supplier_cutoff, {"RUS": 1.0, "SAU": 2.0}, "RUS", 1.5, match="replaceable_share must be a share between 0 and 1, got 1.5", id="share above 1"),
    case(substitution.supplier_cutoff, {"RUS": 1.0, "SAU": 2.0}, "RUS", NAN, match="replaceable_share must be a share", id="NaN share"),
    case(substitution.supplier_cutoff, {"RUS": 0.0, "SAU": 0.0}, "RUS", 0.5, match="imports_by_origin sums to zero", id="all zero"),
    case(substitution.supplier_cutoff, {"RUS": 1.0}, "RUS", 0.5, match="supplier='RUS' is the only supplier", id="only supplier"),
    case(substitution.supplier_cutoff, {"RUS": 1.0, "SAU": 2.0}, "RUS", 0.5, 80.0, match="give both seller_exports_to_buyer and seller_total_exports", id="one seller figure"),
    case(substitution.supplier_cutoff, {"RUS": 1.0, "SAU": 2.0}, "RUS", 0.5, 300.0, 250.0, match=r"seller_exports_to_buyer \(300.0\) exceeds seller_total_exports", id="seller part above total"),
    case(substitution.supplier_cutoff, {"RUS": 1.0, "SAU": 2.0}, "RUS", 0.5, 0.0, 0.0, match="seller_total_exports must be a positive number", id="zero seller total"),
    case(substitution.supplier_cutoff, {"RUS": INF, "SAU": 2.0}, "RUS", 0.5, match=r"imports_by_origin\['RUS'\] must be a non-negative number.*got inf", id="infinite volume"),
    case(substitution.check_share, "unsold_fraction", 1.5, match="unsold_fraction must be a share between 0 and 1, got 1.5", id="above 1"),
    case(substitution.check_share, "unsold_fraction", NAN, match="unsold_fraction must be a share", id="NaN"),
    case(substitution.check_share, "unsold_fraction", "half", exc=TypeError, match="unsold_fraction must be a number", id="text"),
    case(substitution.check_share, "unsold_fraction", True, exc=TypeError, match="unsold_fraction must be a number", id="bool"),
    case(substitution.export_exposure, 1.2, 0.5, match="market_share must be a share between 0 and 1, got 1.2", id="share above 1"),
    case(substitution.export_exposure, 0.3, NAN, match="restricted_fraction must be a share", id="NaN"),
    case(substitution.export_exposure, 0.3, 0.5, "a", exc=TypeError, match="redirect_fraction must be a number", id="text"),
    case(substitution.export_exposure, -0.1, 0.5, match="market_share must be a share", id="negative"),
    case(substitution.crude_supply_from_frame, CRUDE.to_dict("records"), 2020, exc=TypeError, match="crude must be a pandas DataFrame", id="not a frame"),
    case(substitution.crude_supply_from_frame, CRUDE, "2020", exc=TypeError, match="year must be an integer", id="year text"),
    case(substitution.crude_supply_from_frame, CRUDE, 1900, match="year=1900 has no China crude total; available years", id="year outside data"),
    case(substitution.crude_supply_from_frame, pd.DataFrame(), 2020, match=r"crude is missing column\(s\) \['year'", id="empty frame"),
    case(substitution.crude_supply, 1900, match="year=1900 has no China crude total", id="year outside data"),
    case(substitution.crude_supply, "2020", exc=TypeError, match="year must be an integer", id="year text"),
    case(substitution.crude_supply, [2020], exc=TypeError, match=r"year must be an integer, got list \[2020\]", id="year list"),
    case(substitution.russia_crude_exports, pd.DataFrame(), match=r"energy is missing column\(s\) \['destination_iso3'", id="empty frame"),
    case(substitution.russia_crude_exports, "energy", exc=TypeError, match="energy must be a pandas DataFrame", id="not a frame"),
]  # fmt: skip


@pytest.mark.parametrize(("func", "args", "kwargs", "exc", "match"), CASES)
def test_bad_input_is_refused_with_a_clear_message(func, args, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        func(*args, **kwargs)


def _public_functions(module) -> dict[str, object]:
    """Module-level functions (plain or cached) defined in ``module`` that take arguments."""
    found = {}
    for name, value in vars(module).items():
        if name.startswith("_") or inspect.isclass(value) or not callable(value):
            continue
        if getattr(value, "__module__", None) != module.__name__:
            continue
        try:
            parameters = inspect.signature(value).parameters
        except (TypeError, ValueError):
            continue
        if parameters:  # a function without arguments cannot be given bad input
            found[name] = value
    return found


def test_every_public_function_has_a_bad_input_case():
    covered = {(getattr(p.values[0], "__module__", ""), p.values[0].__name__) for p in CASES}
    missing = [
        f"{module.__name__}.{name}"
        for module in MODULES
        for name in _public_functions(module)
        if (module.__name__, name) not in covered
    ]
    assert not missing, f"add rows to CASES for: {missing}"


def test_the_modules_under_test_are_the_current_ones():
    """The table imports modules by name; make sure none is a stale or shadowed copy."""
    for module in MODULES:
        assert importlib.import_module(module.__name__) is module
        path = module.__name__.replace(".", "/")
        assert module.__file__.endswith((path + ".py", path + "/__init__.py"))


# ----------------------------------------------------------------------------- valid input
@pytest.mark.parametrize(
    ("call", "expected"),
    [
        pytest.param(
            lambda: claims.verdict_below(np.array([12.0, 15.0]), 20.0),
            claims.SUPPORTED,
            id="claims.verdict_below: numpy array",
        ),
        pytest.param(
            lambda: claims.verdict_about(np.int64(10), 10.0),
            claims.SUPPORTED,
            id="claims.verdict_about: numpy integer",
        ),
        pytest.param(
            lambda: indicators.cagr(np.int64(100), np.float64(200.0), np.int64(5)),
            pytest.approx(2 ** (1 / 5) - 1),
            id="indicators.cagr: numpy scalars",
        ),
        pytest.param(
            lambda: triangle.classify(np.float64(-0.6), -0.6, 0.7).kind,
            "stable marriage",
            id="triangle.classify: numpy float",
        ),
    ],
)
def test_numpy_numbers_are_accepted_as_numbers(call, expected):
    """Values computed with pandas arrive as numpy scalars and arrays; they are not bad input."""
    assert call() == expected


# ----------------------------------------------------------------------------- student answers
STUDENT_ANSWERS = [
    ...,
    None,
    "",
    "seventeen",
    "1e400",
    NAN,
    INF,
    -INF,
    True,
    [],
    {"a": 1},
    (17,),
    1 + 2j,
    np.float64("nan"),
    np.array([17.0, 18.0]),
    pd.Series([17.0]),
    b"17",
    object(),
    10**400,  # an int beyond the float range
    np.array(17.0),  # a 0-d numpy array: iterable by its type, not in fact
]


@pytest.mark.parametrize("answer", STUDENT_ANSWERS, ids=lambda a: type(a).__name__)
def test_odd_student_answers_get_feedback_not_an_exception(answer):
    for feedback in (
        exercises.check_number(answer, 17.0, 0.5, unit="%"),
        exercises.check_choice(answer, "a", ["a", "b"]),
        exercises.check_year(answer, 2014),
        exercises.check_set(answer, ["x", "y"]),
    ):
        assert isinstance(feedback, exercises.Feedback)
        assert not feedback.correct and repr(feedback)


# ----------------------------------------------------------------------------- offline
def test_network_is_blocked_in_tests():
    """pytest-socket refuses connections beyond loopback (TEST-NET-3 address here)."""
    from pytest_socket import SocketConnectBlockedError as Blocked

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        with pytest.raises(Blocked):
            sock.connect(("203.0.113.1", 80))
        with pytest.raises(Blocked):
            sock.connect_ex(("203.0.113.1", 80))
    with pytest.raises((Blocked, OSError)):  # offline, DNS may fail first
        socket.create_connection(("example.org", 443), timeout=0.5)


def test_loopback_stays_open_for_kernels():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            conn, _ = server.accept()
            conn.close()
    assert port > 0
