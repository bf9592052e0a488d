namespace SkinLite.Reports.Tests.Saving.Support;

/// <summary>What a save left on disk.</summary>
internal static class Folder
{
    /// <summary>Every file under <paramref name="root"/>, relative, with '/' separators, sorted.</summary>
    public static string[] Files(string root) =>
        Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]
            : [];

    public static string[] PartFiles(string root) => [.. Files(root).Where(f => f.EndsWith(".part", StringComparison.Ordinal))];
}
