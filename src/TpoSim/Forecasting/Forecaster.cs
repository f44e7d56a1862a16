using System.Globalization;
using TpoSim.Fitting;
using TpoSim.Policies;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Forecasting;

/// <summary>
/// Projects a fitted patient forward: for each posterior draw and each candidate regimen, the simulator continues the
/// history (past doses fixed) and then runs the regimen from the last observation (a titration rule through
/// <see cref="TitrationSpec.StartDay"/>, or fixed doses). Then it picks the regimen with the largest expected time in the
/// target range among those whose risk of exceeding the threshold is acceptable.
/// </summary>
public static class Forecaster
{
    /// <summary>The chronic-ITP label rule of <paramref name="drug"/> (<see cref="FitPriors.ChronicItp"/>).</summary>
    /// <exception cref="ArgumentException">No ITP label rule for the drug.</exception>
    public static string LabelPolicy(string drug) => LabelPolicy(FitPriors.ChronicItp, drug);

    /// <summary>The label rule of <paramref name="drug"/> for <paramref name="prior"/>'s condition (<see cref="FitPrior.LabelPolicies"/>).</summary>
    /// <exception cref="ArgumentException">The condition has no label rule for the drug.</exception>
    public static string LabelPolicy(FitPrior prior, string drug)
    {
        ArgumentNullException.ThrowIfNull(prior);
        return prior.LabelPolicyOf(drug) ?? throw new ArgumentException($"No label rule for drug '{drug}' in {prior.Condition}.", nameof(drug));
    }

    /// <summary>
    /// The candidates when none are asked for: the label rule, hold, and fixed doses at the current dose and its
    /// neighbours on the label ladder (the ladder's first level when off drug); only hold without a drug or without a
    /// label rule for the drug in the patient's condition.
    /// </summary>
    public static IReadOnlyList<Regimen> DefaultRegimens(PatientHistory history, FitPrior? prior = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        prior ??= FitPriors.For(history.PriorName) ?? FitPriors.ChronicItp;
        if (prior.LabelPolicyOf(history.Drug) is not { } policy) return [Regimen.Hold];
        var list = new List<Regimen> { Regimen.Label, Regimen.Hold };
        var current = history.CurrentDose(history.LastObservationDay);
        var levels = TitrationCatalog.StartLevels(policy) ?? [];
        if (current > 0)
        {
            var below = levels.Where(l => l < current - 1e-9).DefaultIfEmpty(double.NaN).Max();
            var above = levels.Where(l => l > current + 1e-9).DefaultIfEmpty(double.NaN).Min();
            foreach (var d in new[] { below, current, above }.Where(double.IsFinite)) list.Add(Regimen.Fixed(d));
        }
        else if (levels.Count > 0) list.Add(Regimen.Fixed(levels[0]));
        return list;
    }

    /// <summary>Problems with asking these regimens of this history (one line each; empty when fine).</summary>
    public static IReadOnlyList<string> Check(PatientHistory history, IReadOnlyList<Regimen> regimens)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(regimens);
        var errors = new List<string>();
        if (history.Drug is null && regimens.Any(r => r.Kind != RegimenKind.Hold))
            errors.Add($"{history.Source}: no drug in the history; add '# drug: NAME' (allowed: {string.Join(", ", PatientFile.Drugs)}) or forecast only 'hold'.");
        var prior = FitPriors.For(history.PriorName) ?? FitPriors.ChronicItp;
        if (history.Drug is not null && prior.LabelPolicyOf(history.Drug) is null && regimens.Any(r => r.Kind is RegimenKind.Label or RegimenKind.Fixed))
            errors.Add($"{history.Source}: {history.Drug} has no label rule in {prior.Condition} (rules for {string.Join(", ", prior.LabelPolicies.Keys)}); allowed regimens: hold.");
        if (regimens.Any(r => r.Kind == RegimenKind.Custom) && history.Drug != "romiplostim")
            errors.Add($"a 'rule' regimen is a weekly romiplostim ladder; the history's drug is {history.Drug ?? "none"}.");
        // A forecast recommends: a fixed dose outside the label's range (50 µg/kg romiplostim, five times its maximum) is refused.
        if (Drugs.LabelDoses.For(history.Drug) is { } label)
        {
            foreach (var r in regimens.Where(r => r.Kind == RegimenKind.Fixed && r.Dose is not null))
            {
                var x = label.InLabelUnit(r.Dose!.Value, history.Unit, history.Patient.BodyWeightKg);
                if (x < label.Min * (1 - 1e-9) || x > label.Max * (1 + 1e-9))
                {
                    var lo = label.Min; var hi = label.Max;
                    errors.Add($"--regimen {r.Name}: {label.Warn(r.Dose.Value, history.Unit, history.Patient.BodyWeightKg)}; a forecast stays inside the {label.Kind} range: allowed fixed:X with X in [{FromLabelUnit(label, lo, history)}, {FromLabelUnit(label, hi, history)}] {Drugs.LabelDoseRange.UnitText(history.Unit)}.");
                }
            }
        }
        return errors;
    }

    private static string FromLabelUnit(Drugs.LabelDoseRange label, double x, PatientHistory history)
    {
        var perUnit = label.InLabelUnit(1, history.Unit, history.Patient.BodyWeightKg);
        return (x / perUnit).ToString("0.###", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The scenario of <paramref name="regimen"/> for the patient with parameter <paramref name="values"/>: the history's
    /// doses before <paramref name="startDay"/>, then the regimen up to <paramref name="endDay"/>.
    /// </summary>
    public static Scenario ScenarioFor(PatientHistory history, FitPrior prior, IReadOnlyList<double> values, Regimen regimen, double startDay, double endDay)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(regimen);
        var past = history.DosesBefore(startDay);
        var current = history.CurrentDose(startDay);
        var span = endDay - startDay;
        switch (regimen.Kind)
        {
            case RegimenKind.Hold:
                return PatientScenario.Build(history, prior, values, endDay, ForecastOptions.StepDays, past);
            case RegimenKind.Fixed:
            {
                var policy = LabelPolicy(prior, history.Drug!);
                var every = TitrationCatalog.DoseEveryDays(policy);
                // A course rule (before a procedure) doses for its label course only: 7 days of lusutrombopag, 5 of avatrombopag.
                var count = (int)Math.Ceiling(Math.Min(span, TitrationCatalog.DefaultDays(policy) ?? span) / every - 1e-9);
                var route = TitrationCatalog.Create(new TitrationSpec(policy, regimen.Dose)).Route;
                var doses = past.Append(new DoseRecord(history.Drug!, route, regimen.Dose!.Value, history.Unit, startDay, every, Math.Max(count, 1))).ToArray();
                return PatientScenario.Build(history, prior, values, endDay, ForecastOptions.StepDays, doses);
            }
            case RegimenKind.Label:
            {
                var policy = LabelPolicy(prior, history.Drug!);
                var onDrug = current > 0;
                // A course rule starts a new course on the start day (its own checks, dose and length: a repeat
                // procedure); a ladder rule continues from the current dose with weekly checks.
                var spec = TitrationCatalog.DefaultDays(policy) is not null
                    ? new TitrationSpec(policy, StartDay: startDay)
                    : new TitrationSpec(policy, onDrug ? current : null, CheckEveryDays: 7, Days: span, StartDay: startDay, Continuing: onDrug);
                return PatientScenario.Build(history, prior, values, endDay, ForecastOptions.StepDays, past, spec);
            }
            default:
            {
                var start = regimen.Dose ?? (current > 0 ? current : regimen.Rule!.Step);
                var spec = new TitrationSpec(TitrationCatalog.Custom, start, CheckEveryDays: 7, Days: span, Custom: regimen.Rule,
                    StartDay: startDay, Continuing: regimen.Dose is null && current > 0);
                return PatientScenario.Build(history, prior, values, endDay, ForecastOptions.StepDays, past, spec);
            }
        }
    }

    /// <summary>Runs the forecast. Draws come from <paramref name="fit"/>'s Laplace posterior (seeded); failed draws are counted, not fatal.</summary>
    public static ForecastResult Run(FitResult fit, IReadOnlyList<Regimen> regimens, ForecastOptions options, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(regimens);
        ArgumentNullException.ThrowIfNull(options);
        var history = fit.Problem.History;
        var prior = fit.Problem.Prior;
        var start = history.LastObservationDay;
        var end = start + 7.0 * options.Weeks;
        var days = Simulator.Grid(end, ForecastOptions.StepDays).Where(d => d >= start - 1e-9).ToArray();
        var draws = new LaplacePosterior(fit).Sample(options.Samples, options.Seed);
        var runs = regimens.Count * draws.Length;
        // [regimen][draw] → counts on the forecast days (null when the solve failed), and doses given in the window.
        var counts = new double[]?[regimens.Count][];
        var dosed = new double[regimens.Count][];
        for (var r = 0; r < regimens.Count; r++) { counts[r] = new double[]?[draws.Length]; dosed[r] = new double[draws.Length]; }
        var done = 0;
        Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads), CancellationToken = cancellation }, k =>
        {
            var r = k / draws.Length;
            var s = k % draws.Length;
            var scenario = WithActivity(ScenarioFor(history, prior, fit.Problem.ValuesAt(draws[s]), regimens[r], start, end), prior.Activity, start, end,
                DiseaseActivity.SeedOf(options.Seed, s));
            var result = Simulator.Run(scenario, cancellation: cancellation, relativeTolerance: options.RelativeTolerance);
            if (result.Succeeded)
            {
                counts[r][s] = days.Select(d => PatientScenario.At(result, d, Dosing.ObservationKind.Platelets) ?? double.NaN).ToArray();
                dosed[r][s] = WindowDose(scenario, result, start);
            }
            var n = Interlocked.Increment(ref done);
            if (n % Math.Max(1, runs / 20) == 0 || n == runs) progress?.Report((double)n / runs);
        });
        var forecasts = new RegimenForecast[regimens.Count];
        for (var r = 0; r < regimens.Count; r++)
        {
            var ok = counts[r].Where(c => c is not null && c.All(double.IsFinite)).Select(c => c!).ToArray();
            var bands = ForecastOptions.Percentiles.Select(p => days.Select((_, i) => Population.PopulationReducer.Percentile(ok.Select(c => c[i]).Order().ToArray(), p)).ToArray()).ToArray();
            var tir = ok.Length == 0 ? double.NaN : ok.Average(c => c.Skip(1).Count(v => v >= options.TargetLow && v <= options.TargetHigh) / (double)Math.Max(1, c.Length - 1));
            var risk = ok.Length == 0 ? double.NaN : ok.Count(c => c.Max() > options.RiskThreshold) / (double)ok.Length;
            var dose = ok.Length == 0 ? double.NaN : Enumerable.Range(0, draws.Length).Where(s => counts[r][s] is not null).Average(s => dosed[r][s]) / options.Weeks;
            var distance = ok.Length == 0 ? double.NaN : ok.Average(c => c.Skip(1).Average(v => Distance(v, options)));
            forecasts[r] = new RegimenForecast(regimens[r], bands, tir, risk, dose, draws.Length - ok.Length, distance) { Draws = ok };
        }
        var (best, reason) = Recommend(forecasts, options);
        // The fitted past (MAP values) for the plot, so the projections visibly continue it.
        var past = fit.Problem.Simulate(fit.Eta, cancellation: cancellation);
        return new ForecastResult(fit, options, start, days, forecasts, best, reason)
        {
            HistoryDays = past.Days.ToArray(),
            HistoryPlatelets = past.Outputs.Select(o => o.PlateletsCirculating).ToArray(),
        };
    }

    /// <summary>
    /// <paramref name="scenario"/> with the disease activity of one fluctuation path from <paramref name="start"/> on: the
    /// activity parameter is set to its nominal value × week k's multiplier at start + 7k (a parameter change, so the
    /// fitted past is untouched and the path is the same for every regimen of a draw). Unchanged without a fluctuation.
    /// </summary>
    public static Scenario WithActivity(Scenario scenario, DiseaseActivity? activity, double start, double end, long seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (activity is null || activity.Cv <= 0) return scenario;
        var range = Simulator.RangeOf(activity.Parameter) ?? throw new InvalidOperationException($"Unknown activity parameter '{activity.Parameter}'.");
        var nominal = scenario.ParameterOverrides.TryGetValue(activity.Parameter, out var o) ? o : Simulator.DeclaredValue(scenario, activity.Parameter) ?? 1;
        var multipliers = activity.Multipliers(Conditions.ActivityFluctuation.WeeksCovering(end - start), seed);
        var changes = multipliers.Select((m, k) => (ScenarioEvent)new ParameterChange(start + k * Conditions.ActivityFluctuation.StepDays, activity.Parameter,
            Math.Clamp(nominal * m, range.Minimum, range.Maximum)));
        return scenario with { Events = [.. scenario.Events, .. changes] };
    }

    /// <summary>Expected times in range closer than this (fraction of the window) count as equal.</summary>
    public const double TieMargin = 0.02;

    /// <summary>Expected log distances from the range closer than this (≈ 2% in count) count as equal.</summary>
    public const double DistanceMargin = 0.02;

    /// <summary>
    /// The regimen with the largest expected time in range among those within the risk limit. Regimens within
    /// <see cref="TieMargin"/> of the best count as equal: among them the one nearest the range (smallest
    /// <see cref="RegimenForecast.DistanceFromTarget"/>, within <see cref="DistanceMargin"/>) wins, then the least mean
    /// weekly dose, then the first asked. When none is within the limit, the one with the lowest risk.
    /// </summary>
    public static (int Index, string Reason) Recommend(IReadOnlyList<RegimenForecast> forecasts, ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        ArgumentNullException.ThrowIfNull(options);
        var usable = Enumerable.Range(0, forecasts.Count).Where(i => double.IsFinite(forecasts[i].TimeInTarget)).ToArray();
        if (usable.Length == 0) return (0, "no regimen could be simulated");
        var safe = usable.Where(i => forecasts[i].MeetsRisk(options.MaxRisk)).ToArray();
        if (safe.Length == 0)
        {
            var least = usable.OrderBy(i => forecasts[i].RiskAbove).ThenByDescending(i => forecasts[i].TimeInTarget).First();
            return (least, $"no regimen keeps P(count > {options.RiskThreshold:G}) ≤ {options.MaxRisk:G}; '{forecasts[least].Regimen.Name}' has the lowest risk");
        }
        // Regimens within TieMargin of the best time in range count as equal. Among them, the one nearest the range wins
        // (within DistanceMargin: this separates regimens that all miss the range), then the least drug, then the first asked.
        var top = safe.Max(i => forecasts[i].TimeInTarget);
        var tied = safe.Where(i => forecasts[i].TimeInTarget >= top - TieMargin).ToArray();
        var nearest = tied.Min(i => forecasts[i].DistanceFromTarget);
        var best = tied.Where(i => forecasts[i].DistanceFromTarget <= nearest + DistanceMargin)
            .OrderBy(i => double.IsFinite(forecasts[i].MeanWeeklyDose) ? forecasts[i].MeanWeeklyDose : double.MaxValue).ThenBy(i => i).First();
        return (best, $"largest expected time in {options.TargetLow:G}–{options.TargetHigh:G} among regimens with P(count > {options.RiskThreshold:G}) ≤ {options.MaxRisk:G} (near-ties: nearest the range, then the least drug)");
    }

    /// <summary>Log-scale distance of <paramref name="count"/> from the target range (0 inside).</summary>
    public static double Distance(double count, ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var c = Math.Max(count, 1e-3);
        return c < options.TargetLow ? Math.Log(options.TargetLow / c) : c > options.TargetHigh ? Math.Log(c / options.TargetHigh) : 0;
    }

    private static double WindowDose(Scenario scenario, SimulationResult result, double start)
    {
        var fixedDoses = scenario.Doses.Where(d => d.Day >= start - 1e-9).Sum(d => d.Amount * d.Count);
        var titrated = result.Titration?.Doses.Sum(d => d.Amount) ?? 0;
        return fixedDoses + titrated;
    }
}
