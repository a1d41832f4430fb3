"""Lesson 03 (who needs whom): what its tables, charts, widget and task checks say.

Expected numbers are worked out by hand from the rows of the curated CSVs (read here with the
csv module, not through the code under test), so a test fails if a chart or a check drifts
from the data.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pytest

from utils import substitution
from utils.exercises import l03 as checks
from utils.lessons import l03_asymmetry as lesson
from utils.live import REGISTRY
from utils.style import ACTOR_COLORS, ALLOWED_COLORS, GREY, colors_in, to_hex

DATA = Path(__file__).resolve().parents[1] / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _turnover(name: str, year: int, partner: str) -> float:
    for row in _rows(name):
        if int(row["year"]) == year and row["partner"] == partner:
            return float(row["exports_usd_m"]) + float(row["imports_usd_m"])
    raise KeyError((name, year, partner))


def _crude(year: int) -> dict[str, float]:
    return {r["origin"]: float(r["crude_kt"]) for r in _rows("china_crude_imports_by_origin")
            if int(r["year"]) == year}  # fmt: skip


def _bounds(year: int, without: str | None = None) -> tuple[float, float]:
    rows = _crude(year)
    shares = [100 * v / rows["WLD"] for k, v in rows.items() if k not in ("WLD", without)]
    lower = sum(s * s for s in shares)
    return lower, lower + max(0.0, 100 - sum(shares)) ** 2


def _check_chart(chart, title_part: str) -> None:
    ax = chart.figure.axes[0]
    assert title_part in ax.get_title("left").replace("\n", " ")
    assert any(t.get_text().startswith("Source:") for t in chart.figure.texts)
    assert colors_in(chart.figure) <= ALLOWED_COLORS
    assert chart.description.endswith(".")


# ----------------------------------------------------------------------------- section 1
def test_mirror_shares_2019_by_hand():
    bilateral = _turnover("china_trade_with_russia", 2019, "RUS")
    assert bilateral == pytest.approx(109003.914)
    china_in_russia = 100 * bilateral / _turnover("russia_trade_by_partner", 2019, "WLD")
    russia_in_china = 100 * bilateral / _turnover("china_trade_with_russia", 2019, "WLD")
    shares = lesson.mirror_shares()
    assert shares.loc[2019, "china_in_russia"] == pytest.approx(china_in_russia)  # 16.46%
    assert shares.loc[2019, "russia_in_china"] == pytest.approx(russia_in_china)  # 2.38%
    assert shares.loc[2019, "ratio"] == pytest.approx(6.912, abs=1e-3)
    assert math.isnan(shares.loc[2015, "ratio"])  # no Russian total in 2015


def test_mirror_shares_name_the_basis_of_chinas_total():
    basis = lesson.mirror_shares()["china_total"]
    assert basis[1999].startswith("COW") and basis[2013].startswith("COW")
    assert not basis[1998].startswith("COW")  # COW's totals jump only in 1999
    assert basis[2014] == basis[2024] == "China's customs (UN Comtrade)"


def test_mirror_chart_draws_the_shares_and_sets_the_cow_years_apart():
    chart = lesson.mirror_shares_chart()
    _check_chart(chart, "Who weighs what for whom")
    lines = {line.get_label(): line for line in chart.figure.axes[0].get_lines()}
    own = lines["Russia's share of China's trade"]
    cow = lines["same, China's total from COW (too low)"]
    years = list(own.get_xdata())
    assert np.isnan(own.get_ydata()[years.index(2013)])  # 2013 is drawn only as COW
    assert cow.get_ydata()[years.index(2013)] == pytest.approx(1.824, abs=1e-3)
    assert to_hex(cow.get_color()) == GREY and cow.get_linestyle() == "--"
    assert to_hex(lines["China's share of Russia's trade"].get_color()) == ACTOR_COLORS["CHN"]
    assert "11.2% in 2013, 16.5% in 2019 and 33.4% in 2024" in chart.description
    assert "1.8% in 2013 (a COW total" in chart.description


def test_asymmetry_chart_states_each_year():
    chart = lesson.asymmetry_chart()
    _check_chart(chart, "Asymmetry ratio")
    ratio_2020 = (_turnover("russia_trade_by_partner", 2020, "CHN")
                  / _turnover("russia_trade_by_partner", 2020, "WLD")) / (
        _turnover("china_trade_with_russia", 2020, "RUS")
        / _turnover("china_trade_with_russia", 2020, "WLD"))  # fmt: skip
    assert f"{ratio_2020:.1f} in 2020" in chart.description  # 8.2
    assert "6.1 times more in Russia's trade than Russia in China's in 2013 (COW" in (
        chart.description
    )
    assert "5.8 times in 2014 (the first year with China's own totals)" in chart.description


# ----------------------------------------------------------------------------- section 3
def test_crude_concentration_2020_by_hand():
    table = lesson.crude_concentration()
    rows = _crude(2020)
    lower, upper = _bounds(2020)
    assert table.loc[2020, "hhi_lower"] == pytest.approx(lower)
    assert table.loc[2020, "hhi_upper"] == pytest.approx(upper)
    assert table.loc[2020, "russia_share"] == pytest.approx(100 * rows["RUS"] / rows["WLD"])
    assert table.loc[2020, "russia_rank"] == 2  # Saudi Arabia 84,923 kt > Russia 83,573 kt
    assert (table["hhi_upper"] >= table["hhi_lower"]).all()
    assert table.loc[2020, "hhi_upper"] < lesson.UNCONCENTRATED  # as claim C07 finds


def test_a_year_whose_origins_exceed_the_total_has_no_negative_rest():
    table = lesson.crude_concentration()
    rows = _crude(1998)
    assert sum(v for k, v in rows.items() if k != "WLD") > rows["WLD"]  # the data's quirk
    assert table.loc[1998, "rest_share"] == 0
    assert table.loc[1998, "hhi_upper"] == pytest.approx(table.loc[1998, "hhi_lower"])


def test_crude_charts_state_their_year():
    bars = lesson.crude_suppliers_chart(2019)
    _check_chart(bars, "China's largest crude oil suppliers, 2019")
    rows = _crude(2019)
    assert f"Saudi Arabia, provided {100 * rows['SAU'] / rows['WLD']:.1f}%" in bars.description
    widths = [p.get_width() for p in bars.figure.axes[0].patches]
    assert widths[0] == pytest.approx(100 * rows["SAU"] / rows["WLD"])
    assert len(widths) == 10
    line = lesson.crude_share_chart()
    _check_chart(line, "Russia's share of China's crude oil imports")
    assert f"{100 * _crude(2020)['RUS'] / 542400:.1f}% in 2020 (rank 2)" in line.description


def test_partner_concentration_2019_by_hand():
    world = _turnover("russia_trade_by_partner", 2019, "WLD")
    shares = [100 * _turnover("russia_trade_by_partner", 2019, p) / world for p in lesson.BLOCKS]
    lower = sum(s * s for s in shares)
    table = lesson.partner_concentration()
    assert table.loc[2019, "hhi_lower"] == pytest.approx(lower)  # 1,910 points
    assert table.loc[2019, "hhi_upper"] == pytest.approx(lower + (100 - sum(shares)) ** 2)
    assert table.loc[2024, "blocks_listed"] == len(lesson.BLOCKS) - 1  # KAZ is missing in 2024
    chart = lesson.partner_concentration_chart()
    _check_chart(chart, "How concentrated are Russia's trade partners?")
    assert "1,910-2,160 points in 2019" in chart.description


def test_arms_series_2023_by_hand():
    rows = [r for r in _rows("arms_transfers_by_year") if r["year"] == "2023"]
    to_china = sum(float(r["tiv_m"]) for r in rows if r["recipient_iso3"] == "CHN")
    from_russia = sum(float(r["tiv_m"]) for r in rows if r["supplier_iso3"] == "RUS")
    arms = lesson.arms_series()
    assert arms.loc[2023, "russia_to_china"] == pytest.approx(371.5)
    assert arms.loc[2023, "russia_in_china_imports"] == pytest.approx(100 * 371.5 / to_china)
    assert arms.loc[2023, "china_in_russia_exports"] == pytest.approx(100 * 371.5 / from_russia)
    chart = lesson.arms_chart()
    _check_chart(chart, "Arms")
    assert "372 million in 2023" in chart.description and "79% in 2023" in chart.description


# ----------------------------------------------------------------------------- section 4
def test_cutoff_chart_default_numbers_and_bars():
    chart = lesson.CutoffChart().static(**lesson.DEFAULTS)
    _check_chart(chart, "What if one supplier stopped selling crude to China?")
    removed = 83572.55 / 542400
    assert f"China would lack {100 * removed * 0.5:.1f}%" in chart.description  # 7.7%
    assert f"lose {100 * 83.445 / 259.977:.1f}% of its crude exports" in chart.description
    widths = [bar.get_width() for bar in chart.figure.axes[0].patches]
    seller = 100 * 83.445 / 259.977
    assert widths == pytest.approx([100 * removed, 50 * removed, 50 * removed, seller], rel=1e-3)


def test_cutoff_chart_has_no_seller_side_outside_russia_2020():
    view = lesson.CutoffChart()
    description, note = view.update("SAU", 0.0, 2020)
    assert f"lack {100 * 84923.145 / 542400:.1f}%" in description and "lose" not in description
    assert "only for Russia in 2020" in note
    assert view.values[3].get_text() == "no data" and view.bars[3].get_width() == 0
    supply = substitution.crude_supply(2016)
    result = substitution.supplier_cutoff(supply.volumes_with_rest(), "RUS", 0.25)
    view.update("RUS", 0.25, 2016)
    assert view.bars[2].get_width() == pytest.approx(100 * result.shortfall_share)
    assert view.values[2].get_text() == f"{100 * result.shortfall_share:.1f}%"


def test_cutoff_refuses_absent_supplier_and_bad_year():
    assert "VEN" in substitution.crude_supply(2013).by_origin.index  # itemised in 2013 only
    with pytest.raises(ValueError, match="itemises no crude from VEN in 2020"):
        lesson.cutoff("VEN", 0.5, 2020)
    with pytest.raises(ValueError, match="Choose a year from 2013 to 2021"):
        lesson.cutoff("RUS", 0.5, 2030)
    with pytest.raises(ValueError, match="replaceable_share"):
        lesson.cutoff("RUS", 1.5, 2020)


def test_supplier_options_are_fixed_and_start_with_the_2020_leaders():
    options = lesson.supplier_options()
    assert options[:2] == (("Saudi Arabia", "SAU"), ("Russia", "RUS"))
    assert ("Iran", "IRN") in options  # a large supplier in earlier years, absent in 2020


def test_widget_is_registered_and_every_control_changes_the_sentence():
    assert REGISTRY[("03", "substitution_what_if")] is lesson.substitution_what_if
    view = lesson.substitution_what_if()
    assert view.description.startswith("If Russia stopped selling crude to China in 2020")
    for name, value in {"supplier": "SAU", "replaceable_share": 0.9, "year": 2018}.items():
        before = view.description
        view.set(**{name: value})
        assert view.description != before and not view.message


def test_widget_keeps_the_picture_and_names_the_problem_on_bad_input():
    view = lesson.substitution_what_if()
    shown = view.output.outputs
    view.chart.update("RUS", 0.5, 2020)  # the chart itself accepts the default
    view.controls["year"].min = 2000  # a year outside the offered range
    view.set(year=2005)
    assert "Choose a year from 2013 to 2021" in view.message and view.output.outputs == shown
    view.set(year=2016)
    assert "2016" in view.description and not view.message


# ----------------------------------------------------------------------------- task checks
def test_task_checks_expect_the_hand_computed_values():
    a = 100 * _turnover("russia_trade_by_partner", 2020, "CHN") / _turnover(
        "russia_trade_by_partner", 2020, "WLD")  # fmt: skip
    b = 100 * _turnover("china_trade_with_russia", 2020, "RUS") / _turnover(
        "china_trade_with_russia", 2020, "WLD")  # fmt: skip
    assert checks.asymmetry_2020(china_in_russia=a, russia_in_china=b, ratio=a / b).correct
    assert not checks.asymmetry_2020(china_in_russia=a / 100, russia_in_china=b, ratio=8).correct
    lower, upper = _bounds(2000)
    assert checks.crude_hhi_2000(lower_2000=lower, upper_2000=upper,
                                 clearly_unconcentrated=upper < 1500).correct  # fmt: skip
    lower_without, upper_without = _bounds(2020, without="USA")
    lower, upper = _bounds(2020)
    assert lower_without < lower and upper_without > upper  # the missing row's signature
    assert checks.missing_row_2020(lower_change=lower_without - lower,
                                   upper_change=upper_without - upper).correct  # fmt: skip


def test_c06_task_compares_the_two_records_of_2024():
    flows = {(r["metric"], r["basis"]): float(r["value"])
             for r in _rows("russia_china_trade_2022_2025")
             if r["period"] == "2024" and r["unit"] == "usd_bn"}  # fmt: skip
    china_world = next(float(r["imports_usd_m"]) for r in _rows("china_trade_with_russia")
                       if r["year"] == "2024" and r["partner"] == "WLD") / 1000  # fmt: skip
    russia = 100 * flows[("china_imports_from_russia", "imf_russia_reported")] / china_world
    china = 100 * flows[("china_imports_from_russia", "china_customs")] / china_world
    assert russia < 5 <= china  # the two records fall on either side of C06's line
    expected = checks.c06_two_records_2024.expected()
    assert expected["share_russia_record"] == pytest.approx(russia)
    assert expected["share_china_record"] == pytest.approx(china)
    assert expected["small_on_both"] is False
