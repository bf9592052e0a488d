using System.Runtime.CompilerServices;
using SkinLite.Cli.Output;

namespace SkinLite.Cli.Input;

/// <summary>
/// The images of <c>skinlite batch</c>: a folder (walked lazily), a list file or stdin (read line by line), as full
/// paths. The batch journal keys images by path, so full paths let a resume from another working directory, or with
/// another spelling of the folder, recognise the images it has already paid for.
/// </summary>
internal sealed class BatchInput
{
    /// <summary>What the folder walk takes as an image, compared without regard to case.</summary>
    public static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".webp"];

    private readonly Func<CancellationToken, IAsyncEnumerable<string>> _paths;
    private int _read;
    private volatile bool _complete;

    private BatchInput(string description, Func<BatchInput, CancellationToken, IAsyncEnumerable<string>> paths)
    {
        Description = description;
        _paths = cancellationToken => paths(this, cancellationToken);
    }

    /// <summary>How the input is named in messages: "folder 'photos'", "list 'todo.txt'", "stdin".</summary>
    public string Description { get; }

    /// <summary>How many paths have been read so far.</summary>
    public int Read => Volatile.Read(ref _read);

    /// <summary>The number of paths, once the whole input has been read; <see langword="null"/> before.</summary>
    public int? Total => _complete ? Read : null;

    /// <summary>Checks the argument now, so that a missing folder or list is exit 2 before anything is sent.</summary>
    /// <param name="argument">A folder, a list file, or <c>-</c> for stdin.</param>
    /// <exception cref="BadInputException">There is no such folder or file, or it cannot be read.</exception>
    public static BatchInput Open(string argument)
    {
        if (argument == "-")
        {
            return new BatchInput("stdin", static (input, ct) => input.ReadLinesAsync(new StreamReader(Console.OpenStandardInput()), baseDirectory: null, ct));
        }

        if (argument.Length == 0)
        {
            throw new BadInputException("The input is empty: give a folder of images, a file listing image paths, or - to read paths from stdin.");
        }

        if (Directory.Exists(argument))
        {
            string root = Path.GetFullPath(argument);
            try
            {
                // Proves the folder can be listed now rather than after the first submits.
                using IEnumerator<string> probe = Directory.EnumerateFileSystemEntries(root).GetEnumerator();
                probe.MoveNext();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new BadInputException($"The folder '{argument}' cannot be read: {ex.Message}");
            }

            return new BatchInput($"folder '{argument}'", (input, ct) => input.WalkAsync(root, ct));
        }

        // The list is opened here, so that a missing or unreadable one is refused before anything runs.
        FileStream list = File.Exists(argument)
            ? RegularFile.Open(argument, "a list of image paths")
            : throw new BadInputException($"There is no folder or list file at '{argument}': give a folder of images, a file listing image paths (one a line), or - for stdin.");
        string baseDirectory = Path.GetDirectoryName(Path.GetFullPath(argument))!;
        return new BatchInput($"list '{argument}'", (input, ct) => input.ReadListAsync(list, baseDirectory, ct));
    }

    /// <summary>The paths, read as the batch asks for them: never the whole list at once.</summary>
    public IAsyncEnumerable<string> Paths(CancellationToken cancellationToken = default) => _paths(cancellationToken);

    /// <summary>Whether a file name has one of <see cref="ImageExtensions"/>.</summary>
    public static bool IsImageName(string name)
    {
        foreach (string extension in ImageExtensions)
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private string Counted(string path)
    {
        Interlocked.Increment(ref _read);
        return path;
    }

    /// <summary>
    /// Depth first, each folder's images in ordinal order and then its subfolders in ordinal order, so that runs over
    /// the same folder list the images alike. One folder's entries are held at a time, never the whole tree. Not entered:
    /// hidden folders (a leading dot), which hold tool state; symbolic links to folders, which can loop; and the bin/ and
    /// obj/ folders beside a project file, whose images are build copies (samples/ holds projects that copy face.png).
    /// </summary>
    private async IAsyncEnumerable<string> WalkAsync(string root, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string directory = pending.Pop();
            string[] files;
            string[] subfolders;
            try
            {
                files = [.. Directory.EnumerateFiles(directory).Where(file => IsImageName(Path.GetFileName(file)))];
                bool project = Directory.EnumerateFiles(directory, "*.*proj").Any();
                subfolders = [.. Directory.EnumerateDirectories(directory).Where(sub => Enterable(sub, project))];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // One unreadable subfolder should not end a batch of thousands: say so, and go on with the rest.
                Terminal.Error($"Skipped the folder '{directory}': {ex.Message}");
                continue;
            }

            Array.Sort(files, StringComparer.Ordinal);
            foreach (string file in files)
            {
                yield return Counted(file);
            }

            Array.Sort(subfolders, StringComparer.Ordinal);
            for (int i = subfolders.Length - 1; i >= 0; i--)
            {
                pending.Push(subfolders[i]);
            }

            await Task.Yield();
        }

        _complete = true;
    }

    /// <param name="directory">A subfolder.</param>
    /// <param name="inProject">Whether its parent holds a project file (*.csproj and the like).</param>
    private static bool Enterable(string directory, bool inProject)
    {
        string name = Path.GetFileName(directory);
        if (name.StartsWith('.') || (inProject && (name is "bin" or "obj")))
        {
            return false;
        }

        try
        {
            return new DirectoryInfo(directory).LinkTarget is null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private async IAsyncEnumerable<string> ReadListAsync(FileStream list, string baseDirectory, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(list);
        await foreach (string path in ReadLinesAsync(reader, baseDirectory, cancellationToken).ConfigureAwait(false))
        {
            yield return path;
        }
    }

    /// <summary>One path a line; blank lines and lines starting with <c>#</c> are skipped, surrounding spaces trimmed.</summary>
    /// <param name="baseDirectory">What relative paths are relative to: the list file's folder; <see langword="null"/> for the working directory (stdin).</param>
    private async IAsyncEnumerable<string> ReadLinesAsync(TextReader reader, string? baseDirectory, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A read from a pipe or a terminal does not always heed the token; WaitAsync does, so Ctrl-C is not stuck behind it.
        while (await reader.ReadLineAsync(cancellationToken).AsTask().WaitAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            string path = line.Trim();
            if (path.Length == 0 || path.StartsWith('#'))
            {
                continue;
            }

            yield return Counted(baseDirectory is null ? Path.GetFullPath(path) : Path.GetFullPath(path, baseDirectory));
        }

        _complete = true;
    }
}
