using System.Net;

namespace SkinLite.Benchmarks.Submit;

/// <summary>
/// Stands in for the service on an upload: reads the whole request body (as a socket would) into nowhere, then answers
/// the recorded submit document. No network, and nothing retained, so allocations are the client's own.
/// </summary>
public sealed class DrainingHandler : HttpMessageHandler
{
    private readonly byte[] _answer;

    public DrainingHandler(byte[] answer) => _answer = answer;

    /// <summary>Bytes of request body drained by the last request.</summary>
    public long LastBodyLength { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            var sink = new CountingSink();
            await request.Content.CopyToAsync(sink, cancellationToken).ConfigureAwait(false);
            LastBodyLength = sink.Length;
        }

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ReadOnlyMemoryContent(_answer) { Headers = { ContentType = new("application/json") } },
            RequestMessage = request,
        };
    }

    /// <summary>A write-only stream that counts and forgets.</summary>
    private sealed class CountingSink : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Position;
        public override long Position { get; set; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Position += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Position += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Position += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Position += count;
            return Task.CompletedTask;
        }
    }
}
