"""Lesson 06 (technology and sanctions): import shares, the analogy, finance, the explorer, checks.

Expected numbers are worked out independently of the code under test, from the CSV files read
with the standard ``csv`` module.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from utils import trade_tables as tt
from utils.exercises import l06 as check
from utils.exercises.tasks import tasks_in
from utils.lessons import l06_technology as lesson
from utils.live import REGISTRY, discover_widgets
from utils.style import ALLOWED_COLORS, colors_in

ROOT = Path(__file__).resolve().parents[1]
ALL = tuple(tt.PARTNER_NAMES)


def _rows(name: str) -> list[dict[str, str]]:
    with (ROOT / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _value(year: int, partner: str, column: str) -> float:
    for r in _rows("russia_trade_by_partner"):
        if int(r["year"]) == year and r["partner"] == partner:
            return float(r[column])
    raise KeyError((year, partner))


def _import_share(year: int, partner: str) -> float:
    return 100 * _value(year, partner, "imports_usd_m") / _value(year, "WLD", "imports_usd_m")


def _trade_share(year: int, partner: str) -> float:
    def turnover(p):
        return _value(year, p, "exports_usd_m") + _value(year, p, "imports_usd_m")

    return 100 * turnover(partner) / turnover("WLD")


# ----------------------------------------------------------------------------- tables
def test_flow_shares_and_the_analogy():
    shares = lesson.flow_shares(2013, ["EU", "CHN"], "imports")
    assert shares["EU27"] == pytest.approx(_import_share(2013, "EU"))
    assert round(shares["EU27"], 1) == 40.0
    analogy = lesson.eu_china_analogy()
    assert analogy.loc["China in 2023", "import_share"] == pytest.approx(_import_share(2023, "CHN"))
    assert round(analogy.loc["China in 2023", "import_share"], 1) == 45.2
    assert analogy.loc["China in 2020", "trade_share"] == pytest.approx(_trade_share(2020, "CHN"))
    assert list(analogy.index) == ["EU27 in 2013", "China in 2013", "China in 2019",
                                   "China in 2020", "China in 2023", "China in 2024"]  # fmt: skip
    with pytest.raises(ValueError, match="2015"):
        lesson.flow_shares(2015)
    with pytest.raises(ValueError, match="flow must be"):
        lesson.flow_shares(2019, ["CHN"], "re-exports")


def test_change_after_2014():
    change = lesson.change_after_2014()
    after = np.mean([_import_share(y, "CHN") for y in range(2016, 2020)])
    before = np.mean([_import_share(y, "CHN") for y in range(2010, 2014)])
    assert change["CHN"] == pytest.approx(after - before)
    assert change.idxmax() == "CHN" and change["EU"] < 0


def test_china_finance_total_and_peaks():
    rows = [r for r in _rows("chinese_official_finance") if r["recipient"] == "RUS"]
    total = sum(float(r["commitments_usd_m_2021"]) for r in rows) / 1000
    chart = lesson.finance_chart()
    assert sum(bar.get_height() for bar in chart.figure.axes[0].patches) == pytest.approx(total)
    assert f"USD {total:,.0f} bn" in chart.description
    assert "2013 (USD 43.3 bn) and 2009 (USD 40.1 bn)" in chart.description
    assert "not debt" in chart.description
    assert colors_in(chart.figure) <= ALLOWED_COLORS


# ----------------------------------------------------------------------------- charts
def test_import_share_chart_says_what_2001_and_2023_mean():
    chart = lesson.import_share_chart()
    assert chart.description.startswith("China went from 4.8% in 1992 to 46.3% in 2024")
    assert "does not enter these import shares" in chart.description
    assert "42.0% with Russian customs' import total (3.2 points lower)" in chart.description
    assert colors_in(chart.figure) <= ALLOWED_COLORS


def test_analogy_chart_description_and_estimates():
    chart = lesson.analogy_chart()
    assert chart.description.startswith(
        "In 2013 the EU27 took 44.2% of Russia's trade and supplied 40.0% of its imports; "
        "China's shares were 18.4% and 23.7% in 2020, the year the article appeared, and "
        "31.4% and 45.2% in 2023."
    )
    assert "about 33.8% and 42.0%" in chart.description
    texts = [t.get_text() for t in chart.figure.axes[0].texts]
    assert any("IMF estimates" in t for t in texts)
    assert colors_in(chart.figure) <= ALLOWED_COLORS


def _explorer(**values):
    chart = lesson.ImportSources()
    description, note = chart.update(**{**lesson.DEFAULTS, **values})
    return chart, description, note


def test_import_sources_bars_are_the_flow_shares():
    chart, description, _ = _explorer(partners=("CHN", "EU"))
    assert chart.bars[0][0].get_width() == pytest.approx(_import_share(2013, "CHN"))
    assert chart.bars[1][0].get_width() == pytest.approx(_import_share(2023, "CHN"))
    assert chart.values[1][0].get_text() == "45.2%"
    assert chart.bars[0][1].get_width() == pytest.approx(_import_share(2013, "EU"))
    assert not chart.bars[0][2].get_visible() and not chart.values[1][2].get_visible()
    assert [t.get_text() for t in chart.names if t.get_visible()] == ["China", "EU27"]
    assert [t.get_text() for t in chart.legend.get_texts()] == ["2013", "2023"]
    assert chart.title.get_text() == "Where Russia's imports came from, 2013 vs 2023"
    assert description.startswith(
        "Shares of Russia's goods imports: China 16.9% in 2013 and 45.2% in 2023; "
        "EU27 40.0% in 2013 and 13.9% in 2023."
    )
    assert colors_in(chart.fig) <= ALLOWED_COLORS


def test_import_sources_variants_and_notes():
    _, exports, _ = _explorer(flow="exports")
    assert exports.startswith("Shares of Russia's goods exports")
    assert "share of Russia's exports is" in exports  # the 2023 customs comparison for exports
    chart, same, note = _explorer(year_a=2019, year_b=2019, partners=("CHN",))
    assert same == "Shares of Russia's goods imports: China 22.3% in 2019."
    assert chart.title.get_text().endswith(", 2019") and "Both years are 2019" in note
    assert not chart.legend.get_texts()[1].get_visible()
    assert chart.source.get_text() == "Source: IMF, IMTS (2025)."
    _, with_2001, _ = _explorer(year_a=2001, flow="exports")
    assert "Shares in 2001 are too high" in with_2001
    _, imports_2001, _ = _explorer(year_a=2001)
    assert "does not enter 2001 import shares" in imports_2001
    _, _, overlap = _explorer(partners=("EU", "DEU"))
    assert "inside the EU27 bar" in overlap
    with pytest.raises(ValueError, match="2015"):
        _explorer(year_a=2015)


def test_value_labels_only_when_they_fit_but_the_caption_keeps_all():
    chart, description, note = _explorer(partners=ALL)
    assert not any(t.get_visible() for row in chart.values for t in row)
    assert "South Korea 3.3% in 2013 and 3.0% in 2023" in description
    assert "values are in the caption" in note
    chart, _, _ = _explorer(partners=ALL[:8])
    visible = [t for row in chart.values for t in row if t.get_visible()]
    assert len(visible) == 16 == lesson.MAX_LABELLED_BARS
    assert "45.2%" in {t.get_text() for t in visible}


def test_blitted_picture_equals_a_full_draw():
    def pixels(png: bytes) -> np.ndarray:
        return np.asarray(Image.open(io.BytesIO(png)))

    chart = lesson.ImportSources()
    chart.update(**lesson.DEFAULTS)
    chart.png()
    for values in ({"year_a": 2016, "partners": ("IND", "TUR", "CHN")},
                   {"flow": "exports", "year_b": 2001}):  # fmt: skip
        state = {**lesson.DEFAULTS, **values}
        chart.update(**state)
        fresh = lesson.ImportSources().static(**state)
        assert np.array_equal(pixels(chart.png()), pixels(fresh.to_png())), values


# ----------------------------------------------------------------------------- widget
def test_widget_is_registered_and_every_control_changes_the_picture():
    assert ("06", "import_sources") in discover_widgets()
    view = REGISTRY[("06", "import_sources")]()
    assert view.description == lesson.ImportSources().static(**lesson.DEFAULTS).description
    for change in ({"year_a": 2014}, {"year_b": 2024}, {"flow": "exports"},
                   {"partners": ("IND",)}):  # fmt: skip
        before = view.description
        view.set(**change)
        assert view.description != before, f"{change} changed nothing"
    view.set(year_a=2019, year_b=2019)
    assert "Both years are 2019" in view.note.value
    good = view.description
    view.set(partners=())
    assert "Choose at least one partner" in view.message and view.description == good


# ----------------------------------------------------------------------------- tasks
def test_task_checks_compute_the_lesson_numbers():
    tasks = {t.name: t for t in tasks_in(check)}
    assert [t.level for t in tasks.values()] == ["core", "core", "stretch", "challenge"]
    shares = tasks["import_shares"].expected()["import_shares"]
    assert list(shares.columns) == ["CHN", "EU", "DEU", "USA"]
    assert shares.loc[2013, "EU"] == pytest.approx(_import_share(2013, "EU"))
    change = tasks["change_after_2014"].expected()["change_after_2014"]
    assert change.to_dict() == pytest.approx(lesson.change_after_2014().to_dict())
    means = tasks["period_means"].expected()["period_means"]
    assert list(means.index) == ["2010-2013", "2016-2021", "2022-2024"]
    assert means.loc["2022-2024", "CHN"] == pytest.approx(
        np.mean([_import_share(y, "CHN") for y in (2022, 2023, 2024)])
    )
    # China first reaches the EU27's 2013 import share in 2023; its trade share never does
    years = sorted({int(r["year"]) for r in _rows("russia_trade_by_partner")})
    level = _import_share(2013, "EU")
    assert next(y for y in years if _import_share(y, "CHN") >= level) == 2023
    assert max(_trade_share(y, "CHN") for y in years if y != 2015) < _trade_share(2013, "EU")
    yardstick = tasks["eu_yardstick"].expected()
    assert yardstick == {"first_year_at_eu_level": 2023, "trade_ever_reached": False}


def test_task_feedback_right_and_wrong():
    expected = check.change_after_2014.expected()["change_after_2014"]
    assert str(check.change_after_2014(change_after_2014=expected)).startswith("Correct")
    assert str(check.change_after_2014(change_after_2014=-expected)).startswith("Not yet")
    assert str(check.eu_yardstick(first_year_at_eu_level=2022, trade_ever_reached=False)
               ).startswith("Not yet")  # fmt: skip
    assert str(check.eu_yardstick(first_year_at_eu_level=..., trade_ever_reached=...)
               ).startswith("Not answered")  # fmt: skip


def test_notebook_dates_and_caveats():
    nb = json.loads((ROOT / "notebooks" / "06_technology_and_sanctions.ipynb").read_text("utf-8"))
    text = " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert "when the author wrote" not in text  # the article is of December 2020, not 2019
    assert "December 2020" in text and "last full year" in text
    assert "partner-based estimates" in text
