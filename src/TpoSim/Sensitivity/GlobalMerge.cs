namespace TpoSim.Sensitivity;

/// <summary>
/// Combines the shard folders of one global analysis: their manifests must describe the same analysis and their run
/// ranges must tile the design exactly; the result is what one machine would have computed.
/// </summary>
public static class GlobalMerge
{
    /// <summary>Reads and combines <paramref name="manifests"/> (each with its folder); the first problem as a one-line message.</summary>
    public static (GlobalSensitivityResult? Result, string? Error) Merge(IReadOnlyList<(string Directory, GlobalManifest Manifest)> manifests)
    {
        if (manifests.Count == 0) return (null, "no folder to merge");
        var first = manifests[0].Manifest;
        var reference = first with { ShardIndex = 0, ShardCount = 0, Range = default };
        var config = first.Config;
        var outputs = new double[config.Runs][];
        foreach (var (dir, m) in manifests)
        {
            if ((m with { ShardIndex = 0, ShardCount = 0, Range = default }).Json() != reference.Json())
                return (null, $"{Path.Combine(dir, GlobalManifest.FileName)}: describes a different analysis than {Path.Combine(manifests[0].Directory, GlobalManifest.FileName)} (method, samples, seed, parameters or endpoints differ)");
            var file = Path.Combine(dir, GlobalManifest.EvaluationsFileName);
            if (!Input.InputFile.TryReadText(file, out var csv, out var problem)) return (null, $"{file}: cannot read: {problem}");
            var (rows, error) = GlobalManifest.ParseEvaluations(csv, file, m.Range, config.Outputs.Count);
            if (error is not null) return (null, error);
            for (var r = 0; r < m.Range.Count; r++)
            {
                if (outputs[m.Range.From + r] is not null) return (null, $"{file}: run {m.Range.From + r} is also in another folder");
                outputs[m.Range.From + r] = rows![r];
            }
        }
        var missing = Array.FindIndex(outputs, o => o is null);
        if (missing >= 0)
        {
            var end = missing;
            while (end < outputs.Length && outputs[end] is null) end++;
            return (null, $"runs {missing}–{end - 1} of {config.Runs} are in none of the folders (a shard is missing)");
        }
        return (GlobalAnalysis.Estimate(config, outputs), null);
    }
}
