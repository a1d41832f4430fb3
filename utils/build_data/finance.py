"""Chinese official finance committed to Russia and comparator countries (AidData GCDF 3.0).

Why this module exists: the article notes that Chinese money did not rush in to replace
Western finance after 2014. AidData's Global Chinese Development Finance dataset lets
students see what Chinese state lenders actually *committed* to Russia each year, next to
other large recipients (Pakistan, Venezuela, Angola, Kazakhstan, India). Commitments are
promises signed in a year; they are not disbursements and not debt outstanding.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import RawDataError, read_raw_csv, require_columns, to_float

AIDDATA_FILE = (
    "post-2020/aiddata_gcdf3_chinese_official_finance_commitments_by_year_2000-2021_"
    "extract_RUS_PAK_VEN_AGO_KAZ_IND.csv"
)
#: Correlates of War country codes used by the extract -> ISO3.
COW_TO_ISO3 = {365: "RUS", 770: "PAK", 101: "VEN", 540: "AGO", 705: "KAZ", 750: "IND"}
AMOUNT_COLUMNS = ("oof_amt", "oda_amt", "vof_amt")
ADJUSTED_COLUMNS = ("oof_adj", "oda_adj", "vof_adj")

SOURCES: list[dict] = [
    {
        "source_id": "aiddata_gcdf_3_0",
        "short": "AidData GCDF 3.0 (2023)",
        "publisher": "AidData at William & Mary",
        "title": "Global Chinese Development Finance Dataset, Version 3.0",
        "url": "https://www.aiddata.org/data/aiddatas-global-chinese-development-finance-dataset-version-3-0",
        "version_or_access_date": (
            "Published 6 Nov 2023; recipient-year aggregation from github.com/"
            "milesdwilliams15/odadata data/cow_gcdf.csv, commit 87a2b37 (2025-09-24)"
        ),
        "licence": "AidData terms (open data with citation); aggregation repo MIT",
        "citation": (
            "Custer, S., et al. 2023. Tracking Chinese Development Finance: An Application of "
            "AidData's TUFF 3.0 Methodology. Williamsburg, VA: AidData at William & Mary."
        ),
    }
]

RESOURCES: dict[str, dict] = {
    "chinese_official_finance": {
        "title": "Chinese official finance commitments by recipient and year, 2000-2021",
        "description": (
            "Commitments (loans and grants pledged in the year), not disbursements and not "
            "outstanding debt, in constant 2021 US dollars, millions. commitments_usd_m_2021 "
            "= oof_amt + oda_amt + vof_amt: the sum of AidData's amounts for Other Official "
            "Flows (loan-like, mostly commercial terms), ODA-like flows and 'vague' official "
            "finance. commitments_adjusted_usd_m_2021 sums the matching *_adj columns "
            "(AidData's adjusted amounts; see the GCDF 3.0 codebook for the rules). The two "
            "are almost equal for Russia but differ a lot for Pakistan after 2012. A missing "
            "recipient-year means the aggregated extract has no row for it (no commitment "
            "recorded); it is not filled with 0. Recipients: Russia and five comparators."
        ),
        "decimals": 3,
        "schema": {
            "fields": [
                {
                    "name": "year",
                    "type": "integer",
                    "description": "Commitment year",
                    "constraints": {"required": True, "minimum": 2000, "maximum": 2021},
                },
                {
                    "name": "recipient",
                    "type": "string",
                    "description": "ISO3 of the recipient",
                    "constraints": {"required": True, "enum": sorted(COW_TO_ISO3.values())},
                },
                {
                    "name": "commitments_usd_m_2021",
                    "type": "number",
                    "description": "OOF + ODA + vague OF amounts, constant 2021 USD millions",
                    "constraints": {"required": True, "minimum": 0},
                },
                {
                    "name": "commitments_adjusted_usd_m_2021",
                    "type": "number",
                    "description": "Same, AidData adjusted amounts, constant 2021 USD millions",
                    "constraints": {"minimum": 0},
                },
                {"name": "source_id", "type": "string", "constraints": {"required": True}},
            ],
            "primaryKey": ["year", "recipient"],
        },
    }
}


#: Raw files read by each resource (relative to the raw folder).
INPUTS: dict[str, tuple[str, ...]] = {"chinese_official_finance": (AIDDATA_FILE,)}


def build(raw: Path, names=None) -> dict[str, pd.DataFrame]:
    """Sum AidData's three flow classes per recipient-year and convert USD to USD millions."""
    frame = read_raw_csv(raw, AIDDATA_FILE)
    require_columns(frame, ["ccode", "year", *AMOUNT_COLUMNS, *ADJUSTED_COLUMNS], AIDDATA_FILE)
    unknown = sorted(set(frame["ccode"]) - set(COW_TO_ISO3))
    if unknown:
        raise RawDataError(f"{AIDDATA_FILE}: unexpected COW codes {unknown}")
    amounts = sum(to_float(frame[c]) for c in AMOUNT_COLUMNS)
    adjusted = sum(to_float(frame[c]) for c in ADJUSTED_COLUMNS)
    out = pd.DataFrame({
        "year": frame["year"].astype("int64"),
        "recipient": frame["ccode"].map(COW_TO_ISO3),
        "commitments_usd_m_2021": (amounts / 1e6).round(3),
        "commitments_adjusted_usd_m_2021": (adjusted / 1e6).round(3),
        "source_id": "aiddata_gcdf_3_0",
    })  # fmt: skip
    if out["commitments_usd_m_2021"].isna().any():
        raise RawDataError(f"{AIDDATA_FILE}: missing amounts")
    out = out.sort_values(["year", "recipient"]).reset_index(drop=True)
    return {"chinese_official_finance": out}
