using System.Text;

namespace TpoSim.Benchmarks.Fuzzing;

/// <summary>
/// Mutations of a CSV input (dose and observation tables, patient histories, interpretation batches): a cell replaced
/// by an extreme or odd number, text, nothing or a NUL; a cell or column removed or added; a row repeated or removed;
/// the header or a '#' line changed; the text cut short. Seeded by the campaign's random source.
/// </summary>
public sealed class CsvMutator(Random random, ScenarioMutator numbers)
{
    private static readonly string[] Cells = ["", ".", "abc", "NaN", "Infinity", "-Infinity", "1e999", "-0", "1,5", "\0", "\"", "0x10", " 1 ", "µg", "2147483648", new string('9', 400)];
    private static readonly string[] HeaderLines = ["# weightKg: 0.5", "# weightKg: abc", "# drug: zzz", "# unit: ", "# sex: x", "# condition: healthy", "# weightKg: 1e999", "#", "# drug: eltrombopag"];

    /// <summary>One to three mutations of <paramref name="csv"/>.</summary>
    public string Mutate(string csv)
    {
        var lines = csv.Replace("\r\n", "\n").Split('\n').Where(l => l.Length > 0).ToList();
        var steps = 1 + random.Next(3);
        for (var i = 0; i < steps && lines.Count > 0; i++) MutateOnce(lines);
        var text = string.Join('\n', lines) + "\n";
        return random.Next(20) == 0 ? text[..random.Next(text.Length)] : text;
    }

    private void MutateOnce(List<string> lines)
    {
        var row = random.Next(lines.Count);
        var cells = lines[row].Split(',').ToList();
        switch (random.Next(10))
        {
            case 0 or 1 or 2:
                cells[random.Next(cells.Count)] = numbers.RandomNumberText();
                break;
            case 3 or 4:
                cells[random.Next(cells.Count)] = Cells[random.Next(Cells.Length)];
                break;
            case 5:
                if (cells.Count > 1) cells.RemoveAt(random.Next(cells.Count));
                else cells.Add("1");
                break;
            case 6:
                cells.Insert(random.Next(cells.Count + 1), numbers.RandomNumberText());
                break;
            case 7:
                lines.Insert(row, lines[row]);
                return;
            case 8:
                if (lines.Count > 1) lines.RemoveAt(row);
                return;
            default:
                lines.Insert(random.Next(lines.Count + 1), HeaderLines[random.Next(HeaderLines.Length)]);
                return;
        }
        var sb = new StringBuilder();
        lines[row] = sb.AppendJoin(',', cells).ToString();
    }
}
