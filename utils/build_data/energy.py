"""Energy tables: where Russia's oil and gas went in 2020, China's crude imports, Power of Siberia.

Why this module exists: the article's economic argument rests on energy. In 2020 Europe was
still by far the larger buyer of Russian crude and gas, while China was the fastest-growing
one, and the Power of Siberia pipeline had only just opened (2 Dec 2019). These tables let
students put numbers on that balance:

* ``russia_energy_exports_2020``: BP Statistical Review 2021 trade matrices, Russia's row or
  column only (crude oil in Mt, pipeline gas and LNG in bcm);
* ``china_crude_imports_by_origin``: China customs (GACC, as compiled by Wind) monthly crude
  imports by origin, summed to complete calendar years;
* ``power_of_siberia``: annual pipeline deliveries as press-reported from Gazprom and Russian
  officials, next to China customs' figure and BP's figure where those exist.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .common import RawDataError, raw_path, read_raw_csv

BP_FILE = "energy-exports/bp_statistical_review_2021_all_data.xlsx"
WIND_FILE = "energy-exports/china_customs_energy_imports_by_origin_monthly_1993-2022_wind.csv"
PRESS_FILE = "post-2020/press_reported_figures_trade_energy_finance_2013-2024.csv"

BP_PIPELINE_SHEET = "Gas - Trade movts - pipeline"
BP_LNG_SHEET = "Gas - Trade movts LNG"
BP_OIL_SHEET = "Oil - Inter-area movements "  # sic: BP's sheet name ends with a space
BP_FACTORS_SHEET = "Approximate conversion factors"

#: BP labels that are regional aggregates (they include the country rows listed under them).
#: BP's residual rows ("Other Europe", "Other Asia Pacific", ...) are dropped because their
#: composition differs from sheet to sheet, so they cannot share a row across the columns.
BP_REGIONS = {
    "North America", "S. & Cent. America", "Europe", "CIS", "Middle East", "Africa",
    "Middle East & Africa", "Asia Pacific", "Australasia",
}  # fmt: skip
#: In the oil sheet the column "Other CIS" (CIS minus Russia) is renamed "CIS": for Russian
#: exports it is the same group as the gas sheets' "CIS" row (Russia -> Russia is 0). The gas
#: sheets' own "Other CIS" row is a residual and is dropped with the other residuals.
BP_COUNTRY_ISO3 = {
    "Argentina": "ARG", "Belarus": "BLR", "Belgium": "BEL", "Brazil": "BRA", "Canada": "CAN",
    "China": "CHN", "France": "FRA", "Germany": "DEU", "India": "IND", "Italy": "ITA",
    "Japan": "JPN", "Kazakhstan": "KAZ", "Kuwait": "KWT", "Malaysia": "MYS", "Mexico": "MEX",
    "Netherlands": "NLD", "Pakistan": "PAK", "Singapore": "SGP", "South Korea": "KOR",
    "Spain": "ESP", "Taiwan": "TWN", "Thailand": "THA", "Turkey": "TUR", "US": "USA",
    "Ukraine": "UKR", "United Arab Emirates": "ARE", "United Kingdom": "GBR",
    "Chile": "CHL", "Egypt": "EGY", "Australia": "AUS", "South Africa": "ZAF",
}  # fmt: skip

#: Wind origin labels -> ISO3 ("Zaire" is Wind's label for the Democratic Republic of the
#: Congo, "Congo" the Republic of the Congo; "Columbia" is Wind's spelling of Colombia).
WIND_ORIGIN_ISO3 = {
    "Algeria": "DZA", "Angola": "AGO", "Argentina": "ARG", "Australia": "AUS",
    "Azerbaijan": "AZE", "Brazil": "BRA", "Brunei Darussalam": "BRN", "Cameroon": "CMR",
    "Canada": "CAN", "Chad": "TCD", "Columbia": "COL", "Congo": "COG", "Ecuador": "ECU",
    "Egypt": "EGY", "Equatorial Guinea": "GNQ", "Gabon": "GAB", "Ghana": "GHA",
    "Indonesia": "IDN", "Iran": "IRN", "Iraq": "IRQ", "Kazakhstan": "KAZ", "Kuwait": "KWT",
    "Libya": "LBY", "Malaysia": "MYS", "Mexico": "MEX", "Mongolia": "MNG", "Niger": "NER",
    "Nigeria": "NGA", "Norway": "NOR", "Oman": "OMN", "Qatar": "QAT",
    "Russian Federation": "RUS", "Saudi Arabia": "SAU", "South Africa": "ZAF",
    "South Sudan": "SSD", "Sudan": "SDN", "Thailand": "THA", "USA": "USA",
    "United Arab Emirates": "ARE", "United Kingdom": "GBR", "Venezuela": "VEN",
    "Vietnam": "VNM", "Yemen": "YEM", "Zaire": "COD",
}  # fmt: skip
WIND_CRUDE_PREFIX = "Volume of Imports: Crude Oil"
WIND_PIPELINE_RUSSIA = (
    "Volume of Imports: Pipeline Carried Natural Gas (Gaseous State): Russian Federation"
)
KG_PER_KT = 1e6  # 1 thousand tonnes = 1,000,000 kg
KT_PER_10000_T = 10  # the Wind crude total is in units of 10,000 tonnes

#: Press sources for Power of Siberia volumes (URL in the compiled file -> source_id).
PRESS_POS_METRIC = "Power of Siberia gas deliveries to China"
PRESS_SOURCES = {
    "https://rtarabic.com/business/1426108-%D9%86%D9%88%D9%81%D8%A7%D9%83-%D8%AA%D9%88%D8%B1%D9%8A%D8%AF-%D8%A7%D9%84%D8%BA%D8%A7%D8%B2-%D8%A5%D9%84%D9%89-%D8%A7%D9%84%D8%B5%D9%8A%D9%86-%D8%B9%D8%A8%D8%B1-%D9%82%D9%88%D8%A9-%D8%B3%D9%8A%D8%A8%D9%8A%D8%B1%D9%8A%D8%A7-%D8%A8%D9%84%D8%BA-%D9%85%D8%B3%D8%AA%D9%88%D9%8A%D8%A7%D8%AA-%D9%82%D9%8A%D8%A7%D8%B3%D9%8A%D8%A9/amp": "press_rtarabic_2023_novak_pos",  # noqa: E501
    "https://m.ru24.pro/pics/339649849": "press_ru24_2023_novak_pos",
    "https://tass.com/economy/1820193": "press_tass_2024_pos",
}

_ACCESS = "Retrieved 2025 from the stored reference-data snapshot"
SOURCES: list[dict] = [
    {
        "source_id": "bp_statreview_2021",
        "short": "BP Statistical Review of World Energy (2021)",
        "publisher": "BP p.l.c.",
        "title": "Statistical Review of World Energy 2021 (data to 2020), all-data workbook",
        "url": "https://www.bp.com/en/global/corporate/energy-economics/statistical-review-of-world-energy.html",
        "version_or_access_date": (
            "70th edition, July 2021; copy from github.com/energyandcleanair/"
            "fossil_shipment_tracker_r inst/extdata, commit 555c436 (2023-06-20)"
        ),
        "licence": "BP terms of use; free to use with attribution",
        "citation": "BP Statistical Review of World Energy 2021.",
    },
    {
        "source_id": "gacc_wind_2022",
        "short": "China customs (GACC) via Wind (2022)",
        "publisher": "General Administration of Customs of the PRC (GACC), compiled by Wind",
        "title": "China imports of crude oil, LNG, pipeline gas and coal by origin, monthly",
        "url": "http://english.customs.gov.cn/statics/report/monthly.html",
        "version_or_access_date": (
            "Wind update 2022-12-30 (to 2022-11); copy from github.com/energyandcleanair/"
            "fossil_shipment_tracker_r inst/extdata/china/china_imports_wind.csv, commit "
            "b2059d8 (2023-01-03)"
        ),
        "licence": "GACC public statistics; Wind compilation (commercial vendor)",
        "citation": "General Administration of Customs of China (via Wind), monthly imports.",
    },
    {
        "source_id": "press_rtarabic_2023_novak_pos",
        "short": "RT Arabic, quoting A. Novak (2023)",
        "publisher": "RT Arabic (quoting Deputy Prime Minister Alexander Novak)",
        "title": "Power of Siberia deliveries to China in 2020 and 2021 (press report)",
        "url": next(u for u, s in PRESS_SOURCES.items() if s == "press_rtarabic_2023_novak_pos"),
        "version_or_access_date": f"Published 2023; {_ACCESS}",
        "licence": "Press article; figures quoted for teaching",
        "citation": "RT Arabic (2023), quoting A. Novak; press-reported, Russian state media.",
    },
    {
        "source_id": "press_ru24_2023_novak_pos",
        "short": "ru24.pro, quoting A. Novak (2023)",
        "publisher": "ru24.pro (aggregating Russian press, quoting Alexander Novak)",
        "title": "Power of Siberia deliveries to China in 2022 (press report)",
        "url": "https://m.ru24.pro/pics/339649849",
        "version_or_access_date": f"Published 2023; {_ACCESS}",
        "licence": "Press article; figures quoted for teaching",
        "citation": "ru24.pro (2023), quoting A. Novak; press-reported.",
    },
    {
        "source_id": "press_tass_2024_pos",
        "short": "TASS (2024)",
        "publisher": "TASS (quoting Deputy Energy Minister Sergey Mochalnikov)",
        "title": "Power of Siberia deliveries to China in 2023 (press report)",
        "url": "https://tass.com/economy/1820193",
        "version_or_access_date": f"Published 2024-07-23; {_ACCESS}",
        "licence": "Press article; figures quoted for teaching",
        "citation": "TASS (23 July 2024); press-reported, Russian state media.",
    },
]

_SOURCE_FIELD = {"name": "source_id", "type": "string", "constraints": {"required": True}}

RESOURCES: dict[str, dict] = {
    "russia_energy_exports_2020": {
        "title": "Russia's exports of crude oil, pipeline gas and LNG by destination, 2020",
        "description": (
            "Russia's row (crude) or column (gas) of BP's 2020 trade matrices. Destinations "
            "are BP's labels: countries, BP regions (which include the countries listed under "
            "them, so rows overlap: do not add regions and countries) and 'World' (BP's total "
            "exports). 'CIS' means CIS countries other than Russia. BP's residual rows "
            "('Other Europe', 'Other Asia Pacific', ...) are left out because their make-up "
            "differs between the oil and gas sheets. A blank cell means BP does not list that "
            "destination separately for that commodity; 0 means BP lists it with no flow. "
            "Country rows are kept only where at least one flow is positive. Crude includes "
            "condensates; oil and pipeline-gas matrices exclude intra-area movements within "
            "a BP region. Gas in standard bcm at 40 MJ/m3 GCV."
        ),
        "decimals": 3,
        "schema": {
            "fields": [
                {
                    "name": "destination",
                    "type": "string",
                    "description": "BP destination label",
                    "constraints": {"required": True},
                },
                {
                    "name": "destination_level",
                    "type": "string",
                    "constraints": {"required": True, "enum": ["country", "region", "world"]},
                },
                {
                    "name": "destination_iso3",
                    "type": "string",
                    "description": "ISO3 code for country rows, WLD for World, else empty",
                },
                {
                    "name": "crude_oil_mt",
                    "type": "number",
                    "description": "Crude oil exports, million tonnes",
                    "constraints": {"minimum": 0},
                },
                {
                    "name": "pipeline_gas_bcm",
                    "type": "number",
                    "description": "Pipeline gas exports, billion cubic metres",
                    "constraints": {"minimum": 0},
                },
                {
                    "name": "lng_bcm",
                    "type": "number",
                    "description": "LNG exports, billion cubic metres (regasified)",
                    "constraints": {"minimum": 0},
                },
                _SOURCE_FIELD,
            ],
            "primaryKey": ["destination"],
        },
    },
    "china_crude_imports_by_origin": {
        "title": "China's crude oil imports by origin, complete calendar years",
        "description": (
            "Annual sums of China customs monthly crude-oil import volumes (Wind series, "
            "raw unit kg, converted at 1 kt = 1,000,000 kg). An (origin, year) is kept only "
            "when all 12 months are reported: Wind leaves a month blank when no figure was "
            "published and the source does not say blank means zero, so a partial year is "
            "excluded rather than shown as a smaller total. 2022 is excluded for every origin "
            "because the file ends in November 2022. origin 'WLD' is China's total crude "
            "imports (raw unit 10,000 t, times 10). Origins do not add up to WLD: Wind "
            "carries only the main origins, and some origin-years are incomplete."
        ),
        "decimals": 3,
        "schema": {
            "fields": [
                {
                    "name": "year",
                    "type": "integer",
                    "constraints": {"required": True, "minimum": 1993, "maximum": 2021},
                },
                {
                    "name": "origin",
                    "type": "string",
                    "description": "ISO3 of the country of origin; WLD = all origins",
                    "constraints": {"required": True},
                },
                {"name": "origin_name", "type": "string", "description": "Wind's label"},
                {
                    "name": "crude_kt",
                    "type": "number",
                    "description": "Crude oil imports, thousand tonnes",
                    "constraints": {"required": True, "minimum": 0},
                },
                _SOURCE_FIELD,
            ],
            "primaryKey": ["year", "origin"],
        },
    },
    "power_of_siberia": {
        "title": "Gas delivered to China through the Power of Siberia pipeline, by year",
        "description": (
            "Three bases side by side; they are not one series. 'press_reported': annual "
            "volumes quoted by Russian officials and Gazprom in news reports (mostly Russian "
            "state media; point quotes, not audited statistics). 'china_customs': China "
            "customs pipeline-gas imports from Russia (kg, reported by origin only up to "
            "December 2021), converted with BP's factor 1 million tonnes = 1.36 bcm "
            "(BP Statistical Review 2021, 'Approximate conversion factors'); all pipeline gas "
            "from Russia to China flows through Power of Siberia in these years. "
            "'bp_statistical_review': BP's 2020 Russia -> China pipeline flow. Volumes in bcm."
        ),
        "decimals": 3,
        "schema": {
            "fields": [
                {
                    "name": "year",
                    "type": "integer",
                    "constraints": {"required": True, "minimum": 2019, "maximum": 2023},
                },
                {
                    "name": "basis",
                    "type": "string",
                    "constraints": {
                        "required": True,
                        "enum": ["press_reported", "china_customs", "bp_statistical_review"],
                    },
                },
                {
                    "name": "volume_bcm",
                    "type": "number",
                    "description": "Gas delivered, billion cubic metres",
                    "constraints": {"required": True, "minimum": 0},
                },
                {"name": "note", "type": "string", "description": "Caveat for this figure"},
                _SOURCE_FIELD,
            ],
            "primaryKey": ["year", "basis"],
        },
    },
}


def _norm(value: object) -> str:
    """Collapse whitespace in a spreadsheet label; None -> ''."""
    return "" if value is None or pd.isna(value) else " ".join(str(value).split())


def read_bp_sheet(raw: Path, sheet: str) -> pd.DataFrame:
    """Read one BP sheet as a raw grid (no header), object dtype."""
    return pd.read_excel(raw_path(raw, BP_FILE), sheet_name=sheet, header=None, dtype=object)


def _bp_russia_vector(grid: pd.DataFrame, header_first_cell: str, by: str) -> pd.Series:
    """Return Russia's flows from a BP matrix as a Series indexed by the partner label.

    ``by='column'`` (gas sheets): Russia is a *From* column, partners are the row labels.
    ``by='row'`` (oil sheet): Russia is a *From* row, partners are the column labels.
    Column headers may be split over two lines ("Russian " / "Federation").
    """
    first = grid[0].map(_norm)
    header_rows = first.index[first == header_first_cell]
    if len(header_rows) == 0:
        raise RawDataError(f"{BP_FILE}: header row '{header_first_cell}' not found")
    h = header_rows[0]
    labels = [_norm(v) for v in grid.loc[h]]
    above = [_norm(v) for v in grid.loc[h - 1]] if h > 0 else [""] * len(labels)
    if by == "row":
        end = first.index[first == "Total imports"][0]
        block = grid.loc[h + 1 : end - 1]
        russia = block[block[0].map(_norm) == "Russia"]
        if len(russia) != 1:
            raise RawDataError(f"{BP_FILE}: no single 'Russia' row in the crude block")
        values = russia.iloc[0]
        return pd.Series(
            {labels[j]: values[j] for j in range(1, len(labels)) if labels[j]}, dtype=float
        )
    names = [_norm(f"{a} {b}") if a and b else b for a, b in zip(above, labels, strict=True)]
    cols = [j for j, (lab, nm) in enumerate(zip(labels, names, strict=True))
            if "Russian Federation" in (lab, nm)]  # fmt: skip
    if len(cols) != 1:
        raise RawDataError(f"{BP_FILE}: no single 'Russian Federation' column after row {h}")
    end = first.index[(first == "Total exports") & (first.index > h)][0]
    block = grid.loc[h + 1 : end]
    return pd.Series(
        {_norm(r[0]): r[cols[0]] for _, r in block.iterrows() if _norm(r[0])}, dtype=float
    )


def russia_energy_exports_2020(raw: Path) -> pd.DataFrame:
    """Combine Russia's 2020 crude, pipeline-gas and LNG exports by BP destination."""
    crude = _bp_russia_vector(read_bp_sheet(raw, BP_OIL_SHEET), "Crude (million tonnes)", "row")
    pipe = _bp_russia_vector(read_bp_sheet(raw, BP_PIPELINE_SHEET), "To", "column")
    lng = _bp_russia_vector(read_bp_sheet(raw, BP_LNG_SHEET), "To", "column")
    crude = crude.rename(index={"Other CIS": "CIS", "Total": "World"})
    pipe = pipe.rename(index={"Total exports": "World"})
    lng = lng.rename(index={"Total exports": "World"})
    frame = pd.concat({"crude_oil_mt": crude, "pipeline_gas_bcm": pipe, "lng_bcm": lng}, axis=1)
    frame = frame[~frame.index.str.startswith(("Other", "Rest of"))]
    frame = frame.drop(index=["Russia", "Russian Federation"], errors="ignore")
    level = pd.Series("country", index=frame.index)
    level[frame.index.isin(BP_REGIONS)] = "region"
    level[frame.index == "World"] = "world"
    unknown = sorted(set(frame.index[level == "country"]) - set(BP_COUNTRY_ISO3))
    positive = frame.fillna(0).gt(0).any(axis=1)
    keep = (level != "country") | positive
    unknown = [c for c in unknown if keep[c]]
    if unknown:
        raise RawDataError(f"{BP_FILE}: destinations without ISO3 mapping: {unknown}")
    out = frame[keep].copy()
    out["destination_level"] = level[keep]
    out["destination_iso3"] = [
        "WLD" if lv == "world" else BP_COUNTRY_ISO3.get(d, "")
        for d, lv in zip(out.index, out["destination_level"], strict=True)
    ]
    out = out.round(3).rename_axis("destination").reset_index()
    out["source_id"] = "bp_statreview_2021"
    out = out.sort_values("destination")
    cols = [f["name"] for f in RESOURCES["russia_energy_exports_2020"]["schema"]["fields"]]
    return out[cols].reset_index(drop=True)


def read_wind(raw: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split the Wind file into (series metadata, monthly values as float by 'YYYY-MM')."""
    grid = read_raw_csv(raw, WIND_FILE, header=None, dtype=str)
    meta = grid.iloc[:7].set_index(0).T
    if list(meta.columns) != ["Name", "Frequency", "Unit", "ID", "Time Period", "Source",
                              "Update"]:  # fmt: skip
        raise RawDataError(f"{WIND_FILE}: unexpected header rows {list(meta.columns)}")
    body = grid.iloc[7:]
    body = body[body[0].fillna("").str.fullmatch(r"\d{4}-\d{2}")].set_index(0)
    values = body.apply(lambda s: pd.to_numeric(s.str.strip(), errors="coerce"))
    return meta, values


def china_crude_imports(raw: Path) -> pd.DataFrame:
    """Annual crude imports by origin (kt) for complete years, plus the WLD total."""
    meta, values = read_wind(raw)
    crude = meta[meta["Name"].str.startswith(WIND_CRUDE_PREFIX)].drop_duplicates("ID")
    frames = []
    for col, row in crude.iterrows():
        name = row["Name"]
        if name == WIND_CRUDE_PREFIX:
            origin, label, unit, factor = "WLD", "World", "10000 tons", KT_PER_10000_T
        else:
            label = name.removeprefix(WIND_CRUDE_PREFIX + ": ")
            origin, unit, factor = WIND_ORIGIN_ISO3.get(label), "kg", 1 / KG_PER_KT
            if origin is None:
                raise RawDataError(f"{WIND_FILE}: no ISO3 mapping for origin '{label}'")
        if row["Unit"] != unit:
            raise RawDataError(f"{WIND_FILE}: '{name}' is in {row['Unit']}, expected {unit}")
        monthly = values[col]
        years = monthly.index.str[:4].astype(int)
        annual = monthly.groupby(years).agg(["sum", "count"])
        annual = annual[annual["count"] == 12]
        frames.append(pd.DataFrame({
            "year": annual.index, "origin": origin, "origin_name": label,
            "crude_kt": (annual["sum"] * factor).round(3).to_numpy(),
        }))  # fmt: skip
    out = pd.concat(frames, ignore_index=True)
    out["source_id"] = "gacc_wind_2022"
    return out.sort_values(["year", "origin"]).reset_index(drop=True)


def _bp_lng_to_bcm_factor(raw: Path) -> float:
    """BP's factor from 'Approximate conversion factors': 1 million tonnes LNG -> bcm NG."""
    grid = read_bp_sheet(raw, BP_FACTORS_SHEET)
    rows = grid[grid[0].map(_norm) == "1 million tonnes LNG"]
    hits = (
        [v for v in rows.iloc[0, 1:] if isinstance(v, (int, float)) and pd.notna(v)]
        if len(rows)
        else []
    )
    if not hits or hits[0] != 1.36:
        raise RawDataError(f"{BP_FILE}: LNG conversion factor not found or changed: {hits[:1]}")
    return float(hits[0])


def power_of_siberia(raw: Path, bp_exports: pd.DataFrame) -> pd.DataFrame:
    """Power of Siberia volumes by year on three bases (see the resource description)."""
    press = read_raw_csv(raw, PRESS_FILE)
    press = press[press["metric"] == PRESS_POS_METRIC]
    if (press["unit"] != "bcm").any():
        raise RawDataError(f"{PRESS_FILE}: Power of Siberia figures not all in bcm")
    rows = []
    for _, r in press.iterrows():
        if r["source_url"] not in PRESS_SOURCES:
            raise RawDataError(f"{PRESS_FILE}: unknown source URL {r['source_url']}")
        note = f"Press-reported ({r['reporter_or_basis']})"
        if isinstance(r["quote_or_note"], str) and re.search(r"\d", r["quote_or_note"]):
            note += f"; compiler's note: {r['quote_or_note']}"
        rows.append((int(r["year"]), "press_reported", float(r["value"]), note,
                     PRESS_SOURCES[r["source_url"]]))  # fmt: skip
    meta, values = read_wind(raw)
    col = meta.index[meta["Name"] == WIND_PIPELINE_RUSSIA]
    if len(col) != 1 or meta.loc[col[0], "Unit"] != "kg":
        raise RawDataError(f"{WIND_FILE}: pipeline-gas-from-Russia series (kg) not found")
    monthly = values[col[0]].dropna()
    factor = _bp_lng_to_bcm_factor(raw)
    for year, months in monthly.groupby(monthly.index.str[:4].astype(int)):
        reported = sorted(m[5:] for m in months.index)
        if year == 2019:
            note = "December 2019 only (deliveries began 2 December 2019)"
        elif len(reported) == 12:
            note = "All 12 months reported"
        else:
            missing = sorted(set(range(1, 13)) - {int(m) for m in reported})
            names = ", ".join(pd.Timestamp(year, m, 1).strftime("%B") for m in missing)
            note = (f"{names} {year} blank in the source while the following month is far "
                    "above the monthly average in volume and value, consistent with the "
                    "months being reported together, so the annual sum is kept; compare the "
                    "BP and press figures for the same year")  # fmt: skip
        bcm = months.sum() / 1e9 * factor  # kg -> million tonnes -> bcm
        rows.append((year, "china_customs", round(bcm, 3), note, "gacc_wind_2022"))
    china = bp_exports.loc[bp_exports["destination"] == "China", "pipeline_gas_bcm"]
    rows.append(
        (
            2020,
            "bp_statistical_review",
            float(china.iloc[0]),
            "BP trade matrix, Russian Federation -> China pipeline",
            "bp_statreview_2021",
        )
    )
    cols = [f["name"] for f in RESOURCES["power_of_siberia"]["schema"]["fields"]]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["year", "basis"]).reset_index(drop=True)


#: Raw files read by each resource (relative to the raw folder).
INPUTS: dict[str, tuple[str, ...]] = {
    "russia_energy_exports_2020": (BP_FILE,),
    "china_crude_imports_by_origin": (WIND_FILE,),
    "power_of_siberia": (BP_FILE, WIND_FILE, PRESS_FILE),
}


def build(raw: Path, names=None) -> dict[str, pd.DataFrame]:
    """Build the energy tables ``names`` (default: all) from the raw files."""
    names = list(names or RESOURCES)
    out: dict[str, pd.DataFrame] = {}
    if "russia_energy_exports_2020" in names or "power_of_siberia" in names:
        exports = russia_energy_exports_2020(raw)
        if "russia_energy_exports_2020" in names:
            out["russia_energy_exports_2020"] = exports
        if "power_of_siberia" in names:
            out["power_of_siberia"] = power_of_siberia(raw, exports)
    if "china_crude_imports_by_origin" in names:
        out["china_crude_imports_by_origin"] = china_crude_imports(raw)
    return out
