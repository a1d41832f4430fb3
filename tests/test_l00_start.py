"""Lesson 00 (start here): what its charts and widgets say, the front door's text, the glossary.

Numbers are checked against the CSV files read directly (not through ``utils.data``), so a
wrong pivot or a wrong total in the lesson module cannot pass by agreeing with itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from utils import claims
from utils.lessons import l00_start as lesson
from utils.live import REGISTRY, discover_widgets
from utils.style import ALLOWED_COLORS, actor_color, colors_in

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "00_start_here.ipynb"
GLOSSARY = ROOT / "notebooks" / "glossary.md"


def _csv_share(partner: str, year: int) -> float:
    trade = pd.read_csv(ROOT / "data" / "russia_trade_by_partner.csv")
    rows = trade[trade["year"] == year].set_index("partner")
    turnover = rows["exports_usd_m"] + rows["imports_usd_m"]
    return 100 * turnover[partner] / turnover["WLD"]


def _markdown(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


# ----------------------------------------------------------------------------- shares
def test_partner_shares_are_turnover_over_the_world_total():
    shares = lesson.partner_shares()
    assert list(shares.columns) == list(lesson.PARTNER_NAMES)
    assert shares.index[0] == 1992 and shares.index[-1] == 2024
    assert shares.loc[2015].isna().all(), "2015 is a gap, not a guess"
    for partner, year in [("CHN", 2013), ("CHN", 2019), ("EU", 2013), ("USA", 2010)]:
        assert shares.loc[year, partner] == pytest.approx(_csv_share(partner, year))
    assert shares.loc[2013, "CHN"] == pytest.approx(11.2, abs=0.05)  # data/README.md table
    assert shares.loc[2019, "CHN"] == pytest.approx(16.5, abs=0.05)


def test_share_in_year_gap_and_refusals():
    assert lesson.share_in_year("CHN", 2015) is None
    assert lesson.share_in_year("CHN", 2013) == pytest.approx(_csv_share("CHN", 2013))
    with pytest.raises(ValueError, match=r"^year=3024 is outside the data: .* 1992-2024$"):
        lesson.share_in_year("CHN", 3024)
    with pytest.raises(TypeError, match="year must be an integer"):
        lesson.share_in_year("CHN", "2013")
    with pytest.raises(ValueError, match="partner must be one of"):
        lesson.share_in_year("RUS", 2013)


# ----------------------------------------------------------------------------- first look
def test_first_look_draws_the_partner_and_the_year_on_one_axis():
    chart = lesson.FirstLook()
    sentence = chart.update(partner="DEU", year=2010)
    x, y = chart.line.get_data()
    assert x[0] == 1992 and x[-1] == 2024 and np.isnan(y[list(x).index(2015)])
    assert y[list(x).index(2010)] == pytest.approx(_csv_share("DEU", 2010))
    assert chart.line.get_color() == actor_color("DEU")
    assert list(chart.year_line.get_xdata()) == [2010, 2010]
    assert chart.point.get_ydata()[0] == pytest.approx(_csv_share("DEU", 2010))
    assert chart.name.get_text() == "Germany"
    assert sentence.startswith("In 2010, Germany accounted for")
    top = lesson.partner_shares().max().max()
    assert chart.fig.axes[0].get_ylim() == pytest.approx((0, top * 1.05))
    chart.update(partner="USA", year=2015)  # the gap year: no point, same axis
    assert np.isnan(chart.point.get_ydata()[0])
    assert chart.fig.axes[0].get_ylim() == pytest.approx((0, top * 1.05))


def test_first_look_static_figure_and_colours():
    chart = lesson.FirstLook().static(**lesson.DEFAULTS_FIRST_LOOK)
    assert chart.description == "In 2013, China accounted for 11.2% of Russia's goods trade."
    assert colors_in(chart.figure) <= ALLOWED_COLORS
    assert "Source: COW Trade v4.0" in chart.figure.texts[0].get_text()


def test_first_look_widget_every_control_and_bad_input():
    view = lesson.first_look()
    assert view.description == "In 2013, China accounted for 11.2% of Russia's goods trade."
    view.set(partner="EU")
    assert view.description.startswith("In 2013, the EU (27) accounted for 44.2%")
    view.set(year=2019)
    assert view.description.startswith("In 2019, the EU (27) accounted for")
    view.set(year=2015)
    assert view.description.startswith("There is no figure for 2015") and not view.message
    good = view.description
    view.controls["partner"].options = [*view.controls["partner"].options, ("Russia", "RUS")]
    view.set(partner="RUS")
    assert "partner must be one of" in view.message and view.description == good


# ----------------------------------------------------------------------------- ledger
def _ledger_sentence(lesson_id: str) -> str:
    ledger = claims.evaluate()
    if lesson_id != "all":
        ledger = ledger[ledger["lesson"] == lesson_id]
    n = ledger["verdict"].value_counts().reindex(claims.VERDICTS, fill_value=0).tolist()
    scope = "all lessons" if lesson_id == "all" else f"lesson {lesson_id}"
    return (
        f"For {scope}, {n[0]} claims are supported, {n[1]} partly supported, {n[2]} not "
        f"supported and {n[3]} not checkable with our data."
    )


def test_verdict_counts_match_the_evaluated_ledger():
    ledger = claims.evaluate()
    counts = lesson.verdict_counts("all")
    assert list(counts.index) == list(claims.VERDICTS)
    assert counts.sum() == len(ledger)
    assert counts.to_dict() == ledger["verdict"].value_counts().reindex(
        claims.VERDICTS, fill_value=0).to_dict()  # fmt: skip
    for lesson_id in lesson.lessons_with_claims():
        assert lesson.verdict_counts(lesson_id).sum() == (ledger["lesson"] == lesson_id).sum()
    with pytest.raises(ValueError, match="no claims for lesson '99'"):
        lesson.ledger_table("99")


def test_ledger_bars_are_the_counts_on_the_whole_ledgers_axis():
    chart = lesson.LedgerChart()
    axis = chart.fig.axes[0].get_xlim()
    for lesson_id in ["all", "02", "05"]:
        sentence, note = chart.update(lesson=lesson_id)
        counts = lesson.verdict_counts(lesson_id)
        assert [bar.get_width() for bar in chart.bars] == counts.tolist()
        assert [label.get_text() for label in chart.counts] == [str(n) for n in counts]
        assert chart.fig.axes[0].get_xlim() == axis  # one axis for every lesson
        assert sentence == _ledger_sentence(lesson_id)
        assert note.count("<li>") == counts.sum()
    assert axis == pytest.approx((0, lesson.verdict_counts("all").max() * 1.15))
    assert chart.scope.get_text() == "Lesson 05"
    static = lesson.LedgerChart().static(**lesson.DEFAULTS_LEDGER)
    assert static.description.startswith("For all lessons, ")
    assert colors_in(static.figure) <= ALLOWED_COLORS


def test_ledger_widget_lists_every_lesson_with_claims():
    view = lesson.claims_ledger()
    values = [value for _label, value in view.controls["lesson"].options]
    assert values == ["all", *lesson.lessons_with_claims()]
    view.set(lesson="02")
    assert view.description == _ledger_sentence("02")
    assert "C01" in view.note.value and "C17" not in view.note.value


def test_markdown_table_keeps_long_cells_and_escapes_pipes():
    frame = pd.DataFrame({"claim": ["a | b", "x" * 120]}, index=["C1", "C2"])
    text = repr(lesson.markdown_table(frame))
    assert text.splitlines()[0] == "| index | claim |"
    assert "a / b" in text and "x" * 120 in text
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        lesson.markdown_table([1, 2])


def test_widgets_are_registered_for_lesson_00():
    discover_widgets()
    assert REGISTRY[("00", "first_look")] is lesson.first_look
    assert REGISTRY[("00", "claims_ledger")] is lesson.claims_ledger


# ----------------------------------------------------------------------------- the front door
def test_front_door_links_the_article_every_lesson_and_the_glossary():
    text = _markdown(NOTEBOOK)
    assert "{ARTICLE}" not in text
    assert "[original article](https://www.themoscowtimes.com/2020/12/02/" in text
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))[1:]:
        assert f"]({path.name})" in text, f"lesson 00 does not link {path.name}"
    assert "](glossary.md)" in text and "](glossary.md#turnover)" in text


def test_front_door_explains_how_a_lesson_works():
    text = _markdown(NOTEBOOK)
    for phrase in ['"Your turn" tasks', "check", "solution", "folded", "A good answer covers",
                   "**Next:**", "predict, then check", "docs/instructors/"]:  # fmt: skip
        assert phrase.lower() in text.lower(), f"lesson 00 does not explain {phrase!r}"


# ----------------------------------------------------------------------------- the glossary
ANCHOR = re.compile(r'<a id="([a-z0-9-]+)"></a>')


def _glossary_anchors() -> list[str]:
    return ANCHOR.findall(GLOSSARY.read_text(encoding="utf-8"))


def test_glossary_has_the_required_terms_each_with_one_anchor():
    anchors = _glossary_anchors()
    assert len(anchors) == len(set(anchors)), "duplicate anchors"
    required = [
        "turnover", "reporter-vs-mirror-data", "cif-fob", "cif", "fob", "hhi", "tiv", "bcm",
        "netback", "alliance", "alignment", "strategic-partnership", "pivot",
        "pivot-to-the-east", "asymmetric-interdependence", "sensitivity-vs-vulnerability",
        "nash-bargaining", "threat-point", "disagreement-point", "outside-option", "sunk-cost",
        "secondary-sanctions", "dual-use-goods", "economic-coercion", "strategic-triangle",
        "romantic-triangle", "menage-a-trois", "stable-marriage", "unit-veto",
        "power-of-siberia", "espo", "exposure", "scenario", "status-quo", "percentage-point",
        "nominal-vs-real", "partner-based-estimate",
    ]  # fmt: skip
    missing = [a for a in required if a not in anchors]
    assert not missing, f"glossary lacks {missing}"


def test_glossary_entries_are_alphabetical_and_say_where_they_are_used():
    text = GLOSSARY.read_text(encoding="utf-8")
    headings = re.findall(r"^### (.+)$", text, flags=re.M)
    keys = [h.lower() for h in headings]
    assert keys == sorted(keys), "glossary entries are not in alphabetical order"
    blocks = text.split("\n### ")[1:]
    for block in blocks:
        assert re.search(r"\*Used in:\* \[\d\d ", block), f"no lesson link: {block[:60]}"


def test_every_glossary_link_in_a_lesson_has_its_anchor():
    anchors = set(_glossary_anchors())
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        for anchor in re.findall(r"glossary\.md#([\w-]+)", _markdown(path)):
            assert anchor in anchors, f"{path.name} links glossary.md#{anchor}, which is missing"
