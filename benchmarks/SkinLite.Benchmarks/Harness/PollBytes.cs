using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using SkinLite.Benchmarks.Loopback;
using SkinLite.Benchmarks.Polling;

namespace SkinLite.Benchmarks.Harness;

/// <summary>
/// The bytes one loopback poll allocates in this process, the emulator's server running in a process of its own
/// (<see cref="RemoteEmulator"/>): SkinLite's poll against transport only, plus the steps between them, to show where
/// SkinLite's share goes. Counted process-wide (<see cref="GC.GetTotalAllocatedBytes(bool)"/>, precise) over many
/// polls one after another, like BenchmarkDotNet's MemoryDiagnoser, but in seconds: <c>-- poll-bytes [polls]</c>.
/// </summary>
public static class PollBytes
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    public static int Run(ReadOnlySpan<string> args)
    {
        int polls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        foreach (string state in new[] { "pending", "success" })
        {
            using LoopbackService loopback = LoopbackService.StartOutOfProcess(state == "pending");
            EmulatedService service = loopback.Service;
            SkinAnalysisJob job = service.Submit();
            Uri uri = service.ResultUri(job);
            HttpClient http = service.Http;
            AuthenticationHeaderValue authorization = http.DefaultRequestHeaders.Authorization!;
            string bearer = authorization.ToString();
            var steps = new (string Name, Func<Task> Poll)[]
            {
                ("transport only: GetAsync + ReadAsByteArrayAsync", async () =>
                {
                    using HttpResponseMessage response = await http.GetAsync(uri).ConfigureAwait(false);
                    response.EnsureSuccessStatusCode();
                    _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                }),
                ("step: SendAsync(headers read) + stream into a pooled buffer", () => PooledReadAsync(http, new HttpRequestMessage(HttpMethod.Get, uri), CancellationToken.None)),
                ("step: + Authorization and Accept, typed (HttpRequestHeaders.Authorization, .Accept)", () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, uri);
                    request.Headers.Authorization = authorization;
                    request.Headers.Accept.Add(AcceptJson);
                    return PooledReadAsync(http, request, CancellationToken.None);
                }),
                ("step: + Authorization and Accept as text (TryAddWithoutValidation)", () => PooledReadAsync(http, TextHeaders(uri, bearer), CancellationToken.None)),
                ("step: text headers + a source without a timer as the token", async () =>
                {
                    using var source = new CancellationTokenSource();
                    await PooledReadAsync(http, TextHeaders(uri, bearer), source.Token).ConfigureAwait(false);
                }),
                ("step: text headers + a time-limit source (30 s) as the token", async () =>
                {
                    using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                    await PooledReadAsync(http, TextHeaders(uri, bearer), limit.Token).ConfigureAwait(false);
                }),
                ("SkinLite GetOutcomeAsync", () => service.Client.GetOutcomeAsync(job)),
            };

            Console.WriteLine($"## {state} ({polls} polls each, after {polls / 5} to warm up; bytes per poll, whole process)");
            foreach ((string name, Func<Task> poll) in steps)
            {
                for (int i = 0; i < polls / 5; i++)
                {
                    poll().GetAwaiter().GetResult();
                }

                long before = GC.GetTotalAllocatedBytes(precise: true);
                for (int i = 0; i < polls; i++)
                {
                    poll().GetAwaiter().GetResult();
                }

                long bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(double)bytes / polls,8:0} B  {name}"));
            }
        }

        return 0;
    }

    private static HttpRequestMessage TextHeaders(Uri uri, string bearer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Authorization", bearer);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        return request;
    }

    private static async Task PooledReadAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                while (await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
                {
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
