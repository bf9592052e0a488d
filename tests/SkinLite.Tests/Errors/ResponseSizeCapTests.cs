using System.Net;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Errors;

/// <summary>A 2xx body over the cap (default 4 MiB) is refused as a protocol error without being buffered whole.</summary>
public sealed class ResponseSizeCapTests : IDisposable
{
    private const long TenMiB = 10 * 1024 * 1024;
    private readonly FakeService _service = new();

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task A_declared_10_MiB_body_is_refused_without_reading_a_byte()
    {
        var body = new CountingStream(TenMiB, (byte)' ');
        _service.Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) { Headers = { ContentLength = TenMiB } } });

        var error = await Assert.ThrowsAsync<SkinLiteProtocolException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.Equal(0, body.BytesRead);
        Assert.Contains("10485760 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("4194304-byte cap", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxResponseBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undeclared_10_MiB_body_is_refused_once_it_passes_the_cap()
    {
        var body = new CountingStream(TenMiB, (byte)' ');
        _service.Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });

        var error = await Assert.ThrowsAsync<SkinLiteProtocolException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.InRange(body.BytesRead, SkinLiteClientOptions.DefaultMaxResponseBytes + 1, SkinLiteClientOptions.DefaultMaxResponseBytes + 256 * 1024);
        Assert.Contains("over the 4194304-byte cap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_10_MiB_submit_answer_is_refused_too()
    {
        var body = new CountingStream(TenMiB, (byte)' ');
        _service.Respond(_ => new HttpResponseMessage(HttpStatusCode.Created) { Content = new StreamContent(body) });

        await Assert.ThrowsAsync<SkinLiteProtocolException>(() => _service.CreateClient().SubmitAsync(TestImages.Png(), "face.png"));

        Assert.True(body.BytesRead < TenMiB);
    }

    [Fact]
    public async Task The_cap_is_configurable_and_a_body_of_exactly_the_cap_is_read()
    {
        const string pending = """{"status":"PROCESSING"}""";
        _service.RespondJson(pending);

        AnalysisOutcome atCap = await _service.CreateClient(configure: o => o.MaxResponseBytes = pending.Length).GetOutcomeAsync("s", "p");
        var overCap = await Assert.ThrowsAsync<SkinLiteProtocolException>(() => _service.CreateClient(configure: o => o.MaxResponseBytes = pending.Length - 1).GetOutcomeAsync("s", "p"));

        Assert.True(atCap.IsPending);
        Assert.Contains($"{pending.Length - 1}-byte cap", overCap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_under_the_cap_with_no_declared_length_is_read_whole()
    {
        byte[] document = System.Text.Encoding.UTF8.GetBytes("""{"status":"SUCCESS","output":{"skinData":{"summary":" """ + new string('s', 100_000) + "\"}}}");
        _service.Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new ForwardOnlyStream(document)) });

        AnalysisOutcome outcome = await _service.CreateClient().GetOutcomeAsync("s", "p");

        Assert.Equal(100_001, outcome.Result.Summary?.Length);
    }
}
