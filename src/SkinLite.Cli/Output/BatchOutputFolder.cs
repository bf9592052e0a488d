using System.Security.Cryptography;
using System.Text;

namespace SkinLite.Cli.Output;

/// <summary>
/// The --out folder of <c>skinlite batch</c>: the journal, <c>documents/</c> (the service's own result per image) and
/// the results files. Checked and created before anything is sent.
/// </summary>
internal sealed class BatchOutputFolder
{
    public const string JournalName = "journal.jsonl";
    public const string DocumentsName = "documents";
    public const string ResultsJsonName = "results.jsonl";
    public const string ResultsCsvName = "results.csv";

    /// <summary>The longest readable part of a document's name; the hash suffix keeps names unique whatever is cut.</summary>
    private const int MaxReadableName = 80;

    private BatchOutputFolder(string path, string shown)
    {
        Path = path;
        Shown = shown;
    }

    /// <summary>The full path of the folder.</summary>
    public string Path { get; }

    /// <summary>The folder as the user spelled it, for messages and the resume command.</summary>
    public string Shown { get; }

    public string Journal => System.IO.Path.Combine(Path, JournalName);

    public string Documents => System.IO.Path.Combine(Path, DocumentsName);

    public string ResultsJson => System.IO.Path.Combine(Path, ResultsJsonName);

    public string ResultsCsv => System.IO.Path.Combine(Path, ResultsCsvName);

    public bool HasJournal => File.Exists(Journal);

    /// <summary>Checks --out and creates it (and <c>documents/</c>) when missing.</summary>
    /// <param name="resume">--resume: the folder must already hold a journal.</param>
    /// <exception cref="BadInputException">--out is a file, cannot be created or written, or --resume finds no journal.</exception>
    public static BatchOutputFolder Prepare(string path, bool resume)
    {
        if (path.Length == 0)
        {
            throw new BadInputException("--out is empty: give the folder for the journal, the documents and the results.");
        }

        string full = OptionFolder.FullPath(path, "--out");
        var folder = new BatchOutputFolder(full, path);
        if (resume && !folder.HasJournal)
        {
            throw new BadInputException($"--resume: there is no batch journal at '{System.IO.Path.Combine(path, JournalName)}' to resume; run without --resume to start the batch. Nothing was sent.");
        }

        OptionFolder.CreateWritable(full, folder.Documents, path, "--out");
        return folder;
    }

    /// <summary>
    /// The document's name for an image, from its path alone (so that a later run finds it again from the journal): the
    /// file name made safe, then 12 hex digits of the SHA-256 of the whole path, which tell apart the same file name in
    /// two folders.
    /// </summary>
    public static string DocumentNameFor(string imagePath)
    {
        string name = System.IO.Path.GetFileName(imagePath);
        var readable = new StringBuilder(Math.Min(name.Length, MaxReadableName));
        foreach (char c in name.AsSpan(0, Math.Min(name.Length, MaxReadableName)))
        {
            readable.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(imagePath));
        return $"{readable}-{Convert.ToHexStringLower(hash, 0, 6)}.json";
    }

    /// <summary>Where an image's document goes, as a path relative to the folder (what results.jsonl records).</summary>
    public static string DocumentEntryFor(string imagePath) => DocumentsName + "/" + DocumentNameFor(imagePath);

    public string DocumentPathFor(string imagePath) => System.IO.Path.Combine(Documents, DocumentNameFor(imagePath));
}
