"""The corpus ships inside the installed package: an install used from elsewhere still finds it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_installed_package_reads_its_own_copy_of_the_corpus(tmp_path):
    code = ("import json, negotiation as ng; "
            "print(json.dumps([ng.__file__, str(ng.bundled_path()), len(ng.load())]))")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=True).stdout
    module, corpus_path, count = json.loads(out)
    package_dir = Path(module).resolve().parent
    assert count >= 16
    if package_dir == REPO / "negotiation":  # an editable install reads the checkout's positions/
        assert Path(corpus_path).resolve() == REPO / "positions"
    else:  # a wheel reads the copy shipped inside the package
        assert Path(corpus_path).resolve() == package_dir / "positions"
