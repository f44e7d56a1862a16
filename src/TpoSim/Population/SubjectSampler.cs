using TpoSim.Conditions;
using TpoSim.Parameters;
using TpoSim.Physiology;
using TpoSim.Policies;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Population;

/// <summary>The covariates and parameters drawn for one subject.</summary>
/// <param name="Index">Subject slot (0-based): with <see cref="Attempt"/>, the candidate's random stream.</param>
/// <param name="Patient">Sex, weight, ancestry and Child–Pugh score (age group from the base scenario).</param>
/// <param name="Parameters">Sampled values in the order of <see cref="PopulationDefinition.Variability"/>.</param>
/// <param name="Draws">How many η vectors were drawn (1 unless resampled).</param>
/// <param name="InRange">False when resampling gave up (the subject is reported as "out-of-range" and not simulated).</param>
public sealed record SubjectDraw(int Index, Patient Patient, IReadOnlyList<double> Parameters, int Draws, bool InRange)
{
    /// <summary>Screening attempt of the slot (0-based; always 0 without inclusion criteria).</summary>
    public int Attempt { get; init; }

    /// <summary>Child-Pugh class A/B/C, or null when the population does not draw it.</summary>
    public string? ChildPugh { get; init; }

    /// <summary>True when the subject has had a splenectomy (null: the base scenario's spleen).</summary>
    public bool? Splenectomised { get; init; }

    /// <summary>
    /// The subject's own seed for the model's random features (its ITP activity fluctuation), drawn from its stream after
    /// its parameters; null keeps the base scenario's seed.
    /// </summary>
    public int? ModelSeed { get; init; }

    /// <summary>The base scenario with this subject's covariates only (no sampled parameters): the subject's typical values.</summary>
    public Scenario CovariateScenario(PopulationDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var s = definition.BaseScenario;
        var conditions = s.Conditions.ToList();
        var overrides = new Dictionary<string, double>(s.ParameterOverrides, StringComparer.Ordinal);
        if (ChildPugh is { } grade)
        {
            for (var i = 0; i < conditions.Count; i++)
            {
                if (conditions[i].Name == ConditionCatalog.ChronicLiverDisease.Name)
                    conditions[i] = conditions[i] with { Severity = ConditionCatalog.ChildPughSeverity(grade) };
            }
            if (s.Model == Physiology.CoreModel.V2.Name)
            {
                // Model v2: the class sets both liver-disease axes from published data (ChildPughAxesV2), not the severity line.
                var axes = ChildPughAxesV2.For(grade);
                overrides["hepatocyteFunction"] = axes.HepatocyteFunction;
                overrides["portalHypertension"] = axes.PortalHypertension;
            }
        }
        if (Splenectomised is { } spleenOut)
        {
            var itp = conditions.FindIndex(c => c.Name == ConditionCatalog.Itp.Name);
            if (itp >= 0)
            {
                // ITP's own option: no splenic pool and 47.5% less antibody-mediated removal (Pérez-Ruixo 2016).
                var options = new Dictionary<string, double>(conditions[itp].Options, StringComparer.Ordinal) { ["splenectomised"] = spleenOut ? 1 : 0 };
                conditions[itp] = conditions[itp] with { Options = options };
            }
            else if (spleenOut)
            {
                overrides[ParameterCatalog.Get(ParameterId.SplenicFraction).Name] = 0;
                overrides[ParameterCatalog.Get(ParameterId.SpleenPresent).Name] = 0;
            }
        }
        if (Splenectomised == true && definition.SplenectomisedPhenotype is { } phenotype)
        {
            // The refractory stratum's own disease: its typical values shifted on top of the spleen's removal.
            phenotype.Apply(s with { Conditions = conditions, ParameterOverrides = overrides }, overrides, s, ChildPugh);
        }
        var titration = s.Titration;
        if (titration is not null)
        {
            // Each candidate's assay noise gets its own stream (the scenario's seed shifted by the slot and the attempt; attempt 0
            // keeps the shift by the slot alone that populations without screening have always used).
            titration = titration with { Seed = unchecked(titration.Seed + 7919 * (Index + 1) + 104729 * Attempt) };
            // With measured counts the rule reads the trial's measurement of the day (the screen's on day 0), not noise of its own.
            if (definition.Measurement is { } measured)
                titration = titration with { Measurement = measured, MeasurementSeed = ModelSeed ?? s.Seed };
            if (titration.Policy == TitrationCatalog.EltrombopagItp && titration.StartDose is null)
                titration = titration with { EastAsian = titration.EastAsian || Patient.EastAsian, HepaticImpairment = titration.HepaticImpairment || ChildPugh is not null };
        }
        return s with { Patient = Patient, Conditions = conditions, ParameterOverrides = overrides, Titration = titration, Seed = ModelSeed ?? s.Seed };
    }

    /// <summary>The subject's scenario: covariates, then the sampled parameter values as overrides.</summary>
    public Scenario ScenarioFor(PopulationDefinition definition)
    {
        var scenario = CovariateScenario(definition);
        var overrides = new Dictionary<string, double>(scenario.ParameterOverrides, StringComparer.Ordinal);
        // The chemotherapy kill rate is a property of the scenario's events, not a model parameter.
        for (var i = 0; i < definition.Variability.Count; i++)
            if (definition.Variability[i].Parameter == ChemotherapyKillRate.Name) scenario = ChemotherapyKillRate.Apply(scenario, Parameters[i]);
            else overrides[definition.Variability[i].Parameter] = Parameters[i];
        return scenario with { ParameterOverrides = overrides };
    }
}

/// <summary>
/// Draws subjects of a population from per-subject random streams, in a fixed order: sex, weight, East Asian
/// ancestry, Child-Pugh class, splenectomy (each only when the population gives it), then η, then the non-responders. A parameter's typical
/// value is the subject's own (after its covariates), so η scatters around the subject's covariate-adjusted value.
/// </summary>
public sealed class SubjectSampler
{
    private readonly PopulationDefinition _definition;
    private readonly CorrelatedNormal _eta;
    private readonly double[] _typical;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string? Grade, bool? Splenectomised), double[]> _typicalByStratum = new();
    private readonly (double Minimum, double Maximum)[] _ranges;
    private readonly long _seed;

    /// <summary>Prepares the sampler (reported typical values are the base scenario's resolved parameters).</summary>
    public SubjectSampler(PopulationDefinition definition, long seed)
    {
        _definition = definition;
        _seed = seed;
        _eta = new CorrelatedNormal(definition.Variability.Select(v => v.Omega).ToArray(), definition.Correlation);
        _ranges = definition.Variability.Select(v => RangeOf(v.Parameter, definition.BaseScenario) is { } r ? (r.Minimum, r.Maximum) : throw new ArgumentException($"Unknown parameter '{v.Parameter}'.")).ToArray();
        _typical = TypicalValues(definition.BaseScenario);
    }

    /// <summary>The allowed range of a varying name: a model or drug parameter's, or <see cref="ChemotherapyKillRate.Range"/>.</summary>
    public static (double Minimum, double Maximum, string Unit)? RangeOf(string name, Scenario? scenario) =>
        name == ChemotherapyKillRate.Name ? ChemotherapyKillRate.Range : Simulator.RangeOf(name, scenario?.Core);

    /// <summary>The typical (median) value of each varying parameter in the base scenario.</summary>
    public IReadOnlyList<double> Typical => _typical;

    /// <summary>Draws candidate <paramref name="index"/>; the same (seed, index) always gives the same subject.</summary>
    public SubjectDraw Draw(int index) => DrawAttempt(index, 0);

    /// <summary>
    /// Draws screening attempt <paramref name="attempt"/> of subject slot <paramref name="index"/>; the same (seed, index,
    /// attempt) always gives the same candidate, and attempt 0 is <see cref="Draw(int)"/> (a name of its own, so that
    /// <c>Select(sampler.Draw)</c> stays unambiguous).
    /// </summary>
    public SubjectDraw DrawAttempt(int index, int attempt)
    {
        var random = new SubjectRandom(_seed, index, attempt);
        var d = _definition;
        var basePatient = d.BaseScenario.Patient;
        var sex = d.MaleFraction is { } male ? (random.NextDouble() < male ? Sex.Male : Sex.Female) : basePatient.Sex;
        var weight = d.Weight is { } w ? DrawWeight(w, random) : basePatient.BodyWeightKg;
        var eastAsian = d.EastAsianFraction is { } ea ? random.NextDouble() < ea : basePatient.EastAsian;
        var grade = d.ChildPugh is { } mix ? mix.ClassOf(random.NextDouble()) : null;
        bool? splenectomised = d.SplenectomisedFraction is { } sf ? random.NextDouble() < sf : null;
        var patient = basePatient with
        {
            Sex = sex,
            BodyWeightKg = weight,
            EastAsian = eastAsian,
            ChildPughScore = grade is null ? basePatient.ChildPughScore : ChildPughMix.ScoreOf(grade),
        };
        var covariates = new SubjectDraw(index, patient, [], 0, true) { Attempt = attempt, ChildPugh = grade, Splenectomised = splenectomised };
        var typical = _typical;
        if (grade is not null || splenectomised is not null)
        {
            // The typical values depend on the covariates only through the class and the stratum: computed once per pair
            // (each is a day-0 parameter set per varying parameter, ≈ 10 KB a candidate before).
            typical = _typicalByStratum.GetOrAdd((grade, splenectomised), _ => TypicalValues(covariates.CovariateScenario(d)));
        }
        var values = new double[typical.Length];
        for (var draw = 1; draw <= PopulationDefinition.MaxResamples; draw++)
        {
            var eta = _eta.Sample(random);
            var inRange = true;
            for (var i = 0; i < values.Length; i++)
            {
                var v = typical[i] * Math.Exp(eta[i]);
                if (d.OutOfRange == OutOfRangePolicy.Clamp) v = Math.Clamp(v, _ranges[i].Minimum, _ranges[i].Maximum);
                else if (!(double.IsFinite(v) && v >= _ranges[i].Minimum && v <= _ranges[i].Maximum)) inRange = false;
                values[i] = v;
            }
            if (inRange)
            {
                NonResponders(values, random);
                return covariates with { Parameters = values, Draws = draw, ModelSeed = NextSeed(random) };
            }
        }
        return covariates with { Parameters = values, Draws = PopulationDefinition.MaxResamples, InRange = false, ModelSeed = NextSeed(random) };
    }

    /// <summary>Each varying parameter's day-0 value in <paramref name="scenario"/> (catalogue or a dosed drug's PK/PD parameter).</summary>
    private double[] TypicalValues(Scenario scenario) =>
        _definition.Variability.Select(v => (v.Parameter == ChemotherapyKillRate.Name ? ChemotherapyKillRate.TypicalValue(scenario) : Simulator.DeclaredValue(scenario, v.Parameter))
            ?? throw new ArgumentException($"'{v.Parameter}' is a parameter of a drug the population does not dose.")).ToArray();

    /// <summary>
    /// One uniform per parameter with a non-responder fraction, in the order of the variability list, after η (so the η of
    /// a file without one do not move): below the fraction the value is 0. The parser admits a fraction only on a
    /// parameter whose range holds 0, so the zero needs no range check.
    /// </summary>
    private void NonResponders(double[] values, SubjectRandom random)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var p = _definition.Variability[i].NonResponderFraction;
            if (p > 0 && random.NextDouble() < p) values[i] = 0;
        }
    }

    /// <summary>A scenario seed (31 bits) from the subject's stream, drawn last so that the earlier draws do not move.</summary>
    private static int NextSeed(SubjectRandom random) => (int)(random.NextUInt64() >> 33);

    private static double DrawWeight(WeightDistribution w, SubjectRandom random)
    {
        for (var k = 0; k < PopulationDefinition.MaxResamples; k++)
        {
            var z = random.NextNormal();
            var v = w.Kind == WeightDistributionKind.Normal
                ? w.Center + w.Spread * z
                : w.Center * Math.Exp(Math.Sqrt(Math.Log(1 + w.Spread * w.Spread)) * z);
            if (v >= w.Minimum && v <= w.Maximum) return v;
        }
        return Math.Clamp(w.Center, w.Minimum, w.Maximum);
    }
}
