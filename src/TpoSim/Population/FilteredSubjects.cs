using System.Collections;

namespace TpoSim.Population;

/// <summary>
/// The subjects of <paramref name="source"/> that meet <paramref name="predicate"/> (a stratum), as a list read lazily:
/// nothing is copied, so a stratum of a spilled run (<see cref="SubjectRows"/>) costs no memory. The count is taken on
/// first use; the indexer walks from the start (a table's rows are read by enumeration).
/// </summary>
internal sealed class FilteredSubjects(IReadOnlyList<SubjectOutcome> source, Func<SubjectOutcome, bool> predicate) : IReadOnlyList<SubjectOutcome>
{
    private int _count = -1;

    public int Count => _count >= 0 ? _count : _count = source.Count(predicate);

    public SubjectOutcome this[int index] => this.Skip(index).First();

    public IEnumerator<SubjectOutcome> GetEnumerator() => source.Where(predicate).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
