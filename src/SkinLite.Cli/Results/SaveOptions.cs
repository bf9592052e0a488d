using System.CommandLine;

namespace SkinLite.Cli.Results;

/// <summary>The --save and --report options of analyze, result and batch.</summary>
internal static class SaveOptions
{
    public const string SaveName = "--save";
    public const string ReportName = "--report";

    public static Option<string?> Save(string description) => new(SaveName) { Description = description, HelpName = "dir" };

    public static Option<bool> Report(string description) => new(ReportName) { Description = description };
}
