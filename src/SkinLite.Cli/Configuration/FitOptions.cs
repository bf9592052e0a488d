using System.CommandLine;

namespace SkinLite.Cli.Configuration;

/// <summary>The options that steer image fitting, shared by analyze and fit.</summary>
internal static class FitOptions
{
    public static Option<bool> NoFit() => new("--no-fit")
    {
        Description = "Send the image exactly as it is: no rotation, scaling or metadata removal. The local checks then refuse what the service would refuse.",
    };

    public static Option<bool> KeepMetadata() => new("--keep-metadata")
    {
        Description = "Send an image that meets the rules as it is, even when it carries metadata (location, device, dates). By default such an image is re-encoded without it.",
    };
}
