"""The reference for `dotnet run -c Release --project tests/Benchmarks -- gemm --json`: the same products in PyTorch.

Prints one JSON line per shape with the fields GemmBenchmark prints ("path" is torch.mm or torch.bmm), timed the
same way: warm-up, then at least --seconds of calls; the median call gives gflops_median and ms_median.

Debian's python3-torch calls sgemm from libblas.so.3, which is the reference (netlib) BLAS unless OpenBLAS is on
the loader path; see tests/Benchmarks/pytorch/run_tuned.sh. For example, with the OpenMP OpenBLAS unpacked (not
installed) into /tmp/openblas:

    (cd /tmp/openblas && apt-get download libopenblas0-openmp && dpkg -x libopenblas0-openmp_*.deb .)
    LD_LIBRARY_PATH=/tmp/openblas/usr/lib/x86_64-linux-gnu/openblas-openmp \\
        /usr/bin/python3 tests/Benchmarks/reference/gemm_torch.py --threads 2
"""

import argparse
import json
import resource
import statistics
import time

import torch

SQUARE = (256, 512, 1024)

# (name, transA, transB, m, n, k, batch): the list in GemmBenchmark.cs.
MODEL = [
    ("lstm gates x*W^T", False, True, 256, 256, 67, 1),
    ("lstm gates dG*W", False, False, 256, 67, 256, 1),
    ("lstm gates dG^T*X", True, False, 256, 67, 256, 1),
    ("lstm hidden h*W^T", False, True, 256, 256, 64, 1),
    ("lstm hidden [256x64]*[64x256]", False, False, 256, 256, 64, 1),
    ("attention Q*K^T", False, True, 40, 40, 32, 512),
    ("attention P*V", False, False, 40, 32, 40, 512),
    ("attention dP^T*Q", True, False, 40, 32, 40, 512),
    ("linear x*W^T", False, True, 2048, 128, 60, 1),
    ("linear [2048x60]*[60x128]", False, False, 2048, 128, 60, 1),
    ("linear dY*W", False, False, 2048, 60, 128, 1),
    ("linear dY^T*X", True, False, 128, 60, 2048, 1),
    ("ffn [5120x128]*[128x512]", False, False, 5120, 512, 128, 1),
    ("ffn x*W^T", False, True, 5120, 512, 128, 1),
    ("ffn dY^T*X", True, False, 512, 128, 5120, 1),
]


def operand(trans, rows, cols, batch):
    """op(X) of shape [batch,] rows x cols, stored transposed (a view of a contiguous [cols, rows]) when trans."""
    shape = (cols, rows) if trans else (rows, cols)
    x = torch.rand(((batch,) if batch > 1 else ()) + shape) * 2 - 1
    return x.transpose(-1, -2) if trans else x


def snapshot():
    """(wall time, machine-wide busy CPU seconds, this process's CPU seconds), as benchlib does."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return time.perf_counter(), (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / 100.0, ru.ru_utime + ru.ru_stime


def contention(before, after):
    wall = max(after[0] - before[0], 1e-9)
    own = (after[2] - before[2]) / wall
    total = (after[1] - before[1]) / wall
    return {"own_cores": round(own, 2), "other_cores": round(max(total - own, 0.0), 2)}


def measure(ta, tb, m, n, k, batch, seconds):
    a, b = operand(ta, m, k, batch), operand(tb, k, n, batch)
    c = torch.empty(((batch,) if batch > 1 else ()) + (m, n))
    fn = (lambda: torch.bmm(a, b, out=c)) if batch > 1 else (lambda: torch.mm(a, b, out=c))  # noqa: E731
    end = time.perf_counter() + min(0.3, seconds / 4)
    while time.perf_counter() < end:
        fn()
    times = []
    start = time.perf_counter()
    while time.perf_counter() - start < seconds or len(times) < 10:
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), len(times)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=2, help="torch.set_num_threads for the model shapes")
    p.add_argument("--seconds", type=float, default=1.5, help="timed seconds per shape")
    p.add_argument("--square", action="store_true", help="only the square sizes")
    p.add_argument("--model", action="store_true", help="only the model shapes")
    args = p.parse_args()
    torch.manual_seed(0)
    rows = []
    if not args.model:
        for threads in (2, 1):
            for n in SQUARE:
                rows.append((None, False, False, n, n, n, 1, threads))
    if not args.square:
        rows += [(name, ta, tb, m, n, k, batch, args.threads) for name, ta, tb, m, n, k, batch in MODEL]
    for name, ta, tb, m, n, k, batch, threads in rows:
        torch.set_num_threads(threads)
        before = snapshot()
        median, best, calls = measure(ta, tb, m, n, k, batch, args.seconds)
        cpu = contention(before, snapshot())
        flop = 2.0 * batch * m * n * k
        row = {"path": "torch.bmm" if batch > 1 else "torch.mm"}
        if name is None:
            row["n"] = n
        else:
            row.update({"shape": name, "op": ("T" if ta else "N") + ("T" if tb else "N"),
                        "batch": batch, "m": m, "n": n, "k": k})
        row.update({"threads": threads, "calls": calls, "gflops_median": round(flop / median / 1e9, 2),
                    "gflops_best": round(flop / best / 1e9, 2), "ms_median": round(1000 * median, 4), "cpu": cpu})
        print(json.dumps(row, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
