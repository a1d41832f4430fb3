"""Energy tables: where Russia's oil and gas went in 2020, China's crude imports, Power of Siberia.

Why this module exists: the article's economic argument rests on energy. In 2020 Europe was
still by far the larger buyer of Russian crude and gas, while China was the fastest-growing
one, and the Power of Siberia pipeline had only just opened (2 Dec 2019). These tables let
students put numbers on that balance:

* ``russia_energy_exports_2020``: BP Statistical Review 2021 trade matrices, Russia's row or
  column only (crude oil in Mt, pipeline gas and LNG in bcm);
* ``china_crude_imports_by_origin``: China customs (GACC, as compiled by Wind) monthly crude
  imports by origin, summed to calendar years the file covers in full (1993-2021);
* ``china_crude_imports_2020_2024``: the same customs figures as China reports them to UN
  Comtrade, every origin, 2020-2024 (a separate table: another compilation, other coverage);
* ``power_of_siberia``: annual pipeline deliveries on several bases kept apart (press quotes,
  Gazprom's series, China customs, BP and the Energy Institute);
* ``russia_gas_to_europe``: physical flows of Russian pipeline gas into Europe by border point
  and route, annual, from the IEA Gas Trade Flows, 2009 to May 2025.

The blank-month rule (China customs via Wind). Wind leaves a month blank when customs
published no figure for that origin in that month; China publishes January and February
together in some years, and small or irregular suppliers appear only in the months they
shipped. A blank month of an origin that Wind itemises is therefore counted as **zero**, so an
annual figure is the sum of the months reported. A year enters the table only if the file
covers all twelve of its months (so 2022, which ends in November, is left out), and an origin
has no row in a year in which none of its months is reported. ``months_reported`` says how many
months carried a figure. The rule is the same for every origin, including Russia and Kazakhstan,
whose crude partly arrives by pipeline, and for the Power of Siberia pipeline-gas series. It
restores, for example, US crude in 2020 (three blank months, 19.76 Mt, 3.6% of imports), which
an all-twelve-months rule dropped.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .common import RawDataError, raw_path, read_raw_csv, require_columns

BP_FILE = "energy-exports/bp_statistical_review_2021_all_data.xlsx"
WIND_FILE = "energy-exports/china_customs_energy_imports_by_origin_monthly_1993-2022_wind.csv"
PRESS_FILE = "post-2020/press_reported_figures_trade_energy_finance_2013-2024.csv"
POS_COMPILED_FILE = (
    "what-happened-next/compiled/power_of_siberia_deliveries_annual_2019-2025_compiled.csv"
)
EI_FILE = "what-happened-next/energy-review/EI-Stats-Review-All-Data.xlsx"
EI_GAS_SHEET = "Gas - Trade movements"
COMTRADE_CRUDE_FILE = "what-happened-next/china-crude-imports/comtrade_crude_oil.csv"
IEA_GTF_FILE = "what-happened-next/europe-gas/Export_GTF_IEA_202505.xlsx"
IEA_GTF_SHEET = "GTF_data"

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

#: UN Comtrade partner names (China as reporter) -> ISO3. "China" (re-imports) is not an origin.
COMTRADE_PARTNER_ISO3 = {
    "Albania": "ALB", "Algeria": "DZA", "Angola": "AGO", "Argentina": "ARG", "Australia": "AUS",
    "Austria": "AUT", "Azerbaijan": "AZE", "Bahrain": "BHR",
    "Bolivia (Plurinational State of)": "BOL", "Brazil": "BRA", "Brunei Darussalam": "BRN",
    "Cameroon": "CMR", "Canada": "CAN", "Chad": "TCD", "Colombia": "COL", "Congo": "COG",
    "Cuba": "CUB", "Côte d'Ivoire": "CIV", "Dem. Rep. of the Congo": "COD", "Denmark": "DNK",
    "Ecuador": "ECU", "Egypt": "EGY", "Equatorial Guinea": "GNQ", "France": "FRA",
    "Gabon": "GAB", "Ghana": "GHA", "Guyana": "GUY", "India": "IND", "Indonesia": "IDN",
    "Iran": "IRN", "Iraq": "IRQ", "Japan": "JPN", "Kazakhstan": "KAZ", "Kuwait": "KWT",
    "Libya": "LBY", "Malaysia": "MYS", "Mexico": "MEX", "Mongolia": "MNG", "Mozambique": "MOZ",
    "New Zealand": "NZL", "Niger": "NER", "Nigeria": "NGA", "Norway": "NOR", "Oman": "OMN",
    "Papua New Guinea": "PNG", "Philippines": "PHL", "Qatar": "QAT", "Rep. of Korea": "KOR",
    "Russian Federation": "RUS", "Saudi Arabia": "SAU", "Senegal": "SEN", "Singapore": "SGP",
    "South Africa": "ZAF", "South Sudan": "SSD", "Sudan": "SDN", "Thailand": "THA",
    "Timor-Leste": "TLS", "Turkmenistan": "TKM", "Türkiye": "TUR", "USA": "USA",
    "United Arab Emirates": "ARE", "United Kingdom": "GBR", "Venezuela": "VEN",
    "Viet Nam": "VNM", "Yemen": "YEM",
}  # fmt: skip
COMTRADE_REIMPORT_PARTNER = "China"

#: IEA Gas Trade Flows border points that carry Russian pipeline gas into Europe, keyed by
#: (border point, exit, entry) -> route. Physical flows at the border, not gas by origin:
#: see the caveats in the resource description.
GTF_ROUTES: dict[tuple[str, str, str], str] = {
    ("Nord Stream", "Russia", "Germany"): "Nord Stream",
    ("Kondratki", "Belarus", "Poland"): "Yamal-Europe via Belarus",
    ("Wysokoje", "Belarus", "Poland"): "Belarus to Poland, other points",
    ("Tietierowka", "Belarus", "Poland"): "Belarus to Poland, other points",
    ("Kotlovka", "Belarus", "Lithuania"): "Belarus to Lithuania (largely to Kaliningrad)",
    ("Privalka", "Belarus", "Lithuania"): "Belarus to Lithuania (largely to Kaliningrad)",
    ("Velke Kapusany", "Ukraine", "Slovak Republic"): "Ukraine transit",
    ("Budince", "Ukraine", "Slovak Republic"): "Ukraine transit",
    ("Beregdaróc", "Ukraine", "Hungary"): "Ukraine transit",
    ("Drozdowicze", "Ukraine", "Poland"): "Ukraine transit",
    ("Isaccea", "Ukraine", "Romania"): "Ukraine transit",
    ("Mediesu Aurit", "Ukraine", "Romania"): "Ukraine transit",
    ("Not Elsewhere Specified", "Ukraine", "Moldova, Republic"): "Ukraine transit",
    ("Imatra", "Russia", "Finland"): "Russia to Finland and Estonia",
    ("Narva", "Russia", "Estonia"): "Russia to Finland and Estonia",
    ("Varska", "Russia", "Estonia"): "Russia to Finland and Estonia",
    ("Kiyikoy", "Russia", "Republic of Türkiye"): "TurkStream",
    ("Samsun", "Russia", "Republic of Türkiye"): "Blue Stream",
}  # fmt: skip
#: Entry countries that are EU members (IEA spelling).
GTF_EU_ENTRIES = {"Germany", "Poland", "Lithuania", "Slovak Republic", "Hungary", "Romania",
                  "Finland", "Estonia"}  # fmt: skip
GTF_FIRST_YEAR = 2009  # the file starts in October 2008

#: Power of Siberia: Gazprom's series as quoted by TASS (URL in the compiled file -> source_id).
POS_COMPILED_SOURCES = {
    "https://tass.com/economy/2054559": "press_tass_2025_pos",
    "https://tass.com/economy/2070655": "press_tass_2026_pos",
}

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
    {
        "source_id": "press_tass_2025_pos",
        "short": "TASS, Gazprom figures (2025)",
        "publisher": "TASS (reporting Gazprom's delivery figures)",
        "title": "Power of Siberia deliveries to China 2020-2024 (press report)",
        "url": "https://tass.com/economy/2054559",
        "version_or_access_date": "Published 2025-12-05; retrieved 2026 from a stored snapshot",
        "licence": "Press article; figures quoted for teaching",
        "citation": "TASS (5 December 2025), Gazprom's annual deliveries; Russian state media.",
    },
    {
        "source_id": "press_tass_2026_pos",
        "short": "TASS, Gazprom figures (2026)",
        "publisher": "TASS (reporting Gazprom's delivery figures)",
        "title": "Power of Siberia deliveries to China in 2025 (press report)",
        "url": "https://tass.com/economy/2070655",
        "version_or_access_date": "Published 2026-01-13; retrieved 2026 from a stored snapshot",
        "licence": "Press article; figures quoted for teaching",
        "citation": "TASS (13 January 2026), Gazprom's 2025 deliveries; Russian state media.",
    },
    {
        "source_id": "ei_statreview_2024",
        "short": "Energy Institute Statistical Review (2024)",
        "publisher": "Energy Institute",
        "title": "Statistical Review of World Energy 2024 (data to 2023), all-data workbook",
        "url": "https://www.energyinst.org/statistical-review",
        "version_or_access_date": (
            "73rd edition, June 2024; copy from github.com/rajaeian-fatemeh/VisualCommunication, "
            "commit 8b52f0a (2024-11-03)"
        ),
        "licence": "© Energy Institute 2024; figures cited with attribution (workbook not "
        "redistributed)",
        "citation": "Energy Institute Statistical Review of World Energy 2024.",
    },
    {
        "source_id": "un_comtrade_china_crude_2026",
        "short": "China customs via UN Comtrade (2026)",
        "publisher": "United Nations Statistics Division (UN Comtrade); data reported by China "
        "customs (GACC)",
        "title": "China's imports of crude petroleum (HS 2709) by partner, monthly, 2020-2024",
        "url": "https://comtradeplus.un.org/",
        "version_or_access_date": (
            "Extract of github.com/DoiEnnoson/china-energy-monitor "
            "data/fuel-imports/comtrade_crude_oil.csv, commit c89b589; retrieved 2026"
        ),
        "licence": "UN Comtrade licence (data copyright United Nations); derived annual totals "
        "with citation",
        "citation": "United Nations, UN Comtrade Database: reporter China, flow imports, "
        "HS 2709, monthly 2020-2024. Retrieved 2026.",
    },
    {
        "source_id": "iea_gtf_2025",
        "short": "IEA Gas Trade Flows (2025)",
        "publisher": "International Energy Agency (IEA)",
        "title": "Gas Trade Flows, monthly flows at European border points (to May 2025)",
        "url": "https://www.iea.org/data-and-statistics/data-product/gas-trade-flows",
        "version_or_access_date": (
            "Release of May 2025 (Export_GTF_IEA_202505.xlsx); copy from "
            "github.com/EhsanDaneshgar/natural-gas-transmission-pipeline, commit 2780f13"
        ),
        "licence": "IEA terms for non-CC material: insubstantial derived figures with "
        "attribution (workbook not redistributed)",
        "citation": "IEA (2025), Gas Trade Flows, May 2025 release. All rights reserved.",
    },
]

_SOURCE_FIELD = {"name": "source_id", "type": "string", "constraints": {"required": True}}
POS_BASES = ("press_reported", "gazprom_reported", "china_customs", "bp_statistical_review",
             "ei_statistical_review")  # fmt: skip

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
        "title": "China's crude oil imports by origin, 1993-2021",
        "description": (
            "Annual sums of China customs monthly crude-oil import volumes (Wind series, "
            "raw unit kg, converted at 1 kt = 1,000,000 kg). Blank-month rule: a month that "
            "Wind leaves blank for an origin it itemises counts as zero (customs published no "
            "figure for that origin that month, e.g. January and February reported together "
            "or no cargo), so the annual figure is the sum of the months reported; "
            "months_reported says how many there were. An origin has no row in a year with "
            "no reported month. Only years the file covers in full are kept, so 2022 (the file "
            "ends in November) is left out. origin 'WLD' is China's total crude imports (raw "
            "unit 10,000 t, times 10). Origins do not add up to WLD: Wind carries only the "
            "main origins. For 2020-2024 on every origin see china_crude_imports_2020_2024."
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
                {
                    "name": "months_reported",
                    "type": "integer",
                    "description": "Months with a figure (blank months count as zero)",
                    "constraints": {"required": True, "minimum": 1, "maximum": 12},
                },
                _SOURCE_FIELD,
            ],
            "primaryKey": ["year", "origin"],
        },
    },
    "china_crude_imports_2020_2024": {
        "title": "China's crude oil imports by origin, 2020-2024 (China customs via UN Comtrade)",
        "description": (
            "Annual sums of the monthly imports of crude petroleum (HS 2709) that China "
            "reports to UN Comtrade, for every partner: net weight in thousand tonnes and "
            "value in USD millions (CIF). 'WLD' is the sum over all partners. The partner "
            "'China' (re-imports, zero in this file) is left out, as are months with no "
            "quantity and no value. A separate table from china_crude_imports_by_origin "
            "(Wind compilation, main origins only): in 2020-2021 the two agree to within "
            "rounding for the main suppliers, but they are different compilations, so do not "
            "splice them without a note. Cross-check: Russia 2023 107.02 Mt, 2024 108.47 Mt; "
            "world 2023 564.0 Mt (China customs annual totals)."
        ),
        "decimals": 3,
        "schema": {
            "fields": [
                {
                    "name": "year",
                    "type": "integer",
                    "constraints": {"required": True, "minimum": 2020, "maximum": 2024},
                },
                {
                    "name": "origin",
                    "type": "string",
                    "description": "ISO3 of the partner; WLD = all partners",
                    "constraints": {"required": True},
                },
                {"name": "origin_name", "type": "string", "description": "UN Comtrade name"},
                {
                    "name": "crude_kt",
                    "type": "number",
                    "description": "Crude oil imports, thousand tonnes",
                    "constraints": {"required": True, "minimum": 0},
                },
                {
                    "name": "value_usd_m",
                    "type": "number",
                    "description": "Import value, CIF, current USD millions",
                    "constraints": {"minimum": 0},
                },
                {
                    "name": "months_reported",
                    "type": "integer",
                    "description": "Months with a row for this partner",
                    "constraints": {"required": True, "minimum": 1, "maximum": 12},
                },
                _SOURCE_FIELD,
            ],
            "primaryKey": ["year", "origin"],
        },
    },
    "russia_gas_to_europe": {
        "title": "Russian pipeline gas into Europe by border point and route, 2009-2025",
        "description": (
            "Annual sums of the IEA Gas Trade Flows monthly physical flows (mcm, 15 °C) at "
            "the border points through which Russian pipeline gas entered Europe: Nord Stream, "
            "Belarus-Poland (Yamal-Europe at Kondratki), Belarus-Lithuania, Ukraine's exits "
            "to Slovakia, Hungary, Poland, Romania and Moldova, Russia-Finland/Estonia, and "
            "TurkStream and Blue Stream landfalls in Türkiye. volume_bcm = mcm / 1000. These "
            "are physical flows reported by the countries' administrations, not gas by "
            "origin: after 2022 some Ukrainian exits (e.g. Drozdowicze to Poland) are not "
            "Russian gas; Belarus-Lithuania flows are mostly transit to Kaliningrad; "
            "TurkStream's onward EU leg (Türkiye to Bulgaria) is not added, to avoid counting "
            "the same gas twice. A blank month (no figure) adds nothing to the sum and months "
            "counts the months with a figure; a border point has no row in a year without "
            "any. Data for April-September 2009 were not fully collected (IEA note). 2025 "
            "covers January to May only (months = 5); Ukrainian transit ended on 1 January "
            "2025. LNG is not included."
        ),
        "decimals": 3,
        "schema": {
            "fields": [
                {
                    "name": "year",
                    "type": "integer",
                    "constraints": {"required": True, "minimum": 2009, "maximum": 2025},
                },
                {
                    "name": "border_point",
                    "type": "string",
                    "description": "IEA border point name",
                    "constraints": {"required": True},
                },
                {"name": "exit_country", "type": "string", "constraints": {"required": True}},
                {"name": "entry_country", "type": "string", "constraints": {"required": True}},
                {
                    "name": "route",
                    "type": "string",
                    "description": "Route the border point belongs to (our grouping)",
                    "constraints": {"required": True, "enum": sorted(set(GTF_ROUTES.values()))},
                },
                {
                    "name": "eu_entry",
                    "type": "boolean",
                    "description": "true if the entry country is an EU member",
                    "constraints": {"required": True},
                },
                {
                    "name": "volume_bcm",
                    "type": "number",
                    "description": "Physical flow, billion cubic metres",
                    "constraints": {"required": True, "minimum": 0},
                },
                {
                    "name": "months",
                    "type": "integer",
                    "description": "Months with a figure (at most 5 in 2025: January-May)",
                    "constraints": {"required": True, "minimum": 1, "maximum": 12},
                },
                _SOURCE_FIELD,
            ],
            "primaryKey": ["year", "border_point", "exit_country", "entry_country"],
        },
    },
    "power_of_siberia": {
        "title": "Gas delivered to China through the Power of Siberia pipeline, by year",
        "description": (
            "Five bases side by side; they are not one series, so never mix them without a "
            "note. 'press_reported': annual volumes quoted by Russian officials in news "
            "reports, 2020-2023 (point quotes). 'gazprom_reported': Gazprom's own annual "
            "series as reported by TASS, 2020-2025 (no 2019 volume was found). "
            "'china_customs': China customs pipeline-gas imports from Russia (kg, reported by "
            "origin only up to December 2021; a blank month counts as zero, the rule of "
            "china_crude_imports_by_origin), converted with BP's factor 1 million tonnes = "
            "1.36 bcm (BP Statistical Review 2021, 'Approximate conversion factors'). "
            "'bp_statistical_review': BP's 2020 Russia -> China pipeline flow. "
            "'ei_statistical_review': the Energy Institute's China pipeline imports from "
            "Russia, 2019-2023 (2021: 7.58 bcm, well below Gazprom's 10.39). All pipeline gas "
            "from Russia to China flows through Power of Siberia in these years. Volumes in "
            "bcm; mostly Russian state media for the press bases."
        ),
        "decimals": 3,
        "schema": {
            "fields": [
                {
                    "name": "year",
                    "type": "integer",
                    "constraints": {"required": True, "minimum": 2019, "maximum": 2025},
                },
                {
                    "name": "basis",
                    "type": "string",
                    "constraints": {
                        "required": True,
                        "enum": list(POS_BASES),
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
    """Annual crude imports by origin (kt), blank months counted as zero, plus the WLD total.

    See the blank-month rule in the module docstring: only years the file covers in full are
    kept, and an origin-year with no reported month has no row.
    """
    meta, values = read_wind(raw)
    crude = meta[meta["Name"].str.startswith(WIND_CRUDE_PREFIX)].drop_duplicates("ID")
    months_in_file = pd.Series(values.index.str[:4].astype(int)).value_counts()
    full_years = set(months_in_file[months_in_file == 12].index)
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
        annual = monthly.groupby(years).agg(["sum", "count"])  # sum skips blanks: zero
        annual = annual[(annual["count"] > 0) & annual.index.isin(full_years)]
        frames.append(pd.DataFrame({
            "year": annual.index, "origin": origin, "origin_name": label,
            "crude_kt": (annual["sum"] * factor).round(3).to_numpy(),
            "months_reported": annual["count"].to_numpy(),
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
    compiled = read_raw_csv(raw, POS_COMPILED_FILE)
    require_columns(compiled, ["year", "deliveries_bcm", "status", "source_url"], POS_COMPILED_FILE)
    for _, r in compiled.dropna(subset=["deliveries_bcm"]).iterrows():
        if r["source_url"] not in POS_COMPILED_SOURCES:
            raise RawDataError(f"{POS_COMPILED_FILE}: unknown source URL {r['source_url']}")
        rows.append((int(r["year"]), "gazprom_reported", float(r["deliveries_bcm"]),
                     "Gazprom's annual deliveries as reported by TASS",
                     POS_COMPILED_SOURCES[r["source_url"]]))  # fmt: skip
    for year, bcm in ei_china_pipeline_imports_from_russia(raw).items():
        rows.append((year, "ei_statistical_review", round(bcm, 3),
                     "EI Statistical Review 2024, 'Gas - Trade movements': China pipeline "
                     "imports from the Russian Federation", "ei_statreview_2024"))  # fmt: skip
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
            note = (f"{names} {year} blank in the source, counted as zero (blank-month rule); "
                    "the following month is far above the monthly average in volume and "
                    "value, consistent with the months being reported together; compare the "
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


def ei_china_pipeline_imports_from_russia(raw: Path) -> dict[int, float]:
    """EI 2024 'Gas - Trade movements': China's pipeline imports from Russia, bcm, by year.

    In the China block the row 'Pipeline imports' is followed by 'of which' rows; the
    Russian Federation row comes right after 'of which: Other Asia'. Years with 0 (before
    the pipeline opened) are left out.
    """
    grid = pd.read_excel(raw_path(raw, EI_FILE), sheet_name=EI_GAS_SHEET, header=None)
    labels = grid[0].map(_norm)
    header = grid.index[labels == "Billion cubic metres"]
    china = grid.index[labels == "China"]
    if len(header) != 1 or len(china) != 1:
        raise RawDataError(f"{EI_FILE}: '{EI_GAS_SHEET}' header or China block not found")
    years = {j: int(v) for j, v in grid.loc[header[0]].items()
             if isinstance(v, (int, float)) and pd.notna(v) and 1990 < v < 2100}  # fmt: skip
    block = labels.loc[china[0] + 1 : china[0] + 6]
    if list(block.iloc[:2]) != ["Pipeline imports", "of which: Other Asia"]:
        raise RawDataError(f"{EI_FILE}: unexpected rows after 'China': {list(block.iloc[:3])}")
    row = block.index[2]
    if block.iloc[2] != "Russian Federation":
        raise RawDataError(f"{EI_FILE}: no 'Russian Federation' row in the China block")
    seen: dict[int, float] = {}
    for j, year in years.items():
        value = grid.loc[row, j]
        if year in seen:  # the growth-rate columns repeat the last year's label
            continue
        seen[year] = float(value)
    return {y: v for y, v in sorted(seen.items()) if v > 0}


def china_crude_imports_2020_2024(raw: Path) -> pd.DataFrame:
    """China-reported crude imports by partner from UN Comtrade, summed to years, plus WLD."""
    monthly = read_raw_csv(raw, COMTRADE_CRUDE_FILE)
    require_columns(monthly, ["period", "partner", "value_usd_bn", "qty_mt"], COMTRADE_CRUDE_FILE)
    monthly = monthly[monthly["partner"] != COMTRADE_REIMPORT_PARTNER]
    monthly = monthly[monthly["qty_mt"].notna() | (monthly["value_usd_bn"] > 0)]
    unknown = sorted(set(monthly["partner"]) - set(COMTRADE_PARTNER_ISO3))
    if unknown:
        raise RawDataError(f"{COMTRADE_CRUDE_FILE}: partners without ISO3: {unknown}")
    monthly = monthly.assign(year=monthly["period"].astype(str).str[:4].astype(int))
    if monthly.groupby("year")["period"].nunique().ne(12).any():
        raise RawDataError(f"{COMTRADE_CRUDE_FILE}: a year does not have 12 months")
    annual = monthly.groupby(["year", "partner"]).agg(
        qty=("qty_mt", "sum"), value=("value_usd_bn", "sum"), months=("period", "nunique")
    )
    annual = annual.reset_index()
    world = annual.groupby("year").agg(qty=("qty", "sum"), value=("value", "sum")).reset_index()
    world = world.assign(partner="World", months=12)
    out = pd.concat([annual, world], ignore_index=True)
    out["origin"] = out["partner"].map(COMTRADE_PARTNER_ISO3).fillna("WLD")
    out = pd.DataFrame({
        "year": out["year"].astype("int64"), "origin": out["origin"],
        "origin_name": out["partner"], "crude_kt": (out["qty"] * 1000).round(3),
        "value_usd_m": (out["value"] * 1000).round(3), "months_reported": out["months"],
        "source_id": "un_comtrade_china_crude_2026",
    })  # fmt: skip
    return out.sort_values(["year", "origin"]).reset_index(drop=True)


def russia_gas_to_europe(raw: Path) -> pd.DataFrame:
    """Annual IEA Gas Trade Flows at the border points of :data:`GTF_ROUTES`, in bcm."""
    grid = pd.read_excel(raw_path(raw, IEA_GTF_FILE), sheet_name=IEA_GTF_SHEET, header=0)
    require_columns(grid, ["Borderpoint", "Exit", "Entry"], IEA_GTF_FILE)
    months = [c for c in grid.columns if re.fullmatch(r"[A-Z][a-z]{2}-\d\d", str(c))]
    if not months or months[0] != "Oct-08":
        raise RawDataError(f"{IEA_GTF_FILE}: monthly columns not found or moved")
    keys = list(zip(grid["Borderpoint"], grid["Exit"], grid["Entry"], strict=True))
    missing = sorted(set(GTF_ROUTES) - set(keys))
    if missing:
        raise RawDataError(f"{IEA_GTF_FILE}: border points not found: {missing}")
    rows = []
    years = pd.Series([2000 + int(m[-2:]) for m in months], index=months)
    for key, (_, row) in zip(keys, grid.iterrows(), strict=True):
        if key not in GTF_ROUTES:
            continue
        values = pd.to_numeric(row[months], errors="coerce")
        if values.astype(str).str.len().eq(0).any():
            raise RawDataError(f"{IEA_GTF_FILE}: unreadable value at {key}")
        for year, group in values.groupby(years.to_numpy()):
            if year < GTF_FIRST_YEAR or group.notna().sum() == 0:
                continue
            rows.append({
                "year": int(year), "border_point": key[0], "exit_country": key[1],
                "entry_country": key[2], "route": GTF_ROUTES[key],
                "eu_entry": key[2] in GTF_EU_ENTRIES,
                "volume_bcm": round(float(group.sum()) / 1000, 3),
                "months": int(group.notna().sum()),
                "source_id": "iea_gtf_2025",
            })  # fmt: skip
    out = pd.DataFrame(rows)
    keys = ["year", "border_point", "exit_country", "entry_country"]
    return out.sort_values(keys).reset_index(drop=True)


#: Raw files read by each resource (relative to the raw folder).
INPUTS: dict[str, tuple[str, ...]] = {
    "russia_energy_exports_2020": (BP_FILE,),
    "china_crude_imports_by_origin": (WIND_FILE,),
    "china_crude_imports_2020_2024": (COMTRADE_CRUDE_FILE,),
    "power_of_siberia": (BP_FILE, WIND_FILE, PRESS_FILE, POS_COMPILED_FILE, EI_FILE),
    "russia_gas_to_europe": (IEA_GTF_FILE,),
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
    if "china_crude_imports_2020_2024" in names:
        out["china_crude_imports_2020_2024"] = china_crude_imports_2020_2024(raw)
    if "russia_gas_to_europe" in names:
        out["russia_gas_to_europe"] = russia_gas_to_europe(raw)
    return out
