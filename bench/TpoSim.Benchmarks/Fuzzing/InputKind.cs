using System.Text.Json.Nodes;
using TpoSim.Calibration;
using TpoSim.Forecasting;
using TpoSim.Validation;

namespace TpoSim.Benchmarks.Fuzzing;

/// <summary>
/// One kind of input file the campaign mutates: its example corpus, how a case is mutated, and how it is run. A kind
/// with <see cref="CommandLine"/> runs through the CLI (<c>CliApp.Run</c>) in a work folder; a kind whose valid input
/// starts a long job (a calibration, the validation suite, a forecast's fit) runs the reader that command calls
/// (<see cref="Reader"/>): an exception is an internal error, a message with a line break is suspicious.
/// </summary>
/// <param name="Name">Kind name (<c>--kinds</c>, the counts table).</param>
/// <param name="FileName">File name of a case in the work folder; {n} is the case number.</param>
/// <param name="Corpus">Example texts the mutations start from.</param>
/// <param name="Mutate">Makes a case from a corpus text.</param>
/// <param name="CommandLine">CLI arguments for the case file and its output path, or null for a reader-level kind.</param>
/// <param name="Reader">The reader of a reader-level kind: the error lines it returns for the case text.</param>
/// <param name="ChecksOutput">An exit 0 must leave a sane timeseries.csv and summary.json (the simulate kinds).</param>
/// <param name="TimeoutFactor">Multiplies the campaign's time limit: a fit with its Nelder–Mead fallback takes tens of seconds on a loaded machine.</param>
public sealed record InputKind(
    string Name,
    string FileName,
    IReadOnlyList<string> Corpus,
    Func<string, string> Mutate,
    Func<string, string, string[]>? CommandLine,
    Func<string, IReadOnlyList<string>>? Reader = null,
    bool ChecksOutput = false,
    double TimeoutFactor = 1)
{
    /// <summary>Every kind, in the campaign's rotation order (the scenario kinds twice as often as each other kind).</summary>
    public static IReadOnlyList<InputKind> All(string root, string work, Random random, ScenarioMutator json, CsvMutator csv)
    {
        string[] Texts(string folder, string pattern) =>
            Directory.GetFiles(Path.Combine(root, folder), pattern).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var scenarios = Texts("scenarios", "*.json");
        var tables = Texts("scenarios", "*.csv");
        var patients = Directory.GetFiles(Path.Combine(root, "examples"), "patient-*.csv").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var withObservations = tables.Concat(patients).ToArray();
        var doseTableScenario = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "scenarios", "dose-table-romiplostim.json")), documentOptions: Scenarios.JsonInput.Options)!.AsObject();
        File.WriteAllText(Path.Combine(work, "short.json"), """{ "simulation": { "days": 2 } }""");
        return
        [
            new("scenario", "case-{n}.json", scenarios, json.Mutate, (f, o) => ["simulate", f, "--quiet", "--out", o], ChecksOutput: true),
            new("parameters", "case-{n}.json", scenarios, _ => FuzzCampaign.RandomParameterSet(random, scenarios), (f, o) => ["simulate", f, "--quiet", "--out", o], ChecksOutput: true),
            new("population", Path.Combine("populations", "case-{n}.json"), Texts("populations", "*.json"), json.Mutate,
                (f, o) => ["population", f, "--subjects", "2", "--threads", "1", "--quiet", "--out", o]),
            new("fit-csv", "patient-{n}.csv", patients, csv.Mutate, (f, o) => ["fit", f, "--max-iterations", "2", "--threads", "1", "--quiet", "--out", o], TimeoutFactor: 5),
            new("dose-table", "table-{n}.csv", tables, csv.Mutate, (f, o) =>
            {
                var s = doseTableScenario.DeepClone().AsObject();
                s["doseTable"]!["file"] = Path.GetFileName(f);
                var scenario = Path.ChangeExtension(f, ".json");
                File.WriteAllText(scenario, s.ToJsonString());
                return ["simulate", scenario, "--quiet", "--out", o];
            }, ChecksOutput: true),
            new("observed", "observed-{n}.csv", withObservations, csv.Mutate, (f, o) => ["simulate", Path.Combine(work, "short.json"), "--observed", f, "--quiet", "--out", o], ChecksOutput: true),
            new("interpret-batch", "pairs-{n}.csv", [File.ReadAllText(Path.Combine(root, "examples", "interpret-pairs.csv"))], csv.Mutate,
                (f, o) => ["interpret", "--batch", f, "--out", o + ".csv"]),
            new("calibration-setup", "setup-{n}.json", [File.ReadAllText(Path.Combine(root, "validation", "calibration.json"))], json.Mutate, null,
                text => CalibrationSetup.Parse(text, "setup.json").Errors.Select(e => e.Line).ToArray()),
            new("validation-cases", "cases-{n}.json", [File.ReadAllText(Path.Combine(root, "validation", "cases.json"))], json.Mutate, null,
                text => CaseFileLoader.Parse(text, "cases.json", root).Errors.Select(e => e.Format("cases.json")).ToArray()), // the line `tposim validate` prints
            new("regimens", "regimens-{n}.json", ["""[ { "name": "2 weekly", "fixed": 2 }, { "name": "hold", "hold": true }, { "name": "label", "label": true }, { "name": "mine", "rule": { "low": 50, "high": 200, "hold": 400, "resume": 200, "step": 1, "maxDose": 10 } } ]"""],
                json.Mutate, null, text => RegimenFile.Parse(text, "regimens.json").Errors.Select(e => e.Line).ToArray()),
        ];
    }

    /// <summary>The path of case <paramref name="n"/> in <paramref name="work"/>.</summary>
    public string CasePath(string work, int n) => Path.Combine(work, FileName.Replace("{n}", n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
