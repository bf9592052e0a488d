namespace SkinLite.Cli.Configuration;

/// <summary>
/// The route families as the command line names them: the names --api takes and messages print. What a family is on
/// the wire (its path, its plugin, whether it has scan ids) is <see cref="SkinLiteApiExtensions"/>'s to say.
/// </summary>
internal static class ApiNames
{
    /// <summary>The family used when --api is not given.</summary>
    public const SkinLiteApi Default = SkinLiteApi.Private;

    /// <summary>Every name --api takes, for help and error messages: <c>private, platform or transformation</c>.</summary>
    public static string List { get; } =
        string.Join(", ", SkinLiteApiExtensions.All.SkipLast(1).Select(Of)) + " or " + Of(SkinLiteApiExtensions.All[^1]);

    /// <summary>The family's name on the command line: the enum name in lower case.</summary>
    public static string Of(SkinLiteApi api) => api.ToString().ToLowerInvariant();

    /// <summary>Reads an --api value, ignoring case and surrounding white space.</summary>
    public static bool TryParse(string? name, out SkinLiteApi api)
    {
        string? wanted = name?.Trim();
        foreach (SkinLiteApi candidate in SkinLiteApiExtensions.All)
        {
            if (string.Equals(Of(candidate), wanted, StringComparison.OrdinalIgnoreCase))
            {
                api = candidate;
                return true;
            }
        }

        api = default;
        return false;
    }
}
