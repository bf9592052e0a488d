using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using SkinLite.Emulator.Server;
using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests;

/// <summary>
/// The truncate fault over Kestrel, read off a raw socket: "no answer at all" and "half a body" are both a
/// <see cref="SkinLiteTransportException"/>, so only the bytes on the wire show that the fault cuts a body and is not a second drop.
/// </summary>
public class TruncatedAnswerOnTheWireTests
{
    // Several answers in a row, so that a cut body that reaches the socket only when a race goes its way does not pass.
    private const int Answers = 20;

    [Fact]
    public async Task A_truncated_answer_sends_its_headers_and_part_of_its_body_then_ends_the_connection()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant(string.Create(CultureInfo.InvariantCulture, $"ok,truncate*{Answers}")));
        await using EmulatorServer server = await EmulatorServer.StartAsync(emulator);
        Uri familyAddress = server.BaseAddressFor(SkinLiteApi.Transformation);
        SkinLiteClient client = Emulated.Client(new SocketsHttpHandler(), familyAddress, SkinLiteApi.Transformation);
        SkinAnalysisJob job = await client.SubmitAsync(Emulated.Face());
        string path = familyAddress.AbsolutePath + "/predictions/" + job.PredictionId;

        var cuts = new List<(byte[] Received, string Ending)>();
        for (int answer = 0; answer < Answers; answer++)
        {
            cuts.Add(await GetRawAsync(server.BaseAddress, path));
        }

        // The script is used up: the same request now gets the whole document, which each cut one must begin.
        byte[] whole = await GetWholeAsync(server.BaseAddress, path);
        foreach ((int answer, (byte[] received, string ending)) in cuts.Index())
        {
            int headersEnd = received.AsSpan().IndexOf("\r\n\r\n"u8);
            Assert.True(headersEnd > 0, $"answer {answer}: the connection ended ({ending}) after {received.Length} bytes, before the headers were complete");
            string[] head = Encoding.ASCII.GetString(received, 0, headersEnd).Split("\r\n");
            byte[] body = received[(headersEnd + 4)..];
            Assert.StartsWith("HTTP/1.1 200 ", head[0], StringComparison.Ordinal);
            long declared = long.Parse(
                head.Single(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))["Content-Length:".Length..].Trim(),
                CultureInfo.InvariantCulture);
            Assert.Equal(whole.Length, declared);
            Assert.True(body.Length > 0, $"answer {answer}: none of the {declared} declared body bytes arrived before the connection ended ({ending})");
            Assert.True(body.Length < declared, $"answer {answer}: all {declared} body bytes arrived; the truncate fault must cut the body");
            Assert.True(whole.AsSpan().StartsWith(body), $"answer {answer}: the {body.Length} bytes that arrived are not the start of the document");
            Assert.Equal(declared / 2, body.Length);

            // Closed, not reset: the client reads the end of the stream after the cut, i.e. "the response ended prematurely".
            Assert.Equal("closed", ending);
        }
    }

    /// <summary>The whole answer to an authorised GET, through HttpClient.</summary>
    private static async Task<byte[]> GetWholeAsync(Uri server, string path)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SkinAnalysisEmulator.DefaultCredential);
        using HttpResponseMessage response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Sends one GET on a fresh connection and reads until the server ends it (closed or reset), keeping every byte that came before.</summary>
    private static async Task<(byte[] Received, string Ending)> GetRawAsync(Uri server, string path)
    {
        // Only ever loopback: the server is bound to 127.0.0.1.
        Assert.Equal(IPAddress.Loopback.ToString(), server.Host);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var tcp = new TcpClient(AddressFamily.InterNetwork);
        await tcp.ConnectAsync(IPAddress.Loopback, server.Port, timeout.Token);
        NetworkStream stream = tcp.GetStream();
        string request =
            $"GET {path} HTTP/1.1\r\n" +
            $"Host: {server.Authority}\r\n" +
            $"Authorization: Bearer {SkinAnalysisEmulator.DefaultCredential}\r\n" +
            "Accept: application/json\r\n" +
            "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);

        using var received = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        while (true)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(chunk, timeout.Token);
            }
            catch (IOException reset)
            {
                return (received.ToArray(), "reset: " + reset.Message);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                // A connection left open would let a cut body pass for a slow one.
                Assert.Fail($"The server had not ended the connection after 30 s; {received.Length} bytes had arrived.");
                throw;
            }

            if (read == 0)
            {
                return (received.ToArray(), "closed");
            }

            received.Write(chunk, 0, read);
        }
    }
}
