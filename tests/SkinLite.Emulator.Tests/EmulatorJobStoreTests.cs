using Microsoft.Extensions.Time.Testing;
using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests;

/// <summary>Memory stays bounded: finished jobs expire, and there is a ceiling on how many are kept.</summary>
public class EmulatorJobStoreTests
{
    [Fact]
    public async Task A_finished_job_is_forgotten_after_the_retention()
    {
        var time = new FakeTimeProvider();
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.FromSeconds(10), JobRetention = TimeSpan.FromMinutes(1) }, time);
        SkinLiteClient client = Emulated.Client(emulator);
        SkinAnalysisJob job = await client.SubmitAsync(Emulated.Face());

        time.Advance(TimeSpan.FromSeconds(69));
        Assert.True((await client.GetOutcomeAsync(job)).IsSucceeded);
        time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<SkinLiteNotFoundException>(() => client.GetOutcomeAsync(job));
        Assert.Equal(0, emulator.JobCount);
    }

    [Fact]
    public async Task Beyond_MaxJobs_the_oldest_job_is_evicted()
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, MaxJobs = 2 });
        SkinLiteClient client = Emulated.Client(emulator);
        SkinAnalysisJob first = await client.SubmitAsync(Emulated.Face(1));
        SkinAnalysisJob second = await client.SubmitAsync(Emulated.Face(2));
        SkinAnalysisJob third = await client.SubmitAsync(Emulated.Face(3));

        await Assert.ThrowsAsync<SkinLiteNotFoundException>(() => client.GetOutcomeAsync(first));
        Assert.True((await client.GetOutcomeAsync(second)).IsSucceeded);
        Assert.True((await client.GetOutcomeAsync(third)).IsSucceeded);
        Assert.Equal(2, emulator.JobCount);
    }

    [Fact]
    public async Task A_disposed_emulator_refuses_requests_and_holds_nothing()
    {
        var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        SkinLiteClient client = Emulated.Client(emulator);
        await client.SubmitAsync(Emulated.Face());

        emulator.Dispose();

        Assert.Equal(0, emulator.JobCount);
        Assert.Throws<ObjectDisposedException>(() => emulator.CreateHandler());
        await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => client.SubmitAsync(Emulated.Face()));
    }
}
