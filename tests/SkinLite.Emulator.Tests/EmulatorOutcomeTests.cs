using Microsoft.Extensions.Time.Testing;
using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests;

public class EmulatorOutcomeTests
{
    [Theory]
    [InlineData(SkinLiteApi.Private)]
    [InlineData(SkinLiteApi.Platform)]
    [InlineData(SkinLiteApi.Transformation)]
    public async Task Each_family_submits_and_succeeds_with_an_emulated_analysis(SkinLiteApi api)
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        SkinLiteClient client = Emulated.Client(emulator, api);

        SkinAnalysisJob job = await client.SubmitAsync(Emulated.Face());
        AnalysisOutcome outcome = await client.GetOutcomeAsync(job);

        Assert.Equal(JobStatus.Accepted, job.Status);
        Assert.StartsWith("skinAnalysisInt--generate--", job.PredictionId, StringComparison.Ordinal);
        Assert.Equal(api.UsesScanId(), job.ScanId is not null);
        Assert.True(outcome.IsSucceeded, outcome.ToString());
        SkinAnalysis analysis = outcome.Result;
        Assert.True(analysis.IsEmulated);
        Assert.StartsWith("EMULATED RESULT", analysis.Summary, StringComparison.Ordinal);
        Assert.Equal(9, analysis.Concerns.Count);
        Assert.InRange(analysis.TotalSkinScore!.Value, 0, 100);
        Assert.StartsWith("https://emulator.skinlite.invalid/emulator/outputs/", analysis.InputImageUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_concern_has_the_severity_its_score_band_names()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        SkinLiteClient client = Emulated.Client(emulator);
        for (byte shade = 0; shade < 12; shade++)
        {
            SkinAnalysis analysis = (await client.GetOutcomeAsync(await client.SubmitAsync(Emulated.Face(shade)))).Result;
            foreach (SkinConcern concern in analysis.Concerns)
            {
                int band = concern.ScoreRange.ToList().FindIndex(range => concern.Value >= int.Parse(range.Split('-')[0]) && concern.Value <= int.Parse(range.Split('-')[1]));
                Assert.Equal(concern.SeverityList[band], concern.Severity);
            }
        }
    }

    [Fact]
    public async Task A_job_is_accepted_then_processing_then_done_on_the_emulator_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.FromSeconds(4) }, time);
        SkinLiteClient client = Emulated.Client(emulator);
        SkinAnalysisJob job = await client.SubmitAsync(Emulated.Face());

        Assert.Equal(JobStatus.Accepted, (await client.GetOutcomeAsync(job)).Status);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(JobStatus.Processing, (await client.GetOutcomeAsync(job)).Status);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True((await client.GetOutcomeAsync(job)).IsSucceeded);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), job.CreatedAt);
    }

    [Fact]
    public async Task Latency_holds_every_answer_on_the_emulator_clock()
    {
        var time = new FakeTimeProvider();
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, Latency = TimeSpan.FromSeconds(5) }, time);

        Task<SkinAnalysisJob> submit = Emulated.Client(emulator).SubmitAsync(Emulated.Face());
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(submit.IsCompleted);
        // Past the latency even if the delay only started after the first advance.
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.NotEmpty((await submit.WaitAsync(TimeSpan.FromSeconds(30))).PredictionId);
    }

    // Megabytes of images: enumerated when the tests run, not serialised into the test list at discovery.
    /// <summary>The documented messages, verbatim, from the contract's table; typed here, not taken from the library.</summary>
    public static TheoryData<string, byte[], RejectionReason, string> Rejections() => new()
    {
        { "no face marker", Emulated.Face(trailer: SkinAnalysisEmulator.NoFaceMarker), RejectionReason.NoFaceDetected, "No face detected" },
        { "empty part", [], RejectionReason.UnreadableImage, "Failed to read Image" },
        { "over 5 MiB", TestPng.Create(1024, 1024, padding: 5 * 1024 * 1024), RejectionReason.FileTooLarge, "File size exceeds 5MB limit." },
        { "broken header", [.. TestPng.Signature, .. "garbage, not a chunk"u8], RejectionReason.CorruptImage, "Unable to open image. Invalid or corrupted file." },
        { "truncated data", Emulated.Face()[..600], RejectionReason.CorruptImage, "Unable to open image. Invalid or corrupted file." },
        { "truncated jpeg", TestJpeg.Create(1024, 1024)[..^2], RejectionReason.CorruptImage, "Unable to open image. Invalid or corrupted file." },
        { "png cut after its header", TestPng.Create(1024, 1024)[..33], RejectionReason.CorruptImage, "Unable to open image. Invalid or corrupted file." },
        { "png with its image data split", TestPng.Start().Header(1024, 1024).Chunk("IDAT", [1]).Chunk("tEXt", "a\0b"u8).Chunk("IDAT", [2]).End().ToArray(), RejectionReason.CorruptImage, "Unable to open image. Invalid or corrupted file." },
        { "jpeg cut inside its scan data", TestImages.Jpeg()[..^100], RejectionReason.CorruptImage, "Unable to open image. Invalid or corrupted file." },
        { "jpeg ending before any scan", TestJpeg.Start().Jfif().Frame(0xC0, 1024, 1024).Raw(0xFF, 0xD9).ToArray(), RejectionReason.CorruptImage, "Unable to open image. Invalid or corrupted file." },
        { "gif", "GIF89a\u0001\u0000\u0001\u0000 pretend gif"u8.ToArray(), RejectionReason.UnsupportedFormat, "Unsupported image format. Only PNG, JPG, or JPEG is allowed." },
        { "too small", TestPng.Create(1023, 1500), RejectionReason.ResolutionTooSmall, "Image dimensions are too small. Min required resolution 1024x1024 pixels." },
        { "too large", TestJpeg.Create(2049, 1024), RejectionReason.ResolutionTooLarge, "Image resolution too large. Max allowed resolution 2048x2048 pixels." },
    };

    [Theory]
    [MemberData(nameof(Rejections), DisableDiscoveryEnumeration = true)]
    public async Task Bad_images_are_accepted_then_rejected_like_the_service_does(string name, byte[] image, RejectionReason reason, string message)
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        using var http = new HttpClient(emulator.CreateHandler());
        using var form = new MultipartFormDataContent { { new ByteArrayContent(image), "input.image", "image.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Transformation) + "/predictions/skinAnalysisInt/generate") { Content = form };
        request.Headers.Authorization = new("Bearer", SkinAnalysisEmulator.DefaultCredential);
        using HttpResponseMessage submitted = await http.SendAsync(request);
        var job = new SkinAnalysisJob { Api = SkinLiteApi.Transformation, PredictionId = ReadId(await submitted.Content.ReadAsStringAsync()) };

        AnalysisOutcome outcome = await Emulated.Client(emulator, SkinLiteApi.Transformation).GetOutcomeAsync(job);

        Assert.True(submitted.IsSuccessStatusCode, name);
        Assert.True(outcome.IsRejected, $"{name}: {outcome}");
        Assert.Equal(JobStatus.Success, outcome.Status);
        Assert.Equal(reason, outcome.RejectionReason);
        Assert.Equal(message, outcome.Message);
        Assert.Equal(422, outcome.StatusCode);
    }

    [Fact]
    public async Task The_failure_marker_ends_the_job_in_FAILURE_with_the_documented_error()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        SkinLiteClient client = Emulated.Client(emulator);

        AnalysisOutcome outcome = await client.GetOutcomeAsync(await client.SubmitAsync(Emulated.Face(trailer: SkinAnalysisEmulator.FailureMarker)));

        Assert.True(outcome.IsFailed, outcome.ToString());
        Assert.Equal(JobStatus.Failure, outcome.Status);
        Assert.Equal("Backend for skinAnalysisInt/generate failed with: Request failed with status code 500", outcome.Message);
    }

    [Fact]
    public async Task The_same_image_always_gives_the_same_analysis_and_another_image_another()
    {
        using var first = new SkinAnalysisEmulator(Emulated.Instant());
        using var second = new SkinAnalysisEmulator(Emulated.Instant(seed: 99));
        SkinAnalysis a = await Analyse(Emulated.Client(first), Emulated.Face(7));
        SkinAnalysis b = await Analyse(Emulated.Client(second), Emulated.Face(7));
        SkinAnalysis c = await Analyse(Emulated.Client(first), Emulated.Face(8));

        Assert.Equal(Fingerprint(a), Fingerprint(b));
        Assert.NotEqual(Fingerprint(a), Fingerprint(c));
    }

    [Fact]
    public async Task The_same_seed_and_clock_give_the_same_ids()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20000));
        using var one = new SkinAnalysisEmulator(Emulated.Instant(seed: 5), time);
        using var two = new SkinAnalysisEmulator(Emulated.Instant(seed: 5), time);
        using var other = new SkinAnalysisEmulator(Emulated.Instant(seed: 6), time);

        string a = (await Emulated.Client(one).SubmitAsync(Emulated.Face())).PredictionId;
        string b = (await Emulated.Client(two).SubmitAsync(Emulated.Face())).PredictionId;
        string c = (await Emulated.Client(other).SubmitAsync(Emulated.Face())).PredictionId;

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Matches("^skinAnalysisInt--generate--[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", a);
    }

    [Fact]
    public async Task Files_and_streams_that_cannot_seek_arrive_whole_after_the_client_preflight()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        var client = new SkinLiteClient(new HttpClient(emulator.CreateHandler()), new SkinLiteClientOptions
        {
            BaseAddress = SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Private),
            AppId = SkinAnalysisEmulator.DefaultAppId,
            Credential = SkinAnalysisEmulator.DefaultCredential,
        });
        byte[] jpeg = TestJpeg.Create(1200, 1400, exifBytes: 50_000);
        string path = Path.Combine(Path.GetTempPath(), $"skinlite-emulator-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(path, jpeg);
        try
        {
            SkinAnalysis fromFile = (await client.GetOutcomeAsync(await client.SubmitAsync(path))).Result;
            using var forwardOnly = new ForwardOnlyStream(jpeg);
            SkinAnalysis fromStream = (await client.GetOutcomeAsync(await client.SubmitAsync(forwardOnly, "face.jpg"))).Result;

            // A single lost or reordered header byte would change the seed, or make the emulator reject the image.
            Assert.Equal(Fingerprint(fromFile), Fingerprint(fromStream));
            Assert.Equal(Fingerprint(await Analyse(client, jpeg)), Fingerprint(fromStream));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<SkinAnalysis> Analyse(SkinLiteClient client, byte[] image) =>
        (await client.GetOutcomeAsync(await client.SubmitAsync(image))).Result;

    private static string Fingerprint(SkinAnalysis analysis) =>
        $"{analysis.TotalSkinScore}|{analysis.SkinAge}|{analysis.EyeAge}|{analysis.SkinTone}|{analysis.SkinShade}|{analysis.SkinType}|{analysis.Zones.TZone?.Type}|" +
        string.Join(",", analysis.Concerns.Select(c => $"{c.TechName}={c.Value}/{c.Severity}"));

    private static string ReadId(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("_id").GetString()!;
}
