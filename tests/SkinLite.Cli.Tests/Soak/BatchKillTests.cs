using SkinLite.Cli.Tests.Support;

namespace SkinLite.Cli.Tests.Soak;

/// <summary>
/// The batch's promise under fire: <c>skinlite batch</c> SIGKILLed at random moments against a faulty, rate-limited
/// emulator, then resumed, loses no image and submits none twice. CI runs the small plan (about 200 images, one kill);
/// <c>benchmarks/batch-soak.sh</c> runs the full one (1,000 images, three kills) through this same test.
/// </summary>
public sealed class BatchKillTests
{
    [LinuxFact]
    public async Task Killed_and_resumed_the_batch_loses_nothing_and_submits_no_image_twice()
    {
        SoakPlan plan = SoakPlan.FromEnvironment();
        using var folder = new TempFolder("skinlite-soak-");

        SoakFigures figures = await BatchSoak.RunAsync(plan, folder.Path);

        string report = figures.Report();
        if (Environment.GetEnvironmentVariable("SKINLITE_SOAK_REPORT") is { Length: > 0 } reportPath)
        {
            await File.WriteAllTextAsync(reportPath, report);
        }

        Assert.True(figures.Crashes.Count == 0, string.Join("\n", figures.Crashes));
        Assert.Equal(0, figures.ForeignImages); // the files go out as they are, so the emulator's counts are per file
        Assert.True(figures.SubmittedTwice.Count == 0, report + string.Join("\n", figures.SubmittedTwice));
        Assert.True(figures.Lost == 0, report);
        Assert.True(figures.UnexplainedUncertain.Count == 0, report + string.Join("\n", figures.UnexplainedUncertain));
        Assert.Equal(plan.Images, figures.Final + figures.Uncertain.Count);
        Assert.Equal(plan.Kills, figures.KillMoments.Count);
        Assert.True(figures.Final > plan.Images / 2, report);
    }
}
