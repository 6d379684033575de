"""Benchmark, run on demand (not collected by pytest): past one machine's memory.

For 10,000 and 100,000 generated documents (``generated_corpus.py``), each step in a
fresh process so that its peak memory (max RSS) is its own:

- **encode**: documents generated and encoded 5,000 at a time, then concatenated
  (``Encoding.concat``), so no more than a batch of Document objects is ever alive;
- **nearest**: ``nearest_in(encoding, query, k=10)``: one row of the matrix, never the whole;
- **stream**: ``write_matrix`` of full-width row strips to a zarr store (all rows at 10,000;
  at 100,000 the first ``--rows`` rows, and the full matrix's time and size extrapolated
  from them: 100,000² float32 is 40 GB before compression);
- **dask**: the same strips as a ``dask.array`` stored to zarr (``[dask]`` extra), on the
  threaded scheduler.

    python tests/benchmark_scale.py [--sizes 10000 100000] [--rows 2048]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PROBE = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import numpy as np
import negotiation as ng
from generated_corpus import documents
from negotiation.analysis.encoding import Encoding
from negotiation.analysis.matrix import strips, convergence_dask
from negotiation.analysis.nearest import nearest_in
n, task, rows, out = int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]
tax = ng.load().taxonomy
t = time.perf_counter()
parts = [Encoding.of(list(documents(min(5000, n - s), tax, start=s)), tax) for s in range(0, n, 5000)]
enc = Encoding.concat(parts)
del parts
result = {"encode_s": time.perf_counter() - t}
if task == "nearest":
    query = Encoding.of(list(documents(1, tax, seed=99)), tax)
    t = time.perf_counter()
    hits = nearest_in(enc, query, 10)
    result["nearest_s"] = time.perf_counter() - t
    result["best"] = hits[0][1]
elif task == "stream":
    import zarr
    part = enc.take(slice(0, rows)) if rows < n else enc
    t = time.perf_counter()
    array = zarr.open_array(out, mode="w", shape=(min(rows, n), n), chunks=(64, n), dtype="float32")
    from negotiation.analysis.matrix import _Prepared, _strip
    prep_rows = _Prepared.of(enc, np.float32)
    work = {}
    for r0 in range(0, min(rows, n), 64):
        sl = slice(r0, min(rows, n, r0 + 64))
        array[sl, :] = _strip(prep_rows, sl, work)
    result["stream_s"] = time.perf_counter() - t
    result["rows"] = min(rows, n)
    result["stored_mb"] = sum(f.stat().st_size for f in Path(out).rglob("*") if f.is_file()) / 1e6
elif task == "dask":
    import dask, dask.array as da
    t = time.perf_counter()
    lazy = convergence_dask(enc, block=64)
    if rows < n:
        lazy = lazy[:rows]
    with dask.config.set(scheduler="threads"):
        da.to_zarr(lazy, out, overwrite=True)
    result["dask_s"] = time.perf_counter() - t
    result["rows"] = min(rows, n)
result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
"""


def run(n: int, task: str, rows: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [sys.executable, "-c", PROBE, str(Path(__file__).resolve().parent), str(n), task, str(rows),
             str(Path(tmp) / "m.zarr")],
            check=True, capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"},
        ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rows", type=int, default=2048, help="rows streamed when the full matrix is too big")
    args = parser.parse_args()
    for n in args.sizes:
        rows = n if n <= 10_000 else args.rows
        near = run(n, "nearest", rows)
        print(f"{n:>7} documents  encode {near['encode_s']:.1f} s  nearest(k=10) {near['nearest_s'] * 1e3:.0f} ms"
              f"  peak {near['peak_mb']:.0f} MB")
        stream = run(n, "stream", rows)
        scale = n / stream["rows"]
        print(f"{'':>17}  stream {stream['rows']:,} × {n:,} rows to zarr: {stream['stream_s']:.1f} s, "
              f"{stream['stored_mb']:.0f} MB stored, peak {stream['peak_mb']:.0f} MB"
              + (f"; full matrix extrapolated: {stream['stream_s'] * scale / 60:.0f} min, "
                 f"{stream['stored_mb'] * scale / 1e3:.0f} GB stored" if scale > 1 else ""))
        dask = run(n, "dask", rows)
        print(f"{'':>17}  dask strips of {dask['rows']:,} rows to zarr: {dask['dask_s']:.1f} s, "
              f"peak {dask['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
