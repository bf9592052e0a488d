using System.CommandLine;
using SkinLite.Cli.Configuration;
using SkinLite.Cli.Input;
using SkinLite.Cli.Output;
using SkinLite.Imaging;

namespace SkinLite.Cli.Commands;

/// <summary><c>skinlite fit &lt;in&gt; &lt;out&gt;</c>: writes the image analyze would send, and says what was done. Nothing is sent anywhere.</summary>
internal static class FitCommand
{
    /// <summary>Written (0), or a bad input, an image that cannot be fitted or an output that cannot be written (2).</summary>
    public static IReadOnlyList<int> ExitCodesReturned { get; } = [ExitCodes.Succeeded, ExitCodes.BadInput];

    public static Command Create()
    {
        var input = new Argument<string>("image") { Description = "The photo: JPEG, PNG or WebP." };
        var output = new Argument<string>("output") { Description = "Where to write the fitted image (a JPEG, or the photo's own bytes when it needs nothing); replaced if it exists." };
        Option<bool> keepMetadata = FitOptions.KeepMetadata();
        var command = new Command(
            "fit",
            "Fit a photo to the service's rules as analyze does (upright, at most 2048 pixels a side, sRGB, a JPEG under 5 MB without " +
            "location, device or date metadata) and write it. Nothing is sent.")
        {
            input,
            output,
        };
        command.Options.Add(keepMetadata);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            () => Task.FromResult(Run(parse.GetRequiredValue(input), parse.GetRequiredValue(output), parse.GetValue(keepMetadata))),
            cancellationToken));
        return command;
    }

    private static int Run(string inputPath, string outputPath, bool keepMetadata)
    {
        byte[] image = PhotoFitting.Read(inputPath);
        if (Path.GetFullPath(outputPath) == Path.GetFullPath(inputPath))
        {
            throw new BadInputException($"'{outputPath}' is the photo itself; write the fitted image elsewhere, so the original is kept.");
        }

        using FittedImage fitted = PhotoFitting.Fit(inputPath, image, new ImageFitOptions { KeepMetadata = keepMetadata }, "Nothing was written.");
        try
        {
            OutputFile.WriteAtomically(outputPath, fitted.Content.Span);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"Cannot write '{outputPath}': {ex.Message}");
        }

        Console.Out.WriteLine($"{outputPath}: {fitted.Report}");
        return ExitCodes.Succeeded;
    }
}
