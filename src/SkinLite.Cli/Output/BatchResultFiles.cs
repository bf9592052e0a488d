namespace SkinLite.Cli.Output;

/// <summary>
/// results.jsonl and results.csv, one line and one row per image. Both are started afresh by every run from the
/// journal (a kill -9 can fall between the journal and these files, so only the journal is trusted), then appended to as
/// results arrive, each line flushed. A resume yields again images the rebuild already wrote (a job waited on again,
/// an image submitted again); when that happened, <see cref="Complete"/> keeps only each image's last line.
/// </summary>
internal sealed class BatchResultFiles : IDisposable
{
    private readonly BatchOutputFolder _folder;
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly FileStream _json;
    private readonly BatchCsv _csv;
    private bool _rewritten;
    private bool _closed;

    private BatchResultFiles(BatchOutputFolder folder)
    {
        _folder = folder;
        _json = new FileStream(folder.ResultsJson, FileMode.Create, FileAccess.Write, FileShare.Read);
        _csv = new BatchCsv(folder.ResultsCsv);
    }

    /// <summary>How many images the files hold a line for.</summary>
    public int Count => _written.Count;

    /// <summary>Starts both files afresh, with a line for the newest entry of every path the journal holds (if there is one).</summary>
    public static BatchResultFiles Start(BatchOutputFolder folder, JournalState? journal, string? appId, bool emulated)
    {
        var files = new BatchResultFiles(folder);
        if (journal is null)
        {
            return files;
        }

        foreach (JournalImage image in journal.Images)
        {
            // An older entry of a path is a file that changed since; only its newest content is the image now.
            if (ReferenceEquals(journal.LatestOf(image.Path), image))
            {
                files.Append(image.Path, BatchResultLine.ForJournaled(image, folder, appId, emulated));
            }
        }

        return files;
    }

    /// <summary>Whether the files already hold a line for <paramref name="path"/> (written by the rebuild or earlier in this run).</summary>
    public bool Holds(string path) => _written.Contains(path);

    /// <summary>Appends one image's line and row, flushed to the operating system before it returns.</summary>
    public void Append(string path, byte[] line)
    {
        if (!_written.Add(path))
        {
            _rewritten = true;
        }

        _json.Write(line);
        _json.WriteByte((byte)'\n');
        _json.Flush();
        _csv.Write(line);
    }

    /// <summary>
    /// Closes the files, first dropping the earlier lines of any image written twice (each image keeps its last line, in
    /// the order of those). Nothing is appended afterwards.
    /// </summary>
    public void Complete()
    {
        Dispose();
        if (!_rewritten)
        {
            return;
        }

        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        int index = 0;
        foreach (byte[] line in Lines(_folder.ResultsJson))
        {
            if (BatchResultLine.PathOf(line) is { } path)
            {
                last[path] = index;
            }

            index++;
        }

        string temporary = _folder.ResultsJson + ".tmp";
        string csvTemporary = _folder.ResultsCsv + ".tmp";
        using (var json = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var csv = new BatchCsv(csvTemporary))
        {
            index = 0;
            foreach (byte[] line in Lines(_folder.ResultsJson))
            {
                if (BatchResultLine.PathOf(line) is { } path && last[path] == index)
                {
                    json.Write(line);
                    json.WriteByte((byte)'\n');
                    csv.Write(line);
                }

                index++;
            }
        }

        File.Move(temporary, _folder.ResultsJson, overwrite: true);
        File.Move(csvTemporary, _folder.ResultsCsv, overwrite: true);
        _rewritten = false;
    }

    public void Dispose()
    {
        if (!_closed)
        {
            _closed = true;
            _json.Dispose();
            _csv.Dispose();
        }
    }

    private static IEnumerable<byte[]> Lines(string path)
    {
        using var reader = new StreamReader(path);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return System.Text.Encoding.UTF8.GetBytes(line);
            }
        }
    }
}
