#!/usr/bin/python3
"""Independent check of an SBML file that tposim exported: libSBML's consistency and unit checks, and a simulation.

It shares no code with TpoSim. libSBML parses the file; the math of every rule, initial assignment and event is read
from libSBML's parsed ASTNode trees and translated into Python; scipy's solve_ivp integrates the rate rules.

    check     FILE                      libSBML read errors, consistency and unit checks; exit 1 on any error or unit issue
    simulate  FILE --days D --step S [--ids a,b] [--out CSV] [--method BDF|LSODA] [--rtol R] [--atol A]
              writes time and the requested ids (states or assignment-rule parameters) on the grid 0, S, 2S, …, D

Supported SBML (what tposim writes): parameters and species, initial assignments, assignment and rate rules, events
whose trigger is time ≥ (or >) a number known at day 0, with priorities and persistent triggers. Anything else (reactions,
algebraic rules, function definitions, delays, state-dependent triggers) is refused with a message, never approximated.
Events at the same time execute in priority order (highest first), each on the values left by the one before
(useValuesFromTriggerTime must be false); a grid point at an event time reports the state after the event.

Needs Debian's python3-sbml5 and python3-scipy (run it with /usr/bin/python3).
"""
import argparse
import csv
import math
import sys

import libsbml
import numpy as np
from scipy.integrate import solve_ivp


class Unsupported(Exception):
    """The file uses SBML this checker does not simulate."""


# ---------------------------------------------------------------- checks

def check(path):
    """Prints every libSBML diagnostic; returns the number of failures (errors of any kind, and every unit issue)."""
    doc = libsbml.readSBMLFromFile(path)
    failures = 0

    def report(log, what):
        nonlocal failures
        for i in range(log.getNumErrors()):
            e = log.getError(i)
            unit_issue = e.getCategory() == libsbml.LIBSBML_CAT_UNITS_CONSISTENCY
            failed = e.getSeverity() >= libsbml.LIBSBML_SEV_ERROR or unit_issue
            failures += failed
            print(f"{'FAIL' if failed else 'note'} {what} {e.getErrorId()} {e.getCategoryAsString()} "
                  f"{e.getSeverityAsString()} line {e.getLine()}: {e.getMessage().strip()}")

    report(doc.getErrorLog(), "read")
    if doc.getLevel() != 3 or doc.getVersion() != 2:
        print(f"FAIL not SBML Level 3 Version 2 (found L{doc.getLevel()}V{doc.getVersion()})")
        failures += 1
    doc.getErrorLog().clearLog()
    internal = doc.checkInternalConsistency()
    report(doc.getErrorLog(), "internal")
    doc.getErrorLog().clearLog()
    for category in (libsbml.LIBSBML_CAT_GENERAL_CONSISTENCY, libsbml.LIBSBML_CAT_IDENTIFIER_CONSISTENCY,
                     libsbml.LIBSBML_CAT_UNITS_CONSISTENCY, libsbml.LIBSBML_CAT_MATHML_CONSISTENCY,
                     libsbml.LIBSBML_CAT_SBO_CONSISTENCY, libsbml.LIBSBML_CAT_OVERDETERMINED_MODEL,
                     libsbml.LIBSBML_CAT_MODELING_PRACTICE):
        doc.setConsistencyChecks(category, True)
    doc.checkConsistency()
    report(doc.getErrorLog(), "consistency")
    m = doc.getModel()
    if m is not None:
        print(f"checked {path}: {m.getNumParameters()} parameters, {m.getNumSpecies()} species, {m.getNumRules()} rules, "
              f"{m.getNumEvents()} events, {m.getNumUnitDefinitions()} unit definitions; {internal} internal issues; "
              f"{failures} failures")
    return failures


# ---------------------------------------------------------------- math: libSBML ASTNode -> Python source

def name_of(sid):
    return "v_" + sid


BINARY_RELATIONS = {
    libsbml.AST_RELATIONAL_LT: "<", libsbml.AST_RELATIONAL_LEQ: "<=", libsbml.AST_RELATIONAL_GT: ">",
    libsbml.AST_RELATIONAL_GEQ: ">=", libsbml.AST_RELATIONAL_EQ: "==", libsbml.AST_RELATIONAL_NEQ: "!=",
}
UNARY_FUNCTIONS = {
    libsbml.AST_FUNCTION_EXP: "math.exp", libsbml.AST_FUNCTION_LN: "math.log", libsbml.AST_FUNCTION_ABS: "abs",
    libsbml.AST_FUNCTION_FLOOR: "math.floor", libsbml.AST_FUNCTION_CEILING: "math.ceil",
    libsbml.AST_FUNCTION_SIN: "math.sin", libsbml.AST_FUNCTION_COS: "math.cos", libsbml.AST_FUNCTION_TANH: "math.tanh",
}


def py(node):
    """Python source of a libSBML ASTNode (symbols become v_<id> locals; time is t)."""
    t = node.getType()
    kids = [node.getChild(i) for i in range(node.getNumChildren())]
    args = [py(k) for k in kids]
    if t in (libsbml.AST_INTEGER, libsbml.AST_REAL, libsbml.AST_REAL_E, libsbml.AST_RATIONAL):
        return repr(float(node.getValue()))
    if t == libsbml.AST_NAME:
        return name_of(node.getName())
    if t == libsbml.AST_NAME_TIME:
        return "t"
    if t == libsbml.AST_CONSTANT_PI:
        return "math.pi"
    if t == libsbml.AST_CONSTANT_E:
        return "math.e"
    if t == libsbml.AST_CONSTANT_TRUE:
        return "True"
    if t == libsbml.AST_CONSTANT_FALSE:
        return "False"
    if t == libsbml.AST_PLUS:
        return "(" + " + ".join(args) + ")" if args else "0.0"
    if t == libsbml.AST_TIMES:
        return "(" + " * ".join(args) + ")" if args else "1.0"
    if t == libsbml.AST_MINUS:
        return f"(-{args[0]})" if len(args) == 1 else f"({args[0]} - {args[1]})"
    if t == libsbml.AST_DIVIDE:
        return f"({args[0]} / {args[1]})"
    if t in (libsbml.AST_POWER, libsbml.AST_FUNCTION_POWER):
        return f"math.pow({args[0]}, {args[1]})"
    if t == libsbml.AST_FUNCTION_ROOT:
        # root(degree, x); libSBML gives one child (square root) when the degree is omitted.
        return f"math.sqrt({args[0]})" if len(args) == 1 else f"math.pow({args[1]}, 1.0 / {args[0]})"
    if t == libsbml.AST_FUNCTION_LOG:
        return f"math.log10({args[0]})" if len(args) == 1 else f"(math.log({args[1]}) / math.log({args[0]}))"
    if t in UNARY_FUNCTIONS:
        return f"{UNARY_FUNCTIONS[t]}({args[0]})"
    if t == libsbml.AST_FUNCTION_MAX:
        return f"max({', '.join(args)})"
    if t == libsbml.AST_FUNCTION_MIN:
        return f"min({', '.join(args)})"
    if t in BINARY_RELATIONS:
        op = BINARY_RELATIONS[t]
        return "(" + " and ".join(f"({a} {op} {b})" for a, b in zip(args, args[1:])) + ")"
    if t == libsbml.AST_LOGICAL_AND:
        return "(" + " and ".join(args) + ")"
    if t == libsbml.AST_LOGICAL_OR:
        return "(" + " or ".join(args) + ")"
    if t == libsbml.AST_LOGICAL_NOT:
        return f"(not {args[0]})"
    if t == libsbml.AST_FUNCTION_PIECEWISE:
        # piecewise(v1, c1, v2, c2, …, otherwise)
        otherwise = args[-1] if len(args) % 2 == 1 else "float('nan')"
        source = otherwise
        for k in range(len(args) // 2 - 1, -1, -1):
            source = f"({args[2 * k]} if {args[2 * k + 1]} else {source})"
        return source
    raise Unsupported(f"MathML element '{node.getName() or libsbml.formulaToL3String(node)}' (AST type {t})")


def symbols(node, out):
    if node.getType() == libsbml.AST_NAME:
        out.add(node.getName())
    for i in range(node.getNumChildren()):
        symbols(node.getChild(i), out)
    return out


# ---------------------------------------------------------------- model

class Model:
    """The parsed model: values, rules in dependency order, a compiled right-hand side, time events."""

    def __init__(self, path):
        # Keep the document: the ASTNodes below belong to it.
        self.doc = doc = libsbml.readSBMLFromFile(path)
        if doc.getNumErrors(libsbml.LIBSBML_SEV_ERROR) > 0:
            raise Unsupported(f"{path}: libSBML read errors (run 'check')")
        m = doc.getModel()
        for what, count in (("reactions", m.getNumReactions()), ("function definitions", m.getNumFunctionDefinitions()),
                            ("constraints", m.getNumConstraints())):
            if count:
                raise Unsupported(f"{what} are not simulated by this checker")
        self.values = {}
        for c in m.getListOfCompartments():
            self.values[c.getId()] = c.getSize()
        for s in m.getListOfSpecies():
            if s.getHasOnlySubstanceUnits() or not s.isSetInitialConcentration():
                self.values[s.getId()] = s.getInitialAmount()
            else:
                self.values[s.getId()] = s.getInitialConcentration()
        for p in m.getListOfParameters():
            self.values[p.getId()] = p.getValue() if p.isSetValue() else float("nan")

        self.rate = {}
        assignment = {}
        for r in m.getListOfRules():
            if r.isAlgebraic():
                raise Unsupported("algebraic rules")
            (self.rate if r.isRate() else assignment)[r.getVariable()] = r.getMath()
        self.assignment = self.ordered(assignment)
        self.initial = {ia.getSymbol(): ia.getMath() for ia in m.getListOfInitialAssignments()}
        self.states = list(self.rate)
        self.ids = list(self.values)

        self.initialise()
        self.events = self.read_events(m)
        self.rhs = self.compile_rhs()

    @staticmethod
    def ordered(rules):
        """Assignment rules sorted so each is computed after the rules it reads (SBML sets no order)."""
        done, order = set(), []

        def visit(sid, path):
            if sid in done:
                return
            if sid in path:
                raise Unsupported(f"assignment rules form a loop through '{sid}'")
            for dep in symbols(rules[sid], set()):
                if dep in rules:
                    visit(dep, path | {sid})
            done.add(sid)
            order.append(sid)

        for sid in rules:
            visit(sid, set())
        return [(sid, rules[sid]) for sid in order]

    def env(self, t, values):
        scope = {name_of(k): v for k, v in values.items()}
        scope["t"] = t
        scope["math"] = math
        return scope

    def apply_assignments(self, t, values):
        scope = self.env(t, values)
        for sid, node in self.assignment:
            values[sid] = scope[name_of(sid)] = eval(py(node), {}, scope)
        return values

    def initialise(self):
        """Initial assignments and assignment rules at t0 (a fixed point over their dependency order)."""
        pending = dict(self.initial)
        for _ in range(len(pending) + len(self.assignment) + 1):
            scope = self.env(0.0, self.values)
            for sid, node in list(pending.items()):
                self.values[sid] = scope[name_of(sid)] = eval(py(node), {}, scope)
            self.apply_assignments(0.0, self.values)
        for sid, v in self.values.items():
            if isinstance(v, float) and math.isnan(v) and sid not in dict(self.assignment):
                raise Unsupported(f"'{sid}' has no value at t0")

    def read_events(self, m):
        events = []
        for index, e in enumerate(m.getListOfEvents()):
            if e.isSetDelay():
                raise Unsupported(f"event '{e.getId()}': delays")
            if e.getUseValuesFromTriggerTime():
                raise Unsupported(f"event '{e.getId()}': useValuesFromTriggerTime=true")
            trig = e.getTrigger()
            node = trig.getMath()
            if node.getType() not in (libsbml.AST_RELATIONAL_GEQ, libsbml.AST_RELATIONAL_GT) or node.getNumChildren() != 2 \
                    or node.getChild(0).getType() != libsbml.AST_NAME_TIME:
                raise Unsupported(f"event '{e.getId()}': trigger {libsbml.formulaToL3String(node)} (only time >= T is simulated)")
            if symbols(node.getChild(1), set()) & set(self.rate):
                raise Unsupported(f"event '{e.getId()}': trigger time depends on a state")
            at = eval(py(node.getChild(1)), {}, self.env(0.0, self.values))
            # At t0 a trigger already true fires only when its initial value is false (SBML L3V2 §4.12.2).
            if at <= 0 and trig.getInitialValue():
                continue
            priority = eval(py(e.getPriority().getMath()), {}, self.env(0.0, self.values)) if e.isSetPriority() else -math.inf
            assigns = [(a.getVariable(), py(a.getMath())) for a in e.getListOfEventAssignments()]
            events.append((max(at, 0.0), -priority, index, e.getId(), assigns))
        events.sort()
        return events

    def compile_rhs(self):
        """One Python function f(t, y, P) for the rate rules: states from y, the rest from the dict P."""
        lines = ["def f(t, y, P):"]
        for i, sid in enumerate(self.states):
            lines.append(f"    {name_of(sid)} = y[{i}]")
        assigned = {sid for sid, _ in self.assignment}
        for sid in self.ids:
            if sid not in self.rate and sid not in assigned:
                lines.append(f"    {name_of(sid)} = P[{sid!r}]")
        for sid, node in self.assignment:
            lines.append(f"    {name_of(sid)} = {py(node)}")
        lines.append("    return [" + ", ".join(py(self.rate[sid]) for sid in self.states) + "]")
        scope = {"math": math}
        exec("\n".join(lines), scope)
        return scope["f"]

    def fire(self, t, event):
        _, _, _, _, assigns = event
        self.apply_assignments(t, self.values)
        scope = self.env(t, self.values)
        new = [(sid, eval(src, {}, scope)) for sid, src in assigns]
        for sid, v in new:
            self.values[sid] = v
        self.apply_assignments(t, self.values)

    def simulate(self, grid, ids, method, rtol, atol):
        """Values of ids at the grid times; segments end at event times, events at a time fire before its grid point."""
        rows = []
        times = sorted({e[0] for e in self.events if e[0] <= grid[-1]})
        boundaries = [b for b in times if b > 0] + [grid[-1]]
        pending = list(self.events)
        t0, gi = 0.0, 0
        while pending and pending[0][0] <= t0:
            self.fire(t0, pending.pop(0))
        for k, t1 in enumerate(boundaries):
            last = k == len(boundaries) - 1
            save = []
            while gi < len(grid) and (grid[gi] < t1 or last):
                save.append(grid[gi])
                gi += 1
            y0 = [self.values[s] for s in self.states]
            params = dict(self.values)
            if t1 > t0:
                # t1 is always evaluated: the state there starts the next segment.
                evaluate = save if save and save[-1] == t1 else save + [t1]
                sol = solve_ivp(lambda t, y: self.rhs(t, y, params), (t0, t1), y0, method=method, rtol=rtol, atol=atol,
                                t_eval=evaluate)
                if not sol.success:
                    raise RuntimeError(f"solve_ivp failed on [{t0}, {t1}]: {sol.message}")
                for j, ts in enumerate(save):
                    values = dict(self.values)
                    for i, s in enumerate(self.states):
                        values[s] = sol.y[i, j]
                    self.apply_assignments(ts, values)
                    rows.append([ts] + [values[i] for i in ids])
                for i, s in enumerate(self.states):
                    self.values[s] = sol.y[i, -1]
            else:
                for ts in save:
                    rows.append([ts] + [self.apply_assignments(ts, dict(self.values))[i] for i in ids])
            self.apply_assignments(t1, self.values)
            t0 = t1
            while pending and pending[0][0] <= t0 + 1e-12:
                self.fire(t0, pending.pop(0))
        return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="libSBML consistency and unit checks")
    c.add_argument("file")
    s = sub.add_parser("simulate", help="integrate the rate rules with scipy")
    s.add_argument("file")
    s.add_argument("--days", type=float, required=True)
    s.add_argument("--step", type=float, required=True)
    s.add_argument("--ids", default="", help="comma-separated ids to write (default: every rate-rule state)")
    s.add_argument("--out", default="-")
    s.add_argument("--method", default="BDF", choices=["BDF", "LSODA", "Radau"])
    s.add_argument("--rtol", type=float, default=1e-10)
    s.add_argument("--atol", type=float, default=1e-12)
    a = parser.parse_args(argv)
    try:
        if a.command == "check":
            return 1 if check(a.file) else 0
        model = Model(a.file)
        ids = [i for i in a.ids.split(",") if i] or model.states
        unknown = [i for i in ids if i not in model.values]
        if unknown:
            print(f"{a.file}: no id {', '.join(unknown)} in the model", file=sys.stderr)
            return 2
        n = int(math.floor(a.days / a.step + 1e-9))
        grid = [k * a.step for k in range(n + 1)]
        if a.days - grid[-1] > 1e-9 * max(1.0, a.days):
            grid.append(a.days)
        else:
            grid[-1] = a.days
        rows = model.simulate(grid, ids, a.method, a.rtol, a.atol)
        out = sys.stdout if a.out == "-" else open(a.out, "w", newline="")
        w = csv.writer(out)
        w.writerow(["time"] + ids)
        for r in rows:
            w.writerow([repr(float(x)) for x in r])
        if out is not sys.stdout:
            out.close()
        return 0
    except Unsupported as e:
        print(f"{a.file}: unsupported SBML: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
