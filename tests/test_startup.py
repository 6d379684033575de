"""What `import negotiation` costs: none of the heavy optional libraries load until used."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("numpy", "pandas", "tabulate", "matplotlib", "rapidfuzz", "dask", "zarr", "hypothesis")


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules))"],
                         check=True, capture_output=True, text=True).stdout
    return {name.split(".")[0] for name in out.split()}


def test_import_negotiation_loads_no_heavy_library() -> None:
    assert _modules_after("import negotiation").isdisjoint(HEAVY)


def test_loading_and_comparing_loads_no_heavy_library() -> None:
    code = ("import negotiation as ng\nc = ng.load()\n"
            "ng.compare(c['istanbul-draft-2022-04'], c['us-28-point-2025-11']).summary")
    assert _modules_after(code).isdisjoint(HEAVY)


@pytest.mark.parametrize("name", ["search", "bargain", "redline", "align", "predict"])
def test_lazy_names_resolve_on_first_use(name: str) -> None:
    import negotiation as ng

    assert callable(getattr(ng, name))
    assert name in dir(ng)


def test_an_unknown_name_is_an_attribute_error() -> None:
    import negotiation as ng

    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        ng.nothing_here  # noqa: B018


def test_import_negotiation_loads_not_even_pydantic() -> None:
    assert "pydantic" not in _modules_after("import negotiation")
