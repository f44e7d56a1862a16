#!/usr/bin/python3
"""TpoSim against SUNDIALS CVODE and scipy solve_ivp (BDF, LSODA) on the full model, at equal accuracy.

Run through bench/compare.sh, which installs and builds what this needs. For each workload it:
1. exports the scenario's model as SBML (`tposim export sbml`);
2. translates the SBML into C for CVODE (sbml_to_c.py) and compiles it, and parses it for scipy with the independent
   simulator of tests/sbml/simulate_sbml.py — neither shares code with TpoSim;
3. runs TpoSim (the Release bench's `model-run`, warm, in process), CVODE (BDF, dense Newton) and scipy over a range of
   relative tolerances, every solver with TpoSim's own per-state absolute tolerances;
4. measures each run's error as the largest relative difference, over the output days, of circulating platelets and
   free TPO from a reference (CVODE at rtol 1e-11 with the absolute tolerances / 1000);
5. reads each solver's time at equal accuracy — the cheapest of its runs whose error is at most the target (default
   1e-5 relative, the agreement the comparison asks for; --target) — and prints the table with the ratios TpoSim/CVODE
   and scipy/TpoSim.
Times are integration only (no parsing, compilation or process start-up), the median of the repetitions.
"""
import argparse
import csv
import json
import math
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "sbml"))
import simulate_sbml as sb  # noqa: E402

IDS = ["platelets", "tpoFreeObserved"]
TPOSIM_RTOLS = [1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8]
CVODE_RTOLS = [1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10]
SCIPY_RTOLS = [1e-4, 1e-5, 1e-6, 1e-7]


def run(cmd, **kw):
    done = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr.strip()}")
    return done.stdout


def timing(stdout):
    fields = dict(f.split("=") for f in stdout.split())
    return float(fields["wall_ms_median"]), int(fields["steps"])


def read_csv(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    return [[float(x) for x in r] for r in rows[1:]]


def error(rows, reference):
    """Largest relative difference of platelets and free TPO over the common output days."""
    if len(rows) != len(reference):
        raise SystemExit(f"grids differ: {len(rows)} against {len(reference)} rows")
    worst = 0.0
    for a, b in zip(rows, reference):
        if abs(a[0] - b[0]) > 1e-9:
            raise SystemExit(f"grid times differ: {a[0]} against {b[0]}")
        for k in (1, 2):
            worst = max(worst, abs(a[k] - b[k]) / max(abs(b[k]), 1e-300))
    return worst


def at_error(points, target):
    """Wall time to reach error `target`: the cheapest run whose error is at most `target` (no interpolation, so a
    solver whose error stalls above the target is reported as not reaching it: nan, with its best error)."""
    good = [ms for e, ms in points if e <= target]
    if good:
        return min(good), ""
    best = min(points)
    return float("nan"), f" (best {best[0]:.1e})"


def scipy_run(xml, days, step, method, rtol, atol, repeats):
    """Median wall time (ms) of Model.simulate, parsing excluded, and the rows of the last repetition."""
    walls, rows = [], None
    for _ in range(repeats):
        model = sb.Model(xml)
        vector = [atol.get(s, 1e-8) for s in model.states]
        grid = [k * step for k in range(int(math.floor(days / step + 1e-9)) + 1)]
        start = time.perf_counter()
        rows = model.simulate(grid, IDS, method, rtol, vector)
        walls.append((time.perf_counter() - start) * 1e3)
    walls.sort()
    return walls[len(walls) // 2], rows


def fixed_dose_scenario(titration_scenario, decisions_csv, out_path):
    """The titrated scenario with its titration replaced by the doses it decided (decisions.csv), so every solver
    integrates the same dose sequence (SBML cannot express the rule itself)."""
    with open(titration_scenario) as f:
        scenario = json.load(f)
    titration = scenario.pop("titration")
    doses = []
    with open(decisions_csv) as f:
        for row in csv.DictReader(f):
            amount = float(row["dose"])
            if amount > 0:
                doses.append({"drug": "romiplostim", "route": "sc", "amount": amount, "unit": "ug/kg",
                              "day": float(row["day"])})
    scenario.pop("$schema", None)
    scenario["name"] = scenario["name"] + " (its titration's doses, fixed)"
    scenario["description"] = (f"bench/compare.sh: the doses that the {titration['policy']} titration of "
                               f"{os.path.basename(titration_scenario)} decided, given as fixed doses.")
    scenario["doses"] = doses
    with open(out_path, "w") as f:
        json.dump(scenario, f, indent=2)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cli", required=True, help="the Release TpoSim.Cli executable")
    ap.add_argument("--bench", required=True, help="the Release TpoSim.Benchmarks.dll")
    ap.add_argument("--out", required=True)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="fewer tolerances, one repetition (a smoke run)")
    ap.add_argument("--target", type=float, default=1e-5, help="the error at which times are compared")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    tposim_rtols, cvode_rtols, scipy_rtols = TPOSIM_RTOLS, CVODE_RTOLS, SCIPY_RTOLS
    repeats, scipy_repeats = a.repeats, 1
    if a.quick:
        tposim_rtols, cvode_rtols, scipy_rtols, repeats = [1e-5, 1e-6, 1e-7], [1e-6, 1e-7, 1e-8], [1e-6], 1

    titration_dir = os.path.join(a.out, "itp-romiplostim-titration")
    run([a.cli, "simulate", os.path.join(ROOT, "scenarios", "itp-romiplostim-label.json"), "--out", titration_dir,
         "--force", "--quiet"])
    itp = os.path.join(a.out, "itp-romiplostim-24w.json")
    fixed_dose_scenario(os.path.join(ROOT, "scenarios", "itp-romiplostim-label.json"),
                        os.path.join(titration_dir, "decisions.csv"), itp)
    workloads = [
        ("healthy, 1 year", os.path.join(HERE, "healthy-1y.json"), 365, 1),
        ("ITP, romiplostim titrated, 24 weeks", itp, 168, 0.5),
        ("ITP, eltrombopag daily, 1 year", os.path.join(HERE, "eltrombopag-daily-1y.json"), 365, 1),
    ]
    results = []
    for title, scenario, days, step in workloads:
        name = os.path.splitext(os.path.basename(scenario))[0]
        base = os.path.join(a.out, name)
        print(f"== {title}", file=sys.stderr)
        xml = base + ".xml"
        run([a.cli, "export", "sbml", scenario, "--out", xml, "--force"])
        atol_file = base + ".atol.csv"
        tposim = []
        for rtol in tposim_rtols:
            out = f"{base}.tposim.{rtol:g}.csv"
            ms, steps = timing(run(["dotnet", a.bench, "model-run", scenario, "--rtol", repr(rtol), "--repeat",
                                    str(repeats), "--out", out, "--atol-out", atol_file]))
            tposim.append((rtol, ms, steps, read_csv(out)))
        atol = {}
        with open(atol_file) as f:
            for row in list(csv.reader(f))[1:]:
                atol[row[0]] = float(row[1])
        for suffix, scale in (("", 1.0), (".ref", 1e-3)):
            scaled = base + suffix + ".atol.csv"
            with open(scaled, "w") as f:
                f.write("state,atol\n" + "".join(f"{k},{v * scale!r}\n" for k, v in atol.items()))
            run(["/usr/bin/python3", os.path.join(HERE, "sbml_to_c.py"), xml, "--ids", ",".join(IDS),
                 "--atol-file", scaled, "--out", base + suffix + ".c"])
            run(["cc", "-O2", "-march=x86-64-v2", "-std=c11", "-w", "-o", base + suffix + ".cvode", base + suffix + ".c",
                 "-lsundials_cvode", "-lsundials_nvecserial", "-lsundials_sunmatrixdense", "-lsundials_sunlinsoldense",
                 "-lm"])
        ref_csv = base + ".reference.csv"
        run([base + ".ref.cvode", "1e-11", repr(days), repr(step), "1", ref_csv])
        reference = read_csv(ref_csv)
        cvode = []
        for rtol in cvode_rtols:
            out = f"{base}.cvode.{rtol:g}.csv"
            ms, steps = timing(run([base + ".cvode", repr(rtol), repr(days), repr(step), str(repeats), out]))
            cvode.append((rtol, ms, steps, read_csv(out)))
        scipy = {}
        for method in ("BDF", "LSODA"):
            scipy[method] = []
            for rtol in scipy_rtols:
                ms, rows = scipy_run(xml, days, step, method, rtol, atol, scipy_repeats)
                scipy[method].append((rtol, ms, 0, [[r[0], r[1], r[2]] for r in rows]))
        solvers = {"TpoSim": tposim, "CVODE": cvode, "scipy BDF": scipy["BDF"], "scipy LSODA": scipy["LSODA"]}
        detail = {}
        for solver, runs in solvers.items():
            detail[solver] = [(rtol, ms, steps, error(rows, reference)) for rtol, ms, steps, rows in runs]
        target = a.target
        # Agreement: each solver's tightest run against TpoSim's tightest, on platelets and TPO.
        tightest = tposim[-1][3]
        agreement = {s: error(runs[-1][3], tightest) for s, runs in solvers.items() if s != "TpoSim"}
        times = {s: at_error([(e, ms) for _, ms, _, e in d], target) for s, d in detail.items()}
        results.append((title, target, times, agreement, detail))

    print()
    print("Each solver's error is the largest relative difference of platelets and free TPO from the reference over the")
    print("output days. A solver's time at equal accuracy (ms, integration only, median) is its cheapest run whose error is")
    print(f"at most {a.target:g}; 'nan (best e)' when no run got there. TpoSim's time includes its day-0 steady-state solve")
    print("and its output records; CVODE and scipy start from the exported day-0 state.")
    print()
    for title, target, times, agreement, detail in results:
        print(f"### {title}")
        print()
        print("| solver | rtol | steps | ms | error |")
        print("|---|---|---|---|---|")
        for solver, d in detail.items():
            for rtol, ms, steps, e in d:
                print(f"| {solver} | {rtol:g} | {steps or ''} | {ms:.2f} | {e:.2e} |")
        print()
    print("| workload | error target | TpoSim ms | CVODE ms | scipy BDF ms | scipy LSODA ms | TpoSim/CVODE | BDF/TpoSim | LSODA/TpoSim | agree ≤ 1e-5 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    ok = True
    for title, target, times, agreement, detail in results:
        t = {s: v for s, (v, _) in times.items()}
        mark = {s: m for s, (_, m) in times.items()}
        agree = all(v <= 1e-5 for v in agreement.values())
        ok &= agree
        worst = max(agreement.values())
        print(f"| {title} | {target:.1e} | {t['TpoSim']:.2f}{mark['TpoSim']} | {t['CVODE']:.2f}{mark['CVODE']} | "
              f"{t['scipy BDF']:.1f}{mark['scipy BDF']} | {t['scipy LSODA']:.1f}{mark['scipy LSODA']} | "
              f"{t['TpoSim'] / t['CVODE']:.2f} | {t['scipy BDF'] / t['TpoSim']:.0f} | {t['scipy LSODA'] / t['TpoSim']:.0f} | "
              f"{'yes' if agree else 'NO'} ({worst:.1e}) |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
