"""Charts: dumbbell, trajectory, clustered heatmap, position map (content, not pixels)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import negotiation as ng
from negotiation.errors import NegotiationError
from negotiation.model.scales import SetScale

pytest.importorskip("matplotlib", reason="charts need the [plot] extra (matplotlib)")

from negotiation.render.charts import (
    cluster_order,
    count_marks,
    dumbbell,
    heatmap,
    position_map,
    save,
    trajectory_chart,
)


@pytest.fixture(scope="module")
def cmp(corpus: ng.Corpus) -> ng.Comparison:
    return ng.compare(corpus["istanbul-draft-2022-04"], corpus["us-28-point-2025-11"])


def _ordered(cmp: ng.Comparison) -> list[ng.IssueDiff]:
    return [d for d in cmp.diffs if not isinstance(d.issue.scale, SetScale)]


def test_dumbbell_has_one_row_per_issue_on_an_ordered_scale(cmp: ng.Comparison) -> None:
    ax = cmp.plot().axes[0]
    labels = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    assert labels == [d.issue.label() for d in _ordered(cmp)]


def test_dumbbell_places_every_stated_side_and_marks_deferred_ones(cmp: ng.Comparison) -> None:
    ax = cmp.plot().axes[0]
    sides = [s for d in _ordered(cmp) for s in (d.a, d.b) if s is not None]
    assert count_marks(ax, "stance") == sum(1 for s in sides if s.stated)
    assert count_marks(ax, "deferred") == sum(1 for s in sides if not s.stated)
    assert count_marks(ax, "span") == sum(1 for s in sides if s.stated and s.bracketed) > 0


def test_dumbbell_joins_both_sides_only_where_both_state(cmp: ng.Comparison) -> None:
    ax = cmp.plot().axes[0]
    both = [d for d in _ordered(cmp) if d.a is not None and d.b is not None and d.a.stated and d.b.stated]
    assert count_marks(ax, "gap") == len(both)


def test_dumbbell_runs_from_the_low_pole_to_the_high_pole(cmp: ng.Comparison) -> None:
    ax = cmp.plot().axes[0]
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    poles = cmp.taxonomy.poles
    assert ticks[0] == poles.low.en and ticks[-1] == poles.high.en


def test_dumbbell_legend_names_both_documents(cmp: ng.Comparison) -> None:
    fig = cmp.plot()
    texts = [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    assert texts == [f"A: {cmp.a.id}", f"B: {cmp.b.id}"]


def test_trajectory_has_a_point_and_a_note_per_change(corpus: ng.Corpus) -> None:
    frame = corpus.trajectory("RU", "UA")
    fig = trajectory_chart(frame, "RU", "UA", taxonomy=corpus.taxonomy)
    ax, key_ax = fig.axes
    stated = frame.dropna(subset=["convergence"])
    assert list(ax.lines[0].get_ydata()) == list(stated["convergence"])
    notes = [t.get_text() for t in ax.texts if t.get_gid() == "document"]
    assert notes == [str(i) for i in range(1, len(stated) + 1)]
    key = "\n".join(t.get_text() for t in key_ax.texts).splitlines()
    assert len(key) == len(stated)
    assert key[0].startswith(f"1. {stated['date'].iloc[0]:%Y-%m-%d} {stated['documents'].iloc[0][0]}")


def test_trajectory_spaces_changes_by_date_and_shades_the_range(corpus: ng.Corpus) -> None:
    import matplotlib.dates as mdates

    frame = corpus.trajectory("RU", "UA")
    fig = trajectory_chart(frame, "RU", "UA", taxonomy=corpus.taxonomy)
    ax = fig.axes[0]
    stated = frame.dropna(subset=["convergence"])
    xs = [float(x) for x in ax.lines[0].get_xdata(orig=False)]
    days = [float(mdates.date2num(d)) for d in stated["date"]]
    assert xs == pytest.approx(days)  # x is the date itself, not the change's rank
    band = [c for c in ax.collections if c.get_gid() == "range"]
    assert len(band) == 1
    ys = band[0].get_paths()[0].vertices[:, 1]
    assert ys.min() <= stated["low"].min() + 1e-9 and ys.max() >= stated["high"].max() - 1e-9


def test_cluster_order_keeps_close_documents_together() -> None:
    import numpy as np

    d = np.ones((6, 6))
    for group in ([0, 2, 4], [1, 3, 5]):
        for i in group:
            for j in group:
                d[i, j] = 0.1
    np.fill_diagonal(d, 0)
    order = cluster_order(d)
    assert sorted(order) == list(range(6))
    assert {tuple(sorted(order[:3])), tuple(sorted(order[3:]))} == {(0, 2, 4), (1, 3, 5)}


def test_heatmap_shows_every_document_once_in_clustered_order(corpus: ng.Corpus) -> None:
    ids = ["istanbul-draft-2022-04", "us-28-point-2025-11", "us-20-point-2025-12", "ru-memorandum-2025-06"]
    frame = corpus.matrix(ids)
    ax = heatmap(frame).axes[0]
    rows = [t.get_text() for t in ax.get_yticklabels()]
    cols = [t.get_text() for t in ax.get_xticklabels()]
    assert sorted(rows) == sorted(ids) and rows == cols
    assert ax.images[0].get_array().shape == (4, 4)


def test_position_map_marks_every_document_stating_the_issue(corpus: ng.Corpus) -> None:
    issue = "security.army_cap"
    ax = position_map(corpus, issue).axes[0]
    stances = [d.stances[issue] for d in corpus if issue in d.stances]
    assert count_marks(ax, "stance") == sum(1 for s in stances if s.stated)
    parties = {d.authors[0] for d in corpus if issue in d.stances}
    legend = {t.get_text() for t in ax.get_legend().get_texts()}
    assert legend == {corpus.taxonomy.parties[p].en for p in parties}


def test_position_map_refuses_a_set_scale(corpus: ng.Corpus) -> None:
    with pytest.raises(NegotiationError, match="set scale"):
        position_map(corpus, "security.guarantors")


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_save_writes_png_or_svg(cmp: ng.Comparison, tmp_path: Path, suffix: str) -> None:
    target = save(dumbbell(cmp), tmp_path / f"chart{suffix}")
    head = target.read_bytes()[:200]
    assert head.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in head


def test_save_refuses_other_suffixes(cmp: ng.Comparison, tmp_path: Path) -> None:
    with pytest.raises(NegotiationError, match=r"\.png or \.svg"):
        save(dumbbell(cmp), tmp_path / "chart.jpg")


@pytest.mark.parametrize("argv", [["compare", "istanbul-draft-2022-04", "us-28-point-2025-11"],
                                  ["timeline", "RU", "UA"], ["matrix", "us-28-point-2025-11", "us-20-point-2025-12"]])
def test_the_plot_option_writes_a_chart(argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from negotiation.cli.main import main

    target = tmp_path / "chart.svg"
    assert main([*argv, "--plot", str(target), "-f", "json"]) == 0
    assert "<svg" in target.read_text(encoding="utf-8")


def test_the_core_imports_and_reports_without_matplotlib() -> None:
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "import negotiation as ng\n"
        "c = ng.load(); cmp = ng.compare(c['istanbul-draft-2022-04'], c['us-28-point-2025-11'])\n"
        "page = cmp.to_html(); assert '<svg' not in page and 'negotiation[plot]' in page\n"
        "try:\n    cmp.plot()\nexcept ng.NegotiationError as e:\n    print(e)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "pip install 'negotiation[plot]'" in result.stdout
