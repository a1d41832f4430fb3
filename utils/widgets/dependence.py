"""Widgets for lessons 03 (substitution what-if) and 08 (exposure what-if).

Each builder only wires labelled controls to a render function in
:mod:`utils.plotting.dependence`, which calls the pure model in :mod:`utils.substitution`.
"""

from __future__ import annotations

from utils.plotting import dependence as charts
from utils.substitution import check_share
from utils.widgets.core import LiveView, dropdown, int_slider, register, slider


def render_cutoff(supplier: str, replaceable_share: float, year: int):
    """Render the crude cut-off what-if (chart + note)."""
    return charts.cutoff_chart(supplier, replaceable_share, year)


@register("03_who_needs_whom", "substitution_what_if")
def substitution_what_if() -> LiveView:
    """Cut one supplier out of China's crude imports and let others replace part of it."""
    return LiveView(
        {
            "supplier": dropdown("Supplier cut off", charts.cutoff_supplier_options(), "RUS"),
            "replaceable_share": slider(
                "Share of its volume other suppliers replace", 0.0, 1.0, 0.05, 0.5, ".0%"
            ),
            "year": int_slider(
                "Year", charts.CUTOFF_YEARS[0], charts.CUTOFF_YEARS[1], 1, charts.SELLER_SIDE_YEAR
            ),
        },
        render_cutoff,
        title="Substitution what-if: China's crude imports",
        description=(
            "Pick a supplier that stops selling crude to China and how much of its volume the "
            "other suppliers make up. Russia's own loss is shown for 2020, the only year with "
            "its total crude exports in our data."
        ),
    )


def render_exposure(basis: str, restricted_fraction: float, unsold_fraction: float):
    """Render the exposure what-if (chart + note).

    The control asks for the share of restricted sales that find *no* other buyer (default
    100%, the worst case); the model takes its complement, the share resold elsewhere.
    """
    unsold = check_share("unsold_fraction", unsold_fraction)
    return charts.exposure_chart(basis, restricted_fraction, 1.0 - unsold)


@register("08_economic_coercion", "exposure_what_if")
def exposure_what_if() -> LiveView:
    """Choose a basis for China's share and the size of hypothetical restrictions."""
    bases = list(charts.exposure_bases().index)
    return LiveView(
        {
            "basis": dropdown("China's share of Russia's exports: basis", bases, bases[1]),
            "restricted_fraction": slider(
                "Share of Russia's sales to China hit by restrictions", 0.0, 1.0, 0.05, 0.5, ".0%"
            ),
            "unsold_fraction": slider(
                "Share of the hit sales that find no other buyer", 0.0, 1.0, 0.05, 1.0, ".0%"
            ),
        },
        render_exposure,
        title="Exposure what-if: Chinese restrictions on Russian exports",
        description=(
            "A hypothetical: if China restricted part of its purchases from Russia, how much "
            "of Russia's total exports would be lost? Observed years use China's share of "
            "Russia's exports; the 2036 scenarios (utils.scenarios) use its share of trade."
        ),
    )
