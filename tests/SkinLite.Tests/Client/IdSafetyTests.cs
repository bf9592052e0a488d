using SkinLite.Tests.Support;

namespace SkinLite.Tests.Client;

/// <summary>An id that is empty or would change the request path is refused with a clear error before anything is sent.</summary>
public sealed class IdSafetyTests : IDisposable
{
    private readonly FakeService _service = new();

    public IdSafetyTests() => _service.RespondJson("""{"status":"PROCESSING"}""");

    public void Dispose() => _service.Dispose();

    public static TheoryData<string> UnsafeIds => new()
    {
        "",
        " ",
        "\t",
        "..",
        ".",
        "../",
        "../../admin",
        "a/b",
        "a\\b",
        "..\\..",
        "%2F",
        "..%2F..%2Fadmin",
        "a%5Cb",
        "%2e%2e",
        "line\nbreak",
        "nul\0",
        " pred-1",
        "pred-1 ",
        new string('a', IdSegment.MaxLength + 1),
    };

    [Theory]
    [MemberData(nameof(UnsafeIds))]
    public async Task An_unsafe_prediction_id_is_refused(string id)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _service.CreateClient().GetOutcomeAsync("scan-1", id));

        Assert.Equal("predictionId", error.ParamName);
        Assert.Empty(_service.Requests);
    }

    [Theory]
    [MemberData(nameof(UnsafeIds))]
    public async Task An_unsafe_scan_id_is_refused(string id)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _service.CreateClient(SkinLiteApi.Platform).GetOutcomeAsync(id, "pred-1"));

        Assert.Equal("scanId", error.ParamName);
        Assert.Empty(_service.Requests);
    }

    [Theory]
    [MemberData(nameof(UnsafeIds))]
    public async Task An_unsafe_id_on_the_transformation_family_is_refused(string id)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _service.CreateClient(SkinLiteApi.Transformation).GetOutcomeAsync(id));

        Assert.Empty(_service.Requests);
    }

    [Theory]
    [MemberData(nameof(UnsafeIds))]
    public async Task An_unsafe_app_id_in_a_saved_job_is_refused(string id)
    {
        var job = new SkinAnalysisJob { Api = SkinLiteApi.Private, AppId = id, ScanId = "scan-1", PredictionId = "pred-1" };

        await Assert.ThrowsAsync<ArgumentException>(() => _service.CreateClient().GetOutcomeAsync(job));
        Assert.Empty(_service.Requests);
    }

    [Theory]
    [MemberData(nameof(UnsafeIds))]
    public void An_unsafe_app_id_in_the_options_is_refused_when_the_client_is_made(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => _service.CreateClient(configure: o => o.AppId = id));

        Assert.Contains("AppId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_id_is_refused_with_a_short_message_that_does_not_repeat_it()
    {
        string huge = new('7', 100_000);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _service.CreateClient().GetOutcomeAsync("scan-1", huge + "/.."));

        Assert.Contains("100003 characters", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 200, $"{error.Message.Length} characters");
        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task An_id_of_the_longest_allowed_length_is_sent()
    {
        string longest = new('b', IdSegment.MaxLength);

        await _service.CreateClient().GetOutcomeAsync("scan-1", longest);

        Assert.EndsWith("/" + longest, _service.SingleRequest.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b", "'a/b'", "'/'")]
    [InlineData("..", "'..'", "relative")]
    [InlineData("", "empty", "scanId")]
    public async Task The_error_names_the_parameter_and_the_value(string id, string mentionsValue, string mentionsProblem)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _service.CreateClient().GetOutcomeAsync(id, "pred-1"));

        Assert.Contains("scanId", error.Message, StringComparison.Ordinal);
        Assert.Contains(mentionsValue, error.Message, StringComparison.Ordinal);
        Assert.Contains(mentionsProblem, error.Message, StringComparison.Ordinal);
    }
}
