"""Lesson 08 (economic coercion): what its tables, charts, widget and task checks say.

Expected numbers are worked out by hand from the rows of the curated CSVs (read here with the
csv module, not through the code under test).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from utils import scenarios, substitution
from utils.exercises import l08 as checks
from utils.lessons import l08_coercion as lesson
from utils.live import REGISTRY
from utils.style import ACTOR_COLORS, ALLOWED_COLORS, GREY, colors_in, to_hex

DATA = Path(__file__).resolve().parents[1] / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _trade(year: int, partner: str, column: str) -> float:
    return next(float(r[column]) for r in _rows("russia_trade_by_partner")
                if r["year"] == str(year) and r["partner"] == partner)  # fmt: skip


def _energy(iso3: str, column: str) -> float:
    return next(float(r[column]) for r in _rows("russia_energy_exports_2020")
                if r["destination_iso3"] == iso3)  # fmt: skip


def _title(chart) -> str:
    return chart.figure.axes[0].get_title("left").replace("\n", " ")


# ----------------------------------------------------------------------------- section 1
def test_coercion_events_have_known_targets_labels_and_sources():
    events = lesson.coercion_events()
    coercion = [r for r in _rows("timeline") if r["category"] == "coercion"]
    assert len(events) == len(coercion)
    assert set(events["target"]) <= set(lesson.TARGETS.values())
    barley = events[events["event_id"] == "2020-05-18_australia_barley"]
    assert barley["target"].tolist() == ["Australia"] and barley["label"].tolist() == ["barley"]
    assert "THAAD" in events["label"].tolist()
    assert events["source_url"].str.startswith("http").all()


def test_timeline_chart_counts_and_colours():
    chart = lesson.coercion_timeline_chart()
    coercion = [r for r in _rows("timeline") if r["category"] == "coercion"]
    australia_2020 = [r for r in coercion if "australia" in r["event_id"] and r["date"] >= "2020"]
    assert f"lists {len(coercion)} measures" in chart.description
    assert f"{len(australia_2020)} of them concern Australia in 2020" in chart.description
    assert colors_in(chart.figure) <= ALLOWED_COLORS
    assert ACTOR_COLORS["CHN"] not in colors_in(chart.figure)  # the targets are not China
    markers = chart.figure.axes[0].get_lines()
    assert len(markers) == len(coercion)
    assert sum(to_hex(m.get_color()) == "#E69F00" for m in markers) == len(
        [r for r in coercion if "australia" in r["event_id"]]
    )


def test_claims_of_the_lesson_date_the_discount_to_2011():
    from utils import claims

    ledger = claims.evaluate().set_index("claim_id")
    assert ledger.loc["C14", "lesson"] == "08" and ledger.loc["C15", "lesson"] == "08"
    assert "2011-10" in ledger.loc["C14", "data_figure"]  # the discount's date in the timeline
    espo = [r for r in _rows("timeline") if "espo" in r["event_id"]]
    discount = [r for r in espo if "1.5 per barrel" in r["event"]]
    assert [r["date"] for r in discount] == ["2011-10"]


# ----------------------------------------------------------------------------- section 3
def test_china_share_by_flow_by_hand():
    flows = lesson.china_share_by_flow()
    for year in lesson.EXPOSURE_YEARS:
        exports = 100 * _trade(year, "CHN", "exports_usd_m") / _trade(year, "WLD", "exports_usd_m")
        assert flows.loc[year, "exports"] == pytest.approx(exports)
    assert flows.loc[2019, "exports"] == pytest.approx(13.089, abs=1e-3)
    assert (flows.loc[2016:, "exports"] < flows.loc[2016:, "turnover"]).all()
    chart = lesson.china_share_by_flow_chart()
    assert "7.7% of Russia's goods exports in 2013, 13.1% in 2019 and 25.5% in 2024" in (
        chart.description
    )
    assert colors_in(chart.figure) <= ALLOWED_COLORS


def test_energy_to_china_2020_is_bp_by_hand():
    shares = lesson.energy_to_china_2020()
    assert shares["crude oil"] == pytest.approx(100 * 83.445 / 259.977)  # 32.1%
    assert shares["pipeline gas"] == pytest.approx(100 * 3.881 / 197.676)  # 2.0%
    assert shares["LNG"] == pytest.approx(
        100 * _energy("CHN", "lng_bcm") / _energy("WLD", "lng_bcm")
    )


# ----------------------------------------------------------------------------- section 4
def test_exposure_bases_observed_by_hand_and_scenarios_from_the_model():
    bases = lesson.exposure_bases()
    share = 100 * _trade(2019, "CHN", "exports_usd_m") / _trade(2019, "WLD", "exports_usd_m")
    assert bases.loc["observed 2019", "china_share"] == pytest.approx(share)
    for name, params in scenarios.PRESETS.items():
        label = f"{name} ({params.end_year} scenario)"
        expected = 100 * scenarios.run(params).china_share_in(params.end_year)
        assert bases.loc[label, "china_share"] == pytest.approx(expected)
        assert "proxy" in bases.loc[label, "measure"]


def test_exposure_chart_default_bars_and_highlight():
    chart = lesson.ExposureChart().static(**lesson.DEFAULTS)
    assert "What-if" in _title(chart)
    assert "Russia would lose 6.5% of its total exports (observed 2019" in chart.description
    ax = chart.figure.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    bases = lesson.exposure_bases()
    assert labels == list(bases.index)
    widths = [bar.get_width() for bar in ax.patches]
    assert widths == pytest.approx(list(0.5 * bases["china_share"]))
    colours = [to_hex(bar.get_facecolor()) for bar in ax.patches]
    assert colours[labels.index("observed 2019")] == ACTOR_COLORS["CHN"]
    assert {c for label, c in zip(labels, colours, strict=True) if label != "observed 2019"} == {
        GREY
    }
    assert colors_in(chart.figure) <= ALLOWED_COLORS


def test_exposure_update_matches_the_model_and_refuses_an_unknown_basis():
    view = lesson.ExposureChart()
    description, note = view.update("observed 2024", 1.0, 0.5)
    share = lesson.exposure_bases().loc["observed 2024", "china_share"]
    result = substitution.export_exposure(share / 100, 1.0, 0.5)
    assert f"lose {100 * result.lost_share:.1f}% of its total exports" in description
    assert "50% of those sales found no other buyer" in description
    assert f"net loss = {100 * result.lost_share:.1f}%" in note
    assert view.values[2].get_text() == f"{100 * result.lost_share:.1f}%"
    with pytest.raises(ValueError, match="Choose a basis"):
        view.update("observed 1066", 0.5, 1.0)


def test_widget_is_registered_and_every_control_changes_the_sentence():
    assert REGISTRY[("08", "exposure_what_if")] is lesson.exposure_what_if
    view = lesson.exposure_what_if()
    changes = {"basis": "observed 2024", "restricted_share": 1.0, "unsold_share": 0.5}
    for name, value in changes.items():
        before = view.description
        view.set(**{name: value})
        assert view.description != before and not view.message
    assert "Russia would lose 12.8% of its total exports (observed 2024" in view.description


# ----------------------------------------------------------------------------- task checks
def test_task_checks_expect_the_hand_computed_values():
    expected = checks.export_shares.expected()["export_share"]
    assert 2015 not in expected.index  # no Russian totals in 2015
    assert expected[2024] == pytest.approx(
        100 * _trade(2024, "CHN", "exports_usd_m") / _trade(2024, "WLD", "exports_usd_m")
    )
    assert not checks.export_shares(export_share=expected / 100).correct  # fractions, not %
    crude = next(float(r["value_usd_m"]) for r in _rows("china_crude_imports_2020_2024")
                 if r["year"] == "2024" and r["origin"] == "RUS")  # fmt: skip
    imports = next(float(r["value"]) for r in _rows("russia_china_trade_2022_2025")
                   if r["period"] == "2024" and r["metric"] == "china_imports_from_russia"
                   and r["basis"] == "china_customs" and r["unit"] == "usd_bn")  # fmt: skip
    in_sales = 100 * crude / (1000 * imports)
    assert checks.crude_in_exports_2024(
        crude_in_sales=in_sales, crude_in_exports=expected[2024] * in_sales / 100
    ).correct
    rows = {r["origin"]: float(r["crude_kt"]) for r in _rows("china_crude_imports_by_origin")
            if r["year"] == "2020"}  # fmt: skip
    russia = 100 * rows["RUS"] / rows["WLD"]
    ratio = (100 * 83.445 / 259.977) / russia
    assert 1.5 < ratio < 3  # far less lopsided than trade as a whole
    assert checks.crude_asymmetry_2020(russia_in_china_crude=russia, crude_ratio=ratio).correct
