"""Every script in examples/ runs and prints something an analyst would paste into a note."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.py"))

EXPECTED = {
    "compare_28_point_vs_istanbul.py": ["85,000–250,000", "600,000", "Convergence index"],
    "convergence_over_time.py": ["2026-02-24", "convergence", "De jure Russian"],
    "what_moved_28_to_20.py": ["us-20-point-2025-12", "800,000", "moved"],
    "donetsk_buffer_scenario.py": ["Convergence", "Still apart", "Zone of possible agreement"],
    "property_tested_scenarios.py": ["Checked 150 Russian packages", "Donetsk stays apart"],
    "redline_28_to_20.py": ["Point 7", "struck", "Territory and security points", "precision"],
    "backtest.py": ["previous_draft", "28-pt exact", "The 28-point plan was predicted from"],
    "package_search.py": ["packages evaluated (exhaustive)", "Donetsk oblast", "Applied with scenario() and compare()"],
    "iran_lausanne_vs_jcpoa.py": ["3.67 %", "Converted, no enrichment", "What moved from Lausanne to the JCPOA"],
}


def test_there_are_at_least_five_examples_and_each_is_checked():
    assert len(EXAMPLES) >= 5
    assert {p.name for p in EXAMPLES} == set(EXPECTED)


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs_and_prints_its_findings(script):
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300,
                            cwd=script.parent.parent)
    assert result.returncode == 0, result.stderr
    for text in EXPECTED[script.name]:
        assert text in result.stdout, (script.name, text)
