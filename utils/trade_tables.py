"""Russia's trade by partner as tables: the numbers lessons 02 and 06 share.

Both lessons must say the same things about the weak spots of ``russia_trade_by_partner``, so
they are written down once here, as data, and no caption can forget them:

* **The seam.** 1992-2014 come from COW Trade v4.0, 2016-2024 from the IMF; 2015 is in neither.
* **2001.** COW's total of Russia's exports in 2001 is far too low, so shares of exports or of
  trade in 2001 are too high (:func:`cow_2001_check`).
* **2022-2024.** Russia stopped publishing customs data in April 2022; the IMF's figures are
  estimates from partners' records, set against China customs' count (:func:`bilateral_bases`)
  and Russian customs' 2023 totals (:func:`customs_gap_2023`, :data:`CITED_FIGURES`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import pandas as pd

from utils import claims, data
from utils.charts import markdown_table

__all__ = ["markdown_table"]  # the shared Markdown table, re-exported for the notebooks

#: Readable names of the partner codes (``EU`` is the EU27 as constituted since 2020).
PARTNER_NAMES: dict[str, str] = {
    "CHN": "China",
    "EU": "EU27",
    "DEU": "Germany",
    "USA": "United States",
    "NLD": "Netherlands",
    "ITA": "Italy",
    "FRA": "France",
    "GBR": "United Kingdom",
    "BLR": "Belarus",
    "KAZ": "Kazakhstan",
    "UKR": "Ukraine",
    "TUR": "Türkiye",
    "IND": "India",
    "JPN": "Japan",
    "KOR": "South Korea",
}
#: Measure -> (axis label, chart title). Shares are percent, values USD bn.
MEASURES: dict[str, tuple[str, str]] = {
    "share": ("% of Russia's goods trade", "Partners' share of Russia's goods trade"),
    "import_share": ("% of Russia's goods imports", "Partners' share of Russia's goods imports"),
    "export_share": ("% of Russia's goods exports", "Partners' share of Russia's goods exports"),
    "turnover": ("USD bn (exports + imports)", "Russia's goods trade with each partner"),
    "exports": ("USD bn", "Russia's goods exports to each partner"),
    "imports": ("USD bn", "Russia's goods imports from each partner"),
}
#: Which flow each share divides: trade (turnover), imports or exports.
SHARE_OF = {"share": "turnover", "import_share": "imports", "export_share": "exports"}

GAP_YEAR = 2015  #: in neither source (COW ends in 2014, the IMF extract starts in 2016)
SANCTION_YEARS = (2014, 2022)  #: the two big rounds of Western sanctions
ESTIMATES_FROM = 2022  #: IMF values for Russia from this year are partner-based estimates
COW_LOW_YEAR = 2001  #: COW's export total for Russia is too low in this year
#: Why a chart of import shares need not warn about 2001 ("these" or "2001" import shares).
IMPORTS_2001_NOTE = (
    "COW's too-low 2001 total is of Russia's exports, so it does not enter {} import shares."
)

NOVA_2024 = (
    "https://www.agenzianova.com/a/65d0498a4aed36.28747684/4851856/2024-02-17/"
    "business-news-russia-surplus-commerciale-nel-2023-pari-a-140-miliardi-di-dollari"
)
#: Figures of Russia's customs service, as the press reported them (USD bn). Not in the
#: curated tables; each row carries the page it comes from.
CITED_FIGURES = pd.DataFrame(
    [
        ("fcs_exports_2001", 2001, 100.0, "Russia's exports (State Customs Committee, 'about')",
         "https://derstandard.at/844887/Russlands-Aussenhandelsueberschuss-ist-stark-gesunken"),
        ("fcs_turnover_2023", 2023, 710.1, "Russia's total goods trade (Federal Customs Service)",
         "https://scobricsinsight.com/russias-main-trading-partners-are-china-india-and-tuerkiye"),
        ("fcs_china_turnover_2023", 2023, 230.0, "Russia-China trade on Russian customs' own "
         "count ('closer to' 230)", "https://tass.com/economy/1747247"),
        ("fcs_exports_2023", 2023, 425.1, "Russia's goods exports (Federal Customs Service)",
         NOVA_2024),
        ("fcs_imports_2023", 2023, 285.1, "Russia's goods imports (Federal Customs Service)",
         NOVA_2024),
    ],
    columns=["figure", "year", "usd_bn", "what", "source_url"],
).set_index("figure")  # fmt: skip


def cited(figure: str) -> float:
    return float(CITED_FIGURES.loc[figure, "usd_bn"])


@lru_cache(maxsize=8)
def _wide(measure: str) -> pd.DataFrame:
    table = data.load("russia_trade_by_partner")
    table["turnover"] = table["exports_usd_m"] + table["imports_usd_m"]
    table = table.rename(columns={"exports_usd_m": "exports", "imports_usd_m": "imports"})
    values = table.pivot(index="year", columns="partner", values=SHARE_OF.get(measure, measure))
    if measure in SHARE_OF:
        return 100 * values.div(values["WLD"], axis=0)  # percent of Russia's total
    return values / 1000  # USD m -> USD bn


def wide(measure: str) -> pd.DataFrame:
    """Year x partner code table of one measure (percent or USD bn), ``WLD`` included."""
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {list(MEASURES)}, got {measure!r}")
    return _wide(measure).copy()  # a copy: the cached table stays as computed


def available_years() -> tuple[int, ...]:
    """Years with data, in order: 1992-2024 without 2015."""
    return tuple(int(year) for year in _wide("turnover").index)


def check_partners(partners: object) -> list[str]:
    """``partners`` as a list of known codes, or a ValueError/TypeError a student can read."""
    if isinstance(partners, str) or not isinstance(partners, Sequence):
        raise TypeError(f"partners must be a list of partner codes, got {partners!r}")
    if not partners:
        raise ValueError("Choose at least one partner (Ctrl- or Cmd-click to pick several).")
    unknown = [p for p in partners if p not in PARTNER_NAMES]
    if unknown:
        raise ValueError(
            f"partners {unknown} are not in the trade table; use {list(PARTNER_NAMES)}"
        )
    return list(partners)


def check_year(label: str, year: object, allow_gap: bool = False) -> int:
    """``year`` as an int inside the data (the 2015 gap only if ``allow_gap``)."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"{label} must be an integer year, got {year!r}")
    first, last = available_years()[0], available_years()[-1]
    if not first <= year <= last:
        raise ValueError(f"{label}={year} is outside the data: choose {first}-{last}")
    if year == GAP_YEAR and not allow_gap:
        raise ValueError(
            f"{label}={GAP_YEAR} has no data: COW ends in 2014 and the IMF extract starts in "
            "2016. Pick another year."
        )
    return year


def partner_series(
    partners: Sequence[str] = ("CHN", "EU"), measure: str = "share", start=1992, end=2024
) -> pd.DataFrame:
    """One column per partner (readable names), one row per year from ``start`` to ``end``
    (in either order); 2015 is absent, never filled.

    >>> partner_series(["CHN"], "share", 2013, 2016).round(1)["China"].to_dict()
    {2013: 11.2, 2014: 12.0, 2016: 14.1}
    """
    partners = check_partners(partners)
    lo, hi = sorted((check_year("start", start, True), check_year("end", end, True)))
    table = wide(measure).loc[lo:hi, partners].dropna(how="all")
    if table.empty:
        raise ValueError(f"no data in {lo}-{hi}: {GAP_YEAR} is in neither source")
    table.columns = [PARTNER_NAMES[p] for p in partners]
    return table


def source_line(years: Sequence[int]) -> str:
    """Chart footer naming the sources behind ``years``: COW before 2015, the IMF after."""
    ids = {"cow_trade_v4": min(years) < GAP_YEAR, "imf_imts_2025": max(years) > GAP_YEAR}
    return data.source_line(*(source for source, used in ids.items() if used))


# ----------------------------------------------------------------------------- caveats
CUSTOMS_2001_ROW = "2001 with customs' exports"


def cow_2001_check() -> pd.DataFrame:
    """Russia's export total 2000-2002 in COW (USD bn) and the EU27's trade share it gives (%);
    the last row puts Russian customs' 2001 figure in place of COW's (imports unchanged)."""
    exports = wide("exports").loc[2000:2002, "WLD"]
    table = pd.DataFrame(
        {"world_exports_usd_bn": exports, "eu27_share_pct": wide("share").loc[2000:2002, "EU"]}
    )
    turnover = wide("turnover").loc[COW_LOW_YEAR]
    total = turnover["WLD"] - exports[COW_LOW_YEAR] + cited("fcs_exports_2001")
    table.loc[CUSTOMS_2001_ROW] = [cited("fcs_exports_2001"), 100 * turnover["EU"] / total]
    table.index = [str(i) for i in table.index]
    return table


@lru_cache(maxsize=1)
def cow_2001_note() -> str:
    """One sentence for any chart that shows 2001 shares of exports or trade."""
    check = cow_2001_check()
    eu = check["eu27_share_pct"]
    return (
        f"Shares in 2001 are too high: COW's total of Russia's exports that year "
        f"(USD {check.loc['2001', 'world_exports_usd_bn']:.0f} bn) is far below the "
        f"USD {cited('fcs_exports_2001'):.0f} bn Russian customs reported; with that figure the "
        f"EU27's share of trade would be about {eu[CUSTOMS_2001_ROW]:.0f}%, not {eu['2001']:.0f}%."
    )


def bilateral_bases() -> pd.DataFrame:
    """Russia-China trade 2022-2024 (USD bn): China customs' own count, the IMF's estimate
    (``imf_russia_reported``, from partners' records) and the ``difference`` of the two."""
    table = data.load("russia_china_trade_2022_2025")
    rows = table[(table["metric"] == "turnover") & (table["unit"] == "usd_bn")]
    counts = rows.pivot(index="period", columns="basis", values="value")
    counts = counts.loc[["2022", "2023", "2024"], ["china_customs", "imf_russia_reported"]]
    counts.index = pd.Index(counts.index.astype(int), name="year")
    counts["difference"] = counts["china_customs"] - counts["imf_russia_reported"]
    return counts


#: Rows of :func:`customs_gap_2023` that divide by a Russian customs total; the first gives
#: the 2.4-point gap in China's 2023 share of Russia's trade.
CUSTOMS_TRADE_ROW = "trade: Russian customs total, China customs count"
CUSTOMS_IMPORTS_ROW = "imports: IMF value from China, customs import total"
CUSTOMS_EXPORTS_ROW = "exports: IMF value to China, customs export total"
#: Per share measure: its flow, its customs row and the customs total that row divides by.
GAP_ROWS = {
    "share": ("trade", CUSTOMS_TRADE_ROW, "world total"),
    "import_share": ("imports", CUSTOMS_IMPORTS_ROW, "import total"),
    "export_share": ("exports", CUSTOMS_EXPORTS_ROW, "export total"),
}


def customs_gap_2023() -> pd.DataFrame:
    """China's 2023 share of Russia's trade, imports and exports on the IMF's estimates, and
    over Russian customs' totals; ``gap_pp`` is the difference in percentage points."""
    imf = {measure: wide(measure).at[2023, "CHN"] for measure in GAP_ROWS}
    total, russian_count = cited("fcs_turnover_2023"), cited("fcs_china_turnover_2023")
    china_imports, china_exports = wide("imports").at[2023, "CHN"], wide("exports").at[2023, "CHN"]
    rows = [  # (basis, share in %, the IMF share it is compared with)
        ("trade: IMF (partner-based estimate)", imf["share"], "share"),
        (CUSTOMS_TRADE_ROW, 100 * bilateral_bases().at[2023, "china_customs"] / total, "share"),
        ("trade: Russian customs total and count", 100 * russian_count / total, "share"),
        ("imports: IMF (partner-based estimate)", imf["import_share"], "import_share"),
        (CUSTOMS_IMPORTS_ROW, 100 * china_imports / cited("fcs_imports_2023"), "import_share"),
        ("exports: IMF (partner-based estimate)", imf["export_share"], "export_share"),
        (CUSTOMS_EXPORTS_ROW, 100 * china_exports / cited("fcs_exports_2023"), "export_share"),
    ]
    table = pd.DataFrame(rows, columns=["basis", "share_pct", "measure"]).set_index("basis")
    table["gap_pp"] = table["share_pct"] - table["measure"].map(imf)
    return table[["share_pct", "gap_pp"]]


@lru_cache(maxsize=8)
def estimates_note(measure: str = "share") -> str:
    """One sentence on the 2022-2024 estimates, with the 2023 gap computed for ``measure``."""
    head = f"From {ESTIMATES_FROM} the IMF's figures are estimates from partners' records"
    if measure not in GAP_ROWS:  # values in USD: no customs total to set them against here
        return head + "."
    flow, row, total = GAP_ROWS[measure]
    imf, other = wide(measure).at[2023, "CHN"], customs_gap_2023().loc[row]
    direction = "higher" if other["gap_pp"] > 0 else "lower"
    return (
        f"{head}: China's 2023 share of Russia's {flow} is {imf:.1f}% on them but "
        f"{other['share_pct']:.1f}% with Russian customs' {total} "
        f"({abs(other['gap_pp']):.1f} points {direction})."
    )


# ----------------------------------------------------------------------------- ledger
def ledger_rows(lesson: str | None = None, claim_ids: Sequence[str] = ()) -> pd.DataFrame:
    """Claims-ledger rows of a lesson (or chosen ids) with their computed verdicts."""
    if lesson is None and not claim_ids:
        raise ValueError("give a lesson (e.g. '02') or some claim_ids (e.g. ['C05'])")
    ledger = claims.evaluate()
    unknown = [c for c in claim_ids if c not in set(ledger["claim_id"])]
    if unknown:
        raise ValueError(f"claim_ids {unknown} are not in the ledger")
    chosen = ledger[ledger["claim_id"].isin(list(claim_ids)) | (ledger["lesson"] == lesson)]
    columns = ["paragraph", "claim", "article_figure", "data_figure", "verdict"]
    rows = chosen.set_index("claim_id")[columns]
    return rows.astype(object).where(rows.notna(), "")
