using System.Buffers;
using System.Text.Json;

namespace SkinLite;

/// <summary>
/// A batch journal replayed: every image it names (path and content hash) with where it stands, its last record
/// deciding, plus the counts and the lines that could not be read. Built by <see cref="Journal.Replay(string)"/> and
/// <see cref="Journal.Open"/>; read-only once built.
/// </summary>
internal sealed class JournalState
{
    private const int ReadWindow = 64 * 1024;

    private readonly Dictionary<string, JournalImage> _latestByPath = new(StringComparer.Ordinal);
    private readonly List<JournalImage> _images = [];
    private readonly List<JournalDamage> _damaged = [];
    private readonly int[] _counts = new int[6];

    private JournalState(string name) => Name = name;

    /// <summary>The journal's file name (for messages).</summary>
    public string Name { get; }

    /// <summary>True once a valid header line was read (false for an empty file or a torn header).</summary>
    public bool HasHeader { get; private set; }

    /// <summary>The record lines read (the header and damaged lines not counted).</summary>
    public long Records { get; private set; }

    /// <summary>The last snapshot of the client's learned processing times the journal holds, or <see langword="null"/>.</summary>
    public ProcessingTimeInterval[]? ProcessingTimes { get; private set; }

    /// <summary>Every image, in the order it first appears.</summary>
    public IReadOnlyList<JournalImage> Images => _images;

    /// <summary>The lines that could not be read and were skipped, in file order.</summary>
    public IReadOnlyList<JournalDamage> DamagedLines => _damaged;

    /// <summary>The last line when a crash cut it short (no line end and unreadable), or <see langword="null"/>.</summary>
    public JournalDamage? TornTail => _damaged.Count > 0 && _damaged[^1].IsTornTail ? _damaged[^1] : null;

    /// <summary>How many images stand in <paramref name="state"/>.</summary>
    public int CountOf(JournalEntryState state) => _counts[(int)state];

    /// <summary>The images that stand in <paramref name="state"/>, in journal order.</summary>
    public IEnumerable<JournalImage> InState(JournalEntryState state) => _images.Where(i => i.State == state);

    /// <summary>The image with this path and content, or <see langword="null"/> if the journal never named it.</summary>
    public JournalImage? StateOf(string path, ContentHash hash)
    {
        ArgumentNullException.ThrowIfNull(path);
        for (JournalImage? image = _latestByPath.GetValueOrDefault(path); image is not null; image = image.OlderOfSamePath)
        {
            if (image.Hash == hash)
            {
                return image;
            }
        }

        return null;
    }

    /// <summary>The newest entry of this path whatever its content: with <see cref="StateOf"/> it tells a file that changed
    /// since it was journaled (same path, another hash).</summary>
    public JournalImage? LatestOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _latestByPath.GetValueOrDefault(path);
    }

    /// <summary>Replays a journal from a stream (read to its end from where it is).</summary>
    /// <exception cref="InvalidDataException">The first line is not a SkinLite batch journal header, or its version is not
    /// the one this library reads.</exception>
    internal static JournalState Read(Stream journal, string name)
    {
        var state = new JournalState(name);
        var reader = new LineReader(state);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ReadWindow);
        try
        {
            int start = 0, end = 0;
            long offset = 0;
            while (true)
            {
                if (end == buffer.Length)
                {
                    if (start > 0)
                    {
                        buffer.AsSpan(start, end - start).CopyTo(buffer);
                        end -= start;
                        start = 0;
                    }
                    else
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, end).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }

                int read = journal.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    break;
                }

                end += read;
                while (true)
                {
                    int newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        break;
                    }

                    reader.Line(buffer.AsSpan(start, newline), offset, complete: true);
                    start += newline + 1;
                    offset += newline + 1;
                }
            }

            if (start < end)
            {
                reader.Line(buffer.AsSpan(start, end - start), offset, complete: false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            reader.Dispose();
        }

        foreach (JournalImage image in state._images)
        {
            if (image.State == JournalEntryState.Submitted && image.Job is null)
            {
                // The ids of a paid submit that cannot be read: waiting is impossible and submitting again may pay twice.
                image.State = JournalEntryState.Uncertain;
                state._damaged.Insert(
                    state._damaged.FindIndex(d => d.LineNumber > image.SubmittedLine) is var at and >= 0 ? at : state._damaged.Count,
                    new JournalDamage(image.SubmittedLine, -1, $"the job handle of {image.Path} cannot be read: the image is taken as uncertain", IsTornTail: false));
            }

            state._counts[(int)image.State]++;
        }

        return state;
    }

    /// <summary>Reads one line at a time into the state; holds the pooled character buffer for paths.</summary>
    private sealed class LineReader(JournalState state) : IDisposable
    {
        private static readonly JsonReaderOptions Options = new() { MaxDepth = 8 };

        private readonly Dictionary<string, JournalImage>.AlternateLookup<ReadOnlySpan<char>> _byPath = state._latestByPath.GetAlternateLookup<ReadOnlySpan<char>>();
        private char[] _chars = ArrayPool<char>.Shared.Rent(1024);
        private long _lineNumber;

        public void Line(ReadOnlySpan<byte> line, long offset, bool complete)
        {
            _lineNumber++;
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.Trim(" \t"u8).IsEmpty)
            {
                return;
            }

            if (!state.HasHeader)
            {
                Header(line, offset, complete);
                return;
            }

            string? problem;
            try
            {
                problem = Record(line);
            }
            catch (Exception ex) when (JsonReadFailure.Is(ex))
            {
                problem = ex.Message;
            }

            if (problem is null)
            {
                state.Records++;
            }
            else
            {
                state._damaged.Add(new JournalDamage(_lineNumber, offset, complete ? problem : "the last line is cut short (a write interrupted by a crash): " + problem, !complete));
            }
        }

        public void Dispose() => ArrayPool<char>.Shared.Return(_chars);

        private void Header(ReadOnlySpan<byte> line, long offset, bool complete)
        {
            string? format = null;
            int? version = null;
            try
            {
                var reader = new Utf8JsonReader(line, Options);
                if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        if (reader.ValueTextEquals("journal"u8) && reader.Read() && reader.TokenType == JsonTokenType.String)
                        {
                            format = reader.GetString();
                        }
                        else if (reader.ValueTextEquals("version"u8) && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int v))
                        {
                            version = v;
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
                    {
                        format = null;
                    }
                }
            }
            catch (Exception ex) when (JsonReadFailure.Is(ex))
            {
                if (!complete)
                {
                    // The header itself was cut short: the journal was created and the process died; it holds no record.
                    state._damaged.Add(new JournalDamage(_lineNumber, offset, "the header line is cut short (a crash while the journal was created)", IsTornTail: true));
                    return;
                }

                format = null;
            }

            if (format != JournalRecords.FormatName || version is null)
            {
                throw new InvalidDataException($"The file {state.Name} is not a SkinLite batch journal: its first line is not a {{\"journal\":\"{JournalRecords.FormatName}\",\"version\":...}} header.");
            }

            if (version != JournalRecords.Version)
            {
                throw new InvalidDataException($"The batch journal {state.Name} is format version {version}; this SkinLite reads version {JournalRecords.Version} only. Use the SkinLite version that wrote it, or start a new journal.");
            }

            state.HasHeader = true;
        }

        /// <summary>Folds one record line into the state; returns what was wrong with it, or null.</summary>
        private string? Record(ReadOnlySpan<byte> line)
        {
            var reader = new Utf8JsonReader(line, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "not a JSON object";
            }

            if (IsProcessingTimes(line))
            {
                return ProcessingTimesRecord(line);
            }

            int kind = 0;
            int pathLength = -1;
            ContentHash hash = default;
            bool hasHash = false;
            byte[]? job = null;
            OutcomeKind outcome = OutcomeKind.None;
            RejectionReason reason = RejectionReason.None;
            string? message = null;
            int? credits = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("record"u8))
                {
                    reader.Read();
                    kind = RecordKind(ref reader);
                }
                else if (reader.ValueTextEquals("path"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        if (_chars.Length < reader.ValueSpan.Length)
                        {
                            ArrayPool<char>.Shared.Return(_chars);
                            _chars = ArrayPool<char>.Shared.Rent(reader.ValueSpan.Length);
                        }

                        pathLength = reader.CopyString(_chars);
                    }
                }
                else if (reader.ValueTextEquals("hash"u8))
                {
                    reader.Read();
                    hasHash = reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && ContentHash.TryParse(reader.ValueSpan, out hash);
                }
                else if (reader.ValueTextEquals("job"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        int start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        job = line[start..(int)reader.BytesConsumed].ToArray();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else if (reader.ValueTextEquals("kind"u8))
                {
                    reader.Read();
                    outcome = reader.ValueTextEquals("succeeded"u8) ? OutcomeKind.Succeeded
                        : reader.ValueTextEquals("rejected"u8) ? OutcomeKind.Rejected
                        : reader.ValueTextEquals("failed"u8) ? OutcomeKind.Failed
                        : OutcomeKind.None;
                }
                else if (reader.ValueTextEquals("reason"u8))
                {
                    reader.Read();
                    reason = ReasonOf(ref reader);
                }
                else if (reader.ValueTextEquals("message"u8))
                {
                    reader.Read();
                    message = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("credits"u8))
                {
                    reader.Read();
                    credits = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int c) ? c : null;
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return "not one JSON object";
            }

            if (kind == 0)
            {
                return "no known \"record\" kind";
            }

            if (pathLength <= 0 || !hasHash)
            {
                return "no \"path\" or no 64-digit \"hash\"";
            }

            if (kind == 2 && job is null)
            {
                return "a submitted record without its \"job\" handle";
            }

            if (kind == 3 && outcome == OutcomeKind.None)
            {
                return "an outcome record without a \"kind\" of succeeded, rejected or failed";
            }

            JournalImage image = ImageOf(_chars.AsSpan(0, pathLength), hash);
            switch (kind)
            {
                case 1:
                    image.State = JournalEntryState.Uncertain;
                    image.SetJob(null, 0);
                    image.Outcome = null;
                    image.SubmitAttempts++;
                    break;
                case 2:
                    image.State = JournalEntryState.Submitted;
                    image.SetJob(job, _lineNumber);
                    image.Outcome = null;
                    break;
                case 3:
                    image.State = JournalEntryState.Finished;
                    image.Outcome = new JournalOutcome(outcome, reason, message, credits);
                    break;
                case 4:
                    image.State = JournalEntryState.Refused;
                    image.RefusedReason = reason;
                    image.Note = message;
                    break;
                default:
                    image.State = JournalEntryState.NotSubmitted;
                    image.Note = message;
                    break;
            }

            return null;
        }

        private JournalImage ImageOf(ReadOnlySpan<char> path, ContentHash hash)
        {
            JournalImage? latest = _byPath.TryGetValue(path, out JournalImage? found) ? found : null;
            for (JournalImage? image = latest; image is not null; image = image.OlderOfSamePath)
            {
                if (image.Hash == hash)
                {
                    return image;
                }
            }

            var added = new JournalImage(latest?.Path ?? new string(path), hash, latest);
            state._latestByPath[added.Path] = added;
            state._images.Add(added);
            return added;
        }

        /// <summary>Whether a record line is a processing-times snapshot (its first member names it, as the writer puts it).</summary>
        private static bool IsProcessingTimes(ReadOnlySpan<byte> line)
        {
            var reader = new Utf8JsonReader(line, Options);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("record"u8)
                && reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(JournalRecords.ProcessingTimes);
        }

        /// <summary>Keeps a snapshot of learned processing times; a later one replaces it. Out-of-range pairs damage the line.</summary>
        private string? ProcessingTimesRecord(ReadOnlySpan<byte> line)
        {
            var reader = new Utf8JsonReader(line, Options);
            reader.Read();
            List<ProcessingTimeInterval>? intervals = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("intervals"u8))
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }

                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    return "a processing-times record whose \"intervals\" is not an array";
                }

                intervals = [];
                while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
                {
                    if (!reader.Read() || !reader.TryGetDouble(out double lower) || !reader.Read() || !reader.TryGetDouble(out double upper)
                        || !reader.Read() || reader.TokenType != JsonTokenType.EndArray
                        || !(lower >= 0) || !(upper >= lower) || upper > TimeSpan.FromDays(1).TotalSeconds)
                    {
                        return "a processing-times record with an interval that is not [lower, upper] seconds, 0 <= lower <= upper <= 1 day";
                    }

                    intervals.Add(new ProcessingTimeInterval(TimeSpan.FromSeconds(lower), TimeSpan.FromSeconds(upper)));
                }

                if (reader.TokenType != JsonTokenType.EndArray || intervals.Count > SkinLite.ProcessingTimes.Capacity)
                {
                    return $"a processing-times record whose \"intervals\" is not a list of at most {SkinLite.ProcessingTimes.Capacity} pairs";
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || intervals is null)
            {
                return "a processing-times record that is not one JSON object with \"intervals\"";
            }

            state.ProcessingTimes = [.. intervals];
            return null;
        }

        private static int RecordKind(ref Utf8JsonReader reader) =>
            reader.TokenType != JsonTokenType.String ? 0
            : reader.ValueTextEquals(JournalRecords.Submitting) ? 1
            : reader.ValueTextEquals(JournalRecords.Submitted) ? 2
            : reader.ValueTextEquals(JournalRecords.Outcome) ? 3
            : reader.ValueTextEquals(JournalRecords.Refused) ? 4
            : reader.ValueTextEquals(JournalRecords.NotSubmitted) ? 5
            : 0;

        private static RejectionReason ReasonOf(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > 64)
            {
                return RejectionReason.Unknown;
            }

            Span<char> name = stackalloc char[64];
            int length = reader.CopyString(name);
            return Enum.TryParse(name[..length], ignoreCase: false, out RejectionReason parsed) && Enum.IsDefined(parsed) ? parsed : RejectionReason.Unknown;
        }
    }
}
