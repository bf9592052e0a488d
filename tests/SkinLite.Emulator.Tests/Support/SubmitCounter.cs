namespace SkinLite.Emulator.Tests.Support;

/// <summary>Counts the submit requests (POSTs) that reach the emulator, whatever their answer.</summary>
internal sealed class SubmitCounter : DelegatingHandler
{
    private int _posts;

    public SubmitCounter(HttpMessageHandler emulator) => InnerHandler = emulator;

    public int Posts => Volatile.Read(ref _posts);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post)
        {
            Interlocked.Increment(ref _posts);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
