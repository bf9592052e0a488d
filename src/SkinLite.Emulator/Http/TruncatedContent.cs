using System.Net;

namespace SkinLite.Emulator;

/// <summary>A response body that declares its full length but breaks off halfway, as a connection closed mid-body does.</summary>
internal sealed class TruncatedContent : HttpContent
{
    private readonly byte[] _body;
    private readonly int _sent;

    public TruncatedContent(byte[] body, int sent)
    {
        _body = body;
        _sent = sent;
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new TruncatedBodyStream(_body.AsMemory(0, _sent)));

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        new TruncatedBodyStream(_body.AsMemory(0, _sent)).CopyToAsync(stream);

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
