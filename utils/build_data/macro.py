"""GDP and military expenditure of Russia, China, the United States and the EU27, 1992-2023.

Why this table: the article's question of who needs whom is partly a question of size. Lessons
compare economies (World Bank GDP, current USD) and defence budgets (SIPRI, current USD), so
both are kept in one long table with an ``indicator`` column, each value with its own source.

EU: GDP is the World Bank aggregate ``EUU`` (the current EU27). SIPRI's sheet has a row called
"European Union", but it is the spending of the EU institutions themselves (about USD 1 bn), not
the members' total; so the EU's military expenditure is the sum of the 27 members, and only for
years in which SIPRI has a figure for every member (1992 lacks Czechia, Latvia, Lithuania and
Slovakia, so it is left empty). SIPRI's ". ." (no data) and "xxx" (state did not exist) are kept
as empty cells, never zero. SIPRI's sheet also holds a literal 0 for Russia in 1992 (and Estonia
in 1992), years for which SIPRI gives no current-dollar estimate (rouble hyperinflation); a state
with armed forces does not spend nothing, so a 0 is read as "not available" and left empty.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from utils.build_data.common import RawDataError, raw_path, read_raw_csv, require_columns, to_float

WB_GDP = "gdp-milex/world_bank_gdp_current_usd_extract.csv"
SIPRI_MILEX = "gdp-milex/SIPRI-Milex-data-1948-2023.xlsx"
SIPRI_SHEET = "Current US$"
SIPRI_HEADER_ROW = 5  # zero-based row holding "Country, Notes, 1948, ..."

FIRST_YEAR = 1992
LAST_YEAR = 2023

WB_SOURCE = "world_bank_wdi_gdp_2024"
SIPRI_SOURCE = "sipri_milex_2024"

COUNTRIES = ("CHN", "EU", "RUS", "USA")
WB_CODES = {"CHN": "CHN", "RUS": "RUS", "USA": "USA", "EU": "EUU"}
SIPRI_NAMES = {"CHN": "China", "RUS": "Russia", "USA": "United States of America"}

#: SIPRI spelling of the EU27 members (post-Brexit membership, as for the trade tables).
SIPRI_EU27_NAMES: tuple[str, ...] = (
    "Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czechia", "Denmark", "Estonia",
    "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia",
    "Lithuania", "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal", "Romania",
    "Slovakia", "Slovenia", "Spain", "Sweden",
)  # fmt: skip

SOURCES: list[dict] = [
    {
        "source_id": WB_SOURCE,
        "publisher": "World Bank",
        "title": "World Development Indicators: GDP (current US$), NY.GDP.MKTP.CD",
        "url": "https://data.worldbank.org/indicator/NY.GDP.MKTP.CD",
        "version_or_access_date": (
            "WDI 1960-2023; copy from github.com/datasets/gdp data/gdp.csv, commit 1cdcd2e "
            "(2024-10-21)"
        ),
        "licence": "CC BY 4.0 (World Bank); the datahub copy is under ODC-PDDL",
        "citation": (
            "World Bank. World Development Indicators: GDP (current US$), NY.GDP.MKTP.CD. "
            "Washington, DC: World Bank. Retrieved 2025."
        ),
        "short": "World Bank, WDI (2024)",
    },
    {
        "source_id": SIPRI_SOURCE,
        "publisher": "Stockholm International Peace Research Institute (SIPRI)",
        "title": "SIPRI Military Expenditure Database, 1948-2023 (current US$ sheet)",
        "url": "https://www.sipri.org/databases/milex",
        "version_or_access_date": "2024 release (data to 2023)",
        "licence": (
            "SIPRI terms: free use with attribution for non-commercial research and teaching"
        ),
        "citation": (
            "SIPRI Military Expenditure Database, Stockholm International Peace Research "
            "Institute, 2024 release, https://www.sipri.org/databases/milex."
        ),
        "short": "SIPRI Military Expenditure Database (2024)",
    },
]

RESOURCES: dict[str, dict] = {
    "gdp_milex": {
        "title": "GDP and military expenditure, RUS, CHN, USA and EU27, 1992-2023",
        "description": (
            "Long table: one row per year, country and indicator. gdp = World Bank GDP in "
            "current USD (EU = World Bank EUU aggregate); milex = SIPRI military expenditure "
            "in current USD at each year's exchange rate (EU = sum of the 27 members, empty "
            "when any member lacks a figure). Values in USD millions; missing values are "
            "empty."
        ),
        "schema": {
            "fields": [
                {
                    "name": "year",
                    "type": "integer",
                    "description": "Calendar year.",
                    "constraints": {"required": True, "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                },
                {
                    "name": "country",
                    "type": "string",
                    "description": "ISO3 code; EU = EU27 (post-Brexit membership).",
                    "constraints": {"required": True, "enum": list(COUNTRIES)},
                },
                {
                    "name": "indicator",
                    "type": "string",
                    "description": "gdp (World Bank) or milex (SIPRI military expenditure).",
                    "constraints": {"required": True, "enum": ["gdp", "milex"]},
                },
                {
                    "name": "value_usd_m",
                    "type": "number",
                    "description": "Value in current US dollars, millions; empty if missing.",
                    "constraints": {"minimum": 0},
                },
                {
                    "name": "source_id",
                    "type": "string",
                    "description": "Source of the row (see sources.csv).",
                    "constraints": {"required": True, "enum": [SIPRI_SOURCE, WB_SOURCE]},
                },
            ],
            "primaryKey": ["year", "country", "indicator"],
        },
    }
}


def world_bank_gdp(raw: Path) -> pd.DataFrame:
    """GDP in current USD millions for the four economies, 1992-2023."""
    gdp = read_raw_csv(raw, WB_GDP)
    require_columns(gdp, ["Country Code", "Year", "Value"], WB_GDP)
    rows = []
    for country, code in WB_CODES.items():
        series = gdp[gdp["Country Code"] == code].set_index("Year")["Value"]
        if series.index.duplicated().any():
            raise RawDataError(f"{WB_GDP}: duplicate years for {code}")
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            value = series.get(year)
            rows.append((year, country, "gdp", None if value is None else value / 1e6, WB_SOURCE))
    return pd.DataFrame(rows, columns=["year", "country", "indicator", "value_usd_m", "source_id"])


def read_sipri_current_usd(raw: Path) -> pd.DataFrame:
    """The SIPRI 'Current US$' sheet as numbers (country index, year columns, NaN if missing)."""
    sheet = pd.read_excel(raw_path(raw, SIPRI_MILEX), sheet_name=SIPRI_SHEET, header=None)
    header = sheet.iloc[SIPRI_HEADER_ROW].tolist()
    if header[0] != "Country" or FIRST_YEAR not in header or LAST_YEAR not in header:
        raise RawDataError(f"{SIPRI_MILEX}: unexpected header row {header[:4]}...")
    body = sheet.iloc[SIPRI_HEADER_ROW + 1 :].copy()
    body.columns = header
    body = body.dropna(subset=["Country"]).set_index("Country")
    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    numbers = body[years].apply(to_float)
    # A literal 0 marks "no current-USD estimate" (Russia 1992), never real zero spending.
    return numbers.mask(numbers == 0)


def sipri_milex(raw: Path) -> pd.DataFrame:
    """Military expenditure in current USD millions; EU = sum of 27 members when complete."""
    table = read_sipri_current_usd(raw)
    missing_names = [n for n in [*SIPRI_NAMES.values(), *SIPRI_EU27_NAMES] if n not in table.index]
    if missing_names:
        raise RawDataError(f"{SIPRI_MILEX}: countries not found: {missing_names}")
    eu_total = table.loc[list(SIPRI_EU27_NAMES)].sum(axis=0, min_count=len(SIPRI_EU27_NAMES))
    rows = []
    for year in table.columns:
        for country in COUNTRIES:
            value = eu_total[year] if country == "EU" else table.loc[SIPRI_NAMES[country], year]
            rows.append((int(year), country, "milex", value, SIPRI_SOURCE))
    return pd.DataFrame(rows, columns=["year", "country", "indicator", "value_usd_m", "source_id"])


#: Raw files read by each resource (relative to the raw folder).
INPUTS: dict[str, tuple[str, ...]] = {"gdp_milex": (WB_GDP, SIPRI_MILEX)}


def build(raw: Path, names=None) -> dict[str, pd.DataFrame]:
    """Build ``gdp_milex`` from the raw folder ``raw`` (its only resource)."""
    raw = Path(raw)
    out = pd.concat([world_bank_gdp(raw), sipri_milex(raw)], ignore_index=True)
    out["year"] = out["year"].astype("int64")
    out["value_usd_m"] = out["value_usd_m"].astype("float64")
    out = out.sort_values(["year", "country", "indicator"], kind="mergesort")
    return {"gdp_milex": out.reset_index(drop=True)}
