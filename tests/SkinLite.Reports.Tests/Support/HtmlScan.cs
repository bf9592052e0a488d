using System.Text.RegularExpressions;

namespace SkinLite.Reports.Tests.Support;

/// <summary>
/// Just enough reading of the pages to check them: attributes of start tags, inline blocks, the policy. A regular
/// expression over markup this library wrote (whose attribute values never hold a raw quote or '&lt;'), not a parser.
/// </summary>
internal static partial class HtmlScan
{
    /// <summary>Every start tag's name and attributes as (tag, attribute, value), values HTML-decoded.</summary>
    public static IEnumerable<(string Tag, string Name, string Value)> Attributes(string html)
    {
        foreach (Match tag in StartTag().Matches(html))
        {
            foreach (Match attribute in Attribute().Matches(tag.Groups["attrs"].Value))
            {
                string value = attribute.Groups["dq"].Success ? attribute.Groups["dq"].Value
                    : attribute.Groups["sq"].Success ? attribute.Groups["sq"].Value
                    : attribute.Groups["bare"].Value;
                yield return (tag.Groups["tag"].Value.ToLowerInvariant(), attribute.Groups["name"].Value.ToLowerInvariant(), System.Net.WebUtility.HtmlDecode(value));
            }
        }
    }

    /// <summary>The text of every <c>&lt;style&gt;</c> or <c>&lt;script&gt;</c> block.</summary>
    public static IReadOnlyList<string> Blocks(string html, string tag) =>
        [.. Regex.Matches(html, $"<{tag}[^>]*>(.*?)</{tag}>", RegexOptions.Singleline | RegexOptions.IgnoreCase).Select(match => match.Groups[1].Value)];

    /// <summary>The policy in the head's first element.</summary>
    public static string Policy(string html)
    {
        Match head = Regex.Match(html, "<head>\\s*<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">");
        Assert.True(head.Success, "The head's first element is not the Content-Security-Policy meta.");
        return System.Net.WebUtility.HtmlDecode(head.Groups[1].Value);
    }

    /// <summary>The directive of a policy, e.g. <c>style-src</c>, or null.</summary>
    public static string? Directive(string policy, string name) =>
        policy.Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(directive => directive.StartsWith(name + " ", StringComparison.Ordinal));

    [GeneratedRegex("<(?<tag>[a-zA-Z][a-zA-Z0-9-]*)(?<attrs>(?:\\s+[^\\s/>=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*/?>")]
    private static partial Regex StartTag();

    [GeneratedRegex("(?<name>[^\\s/>=]+)(?:\\s*=\\s*(?:\"(?<dq>[^\"]*)\"|'(?<sq>[^']*)'|(?<bare>[^\\s>]+)))?")]
    private static partial Regex Attribute();
}
