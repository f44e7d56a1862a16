using System.Collections;
using Microsoft.Win32.SafeHandles;

namespace TpoSim.Population;

/// <summary>
/// The reduced rows of a population's enrolled subjects, in enrolment order, appended one at a time. The first
/// <see cref="InMemoryLimit"/> rows stay in memory; past that every row is written to an anonymous temporary file
/// (<see cref="SubjectRowCodec"/>, ≈ 200 bytes a row) and read back on each enumeration, so a run's memory does not grow
/// with its number of subjects (docs/performance.md, "memory flat in N"). The file is unlinked as soon as it is opened
/// (deleted on close on Windows), so no run leaves it behind, even when killed. Enumerations may run concurrently once the
/// rows are added; each reads the file at its own offset.
/// </summary>
public sealed class SubjectRows : IReadOnlyList<SubjectOutcome>, IDisposable
{
    /// <summary>Rows kept in memory before the rest go to disk: a validation-sized run never touches the disk.</summary>
    public const int DefaultInMemoryLimit = 4096;

    /// <summary>Rows between two remembered file offsets (what the indexer seeks to).</summary>
    private const int CheckpointEvery = 64;

    /// <summary>Bytes gathered before they are written to the file.</summary>
    private const int WriteBlock = 1 << 16;

    private readonly List<SubjectOutcome> _memory = [];
    private readonly List<long> _checkpoints = [];
    private readonly object _gate = new();
    private SafeFileHandle? _file;
    private MemoryStream? _pending;
    private BinaryWriter? _writer;
    private long _written;

    /// <summary>A store that keeps up to <paramref name="inMemoryLimit"/> rows in memory (0: every row on disk).</summary>
    public SubjectRows(int inMemoryLimit = DefaultInMemoryLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inMemoryLimit);
        InMemoryLimit = inMemoryLimit;
    }

    /// <summary>Rows kept in memory before the store spills to disk.</summary>
    public int InMemoryLimit { get; }

    /// <summary>Whether the rows are on disk.</summary>
    public bool Spilled => _file is not null;

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <summary>Appends <paramref name="row"/> (its series already dropped).</summary>
    public void Add(SubjectOutcome row)
    {
        ArgumentNullException.ThrowIfNull(row);
        lock (_gate)
        {
            if (_file is null && _memory.Count < InMemoryLimit)
            {
                _memory.Add(row);
                Count++;
                return;
            }
            if (_file is null) Spill();
            Append(row);
        }
    }

    /// <inheritdoc />
    public SubjectOutcome this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            if (_file is null) return _memory[index];
            using var e = Read(index / CheckpointEvery * CheckpointEvery).GetEnumerator();
            for (var k = index % CheckpointEvery; k >= 0; k--) e.MoveNext();
            return e.Current;
        }
    }

    /// <inheritdoc />
    public IEnumerator<SubjectOutcome> GetEnumerator()
    {
        if (_file is null) return _memory.GetEnumerator();
        return Read(0).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Closes (and so deletes) the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
            _file?.Dispose();
        }
    }

    /// <summary>Opens the anonymous file and moves the rows held so far into it.</summary>
    private void Spill()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tposim-rows-{Guid.NewGuid():N}.bin");
        _file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, FileOptions.DeleteOnClose);
        // Unlinked at once where the OS allows it (the open handle keeps the data): nothing is left behind if the run is killed.
        if (!OperatingSystem.IsWindows()) File.Delete(path);
        _pending = new MemoryStream(WriteBlock * 2);
        _writer = new BinaryWriter(_pending);
        var held = _memory.ToArray();
        _memory.Clear();
        _memory.TrimExcess();
        Count = 0;
        foreach (var row in held) Append(row);
    }

    private void Append(SubjectOutcome row)
    {
        if (Count % CheckpointEvery == 0) _checkpoints.Add(_written + _pending!.Position);
        SubjectRowCodec.Write(_writer!, row);
        Count++;
        if (_pending!.Position >= WriteBlock) Flush();
    }

    private void Flush()
    {
        if (_pending is not { Position: > 0 } pending) return;
        RandomAccess.Write(_file!, pending.GetBuffer().AsSpan(0, (int)pending.Position), _written);
        _written += pending.Position;
        pending.Position = 0;
    }

    /// <summary>The rows from row <paramref name="first"/> (a multiple of <see cref="CheckpointEvery"/>) to the last added so far.</summary>
    private IEnumerable<SubjectOutcome> Read(int first)
    {
        long end;
        int count;
        lock (_gate)
        {
            Flush();
            end = _written;
            count = Count;
        }
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new BinaryReader(new BufferedStream(new PositionalReader(_file!, _checkpoints[first / CheckpointEvery], end), WriteBlock));
        for (var i = first; i < count; i++) yield return SubjectRowCodec.Read(reader, strings);
    }

    /// <summary>A read-only stream over a file range that reads at its own offset (so enumerations never share a position).</summary>
    private sealed class PositionalReader(SafeFileHandle file, long start, long end) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => end - start;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var left = end - start - _position;
            if (left <= 0) return 0;
            if (buffer.Length > left) buffer = buffer[..(int)left];
            var n = RandomAccess.Read(file, buffer, start + _position);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
