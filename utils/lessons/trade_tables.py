"""Russia's trade by partner as tables: the numbers lessons 02 and 06 share.

Why a shared module: both lessons ask the same table, ``russia_trade_by_partner``, who takes
what share of Russia's trade, and both must say the same things about its weak spots. Those
weak spots are written down once here, as data, so a caption can never forget them:

* **The seam.** 1992-2014 come from COW Trade v4.0, 2016-2024 from the IMF (IMTS); 2015 is in
  neither file and stays blank (:data:`GAP_YEAR`).
* **2001.** COW's total of Russia's exports in 2001 is far below the years around it and below
  Russian customs' own figure, so every share of exports or of trade in 2001 is too high
  (:func:`cow_2001_check`).
* **2022-2024.** Russia stopped publishing its customs data in April 2022; the IMF's figures
  from 2022 are estimates built mainly from partners' records. China customs' own count of
  Russia-China trade is in the table ``russia_china_trade_2022_2025`` (:func:`bilateral_bases`);
  for 2023 Russian customs published a world total, and :func:`customs_gap_2023` compares.

Russian customs' figures for 2001 and 2023 are not in the curated tables; they are cited from
the press with their URLs in :data:`CITED_FIGURES`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import pandas as pd

from utils import data

TABLE = "russia_trade_by_partner"

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

NOVA_2024 = (
    "https://www.agenzianova.com/a/65d0498a4aed36.28747684/4851856/2024-02-17/"
    "business-news-russia-surplus-commerciale-nel-2023-pari-a-140-miliardi-di-dollari"
)
#: Figures of Russia's customs service, as the press reported them (USD bn). Not in the
#: curated tables; each row carries the page it comes from. (China customs' count of
#: Russia-China trade is in the table ``russia_china_trade_2022_2025``.)
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
    """One cited figure in USD bn (see :data:`CITED_FIGURES`)."""
    return float(CITED_FIGURES.loc[figure, "usd_bn"])


def name(code: str) -> str:
    """Readable partner name (``"CHN"`` -> ``"China"``); unknown codes come back unchanged."""
    return PARTNER_NAMES.get(code, code)


def trade() -> pd.DataFrame:
    """The verified trade table (a fresh copy)."""
    return data.load(TABLE)


@lru_cache(maxsize=8)
def _wide(measure: str) -> pd.DataFrame:
    table = trade()
    table["turnover"] = table["exports_usd_m"] + table["imports_usd_m"]
    table = table.rename(columns={"exports_usd_m": "exports", "imports_usd_m": "imports"})
    flow = SHARE_OF.get(measure, measure)
    values = table.pivot(index="year", columns="partner", values=flow)
    if measure in SHARE_OF:
        return 100 * values.div(values["WLD"], axis=0)  # percent of Russia's total
    return values / 1000  # USD m -> USD bn


def wide(measure: str) -> pd.DataFrame:
    """Year x partner code table of one measure (percent or USD bn), ``WLD`` included."""
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {list(MEASURES)}, got {measure!r}")
    return _wide(measure).copy()


@lru_cache(maxsize=1)
def _years() -> tuple[int, ...]:
    table = trade()
    return tuple(sorted(int(y) for y in table.loc[table["partner"] == "WLD", "year"]))


def available_years() -> list[int]:
    """Years with data, in order: 1992-2024 without 2015."""
    return list(_years())


def check_partners(partners: object) -> list[str]:
    """``partners`` as a list of known codes, or a ValueError/TypeError a student can read."""
    if isinstance(partners, str) or not isinstance(partners, Sequence):
        raise TypeError(f"partners must be a list of partner codes, got {partners!r}")
    partners = list(partners)
    if not partners:
        raise ValueError("Choose at least one partner (Ctrl- or Cmd-click to pick several).")
    unknown = [p for p in partners if p not in PARTNER_NAMES]
    if unknown:
        raise ValueError(
            f"partners {unknown} are not in the trade table; use {list(PARTNER_NAMES)}"
        )
    return partners


def check_year(label: str, year: object, allow_gap: bool = False) -> int:
    """``year`` as an int inside the data (the 2015 gap only if ``allow_gap``)."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"{label} must be an integer year, got {year!r}")
    years = _years()
    if not years[0] <= year <= years[-1]:
        raise ValueError(f"{label}={year} is outside the data: choose {years[0]}-{years[-1]}")
    if year == GAP_YEAR and not allow_gap:
        raise ValueError(
            f"{label}={GAP_YEAR} has no data: COW ends in 2014 and the IMF extract starts in "
            "2016. Pick another year."
        )
    return year


def partner_series(
    partners: Sequence[str] = ("CHN", "EU"), measure: str = "share", start=1992, end=2024
) -> pd.DataFrame:
    """One column per partner (readable names), one row per year from ``start`` to ``end``.

    Years may come in either order; 2015 is absent, never filled.

    >>> partner_series(["CHN"], "share", 2013, 2016).round(1)["China"].to_dict()
    {2013: 11.2, 2014: 12.0, 2016: 14.1}
    """
    partners = check_partners(partners)
    lo, hi = sorted((check_year("start", start, True), check_year("end", end, True)))
    table = wide(measure).loc[lo:hi, partners].dropna(how="all")
    if table.empty:
        raise ValueError(f"no data in {lo}-{hi}: {GAP_YEAR} is in neither source")
    table.columns = [name(p) for p in partners]
    return table


def source_ids(years: Sequence[int]) -> list[str]:
    """The source ids behind ``years`` (COW before 2015, the IMF after)."""
    ids = []
    if min(years) < GAP_YEAR:
        ids.append("cow_trade_v4")
    if max(years) > GAP_YEAR:
        ids.append("imf_imts_2025")
    return ids


def source_line(years: Sequence[int]) -> str:
    """Chart footer naming the sources behind ``years``."""
    return _source_line(tuple(source_ids(years)))


@lru_cache(maxsize=4)
def _source_line(ids: tuple[str, ...]) -> str:
    return data.source_line(*ids)


# ----------------------------------------------------------------------------- caveats
CUSTOMS_2001_ROW = "2001 with customs' exports"


def cow_2001_check() -> pd.DataFrame:
    """Russia's export total 2000-2002 in COW, and the EU27's trade share it gives (USD bn, %).

    The 2001 total drops by a fifth and recovers the next year, while Russian customs put 2001
    exports at about USD 100 bn. The last row recomputes the EU27's 2001 share with that figure
    in place of COW's (imports unchanged).
    """
    exports = wide("exports").loc[2000:2002, "WLD"]
    share = wide("share").loc[2000:2002, "EU"]
    table = pd.DataFrame({"world_exports_usd_bn": exports, "eu27_share_pct": share})
    turnover = wide("turnover").loc[COW_LOW_YEAR]
    total = turnover["WLD"] - exports[COW_LOW_YEAR] + cited("fcs_exports_2001")
    table.loc[CUSTOMS_2001_ROW] = [
        cited("fcs_exports_2001"), 100 * turnover["EU"] / total,
    ]  # fmt: skip
    table.index = [str(i) for i in table.index]
    return table


@lru_cache(maxsize=1)
def cow_2001_note() -> str:
    """One sentence for any chart that shows 2001 shares of exports or trade."""
    check = cow_2001_check()["eu27_share_pct"]
    return (
        f"Shares in 2001 are too high: COW's total of Russia's exports that year "
        f"(USD {cow_2001_check().loc['2001', 'world_exports_usd_bn']:.0f} bn) is far below the "
        f"USD {cited('fcs_exports_2001'):.0f} bn Russian customs reported; with that figure the "
        f"EU27's share of trade would be about {check[CUSTOMS_2001_ROW]:.0f}%, "
        f"not {check['2001']:.0f}%."
    )


def bilateral_bases() -> pd.DataFrame:
    """Russia-China trade 2022-2024 (USD bn) counted by China's customs and by the IMF.

    From the table ``russia_china_trade_2022_2025``: the IMF's Russia-reported figures are
    estimates from partners' records, China's customs figures its own count. Columns
    ``china_customs``, ``imf_russia_reported`` and ``difference`` (China customs minus IMF).
    """
    table = data.load("russia_china_trade_2022_2025")
    rows = table[(table["metric"] == "turnover") & (table["unit"] == "usd_bn")]
    rows = rows[rows["period"].isin(["2022", "2023", "2024"])]
    wide = rows.pivot(index="period", columns="basis", values="value")
    wide.index = wide.index.astype(int)
    wide.index.name = "year"
    wide = wide[["china_customs", "imf_russia_reported"]]
    wide["difference"] = wide["china_customs"] - wide["imf_russia_reported"]
    return wide


#: The row of :func:`customs_gap_2023` that the 2.4-point gap comes from.
CUSTOMS_TRADE_ROW = "trade: Russian customs total, China customs count"


def customs_gap_2023() -> pd.DataFrame:
    """China's 2023 share of Russia's trade (and imports) on the IMF basis and on customs totals.

    Rows: the IMF's share (the curated table); the share with Russian customs' world total and
    China customs' count of Russia-China trade (:func:`bilateral_bases`); the share on Russian
    customs' own count of trade with China; China's share of imports (exports) with the IMF's
    bilateral value but Russian customs' import (export) total. Columns: ``share_pct`` and
    ``gap_pp`` (minus the IMF share).
    """
    trade_2023 = wide("turnover").loc[2023]
    imports_2023, exports_2023 = wide("imports").loc[2023], wide("exports").loc[2023]
    imf_exports = 100 * exports_2023["CHN"] / exports_2023["WLD"]
    imf_trade = 100 * trade_2023["CHN"] / trade_2023["WLD"]
    imf_imports = 100 * imports_2023["CHN"] / imports_2023["WLD"]
    total = cited("fcs_turnover_2023")
    rows = {
        "trade: IMF (partner-based estimate)": (imf_trade, imf_trade),
        CUSTOMS_TRADE_ROW: (
            100 * bilateral_bases().loc[2023, "china_customs"] / total, imf_trade,
        ),
        "trade: Russian customs total and count": (
            100 * cited("fcs_china_turnover_2023") / total, imf_trade,
        ),
        "imports: IMF (partner-based estimate)": (imf_imports, imf_imports),
        "imports: IMF value from China, customs import total": (
            100 * imports_2023["CHN"] / cited("fcs_imports_2023"), imf_imports,
        ),
        "exports: IMF (partner-based estimate)": (imf_exports, imf_exports),
        "exports: IMF value to China, customs export total": (
            100 * exports_2023["CHN"] / cited("fcs_exports_2023"), imf_exports,
        ),
    }  # fmt: skip
    table = pd.DataFrame(rows, index=["share_pct", "imf_pct"]).T
    table["gap_pp"] = table["share_pct"] - table["imf_pct"]
    table.index.name = "basis"
    return table[["share_pct", "gap_pp"]]


#: Which comparison of :func:`customs_gap_2023` each share measure uses.
_GAP_ROWS = {
    "share": ("trade: IMF (partner-based estimate)", CUSTOMS_TRADE_ROW, "trade", "world total"),
    "import_share": ("imports: IMF (partner-based estimate)",
                     "imports: IMF value from China, customs import total", "imports",
                     "import total"),
    "export_share": ("exports: IMF (partner-based estimate)",
                     "exports: IMF value to China, customs export total", "exports",
                     "export total"),
}  # fmt: skip


@lru_cache(maxsize=8)
def estimates_note(measure: str = "share") -> str:
    """One sentence on the 2022-2024 estimates, with the 2023 gap computed for ``measure``."""
    head = f"From {ESTIMATES_FROM} the IMF's figures are estimates from partners' records"
    if measure not in _GAP_ROWS:  # values in USD: no customs total to set them against here
        return head + "."
    gap = customs_gap_2023()
    imf_row, customs_row, flow, total = _GAP_ROWS[measure]
    imf, other = gap.loc[imf_row, "share_pct"], gap.loc[customs_row]
    direction = "higher" if other["gap_pp"] > 0 else "lower"
    return (
        f"{head}: China's 2023 share of Russia's {flow} is {imf:.1f}% on them but "
        f"{other['share_pct']:.1f}% with Russian customs' {total} "
        f"({abs(other['gap_pp']):.1f} points {direction})."
    )


# ----------------------------------------------------------------------------- ledger
@lru_cache(maxsize=32)
def _evidence(dotted: str) -> dict:
    from dataclasses import asdict

    from utils import claims

    return asdict(claims.resolve(dotted)())


def ledger_rows(lesson: str | None = None, claim_ids: Sequence[str] = ()) -> pd.DataFrame:
    """Claims-ledger rows of a lesson (or chosen ids) with their computed verdicts."""
    from utils import claims

    if lesson is None and not claim_ids:
        raise ValueError("give a lesson (e.g. '02') or some claim_ids (e.g. ['C05'])")
    ledger = claims.load_claims()
    unknown = [c for c in claim_ids if c not in set(ledger["claim_id"])]
    if unknown:
        raise ValueError(f"claim_ids {unknown} are not in the ledger")
    mask = ledger["claim_id"].isin(list(claim_ids))
    if lesson is not None:
        mask |= ledger["lesson"] == lesson
    chosen = ledger.loc[mask].reset_index(drop=True)
    evidence = pd.DataFrame([_evidence(fn) for fn in chosen["evidence_function"]])
    columns = ["paragraph", "claim", "article_figure", "data_figure", "verdict"]
    rows = pd.concat([chosen, evidence], axis=1).set_index("claim_id")[columns]
    return rows.astype(object).where(rows.notna(), "")


class MarkdownTable:
    """A small table shown as Markdown (pandas would cut long claims at 50 characters)."""

    def __init__(self, frame: pd.DataFrame, index: bool = True) -> None:
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"frame must be a pandas DataFrame, got {type(frame).__name__}")
        self.frame, self.index = frame, index

    def _repr_markdown_(self) -> str:
        frame = self.frame.reset_index() if self.index else self.frame
        lines = ["| " + " | ".join(str(c) for c in frame.columns) + " |"]
        lines.append("|" + "---|" * frame.shape[1])
        for row in frame.itertuples(index=False, name=None):
            lines.append("| " + " | ".join(str(v).replace("|", "/") for v in row) + " |")
        return "\n".join(lines)

    __repr__ = _repr_markdown_


def markdown_table(frame: pd.DataFrame, index: bool = True) -> MarkdownTable:
    """``frame`` displayed as a Markdown table (full cell text)."""
    return MarkdownTable(frame, index=index)
