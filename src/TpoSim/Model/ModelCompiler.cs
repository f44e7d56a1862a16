namespace TpoSim.Model;

/// <summary>
/// Compiles a <see cref="ModelDefinition"/> once into a <see cref="CompiledModel"/>: the right-hand side f(t, y, p, dy),
/// the analytic sparse Jacobian ∂f/∂y, the observables, the derived parameters and the initial state, each a
/// System.Linq.Expressions delegate with every intermediate in a local (allocation-free).
/// </summary>
/// <remarks>
/// The Jacobian's structure comes from the symbolic dependencies (which states each rate reads, directly or through
/// variables); its values from symbolic differentiation chained through the variables (forward mode):
/// dv/dy_j = ∂v/∂y_j + Σ_u ∂v/∂u · du/dy_j over the variables u that v reads. Each non-trivial partial and total
/// derivative is one local, so a quantity shared by many rates (the division-rate stimulation, say) is differentiated once.
/// </remarks>
public static class ModelCompiler
{
    /// <summary>Compiles <paramref name="definition"/>.</summary>
    /// <exception cref="ArgumentException">A duplicate name, an unknown symbol, a cycle among variables, or an initial value that reads a state.</exception>
    public static CompiledModel Compile(ModelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var stateIndex = Index(definition.States.Select(s => s.Name), "state");
        var parameterNames = definition.Parameters.Select(p => p.Name).Concat(definition.DerivedParameters.Select(p => p.Name)).ToArray();
        var parameterIndex = Index(parameterNames, "parameter");
        Index(definition.Variables.Select(v => v.Name), "variable");

        var rates = definition.States.Select(s => Simplifier.Simplify(s.Rate)).ToArray();
        var variables = DependencyOrder(definition.Variables)
            .Select(v => (Symbol: Expr.Variable(v.Name), Value: Simplifier.Simplify(v.Value))).ToArray();
        var derived = definition.DerivedParameters.Select(v => (Symbol: Expr.Parameter(v.Name), Value: Simplifier.Simplify(v.Value))).ToArray();
        for (var k = 0; k < derived.Length; k++)
        {
            var (symbol, value) = derived[k];
            if (value.Symbols(SymbolKind.State).Count > 0 || value.Symbols(SymbolKind.Variable).Count > 0 || value.DescendantsAndSelf().Any(x => x is TimeExpr))
                throw new ArgumentException($"Derived parameter '{symbol.Name}' must depend on parameters only.");
            var late = value.Symbols(SymbolKind.Parameter).FirstOrDefault(n => !parameterIndex.TryGetValue(n, out var i) || i >= definition.Parameters.Count + k);
            if (late is not null) throw new ArgumentException($"Derived parameter '{symbol.Name}' reads '{late}', which is unknown or derived after it.");
        }

        // Transitive state dependencies of each variable, checking definition order.
        var deps = new Dictionary<string, SortedSet<int>>();
        foreach (var (symbol, value) in variables)
            deps[symbol.Name] = Dependencies(value, stateIndex, deps, symbol.Name);
        var rows = new int[rates.Length][];
        for (var i = 0; i < rates.Length; i++)
        {
            var set = Dependencies(rates[i], stateIndex, deps, definition.States[i].Name);
            set.Add(i);
            rows[i] = [.. set];
        }
        var pattern = new SparseJacobianPattern(rows);

        var needed = Reachable(rates, variables);
        var rhs = new ExpressionEmitter(stateIndex, parameterIndex);
        foreach (var (symbol, value) in variables)
            if (needed.Contains(symbol.Name)) rhs.Assign(symbol, value);
        for (var i = 0; i < rates.Length; i++) rhs.Output(i, rates[i]);

        var jacobianValues = BuildJacobian(definition, rates, variables, needed, deps, pattern, stateIndex, parameterIndex, dense: false);
        var jacobianDense = BuildJacobian(definition, rates, variables, needed, deps, pattern, stateIndex, parameterIndex, dense: true);

        var observableDefinitions = definition.Variables.Where(v => v.Observable).ToArray();
        var observables = new ExpressionEmitter(stateIndex, parameterIndex);
        var observableNames = observableDefinitions.Select(v => v.Name).ToHashSet();
        var forObservables = Reachable(observableDefinitions.Select(v => Expr.Variable(v.Name)).ToArray(), variables);
        foreach (var (symbol, value) in variables)
            if (forObservables.Contains(symbol.Name)) observables.Assign(symbol, value);
        for (var k = 0; k < observableDefinitions.Length; k++) observables.Output(k, Expr.Variable(observableDefinitions[k].Name));

        var declared = definition.Parameters.Count;
        var derive = new ExpressionEmitter(stateIndex, parameterIndex);
        for (var k = 0; k < derived.Length; k++)
        {
            derive.Assign(derived[k].Symbol, derived[k].Value);
            derive.Output(declared + k, derived[k].Symbol);
        }

        var initial = new ExpressionEmitter(stateIndex, parameterIndex);
        for (var i = 0; i < definition.States.Count; i++)
        {
            var value = Simplifier.Simplify(definition.States[i].Initial);
            if (value.Symbols(SymbolKind.State).Count > 0 || value.Symbols(SymbolKind.Variable).Count > 0)
                throw new ArgumentException($"The initial value of state '{definition.States[i].Name}' must depend on parameters only.");
            initial.Output(i, value);
        }

        return new CompiledModel(definition, parameterNames, observableDefinitions, pattern,
            rhs.Build(), jacobianValues, jacobianDense, observables.Build(), derive.Build(), initial.Build());
    }

    /// <summary>
    /// Compiles expressions of <paramref name="model"/>'s parameters (declared or derived) into one function that writes
    /// their values, in order, into its output span; its state argument is unused. Dose routes use it: bioavailability,
    /// lag and rate-switch times are parameter expressions, evaluated once per scenario, not per step.
    /// </summary>
    /// <exception cref="ArgumentException">An expression reads a state, a variable, time, or an unknown parameter.</exception>
    public static ModelFunction CompileParameterExpressions(CompiledModel model, IReadOnlyList<Expr> expressions)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(expressions);
        var parameterIndex = model.ParameterNames.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        var emitter = new ExpressionEmitter(new Dictionary<string, int>(), parameterIndex);
        for (var k = 0; k < expressions.Count; k++)
        {
            var value = Simplifier.Simplify(expressions[k]);
            if (value.Symbols(SymbolKind.State).Count > 0 || value.Symbols(SymbolKind.Variable).Count > 0 || value.DescendantsAndSelf().Any(x => x is TimeExpr))
                throw new ArgumentException($"Expression {k} must depend on parameters only.", nameof(expressions));
            var unknown = value.Symbols(SymbolKind.Parameter).FirstOrDefault(n => !parameterIndex.ContainsKey(n));
            if (unknown is not null) throw new ArgumentException($"Expression {k} reads the unknown parameter '{unknown}'.", nameof(expressions));
            emitter.Output(k, value);
        }
        return emitter.Build();
    }

    /// <summary>
    /// Variables in an order where each comes after those it reads (depth-first, otherwise keeping the definition's
    /// order), so a composed module may fill a core slot with a variable it defines later.
    /// </summary>
    private static List<VariableDefinition> DependencyOrder(IReadOnlyList<VariableDefinition> variables)
    {
        var byName = variables.ToDictionary(v => v.Name);
        var order = new List<VariableDefinition>(variables.Count);
        var state = new Dictionary<string, bool>(); // false: on the stack, true: placed
        void Visit(VariableDefinition v, string? reader)
        {
            if (state.TryGetValue(v.Name, out var placed))
            {
                if (!placed) throw new ArgumentException($"The variables '{v.Name}' and '{reader}' depend on each other (a cycle).");
                return;
            }
            state[v.Name] = false;
            foreach (var u in v.Value.Symbols(SymbolKind.Variable))
            {
                if (!byName.TryGetValue(u, out var inner)) throw new ArgumentException($"'{v.Name}' reads the variable '{u}', which is not defined.");
                Visit(inner, v.Name);
            }
            state[v.Name] = true;
            order.Add(v);
        }
        foreach (var v in variables) Visit(v, null);
        return order;
    }

    private static Dictionary<string, int> Index(IEnumerable<string> names, string what)
    {
        var index = new Dictionary<string, int>();
        foreach (var name in names)
        {
            if (!index.TryAdd(name, index.Count)) throw new ArgumentException($"The {what} '{name}' is defined twice.");
        }
        return index;
    }

    private static SortedSet<int> Dependencies(Expr e, Dictionary<string, int> stateIndex, Dictionary<string, SortedSet<int>> deps, string owner)
    {
        var set = new SortedSet<int>();
        foreach (var s in e.Symbols(SymbolKind.State))
            set.Add(stateIndex.TryGetValue(s, out var i) ? i : throw new ArgumentException($"'{owner}' reads the unknown state '{s}'."));
        foreach (var v in e.Symbols(SymbolKind.Variable))
        {
            if (!deps.TryGetValue(v, out var inner)) throw new ArgumentException($"'{owner}' reads the variable '{v}' before it is defined (or it does not exist).");
            set.UnionWith(inner);
        }
        return set;
    }

    private static HashSet<string> Reachable(IReadOnlyList<Expr> roots, (SymbolExpr Symbol, Expr Value)[] variables)
    {
        var needed = new HashSet<string>();
        foreach (var r in roots) foreach (var v in r.Symbols(SymbolKind.Variable)) needed.Add(v);
        for (var k = variables.Length - 1; k >= 0; k--)
        {
            if (!needed.Contains(variables[k].Symbol.Name)) continue;
            foreach (var v in variables[k].Value.Symbols(SymbolKind.Variable)) needed.Add(v);
        }
        return needed;
    }

    private static ModelFunction BuildJacobian(
        ModelDefinition definition, Expr[] rates, (SymbolExpr Symbol, Expr Value)[] variables, HashSet<string> needed,
        Dictionary<string, SortedSet<int>> deps, SparseJacobianPattern pattern,
        Dictionary<string, int> stateIndex, Dictionary<string, int> parameterIndex, bool dense)
    {
        var emitter = new ExpressionEmitter(stateIndex, parameterIndex);
        var stateSymbols = definition.States.Select(s => Expr.State(s.Name)).ToArray();
        var total = new Dictionary<(string Variable, int State), Expr>();
        var localCount = 0;

        Expr Local(Expr value, string label)
        {
            if (value is ConstantExpr or SymbolExpr or TimeExpr) return value;
            var symbol = Expr.Variable($"{label}#{localCount++}");
            emitter.Assign(symbol, value);
            return symbol;
        }

        // d e/d y_j through the variables e reads; partials ∂e/∂u are computed once per (owner, u).
        Expr Total(Expr e, int j, Dictionary<string, Expr> partials, string owner)
        {
            var terms = new List<Expr> { Differentiator.Differentiate(e, stateSymbols[j]) };
            foreach (var u in e.Symbols(SymbolKind.Variable))
            {
                if (!deps[u].Contains(j)) continue;
                if (!partials.TryGetValue(u, out var pu))
                    partials[u] = pu = Local(Differentiator.Differentiate(e, Expr.Variable(u)), $"d{owner}/d{u}");
                if (Simplifier.IsConstant(pu, 0)) continue;
                terms.Add(Simplifier.Product([pu, total[(u, j)]]));
            }
            return Simplifier.Simplify(Simplifier.Sum(terms));
        }

        foreach (var (symbol, value) in variables)
        {
            if (!needed.Contains(symbol.Name)) continue;
            emitter.Assign(symbol, value);
            var partials = new Dictionary<string, Expr>();
            foreach (var j in deps[symbol.Name])
                total[(symbol.Name, j)] = Local(Total(value, j, partials, symbol.Name), $"d{symbol.Name}/dy{j}");
        }
        var n = rates.Length;
        for (var i = 0; i < n; i++)
        {
            var partials = new Dictionary<string, Expr>();
            for (var q = pattern.RowStart[i]; q < pattern.RowStart[i + 1]; q++)
            {
                var j = pattern.Columns[q];
                emitter.Output(dense ? i * n + j : q, Total(rates[i], j, partials, definition.States[i].Name));
            }
        }
        return emitter.Build();
    }
}
