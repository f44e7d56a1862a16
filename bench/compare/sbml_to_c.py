#!/usr/bin/python3
"""Translates an SBML file that tposim exported into a C program that integrates it with SUNDIALS CVODE (BDF, dense
Newton, difference-quotient Jacobian) — the C side of bench/compare.sh.

    sbml_to_c.py MODEL.xml --ids platelets,tpoFreeObserved [--atol-file ATOL.csv] --out model.c

It shares no code with TpoSim: libSBML parses the file, and the parsing, rule ordering and event reading of
tests/sbml/simulate_sbml.py (the independent scipy simulator) give the model; every rule, initial value and event
assignment is then written out as C from libSBML's ASTNode trees. The program:

    ./model RTOL DAYS STEP REPEATS OUT.csv

integrates with relative tolerance RTOL and the absolute tolerance of each state from ATOL.csv (lines "state,atol", as
TpoSim's own per-state tolerances; 1e-8 for a state it does not list),  REPEATS times from the day-0 state (events at fixed times: the integration stops at each, applies it and
restarts CVODE, as TpoSim's driver does), writes time and the ids on the grid 0, STEP, …, DAYS to OUT.csv from the
last repetition, and prints "wall_ms_median=… steps=… rhs=…" (integration only, not the start-up).
"""
import argparse
import math
import os
import sys

import libsbml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "sbml"))
import simulate_sbml as sb  # noqa: E402

RELATIONS = {
    libsbml.AST_RELATIONAL_LT: "<", libsbml.AST_RELATIONAL_LEQ: "<=", libsbml.AST_RELATIONAL_GT: ">",
    libsbml.AST_RELATIONAL_GEQ: ">=", libsbml.AST_RELATIONAL_EQ: "==", libsbml.AST_RELATIONAL_NEQ: "!=",
}
UNARY = {
    libsbml.AST_FUNCTION_EXP: "exp", libsbml.AST_FUNCTION_LN: "log", libsbml.AST_FUNCTION_ABS: "fabs",
    libsbml.AST_FUNCTION_FLOOR: "floor", libsbml.AST_FUNCTION_CEILING: "ceil", libsbml.AST_FUNCTION_SIN: "sin",
    libsbml.AST_FUNCTION_COS: "cos", libsbml.AST_FUNCTION_TANH: "tanh",
}


def c_name(sid):
    return "v_" + sid


def c_number(x):
    if math.isnan(x):
        return "NAN"
    if math.isinf(x):
        return "INFINITY" if x > 0 else "(-INFINITY)"
    return repr(float(x))


def c(node):
    """C source of a libSBML ASTNode; symbols are locals v_<id>, time is t."""
    t = node.getType()
    args = [c(node.getChild(i)) for i in range(node.getNumChildren())]
    if t in (libsbml.AST_INTEGER, libsbml.AST_REAL, libsbml.AST_REAL_E, libsbml.AST_RATIONAL):
        return c_number(float(node.getValue()))
    if t == libsbml.AST_NAME:
        return c_name(node.getName())
    if t == libsbml.AST_NAME_TIME:
        return "t"
    if t == libsbml.AST_CONSTANT_PI:
        return "M_PI"
    if t == libsbml.AST_CONSTANT_E:
        return "M_E"
    if t == libsbml.AST_CONSTANT_TRUE:
        return "1"
    if t == libsbml.AST_CONSTANT_FALSE:
        return "0"
    if t == libsbml.AST_PLUS:
        return "(" + " + ".join(args) + ")" if args else "0.0"
    if t == libsbml.AST_TIMES:
        return "(" + " * ".join(args) + ")" if args else "1.0"
    if t == libsbml.AST_MINUS:
        return f"(-{args[0]})" if len(args) == 1 else f"({args[0]} - {args[1]})"
    if t == libsbml.AST_DIVIDE:
        return f"({args[0]} / {args[1]})"
    if t in (libsbml.AST_POWER, libsbml.AST_FUNCTION_POWER):
        return f"pow({args[0]}, {args[1]})"
    if t == libsbml.AST_FUNCTION_ROOT:
        return f"sqrt({args[0]})" if len(args) == 1 else f"pow({args[1]}, 1.0 / {args[0]})"
    if t == libsbml.AST_FUNCTION_LOG:
        return f"log10({args[0]})" if len(args) == 1 else f"(log({args[1]}) / log({args[0]}))"
    if t in UNARY:
        return f"{UNARY[t]}({args[0]})"
    if t in (libsbml.AST_FUNCTION_MAX, libsbml.AST_FUNCTION_MIN):
        f = "fmax" if t == libsbml.AST_FUNCTION_MAX else "fmin"
        source = args[-1]
        for a in reversed(args[:-1]):
            source = f"{f}({a}, {source})"
        return source
    if t in RELATIONS:
        op = RELATIONS[t]
        return "(" + " && ".join(f"({a} {op} {b})" for a, b in zip(args, args[1:])) + ")"
    if t == libsbml.AST_LOGICAL_AND:
        return "(" + " && ".join(args) + ")"
    if t == libsbml.AST_LOGICAL_OR:
        return "(" + " || ".join(args) + ")"
    if t == libsbml.AST_LOGICAL_NOT:
        return f"(!{args[0]})"
    if t == libsbml.AST_FUNCTION_PIECEWISE:
        source = args[-1] if len(args) % 2 == 1 else "NAN"
        for k in range(len(args) // 2 - 1, -1, -1):
            source = f"(({args[2 * k + 1]}) ? {args[2 * k]} : {source})"
        return source
    raise sb.Unsupported(f"MathML element '{node.getName() or libsbml.formulaToL3String(node)}' (AST type {t})")


def generate(path, ids, atol):
    model = sb.Model(path)
    states = model.states
    assigned = [sid for sid, _ in model.assignment]
    params = [sid for sid in model.ids if sid not in model.rate and sid not in set(assigned)]
    for i in ids:
        if i not in model.values:
            raise sb.Unsupported(f"no id {i} in the model")
    # model.values holds every id at t0 after initial assignments (events at t0 have not fired yet).
    lines = [
        "/* Generated by bench/compare/sbml_to_c.py from " + os.path.basename(path) + "; do not edit. */",
        "#define _POSIX_C_SOURCE 199309L",
        "#include <math.h>", "#include <stdio.h>", "#include <stdlib.h>", "#include <string.h>", "#include <time.h>",
        "#include <cvode/cvode.h>", "#include <nvector/nvector_serial.h>", "#include <sunmatrix/sunmatrix_dense.h>",
        "#include <sunlinsol/sunlinsol_dense.h>",
        f"#define NS {len(states)}", f"#define NP {len(params)}", f"#define NO {len(ids)}",
        f"#define NE {len(model.events)}",
        "static const double P0[NP > 0 ? NP : 1] = {" + ", ".join(c_number(model.values[p]) for p in params) + "};",
        "static const double Y0[NS] = {" + ", ".join(c_number(model.values[s]) for s in states) + "};",
        "static const double ATOL[NS] = {" + ", ".join(c_number(atol.get(s, 1e-8)) for s in states) + "};",
        "static const double EVENT_TIME[NE > 0 ? NE : 1] = {" + ", ".join(c_number(e[0]) for e in model.events) + "};",
        "static const char *OUTPUT_NAME[NO] = {" + ", ".join(f'"{i}"' for i in ids) + "};",
    ]

    # Every generated function starts the same way: the states from y, the parameters from P, then the assignment
    # rules in dependency order (and a (void) for each, so unused locals do not warn).
    prologue = [f"    const double {c_name(s)} = y[{k}];" for k, s in enumerate(states)]
    prologue += [f"    const double {c_name(s)} = P[{k}];" for k, s in enumerate(params)]
    prologue += [f"    const double {c_name(sid)} = {c(node)};" for sid, node in model.assignment]
    prologue.append("    (void)t;" + "".join(f" (void){c_name(s)};" for s in states + params + assigned))
    lines.append("static int rhs(sunrealtype t, N_Vector yv, N_Vector dv, void *user) {")
    lines.append("    const double *y = N_VGetArrayPointer(yv); double *d = N_VGetArrayPointer(dv); const double *P = user;")
    lines += prologue
    for k, s in enumerate(states):
        lines.append(f"    d[{k}] = {c(model.rate[s])};")
    lines.append("    return 0;\n}")

    lines.append("static void outputs(double t, const double *y, const double *P, double *o) {")
    lines += prologue
    for k, i in enumerate(ids):
        lines.append(f"    o[{k}] = {c_name(i)};")
    lines.append("}")

    lines.append("static void fire(int e, double t, double *y, double *P) {")
    lines += prologue
    lines.append("    switch (e) {")
    index_state = {s: k for k, s in enumerate(states)}
    index_param = {s: k for k, s in enumerate(params)}
    for k, (_, _, _, eid, assigns) in enumerate(model.events):
        lines.append(f"    case {k}: {{ /* {eid} */")
        # SBML: every assignment of one event is computed from the values before any of them is applied.
        event = model.doc.getModel().getEvent(eid)
        exprs = [(a.getVariable(), c(a.getMath())) for a in event.getListOfEventAssignments()]
        for j, (_, src) in enumerate(exprs):
            lines.append(f"        const double a{j} = {src};")
        for j, (var, _) in enumerate(exprs):
            if var in index_state:
                lines.append(f"        y[{index_state[var]}] = a{j};")
            elif var in index_param:
                lines.append(f"        P[{index_param[var]}] = a{j};")
            else:
                raise sb.Unsupported(f"event {eid} assigns '{var}', neither a state nor a parameter")
        lines.append("        break; }")
    lines.append("    default: break;\n    }\n}")
    lines.append(DRIVER)
    return "\n".join(lines) + "\n"


DRIVER = r"""
static double now_ms(void) {
    struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }

int main(int argc, char **argv) {
    if (argc != 6) { fprintf(stderr, "usage: %s RTOL DAYS STEP REPEATS OUT.csv\n", argv[0]); return 2; }
    double rtol = atof(argv[1]), days = atof(argv[2]), step = atof(argv[3]);
    int repeats = atoi(argv[4]);
    int ngrid = (int)floor(days / step + 1e-9) + 1;
    double *grid = malloc(sizeof(double) * ngrid), *rows = malloc(sizeof(double) * ngrid * NO), *walls = malloc(sizeof(double) * repeats);
    for (int g = 0; g < ngrid; g++) grid[g] = g * step;
    SUNContext ctx; if (SUNContext_Create(NULL, &ctx) != 0) { fprintf(stderr, "SUNContext_Create failed\n"); return 1; }
    long steps = 0, rhs_evals = 0;
    for (int r = 0; r < repeats; r++) {
        double P[NP > 0 ? NP : 1]; memcpy(P, P0, sizeof(P));
        N_Vector yv = N_VNew_Serial(NS, ctx); double *y = N_VGetArrayPointer(yv);
        memcpy(y, Y0, sizeof(Y0));
        double start = now_ms();
        int e = 0;
        while (e < NE && EVENT_TIME[e] <= 0) fire(e++, 0.0, y, P);
        void *mem = CVodeCreate(CV_BDF, ctx);
        SUNMatrix A = SUNDenseMatrix(NS, NS, ctx);
        SUNLinearSolver LS = SUNLinSol_Dense(yv, A, ctx);
        int flag = CVodeInit(mem, rhs, 0.0, yv);
        N_Vector atol = N_VNew_Serial(NS, ctx); memcpy(N_VGetArrayPointer(atol), ATOL, sizeof(ATOL));
        if (flag == CV_SUCCESS) flag = CVodeSVtolerances(mem, rtol, atol);
        if (flag == CV_SUCCESS) flag = CVodeSetUserData(mem, P);
        if (flag == CV_SUCCESS) flag = CVodeSetLinearSolver(mem, LS, A);
        if (flag == CV_SUCCESS) flag = CVodeSetMaxNumSteps(mem, 1000000);
        if (flag != CV_SUCCESS) { fprintf(stderr, "CVODE set-up failed: %d\n", flag); return 1; }
        double t = 0.0; long seg_steps = 0, seg_rhs = 0; steps = 0; rhs_evals = 0;
        int g = 1;
        outputs(0.0, y, P, rows);
        for (;;) {
            /* The segment ends at the next event time inside the span, or at the span's end. */
            double stop = (e < NE && EVENT_TIME[e] < days) ? EVENT_TIME[e] : days;
            CVodeSetStopTime(mem, stop);
            while (g < ngrid && grid[g] < stop - 1e-12) {
                flag = CVode(mem, grid[g], yv, &t, CV_NORMAL);
                if (flag < 0) { fprintf(stderr, "CVODE failed at t=%g: %d\n", t, flag); return 3; }
                outputs(grid[g], y, P, rows + g * NO); g++;
            }
            if (t < stop) {
                flag = CVode(mem, stop, yv, &t, CV_NORMAL);
                if (flag < 0) { fprintf(stderr, "CVODE failed at t=%g: %d\n", t, flag); return 3; }
            }
            CVodeGetNumSteps(mem, &seg_steps); CVodeGetNumRhsEvals(mem, &seg_rhs);
            steps += seg_steps; rhs_evals += seg_rhs;
            if (stop >= days) break;
            /* Every event at this time fires (in priority order), then CVODE restarts from the new state, and a grid
               point at the event time reports the state after the events. */
            while (e < NE && EVENT_TIME[e] <= stop + 1e-12) fire(e++, stop, y, P);
            CVodeReInit(mem, stop, yv);
            if (g < ngrid && fabs(grid[g] - stop) <= 1e-12) { outputs(grid[g], y, P, rows + g * NO); g++; }
        }
        if (g < ngrid) { outputs(grid[g], y, P, rows + g * NO); g++; }
        walls[r] = now_ms() - start;
        CVodeFree(&mem); SUNLinSolFree(LS); SUNMatDestroy(A); N_VDestroy(yv); N_VDestroy(atol);
    }
    qsort(walls, repeats, sizeof(double), cmp);
    FILE *out = fopen(argv[5], "w");
    if (!out) { fprintf(stderr, "cannot write %s\n", argv[5]); return 1; }
    fprintf(out, "time");
    for (int k = 0; k < NO; k++) fprintf(out, ",%s", OUTPUT_NAME[k]);
    fprintf(out, "\n");
    for (int g = 0; g < ngrid; g++) {
        fprintf(out, "%.17g", grid[g]);
        for (int k = 0; k < NO; k++) fprintf(out, ",%.17g", rows[g * NO + k]);
        fprintf(out, "\n");
    }
    fclose(out);
    printf("wall_ms_median=%.4f steps=%ld rhs=%ld\n", walls[repeats / 2], steps, rhs_evals);
    SUNContext_Free(&ctx);
    return 0;
}
"""


def read_atol(path):
    """State → absolute tolerance from a "state,atol" CSV (header line first), or {} without a file."""
    if not path:
        return {}
    with open(path) as f:
        rows = [line.strip().split(",") for line in f if line.strip()]
    return {name: float(value) for name, value in rows[1:]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file")
    ap.add_argument("--ids", required=True)
    ap.add_argument("--atol-file")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    try:
        source = generate(a.file, [i for i in a.ids.split(",") if i], read_atol(a.atol_file))
    except sb.Unsupported as e:
        print(f"{a.file}: {e}", file=sys.stderr)
        return 2
    with open(a.out, "w") as f:
        f.write(source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
