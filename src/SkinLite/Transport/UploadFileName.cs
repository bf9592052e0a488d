using System.Text;

namespace SkinLite;

/// <summary>Makes a file name safe for a quoted <c>filename="..."</c> parameter: printable ASCII only, no quotes or backslashes.</summary>
internal static class UploadFileName
{
    public static string Sanitize(string? fileName, string fallback)
    {
        string name = Path.GetFileName(fileName ?? string.Empty);
        if (name.Length == 0)
        {
            return fallback;
        }

        var safe = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            safe.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_');
        }

        return safe.ToString();
    }
}
