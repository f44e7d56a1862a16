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
    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TpoSim.slnx"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }

    [Theory]
    [InlineData("patient-itp-romiplostim", "romiplostim")]
    [InlineData("patient-itp-eltrombopag", "eltrombopag")]
    public void Example_patient_file_matches_its_truth_file(string name, string drug)
    {
        var csvPath = Path.Combine(Root(), "examples", name + ".csv");
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root(), "examples", name + ".truth.json")));
        var t = truth.RootElement;
        var prior = FitPrior.ChronicItp;
        var values = prior.Parameters.Select(p => t.GetProperty("parameters").GetProperty(p.Name).GetDouble()).ToArray();
        var sex = t.GetProperty("sex").GetString() == "male" ? Sex.Male : Sex.Female;
        var spec = new SyntheticPatientSpec(values, t.GetProperty("policy").GetString()!, t.GetProperty("weeks").GetInt32(),
            t.GetProperty("assayCv").GetDouble(), t.GetProperty("seed").GetInt32(), new Patient(t.GetProperty("weightKg").GetDouble(), sex));
        if (Environment.GetEnvironmentVariable("TPOSIM_WRITE_EXAMPLES") == "1")
        {
            var history = SyntheticPatient.Generate(spec, prior) with { Id = "1" };
            File.WriteAllText(csvPath, PatientFile.ToText(history, $"{name}: synthetic patient, see {name}.truth.json for the true parameters and how it was made."));
        }
        var (read, errors) = PatientFile.Read(csvPath);
        Assert.Empty(errors);
        Assert.Equal(drug, read!.Drug);
        Assert.Equal(spec.Patient, read.Patient);
        Assert.Equal(Enumerable.Range(0, spec.Weeks).Select(k => 7.0 * k), read.Observations.Select(o => o.TimeDays));
        Assert.NotEmpty(read.Doses);
        Assert.All(read.Doses, d => Assert.True(d.Day < 7 * spec.Weeks));
    }
}
