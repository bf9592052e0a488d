namespace SkinLite.Emulator;

/// <summary>An answer as the engine decides it; each front end turns it into a response (or a dropped or cut connection).</summary>
internal sealed record EmulatorAnswer(int StatusCode, byte[] Body, Delivery Delivery = Delivery.Whole, string? RetryAfter = null, string ContentType = EmulatorAnswer.JsonContentType)
{
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>The bytes sent before a truncated answer stops: half the body, so the JSON is cut mid-document.</summary>
    public int TruncatedLength => Body.Length / 2;
}
