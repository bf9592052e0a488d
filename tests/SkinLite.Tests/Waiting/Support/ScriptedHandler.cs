using System.Collections.Concurrent;

namespace SkinLite.Tests.Waiting;

/// <summary>One scripted answer: what the fake service does with a request.</summary>
internal delegate Task<HttpResponseMessage> Reply(HttpRequestMessage request, CancellationToken cancellationToken);

/// <summary>What the fake service saw: one request, its body, and the fake time it arrived.</summary>
internal sealed record SeenRequest(HttpMethod Method, Uri Uri, string? Authorization, byte[] Body, TimeSpan At);

/// <summary>
/// An in-process fake of the service. Submits and polls each follow their own script; the last reply of a script
/// repeats. Replies complete synchronously unless they mean not to, so the fake clock alone drives a wait.
/// </summary>
internal sealed class ScriptedHandler(TestClock clock) : HttpMessageHandler
{
    private readonly ConcurrentQueue<Reply> _submits = new();
    private readonly ConcurrentQueue<Reply> _polls = new();
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private Reply? _lastSubmit;
    private Reply? _lastPoll;

    /// <summary>When set, answers every poll instead of the poll script (e.g. per job for many jobs at once).</summary>
    public Reply? PollRouter { get; set; }

    public IReadOnlyList<SeenRequest> Seen => [.. _seen];

    public IReadOnlyList<SeenRequest> Polls => [.. _seen.Where(r => r.Method == HttpMethod.Get)];

    public IReadOnlyList<SeenRequest> Submits => [.. _seen.Where(r => r.Method == HttpMethod.Post)];

    public ScriptedHandler OnSubmit(params Reply[] replies)
    {
        foreach (Reply reply in replies)
        {
            _submits.Enqueue(reply);
        }

        return this;
    }

    public ScriptedHandler OnPoll(params Reply[] replies)
    {
        foreach (Reply reply in replies)
        {
            _polls.Enqueue(reply);
        }

        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The body is read as the network would, so a content that cannot be sent twice shows up here.
        byte[] body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        _seen.Enqueue(new SeenRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body, clock.Now));
        Reply reply = request.Method == HttpMethod.Post ? Next(_submits, ref _lastSubmit) : PollRouter ?? Next(_polls, ref _lastPoll);
        HttpResponseMessage response = await reply(request, cancellationToken).ConfigureAwait(false);
        response.RequestMessage ??= request;
        return response;
    }

    private static Reply Next(ConcurrentQueue<Reply> script, ref Reply? last)
    {
        if (script.TryDequeue(out Reply? reply))
        {
            last = reply;
            return reply;
        }

        return last ?? throw new InvalidOperationException("The test scripted no reply for this request.");
    }
}
