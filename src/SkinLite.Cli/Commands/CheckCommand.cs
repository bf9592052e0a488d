using System.CommandLine;
using System.Globalization;
using SkinLite.Cli.Input;
using SkinLite.Imaging;

namespace SkinLite.Cli.Commands;

/// <summary><c>skinlite check &lt;image&gt;...</c>: the local preflight only, one line per image; nothing is sent anywhere.</summary>
internal static class CheckCommand
{
    /// <summary>Every image passes (0), or one does not or cannot be read, or the usage is wrong (2).</summary>
    public static IReadOnlyList<int> ExitCodesReturned { get; } = [ExitCodes.Succeeded, ExitCodes.BadInput];

    public static Command Create()
    {
        var images = new Argument<string[]>("images")
        {
            Description = "The images to check.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command(
            "check",
            "Check images against the service's rules (PNG or JPEG, at most 5 MB, 1024 to 2048 pixels a side) without sending them, " +
            "and say for each whether fitting (what analyze does unless --no-fit) would fix it. An image that fails the rules counts as bad local input.")
        {
            images,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(images)));
        return command;
    }

    private static int Run(string[] paths)
    {
        int failures = 0;
        foreach (string path in paths)
        {
            string? problem;
            try
            {
                ImagePreflightResult result = ImageInput.Preflight(path);
                string? fitting = FittingNote(path, result);
                // The line starts with the path already: the library's message alone, not Describe's, which names it again.
                problem = result.IsValid ? null : result.Message + fitting;
                if (problem is null)
                {
                    ImageInfo info = result.Info;
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: ok ({info.Format.ToString().ToUpperInvariant()}, {info.Width}x{info.Height}, {Size(info.FileSize)}){fitting}"));
                    continue;
                }
            }
            catch (BadInputException ex)
            {
                problem = WithoutPath(ex.Message, path);
            }

            failures++;
            Console.Out.WriteLine($"{path}: FAIL: {problem.ReplaceLineEndings(" ")}");
        }

        return failures == 0 ? ExitCodes.Succeeded : ExitCodes.BadInput;
    }

    /// <summary>
    /// What analyze would do about the image: for a failing one, whether fitting fixes it; for a passing one, what
    /// fitting still changes (a turned photo, metadata). Empty when there is nothing to add.
    /// </summary>
    private static string FittingNote(string path, ImagePreflightResult result)
    {
        if (result.Reason is RejectionReason.CorruptImage or RejectionReason.UnreadableImage)
        {
            return string.Empty;
        }

        FitAssessment assessment = PhotoFitting.Assess(PhotoFitting.Read(path));
        if (!assessment.CanFit)
        {
            return result.IsValid || assessment.RefusalReason == result.Reason ? string.Empty : $" Fitting cannot fix it: {assessment.Refusal}";
        }

        if (!assessment.NeedsFitting)
        {
            return string.Empty;
        }

        return result.IsValid
            ? $"; analyze sends it fitted ({assessment.Changes}; --keep-metadata or --no-fit to send it as it is)"
            : $" Fitting fixes it ({assessment.Changes}): analyze does this by itself, and 'skinlite fit' writes the result.";
    }

    /// <summary>A file problem's message names the path, which the line already starts with: "this path" stands for it.</summary>
    private static string WithoutPath(string message, string path)
    {
        string text = message.Replace($"'{path}'", "this path", StringComparison.Ordinal);
        return text.StartsWith("this path", StringComparison.Ordinal) ? "T" + text[1..] : text;
    }

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB");
}
