using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TpoSim.Diagnosis;
using TpoSim.Output.Charts;

namespace TpoSim.Cli.Commands;

/// <summary>
/// <c>tposim interpret --platelets P --tpo T [--tpo-unit pg/mL|pM] [--assay-normal X] [--out DIR]</c> and
/// <c>tposim interpret --batch pairs.csv --out readings.csv</c>: reads the mechanism behind a (platelets, TPO) pair by
/// inverting the model at steady state. Research and teaching tool, not a diagnosis.
/// </summary>
public static class InterpretCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var platelets = new Option<string?>("--platelets") { Description = $"Platelet count, ×10^9/L ({PairMeasurement.MinPlatelets}–{PairMeasurement.MaxPlatelets})." };
        var tpo = new Option<string?>("--tpo") { Description = $"Serum TPO in --tpo-unit ({PairMeasurement.MinTpoPicogramsPerMl}–{PairMeasurement.MaxTpoPicogramsPerMl} pg/mL)." };
        var unit = new Option<string?>("--tpo-unit") { Description = "Unit of --tpo and --assay-normal: pg/mL (default) or pM." };
        var assayNormal = new Option<string?>("--assay-normal") { Description = $"The assay's healthy mean TPO (same unit): rescales TPO to the model's 84 pg/mL and uses a smaller TPO error ({PairMeasurement.MinAssayNormalPicogramsPerMl}–{PairMeasurement.MaxAssayNormalPicogramsPerMl} pg/mL)." };
        var batch = new Option<string?>("--batch") { Description = "CSV of pairs (id,platelets,tpo[,unit]); writes the readings CSV given by --out." };
        var outPath = new Option<string?>("--out") { Description = "Single pair: directory for plane.svg. Batch: the readings CSV file. An existing one is refused unless --force; files appear only when complete." };
        var force = OutputOptions.Force();
        var command = new Command("interpret",
            "Read the mechanism behind a (platelets, TPO) pair by inverting the model at steady state: plausibility of each reading " +
            "(destruction, marrow failure, low hepatic synthesis, short survival, autonomous or reactive thrombocytosis, hereditary TPO excess) " +
            "with its best severity and implied MK mass, platelet lifespan and hepatic synthesis. Research and teaching tool, not a diagnosis.")
        {
            platelets, tpo, unit, assayNormal, batch, outPath, force,
        };
        command.SetAction(parse => Run(console, parse.GetValue(platelets), parse.GetValue(tpo), parse.GetValue(unit), parse.GetValue(assayNormal),
            parse.GetValue(batch), parse.GetValue(outPath), parse.GetValue(force)));
        return command;
    }

    private static int Run(CliConsole console, string? plateletsText, string? tpoText, string? unitText, string? assayText, string? batch, string? outPath, bool force)
    {
        var problems = new List<string>();
        TpoUnit unit = TpoUnit.PicogramsPerMl;
        if (unitText is not null)
        {
            if (PairMeasurement.ParseUnit(unitText) is { } u) unit = u;
            else problems.Add($"--tpo-unit: '{unitText}' is not a unit; allowed: {PairMeasurement.UnitNames}");
        }
        var assay = Number("--assay-normal", assayText, $"{PairMeasurement.MinAssayNormalPicogramsPerMl}–{PairMeasurement.MaxAssayNormalPicogramsPerMl} pg/mL", problems);
        if (batch is not null)
        {
            if (assay is not null)
                problems.AddRange(new PairMeasurement(PairMeasurement.MinPlatelets, PairMeasurement.MinTpoPicogramsPerMl, unit, assay).Problems().Select(b => $"{OptionFor(b.Field)}: {b.Message}"));
            if (plateletsText is not null || tpoText is not null) problems.Add("--batch: give either --batch or --platelets/--tpo, not both");
            if (outPath is null) problems.Add("--out: --batch needs --out FILE for the readings CSV");
            return problems.Count > 0 ? Fail(console, problems) : RunBatch(console, batch, outPath!, force, unit, assay);
        }
        if (plateletsText is null) problems.Add($"--platelets: required; allowed {PairMeasurement.MinPlatelets}–{PairMeasurement.MaxPlatelets} ×10^9/L (or give --batch FILE)");
        if (tpoText is null) problems.Add($"--tpo: required; allowed {PairMeasurement.MinTpoPicogramsPerMl}–{PairMeasurement.MaxTpoPicogramsPerMl} pg/mL (or give --batch FILE)");
        var p = Number("--platelets", plateletsText, $"{PairMeasurement.MinPlatelets}–{PairMeasurement.MaxPlatelets} ×10^9/L", problems);
        var t = Number("--tpo", tpoText, $"{PairMeasurement.MinTpoPicogramsPerMl}–{PairMeasurement.MaxTpoPicogramsPerMl} pg/mL", problems);
        // Range checks for every value that parsed, so all problems are reported at once.
        var measurement = new PairMeasurement(p ?? PairMeasurement.MinPlatelets, t ?? PairMeasurement.MinTpoPicogramsPerMl, unit, assay);
        problems.AddRange(measurement.Problems().Select(b => $"{OptionFor(b.Field)}: {b.Message}"));
        if (problems.Count > 0) return Fail(console, problems);

        using var folder = outPath is null ? null : Output.Files.OutputFolder.Begin(outPath, force);
        var result = Interpreter.Interpret(measurement);
        Print(console, result);
        if (folder is not null)
        {
            SvgChartRenderer.Save(InterpretationPlane.Chart(result), folder.File("plane.svg"));
            folder.Commit(console.Cancellation);
            console.Out.WriteLine($"Wrote {Path.Combine(folder.Target, "plane.svg")}");
        }
        return ExitCodes.Ok;
    }

    private static int RunBatch(CliConsole console, string batch, string outFile, bool force, TpoUnit unit, double? assay)
    {
        if (!TpoSim.Input.InputFile.TryReadText(batch, out var text, out var problem))
        {
            return Fail(console, [$"--batch: cannot read '{batch}': {problem}"]);
        }
        var rows = CliInputFiles.Value(PairCsv.Read(text, unit, assay), batch);
        Output.Files.OutputFolder.CheckTarget(outFile, force, isFile: true);
        var results = rows.Select(r => (r.Id, Interpreter.Interpret(r.Measurement))).ToList();
        Output.Files.OutputFolder.WriteFile(outFile, PairCsv.Write(results), force, console.Cancellation);
        console.Out.WriteLine($"Interpreted {results.Count} pairs; wrote {Path.GetFullPath(outFile)}");
        console.Out.WriteLine(Interpreter.Disclaimer);
        return ExitCodes.Ok;
    }

    private static void Print(CliConsole console, Interpretation result)
    {
        var m = result.Measurement;
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(
            $"Readings for platelets {F(m.Platelets)} ×10^9/L, TPO {F(m.Tpo)} {PairMeasurement.UnitName(m.Unit)}" +
            (m.AssayNormal is { } n ? $" (assay normal {F(n)} → {F(result.ModelTpoPicogramsPerMl)} pg/mL on the model's scale)" : "")));
        table.AddColumn("reading");
        table.AddColumn(new TableColumn("plausibility").RightAligned());
        table.AddColumn("best preset");
        table.AddColumn(new TableColumn("severity").RightAligned());
        table.AddColumn(new TableColumn("MK mass (rel.)").RightAligned());
        table.AddColumn(new TableColumn("lifespan (d)").RightAligned());
        table.AddColumn(new TableColumn("hepatic TPO (rel.)").RightAligned());
        table.AddColumn(new TableColumn("distance").RightAligned());
        foreach (var r in result.Readings)
        {
            var b = r.BestFit.Best;
            table.AddRow(Markup.Escape(r.Info.ShortTitle), Interpretation.Percent(r.Plausibility), r.BestFit.Curve.Condition,
                b.Severity.ToString("0.00", CultureInfo.InvariantCulture), b.MegakaryocyteMass.ToString("0.00", CultureInfo.InvariantCulture),
                b.LifespanDays.ToString("0.0", CultureInfo.InvariantCulture), b.HepaticSynthesis.ToString("0.00", CultureInfo.InvariantCulture),
                r.BestFit.DistanceSigma.ToString("0.0", CultureInfo.InvariantCulture) + "σ");
        }
        console.Ansi.Write(table);
        var u = result.Uncertainty;
        console.Out.WriteLine($"Top reading: {result.Top.Info.Title} ({Interpretation.Percent(result.Top.Plausibility)}).");
        if (result.Top.Info.DistinguishingTest is { } test) console.Out.WriteLine($"What would confirm it: {test}.");
        if (result.ThrombocytosisNote is { } note) console.Out.WriteLine(note);
        console.Out.WriteLine($"Errors: log-normal, σ(platelets) = {u.SigmaPlatelets.ToString("0.00", CultureInfo.InvariantCulture)}, σ(TPO) = {u.SigmaTpo.ToString("0.00", CultureInfo.InvariantCulture)}" +
                              (m.AssayNormal is null ? " (assay not calibrated: give --assay-normal for a smaller TPO error)." : " (calibrated by --assay-normal)."));
        console.Out.WriteLine(Interpreter.Disclaimer);
    }

    private static double? Number(string option, string? text, string range, List<string> problems)
    {
        if (text is null) return null;
        if (TpoSim.Input.InputNumber.TryParse(text, out var v)) return v;
        problems.Add($"{option}: '{text}' is not a number; allowed {range}");
        return null;
    }

    private static string OptionFor(string field) => field switch
    {
        "platelets" => "--platelets",
        "tpo" => "--tpo",
        "assayNormal" => "--assay-normal",
        _ => "--tpo-unit",
    };

    private static int Fail(CliConsole console, IReadOnlyList<string> problems)
    {
        foreach (var p in problems) console.Error.WriteLine($"tposim interpret: {p}");
        return ExitCodes.BadInput;
    }

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
