"""Ours against PyTorch, model by model: the ratio table of tests/Benchmarks/README.md.

Reads the engine's JSON lines (`dotnet run -c Release --project tests/Benchmarks -- models --json > ours.jsonl`)
and PyTorch's results (`run_tuned.sh --out torch.json`, or the scripts' JSON lines), and prints a Markdown table:
samples/s in training and inference on both sides with the ratio ours / PyTorch, CPU ms per step on both sides
(this process's CPU time, all threads, over the timed steps: steadier than wall time on a shared machine) and the
cores other processes used during each side's training phase.

Run:  /usr/bin/python3 compare.py ours.jsonl torch.json
"""

import argparse
import json
import sys


def read(path):
    """Results by model name from a JSON lines file or a run_all.py results file."""
    with open(path) as f:
        text = f.read()
    try:
        whole = json.loads(text)
        rows = whole["models"] if isinstance(whole, dict) and "models" in whole else [whole]
    except json.JSONDecodeError:
        rows = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    result = {}
    for row in rows:
        if "error" in row:
            print("%s: %s holds an error for %s: %s" % (sys.argv[0], path, row.get("script", row.get("model")), row["error"]),
                  file=sys.stderr)
            continue
        result[row["model"]] = row
    return result


def cpu_ms_per_step(row, phase):
    """CPU ms per step: the engine reports it; for PyTorch, own cores x timed seconds / steps."""
    key = phase + "_cpu_ms_per_step"
    if key in row:
        return row[key]
    return row[phase + "_cpu"]["own_cores"] * row[phase + "_timed_s"] * 1000.0 / row[phase + "_timed_steps"]


def number(x):
    return "{:,.0f}".format(x) if x >= 100 else "{:.1f}".format(x)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("ours", help="the engine's JSON lines")
    p.add_argument("torch", help="PyTorch's results (run_all.py output or JSON lines)")
    args = p.parse_args()
    ours, torch = read(args.ours), read(args.torch)
    print("| model | params | train ours | train PyTorch | ratio | infer ours | infer PyTorch | ratio "
          "| train CPU ms/step ours / PyTorch | infer CPU ms/step ours / PyTorch | other cores in training ours / PyTorch |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, o in ours.items():
        t = torch.get(name)
        if t is None:
            print("%s: no PyTorch result for %s" % (sys.argv[0], name), file=sys.stderr)
            continue
        if o["params"] != t["params"]:
            print("%s: %s has %d parameters here and %d in PyTorch" % (sys.argv[0], name, o["params"], t["params"]), file=sys.stderr)
        cells = [name, "{:,}".format(o["params"])]
        for phase in ("train", "infer"):
            a, b = o[phase + "_samples_per_s"], t[phase + "_samples_per_s"]
            cells += [number(a), number(b), "%.2f×" % (a / b)]
        for phase in ("train", "infer"):
            a, b = cpu_ms_per_step(o, phase), cpu_ms_per_step(t, phase)
            cells.append("%.2f / %.2f (%.2f×)" % (a, b, b / a))
        cells.append("%.2f / %.2f" % (o["train_cpu"]["other_cores"], t["train_cpu"]["other_cores"]))
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
