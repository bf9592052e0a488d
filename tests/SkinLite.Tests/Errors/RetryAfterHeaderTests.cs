using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Errors;

/// <summary>
/// Reading the Retry-After and retry-after-ms headers: seconds, an HTTP date or milliseconds, never negative, no wait when
/// unreadable; first the header reader itself, then the wait a 429 (or 503) error carries. That waits honour it is in
/// Waiting/RetryAfterWaitTests.
/// </summary>
public sealed class RetryAfterHeaderTests : IDisposable
{
    private readonly FakeService _service = new();

    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static TimeSpan? Parse(params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        foreach ((string name, string value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return RetryAfterHeader.Parse(response.Headers, Now);
    }

    [Theory]
    [InlineData("5", 5_000)]
    [InlineData(" 12 ", 12_000)]
    [InlineData("0", 0)]
    [InlineData("-30", 0)]
    public void Seconds_are_read_and_never_negative(string value, double expectedMs)
    {
        TimeSpan? wait = Parse(("Retry-After", value));

        Assert.NotNull(wait);
        Assert.Equal(expectedMs, wait.Value.TotalMilliseconds, precision: 0);
    }

    [Fact]
    public void A_huge_number_of_seconds_is_read_as_a_huge_wait_without_overflowing()
    {
        TimeSpan? wait = Parse(("Retry-After", "99999999999999999999"));

        Assert.NotNull(wait);
        Assert.True(wait > TimeSpan.FromDays(10_000), $"read as {wait}");
    }

    [Fact]
    public void An_http_date_is_read_as_the_time_until_it()
    {
        string date = Now.AddSeconds(45).ToString("r", CultureInfo.InvariantCulture);

        Assert.Equal(TimeSpan.FromSeconds(45), Parse(("Retry-After", date)));
    }

    [Fact]
    public void An_http_date_in_the_past_means_no_wait()
    {
        string date = Now.AddHours(-3).ToString("r", CultureInfo.InvariantCulture);

        Assert.Equal(TimeSpan.Zero, Parse(("Retry-After", date)));
    }

    [Fact]
    public void Retry_after_ms_is_read_and_wins_over_retry_after()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1_500), Parse(("retry-after-ms", "1500"), ("Retry-After", "40")));
        Assert.Equal(TimeSpan.Zero, Parse(("retry-after-ms", "-20")));
    }

    [Fact]
    public void A_garbled_retry_after_ms_falls_back_to_retry_after()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), Parse(("retry-after-ms", "soon"), ("Retry-After", "7")));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("Wed, 99 Foo 2026 25:61:00 GMT")]
    public void A_garbled_value_is_no_wait_at_all(string value)
    {
        Assert.Null(Parse(("Retry-After", value)));
    }

    [Fact]
    public void No_header_is_no_wait_at_all()
    {
        Assert.Null(Parse());
    }

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
