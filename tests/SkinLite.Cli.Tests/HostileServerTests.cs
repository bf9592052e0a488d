using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using SkinLite.Cli.Tests.Support;

namespace SkinLite.Cli.Tests;

/// <summary>
/// The native CLI against a service that attacks it, on loopback: answers that trickle, never end, lie about their
/// length, switch protocols, redirect elsewhere, carry terminal escapes or echo the key in every field. Each run must
/// end within its bound with the right exit code, and print no copy of the key in any spelling.
/// </summary>
public sealed class HostileServerTests
{
    private const string Key = "sk-HOSTILE-0f9e8d7c-6b5a-4321-8765-4321fedcba98";
    private static readonly string Base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Key));
    private static readonly string[] Spellings = [Key, Base64, Base64.TrimEnd('='), Base64.TrimEnd('=').Replace('+', '-').Replace('/', '_')];
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(25);

    private static async Task<CliResult> RunAsync(HostileServer server, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        CliResult run = await CliProcess.RunAsync([.. arguments, "--base-url", server.BaseAddress.ToString(), "--access-key", Key, "--app-id", "app-1"]);
        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}, over {Bound}\n{run}");
        foreach (string spelling in Spellings)
        {
            Assert.DoesNotContain(spelling, run.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(spelling, run.Stderr, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Unexpected error", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        return run;
    }

    public static TheoryData<string> EndlessAnswers => new() { "trickle", "endless body", "lying Content-Length", "101 Switching Protocols", "headers never end" };

    private static HostileServer.Responder Endless(string how) => how switch
    {
        "trickle" => async (_, client, stop) =>
        {
            await HostileServer.WriteAsync(client, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
            while (!stop.IsCancellationRequested)
            {
                await HostileServer.WriteAsync(client, " ");
                await Task.Delay(500, stop);
            }
        },
        "endless body" => async (_, client, stop) =>
        {
            await HostileServer.WriteAsync(client, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            while (!stop.IsCancellationRequested)
            {
                await HostileServer.WriteAsync(client, "1\r\n \r\n");
                await Task.Delay(200, stop);
            }
        },
        "lying Content-Length" => async (_, client, stop) =>
        {
            await HostileServer.WriteAsync(client, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"status\":\"PROCESSING\"}");
            await HostileServer.HoldAsync(stop);
        },
        "101 Switching Protocols" => async (_, client, stop) =>
        {
            await HostileServer.WriteAsync(client, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
            await HostileServer.HoldAsync(stop);
        },
        _ => async (_, client, stop) =>
        {
            await HostileServer.WriteAsync(client, "HTTP/1.1 200 OK\r\nX-Slow: ");
            await HostileServer.HoldAsync(stop);
        },
    };

    [Theory]
    [MemberData(nameof(EndlessAnswers))]
    public async Task Result_ends_within_its_timeout_whatever_the_answer_does(string how)
    {
        await using var server = new HostileServer(Endless(how));

        CliResult run = await RunAsync(server, "result", "scan-1", "prediction-1", "--timeout", "3s", "--json");

        Assert.True(run.ExitCode == 5 || (how == "101 Switching Protocols" && run.ExitCode == 7), run.ToString());
        Assert.Equal(run.ExitCode == 5 ? "timeout" : null, run.ExitCode == 5 ? run.Json().GetProperty("outcome").GetString() : null);
    }

    [Fact]
    public async Task Analyze_ends_within_its_timeout_when_the_submit_answer_trickles_and_says_the_job_may_exist()
    {
        await using var server = new HostileServer(Endless("trickle"));

        CliResult run = await RunAsync(server, "analyze", "samples/face.png", "--timeout", "3s", "--json");

        Assert.True(run.ExitCode == 5, run.ToString());
        var json = run.Json();
        Assert.Equal("timeout", json.GetProperty("outcome").GetString());
        Assert.True(json.GetProperty("jobMayExist").GetBoolean());
        Assert.Contains("may be billed", run.Stderr, StringComparison.Ordinal);
        Assert.Single(server.Seen, r => r.Method == "POST");
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/../x")]
    [InlineData("a%2Fb")]
    [InlineData("tab\\there")]
    public async Task An_unsafe_id_in_the_submit_answer_says_the_job_may_exist_never_that_nothing_was_sent(string id)
    {
        await using var server = new HostileServer((_, client, _) =>
            HostileServer.JsonAsync(client, $$"""{"_id":"{{id}}","scanId":"scan-1","status":"ACCEPTED"}""", 201));

        CliResult run = await RunAsync(server, "analyze", "samples/face.png", "--json");

        Assert.True(run.ExitCode == 7, run.ToString());
        var json = run.Json();
        Assert.Equal("unknown", json.GetProperty("outcome").GetString());
        Assert.True(json.GetProperty("jobMayExist").GetBoolean());
        Assert.Contains("may be billed", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing was sent", run.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_submit_refused_with_429_and_Retry_After_is_sent_again_and_the_job_completes()
    {
        int submits = 0;
        await using var server = new HostileServer((request, client, _) => request.Method == "POST"
            ? Interlocked.Increment(ref submits) == 1
                ? HostileServer.JsonAsync(client, """{"message":"slow down"}""", 429, "Retry-After: 1\r\n")
                : HostileServer.JsonAsync(client, """{"_id":"prediction-1","scanId":"scan-1","status":"ACCEPTED"}""", 201)
            : HostileServer.JsonAsync(client, File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests/SkinLite.Tests/Fixtures/sa-predictions-success.json"))));

        CliResult run = await RunAsync(server, "analyze", "samples/face.png", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, submits);
    }

    [Fact]
    public async Task A_submit_answered_500_is_not_sent_again_and_says_the_job_may_exist()
    {
        await using var server = new HostileServer((_, client, _) => HostileServer.JsonAsync(client, """{"message":"boom"}""", 500));

        CliResult run = await RunAsync(server, "analyze", "samples/face.png");

        Assert.True(run.ExitCode == 7, run.ToString());
        Assert.Contains("may be billed", run.Stderr, StringComparison.Ordinal);
        Assert.Single(server.Seen);
    }

    [Fact]
    public async Task A_redirect_to_another_host_never_carries_the_key()
    {
        await using var elsewhere = new HostileServer((_, client, _) => HostileServer.JsonAsync(client, """{"status":"PROCESSING"}"""), "127.0.0.2");
        await using var server = new HostileServer((request, client, _) =>
            HostileServer.WriteAsync(client, $"HTTP/1.1 302 Found\r\nLocation: {elsewhere.BaseAddress}{request.Path.TrimStart('/')}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));

        CliResult run = await RunAsync(server, "result", "scan-1", "prediction-1", "--json");

        Assert.NotNull(Assert.Single(server.Seen).Authorization);
        Assert.All(elsewhere.Seen, request => Assert.Null(request.Authorization));
        Assert.True(run.ExitCode is 5 or 6 or 7, run.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Send_key_as_is_sends_the_key_unencoded_and_a_401_names_the_flag(bool asIs)
    {
        await using var server = new HostileServer((_, client, _) => HostileServer.JsonAsync(client, """{"message":"Unauthorized"}""", 401));

        CliResult run = await RunAsync(server, asIs ? ["result", "scan-1", "prediction-1", "--send-key-as-is"] : ["result", "scan-1", "prediction-1"]);

        Assert.True(run.ExitCode == 6, run.ToString());
        Assert.Equal(asIs ? $"Bearer {Key}" : $"Bearer {Base64}", Assert.Single(server.Seen).Authorization);
        string line = Assert.Single(run.StderrLines);
        Assert.Contains("unless --send-key-as-is is given", line);
        Assert.DoesNotContain("SendCredentialAsIs", line);
    }

    [Fact]
    public async Task Terminal_escapes_from_the_service_are_shown_not_obeyed()
    {
        const string Hostile = "\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eevil";
        await using var server = new HostileServer((_, client, _) => HostileServer.JsonAsync(client,
            $$$"""{"status":"FAILED","_id":"prediction-1","output":{"error":"{{{Escape(Hostile)}}}"}}"""));

        CliResult run = await RunAsync(server, "result", "scan-1", "prediction-1");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.DoesNotContain('\u001b', run.Stderr);
        Assert.DoesNotContain('\u0007', run.Stderr);
        Assert.DoesNotContain('\u009b', run.Stderr);
        Assert.DoesNotContain('\u202e', run.Stderr);
        Assert.Contains("\\u001B]0;pwned\\u0007", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminal_escapes_in_a_success_are_shown_not_obeyed_in_the_report_and_the_progress()
    {
        JsonNode document = SuccessDocument(_ => "\u001b[2J\u001b]0;title\u0007text");
        document["status"] = "SUCCESS";
        int polls = 0;
        await using var server = new HostileServer((request, client, _) => request.Method == "POST"
            ? HostileServer.JsonAsync(client, """{"_id":"prediction-1","scanId":"scan-1","status":"ACCEPTED"}""", 201)
            : HostileServer.JsonAsync(client, Interlocked.Increment(ref polls) == 1 ? """{"status":"PROC\u001b[2JESSING"}""" : document.ToJsonString()));

        CliResult run = await RunAsync(server, "analyze", "samples/face.png");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain('\u001b', run.Stdout);
        Assert.DoesNotContain('\u001b', run.Stderr);
        Assert.DoesNotContain('\u0007', run.Stdout);
        Assert.Contains("\\u001B[2J", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_key_echoed_in_every_field_is_masked_in_all_output(bool json)
    {
        int field = 0;
        JsonNode document = SuccessDocument(_ => $"{Spellings[field++ % Spellings.Length]} tail");
        document["status"] = "SUCCESS";
        await using var server = new HostileServer((request, client, _) => request.Method == "POST"
            ? HostileServer.JsonAsync(client, """{"_id":"prediction-1","scanId":"scan-1","status":"ACCEPTED"}""", 201)
            : HostileServer.JsonAsync(client, document.ToJsonString()));

        CliResult run = await RunAsync(server, json ? ["analyze", "samples/face.png", "--json"] : ["analyze", "samples/face.png"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("*** tail", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_echoed_as_the_status_is_masked_in_the_progress_and_the_timeout()
    {
        await using var server = new HostileServer((request, client, _) => request.Method == "POST"
            ? HostileServer.JsonAsync(client, """{"_id":"prediction-1","scanId":"scan-1","status":"ACCEPTED"}""", 201)
            : HostileServer.JsonAsync(client, $$"""{"status":"{{Base64}}"}"""));

        CliResult run = await RunAsync(server, "analyze", "samples/face.png", "--json", "--timeout", "4s");

        Assert.True(run.ExitCode == 5, run.ToString());
        Assert.Equal("***", run.Json().GetProperty("status").GetString());
    }

    /// <summary>The committed success document with every string value but the status replaced.</summary>
    private static JsonNode SuccessDocument(Func<string, string> replace)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests/SkinLite.Tests/Fixtures/sa-predictions-success.json")))!;
        Walk(root);
        return root;

        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (string name in obj.Select(p => p.Key).ToList())
                    {
                        if (obj[name] is JsonValue value && value.TryGetValue(out string? text))
                        {
                            obj[name] = replace(text);
                        }
                        else
                        {
                            Walk(obj[name]);
                        }
                    }

                    break;
                case JsonArray array:
                    for (int i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonValue value && value.TryGetValue(out string? text))
                        {
                            array[i] = replace(text);
                        }
                        else
                        {
                            Walk(array[i]);
                        }
                    }

                    break;
            }
        }
    }

    private static string Escape(string text) => System.Text.Json.JsonEncodedText.Encode(text, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
}
