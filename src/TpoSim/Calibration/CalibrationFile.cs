using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TpoSim.Calibration;

/// <summary>Who produced a shipped parameter set, and from what.</summary>
/// <param name="Date">UTC date of the run (yyyy-MM-dd).</param>
/// <param name="Commit">Git commit of the sources the run was built from, or "unknown".</param>
public sealed record CalibrationProvenance(string Date, string Commit);

/// <summary>
/// The file <c>tposim calibrate --out</c> writes, validation/parameters.json when shipped: the estimates with
/// their standard errors, 95% intervals, identifiability flags and correlation matrix, every target's fit, and the
/// provenance (cases used, date, commit). <see cref="ShippedParameters"/> reads its <c>parameters</c> back as defaults.
/// </summary>
public static class CalibrationFile
{
    /// <summary>The command that regenerates the shipped set.</summary>
    public const string RegenerateCommand = "dotnet run -c Release --project src/TpoSim.Cli -- calibrate --out validation/parameters.json";

    /// <summary>The command that regenerates model v2's shipped set (validation/parameters-v2.json).</summary>
    public const string RegenerateCommandV2 = "dotnet run -c Release --project src/TpoSim.Cli -- calibrate --cases validation/cases-v2.json --setup validation/calibration-v2.json --out validation/parameters-v2.json";

    /// <summary>The regenerating command of <paramref name="setup"/>'s core.</summary>
    public static string RegenerateCommandOf(CalibrationSetup setup) => setup.Model.ReadsCatalogue ? RegenerateCommand : RegenerateCommandV2;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The file's JSON text.</summary>
    public static string Json(CalibrationResult result, CalibrationSetup setup, CalibrationProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(provenance);
        var parameters = new JsonArray();
        for (var i = 0; i < result.Estimates.Count; i++)
        {
            var e = result.Estimates[i];
            parameters.Add(new JsonObject
            {
                ["name"] = e.Definition.Name,
                ["value"] = e.Value,
                ["unit"] = e.Definition.Unit,
                ["standardError"] = Finite(e.StandardError),
                ["logStandardError"] = Finite(e.LogStandardError),
                ["interval95"] = new JsonArray(e.Low, e.High),
                ["identifiable"] = e.Identifiable,
                ["flag"] = e.Flag,
                ["literatureValue"] = e.Definition.Value,
                ["literatureSource"] = e.Definition.Source,
                ["why"] = setup.Parameters[i].Why,
            });
        }
        var names = new JsonArray(result.Estimates.Select(e => (JsonNode?)e.Definition.Name).ToArray());
        var rows = new JsonArray();
        for (var i = 0; i < result.Estimates.Count; i++)
            rows.Add(new JsonArray(Enumerable.Range(0, result.Estimates.Count).Select(k => (JsonNode?)Finite(Math.Round(result.Correlation[i, k], 6))).ToArray()));
        var fits = new JsonArray();
        foreach (var f in result.Fits)
        {
            fits.Add(new JsonObject
            {
                ["case"] = f.Target.CaseId,
                ["metric"] = f.Target.Check.Metric.Name,
                ["unit"] = f.Target.Check.Metric.Unit,
                ["centre"] = f.Target.Centre,
                ["sigma"] = f.Target.Sigma,
                ["literature"] = Finite(f.Literature),
                ["estimated"] = Finite(f.Estimated),
                ["residual"] = Finite(f.Residual),
            });
        }
        var root = new JsonObject
        {
            ["$comment"] = setup.Model.ReadsCatalogue
                ? "The parameter set TpoSim ships with, estimated by tposim calibrate (weighted least squares on the calibration cases of validation/cases.json; docs/validation.md). Generated; do not edit. Regenerate with: " + RegenerateCommand
                : "The parameter set model v2 ships with, estimated by tposim calibrate (weighted least squares on the calibration cases of validation/cases-v2.json; docs/validation-v2.md). Generated; do not edit. Regenerate with: " + RegenerateCommandV2,
            ["provenance"] = new JsonObject
            {
                ["command"] = RegenerateCommandOf(setup),
                ["date"] = provenance.Date,
                ["commit"] = provenance.Commit,
                ["cases"] = new JsonArray(result.Cases.Select(c => (JsonNode?)c).ToArray()),
                ["targets"] = result.Fits.Count,
                ["method"] = "Levenberg–Marquardt on ln(parameter) within the allowed ranges, from the literature values; σ of each target = tolerance width / 3.92; SE from the inverse Fisher information JᵀJ at the estimate",
                ["objectiveAtLiterature"] = Math.Round(result.ObjectiveLiterature, 6),
                ["objective"] = Math.Round(result.Objective, 6),
                ["evaluations"] = result.Evaluations,
                ["exit"] = result.Exit,
            },
            ["parameters"] = parameters,
            ["correlation"] = new JsonObject { ["names"] = names, ["matrix"] = rows },
            ["fits"] = fits,
        };
        return root.ToJsonString(Indented) + "\n";
    }

    /// <summary>Writes the file atomically (a temporary file in the same folder, then a move): no half-written file is left.</summary>
    public static void Write(string path, string json)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temp, json);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
