"""Every stored notebook is one clean, fresh run: what nbval checks must be what a kernel makes."""

from __future__ import annotations

import json
import re

import pytest
from notebooks_common import EXPECTED_LESSONS, LESSONS, NOTEBOOKS, REQUIRED_HEADINGS

MAX_NOTEBOOK_BYTES = 1_500_000
ABSOLUTE_PATH = re.compile(r"(/work/|/home/|/root/|/Users/|C:\\\\Users|/tmp/)")
IDS = [p.name for p in NOTEBOOKS]


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_expected_lesson_exists():
    names = {p.stem for p in NOTEBOOKS}
    missing = [n for n in EXPECTED_LESSONS if n not in names]
    assert not missing, f"missing lessons: {missing}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_kernelspec_is_python3(path):
    assert _load(path)["metadata"]["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_executed_once_top_to_bottom(path):
    counts = [c["execution_count"] for c in _load(path)["cells"] if c["cell_type"] == "code"]
    assert counts, "a lesson without code cells cannot be checked"
    assert counts == list(range(1, len(counts) + 1)), (
        f"execution counts {counts}: run `make outputs`"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_errors_no_widget_state_no_local_paths(path):
    nb = _load(path)
    assert "widgets" not in nb["metadata"], "widget state is stored: run `make outputs`"
    for i, cell in enumerate(nb["cells"]):
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"cell {i} stores an error"
            assert out.get("name") != "stderr", f"cell {i} stores stderr output (a warning?)"
            text = json.dumps({k: v for k, v in out.get("data", {}).items() if "image" not in k})
            text += "".join(out.get("text", []))
            assert not ABSOLUTE_PATH.search(text), f"cell {i} shows a local absolute path"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_size_budget(path):
    size = path.stat().st_size
    assert size <= MAX_NOTEBOOK_BYTES, (
        f"{path.name} is {size:,} bytes (budget {MAX_NOTEBOOK_BYTES:,})"
    )


def _headings(nb):
    found = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("## "):
                    found.append(line[3:].strip())
    return found


@pytest.mark.parametrize("path", LESSONS, ids=[p.name for p in LESSONS])
def test_lesson_follows_the_skeleton(path):
    nb = _load(path)
    first = "".join(nb["cells"][0]["source"])
    assert first.startswith("# "), "a lesson starts with its title as a level-1 heading"
    headings = _headings(nb)
    missing = [h for h in REQUIRED_HEADINGS if not any(x.startswith(h) for x in headings)]
    assert not missing, f"{path.name} lacks the skeleton heading(s) {missing}"
    order = [next(i for i, x in enumerate(headings) if x.startswith(h)) for h in REQUIRED_HEADINGS]
    assert order == sorted(order), f"{path.name}: skeleton headings are out of order"


@pytest.mark.parametrize("path", LESSONS, ids=[p.name for p in LESSONS])
def test_lesson_links_the_article_and_hides_solutions(path):
    nb = _load(path)
    text = "".join("".join(c["source"]) for c in nb["cells"])
    assert "themoscowtimes.com/2020/12/02" in text, "each lesson links the original article"
    solutions = [c for c in nb["cells"] if "solution" in c["metadata"].get("tags", [])]
    assert solutions, "each lesson has at least one solution cell tagged `solution`"
    for cell in solutions:
        hidden = cell["metadata"].get("jupyter", {}).get("source_hidden")
        folded = "<details" in "".join(cell["source"])
        assert hidden or folded, "solutions start collapsed (source_hidden or <details>)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_cell_has_slide_metadata(path):
    """jupyterlab-rise presents a lesson as a deck from these slide types."""
    cells = _load(path)["cells"]
    missing = [
        i for i, c in enumerate(cells) if "slide_type" not in c["metadata"].get("slideshow", {})
    ]
    assert not missing, f"cells {missing} have no slideshow.slide_type: run `make outputs`"


# ----------------------------------------------------------------------------- self-study links
PLACEHOLDER = re.compile(r"\{[A-Z][A-Z0-9_]*\}")
LOCAL_LINK = re.compile(r"\]\((?!https?://|mailto:|#)([^)\s#]+)(#[^)\s]*)?\)")
MARKDOWN_PAGES = sorted(
    p
    for p in [*NOTEBOOKS[0].parents[1].glob("*.md"), *NOTEBOOKS[0].parents[1].glob("docs/**/*.md")]
    if p.is_file()
) + sorted(NOTEBOOKS[0].parent.glob("*.md"))


def _markdown(path) -> str:
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    cells = _load(path)["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


@pytest.mark.parametrize("path", NOTEBOOKS + MARKDOWN_PAGES, ids=lambda p: p.name)
def test_no_unfilled_placeholder_in_markdown(path):
    """A ``{ARTICLE}``-style placeholder renders as literal braces: the link is dead."""
    found = PLACEHOLDER.findall(_markdown(path))
    assert not found, f"{path.name}: unfilled placeholder(s) {found}"


@pytest.mark.parametrize("path", NOTEBOOKS + MARKDOWN_PAGES, ids=lambda p: p.name)
def test_local_links_resolve(path):
    text = re.sub(r"```.*?```", "", _markdown(path), flags=re.S)  # skip code blocks
    text = re.sub(r"`[^`\n]*`", "", text)  # and inline code
    broken = [
        target
        for target, _anchor in LOCAL_LINK.findall(text)
        if not (path.parent / target).exists()
    ]
    assert not broken, f"{path.name}: links to missing files {broken}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_lesson_ends_with_a_link_to_the_next_and_links_the_glossary(path):
    nb = _load(path)
    following = NOTEBOOKS[(NOTEBOOKS.index(path) + 1) % len(NOTEBOOKS)]
    last = "".join(nb["cells"][-1]["source"])
    assert "**Next:**" in last and f"({following.name})" in last, (
        f"{path.name}: the last cell should be '**Next:** [...]({following.name})'"
    )
    assert "](glossary.md" in _markdown(path), f"{path.name}: link the glossary (glossary.md)"
