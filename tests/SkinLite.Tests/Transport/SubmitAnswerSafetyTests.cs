using System.Net;
using SkinLite.Tests.Polling;

namespace SkinLite.Tests.Transport;

/// <summary>
/// The submit's answer names ids the client will put in URLs. An id that cannot be polled is a broken answer found at
/// once, and since the POST went out the error says the job may exist: never "nothing was sent".
/// </summary>
public sealed class SubmitAnswerSafetyTests
{
    private static readonly byte[] Png = TestPng.Create();

    public static TheoryData<string> UnsafeIds => new() { "..", "a/../x", "a%2Fb", "line\\u000Abreak", "back\\\\slash" };

    [Theory]
    [MemberData(nameof(UnsafeIds))]
    public async Task An_unsafe_id_in_the_answer_is_a_protocol_error_that_says_the_job_may_exist(string id)
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnSubmit(Replies.Json($$"""{"_id":"{{id}}","scanId":"scan-1","status":"ACCEPTED"}""", HttpStatusCode.Created));

        var error = await Assert.ThrowsAsync<SkinLiteProtocolException>(() => harness.Clock.RunAsync(harness.Client.SubmitAsync(Png, "face.png")));

        Assert.True(error.JobMayExist);
        Assert.Contains("cannot be polled", error.Message, StringComparison.Ordinal);
        Assert.Contains("may be billed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing was sent", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(harness.Handler.Submits);
    }

    [Fact]
    public async Task An_unsafe_scan_id_is_refused_too()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnSubmit(Replies.Json("""{"_id":"p-1","scanId":"..","status":"ACCEPTED"}""", HttpStatusCode.Created));

        var error = await Assert.ThrowsAsync<SkinLiteProtocolException>(() => harness.Clock.RunAsync(harness.Client.SubmitAsync(Png, "face.png")));

        Assert.Contains("scanId", error.Message, StringComparison.Ordinal);
        Assert.True(error.JobMayExist);
    }

    [Fact]
    public async Task A_cut_submit_answer_says_the_job_may_exist()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnSubmit(Replies.Json("""{"_id":"p-1","scan""", HttpStatusCode.Created));

        var error = await Assert.ThrowsAsync<SkinLiteProtocolException>(() => harness.Clock.RunAsync(harness.Client.SubmitAsync(Png, "face.png")));

        Assert.True(error.JobMayExist);
        Assert.EndsWith(SkinLiteException.JobMayExistNote, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_of_a_fetch_never_says_anything_about_a_job_that_may_exist()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnPoll(Replies.Status(HttpStatusCode.InternalServerError));

        var error = await Assert.ThrowsAsync<SkinLiteServerException>(() => harness.Clock.RunAsync(harness.Client.GetOutcomeAsync(Replies.ScanId, Replies.PredictionId)));

        Assert.False(error.JobMayExist);
        Assert.DoesNotContain("billed", error.Message, StringComparison.Ordinal);
    }
}
