using System.Runtime.Versioning;
using SkinLite.Cli.Tests.Support;

namespace SkinLite.Cli.Tests;

/// <summary>
/// Every bad input of the issue: one specific line on stderr, exit code 2, nothing on stdout. The runs point at a
/// closed port (127.0.0.1:1) with a key and app id, so a request would turn into exit code 7: a 2 proves none was sent.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private static readonly string[] Unreachable = ["--base-url", "http://127.0.0.1:1", "--access-key", "test-key-1", "--app-id", "a"];
    private readonly TempFolder _files = new("skinlite-cli-tests-");

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Credentials_in_the_base_url_are_refused_and_never_printed()
    {
        CliResult run = await CliProcess.RunAsync(["analyze", _files.Write("face.png", TestPng.Create(1024, 1024)), "--base-url", "http://user:hunter2pw@127.0.0.1:1", "--access-key", "test-key-1", "--app-id", "a"]);

        AssertBadInput(run, "carries credentials");
        Assert.DoesNotContain("hunter2pw", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public Task Missing_file() => AssertBadInputAsync(["analyze", Path.Combine(_files.Path, "absent.png"), .. Unreachable], "There is no file at", "absent.png");

    [Fact]
    public Task Directory_instead_of_file() => AssertBadInputAsync(["analyze", _files.Path, .. Unreachable], "is a directory", _files.Path);

    [Fact]
    public Task Empty_file() => AssertBadInputAsync(["analyze", _files.Write("empty.png", []), .. Unreachable], "empty (0 bytes)", "empty.png");

    [NotRootFact]
    [UnsupportedOSPlatform("windows")]
    public Task Unreadable_file()
    {
        string path = _files.Write("locked.png", TestPng.Create(1024, 1024));
        File.SetUnixFileMode(path, UnixFileMode.None);
        return AssertBadInputAsync(["analyze", path, .. Unreachable], "cannot be read", "locked.png");
    }

    [Fact]
    public Task Too_large_file() =>
        AssertBadInputAsync(["analyze", _files.Write("big.png", TestPng.Create(1024, 1024, padding: 5 * 1024 * 1024 + 1)), "--no-fit", .. Unreachable], "big.png", "5");

    [Fact]
    public Task Wrong_format_says_what_the_file_is() => AssertBadInputAsync(["analyze", _files.Write("photo.gif", TestImages.Gif()), .. Unreachable], "photo.gif", "GIF");

    [Fact]
    public Task Too_small_resolution_names_the_measured_size() =>
        AssertBadInputAsync(["analyze", _files.Write("small.png", TestPng.Create(812, 640)), .. Unreachable], "812x640", "1024");

    [Fact]
    public Task Too_large_resolution_names_the_measured_size() =>
        AssertBadInputAsync(["analyze", _files.Write("huge.png", TestPng.Create(2100, 1500)), "--no-fit", .. Unreachable], "2100x1500", "2048");

    [Fact]
    public Task Corrupt_png() =>
        AssertBadInputAsync(["analyze", _files.Write("corrupt.png", [.. TestPng.Create(1024, 1024).AsSpan(0, 12)]), .. Unreachable], "corrupt.png");

    [Theory]
    [InlineData("ten", "'ten' is not a duration")]
    [InlineData("90", "'90' has no unit")]
    [InlineData("5d", "unknown unit 'd'")]
    [InlineData("0s", "longer than zero")]
    public Task Malformed_timeout(string value, string expected) =>
        AssertBadInputAsync(["analyze", "samples/face.png", "--timeout", value, .. Unreachable], "--timeout", expected);

    [Fact]
    public Task Unknown_api() => AssertBadInputAsync(["analyze", "samples/face.png", "--api", "public", .. Unreachable], "Unknown --api 'public'", "private, platform or transformation");

    [Fact]
    public Task Real_service_without_app_id() =>
        AssertBadInputAsync(["analyze", "samples/face.png", "--access-key", "test-key-1"], "needs an application id", "--app-id");

    [Fact]
    public Task Base_url_without_access_key() =>
        AssertBadInputAsync(["analyze", "samples/face.png", "--base-url", "http://127.0.0.1:1", "--app-id", "a"], "No access key", "SKINLITE_ACCESS_KEY");

    [Fact]
    public Task Malformed_base_url() =>
        AssertBadInputAsync(["analyze", "samples/face.png", "--base-url", "ftp://example", "--access-key", "test-key-1", "--app-id", "a"], "--base-url", "'ftp://example'");

    [Fact]
    public async Task Malformed_base_url_in_the_environment_names_the_variable()
    {
        CliResult run = await CliProcess.RunAsync(["analyze", "samples/face.png"], new Dictionary<string, string> { ["SKINLITE_BASE_URL"] = "not a url" }, null);

        AssertBadInput(run, "SKINLITE_BASE_URL", "'not a url'");
    }

    [Fact]
    public Task Unsafe_id_in_result() =>
        AssertBadInputAsync(["result", "../scan", "p1", .. Unreachable], "scan");

    [Fact]
    public Task Result_with_the_wrong_number_of_ids() =>
        AssertBadInputAsync(["result", "only-one", .. Unreachable], "needs both ids");

    [Fact]
    public Task Unknown_command() => AssertBadInputAsync(["analyse", "samples/face.png"], "analyse");

    [Fact]
    public async Task Unreachable_base_url_is_exit_code_7_naming_the_address()
    {
        CliResult run = await CliProcess.RunAsync(["analyze", "samples/face.png", "--quiet", .. Unreachable]);

        Assert.True(run.ExitCode == 7, run.ToString());
        string line = Assert.Single(run.StderrLines);
        Assert.Contains("Could not reach the service", line);
        Assert.Contains("127.0.0.1:1", line);
    }

    [Fact]
    public async Task Plain_http_to_another_host_is_refused_before_any_lookup()
    {
        // The opt-in itself is tested in the library (CleartextRefusalTests) without a network: here it would need a lookup.
        string image = _files.Write("face.png", TestPng.Create(1024, 1024));

        await AssertBadInputAsync(["analyze", image, "--base-url", "http://skinlite-test.invalid", "--access-key", "test-key-1", "--app-id", "a"], "plain http", "--allow-insecure-http", "Nothing was sent");
        await AssertBadInputAsync(["result", "s", "p", "--base-url", "http://10.1.2.3:8080", "--access-key", "test-key-1", "--app-id", "a"], "plain http");
    }

    [Fact]
    public Task A_key_too_short_to_be_real_is_refused_by_its_length_only() =>
        AssertBadInputAsync(["result", "s", "p", "--base-url", "http://127.0.0.1:1", "--access-key", "abc", "--app-id", "a"], "is 3 characters long", "at least 8");

    [LinuxFact]
    public async Task A_FIFO_is_refused_by_analyze_check_and_show_without_blocking()
    {
        string fifo = SpecialFiles.Fifo(_files);

        await AssertBadInputAsync(["analyze", fifo, .. Unreachable], "a FIFO (named pipe)", "not an image file");
        await AssertBadInputAsync(["analyze", fifo, "--no-preflight", .. Unreachable], "a FIFO (named pipe)");
        await AssertBadInputAsync(["show", fifo], "a FIFO (named pipe)", "give - and redirect it");
        CliResult check = await CliProcess.RunAsync(["check", fifo]);
        Assert.True(check.ExitCode == 2, check.ToString());
        Assert.Contains("a FIFO (named pipe)", check.Stdout + check.Stderr, StringComparison.Ordinal);
    }

    [LinuxFact]
    public async Task Dev_zero_is_a_device_for_analyze_and_show_not_an_empty_file_nor_an_endless_read()
    {
        await AssertBadInputAsync(["analyze", SpecialFiles.Zero, .. Unreachable], "a character device");
        await AssertBadInputAsync(["show", SpecialFiles.Zero], "a character device");
    }

    private static async Task AssertBadInputAsync(string[] arguments, params string[] expected) =>
        AssertBadInput(await CliProcess.RunAsync(arguments), expected);

    private static void AssertBadInput(CliResult run, params string[] expected)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        string line = Assert.Single(run.StderrLines);
        Assert.StartsWith("skinlite: ", line);
        foreach (string fragment in expected)
        {
            Assert.Contains(fragment, line);
        }
    }
}
