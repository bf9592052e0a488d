using System.Text.RegularExpressions;

namespace SkinLite.Tests.Support;

/// <summary>The plain rule the compaction must follow, for JSON whose strings hold no raw line break or tab (valid JSON).</summary>
internal static class JsonLayout
{
    /// <summary>The text with every line break or tab, and the whitespace after it, removed.</summary>
    public static string WithoutLineBreaks(string json) => Regex.Replace(json, "[\r\n\t][ \r\n\t]*", "");
}
