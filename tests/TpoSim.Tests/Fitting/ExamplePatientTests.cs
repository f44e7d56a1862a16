using System.Text.Json;
using TpoSim.Fitting;
using TpoSim.Physiology;

namespace TpoSim.Tests.Fitting;

/// <summary>
/// The example patient files are exactly what their .truth.json describes: regenerated from the true values and
/// compared byte for byte (set TPOSIM_WRITE_EXAMPLES=1 to rewrite them), and they read back as valid histories.
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
    [InlineData("patient-itp-romiplostim")]
    [InlineData("patient-itp-eltrombopag")]
    public void Example_patient_file_is_what_its_truth_file_generates(string name)
    {
        var csvPath = Path.Combine(Root(), "examples", name + ".csv");
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root(), "examples", name + ".truth.json")));
        var t = truth.RootElement;
        var prior = FitPrior.ChronicItp;
        var values = prior.Parameters.Select(p => t.GetProperty("parameters").GetProperty(p.Name).GetDouble()).ToArray();
        var sex = t.GetProperty("sex").GetString() == "male" ? Sex.Male : Sex.Female;
        var spec = new SyntheticPatientSpec(values, t.GetProperty("policy").GetString()!, t.GetProperty("weeks").GetInt32(),
            t.GetProperty("assayCv").GetDouble(), t.GetProperty("seed").GetInt32(), new Patient(t.GetProperty("weightKg").GetDouble(), sex));
        var history = SyntheticPatient.Generate(spec, prior) with { Id = "1" };
        var text = PatientFile.ToText(history, $"{name}: synthetic patient, see {name}.truth.json for the true parameters and how it was made.");
        if (Environment.GetEnvironmentVariable("TPOSIM_WRITE_EXAMPLES") == "1") File.WriteAllText(csvPath, text);
        Assert.Equal(text, File.ReadAllText(csvPath));
        var (read, errors) = PatientFile.Read(csvPath);
        Assert.Empty(errors);
        Assert.Equal(history.Doses.Count, read!.Doses.Count);
        Assert.Equal(history.Observations.Select(o => o.Value), read.Observations.Select(o => o.Value));
        Assert.Equal(spec.Patient, read.Patient);
    }
}
