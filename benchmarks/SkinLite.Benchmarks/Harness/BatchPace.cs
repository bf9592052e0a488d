using System.Diagnostics;
using System.Globalization;
using System.Net;
using SkinLite.Emulator;
using SkinLite.Emulator.Server;
using SkinLite.TestSupport;

namespace SkinLite.Benchmarks.Harness;

/// <summary>
/// Group "batch pace": a batch against the emulator server on 127.0.0.1 with a submit rate limit (<c>--rate</c>). Reports
/// the accepted submits per second as a ratio of the allowed rate, and the share of submits answered 429, for three ways
/// of running the same images, in turn on a fresh emulator each: the batch learning the pace from 429s (the default),
/// the batch told the rate (<see cref="BatchOptions.MaxSubmitsPerSecond"/>, the ideal), and a plain loop of
/// submit-and-wait with a fixed concurrency (what a script does; the client retries its 429s). The steady ratio leaves
/// out the emulator's initial burst (its bucket starts full, one second of submits). Usage:
/// <c>batch-pace [rate per second] [images] [rounds]</c> (default 10 300 2).
/// </summary>
public static class BatchPace
{
    private const int Concurrency = 8;

    public static int Run(ReadOnlySpan<string> args)
    {
        double rate = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        int images = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
        int rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        using var folder = new TempFolder("skinlite-batch-pace-");
        string[] paths = [.. Enumerable.Range(0, images).Select(i => folder.Write($"face-{i:D5}.png", TestPng.Create(1024, 1024, (byte)(i % 251), trailer: $"image {i}")))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{images} images, emulator rate {rate}/s (burst {SubmitBucket(rate)}), concurrency {Concurrency}, {rounds} rounds"));
        Console.WriteLine("| way | accepted/s | ratio to allowed | steady ratio (burst left out) | 429 share | submits per image |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (int round = 0; round < rounds; round++)
        {
            foreach (Way way in Enum.GetValues<Way>())
            {
                Measure(way, rate, paths).GetAwaiter().GetResult().Print(way, rate);
            }
        }

        return 0;
    }

    private static int SubmitBucket(double rate) => (int)Math.Max(1, Math.Ceiling(rate));

    private static async Task<Figures> Measure(Way way, double rate, string[] paths)
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(300), SubmitRate = rate, MaxJobs = paths.Length + 10 });
        await using EmulatorServer server = await EmulatorServer.StartAsync(emulator).ConfigureAwait(false);
        var clock = new SubmitClock(new SocketsHttpHandler());
        using var http = new HttpClient(clock);
        var client = new SkinLiteClient(http, new SkinLiteClientOptions
        {
            BaseAddress = server.BaseAddressFor(SkinLiteApi.Private),
            AppId = SkinAnalysisEmulator.DefaultAppId,
            Credential = SkinAnalysisEmulator.DefaultCredential,
            AllowInsecureHttp = true,
        });
        var polling = new PollingOptions { InitialDelay = TimeSpan.FromMilliseconds(300), Interval = TimeSpan.FromMilliseconds(200), MinDelay = TimeSpan.FromMilliseconds(50) };
        long started = Stopwatch.GetTimestamp();
        int finished = 0;
        if (way == Way.PlainLoop)
        {
            using var gate = new SemaphoreSlim(Concurrency);
            await Task.WhenAll(paths.Select(async path =>
            {
                await gate.WaitAsync().ConfigureAwait(false);
                try
                {
                    SkinAnalysisJob job = await client.SubmitAsync(path).ConfigureAwait(false);
                    gate.Release();
                    if ((await client.WaitAsync(job, polling).ConfigureAwait(false)).IsTerminal)
                    {
                        Interlocked.Increment(ref finished);
                    }
                }
                catch (SkinLiteException)
                {
                    gate.Release();
                }
            })).ConfigureAwait(false);
        }
        else
        {
            var options = new BatchOptions { MaxConcurrentSubmits = Concurrency, Polling = polling, MaxSubmitsPerSecond = way == Way.ToldTheRate ? rate : null };
            await foreach (BatchItemResult item in client.AnalyzeManyAsync(paths, options).ConfigureAwait(false))
            {
                finished += item.IsFinal ? 1 : 0;
            }
        }

        EmulatorStats stats = emulator.Stats;
        double seconds = Stopwatch.GetElapsedTime(started, clock.LastAccepted).TotalSeconds;
        return new Figures(stats.AcceptedSubmits, stats.RateLimited, seconds, finished, paths.Length, SubmitBucket(rate));
    }

    private enum Way
    {
        LearntPace,
        ToldTheRate,
        PlainLoop,
    }

    private readonly record struct Figures(int Accepted, int RateLimited, double Seconds, int Finished, int Images, int Burst)
    {
        public void Print(Way way, double rate)
        {
            double perSecond = Accepted / Seconds;
            double steady = (Accepted - Burst) / Seconds;
            double share = RateLimited / (double)(Accepted + RateLimited);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {way} | {perSecond:0.00} | {perSecond / rate:0.000}x | {steady / rate:0.000}x | {share:P1} ({RateLimited}) | {Accepted / (double)Images:0.00} |{(Finished == Images ? "" : $" only {Finished} finished")}"));
        }
    }

    /// <summary>Notes when the last submit was accepted.</summary>
    private sealed class SubmitClock(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private long _lastAccepted;

        public long LastAccepted => Volatile.Read(ref _lastAccepted);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (request.Method == HttpMethod.Post && response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            {
                Volatile.Write(ref _lastAccepted, Stopwatch.GetTimestamp());
            }

            return response;
        }
    }
}
