using TpoSim.Population;

namespace TpoSim.Tests.Population;

/// <summary>
/// Subject rows spilled to disk (issue 18, memory flat in N): every output of a run whose rows are on disk is the same
/// bytes as the run with its rows in memory, and no file is left behind.
/// </summary>
public class SubjectRowsTests
{
    /// <summary>Kuter 2008 (two arms, splenectomy strata, rescue) cut to 14 days of daily output.</summary>
    private static PopulationDefinition Kuter()
    {
        var d = RepoFiles.Population("itp-kuter2008.json");
        var t = d.BaseScenario.Titration!;
        return d with { BaseScenario = d.BaseScenario with { Days = 14, OutputStepDays = 1, Titration = t with { Days = 14 } } };
    }

    /// <summary>ADAPT-1/2 (screening on a mean of counts, baseline strata, endpoints defined by kind) cut to 11 days.</summary>
    private static PopulationDefinition Adapt()
    {
        var d = RepoFiles.Population("cld-adapt.json");
        return d with { BaseScenario = d.BaseScenario with { Days = 11, OutputStepDays = 0.5 } };
    }

    private static IEnumerable<string> Outputs(PopulationResult r)
    {
        yield return PopulationMetrics.Json(r);
        foreach (var arm in r.Arms ?? [new ArmResult(null!, r)])
        {
            yield return PopulationFiles.SubjectsCsv(arm.Result);
            yield return PopulationFiles.BandsCsv(arm.Result);
        }
    }

    [Theory]
    [InlineData("kuter", 0)]
    [InlineData("kuter", 7)]
    [InlineData("adapt", 0)]
    public void Rows_on_disk_give_the_bytes_of_rows_in_memory(string file, int rowsInMemory)
    {
        var def = file == "kuter" ? Kuter() : Adapt();
        // One subject's run throws, so a failed row (its diagnostic, no summary) goes through the file too.
        PopulationOptions Options(int rows) => new(30, 5, 2)
        {
            RowsInMemory = rows,
            ScenarioHook = (d, s) => d.Index == 3 ? throw new InvalidOperationException("injected fault, µ") : s,
            Cancellation = TestContext.Current.CancellationToken,
        };
        var memory = PopulationRunner.Run(def, Options(SubjectRows.DefaultInMemoryLimit));
        var disk = PopulationRunner.Run(def, Options(rowsInMemory));
        Assert.Equal(29, memory.Succeeded);
        Assert.Equal(Outputs(memory), Outputs(disk));
        Assert.Contains(disk.Subjects, s => s.Diagnostic.Contains("injected fault, µ", StringComparison.Ordinal));
    }

    [Fact]
    public void Shards_with_rows_on_disk_combine_to_the_one_machine_run()
    {
        var def = Kuter();
        var options = new PopulationOptions(24, 8, 2) { RowsInMemory = 0, Cancellation = TestContext.Current.CancellationToken };
        var whole = PopulationRunner.Run(def, options with { RowsInMemory = SubjectRows.DefaultInMemoryLimit });
        var parts = new[] { new TpoSim.Sensitivity.RunRange(0, 10), new TpoSim.Sensitivity.RunRange(10, 24) }
            .Select(r => PopulationRunner.RunSlots(def, options, r)).ToArray();
        Assert.Equal(Outputs(whole), Outputs(PopulationRunner.Combine(parts)));
    }

    [Fact]
    public void The_indexer_reads_the_row_the_enumeration_reads()
    {
        var result = PopulationRunner.Run(Kuter(), new PopulationOptions(150, 2, 2) { RowsInMemory = 0, Cancellation = TestContext.Current.CancellationToken });
        var rows = result.Subjects;
        Assert.True(((SubjectRows)rows).Spilled);
        var listed = rows.ToArray();
        Assert.Equal(150, rows.Count);
        foreach (var i in new[] { 0, 1, 63, 64, 65, 127, 128, 149 })
        {
            Assert.Equal(i, rows[i].Subject);
            Assert.Equal(listed[i].Draw.Parameters, rows[i].Draw.Parameters);
            Assert.Equal(listed[i].Summary!.BaselinePlatelets, rows[i].Summary!.BaselinePlatelets);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => rows[150]);
    }

    [Fact]
    public void A_spilled_store_leaves_no_file_behind()
    {
        var before = Directory.GetFiles(Path.GetTempPath(), "tposim-rows-*").Length;
        using var rows = new SubjectRows(0);
        var def = Kuter();
        var one = PopulationRunner.Run(def, new PopulationOptions(2, 1, 1) { Cancellation = TestContext.Current.CancellationToken }).Subjects[0];
        for (var i = 0; i < 200; i++) rows.Add(one with { Subject = i });
        Assert.True(rows.Spilled);
        Assert.Equal(Enumerable.Range(0, 200), rows.Select(r => r.Subject));
        // The file is unlinked as soon as it is opened (Windows deletes it on close).
        if (!OperatingSystem.IsWindows()) Assert.Equal(before, Directory.GetFiles(Path.GetTempPath(), "tposim-rows-*").Length);
    }
}
