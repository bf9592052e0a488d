using Microsoft.Extensions.Options;

namespace SkinLite;

/// <summary>
/// Validates <see cref="SkinLiteClientOptions"/> through the options' own rules (so a host and a hand-made client apply
/// the same ones) and reports every problem at once, each named the way the user wrote the setting: the configuration
/// key (<c>SkinLite:AppId</c>, <c>SkinLite:Polling:Deadline</c>) when the options were bound from configuration, the
/// C# property (<c>SkinLiteClientOptions.AppId</c>) when they were set in code. No reflection.
/// </summary>
/// <param name="sectionPath">The bound section's path (<c>SkinLite</c>, or empty for the root); <see langword="null"/> when set in code.</param>
internal sealed class SkinLiteClientOptionsValidator(string? sectionPath) : IValidateOptions<SkinLiteClientOptions>
{
    public ValidateOptionsResult Validate(string? name, SkinLiteClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [.. options.Problems().Select(problem => $"{Spell(problem.Member)} {problem.Text}")];
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string Spell(string member) => sectionPath switch
    {
        null => SkinLiteClientOptions.CodeName(member),
        "" => member,
        _ => $"{sectionPath}:{member}",
    };
}
