using System.Text.Json;
using TpoSim.Fitting;
using TpoSim.Physiology;

namespace TpoSim.Tests.Fitting;

/// <summary>
/// The example patient files match their .truth.json: the header (drug, weight, sex), one weekly count per week, doses,
/// and they read back as valid histories. The data were generated once by <see cref="SyntheticPatient"/> from the true
/// values; they are data, so a later model change does not make them wrong. Set TPOSIM_WRITE_EXAMPLES=1 to regenerate
/// them with the current model.
/// </summary>
public class ExamplePatientTests
{
    [Theory]
    [InlineData("patient-itp-romiplostim", "romiplostim")]
    [InlineData("patient-itp-eltrombopag", "eltrombopag")]
    [InlineData("patient-cld-lusutrombopag", "lusutrombopag")]
    [InlineData("patient-chemo-carboplatin", null)]
    [InlineData("patient-chemo-romiplostim", "romiplostim")]
    public void Example_patient_file_matches_its_truth_file(string name, string? drug)
    {
        var csvPath = RepoFiles.PathOf("examples", name + ".csv");
        using var truth = JsonDocument.Parse(File.ReadAllText(RepoFiles.PathOf("examples", name + ".truth.json")));
        var t = truth.RootElement;
        var prior = FitPriors.For(t.TryGetProperty("condition", out var c) ? c.GetString()! : "itp")!;
        var values = prior.Parameters.Select(p => t.GetProperty("parameters").GetProperty(p.Name).GetDouble()).ToArray();
        var sex = t.GetProperty("sex").GetString() == "male" ? Sex.Male : Sex.Female;
        var policy = t.GetProperty("policy").ValueKind == JsonValueKind.Null ? null : t.GetProperty("policy").GetString();
        var extraDays = t.TryGetProperty("observationDays", out var od) ? od.EnumerateArray().Select(d => d.GetDouble()).ToArray() : null;
        var chemo = t.TryGetProperty("chemotherapy", out var ch) ? PatientFile.ParseChemotherapy(ch.GetString()!).Event : null;
        var spec = new SyntheticPatientSpec(values, policy, t.GetProperty("weeks").GetInt32(),
            t.GetProperty("assayCv").GetDouble(), t.GetProperty("seed").GetInt32(), new Patient(t.GetProperty("weightKg").GetDouble(), sex))
        {
            ObservationDays = extraDays,
            Events = chemo is null ? [] : [chemo],
            TreatmentStartDay = t.TryGetProperty("treatmentStartDay", out var sd) ? sd.GetDouble() : 0,
        };
        if (Environment.GetEnvironmentVariable("TPOSIM_WRITE_EXAMPLES") == "1")
        {
            var history = SyntheticPatient.Generate(spec, prior) with { Id = "1" };
            File.WriteAllText(csvPath, PatientFile.ToText(history, $"{name}: synthetic patient, see {name}.truth.json for the true parameters and how it was made."));
        }
        var (read, errors) = PatientFile.Read(csvPath);
        Assert.Empty(errors);
        Assert.Equal(drug, read!.Drug);
        Assert.Equal(prior.Condition, read.PriorName);
        Assert.Equal(spec.Patient, read.Patient);
        var days = read.Observations.Select(o => o.TimeDays).ToArray();
        if (extraDays is null) Assert.Equal(Enumerable.Range(0, spec.Weeks).Select(k => 7.0 * k), days);
        else Assert.Subset(days.ToHashSet(), extraDays.Where(d => d < 7 * spec.Weeks).ToHashSet());
        Assert.Equal(chemo, read.Events.OfType<Scenarios.Chemotherapy>().SingleOrDefault());
        if (drug is null) Assert.Empty(read.Doses);
        else Assert.NotEmpty(read.Doses);
        Assert.All(read.Doses, d => Assert.True(d.Day >= spec.TreatmentStartDay - 1e-9 && d.Day < 7 * spec.Weeks));
    }
}
