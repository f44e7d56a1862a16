using System.Text.Json.Nodes;
using TpoSim.Input;
using TpoSim.Scenarios;

namespace TpoSim.Cli;

/// <summary>
/// How a command opens a file named on its command line: through the shared reading layer (<see cref="InputFile"/>,
/// <see cref="JsonInput"/>: path checks, 64 MiB cap, encoding, duplicate fields), failing with one line
/// "FILE: PATH: problem" and exit 2. No command reads a user's file another way.
/// </summary>
internal static class CliInputFiles
{
    /// <summary>
    /// The value a reader read, or a bad-input error listing every problem it found, each placed in
    /// <paramref name="file"/> when it names no file: how every command reports a reader's problems.
    /// </summary>
    public static T Value<T>(ReadResult<T> result, string file) where T : class =>
        result.Succeeded ? result.Value! : throw new CliInputException(result.In(file).Errors);

    /// <summary>The text of <paramref name="path"/>, or a bad-input error naming it.</summary>
    public static string ReadText(string path, string what = "file")
    {
        if (!InputFile.TryReadText(path, out var text, out var problem))
            throw new CliInputException($"{InputText.OneLine(path)}: cannot read the {what}: {problem}");
        return text;
    }

    /// <summary>The JSON object in <paramref name="path"/> (duplicate fields and invalid Unicode refused), or a bad-input error.</summary>
    public static JsonObject ReadObject(string path, string what)
    {
        var text = ReadText(path, what);
        using (var doc = JsonInput.TryParse(text, out var error))
        {
            if (doc is null) throw new CliInputException($"{InputText.OneLine(path)}: {(error.StartsWith('$') ? error : "$: " + error)}");
            if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
                throw new CliInputException($"{InputText.OneLine(path)}: $: expected a JSON object ({what}), found {JsonInput.Describe(doc.RootElement)}");
        }
        return JsonNode.Parse(text, documentOptions: JsonInput.Options)!.AsObject();
    }
}
