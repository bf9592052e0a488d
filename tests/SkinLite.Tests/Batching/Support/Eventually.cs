namespace SkinLite.Tests.Batching.Support;

/// <summary>Waits, in real time, for a condition that concurrent work is about to make true.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, double seconds = 10)
    {
        DateTime until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"The condition did not come true within {seconds} s.");
            await Task.Delay(10);
        }
    }
}
