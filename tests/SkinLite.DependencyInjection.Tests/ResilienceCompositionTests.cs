using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using RichardSzalay.MockHttp;

namespace SkinLite.DependencyInjection.Tests;

/// <summary>
/// The composition the README recommends: the standard resilience pipeline retries idempotent polls, never the submit
/// POST (a second submit is a second paid analysis), with an attempt timeout long enough for a 5 MB upload.
/// </summary>
public sealed class ResilienceCompositionTests
{
    private const string Root = "https://api.pixelbin.io/service/private/misc/v2.0/sa-predictions/apps/app-7/plugins/skinAnalysisInt";

    [Fact]
    public async Task The_submit_post_is_sent_once_even_when_the_server_answers_503()
    {
        var mock = new MockHttpMessageHandler();
        var submit = mock.When(HttpMethod.Post, $"{Root}/generate").Respond(HttpStatusCode.ServiceUnavailable);
        await using var provider = BuildProvider(mock);

        await Assert.ThrowsAsync<SkinLiteServerException>(
            () => provider.GetRequiredService<SkinLiteClient>().SubmitAsync(TestImages.Png(), "face.png"));

        Assert.Equal(1, mock.GetMatchCount(submit));
    }

    [Fact]
    public async Task A_poll_that_meets_a_503_is_retried_by_the_pipeline()
    {
        var mock = new MockHttpMessageHandler();
        var poll = mock.When(HttpMethod.Get, $"{Root}/scans/scan-1/pred-1").Respond(HttpStatusCode.ServiceUnavailable);
        await using var provider = BuildProvider(mock);

        await Assert.ThrowsAsync<SkinLiteServerException>(
            () => provider.GetRequiredService<SkinLiteClient>().GetOutcomeAsync("scan-1", "pred-1"));

        Assert.Equal(3, mock.GetMatchCount(poll));
    }

    [Fact]
    public void The_recommended_attempt_timeout_leaves_room_for_a_five_megabyte_upload()
    {
        var options = new HttpStandardResilienceOptions();
        SkinLiteResilience.Configure(options);

        Assert.True(options.AttemptTimeout.Timeout >= TimeSpan.FromMinutes(2));
        Assert.True(options.TotalRequestTimeout.Timeout > options.AttemptTimeout.Timeout);
        Assert.True(options.CircuitBreaker.SamplingDuration >= 2 * options.AttemptTimeout.Timeout);
    }

    private static ServiceProvider BuildProvider(MockHttpMessageHandler mock)
    {
        var services = new ServiceCollection();
        services.AddSkinLiteClient(o =>
            {
                o.AppId = "app-7";
                o.Credential = "test-key-1";
            })
            .ConfigurePrimaryHttpMessageHandler(() => mock)
            .AddStandardResilienceHandler(options =>
            {
                SkinLiteResilience.Configure(options);
                options.Retry.MaxRetryAttempts = 2;
                options.Retry.Delay = TimeSpan.FromMilliseconds(1);
                options.Retry.BackoffType = DelayBackoffType.Constant;
                options.Retry.UseJitter = false;
            });
        return services.BuildServiceProvider();
    }
}

/// <summary>The settings the README shows for composing AddStandardResilienceHandler with SkinLite.</summary>
internal static class SkinLiteResilience
{
    public static void Configure(HttpStandardResilienceOptions options)
    {
        options.Retry.DisableForUnsafeHttpMethods();
        options.AttemptTimeout.Timeout = TimeSpan.FromMinutes(2);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(5);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(5);
    }
}
