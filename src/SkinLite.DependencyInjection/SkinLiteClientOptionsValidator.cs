using Microsoft.Extensions.Options;

namespace SkinLite;

/// <summary>
/// Validates <see cref="SkinLiteClientOptions"/> with generated code (no reflection over the options type), through the
/// options' own <see cref="SkinLiteClientOptions.Validate()"/>, so a host and a hand-made client apply the same rules.
/// </summary>
[OptionsValidator]
internal sealed partial class SkinLiteClientOptionsValidator : IValidateOptions<SkinLiteClientOptions>;
