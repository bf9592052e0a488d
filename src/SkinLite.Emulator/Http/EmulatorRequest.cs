namespace SkinLite.Emulator;

/// <summary>A request as the engine sees it, whichever front end (in-process handler or Kestrel) received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The absolute request URL; its scheme and authority name the emulator in the URLs it answers.</param>
/// <param name="Authorization">The raw <c>Authorization</c> header, if any.</param>
/// <param name="ContentType">The raw <c>Content-Type</c> header, if any.</param>
/// <param name="Body">The whole request body (already capped by the front end).</param>
internal sealed record EmulatorRequest(string Method, Uri Uri, string? Authorization, string? ContentType, ReadOnlyMemory<byte> Body);
