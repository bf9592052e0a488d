using System.Net;
using Microsoft.Extensions.Time.Testing;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Errors;

/// <summary>The wait a 429 (or 503) asked for: seconds, an HTTP date or milliseconds, never negative, null when unreadable.</summary>
public sealed class RetryAfterTests : IDisposable
{
    private readonly FakeService _service = new();

    public void Dispose() => _service.Dispose();

    [Theory]
    [InlineData("Retry-After", "30", 30_000d)]
    [InlineData("Retry-After", "0", 0d)]
    [InlineData("Retry-After", "-5", 0d)]
    [InlineData("Retry-After", "1.5", 1_500d)]
    [InlineData("retry-after-ms", "250", 250d)]
    [InlineData("Retry-After", "Sat, 28 Nov 2026 12:00:45 GMT", 45_000d)]
    [InlineData("Retry-After", "Sat, 28 Nov 2026 11:59:00 GMT", 0d)]
    public async Task A_429_carries_the_wait_it_asked_for(string header, string value, double milliseconds)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        _service.Respond(_ =>
        {
            var response = FakeService.Json(HttpStatusCode.TooManyRequests, """{"message":"Too many requests"}""");
            response.Headers.TryAddWithoutValidation(header, value);
            return response;
        });

        var error = await Assert.ThrowsAsync<SkinLiteRateLimitException>(() => _service.CreateClient(time: time).GetOutcomeAsync("s", "p"));

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), error.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("")]
    public async Task An_unreadable_retry_after_is_null(string value)
    {
        _service.Respond(_ =>
        {
            var response = FakeService.Json(HttpStatusCode.TooManyRequests, "{}");
            response.Headers.TryAddWithoutValidation("Retry-After", value);
            return response;
        });

        var error = await Assert.ThrowsAsync<SkinLiteRateLimitException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task A_429_without_retry_after_has_none()
    {
        _service.RespondJson("{}", HttpStatusCode.TooManyRequests);

        var error = await Assert.ThrowsAsync<SkinLiteRateLimitException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task A_503_with_retry_after_carries_it_too()
    {
        _service.Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            response.Headers.TryAddWithoutValidation("Retry-After", "120");
            return response;
        });

        var error = await Assert.ThrowsAsync<SkinLiteServerException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.Equal(TimeSpan.FromMinutes(2), error.RetryAfter);
    }
}
