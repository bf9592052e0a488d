using System.Collections.Concurrent;

namespace SkinLite.TestSupport;

/// <summary>One scripted answer: what the fake service does with a request.</summary>
public delegate Task<HttpResponseMessage> Reply(HttpRequestMessage request, CancellationToken cancellationToken);

/// <summary>What the fake service saw: one request, its body, and the time it arrived (since the handler was made).</summary>
public sealed record SeenRequest(HttpMethod Method, Uri Uri, string? Authorization, byte[] Body, TimeSpan At);

/// <summary>
/// An in-process fake of the service that plays a script: submits (POST) and polls (every other request) each follow
/// their own list of replies, the last reply of a list repeating, and every request is kept as it arrived, timed on the
/// given clock. Replies complete synchronously unless they mean not to, so a fake clock alone drives a wait. For tests of
/// sequences over time (waits, retries, resumes) and for the native AOT smoke run, which needs a fake with no test
/// framework in it. Tests of what one call sends and how one answer maps use SkinLite.Tests' <c>FakeService</c> instead,
/// which answers every request with one responder and parses what it records.
/// </summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Reply> _submits = new();
    private readonly ConcurrentQueue<Reply> _polls = new();
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private readonly TimeProvider _time;
    private readonly long _started;
    private Reply? _lastSubmit;
    private Reply? _lastPoll;

    /// <param name="time">The clock that times each request (<see cref="SeenRequest.At"/>); the system clock when null.</param>
    public ScriptedHandler(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _started = _time.GetTimestamp();
    }

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
        _seen.Enqueue(new SeenRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body, _time.GetElapsedTime(_started)));
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
