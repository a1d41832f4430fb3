"""Lessons 01, 02 and 06: trade and concept charts, their numbers, and their widgets.

Expected numbers are worked out independently of the code under test: from the CSV files read
with the standard ``csv`` module, or by hand from the values printed in the comments (USD m).
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pytest

from utils.plotting import ALLOWED_COLORS, Chart, concepts, palette_colors_in
from utils.plotting import trade as tc
from utils.widgets import concepts as concept_widgets
from utils.widgets import trade as trade_widgets
from utils.widgets.core import REGISTRY

DATA = Path(__file__).resolve().parents[1] / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _turnover() -> dict[tuple[int, str], float]:
    return {
        (int(r["year"]), r["partner"]): float(r["exports_usd_m"]) + float(r["imports_usd_m"])
        for r in _rows("russia_trade_by_partner")
        if r["exports_usd_m"] and r["imports_usd_m"]
    }


def _imports() -> dict[tuple[int, str], float]:
    return {
        (int(r["year"]), r["partner"]): float(r["imports_usd_m"])
        for r in _rows("russia_trade_by_partner")
        if r["imports_usd_m"]
    }


# ----------------------------------------------------------------------------- numbers
def test_china_share_2013_matches_hand_computation():
    # 2013 (COW): China 40,668 + 53,348 = 94,016; world 527,266.365 + 314,967.021 = 842,233.386
    expected = 100 * 94_016 / 842_233.386
    series = tc.partner_series(["CHN"], "share", 2013, 2013)["China"]
    assert series.loc[2013] == pytest.approx(expected, abs=1e-9)
    assert round(expected, 2) == 11.16


def test_partner_series_leaves_2015_out_and_accepts_reversed_years():
    forward = tc.partner_series(["CHN", "EU"], "share", 2012, 2017)
    backward = tc.partner_series(["CHN", "EU"], "share", 2017, 2012)
    assert list(forward.index) == [2012, 2013, 2014, 2016, 2017]
    assert forward.equals(backward)
    assert list(forward.columns) == ["China", "EU27"]


def test_partner_series_values_in_usd_bn():
    turnover = _turnover()
    frame = tc.partner_series(["CHN"], "turnover", 2024, 2024)
    assert frame.loc[2024, "China"] == pytest.approx(turnover[2024, "CHN"] / 1000)
    exports = tc.partner_series(["CHN"], "exports", 2019, 2019)
    assert exports.loc[2019, "China"] == pytest.approx(54.937483)  # 54,937.483 USD m


@pytest.mark.parametrize(
    ("kwargs", "error", "fragment"),
    [
        ({"partners": []}, ValueError, "choose at least one partner"),
        ({"partners": ["XXX"]}, ValueError, "not in the trade table"),
        ({"partners": "CHN"}, TypeError, "list of partner codes"),
        ({"measure": "gdp"}, ValueError, "measure must be one of"),
        ({"start": 1950, "end": 1960}, ValueError, "outside the data"),
        ({"start": 2015, "end": 2015}, ValueError, "missing from both sources"),
        ({"start": 2015.0}, TypeError, "integer year"),
    ],
)
def test_partner_series_rejects_bad_input(kwargs, error, fragment):
    with pytest.raises(error, match=fragment):
        tc.partner_series(**kwargs)


def test_article_checks_and_ratio():
    turnover = _turnover()
    share_2013 = 100 * turnover[2013, "CHN"] / turnover[2013, "WLD"]
    share_2019 = 100 * turnover[2019, "CHN"] / turnover[2019, "WLD"]
    checks = tc.article_share_checks()
    assert checks.loc["2019", "our_data"] == pytest.approx(share_2019)
    assert checks.loc["ratio 2019/2013", "our_data"] == pytest.approx(share_2019 / share_2013)
    assert checks.loc["ratio 2019/2013", "article"] == pytest.approx(1.8)
    assert round(checks.loc["ratio 2019/2013", "our_data"], 2) == 1.47


def test_share_on_bases_matches_independent_computation():
    turnover = _turnover()
    bases = tc.share_on_bases()["share_pct"]
    # 2019 without Belarus, Kazakhstan, Ukraine: 109,003.914 / (662,359.345 - 32,152.619
    # - 19,028.952 - 12,151.227)
    small_total = turnover[2019, "WLD"] - sum(turnover[2019, p] for p in ("BLR", "KAZ", "UKR"))
    assert bases["2019 total without BLR, KAZ, UKR"] == pytest.approx(
        100 * turnover[2019, "CHN"] / small_total
    )
    assert round(bases["2019 total without BLR, KAZ, UKR"], 1) == 18.2
    # 2014 Russia-reported (UN Comtrade): 50,853.01 + 37,414.604 over the COW world total
    assert bases["2014 Russia's own records"] == pytest.approx(
        100 * (50_853.01 + 37_414.604) / turnover[2014, "WLD"]
    )
    assert bases["2014 COW (mirror exports)"] > bases["2014 Russia's own records"]
    assert round(bases["2020 IMF (Russia's records)"], 2) == 18.35


def test_flow_shares_and_analogy():
    imports = _imports()
    eu_2013 = 100 * imports[2013, "EU"] / imports[2013, "WLD"]
    china_2023 = 100 * imports[2023, "CHN"] / imports[2023, "WLD"]
    shares = tc.flow_shares(2013, ["EU", "CHN"], "imports")
    assert shares["EU27"] == pytest.approx(eu_2013)
    analogy = tc.eu_china_analogy()
    assert analogy.loc["China in 2023", "import_share"] == pytest.approx(china_2023)
    assert round(eu_2013, 1) == 40.0 and round(china_2023, 1) == 45.2
    with pytest.raises(ValueError, match="2015"):
        tc.flow_shares(2015)
    with pytest.raises(ValueError, match="flow must be"):
        tc.flow_shares(2019, ["CHN"], "re-exports")


def test_first_year_above():
    imports = _imports()
    years = sorted(y for (y, p) in imports if p == "CHN")
    expected = next(y for y in years if imports[y, "CHN"] > imports[y, "EU"])
    assert tc.first_year_above("CHN", "EU", "imports") == expected == 2022


def test_china_finance_total_and_peaks():
    rows = [r for r in _rows("chinese_official_finance") if r["recipient"] == "RUS"]
    total = sum(float(r["commitments_usd_m_2021"]) for r in rows) / 1000
    series = tc.china_finance_to_russia()
    assert series.sum() == pytest.approx(total)
    chart = tc.finance_chart()
    assert f"USD {total:,.0f} bn" in chart.description
    assert "2013 (USD 43.3 bn) and 2009 (USD 40.1 bn)" in chart.description
    assert "not debt" in chart.description


def test_source_coverage():
    coverage = tc.source_coverage()
    assert coverage.loc["cow_trade_v4", "last_year"] == 2014
    assert coverage.loc["imf_imts_2025", "first_year"] == 2016


def test_ledger_rows_selects_and_validates():
    rows = tc.ledger_rows("02")
    assert list(rows.index) == ["C01", "C02", "C03", "C04", "C05"]
    assert rows.loc["C02", "verdict"] == "partly supported"
    both = tc.ledger_rows("06", ["C05"])
    assert set(both.index) == {"C05", "C16"}
    assert (both.loc["C16", "article_figure"]) == ""
    with pytest.raises(ValueError, match="give a lesson"):
        tc.ledger_rows()
    with pytest.raises(ValueError, match="not in the ledger"):
        tc.ledger_rows(claim_ids=["C99"])


def test_ledger_rows_agree_with_the_full_evaluation():
    from utils import claims

    full = claims.evaluate().set_index("claim_id")
    rows = tc.ledger_rows("06", ["C04", "C05", "C13"])
    for column in ("verdict", "data_figure", "claim"):
        assert list(rows[column]) == list(full.loc[rows.index, column].fillna(""))


def test_markdown_table():
    frame = tc.source_coverage()
    text = tc.markdown_table(frame)._repr_markdown_()
    lines = text.splitlines()
    assert lines[0] == "| source_id | first_year | last_year | years |"
    assert lines[2] == "| cow_trade_v4 | 1992 | 2014 | 23 |"
    with pytest.raises(TypeError, match="DataFrame"):
        tc.markdown_table([1, 2])


# ----------------------------------------------------------------------------- charts
def _is_clean_percent_step(chart: Chart, axis: str) -> bool:
    ax = chart.figure.axes[0]
    ticks = ax.get_yticks() if axis == "y" else ax.get_xticks()
    steps = np.diff(ticks)
    return bool(np.all(np.isclose(steps, steps[0]))) and any(
        math.isclose(steps[0] / 10**k, s) for s in (1, 2, 5) for k in range(-1, 3)
    )


def test_pivot_chart_breaks_at_2015_and_describes_first_and_last():
    chart = tc.pivot_chart(sanctions=True)
    line = chart.figure.axes[0].lines[0]
    x, y = line.get_xdata(), line.get_ydata()
    assert 2015 in list(x) and math.isnan(y[list(x).index(2015)])
    assert chart.description.startswith("China went from 6.9% in 1992 to 33.4% in 2024")
    assert "2015 is missing" in chart.description
    texts = [t.get_text() for t in chart.figure.texts]
    assert any("COW Trade v4.0" in t and "IMF, IMTS" in t for t in texts)
    assert _is_clean_percent_step(chart, "y")
    assert palette_colors_in(chart.figure) <= ALLOWED_COLORS


def test_pivot_chart_single_year_and_values():
    chart = tc.pivot_chart(["CHN"], "turnover", 2024, 2024)
    turnover = _turnover()
    assert chart.description == f"China: USD {turnover[2024, 'CHN'] / 1000:,.1f} bn in 2024."
    only_imf = tc.pivot_chart(["CHN"], "share", 2016, 2024)
    assert "2015" not in only_imf.description
    texts = " ".join(t.get_text() for t in only_imf.figure.texts)
    assert "COW" not in texts


def test_article_and_basis_charts():
    article = tc.article_check_chart()
    assert "our data give 11.2% and 16.5%" in article.description
    assert "1.47-fold rather than 1.8-fold" in article.description
    assert _is_clean_percent_step(article, "y")
    basis = tc.basis_chart()
    assert "16.5%" in basis.description and "18.2%" in basis.description
    assert "18.4% in 2020" in basis.description
    labels = [t.get_text() for t in basis.figure.axes[0].get_legend().get_texts()]
    assert labels == ["Article, 2013: 10%", "Article, 2019: 18%"]


def test_import_sources_chart_variants():
    default = tc.import_sources_chart()
    assert "China 16.9% in 2013 and 45.2% in 2023" in default.description
    exports = tc.import_sources_chart(flow="exports")
    assert exports.description.startswith("Shares of Russia's goods exports")
    same = tc.import_sources_chart(2019, 2019, ["CHN"])
    assert same.description == "Shares of Russia's goods imports: China 22.3% in 2019."
    assert same.title.endswith(", 2019")
    with pytest.raises(ValueError, match="2015"):
        tc.import_sources_chart(2015, 2019)


def test_analogy_chart_description():
    chart = tc.analogy_chart()
    assert chart.description == (
        "In 2013 the EU27 took 44.2% of Russia's trade and supplied 40.0% of its imports; "
        "China's shares were 16.5% and 22.3% in 2019, and 31.4% and 45.2% in 2023."
    )


# ----------------------------------------------------------------------------- concepts
ALL_TRUE = dict.fromkeys(concepts.FEATURES, True)


def test_match_scores_by_hand():
    # Alliance specifies mutual defence (weight 2), exercises, backing of claims and
    # consultation (weight 1 each): total 5. Russia-China agrees on exercises and consultation
    # only: (1 + 1) / 5 = 40%.
    rc = concepts.russia_china_profile()
    alliance = concepts.CONCEPTS["Alliance"]
    specified = [k for k, v in alliance.items() if v is not None]
    total = sum(concepts.WEIGHTS[k] for k in specified)
    agree = sum(concepts.WEIGHTS[k] for k in specified if rc[k] == alliance[k])
    assert concepts.match_scores(rc)["Alliance"] == pytest.approx(100 * agree / total)
    assert concepts.match_scores(rc)["Alliance"] == pytest.approx(40.0)
    assert concepts.match_scores(ALL_TRUE).to_dict() == pytest.approx(
        {"Alliance": 100.0, "Alignment": 50.0, "Strategic partnership": 25.0}
    )


def test_best_match_breaks_ties_by_specificity_and_reports_them():
    winner, tied = concepts.best_match(concepts.russia_china_profile())
    assert (winner, tied) == ("Alignment", ["Strategic partnership"])
    assert concepts.best_match(ALL_TRUE) == ("Alliance", [])


@pytest.mark.parametrize(
    ("profile", "error"),
    [
        ({"mutual_defence": True}, ValueError),
        (dict(ALL_TRUE, extra=True), ValueError),
        (dict(ALL_TRUE, arms_sales=1), TypeError),
        ([True] * 6, TypeError),
    ],
)
def test_profiles_are_validated(profile, error):
    with pytest.raises(error):
        concepts.match_scores(profile)


def test_russia_china_profile_counts_come_from_data():
    exercises = [r for r in _rows("joint_exercises") if int(r["year"]) <= 2020]
    orders = [
        r
        for r in _rows("arms_deals")
        if r["supplier"] == "Russia" and r["recipient"] == "China" and int(r["order_year"]) <= 2020
    ]
    evidence = {e.feature: e for e in concepts.russia_china_2020()}
    assert f"{len(exercises)} joint exercises" in evidence["joint_exercises"].reason
    assert f"{len(orders)} Russian arms orders" in evidence["arms_sales"].reason
    assert not evidence["mutual_defence"].present and evidence["arms_sales"].present


def test_flip_effects_mutual_defence_moves_alliance_most():
    effects = concepts.flip_effects()
    assert effects["Alliance"].idxmax() == concepts.FEATURES["mutual_defence"]
    # Flipping the defence promise adds its weight 2 to the agreeing 2 of 5: 40% -> 80%.
    assert effects.loc[concepts.FEATURES["mutual_defence"], "Alliance"] == pytest.approx(40.0)


def test_concept_chart_and_timeline():
    chart = concepts.concept_chart(ALL_TRUE)
    assert chart.description.startswith("Your profile: alliance 100%, alignment 50%")
    assert "(best: alignment, tied with strategic partnership)" in chart.description
    assert palette_colors_in(chart.figure) <= ALLOWED_COLORS
    events = concepts.timeline_events()
    assert list(events["date"]) == sorted(events["date"])
    timeline = concepts.timeline_chart_2014_2020()
    assert timeline.description.startswith(f"{len(events)} dated events from March 2014")


# ----------------------------------------------------------------------------- widgets
def test_builders_are_registered():
    assert REGISTRY[("02_pivot_to_the_east", "trade_explorer")] is trade_widgets.trade_explorer
    assert (
        REGISTRY[("06_technology_and_sanctions", "import_sources")]
        is trade_widgets.import_source_explorer
    )
    assert REGISTRY[("01_anything_is_possible", "concept_sorter")] is concept_widgets.concept_sorter


def _png(view) -> bytes:
    return view.last_chart.to_png()


def test_trade_explorer_default_and_every_control():
    view = trade_widgets.trade_explorer()
    assert view.last_chart is not None and view.message.startswith("2015 is in neither source")
    default = view.last_chart.description
    assert default == trade_widgets.render_trade_explorer()[0].description
    changes = [
        {"partners": ("USA", "CHN")},
        {"first_year": 2000},
        {"last_year": 2010},
        {"measure": "imports"},
    ]
    for change in changes:
        before = (view.last_chart.description, _png(view))
        view.set(**change)
        after = (view.last_chart.description, _png(view))
        assert after != before, f"{change} changed nothing"


def test_trade_explorer_odd_and_invalid_choices():
    view = trade_widgets.trade_explorer()
    view.set(first_year=2024)
    assert "one year is shown" in view.message
    view.set(last_year=1992)
    assert "was after the last year" in view.message
    assert view.last_chart.description.startswith("China went from 6.9% in 1992")
    good = view.last_chart
    view.set(partners=())
    assert "Choose at least one partner" in view.message and view.last_chart is good
    view.set(partners=("CHN",), first_year=2015, last_year=2015)
    assert "missing from both sources" in view.message


def test_import_source_explorer_default_and_every_control():
    view = trade_widgets.import_source_explorer()
    assert view.last_chart.description == tc.import_sources_chart().description
    for change in ({"year_a": 2014}, {"year_b": 2024}, {"flow": "exports"}, {"partners": ("IND",)}):
        before = view.last_chart.description
        view.set(**change)
        assert view.last_chart.description != before, f"{change} changed nothing"
    view.set(year_a=2019, year_b=2019)
    assert "Both years are 2019" in view.message
    view.set(partners=())
    assert "Choose at least one partner" in view.message


def test_concept_sorter_every_checkbox_changes_the_chart():
    view = concept_widgets.concept_sorter()
    assert view.last_chart.description == concepts.concept_chart(ALL_TRUE).description
    for key in concepts.FEATURES:
        before = (view.last_chart.description, _png(view))
        view.set(**{key: not view.values[key]})
        assert (view.last_chart.description, _png(view)) != before, f"{key} changed nothing"
    assert view.message.startswith("Your profile")
    view.set(**concepts.russia_china_profile())
    assert view.message == "Your profile is the same as Russia-China in 2020."
