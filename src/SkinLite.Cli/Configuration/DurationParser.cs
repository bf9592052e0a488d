using System.Globalization;

namespace SkinLite.Cli.Configuration;

/// <summary>
/// Reads durations written the way people type them: <c>90s</c>, <c>10m</c>, <c>1h</c>, <c>500ms</c>, or compounds
/// such as <c>1m30s</c>. A bare number is refused, because seconds and minutes are both plausible readings.
/// </summary>
internal static class DurationParser
{
    public static readonly TimeSpan Max = TimeSpan.FromHours(24);

    public static bool TryParse(string? text, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        error = string.Empty;
        string value = (text ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            error = "the duration is empty: write it like 90s, 10m or 1h";
            return false;
        }

        int i = 0;
        while (i < value.Length)
        {
            int numberStart = i;
            while (i < value.Length && (char.IsAsciiDigit(value[i]) || value[i] == '.'))
            {
                i++;
            }

            int unitStart = i;
            while (i < value.Length && char.IsAsciiLetter(value[i]))
            {
                i++;
            }

            string number = value[numberStart..unitStart];
            string unit = value[unitStart..i].ToLowerInvariant();
            if (number.Length == 0 || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double amount))
            {
                error = $"'{value}' is not a duration: write it like 90s, 10m or 1h";
                return false;
            }

            TimeSpan? part = unit switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => null,
            };
            if (part is null)
            {
                error = unit.Length == 0
                    ? $"'{value}' has no unit: write {number}s or {number}m"
                    : $"'{value}' has the unknown unit '{unit}': use ms, s, m or h";
                return false;
            }

            duration += part.Value;
            if (duration > Max)
            {
                error = $"'{value}' is longer than the {Max.TotalHours:0} h limit";
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes a duration back in the same notation, for messages.</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds < 1 ? $"{duration.TotalMilliseconds:0}ms"
        : duration.TotalSeconds < 120 ? $"{duration.TotalSeconds:0.#}s"
        : $"{duration.TotalMinutes:0.#}m";
}
