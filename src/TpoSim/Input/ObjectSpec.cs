namespace TpoSim.Input;

/// <summary>One object of an input format (scenario, population, …): its schema name, meaning and fields, in the order docs and errors list them.</summary>
public sealed record ObjectSpec(string Name, string Description, IReadOnlyList<FieldSpec> Fields)
{
    /// <summary>The field names, as the unknown-field error lists them.</summary>
    public string[] Names { get; } = Fields.Select(f => f.Name).ToArray();

    /// <summary>The field called <paramref name="name"/>.</summary>
    public FieldSpec this[string name] => Fields.First(f => f.Name == name);
}
