"""Lesson 02 (pivot to the East): trade tables, caveats, charts, the explorer and the checks.

Expected numbers are worked out independently of the code under test: from the CSV read with
the standard ``csv`` module, or by hand from the values in the comments (USD m).
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import numpy as np
import pytest

from utils import trade_tables as tt
from utils.exercises import l02 as check
from utils.exercises.tasks import tasks_in
from utils.lessons import l02_pivot as lesson
from utils.live import REGISTRY, discover_widgets
from utils.style import ALLOWED_COLORS, actor_color, colors_in, to_hex

ROOT = Path(__file__).resolve().parents[1]
ALL = tuple(tt.PARTNER_NAMES)


def _rows(name: str) -> list[dict[str, str]]:
    with (ROOT / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _flows() -> dict[tuple[int, str], tuple[float, float]]:
    return {
        (int(r["year"]), r["partner"]): (float(r["exports_usd_m"] or "nan"),
                                         float(r["imports_usd_m"] or "nan"))
        for r in _rows("russia_trade_by_partner")
    }  # fmt: skip


def _turnover(year: int, partner: str) -> float:
    return sum(_flows()[year, partner])


def _share(year: int, partner: str) -> float:
    return 100 * _turnover(year, partner) / _turnover(year, "WLD")


# ----------------------------------------------------------------------------- tables
def test_china_share_2013_matches_hand_computation():
    # 2013 (COW): China 40,668 + 53,348 = 94,016; world 527,266.365 + 314,967.021
    expected = 100 * 94_016 / 842_233.386
    assert lesson.china_share(2013) == pytest.approx(expected, abs=1e-6)
    assert round(expected, 2) == 11.16
    assert tt.partner_series(["CHN"], "share", 2013, 2013).loc[2013, "China"] == pytest.approx(
        expected, abs=1e-6
    )


def test_partner_series_leaves_2015_out_and_accepts_reversed_years():
    forward = tt.partner_series(["CHN", "EU"], "share", 2012, 2017)
    backward = tt.partner_series(["CHN", "EU"], "share", 2017, 2012)
    assert list(forward.index) == [2012, 2013, 2014, 2016, 2017]
    assert forward.equals(backward)
    assert list(forward.columns) == ["China", "EU27"]


def test_partner_series_values_in_usd_bn():
    frame = tt.partner_series(["CHN"], "turnover", 2024, 2024)
    assert frame.loc[2024, "China"] == pytest.approx(_turnover(2024, "CHN") / 1000)
    exports = tt.partner_series(["CHN"], "exports", 2019, 2019)
    assert exports.loc[2019, "China"] == pytest.approx(54.937483)  # 54,937.483 USD m


@pytest.mark.parametrize(
    ("kwargs", "error", "fragment"),
    [
        ({"partners": []}, ValueError, "Choose at least one partner"),
        ({"partners": ["XXX"]}, ValueError, "not in the trade table"),
        ({"partners": "CHN"}, TypeError, "list of partner codes"),
        ({"measure": "gdp"}, ValueError, "measure must be one of"),
        ({"start": 1950, "end": 1960}, ValueError, "outside the data"),
        ({"start": 2015, "end": 2015}, ValueError, "neither source"),
        ({"start": 2015.0}, TypeError, "integer year"),
    ],
)
def test_partner_series_rejects_bad_input(kwargs, error, fragment):
    with pytest.raises(error, match=fragment):
        tt.partner_series(**kwargs)


def test_article_checks_and_ratio():
    checks = lesson.article_share_checks()
    assert checks.loc["2019", "our_data"] == pytest.approx(_share(2019, "CHN"))
    ratio = _share(2019, "CHN") / _share(2013, "CHN")
    assert checks.loc["ratio 2019/2013", "our_data"] == pytest.approx(ratio)
    assert checks.loc["ratio 2019/2013", "article"] == pytest.approx(1.8)
    assert round(ratio, 2) == 1.47


def test_share_on_bases_matches_independent_computation():
    bases = lesson.share_on_bases()["share_pct"]
    small_total = _turnover(2019, "WLD") - sum(_turnover(2019, p) for p in ("BLR", "KAZ", "UKR"))
    assert bases["2019 total without BLR, KAZ, UKR"] == pytest.approx(
        100 * _turnover(2019, "CHN") / small_total
    )
    assert round(bases["2019 total without BLR, KAZ, UKR"], 1) == 18.2
    # 2014 Russia-reported (UN Comtrade): 50,853.01 + 37,414.604 over the COW world total
    assert bases["2014 Russia's own records"] == pytest.approx(
        100 * (50_853.01 + 37_414.604) / _turnover(2014, "WLD")
    )
    assert bases["2014 COW (mirror exports)"] > bases["2014 Russia's own records"]
    assert round(bases["2020 IMF (Russia's records)"], 2) == 18.35


def test_first_year_above_and_growth_table():
    flows = _flows()
    years = sorted(y for (y, p) in flows if p == "CHN")
    expected = next(y for y in years if flows[y, "CHN"][1] > flows[y, "EU"][1])
    assert lesson.first_year_above("CHN", "EU", "imports") == expected == 2022
    growth = lesson.growth_2013_2019()
    assert growth.loc["China", "change_pct"] == pytest.approx(
        100 * (_turnover(2019, "CHN") / _turnover(2013, "CHN") - 1)
    )
    assert growth.loc["China", "change_pct"] > 0 > growth.loc["World", "change_pct"]


def test_source_coverage_and_press_shares():
    coverage = lesson.source_coverage()
    assert coverage.loc["cow_trade_v4", "last_year"] == 2014
    assert coverage.loc["imf_imts_2025", "first_year"] == 2016
    press = lesson.press_share_check()
    assert press.loc[2018, "our_pct"] == pytest.approx(_share(2018, "CHN"))
    assert press.loc[2018, "difference"] == pytest.approx(_share(2018, "CHN") - 15.7)
    assert all(url.startswith("https://") for url in lesson.PRESS_SHARES["source_url"])


def test_ledger_rows_select_validate_and_agree_with_the_full_evaluation():
    from utils import claims

    rows = tt.ledger_rows("02")
    assert list(rows.index) == ["C01", "C02", "C03", "C04", "C05"]
    assert rows.loc["C02", "verdict"] == "partly supported"
    full = claims.evaluate().set_index("claim_id")
    for column in ("verdict", "data_figure", "claim"):
        assert list(rows[column]) == list(full.loc[rows.index, column].fillna(""))
    with pytest.raises(ValueError, match="give a lesson"):
        tt.ledger_rows()
    with pytest.raises(ValueError, match="not in the ledger"):
        tt.ledger_rows(claim_ids=["C99"])


def test_markdown_table():
    lines = tt.markdown_table(lesson.source_coverage())._repr_markdown_().splitlines()
    assert lines[0] == "| source_id | first_year | last_year | years |"
    assert lines[2] == "| cow_trade_v4 | 1992 | 2014 | 23 |"
    with pytest.raises(TypeError, match="DataFrame"):
        tt.markdown_table([1, 2])


# ----------------------------------------------------------------------------- caveats
def test_bilateral_bases_from_the_2022_2025_table():
    rows = {
        (r["period"], r["basis"]): float(r["value"])
        for r in _rows("russia_china_trade_2022_2025")
        if r["metric"] == "turnover" and r["unit"] == "usd_bn"
    }
    table = tt.bilateral_bases()
    assert list(table.index) == [2022, 2023, 2024]
    assert table.loc[2023, "china_customs"] == rows["2023", "china_customs"] == 240.11
    assert table.loc[2024, "difference"] == pytest.approx(
        rows["2024", "china_customs"] - rows["2024", "imf_russia_reported"]
    )
    # The IMF's Russia-reported count is our trade table's own value
    assert table.loc[2023, "imf_russia_reported"] == pytest.approx(_turnover(2023, "CHN") / 1000)


def test_cow_2001_export_total_is_flagged_with_the_customs_figure():
    check_2001 = tt.cow_2001_check()
    exports = {y: _flows()[y, "WLD"][0] / 1000 for y in (2000, 2001, 2002)}
    assert check_2001.loc["2001", "world_exports_usd_bn"] == pytest.approx(exports[2001])
    assert exports[2001] < 0.85 * min(exports[2000], exports[2002])  # the drop is real in COW
    # EU27 2001 with Russia's customs figure (USD 100 bn) in place of COW's exports
    eu = _turnover(2001, "EU")
    total = 100_000 + _flows()[2001, "WLD"][1]
    assert check_2001.loc[tt.CUSTOMS_2001_ROW, "eu27_share_pct"] == pytest.approx(100 * eu / total)
    assert round(_share(2001, "EU")) == 62 and round(100 * eu / total) == 54
    assert "about 54%, not 62%" in tt.cow_2001_note()
    assert tt.CITED_FIGURES.loc["fcs_exports_2001", "source_url"].startswith("https://")


def test_customs_gap_2023_is_about_2_4_points():
    gap = tt.customs_gap_2023()
    imf = _share(2023, "CHN")
    assert gap.loc["trade: IMF (partner-based estimate)", "share_pct"] == pytest.approx(imf)
    quoted = gap.loc[tt.CUSTOMS_TRADE_ROW]
    # China customs' count (240.11, table russia_china_trade_2022_2025) over Russia's 710.1
    assert quoted["share_pct"] == pytest.approx(100 * 240.11 / 710.1)
    assert quoted["gap_pp"] == pytest.approx(100 * 240.11 / 710.1 - imf)
    assert round(quoted["gap_pp"], 1) == 2.4
    imports = gap.loc["imports: IMF value from China, customs import total", "share_pct"]
    assert imports == pytest.approx(100 * _flows()[2023, "CHN"][1] / 285_100)
    assert "(2.4 points higher)" in tt.estimates_note("share")
    assert tt.estimates_note("turnover").endswith("partners' records.")
    assert set(tt.CITED_FIGURES["source_url"].str[:8]) == {"https://"}


# ----------------------------------------------------------------------------- charts
def _explorer(**values):
    chart = lesson.TradeExplorer()
    description, note = chart.update(**{**lesson.DEFAULTS, **values})
    return chart, description, note


def test_explorer_default_draws_the_shares_breaks_at_2015_and_carries_the_caveats():
    chart, description, _note = _explorer()
    china = chart.lines["CHN"]
    x, y = list(china.get_xdata()), china.get_ydata()
    assert x[0] == 1992 and x[-1] == 2024 and math.isnan(y[x.index(2015)])
    assert y[x.index(2013)] == pytest.approx(_share(2013, "CHN"))
    assert to_hex(china.get_color()) == actor_color("CHN")
    assert description.startswith("China went from 6.9% in 1992 to 33.4% in 2024; EU27 from")
    assert "2015 is in neither source" in description
    assert "Shares in 2001 are too high" in description
    assert "2.4 points higher" in description
    assert [t.get_text() for t in chart.ax.get_legend().get_texts()] == [
        "China", "EU27", "Germany", "United States"]  # fmt: skip
    assert not chart.lines["IND"].get_visible()
    assert chart.title.get_text() == "Partners' share of Russia's goods trade, 1992-2024"
    assert chart.source.get_text() == "Source: COW Trade v4.0 (2016); IMF, IMTS (2025)."
    assert colors_in(chart.fig) <= ALLOWED_COLORS


def test_explorer_windows_measures_and_notes():
    chart, description, _ = _explorer(partners=("CHN",), measure="turnover", first_year=2024,
                                      last_year=2024)  # fmt: skip
    assert description.startswith(f"China: USD {_turnover(2024, 'CHN') / 1000:,.1f} bn in 2024.")
    _, only_imf, _ = _explorer(first_year=2016, last_year=2021)
    assert "2015" not in only_imf and "2001" not in only_imf and "2022" not in only_imf
    chart, _, _ = _explorer(first_year=2016, last_year=2021)
    assert "COW" not in chart.source.get_text()
    _, imports, _ = _explorer(measure="import_share")
    assert "does not enter these import shares" in imports
    _, _, note = _explorer(first_year=2010, last_year=2000)
    assert note == "The first year was after the last; the chart shows 2000-2010."
    # Kazakhstan has no 2024 value: the sentence names its last year
    _, kaz, _ = _explorer(partners=("CHN", "KAZ"), first_year=2016)
    assert "Kazakhstan went from" in kaz and "in 2023" in kaz


def test_explorer_axis_is_fixed_per_measure_and_fits_every_partner():
    for measure in tt.MEASURES:
        chart, _, _ = _explorer(partners=ALL, measure=measure)
        top = max(np.nanmax(line.get_ydata()) for line in chart.lines.values())
        low, high = chart.ax.get_ylim()
        assert low == 0 and top < high
        other, _, _ = _explorer(partners=("USA",), measure=measure)
        assert other.ax.get_ylim() == (low, high)  # partners never move the axis


def test_explorer_renders_do_not_inherit_from_earlier_ones():
    fresh, fresh_text, _ = _explorer(partners=("CHN", "IND"), first_year=2005, measure="exports")
    chart = lesson.TradeExplorer()
    for values in ({"partners": ALL, "measure": "share"}, {"first_year": 2020, "last_year": 1995},
                   {"partners": ("USA",), "measure": "import_share"}):  # fmt: skip
        chart.update(**{**lesson.DEFAULTS, **values})
        chart.png()
    text, _ = chart.update(**{**lesson.DEFAULTS, "partners": ("CHN", "IND"), "first_year": 2005,
                              "measure": "exports"})  # fmt: skip
    assert text == fresh_text
    for code in tt.PARTNER_NAMES:
        a, b = chart.lines[code], fresh.lines[code]
        assert a.get_visible() == b.get_visible()
        assert np.array_equal(a.get_ydata(), b.get_ydata(), equal_nan=True)
    assert chart.ax.get_ylim() == fresh.ax.get_ylim()
    assert chart.title.get_text() == fresh.title.get_text()


def test_article_and_basis_charts():
    article = lesson.article_check_chart()
    assert "our data give 11.2% and 16.5%" in article.description
    assert "1.47-fold rather than 1.8-fold" in article.description
    bars = article.figure.axes[0].patches
    assert [round(b.get_height(), 2) for b in bars] == [10.0, 18.0, 11.16, 16.46]
    basis = lesson.basis_chart()
    assert "16.5%" in basis.description and "18.2%" in basis.description
    assert "18.4% in 2020" in basis.description
    labels = [t.get_text() for t in basis.figure.axes[0].get_legend().get_texts()]
    assert labels == ["Article: 10%", "Article: 18%"]
    for chart in (article, basis):
        assert colors_in(chart.figure) <= ALLOWED_COLORS


# ----------------------------------------------------------------------------- widget
def test_widget_is_registered_and_every_control_changes_the_picture():
    assert ("02", "trade_explorer") in discover_widgets()
    view = REGISTRY[("02", "trade_explorer")]()
    assert view.description == lesson.TradeExplorer().static(**lesson.DEFAULTS).description
    for change in ({"partners": ("USA", "CHN")}, {"first_year": 2000}, {"last_year": 2010},
                   {"measure": "imports"}):  # fmt: skip
        before = view.description
        view.set(**change)
        assert view.description != before, f"{change} changed nothing"
        assert view.message == ""


def test_widget_bad_choices_show_a_message_and_keep_the_picture():
    view = lesson.trade_explorer()
    good = view.description
    view.set(partners=())
    assert "Choose at least one partner" in view.message and view.description == good
    view.set(partners=("CHN",))
    view.set(first_year=2015, last_year=2015)
    assert "neither source" in view.message
    view.set(first_year=2024, last_year=2024)
    assert view.message == "" and "First and last year are both 2024" in view.note.value


# ----------------------------------------------------------------------------- tasks
def test_task_checks_compute_the_lesson_numbers():
    tasks = {t.name: t for t in tasks_in(check)}
    assert [t.level for t in tasks.values()] == ["core", "core", "stretch", "challenge"]
    share = tasks["china_share"].expected()["china_share"]
    assert share[2013] == pytest.approx(_share(2013, "CHN")) and 2015 not in share.index
    assert tasks["ratio_2013_2019"].expected()["ratio_2013_2019"] == pytest.approx(
        _share(2019, "CHN") / _share(2013, "CHN"))  # fmt: skip
    assert tasks["eu_share"].expected()["eu_peak_year"] == 2001
    grid = tasks["bases_grid"].expected()
    # 2019 without Belarus and Kazakhstan: 109,003.914 / (662,359.345 - BLR - KAZ)
    no_blr_kaz = _turnover(2019, "WLD") - _turnover(2019, "BLR") - _turnover(2019, "KAZ")
    assert grid["grid"].loc[2019, "no BLR KAZ"] == pytest.approx(
        100 * _turnover(2019, "CHN") / no_blr_kaz)  # fmt: skip
    assert grid["fits"] == 3


def test_task_feedback_right_and_wrong():
    expected = check.ratio_2013_2019.expected()["ratio_2013_2019"]
    assert str(check.ratio_2013_2019(ratio_2013_2019=expected)).startswith("Correct")
    assert str(check.ratio_2013_2019(ratio_2013_2019=16.46 - 11.16)).startswith("Not yet")
    assert str(check.ratio_2013_2019(ratio_2013_2019=...)).startswith("Not answered")
    share = check.china_share.expected()["china_share"]
    assert str(check.china_share(china_share=share / 100)).startswith("Not yet")


def test_notebook_states_the_caveats_and_no_stale_claims():
    nb = json.loads((ROOT / "notebooks" / "02_pivot_to_the_east.ipynb").read_text("utf-8"))
    text = " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert "2 December 2020" in text
    assert "2001" in text and "too low" in text  # the COW anomaly is explained in prose
    assert "partner-based estimates" in text
    assert "do not include a table of such reported figures" not in text  # old claim, now false


def test_blitted_picture_equals_a_full_draw():
    """What the widget shows after a change is exactly what a fresh figure would show."""
    import io

    from PIL import Image

    def pixels(png: bytes) -> np.ndarray:
        return np.asarray(Image.open(io.BytesIO(png)))

    chart = lesson.TradeExplorer()
    chart.update(**lesson.DEFAULTS)
    chart.png()
    for values in ({"partners": ("CHN", "IND", "TUR"), "first_year": 2005},
                   {"measure": "exports", "last_year": 2010}):  # fmt: skip
        state = {**lesson.DEFAULTS, **values}
        chart.update(**state)
        fresh = lesson.TradeExplorer().static(**state)
        assert np.array_equal(pixels(chart.png()), pixels(fresh.to_png())), values
