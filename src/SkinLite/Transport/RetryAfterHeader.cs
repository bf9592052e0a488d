using System.Globalization;
using System.Net.Http.Headers;

namespace SkinLite;

/// <summary>Reads the wait a server asked for: <c>retry-after-ms</c>, else <c>Retry-After</c> in seconds or as an HTTP date.</summary>
internal static class RetryAfterHeader
{
    /// <summary>The wait, never negative; <see langword="null"/> when no header says one or it cannot be read.</summary>
    public static TimeSpan? Parse(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (First(headers, "retry-after-ms") is { } ms
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out double milliseconds)
            && double.IsFinite(milliseconds))
        {
            return FromMilliseconds(milliseconds);
        }

        if (First(headers, "Retry-After") is not { } value)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && double.IsFinite(seconds))
        {
            return FromMilliseconds(seconds * 1000);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset when))
        {
            return when <= now ? TimeSpan.Zero : when - now;
        }

        return null;
    }

    private static TimeSpan FromMilliseconds(double milliseconds) =>
        milliseconds <= 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Min(milliseconds, TimeSpan.MaxValue.TotalMilliseconds - 1));

    private static string? First(HttpResponseHeaders headers, string name)
    {
        if (!headers.NonValidated.TryGetValues(name, out HeaderStringValues values))
        {
            return null;
        }

        foreach (string value in values)
        {
            return value.Trim();
        }

        return null;
    }
}
