using System.Text.Json;

namespace SkinLite;

/// <summary>
/// One image of a replayed batch journal (a path and a content hash) and where it stands: the fold of its records, last
/// record deciding. Kept compact for journals of 100,000 images: the path string is shared by every record of the path,
/// the hash is inline.
/// </summary>
internal sealed class JournalImage
{
    private byte[]? _jobJson;
    private SkinAnalysisJob? _job;

    internal JournalImage(string path, ContentHash hash, JournalImage? olderOfSamePath)
    {
        Path = path;
        Hash = hash;
        OlderOfSamePath = olderOfSamePath;
    }

    /// <summary>The image's path as journaled.</summary>
    public string Path { get; }

    /// <summary>The SHA-256 of the file when it was journaled.</summary>
    public ContentHash Hash { get; }

    /// <summary>Where it stands.</summary>
    public JournalEntryState State { get; internal set; }

    /// <summary>The job handle of its last <c>submitted</c> record (kept once finished); <see langword="null"/> if the last
    /// submit has no answer journaled (<see cref="JournalEntryState.Uncertain"/>), it was never sent, or (finished images
    /// only) the journaled handle cannot be read. Kept as the record's UTF-8 JSON and read on first use: replay does not
    /// build 100,000 handles that a resume mostly never looks at (replay reads those of submitted images itself).</summary>
    public SkinAnalysisJob? Job
    {
        get
        {
            if (_job is null && _jobJson is not null)
            {
                try
                {
                    _job = JsonSerializer.Deserialize(_jobJson, SkinLiteJsonContext.Default.SkinAnalysisJob);
                }
                catch (Exception ex) when (JsonReadFailure.Is(ex))
                {
                    _jobJson = null;
                }
            }

            return _job;
        }
    }

    /// <summary>The line of the last <c>submitted</c> record (for the damage report when its handle cannot be read).</summary>
    internal long SubmittedLine { get; private set; }

    internal void SetJob(byte[]? json, long line)
    {
        _jobJson = json;
        _job = null;
        SubmittedLine = line;
    }

    /// <summary>The outcome when <see cref="State"/> is <see cref="JournalEntryState.Finished"/>.</summary>
    public JournalOutcome? Outcome { get; internal set; }

    /// <summary>The refusal when <see cref="State"/> is <see cref="JournalEntryState.Refused"/>.</summary>
    public RejectionReason RefusedReason { get; internal set; }

    /// <summary>The message of a refusal or of a skip (not-submitted).</summary>
    public string? Note { get; internal set; }

    /// <summary>How many <c>submitting</c> records it has: more than one means it was submitted again (paid again, or maybe).</summary>
    public int SubmitAttempts { get; internal set; }

    /// <summary>The entry of the same path with the content it had before (the file changed since), if any.</summary>
    public JournalImage? OlderOfSamePath { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{State} {Path} {Hash}";
}
