using System.Text.RegularExpressions;

namespace SkinLite.Tests.Architecture;

/// <summary>
/// The C# files of <c>src/SkinLite</c> as text with comments and string literals removed, each with the folder it sits
/// in, and the top-level types each folder declares. Read from the clone, found by walking up to <c>SkinLite.sln</c>.
/// </summary>
internal sealed partial class LibrarySources
{
    public const string RootFolder = "(root)";

    private LibrarySources(IReadOnlyList<(string Path, string Folder, string Code)> files, IReadOnlyDictionary<string, string> typeFolders)
    {
        Files = files;
        TypeFolders = typeFolders;
    }

    /// <summary>Each file: its path below the repository, its folder below <c>src/SkinLite</c>, and its code without comments or strings.</summary>
    public IReadOnlyList<(string Path, string Folder, string Code)> Files { get; }

    /// <summary>Every top-level type of the library and the folder that declares it.</summary>
    public IReadOnlyDictionary<string, string> TypeFolders { get; }

    public static string RepositoryRoot => TestSupport.RepositoryRoot.Path;

    public static LibrarySources Load(string project = "src/SkinLite")
    {
        string root = Path.Combine(RepositoryRoot, project);
        var files = new List<(string, string, string)>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
            {
                continue;
            }

            string folder = Path.GetDirectoryName(relative) is { Length: > 0 } dir ? dir.Replace('\\', '/') : RootFolder;
            string code = WithoutCommentsAndStrings(File.ReadAllText(path));
            files.Add((Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/'), folder, code));
            foreach (Match declaration in TopLevelDeclaration().Matches(code))
            {
                types.TryAdd(declaration.Groups["name"].Value, folder);
            }
        }

        return new LibrarySources(files, types);
    }

    /// <summary>The references between folders: for each (from, to) pair, which files name which types of the other folder.</summary>
    public IReadOnlyDictionary<(string From, string To), SortedSet<string>> FolderReferences()
    {
        var edges = new Dictionary<(string, string), SortedSet<string>>();
        foreach ((string path, string folder, string code) in Files)
        {
            foreach (string identifier in Identifier().Matches(code).Select(m => m.Value).Distinct(StringComparer.Ordinal))
            {
                if (TypeFolders.TryGetValue(identifier, out string? target) && target != folder)
                {
                    if (!edges.TryGetValue((folder, target), out SortedSet<string>? why))
                    {
                        edges[(folder, target)] = why = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    why.Add($"{Path.GetFileName(path)} -> {identifier}");
                }
            }
        }

        return edges;
    }

    /// <summary>Removes comments, then string and character literals (regular, verbatim, interpolated, raw, UTF-8), keeping line breaks.</summary>
    public static string WithoutCommentsAndStrings(string source) => Strip(source, keepStrings: false);

    /// <summary>Removes comments only, keeping string literals as written.</summary>
    public static string WithoutComments(string source) => Strip(source, keepStrings: true);

    private static string Strip(string source, bool keepStrings) =>
        CommentOrLiteral().Replace(source, m => m.Value.StartsWith("//", StringComparison.Ordinal) || m.Value.StartsWith("/*", StringComparison.Ordinal)
            ? new string('\n', m.Value.Count(c => c == '\n'))
            : keepStrings ? m.Value : "\"\"");

    // Raw strings first (three or more quotes), then verbatim and regular strings, character literals, and comments.
    [GeneratedRegex("""(?s)\$*(\"{3,}).*?\1|\$?@\$?"(?:[^"]|"")*"|\$?"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)+'|//[^\n]*|/\*.*?\*/""")]
    private static partial Regex CommentOrLiteral();

    // File-scoped namespaces leave top-level types at the start of a line; nested types are indented.
    [GeneratedRegex(@"(?m)^(?:public|internal)\b[^\n{;=(]*?\b(?:class|struct|enum|interface|record)\s+(?<name>[A-Z]\w*)")]
    private static partial Regex TopLevelDeclaration();

    [GeneratedRegex(@"\b[A-Za-z_]\w*\b")]
    private static partial Regex Identifier();
}
