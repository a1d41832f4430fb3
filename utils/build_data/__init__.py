"""Rebuild the curated CSVs in ``data/`` from the raw public inputs in ``data/raw/``.

Why a package of small modules: each table module (``trade``, ``macro``, ``arms``, ``energy``,
``events``, ``finance``) knows only its own raw files and exposes ``SOURCES``, ``RESOURCES``,
``INPUTS`` (resource name -> raw files it reads, relative to the raw folder) and
``build(raw, names=None)`` (see the data contract in ``data/README.md``). This file stitches
them together: it checks each frame against its schema, writes the CSVs with fixed formatting
so a rebuild is byte-identical, and writes ``sources.csv`` and the Frictionless
``datapackage.json`` (with a sha256 hash per file) that :mod:`utils.data` verifies on load.

Some raw files may not be redistributed, so they are not in ``data/raw/`` (each such decision
is argued in ``data/raw/PROVENANCE.md``). A table whose inputs are not all present is *kept*:
the committed ``data/<name>.csv`` is copied unchanged (with a note in the log), so the package
stays valid and every other table is still rebuilt and checked. Point ``--raw`` at a folder
that also holds the missing files to rebuild those tables too.

Run ``python -m utils.build_data`` (or ``make data``) from the repository root.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import json
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from utils.build_data.common import (
    DEFAULT_RAW_RELATIVE,
    REPO_ROOT,
    RawDataError,
    frame_to_csv_text,
    write_text,
)

#: Default raw folder: the committed public inputs (see ``data/raw/PROVENANCE.md``).
DEFAULT_RAW = REPO_ROOT / DEFAULT_RAW_RELATIVE

#: Table modules in build order. A module that does not exist yet is skipped with a note.
TABLE_MODULES: tuple[str, ...] = ("trade", "macro", "arms", "energy", "events", "finance")

PACKAGE_NAME = "russia-china-dependence-lab-data"
PACKAGE_TITLE = "Russia-China Dependence Lab: curated public data"
SOURCES_RESOURCE = "sources"

SOURCE_COLUMNS = [
    "source_id",
    "publisher",
    "title",
    "url",
    "version_or_access_date",
    "licence",
    "citation",
    "short_citation",
]

SOURCES_SCHEMA = {
    "fields": [
        {
            "name": "source_id",
            "type": "string",
            "description": "Short snake_case identifier used in the source_id column of tables.",
            "constraints": {"required": True},
        },
        {"name": "publisher", "type": "string", "description": "Original publisher."},
        {"name": "title", "type": "string", "description": "Dataset title."},
        {"name": "url", "type": "string", "description": "Where the data can be found."},
        {
            "name": "version_or_access_date",
            "type": "string",
            "description": "Release, commit or retrieval date of the copy used.",
        },
        {"name": "licence", "type": "string", "description": "Terms of use, in brief."},
        {"name": "citation", "type": "string", "description": "Full citation."},
        {
            "name": "short_citation",
            "type": "string",
            "description": "Short label for chart footers, e.g. 'IMF, IMTS (2025)'.",
            "constraints": {"required": True},
        },
    ],
    "primaryKey": ["source_id"],
}


#: The claims ledger is written by hand (it records the article's claims in our words), so it
#: is not built from raw data. It still goes into the data package, with a schema and a hash,
#: so that it is verified on load like every table. After editing ``data/claims.csv`` run the
#: build again to refresh its hash.
CLAIMS_RESOURCE = "claims"
CLAIMS_TOPICS = ["arms", "coercion", "energy", "exercises", "finance", "technology", "trade"]
CLAIMS_DESCRIPTOR = {
    "title": "Claims ledger: the article's checkable claims, in our words",
    "description": (
        "One row per claim of Gabuev (2020), paraphrased (never quoted). paragraph counts the "
        "article body from the first paragraph after the byline and photo credit, not "
        "counting 'Related article' links; the paragraph broken by a stray line break in the "
        "republished text counts once. evidence_function names the function in "
        "utils/claims.py that computes the verdict from the other tables."
    ),
    "schema": {
        "fields": [
            {
                "name": "claim_id",
                "type": "string",
                "description": "C01, C02, ...",
                "constraints": {"required": True, "pattern": r"C\d{2}"},
            },
            {
                "name": "paragraph",
                "type": "integer",
                "description": "1-based paragraph of the article body (see description).",
                "constraints": {"required": True, "minimum": 1, "maximum": 17},
            },
            {
                "name": "topic",
                "type": "string",
                "description": "Theme of the claim.",
                "constraints": {"required": True, "enum": CLAIMS_TOPICS},
            },
            {
                "name": "claim",
                "type": "string",
                "description": "The claim in our own words.",
                "constraints": {"required": True},
            },
            {
                "name": "article_figure",
                "type": "string",
                "description": "The figure the article gives, as worded there; empty if none.",
            },
            {
                "name": "evidence_function",
                "type": "string",
                "description": "Dotted name of the evidence function in utils.claims.",
                "constraints": {"required": True, "pattern": r"utils\.claims\.[a-z0-9_]+"},
            },
            {
                "name": "lesson",
                "type": "string",
                "description": "Two-digit number of the lesson that discusses the claim.",
                "constraints": {"required": True, "pattern": r"\d{2}"},
            },
        ],
        "primaryKey": ["claim_id"],
    },
}


def read_claims_ledger(folder: Path = REPO_ROOT / "data") -> tuple[pd.DataFrame, bytes]:
    """Read the hand-written ledger as text columns (kept byte-for-byte when written)."""
    path = Path(folder) / "claims.csv"
    raw = path.read_bytes()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame = frame.where(frame != "")  # empty cells are missing values
    frame["paragraph"] = frame["paragraph"].astype("int64")
    return frame, raw


def sha256_hex(data: bytes) -> str:
    """Hex sha256 of ``data`` (the datapackage stores ``sha256:<hex>``)."""
    return hashlib.sha256(data).hexdigest()


def load_table_modules(names: Iterable[str] = TABLE_MODULES, log=print) -> dict:
    """Import ``utils.build_data.<name>`` for each name; skip missing ones with a note."""
    modules = {}
    for name in names:
        qualified = f"utils.build_data.{name}"
        try:
            module = importlib.import_module(qualified)
        except ModuleNotFoundError as err:
            if err.name != qualified:
                raise
            log(f"note: {qualified} does not exist yet; its tables are skipped")
            continue
        for attribute in ("SOURCES", "RESOURCES", "INPUTS", "build"):
            if not hasattr(module, attribute):
                raise AttributeError(f"{qualified} lacks {attribute} (see the data contract)")
        modules[name] = module
    return modules


def check_frame(name: str, frame: pd.DataFrame, resource: dict, source_ids: set[str]) -> None:
    """Check a built frame against its schema before it is written (builder bugs fail loudly)."""
    schema = resource["schema"]
    names = [f["name"] for f in schema["fields"]]
    if list(frame.columns) != names:
        raise ValueError(f"{name}: columns {list(frame.columns)} differ from the schema {names}")
    key = schema.get("primaryKey", [])
    if key:
        if frame.duplicated(subset=key).any():
            dupes = frame[frame.duplicated(subset=key, keep=False)].head(4)
            raise ValueError(f"{name}: duplicate primary key {key}:\n{dupes}")
        ordered = frame.sort_values(key, kind="mergesort").reset_index(drop=True)
        if not ordered.equals(frame.reset_index(drop=True)):
            raise ValueError(f"{name}: rows are not sorted by the primary key {key}")
    for field in schema["fields"]:
        constraints = field.get("constraints", {})
        column = frame[field["name"]]
        if constraints.get("required") and column.isna().any():
            raise ValueError(f"{name}: required field {field['name']} has missing values")
        if "enum" in constraints:
            bad = set(column.dropna()) - set(constraints["enum"])
            if bad:
                raise ValueError(f"{name}: {field['name']} has values outside the enum: {bad}")
        if "pattern" in constraints:
            pattern = re.compile(constraints["pattern"])
            bad = [v for v in column.dropna() if not pattern.fullmatch(str(v))]
            if bad:
                raise ValueError(f"{name}: {field['name']} values {bad[:3]} break the pattern")
        if constraints.get("unique") and column.dropna().duplicated().any():
            raise ValueError(f"{name}: {field['name']} must be unique")
        if "minimum" in constraints and (column.dropna() < constraints["minimum"]).any():
            raise ValueError(f"{name}: {field['name']} has values below the minimum")
        if "maximum" in constraints and (column.dropna() > constraints["maximum"]).any():
            raise ValueError(f"{name}: {field['name']} has values above the maximum")
    if "source_id" in frame.columns:
        unknown = set(frame["source_id"].dropna()) - source_ids
        if unknown:
            raise ValueError(f"{name}: source_id values not in SOURCES: {sorted(unknown)}")


def short_citation(source: dict) -> str:
    """A footer label: the module's ``short`` entry, else derived as 'ABBR title (year)'.

    The year is the latest four-digit year in ``version_or_access_date`` (the release or
    retrieval year); a publisher abbreviation in brackets, e.g. '(SIPRI)', is used when present
    and dropped when the title already starts with it.
    """
    if source.get("short"):
        return str(source["short"])
    years = re.findall(r"(?:19|20)\d\d", str(source.get("version_or_access_date", "")))
    suffix = f" ({max(years)})" if years else ""
    publisher = str(source.get("publisher", ""))
    abbreviation = re.search(r"\(([A-Z][A-Za-z]+)\)", publisher)
    label = abbreviation.group(1) if abbreviation else publisher
    title = str(source.get("title", "")).split(",")[0]
    if label and not title.startswith(label):
        title = f"{label}, {title}"
    return f"{title}{suffix}"


def collect_sources(modules: dict) -> pd.DataFrame:
    """All modules' SOURCES as one frame sorted by source_id (duplicates must agree)."""
    by_id: dict[str, dict] = {}
    for module in modules.values():
        for source in module.SOURCES:
            row = {c: source.get(c, "") for c in SOURCE_COLUMNS if c != "short_citation"}
            row["short_citation"] = short_citation(source)
            previous = by_id.get(row["source_id"])
            if previous is not None and previous != row:
                raise ValueError(f"source_id {row['source_id']!r} is defined twice, differently")
            by_id[row["source_id"]] = row
    frame = pd.DataFrame([by_id[k] for k in sorted(by_id)], columns=SOURCE_COLUMNS)
    return frame


def licence_entry(text: str) -> dict:
    """Map a free-text licence to a Frictionless ``licenses`` entry (Open Definition id)."""
    lowered = text.lower()
    if "cc by 4.0" in lowered or "cc-by-4.0" in lowered:
        return {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": text,
        }
    if "pddl" in lowered:
        return {
            "name": "ODC-PDDL-1.0",
            "path": "https://opendatacommons.org/licenses/pddl/",
            "title": text,
        }
    if "non-commercial" in lowered or "noncommercial" in lowered:
        return {"name": "other-nc", "title": text}
    return {"name": "other-at", "title": text}


def _resource_descriptor(
    name: str, resource: dict, data: bytes, used_ids: list[str], sources: pd.DataFrame
) -> dict:
    indexed = sources.set_index("source_id")
    descriptor = {
        "name": name,
        "path": f"{name}.csv",
        "title": resource["title"],
        "description": resource["description"],
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": f"sha256:{sha256_hex(data)}",
        "schema": resource["schema"],
        "sources": [
            {"title": f"{indexed.loc[i, 'publisher']}: {indexed.loc[i, 'title']}",
             "path": indexed.loc[i, "url"]}
            for i in used_ids
        ],
        "licenses": [],
    }  # fmt: skip
    seen = set()
    for i in used_ids:
        entry = licence_entry(indexed.loc[i, "licence"])
        key = json.dumps(entry, sort_keys=True)
        if key not in seen:
            seen.add(key)
            descriptor["licenses"].append(entry)
    if not used_ids:  # our own compilation (the claims ledger)
        descriptor["licenses"].append(
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Russia-China Dependence Lab contributors, CC BY 4.0",
            }
        )
    return descriptor


def missing_inputs(raw: Path, modules: dict) -> dict[str, list[str]]:
    """Resource name -> raw files (relative to ``raw``) it needs that are not in ``raw``."""
    missing: dict[str, list[str]] = {}
    for module_name, module in modules.items():
        if set(module.INPUTS) != set(module.RESOURCES):
            raise ValueError(f"{module_name}: INPUTS must list the raw files of every resource")
        for name in module.RESOURCES:
            absent = [f for f in module.INPUTS[name] if not (Path(raw) / f).is_file()]
            if absent:
                missing[name] = absent
    return missing


def keep_committed(name: str, resource: dict, folder: Path) -> bytes:
    """The committed ``<name>.csv`` from ``folder``, after checking its header (for carry-over)."""
    path = Path(folder) / f"{name}.csv"
    if not path.is_file():
        raise RawDataError(f"{name}: its raw inputs are missing and there is no {path} to keep")
    data = path.read_bytes()
    header = data.split(b"\n", 1)[0].decode("utf-8")
    names = [f["name"] for f in resource["schema"]["fields"]]
    if header.split(",") != names:
        raise ValueError(f"{path}: header {header!r} differs from the schema {names}")
    return data


def build_all(
    raw: Path, modules: dict, keep_from: Path = REPO_ROOT / "data", log=print
) -> tuple[dict[str, pd.DataFrame], dict, pd.DataFrame, dict[str, bytes]]:
    """Run every module's ``build`` and check the frames.

    Returns frames, resources, sources and the kept tables (name -> committed bytes) whose raw
    inputs are not in ``raw``.
    """
    sources = collect_sources(modules)
    source_ids = set(sources["source_id"])
    missing = missing_inputs(raw, modules)
    frames: dict[str, pd.DataFrame] = {}
    resources: dict[str, dict] = {}
    kept: dict[str, bytes] = {}
    for module_name, module in modules.items():
        names = [n for n in module.RESOURCES if n not in missing]
        built = module.build(Path(raw), names) if names else {}
        if set(built) != set(names):
            raise ValueError(f"{module_name}.build returned {sorted(built)}, expected {names}")
        for name in module.RESOURCES:
            if name in resources or name == SOURCES_RESOURCE:
                raise ValueError(f"resource name {name!r} is used twice")
            resources[name] = module.RESOURCES[name]
            if name in missing:
                kept[name] = keep_committed(name, module.RESOURCES[name], keep_from)
                log(
                    f"kept data/{name}.csv as committed: {', '.join(missing[name])} not in "
                    f"{raw} (not redistributable, see data/raw/PROVENANCE.md)"
                )
                continue
            check_frame(name, built[name], module.RESOURCES[name], source_ids)
            frames[name] = built[name]
    return frames, resources, sources, kept


def _source_ids_in_csv(data: bytes) -> list[str]:
    frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    if "source_id" not in frame:
        return []
    return sorted(set(frame["source_id"]) - {""})


def write_all(
    out: Path,
    frames: dict[str, pd.DataFrame],
    resources: dict,
    sources: pd.DataFrame,
    log=print,
    kept: dict[str, bytes] | None = None,
) -> dict:
    """Write CSVs, ``sources.csv`` and ``datapackage.json`` into ``out``; return the package.

    ``kept`` tables (name -> bytes of the committed file) are written unchanged.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    kept = kept or {}
    descriptors = []
    for name in sorted(set(frames) | set(kept)):
        resource = resources[name]
        if name in kept:
            data = kept[name]
            (out / f"{name}.csv").write_bytes(data)
            used = _source_ids_in_csv(data)
        else:
            frame = frames[name]
            data = write_text(out / f"{name}.csv", frame_to_csv_text(frame, resource))
            used = sorted(set(frame["source_id"].dropna())) if "source_id" in frame else []
            log(f"wrote {out / f'{name}.csv'} ({len(frame)} rows)")
        descriptors.append(_resource_descriptor(name, resource, data, used, sources))
    claims, claims_bytes = read_claims_ledger()
    check_frame(CLAIMS_RESOURCE, claims, CLAIMS_DESCRIPTOR, set(sources["source_id"]))
    if claims_bytes.decode("utf-8").replace("\r\n", "\n") != claims_bytes.decode("utf-8"):
        raise ValueError("data/claims.csv must use \\n line endings")
    write_text(out / "claims.csv", claims_bytes.decode("utf-8"))
    descriptors.append(_resource_descriptor(CLAIMS_RESOURCE, CLAIMS_DESCRIPTOR, claims_bytes,
                                            [], sources))  # fmt: skip
    log(f"wrote {out / 'claims.csv'} ({len(claims)} claims, copied from data/)")
    sources_resource = {
        "title": "Sources of every table",
        "description": "One row per source_id used in the tables, with licence and citation.",
        "schema": SOURCES_SCHEMA,
    }
    data = write_text(out / "sources.csv", frame_to_csv_text(sources, sources_resource))
    used_sources = sorted(set(sources["source_id"]))
    descriptors.append(
        _resource_descriptor(SOURCES_RESOURCE, sources_resource, data, used_sources, sources)
    )
    log(f"wrote {out / 'sources.csv'} ({len(sources)} rows)")
    package = {
        "profile": "data-package",
        "name": PACKAGE_NAME,
        "title": PACKAGE_TITLE,
        "description": (
            "Tidy tables derived by utils/build_data from public sources for teaching notebooks "
            "on Russia-China relations. Each source keeps its own terms; see sources.csv and "
            "README.md."
        ),
        "version": "1.0.0",
        "licenses": [
            {
                "name": "other-at",
                "title": "Mixed: each source's own terms apply (attribution required; SIPRI "
                "data for non-commercial research and teaching). See sources.csv.",
            }
        ],
        "sources": [
            {"title": f"{row.publisher}: {row.title}", "path": row.url}
            for row in sources.itertuples(index=False)
        ],
        "resources": descriptors,
    }
    text = json.dumps(package, indent=2, ensure_ascii=False) + "\n"
    write_text(out / "datapackage.json", text)
    log(f"wrote {out / 'datapackage.json'} ({len(descriptors)} resources)")
    return package


def rebuild(
    raw: Path | None = None,
    out: Path | None = None,
    names: Iterable[str] = TABLE_MODULES,
    log=print,
) -> dict:
    """Build and write everything from ``raw`` (default ``data/raw/``) into ``out``.

    ``out`` defaults to the repository's ``data/`` folder. Tables whose raw inputs are not in
    ``raw`` are copied unchanged from the committed ``data/`` (see the module docstring).
    """
    raw = Path(raw) if raw is not None else DEFAULT_RAW
    modules = load_table_modules(names, log=log)
    frames, resources, sources, kept = build_all(raw, modules, log=log)
    target = Path(out) if out else REPO_ROOT / "data"
    return write_all(target, frames, resources, sources, log=log, kept=kept)
