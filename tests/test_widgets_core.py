"""Tests for the widget wiring layer (utils.widgets.core), run without a browser or kernel."""

from __future__ import annotations

import base64
import doctest
import gc
import weakref
from pathlib import Path
from unittest import mock

import ipywidgets as widgets
import pandas as pd
import pytest

import utils.widgets.core as core
from utils.plotting import Chart, line_chart
from utils.widgets.core import (
    REGISTRY,
    LiveView,
    discover_widgets,
    dropdown,
    int_slider,
    register,
    registered,
    select_multiple,
    slider,
    toggle,
    toggle_buttons,
)

FRAME = pd.DataFrame(
    {"CHN": [10.0, 12.0, 15.0, 21.0], "EU": [40.0, 38.0, 33.0, 30.0]},
    index=[2018, 2019, 2020, 2021],
)


def render(partner: str = "CHN", start: int = 2018) -> Chart:
    """Pure render used by the tests; rejects a window with fewer than two years."""
    if start > 2020:
        raise ValueError(f"start must be at most 2020 so two years remain, got {start}")
    data = FRAME.loc[start:, [partner]]
    first, last = data[partner].iloc[0], data[partner].iloc[-1]
    return line_chart(
        data,
        f"{partner} share",
        "",
        "%",
        "test data",
        f"{partner}: {first:.0f}% in {start}, {last:.0f}% in 2021.",
    )


def make_view() -> LiveView:
    return LiveView(
        {
            "partner": dropdown("Partner", [("China", "CHN"), ("EU", "EU")], "CHN"),
            "start": int_slider("First year", 2018, 2021, 1, 2018),
        },
        render,
        title="Shares",
        description="Pick a partner.",
    )


def shown_png(view: LiveView) -> bytes:
    (output,) = view.output.outputs
    return base64.b64decode(output["data"]["image/png"])


def test_default_render_happens_on_construction():
    view = make_view()
    assert view.last_chart is not None
    assert view.last_chart.description == "CHN: 10% in 2018, 21% in 2021."
    assert shown_png(view) == view.last_chart.to_png()
    assert view.output.outputs[0]["data"]["text/plain"] == view.last_chart.description
    assert "Figure: CHN: 10% in 2018, 21% in 2021." in view.caption.value
    assert len(view.timings) == 1 and view.message == ""
    assert isinstance(view.widget, widgets.VBox)
    assert "<h3" in view.header.value and "Shares" in view.header.value


def test_changing_a_control_re_renders():
    view = make_view()
    before = shown_png(view)
    view.controls["partner"].value = "EU"  # as a user would
    assert view.last_chart.description == "EU: 40% in 2018, 30% in 2021."
    assert shown_png(view) != before
    assert len(view.timings) == 2
    assert all(isinstance(t, float) and t > 0 for t in view.timings)


def test_set_changes_several_controls_with_one_render():
    view = make_view()
    view.set(partner="EU", start=2019)
    assert view.values == {"partner": "EU", "start": 2019}
    assert view.last_chart.description == "EU: 38% in 2019, 30% in 2021."
    assert len(view.timings) == 2
    view.set(partner="EU")  # no change, no render
    assert len(view.timings) == 2
    with pytest.raises(ValueError, match="unknown control"):
        view.set(colour="red")


def test_value_error_shows_message_and_keeps_previous_chart():
    view = make_view()
    chart, png = view.last_chart, shown_png(view)
    view.controls["start"].value = 2021
    assert view.message == "start must be at most 2020 so two years remain, got 2021"
    assert "start must be at most 2020" in view.message_area.value
    assert "Traceback" not in view.message_area.value
    assert view.last_chart is chart and shown_png(view) == png
    assert len(view.timings) == 2  # the failed attempt is timed too
    view.controls["start"].value = 2019  # recovering clears the message
    assert view.message == "" and view.message_area.value == ""


def test_type_error_is_shown_but_other_errors_propagate():
    def picky(n: int) -> Chart:
        if n == 2:
            raise TypeError("n must be odd")
        if n == 3:
            raise RuntimeError("bug")
        return render()

    view = LiveView({"n": int_slider("Number", 1, 3, 1, 1)}, picky)
    view.set(n=2)
    assert view.message == "n must be odd"
    with pytest.raises(RuntimeError, match="bug"):
        view.set(n=3)


def test_first_render_failing_leaves_no_chart_but_a_message():
    view = LiveView({"start": int_slider("First year", 2018, 2021, 1, 2021)}, render)
    assert view.last_chart is None and view.output.outputs == ()
    assert "at most 2020" in view.message


def test_note_from_render_is_shown():
    view = LiveView(
        {"partner": dropdown("Partner", ["CHN", "EU"])},
        lambda partner: (render(partner), f"Selected {partner}."),
    )
    assert view.message == "Selected CHN." and "Selected CHN." in view.message_area.value
    html_note = LiveView(
        {"partner": dropdown("Partner", ["CHN", "EU"])},
        lambda partner: (render(partner), "<b>12%</b>"),
    )
    assert "<b>12%</b>" in html_note.message_area.value  # notes are trusted HTML


def test_error_messages_are_escaped():
    def bad(partner: str) -> Chart:
        raise ValueError(f"partner must be one of ['CHN'], got {partner!r} <script>")

    view = LiveView({"partner": dropdown("Partner", ["EU"])}, bad)
    assert "<script>" not in view.message_area.value
    assert "&lt;script&gt;" in view.message_area.value


def test_replaced_figures_are_released():
    view = make_view()
    old = weakref.ref(view.last_chart.figure)
    view.set(partner="EU")
    gc.collect()
    assert old() is None  # the view kept no reference to the replaced figure
    assert view.last_chart.figure.axes != []


def test_render_signature_must_accept_controls():
    with pytest.raises(TypeError, match="cannot take the controls"):
        LiveView({"colour": dropdown("Colour", ["a", "b"])}, render)


def test_every_control_needs_a_label():
    unlabeled = widgets.IntSlider(value=1, min=0, max=2)
    with pytest.raises(ValueError, match="no description"):
        LiveView({"start": unlabeled}, render)
    with pytest.raises(ValueError, match="label"):
        dropdown("", ["a"])


def test_factories_label_style_and_no_continuous_redraw():
    controls = [
        slider("Oil price (USD/bbl)", 20, 120, 5, 60, fmt=".0f"),
        int_slider("First year", 1995, 2020, 1, 2000),
        dropdown("Partner", ["CHN", "EU"], "EU"),
        toggle("Show projection", True),
        toggle("Log scale", button=True),
        toggle_buttons("Measure", ["exports", "imports"]),
        select_multiple("Partners", ["CHN", "EU", "USA"], ("CHN",)),
    ]
    for control in controls:
        assert control.description.strip()
        assert control.style.description_width == "initial"
    assert controls[0].continuous_update is False and controls[1].continuous_update is False
    assert controls[0].readout_format == ".0f" and controls[0].value == 60.0
    assert isinstance(controls[3], widgets.Checkbox)
    assert isinstance(controls[4], widgets.ToggleButton)
    assert controls[6].value == ("CHN",)


def test_factories_reject_bad_ranges_and_values():
    with pytest.raises(ValueError, match=r"value must lie in \[1995, 2020\], got 2030"):
        int_slider("First year", 1995, 2020, 1, 2030)
    with pytest.raises(ValueError, match="min must be below max"):
        slider("x", 5, 1, 1, 2)
    with pytest.raises(ValueError, match="not one of"):
        dropdown("Partner", ["CHN", "EU"], "USA")
    with pytest.raises(ValueError, match="not among the options"):
        select_multiple("Partners", ["CHN"], ("EU",))
    with pytest.raises(TypeError, match="must be an int"):
        int_slider("Year", 1995.0, 2020, 1, 2000)


@pytest.fixture
def clean_registry():
    saved = dict(REGISTRY)
    yield
    REGISTRY.clear()
    REGISTRY.update(saved)


def test_register_records_and_rejects_duplicates(clean_registry):
    @register("99_test", "shares")
    def shares() -> LiveView:
        return make_view()

    assert REGISTRY[("99_test", "shares")] is shares
    assert ("99_test", "shares") in registered()
    assert REGISTRY[("99_test", "shares")]().last_chart is not None

    def other() -> LiveView:
        return make_view()

    with pytest.raises(ValueError, match="already registered"):
        register("99_test", "shares")(other)

    # re-importing a module re-registers the same qualified function: allowed
    def shares() -> LiveView:  # noqa: F811 - same name on purpose, as after a reload
        return make_view()

    shares.__qualname__ = REGISTRY[("99_test", "shares")].__qualname__
    register("99_test", "shares")(shares)
    assert REGISTRY[("99_test", "shares")] is shares


def test_register_rejects_builders_with_arguments(clean_registry):
    with pytest.raises(TypeError, match="no required arguments"):
        register("99_test", "bad")(lambda partner: make_view())
    with pytest.raises(ValueError, match="lesson"):
        register("", "x")


def test_registered_is_sorted_and_discovery_returns_it(clean_registry):
    register("99_b", "z")(make_view)
    register("99_a", "y")(lambda: make_view())
    keys = registered()
    assert keys == sorted(keys)
    assert keys.index(("99_a", "y")) < keys.index(("99_b", "z"))
    assert discover_widgets() == registered()


def test_docstring_examples_run():
    result = doctest.testmod(core)
    assert result.attempted > 0 and result.failed == 0


def test_display_bundle_has_stable_text_and_the_widget_view():
    view = make_view()
    bundle = view._repr_mimebundle_()
    assert bundle["text/plain"] == (
        "Interactive widget: Shares. CHN: 10% in 2018, 21% in 2021."
    )  # no base64 PNG or model id, so nbval comparisons are stable
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == view.widget.model_id
    with mock.patch("IPython.display.display") as display:
        view._ipython_display_()
    assert display.call_args.args[0]["text/plain"] == bundle["text/plain"]
    assert display.call_args.kwargs["raw"] is True


# --------------------------------------------------------------------------- benchmark helpers
def test_bench_value_cycle_changes_value_every_time_and_stays_valid():
    from utils.bench import value_cycle

    controls = [
        dropdown("Partner", [("China", "CHN"), ("EU", "EU"), ("USA", "USA")], "EU"),
        int_slider("First year", 1995, 2020, 1, 2000),
        slider("Share", 0.0, 1.0, 0.05, 0.5),
        toggle("Show", True),
        select_multiple("Partners", ["CHN", "EU"], ("CHN",)),
    ]
    for control in controls:
        values = list(value_cycle(control, 25))
        assert len(values) == 25
        previous = control.value
        for value in values:
            assert value != previous
            control.value = value  # raises if invalid
            assert control.value == value
            previous = value
    controls[0].value = "EU"
    assert list(value_cycle(controls[0], 3)) == ["USA", "CHN", "EU"]  # starts after current


def test_bench_percentile_and_report(tmp_path):
    from utils.bench import Row, percentile, write_report

    assert percentile([5.0], 95) == 5.0
    assert percentile(list(range(1, 21)), 95) == pytest.approx(19.05)  # 1 + 0.95 * 19
    rows = [
        Row("widget", "w:x", "p95 latency", 120.0, "ms", 100.0),
        Row("widget", "w:y", "p95 latency", 80.0, "ms", 100.0),
        Row("notebook", "a.ipynb", "wall time", None, "s", 8.0, "CellExecutionError"),
        Row("import", "utils", "import time", 3.0, "ms", None),
    ]
    assert [r.status for r in rows] == ["fail", "pass", "error", "info"]
    csv_path = write_report(rows, tmp_path / "bench.md")
    lines = csv_path.read_text().splitlines()
    assert lines[0] == "kind,name,metric,value,unit,budget,status,note"
    assert lines[1] == "widget,w:x,p95 latency,120.0,ms,100.0,fail,"
    markdown = (tmp_path / "bench.md").read_text()
    assert "**FAIL** (2 of 4 rows failed)" in markdown
    assert "| widget | w:y | p95 latency | 80.0 | ms | 100.0 | pass |  |" in markdown


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_bench_kernel_memory_is_the_kernels_own_not_the_benchmarks(tmp_path):
    """A kernel forked from a big process must not report that process's size as its peak.

    (``ru_maxrss`` does exactly that after fork + exec on Linux; the probe reads ``VmHWM``.)
    """
    import nbformat
    import numpy as np

    from utils.bench import run_notebook

    def notebook(name: str, source: str) -> Path:
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        path = tmp_path / name
        nbformat.write(nb, path)
        return path

    ballast = np.ones(400 * 2**20 // 8)  # 400 MB held by this (the benchmarking) process
    _, small = run_notebook(notebook("small.ipynb", "x = 1"))
    _, big = run_notebook(notebook("big.ipynb", "import numpy as np\nx = np.ones(25 * 2**20)"))
    del ballast
    assert small < 200, f"a one-line kernel reported {small:.0f} MB"
    assert 180 <= big - small <= 260, f"a kernel holding 200 MB more reported +{big - small:.0f} MB"


def test_bench_times_the_test_suite_and_reports_a_failing_one():
    from utils.bench import bench_make_test

    (ok,) = bench_make_test(("sleep", "0.3"))
    assert (ok.kind, ok.name, ok.status, ok.note) == ("suite", "sleep 0.3", "info", "warm .venv")
    assert 0.3 <= ok.value < 5
    (bad,) = bench_make_test(("sh", "-c", "echo tests failed; exit 3"))
    assert bad.status == "error" and bad.value is None
    assert bad.note == "exit code 3: tests failed"
