using System.Buffers;
using System.Text.Json;

namespace SkinLite;

/// <summary>
/// The write side of a batch journal: an append-only JSON Lines file that records, per image, the submit about to be
/// made, the ids it got, and the outcome, so that a crash at any moment loses no result already received and never
/// leads to a second (paid) submit of the same image. Each record is one line written with one write and, by default,
/// flushed to the disk before the call returns: <see cref="RecordSubmittingAsync"/> must complete before the submit is
/// sent. Thread-safe: records from many workers are written one whole line at a time. One writer per file: the file is
/// locked while open. docs/batch.md has the format and the resume rules.
/// </summary>
internal sealed class Journal : IDisposable, IAsyncDisposable
{
    private readonly FileStream _lock;
    private readonly FileStream _file;
    private readonly bool _flushToDisk;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ArrayBufferWriter<byte> _line = new(512);
    private readonly Utf8JsonWriter _writer;
    private bool _disposed;
    private Exception? _fault;

    private Journal(string path, FileStream lockFile, FileStream file, JournalState state, TimeProvider time, bool flushToDisk)
    {
        Path = path;
        _lock = lockFile;
        _file = file;
        State = state;
        _time = time;
        _flushToDisk = flushToDisk;
        _writer = new Utf8JsonWriter(_line, JournalRecords.WriterOptions);
    }

    /// <summary>The journal file's path.</summary>
    public string Path { get; }

    /// <summary>What the file held when it was opened (replayed under the lock, so no other writer can have changed it since).</summary>
    public JournalState State { get; }

    /// <summary>
    /// Opens a journal for writing, creating it (with its header) if it does not exist, and replays what it holds. A line
    /// cut short by an earlier crash is ended, so records appended now start on a line of their own (replay reports the
    /// cut line and skips it).
    /// </summary>
    /// <param name="path">The journal file.</param>
    /// <param name="time">The clock of the records' <c>at</c> times; the system clock by default.</param>
    /// <param name="flushToDisk">False only for tests and benchmarks: records are written but not forced to the disk.</param>
    /// <exception cref="IOException">Another writer (another process, or another <see cref="Journal"/> in this one) holds
    /// the file, or it cannot be opened.</exception>
    /// <exception cref="InvalidDataException">The file is not a SkinLite batch journal, or one of another format version.</exception>
    public static Journal Open(string path, TimeProvider? time = null, bool flushToDisk = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        time ??= TimeProvider.System;
        FileStream gate = TakeLock(path);
        FileStream? file = null;
        try
        {
            // Readers (Journal.Replay, tail) may read while the batch writes; writers are kept out by the lock file.
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
            JournalState state = JournalState.Read(file, path);
            var journal = new Journal(path, gate, file, state, time, flushToDisk);
            journal.PrepareForAppend(state);
            return journal;
        }
        catch
        {
            file?.Dispose();
            gate.Dispose();
            throw;
        }
    }

    /// <summary>Replays a journal without opening it for writing (for reports while a batch may be running).</summary>
    /// <exception cref="InvalidDataException">The file is not a SkinLite batch journal, or one of another format version.</exception>
    public static JournalState Replay(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
        return JournalState.Read(file, path);
    }

    /// <summary>Records that <paramref name="path"/> is about to be submitted. Complete it before sending: once it returns the
    /// record is on the disk, and a crash from here on leaves the image <see cref="JournalEntryState.Uncertain"/>.</summary>
    /// <param name="path">The image's path, spelled the same way in every record of a batch.</param>
    /// <param name="hash">The SHA-256 of the image file (<see cref="ContentHash.OfFileAsync"/>).</param>
    /// <param name="cancellationToken">Checked before the record is written; a record once started is always finished.</param>
    public Task RecordSubmittingAsync(string path, ContentHash hash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return AppendAsync(w => JournalRecords.WriteSubmitting(w, path, hash, _time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Records the ids the service gave for <paramref name="path"/>; call it as soon as the submit answers.</summary>
    public Task RecordSubmittedAsync(string path, ContentHash hash, SkinAnalysisJob job, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(job);
        return AppendAsync(w => JournalRecords.WriteSubmitted(w, path, hash, job, _time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Records the terminal outcome of <paramref name="path"/>'s job.</summary>
    /// <exception cref="ArgumentException">The outcome is not terminal.</exception>
    public Task RecordOutcomeAsync(string path, ContentHash hash, AnalysisOutcome outcome, int? consumedCredits = null, CancellationToken cancellationToken = default) =>
        RecordOutcomeAsync(path, hash, JournalOutcome.From(outcome, consumedCredits), cancellationToken);

    /// <summary>Records the terminal outcome of <paramref name="path"/>'s job.</summary>
    public Task RecordOutcomeAsync(string path, ContentHash hash, JournalOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _ = JournalRecords.KindName(outcome.Kind);
        return AppendAsync(w => JournalRecords.WriteOutcome(w, path, hash, outcome, _time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Records a snapshot of the client's learned processing times (the latest one is what a resume seeds).</summary>
    public Task RecordProcessingTimesAsync(IReadOnlyList<ProcessingTimeInterval> intervals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        return AppendAsync(w => JournalRecords.WriteProcessingTimes(w, intervals, _time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Records that <paramref name="path"/> was refused locally (the preflight) and will not be sent.</summary>
    public Task RecordRefusedAsync(string path, ContentHash hash, RejectionReason reason, string? message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return AppendAsync(w => JournalRecords.WriteRefused(w, path, hash, reason, message, _time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Records that <paramref name="path"/> was skipped (budget, quota) and not sent.</summary>
    public Task RecordNotSubmittedAsync(string path, ContentHash hash, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(reason);
        return AppendAsync(w => JournalRecords.WriteNotSubmitted(w, path, hash, reason, _time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Closes the file and releases the lock; records already written are on the disk.</summary>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            Close();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            Close();
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Close()
    {
        if (!_disposed)
        {
            _disposed = true;
            _writer.Dispose();
            _file.Dispose();
            _lock.Dispose();
        }
    }

    /// <summary>The suffix of the lock file beside a journal (<c>batch.jsonl.lock</c>).</summary>
    public const string LockSuffix = ".lock";

    /// <summary>
    /// Takes the journal's writer lock: the lock file beside it, opened with <see cref="FileShare.None"/>. On Unix .NET
    /// takes an exclusive <c>flock</c> on it (on Windows a share-mode lock), released by the kernel when the process ends,
    /// even by <c>kill -9</c>: a lock file left behind by a crash locks nothing. It is never deleted (deleting a lock file
    /// while others may open it lets two writers each lock a different file).
    /// </summary>
    private static FileStream TakeLock(string path)
    {
        string lockPath = path + LockSuffix;
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            throw new IOException($"The batch journal {path} is being written by another batch (another process, or another journal in this one holds its lock file {lockPath}); one batch writes a journal at a time. ({ex.Message})", ex);
        }
    }

    private void PrepareForAppend(JournalState state)
    {
        if (!state.HasHeader)
        {
            // Empty, or only a header cut short by a crash at creation: there is no record to keep; start afresh.
            _file.SetLength(0);
            JournalRecords.WriteHeader(_writer, _time.GetUtcNow());
            Commit();
            return;
        }

        _file.Seek(-1, SeekOrigin.End);
        int last = _file.ReadByte();
        if (last != '\n')
        {
            // A line cut short by a crash (or a last line without its end): end it, so the next record is a line of its own.
            _line.Write("\n"u8);
            WriteLine();
        }
    }

    private async Task AppendAsync(Action<Utf8JsonWriter> record, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_fault is not null)
            {
                throw new IOException($"The batch journal {Path} failed to write earlier and takes no more records: {_fault.Message}", _fault);
            }

            try
            {
                record(_writer);
            }
            catch
            {
                // Nothing reached the file: drop the half-built record.
                _writer.Reset(_line);
                _line.ResetWrittenCount();
                throw;
            }

            Commit();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes what the JSON writer holds as one line, with one write, and flushes it to the disk.</summary>
    private void Commit()
    {
        try
        {
            _writer.Flush();
            _line.Write("\n"u8);
            WriteLine();
        }
        finally
        {
            _writer.Reset(_line);
        }
    }

    private void WriteLine()
    {
        try
        {
            _file.Seek(0, SeekOrigin.End);
            _file.Write(_line.WrittenSpan);
            if (_flushToDisk)
            {
                _file.Flush(flushToDisk: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Part of the line may be in the file: no further record may be glued to it.
            _fault = ex;
            throw;
        }
        finally
        {
            _line.ResetWrittenCount();
        }
    }
}
