using System.Net;
using Microsoft.Extensions.Logging;
using SkinLite.Tests.Polling;

namespace SkinLite.Tests.Diagnostics;

public sealed class LoggingTests
{
    private static PollingOptions Steady(TimeSpan? deadline = null) => new() { FixedInterval = TimeSpan.FromSeconds(3), Deadline = deadline ?? TimeSpan.FromMinutes(10) };

    [Fact]
    public async Task A_whole_job_logs_its_submit_each_poll_at_debug_a_retry_and_its_outcome()
    {
        using var logs = new CapturingLoggerProvider();
        using var harness = new WaitingHarness(Steady(), logs);
        harness.Handler.OnSubmit(Replies.Accepted("pred-log", "scan-log"));
        harness.Handler.OnPoll(Replies.Pending(), Replies.Status(HttpStatusCode.BadGateway), Replies.Succeeded());

        await harness.Clock.RunAsync(harness.Client.AnalyzeAsync(TestPng.Create()));

        Assert.All(logs.Lines, l => Assert.Equal("SkinLite", l.Category));
        LogLine submitted = Assert.Single(logs.Lines, l => l.EventId.Id == 1);
        Assert.Equal(LogLevel.Information, submitted.Level);
        Assert.Contains("pred-log", submitted.Message, StringComparison.Ordinal);
        Assert.Contains("scan-log", submitted.Message, StringComparison.Ordinal);

        LogLine[] polls = [.. logs.Lines.Where(l => l.EventId.Id == 3)];
        Assert.Equal(2, polls.Length);
        Assert.All(polls, p => Assert.Equal(LogLevel.Debug, p.Level));
        Assert.Contains("PROCESSING", polls[0].Message, StringComparison.Ordinal);

        LogLine retry = Assert.Single(logs.Lines, l => l.EventId.Id == 4);
        Assert.Equal(LogLevel.Warning, retry.Level);
        Assert.Contains("HTTP 502", retry.Message, StringComparison.Ordinal);
        Assert.Contains("pred-log", retry.Message, StringComparison.Ordinal);

        LogLine ended = Assert.Single(logs.Lines, l => l.EventId.Id == 5);
        Assert.Equal(LogLevel.Information, ended.Level);
        Assert.Contains("succeeded", ended.Message, StringComparison.Ordinal);
        Assert.Equal(3, ended.Values.Single(v => v.Key == "Polls").Value);
    }

    [Fact]
    public async Task A_connect_retry_of_the_submit_is_a_warning_with_its_cause()
    {
        using var logs = new CapturingLoggerProvider();
        using var harness = new WaitingHarness(loggerFactory: logs);
        harness.Handler.OnSubmit(Replies.ConnectionRefused(), Replies.Accepted());

        await harness.Clock.RunAsync(harness.Client.SubmitAsync(TestPng.Create(), "face.png"));

        LogLine retry = Assert.Single(logs.Lines, l => l.EventId.Id == 2);
        Assert.Equal(LogLevel.Warning, retry.Level);
        Assert.IsType<SkinLiteTransportException>(retry.Exception);
        Assert.Equal(1, retry.Values.Single(v => v.Key == "Attempt").Value);
    }

    [Fact]
    public async Task Reaching_the_deadline_is_a_warning_naming_the_job_and_last_status()
    {
        using var logs = new CapturingLoggerProvider();
        using var harness = new WaitingHarness(Steady(TimeSpan.FromSeconds(10)), logs);
        harness.Handler.OnPoll(Replies.Pending("PREPARING"));

        await Assert.ThrowsAsync<SkinLiteWaitTimeoutException>(() => harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob())));

        LogLine deadline = Assert.Single(logs.Lines, l => l.EventId.Id == 6);
        Assert.Equal(LogLevel.Warning, deadline.Level);
        Assert.Contains(Replies.PredictionId, deadline.Message, StringComparison.Ordinal);
        Assert.Contains("PREPARING", deadline.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.EventId.Id == 5);
    }

    [Fact]
    public async Task A_permanent_error_ending_the_wait_is_a_warning()
    {
        using var logs = new CapturingLoggerProvider();
        using var harness = new WaitingHarness(Steady(), logs);
        harness.Handler.OnPoll(Replies.Pending(), Replies.Status(HttpStatusCode.Forbidden));

        await Assert.ThrowsAsync<SkinLiteAuthenticationException>(() => harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob())));

        LogLine failed = Assert.Single(logs.Lines, l => l.EventId.Id == 7);
        Assert.Equal(LogLevel.Warning, failed.Level);
        Assert.Contains("HTTP 403", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_wait_logs_no_failure()
    {
        using var logs = new CapturingLoggerProvider();
        using var harness = new WaitingHarness(Steady(), logs);
        harness.Handler.OnPoll(Replies.Pending());
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(4), harness.Clock);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob(), cancellationToken: cancel.Token)));

        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Warning);
        Assert.Equal(2, logs.Lines.Count(l => l.EventId.Id == 3));
    }
}
