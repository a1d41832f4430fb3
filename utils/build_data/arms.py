"""SIPRI arms-transfer tables: Russia's deliveries by year and its order-level deals with China.

Why this module exists: the article argues that Russia's arms sales to China are one of the
few areas where Moscow still supplies something Beijing cannot yet make itself (it names the
Su-35 fighter and the S-400 air-defence system). The SIPRI trade register lets students check
how large those sales were, how they moved over time and how much of China's arms imports
came from Russia. Two raw SIPRI files are used:

* the **deliveries** register (one row per deal and delivery year, 2000-2023), summed here to
  year x supplier x recipient volumes in SIPRI trend-indicator values (TIV, millions);
* the **order** register (one row per order, with SIPRI's comments), filtered here to
  Russia -> China orders placed 1992-2023.

TIV is SIPRI's volume measure, not a price: never label it as US dollars.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import RawDataError, read_raw_csv, require_columns, to_float

DELIVERIES_FILE = (
    "sipri-arms-transfers/sipri_arms_transfers_trade_register_deliveries_2000-2023.csv"
)
ORDERS_FILE = (
    "sipri-arms-transfers/sipri_trade_register_orders_1950-2023_extract_russia_ussr_china.csv"
)

#: The deliveries file starts with 11 lines of SIPRI notes before the column row.
DELIVERIES_HEADER_LINES = 11
FIRST_YEAR, LAST_YEAR = 2000, 2023
FIRST_ORDER_YEAR, LAST_ORDER_YEAR = 1992, 2023

#: SIPRI country names -> ISO3. Non-state or multinational recipients (marked * or ** by
#: SIPRI, e.g. "NATO**", "Ukraine Rebels*", "unknown recipient(s)") have no ISO3 code and are
#: left empty on purpose rather than forced into a country.
SIPRI_ISO3: dict[str, str] = {
    "Afghanistan": "AFG", "Algeria": "DZA", "Angola": "AGO", "Argentina": "ARG",
    "Armenia": "ARM", "Azerbaijan": "AZE", "Bahrain": "BHR", "Bangladesh": "BGD",
    "Belarus": "BLR", "Brazil": "BRA", "Burkina Faso": "BFA", "Cambodia": "KHM",
    "Cameroon": "CMR", "Central African Republic": "CAF", "Chad": "TCD", "China": "CHN",
    "Colombia": "COL", "Congo": "COG", "Cote d'Ivoire": "CIV", "Croatia": "HRV", "Cuba": "CUB",
    "Cyprus": "CYP", "Czechia": "CZE", "DR Congo": "COD", "Djibouti": "DJI", "Ecuador": "ECU",
    "Egypt": "EGY", "Equatorial Guinea": "GNQ", "Eritrea": "ERI", "Ethiopia": "ETH",
    "France": "FRA", "Germany": "DEU", "Ghana": "GHA", "Greece": "GRC", "Guinea": "GIN",
    "Hungary": "HUN", "India": "IND", "Indonesia": "IDN", "Iran": "IRN", "Iraq": "IRQ",
    "Israel": "ISR", "Jordan": "JOR", "Kazakhstan": "KAZ", "Kenya": "KEN", "Kuwait": "KWT",
    "Kyrgyzstan": "KGZ", "Laos": "LAO", "Latvia": "LVA", "Libya": "LBY", "Malaysia": "MYS",
    "Mali": "MLI", "Mexico": "MEX", "Mongolia": "MNG", "Morocco": "MAR", "Mozambique": "MOZ",
    "Myanmar": "MMR", "Nepal": "NPL", "Nicaragua": "NIC", "Niger": "NER", "Nigeria": "NGA",
    "North Korea": "PRK", "Pakistan": "PAK", "Palestine": "PSE", "Peru": "PER", "Poland": "POL",
    "Qatar": "QAT", "Romania": "ROU", "Russia": "RUS", "Rwanda": "RWA", "Saudi Arabia": "SAU",
    "Senegal": "SEN", "Serbia": "SRB", "Slovakia": "SVK", "Slovenia": "SVN",
    "South Africa": "ZAF", "South Korea": "KOR", "South Sudan": "SSD", "Sri Lanka": "LKA",
    "Sudan": "SDN", "Switzerland": "CHE", "Syria": "SYR", "Tajikistan": "TJK",
    "Thailand": "THA", "Togo": "TGO", "Turkiye": "TUR", "Turkmenistan": "TKM", "UAE": "ARE",
    "Uganda": "UGA", "Ukraine": "UKR", "United Kingdom": "GBR", "United States": "USA",
    "Uruguay": "URY", "Uzbekistan": "UZB", "Venezuela": "VEN", "Viet Nam": "VNM",
    "Yemen": "YEM", "Zambia": "ZMB",
}  # fmt: skip

#: Order-register rows that are the two deals named in the article, keyed by the label written
#: to ``key_deal``. Matched on designation, order year and number ordered so that the
#: munitions and spare engines ordered alongside them (separate SIPRI rows whose comment reads
#: "For S-400 SAM systems" / "For Su-35 combat aircraft") are not mislabelled as the platform.
KEY_DEALS: dict[str, dict] = {
    "Su-35": {"designation": "Su-35S", "order_years": (2015,), "number_ordered": 24},
    "S-400": {"designation": "S-400 Triumf", "order_years": (2014, 2015), "number_ordered": None},
}

SOURCES: list[dict] = [
    {
        "source_id": "sipri_at_deliveries_2025",
        "short": "SIPRI Arms Transfers Database (Jan 2025)",
        "publisher": "Stockholm International Peace Research Institute (SIPRI)",
        "title": "SIPRI Arms Transfers Database, trade register (deliveries 2000-2023)",
        "url": "https://www.sipri.org/databases/armstransfers",
        "version_or_access_date": (
            "Data generated 3 Jan 2025; copy from github.com/lucacasu/Global-Arms-Trade "
            "russia_trade_decline/trade_2023.csv, commit 827ee35 (2025-01-11)"
        ),
        "licence": "SIPRI terms: use with attribution for non-commercial research and teaching",
        "citation": "SIPRI Arms Transfers Database (data generated 3 January 2025).",
    },
    {
        "source_id": "sipri_at_orders_2024",
        "short": "SIPRI Arms Transfers Database, trade register (2024)",
        "publisher": "Stockholm International Peace Research Institute (SIPRI)",
        "title": "SIPRI Arms Transfers Database, order-level trade register with comments",
        "url": "https://www.sipri.org/databases/armstransfers",
        "version_or_access_date": (
            "Orders 1950-2023; copy from github.com/ClaytonB-3/arms-trade-proj "
            "raw_data/trade-register.csv, commit 105c744 (2024-12-10)"
        ),
        "licence": "SIPRI terms: use with attribution for non-commercial research and teaching",
        "citation": "SIPRI Arms Transfers Database, trade register (2024 release, orders to 2023).",
    },
]

_TIV_NOTE = "SIPRI trend-indicator value (TIV), millions; a volume index, not US dollars"

RESOURCES: dict[str, dict] = {
    "arms_transfers_by_year": {
        "title": "Arms deliveries by Russia (to all recipients) and to China (from all suppliers)",
        "description": (
            "Volume of major conventional arms delivered per year, 2000-2023, summed over "
            "deals from the SIPRI trade register by delivery year. Rows: every recipient of "
            "Russian deliveries and every supplier delivering to China (the Russia -> China "
            "pair appears once). Russia -> China has a row for every year 2000-2023 (SIPRI "
            "lists deliveries in each of those years, so no zero-filling was needed). For other "
            "pairs a missing year means SIPRI records no delivery that year; treat it as 0 "
            "when pivoting (SIPRI's register is exhaustive for major arms, though it excludes "
            "small arms). A value of 0 is possible: SIPRI writes 0 for deliveries below 0.5 "
            "million TIV. Names are SIPRI's; ISO3 is empty for non-state recipients."
        ),
        "decimals": 3,
        "schema": {
            "fields": [
                {
                    "name": "year",
                    "type": "integer",
                    "description": "Delivery year",
                    "constraints": {"required": True, "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                },
                {
                    "name": "supplier",
                    "type": "string",
                    "description": "Supplier (SIPRI name)",
                    "constraints": {"required": True},
                },
                {
                    "name": "recipient",
                    "type": "string",
                    "description": "Recipient (SIPRI name)",
                    "constraints": {"required": True},
                },
                {
                    "name": "supplier_iso3",
                    "type": "string",
                    "description": "ISO3 code of the supplier (empty for non-state actors)",
                },
                {
                    "name": "recipient_iso3",
                    "type": "string",
                    "description": "ISO3 code of the recipient (empty for non-state actors)",
                },
                {
                    "name": "tiv_m",
                    "type": "number",
                    "description": f"Deliveries, {_TIV_NOTE}",
                    "constraints": {"required": True, "minimum": 0},
                },
                {"name": "source_id", "type": "string", "constraints": {"required": True}},
            ],
            "primaryKey": ["year", "supplier", "recipient"],
        },
    },
    "arms_deals": {
        "title": "Russia -> China arms orders, 1992-2023 (SIPRI order register)",
        "description": (
            "One row per Russia -> China order placed 1992-2023 (orders placed with the Soviet "
            "Union before 1992 are excluded). TIV per unit, for the whole order and for the "
            "units delivered so far are SIPRI's. key_deal marks the two platforms discussed in "
            "the article: 'Su-35' (24 Su-35S aircraft ordered 2015) and 'S-400' (S-400 Triumf "
            "systems; SIPRI dates the order 2015, press reports 2014). Munitions and spare "
            "engines ordered for them are separate rows, left unflagged; their comments say "
            "what they are for. SIPRI marks some order years and numbers as uncertain ('?'); "
            "those flags are not carried here. tiv_total_order_m is empty where SIPRI gives no "
            "number ordered (the raw file shows 0 there, which would be misleading)."
        ),
        "decimals": 3,
        "schema": {
            "fields": [
                {
                    "name": "deal_id",
                    "type": "string",
                    "description": "Local identifier RUS-CHN-<order year>-<nn>; stable for this "
                    "SIPRI release (rows ordered by designation within a year)",
                    "constraints": {"required": True, "unique": True},
                },
                {"name": "supplier", "type": "string", "constraints": {"required": True}},
                {"name": "recipient", "type": "string", "constraints": {"required": True}},
                {
                    "name": "order_year",
                    "type": "integer",
                    "description": "Year of order",
                    "constraints": {
                        "required": True,
                        "minimum": FIRST_ORDER_YEAR,
                        "maximum": LAST_ORDER_YEAR,
                    },
                },
                {
                    "name": "number_ordered",
                    "type": "integer",
                    "description": "Number of units ordered (empty: not known to SIPRI)",
                },
                {
                    "name": "number_delivered",
                    "type": "integer",
                    "description": "Number of units delivered to date",
                },
                {"name": "designation", "type": "string", "description": "Weapon designation"},
                {"name": "description", "type": "string", "description": "Weapon description"},
                {
                    "name": "delivery_years",
                    "type": "string",
                    "description": "Years of delivery as listed by SIPRI, separated by '; '",
                },
                {
                    "name": "status",
                    "type": "string",
                    "description": "New / Second hand / Second hand but modernized",
                },
                {
                    "name": "tiv_per_unit_m",
                    "type": "number",
                    "description": f"Per unit, {_TIV_NOTE}",
                },
                {
                    "name": "tiv_total_order_m",
                    "type": "number",
                    "description": f"Whole order, {_TIV_NOTE}",
                },
                {
                    "name": "tiv_delivered_m",
                    "type": "number",
                    "description": f"Units delivered, {_TIV_NOTE}",
                },
                {"name": "comment", "type": "string", "description": "SIPRI comment"},
                {
                    "name": "key_deal",
                    "type": "string",
                    "description": "'Su-35', 'S-400' or empty",
                    "constraints": {"enum": ["Su-35", "S-400"]},
                },
                {"name": "source_id", "type": "string", "constraints": {"required": True}},
            ],
            "primaryKey": ["deal_id"],
        },
    },
}


def read_deliveries(raw: Path) -> pd.DataFrame:
    """Read the SIPRI deliveries register, skipping its 11 lines of notes."""
    frame = read_raw_csv(raw, DELIVERIES_FILE, skiprows=DELIVERIES_HEADER_LINES)
    require_columns(
        frame, ["Supplier", "Recipient", "Delivery year", "TIV delivery values"], DELIVERIES_FILE
    )
    return frame


def transfers_by_year(deliveries: pd.DataFrame) -> pd.DataFrame:
    """Sum deliveries to year x supplier x recipient for Russia's exports and China's imports."""
    wanted = (deliveries["Supplier"] == "Russia") | (deliveries["Recipient"] == "China")
    sub = deliveries.loc[wanted, ["Delivery year", "Supplier", "Recipient"]].copy()
    sub["tiv_m"] = to_float(deliveries.loc[wanted, "TIV delivery values"])
    if sub["tiv_m"].isna().any():
        raise RawDataError(f"{DELIVERIES_FILE}: non-numeric TIV delivery values")
    sub.columns = ["year", "supplier", "recipient", "tiv_m"]
    out = sub.groupby(["year", "supplier", "recipient"], as_index=False)["tiv_m"].sum()
    out = out[out["year"].between(FIRST_YEAR, LAST_YEAR)]
    out["tiv_m"] = out["tiv_m"].round(3)
    out["supplier_iso3"] = out["supplier"].map(SIPRI_ISO3)
    out["recipient_iso3"] = out["recipient"].map(SIPRI_ISO3)
    out["source_id"] = "sipri_at_deliveries_2025"
    cols = [f["name"] for f in RESOURCES["arms_transfers_by_year"]["schema"]["fields"]]
    return out[cols].sort_values(["year", "supplier", "recipient"]).reset_index(drop=True)


def _key_deal(row: pd.Series) -> str | None:
    """Return the key-deal label of one order row, or None (see :data:`KEY_DEALS`)."""
    for label, rule in KEY_DEALS.items():
        if row["designation"] == rule["designation"] and row["order_year"] in rule["order_years"]:
            wanted, ordered = rule["number_ordered"], row["number_ordered"]
            if wanted is None or (pd.notna(ordered) and int(ordered) == wanted):
                return label
    return None


def russia_china_deals(raw: Path) -> pd.DataFrame:
    """Return the Russia -> China orders of 1992-2023 in the ``arms_deals`` schema."""
    orders = read_raw_csv(raw, ORDERS_FILE, dtype=str, keep_default_na=False)
    renames = {
        "Supplier": "supplier", "Recipient": "recipient", "Year of order": "order_year",
        "Number ordered": "number_ordered", "Number delivered": "number_delivered",
        "Weapon designation": "designation", "Weapon description": "description",
        "Year(s) of delivery": "delivery_years", "status": "status", "Comments": "comment",
        "SIPRI TIV per unit": "tiv_per_unit_m", "SIPRI TIV for total order": "tiv_total_order_m",
        "SIPRI TIV of delivered weapons": "tiv_delivered_m",
    }  # fmt: skip
    require_columns(orders, renames, ORDERS_FILE)
    deals = orders.rename(columns=renames)[list(renames.values())]
    deals = deals[(deals["supplier"] == "Russia") & (deals["recipient"] == "China")].copy()
    for col in ["order_year", "number_ordered", "number_delivered"]:
        deals[col] = to_float(deals[col]).astype("Int64")
    for col in ["tiv_per_unit_m", "tiv_total_order_m", "tiv_delivered_m"]:
        deals[col] = to_float(deals[col])
    deals = deals[deals["order_year"].between(FIRST_ORDER_YEAR, LAST_ORDER_YEAR)]
    deals.loc[deals["number_ordered"].isna(), "tiv_total_order_m"] = float("nan")
    for col in ["designation", "description", "delivery_years", "status", "comment"]:
        deals[col] = deals[col].str.strip()
    deals["key_deal"] = deals.apply(_key_deal, axis=1)
    deals = deals.sort_values(
        ["order_year", "designation", "description", "number_ordered", "delivery_years",
         "comment"], na_position="first", kind="mergesort",
    )  # fmt: skip
    seq = deals.groupby("order_year").cumcount() + 1
    deals["deal_id"] = [
        f"RUS-CHN-{y}-{n:02d}" for y, n in zip(deals["order_year"], seq, strict=True)
    ]
    deals["source_id"] = "sipri_at_orders_2024"
    cols = [f["name"] for f in RESOURCES["arms_deals"]["schema"]["fields"]]
    return deals[cols].sort_values("deal_id").reset_index(drop=True)


#: Raw files read by each resource (relative to the raw folder); the Russia -> China delivery
#: check reads both files, so both tables need both.
INPUTS: dict[str, tuple[str, ...]] = {
    "arms_transfers_by_year": (DELIVERIES_FILE, ORDERS_FILE),
    "arms_deals": (DELIVERIES_FILE, ORDERS_FILE),
}


def build(raw: Path, names=None) -> dict[str, pd.DataFrame]:
    """Build ``arms_transfers_by_year`` and ``arms_deals`` from the SIPRI raw files."""
    by_year = transfers_by_year(read_deliveries(raw))
    ru_cn_years = set(
        by_year.loc[(by_year["supplier"] == "Russia") & (by_year["recipient"] == "China"), "year"]
    )
    missing = sorted(set(range(FIRST_YEAR, LAST_YEAR + 1)) - ru_cn_years)
    if missing:
        raise RawDataError(f"{DELIVERIES_FILE}: no Russia -> China deliveries in {missing}")
    deals = russia_china_deals(raw)
    for label in KEY_DEALS:
        if (deals["key_deal"] == label).sum() != 1:
            raise RawDataError(f"{ORDERS_FILE}: expected exactly one '{label}' order row")
    built = {"arms_transfers_by_year": by_year, "arms_deals": deals}
    return {name: built[name] for name in (names or RESOURCES)}
