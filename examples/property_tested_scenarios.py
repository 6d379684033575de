"""A property-tested scenario script: hypothesis searches over packages of concessions.

Claim: as long as Ukraine does not move on Donetsk, no package of Russian concessions on
other issues can bring the two February 2026 positions into agreement on Donetsk; and any
concession Russia makes toward Ukraine never lowers the convergence index. Hypothesis
tries many packages; a counterexample would be printed and the script would fail.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation import strategies as nst

corpus = ng.load()
tax = corpus.taxonomy
day = "2026-02-24"
ru, ua = corpus.position("RU", day), corpus.position("UA", day)
shared = [i for i in ru.stances if i in ua.stances and ru.stances[i].stated and ua.stances[i].stated]
others = [i for i in shared if i != "territory.donetsk"]


@st.composite
def russian_packages(draw):
    """Russia concedes one or more steps toward Ukraine on up to four issues (not Donetsk)."""
    issues = draw(st.lists(st.sampled_from(others), min_size=1, max_size=4, unique=True))
    return [ng.concede(i, ua.stances[i].value, draw(st.integers(1, 3))) for i in issues
            if ua.stances[i].value is not None]


checked = {"packages": 0}


@settings(max_examples=150, derandomize=True, deadline=None)
@given(russian_packages())
def donetsk_stays_apart_and_concessions_never_hurt(package):
    moved = ng.scenario(ru, package, taxonomy=tax)
    before = ng.compare(ru, ua, taxonomy=tax)
    after = ng.compare(moved, ua, taxonomy=tax)
    assert after["territory.donetsk"].verdict is ng.Verdict.APART
    assert after.summary.convergence >= before.summary.convergence - 1e-12
    checked["packages"] += 1


@settings(max_examples=50, derandomize=True, deadline=None)
@given(st.data())
def any_generated_edit_keeps_documents_comparable(data):
    edit = data.draw(nst.edits(ua, tax))
    moved = ng.scenario(ua, [edit], taxonomy=tax)
    cmp = ng.compare(moved, ru, taxonomy=tax)
    assert 0.0 <= cmp.summary.convergence <= 1.0


donetsk_stays_apart_and_concessions_never_hurt()
any_generated_edit_keeps_documents_comparable()
print(f"Checked {checked['packages']} Russian packages over {len(others)} issues:")
print("- Donetsk stays apart unless Ukraine itself moves on it;")
print("- no concession toward Ukraine lowered the convergence index.")
