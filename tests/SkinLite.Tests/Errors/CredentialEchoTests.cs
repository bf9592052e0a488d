using System.Net;
using System.Text;
using SkinLite.Tests.Diagnostics;
using SkinLite.Tests.Polling;

namespace SkinLite.Tests.Errors;

/// <summary>
/// A hostile service echoes the key outside an error message: as the status, as the submit's ids, base64url-encoded.
/// Nothing the library puts in an outcome's text, an exception, a log line or a trace may carry it.
/// </summary>
public sealed class CredentialEchoTests
{
    private static readonly byte[] Png = TestPng.Create();

    private static string Base64 => WaitingHarness.EncodedCredential;

    private static string Base64Url => Base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static TheoryData<string> Spellings => new() { WaitingHarness.Credential, Base64, Base64.TrimEnd('='), Base64Url };

    private static void AssertNoKey(string? text)
    {
        if (text is null)
        {
            return;
        }

        foreach (string spelling in new[] { WaitingHarness.Credential, Base64, Base64.TrimEnd('='), Base64Url })
        {
            Assert.DoesNotContain(spelling, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task A_status_that_echoes_the_key_is_masked_in_the_outcome_the_logs_and_the_timeout(string spelling)
    {
        using var logs = new CapturingLoggerProvider();
        using var traces = new ActivityCapture();
        using var harness = new WaitingHarness(new PollingOptions { InitialDelay = TimeSpan.Zero, FixedInterval = TimeSpan.FromSeconds(1), Deadline = TimeSpan.FromSeconds(3) }, logs);
        harness.Handler.OnPoll(Replies.Pending($"PROCESSING {spelling}"));

        var timeout = await Assert.ThrowsAsync<SkinLiteWaitTimeoutException>(() => harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.SubmittedJob())));

        Assert.Equal("PROCESSING ***", timeout.LastStatus?.Value);
        AssertNoKey(timeout.ToString());
        Assert.NotEmpty(logs.Lines);
        Assert.All(logs.Lines, line => AssertNoKey(line.AllText));
        Assert.All(traces.Stopped, activity => Assert.All(activity.TagObjects, tag => AssertNoKey(tag.Value?.ToString())));
    }

    [Fact]
    public async Task A_single_fetch_masks_the_key_in_the_status()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnPoll(Replies.Json($$$"""{"status":"PREPARING {{{Base64Url}}}","output":{"error":"echo {{{WaitingHarness.Credential}}}"}}"""));

        AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.GetOutcomeAsync(Replies.ScanId, Replies.PredictionId));

        Assert.Equal(OutcomeKind.Pending, outcome.Kind);
        Assert.Equal("PREPARING ***", outcome.Status.Value);
        Assert.DoesNotContain(WaitingHarness.Credential, outcome.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_keeps_its_kind_when_its_message_is_masked()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnPoll(Replies.Json($$$"""{"status":"FAILED","output":{"error":"echo {{{Base64Url}}}"}}"""));

        AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.GetOutcomeAsync(Replies.ScanId, Replies.PredictionId));

        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.Equal("echo ***", outcome.Message);
    }

    [Theory]
    [InlineData("_id")]
    [InlineData("scanId")]
    public async Task A_submit_answer_whose_id_is_the_key_is_refused_and_says_the_job_may_exist(string field)
    {
        using var logs = new CapturingLoggerProvider();
        using var harness = new WaitingHarness(loggerFactory: logs);
        string prediction = field == "_id" ? WaitingHarness.Credential : Replies.PredictionId;
        string scan = field == "scanId" ? Base64 : Replies.ScanId;
        harness.Handler.OnSubmit(Replies.Json($$"""{"_id":"{{prediction}}","scanId":"{{scan}}","status":"ACCEPTED"}""", HttpStatusCode.Created));

        var error = await Assert.ThrowsAsync<SkinLiteProtocolException>(() => harness.Clock.RunAsync(harness.Client.SubmitAsync(Png, "face.png")));

        Assert.Contains("access key", error.Message, StringComparison.Ordinal);
        Assert.True(error.JobMayExist);
        AssertNoKey(error.ToString());
        AssertNoKey(error.BodyExcerpt);
        Assert.All(logs.Lines, line => AssertNoKey(line.AllText));
        Assert.Single(harness.Handler.Submits);
    }

    [Fact]
    public void A_key_too_short_to_be_real_is_refused_with_its_length_only()
    {
        var error = Assert.Throws<ArgumentException>(() => new SkinLiteClientOptions { AppId = "app", Credential = "abc" }.Validate());

        Assert.Contains("3 characters long", error.Message, StringComparison.Ordinal);
        Assert.Contains($"at least {SkinLiteClientOptions.MinimumCredentialLength}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'abc'", error.Message, StringComparison.Ordinal);
        new SkinLiteClientOptions { AppId = "app", Credential = new string('k', SkinLiteClientOptions.MinimumCredentialLength) }.Validate();
    }

    [Fact]
    public void The_encoded_spellings_are_those_of_the_UTF8_bytes()
    {
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(WaitingHarness.Credential)), Base64);
    }
}
