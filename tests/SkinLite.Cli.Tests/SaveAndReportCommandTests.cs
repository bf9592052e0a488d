using SkinLite.Cli.Tests.Support;

namespace SkinLite.Cli.Tests;

/// <summary>skinlite report on what is not a finished, saved analysis: a clear error, and nothing on the disk lost.</summary>
public sealed class SaveAndReportCommandTests
{
    [Fact]
    public async Task A_pending_jobs_document_is_refused_with_how_to_fetch_the_final_one()
    {
        using var output = new TempFolder();
        string document = output.Write("pending.json", """{"_id":"p1","status":"PROCESSING"}"""u8.ToArray());

        CliResult run = await CliProcess.RunAsync("report", document);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("has not ended", run.Stderr);
        Assert.Contains("skinlite result", run.Stderr);
        Assert.Empty(Directory.GetFiles(output.Path, "*.html"));
    }

    [Fact]
    public async Task An_output_that_is_a_folder_or_the_saved_document_itself_is_refused_and_nothing_is_overwritten()
    {
        using var output = new TempFolder();
        string dir = Path.Combine(output.Path, "out");
        CliResult saved = await CliProcess.RunAsync("analyze", "samples/face.png", "--save", dir, "--quiet");
        Assert.True(saved.ExitCode == 0, saved.ToString());
        string document = Path.Combine(dir, "document.json");
        byte[] before = File.ReadAllBytes(document);

        CliResult overDocument = await CliProcess.RunAsync("report", dir, "-o", document);
        CliResult intoFolder = await CliProcess.RunAsync("report", dir, "-o", Path.Combine(dir, "images"));

        Assert.True(overDocument.ExitCode == 2, overDocument.ToString());
        Assert.Contains("own document.json", overDocument.Stderr);
        Assert.Equal(before, File.ReadAllBytes(document));
        Assert.True(intoFolder.ExitCode == 2, intoFolder.ToString());
        Assert.Contains("it is a folder", intoFolder.Stderr);
    }
}
