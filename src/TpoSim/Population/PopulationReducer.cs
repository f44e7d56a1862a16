namespace TpoSim.Population;

/// <summary>
/// Takes subject outcomes in enrolment order and keeps what the outputs need: a summary row per subject (in
/// <see cref="SubjectRows"/>, which spills to disk past its in-memory limit) and, for the percentile bands, streaming
/// log-histograms of platelets and TPO per grid point (every subject's series is dropped once binned), so memory does not
/// grow with the number of subjects. Screen failures are counted by reason.
/// </summary>
public sealed class PopulationReducer
{
    private readonly PopulationDefinition _definition;
    private readonly IReadOnlyList<double> _typical;
    private readonly double[] _grid;
    private readonly LogHistogramQuantiles _platelets;
    private readonly LogHistogramQuantiles _tpo;
    private readonly SubjectRows _subjects;
    private readonly SortedDictionary<string, int> _screenFailures = new(StringComparer.Ordinal);
    private readonly DefinedEndpoint[] _defined;

    /// <summary>Prepares the histograms for <paramref name="grid"/>; up to <paramref name="rowsInMemory"/> subject rows stay in memory.</summary>
    public PopulationReducer(PopulationDefinition definition, IReadOnlyList<double> typical, double[] grid, int rowsInMemory = SubjectRows.DefaultInMemoryLimit)
    {
        _subjects = new SubjectRows(rowsInMemory);
        _definition = definition;
        _typical = typical;
        _grid = grid;
        _platelets = new LogHistogramQuantiles(grid.Length);
        _tpo = new LogHistogramQuantiles(grid.Length);
        _defined = DefinedEndpoints(definition);
    }

    /// <summary>The endpoints <paramref name="definition"/> defines by kind, in the order of its endpoints (<see cref="SubjectOutcome.EndpointHits"/>).</summary>
    public static DefinedEndpoint[] DefinedEndpoints(PopulationDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Endpoints?.Where(e => e.Defined is not null).Select(e => e.Defined!).ToArray() ?? [];
    }

    /// <summary>Adds the next enrolled subject (order is the caller's duty). Trajectories are binned, not kept.</summary>
    public void Add(SubjectOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status == SubjectStatus.Ok && outcome.Platelets is { } p && outcome.Tpo is { } t)
        {
            _platelets.Add(p);
            _tpo.Add(t);
        }
        // Endpoints defined by kind read the whole series, so they are judged here, before it is dropped.
        bool[]? hits = null;
        if (_defined.Length > 0 && outcome.Status == SubjectStatus.Ok && outcome.Platelets is { } series && outcome.Summary is { } summary)
        {
            var s = _definition.Measurement is { } m ? MeasuredSeries(m, outcome, series, summary) : new SubjectSeries(_grid, series, summary.BaselinePlatelets);
            hits = _defined.Select(d => d.Meets(s)).ToArray();
        }
        _subjects.Add(outcome with { Platelets = null, Tpo = null, LastDayPlatelets = outcome.Platelets is { Length: > 0 } kept ? kept[^1] : double.NaN, EndpointHits = hits });
    }

    /// <summary>
    /// What a trial with measured counts reads: the measured counts at its visits, against the baseline the screen measured
    /// (its mean, or the measured day-0 count when nothing was screened). The subject's seed keys every error, so the day-0
    /// count here is the one the screen read.
    /// </summary>
    private SubjectSeries MeasuredSeries(CountMeasurement m, SubjectOutcome outcome, double[] series, SubjectSummary summary)
    {
        var seed = SeedOf(outcome.Draw, _definition);
        var baseline = double.IsFinite(outcome.ScreeningMeanPlatelets) ? outcome.ScreeningMeanPlatelets : m.Measure(summary.BaselinePlatelets, seed, 0);
        return m.Series(_grid, series, seed, baseline);
    }

    /// <summary>The seed that keys a subject's measurement errors: its own model seed (drawn from its stream), else the scenario's.</summary>
    public static long SeedOf(SubjectDraw draw, PopulationDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(draw);
        ArgumentNullException.ThrowIfNull(definition);
        return draw.ModelSeed ?? definition.BaseScenario.Seed;
    }

    /// <summary>Counts a candidate who failed screening, by <paramref name="reason"/>.</summary>
    public void AddScreenFailure(string reason) => AddScreenFailures(reason, 1);

    /// <summary>Counts <paramref name="count"/> candidates who failed screening for <paramref name="reason"/>.</summary>
    public void AddScreenFailures(string reason, int count) => _screenFailures[reason] = _screenFailures.GetValueOrDefault(reason) + count;

    /// <summary>The population (or arm) reduced.</summary>
    public PopulationDefinition Definition => _definition;

    /// <summary>Typical value of each varying parameter.</summary>
    public IReadOnlyList<double> Typical => _typical;

    /// <summary>The output grid (days).</summary>
    public double[] Grid => _grid;

    /// <summary>The subjects added so far, in order, their series dropped (what a shard writes).</summary>
    public IReadOnlyList<SubjectOutcome> Subjects => _subjects;

    /// <summary>Subject rows kept in memory before the rest go to disk.</summary>
    public int RowsInMemory => _subjects.InMemoryLimit;

    /// <summary>Screen failures counted so far, by reason (ordinal order).</summary>
    public IReadOnlyDictionary<string, int> ScreenFailures => _screenFailures;

    /// <summary>The platelet histograms (one per grid point).</summary>
    public LogHistogramQuantiles PlateletHistogram => _platelets;

    /// <summary>The free TPO histograms (one per grid point).</summary>
    public LogHistogramQuantiles TpoHistogram => _tpo;

    /// <summary>
    /// A reducer holding what a shard wrote: its histograms, its subjects (already reduced: no series, endpoint hits and
    /// last-day platelets kept) and its screen failures; <see cref="Absorb"/> then joins it to the others in slot order.
    /// </summary>
    public static PopulationReducer Restore(PopulationDefinition definition, IReadOnlyList<double> typical, double[] grid,
        LogHistogramQuantiles platelets, LogHistogramQuantiles tpo, IEnumerable<SubjectOutcome> subjects, IReadOnlyDictionary<string, int> screenFailures)
    {
        ArgumentNullException.ThrowIfNull(platelets);
        ArgumentNullException.ThrowIfNull(tpo);
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(screenFailures);
        var r = new PopulationReducer(definition, typical, grid);
        r._platelets.Merge(platelets);
        r._tpo.Merge(tpo);
        foreach (var s in subjects) r._subjects.Add(s);
        foreach (var (reason, count) in screenFailures) r.AddScreenFailures(reason, count);
        return r;
    }

    /// <summary>
    /// Appends the contents of <paramref name="later"/> (the reducer of the slots that follow this one's): its histogram
    /// counters are added, its subjects appended and renumbered after this one's, its screen failures added. Counters are
    /// integers and the subjects keep their order, so reducing slots in pieces and absorbing them in order gives exactly
    /// what one reducer over all the slots gives.
    /// </summary>
    public void Absorb(PopulationReducer later)
    {
        ArgumentNullException.ThrowIfNull(later);
        _platelets.Merge(later._platelets);
        _tpo.Merge(later._tpo);
        var offset = _subjects.Count;
        foreach (var s in later._subjects) _subjects.Add(s with { Subject = offset + s.Subject });
        foreach (var (reason, count) in later._screenFailures) AddScreenFailures(reason, count);
    }

    /// <summary>The percentile bands, subject rows and population summary.</summary>
    /// <param name="screened">Candidates screened (enrolled plus screen failures).</param>
    /// <param name="requested">Subjects asked for.</param>
    public PopulationResult Finish(int screened, int requested)
    {
        var platelets = Bands(_platelets);
        var tpo = Bands(_tpo);
        return new PopulationResult(_definition, _typical, _grid, platelets, tpo, _subjects)
        {
            Screened = screened,
            Requested = requested,
            ScreenFailures = new Dictionary<string, int>(_screenFailures),
        };
    }

    private double[][] Bands(LogHistogramQuantiles histogram)
    {
        var n = PopulationResult.Percentiles.Count;
        var bands = new double[n][];
        for (var q = 0; q < n; q++) bands[q] = new double[_grid.Length];
        Span<double> row = stackalloc double[n];
        for (var i = 0; i < _grid.Length; i++)
        {
            histogram.Quantiles(i, PopulationResult.Percentiles, row);
            for (var q = 0; q < n; q++) bands[q][i] = row[q];
        }
        return bands;
    }

    /// <summary>Percentile <paramref name="p"/> (0–100) of sorted values, linear between order statistics (Hyndman–Fan type 7); NaN when empty.</summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var h = (sorted.Length - 1) * p / 100;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        // Equal neighbours (also two infinities, e.g. "never" times) need no interpolation.
        if (h == lo || sorted[hi] == sorted[lo]) return sorted[lo];
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
