#!/usr/bin/env bash
# TpoSim against SUNDIALS CVODE and scipy solve_ivp (BDF, LSODA) on the full model, at equal accuracy (issue 18).
#   bash bench/compare.sh            # every tolerance, 5 repetitions: a few minutes
#   QUICK=1 bash bench/compare.sh    # three tolerances, one repetition
# Environment: OUT_DIR (default bench/results/compare), REPEATS (default 5).
# Steps: install Debian's libsundials-dev, python3-scipy and python3-sbml5 if missing (apt-get, as root or with sudo),
# build the CLI and the benchmarks in Release, then bench/compare/compare.py: export each workload as SBML, translate it
# to C for CVODE and parse it for scipy (tests/sbml/simulate_sbml.py), run all over a range of tolerances and print
# the work–precision runs and the table of times at equal accuracy (docs/performance.md explains the method).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${OUT_DIR:-$root/bench/results/compare}"

need=()
[ -f /usr/include/cvode/cvode.h ] || need+=(libsundials-dev)
/usr/bin/python3 -c "import scipy" 2>/dev/null || need+=(python3-scipy)
/usr/bin/python3 -c "import libsbml" 2>/dev/null || need+=(python3-sbml5)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v cc >/dev/null || { echo "a C compiler (cc) is required" >&2; exit 1; }

echo "== building TpoSim (Release)" >&2
dotnet build -c Release src/TpoSim.Cli -v quiet -nologo >/dev/null
dotnet build -c Release bench/TpoSim.Benchmarks -v quiet -nologo >/dev/null
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

args=(--cli src/TpoSim.Cli/bin/Release/net10.0/TpoSim.Cli --bench bench/TpoSim.Benchmarks/bin/Release/net10.0/TpoSim.Benchmarks.dll
      --out "$out" --repeats "${REPEATS:-5}")
[ "${QUICK:-0}" = "1" ] && args+=(--quick)
/usr/bin/python3 bench/compare/compare.py "${args[@]}"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
