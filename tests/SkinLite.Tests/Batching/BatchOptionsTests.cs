using SkinLite.Tests.Support;

namespace SkinLite.Tests.Batching;

/// <summary>BatchOptions.Validate names the bad setting and its value; AnalyzeManyAsync refuses bad options at the call.</summary>
public sealed class BatchOptionsTests
{
    public static TheoryData<string, Action<BatchOptions>, string> BadSettings => new()
    {
        { "MaxConcurrentSubmits", o => o.MaxConcurrentSubmits = 0, "BatchOptions.MaxConcurrentSubmits must be between 1 and 256, not 0." },
        { "MaxConcurrentSubmits", o => o.MaxConcurrentSubmits = 257, "BatchOptions.MaxConcurrentSubmits must be between 1 and 256, not 257." },
        { "MaxConcurrentWaits", o => o.MaxConcurrentWaits = 0, "BatchOptions.MaxConcurrentWaits must be between 1 and 4096, not 0." },
        { "MaxConcurrentWaits", o => o.MaxConcurrentWaits = 4097, "BatchOptions.MaxConcurrentWaits must be between 1 and 4096, not 4097." },
        { "MaxConcurrentPreparations", o => o.MaxConcurrentPreparations = -1, "BatchOptions.MaxConcurrentPreparations must be between 1 and 1024, not -1." },
        { "MaxSubmitsPerSecond", o => o.MaxSubmitsPerSecond = 0, "BatchOptions.MaxSubmitsPerSecond must be a positive number of submits per second, not 0." },
        { "MaxSubmitsPerSecond", o => o.MaxSubmitsPerSecond = double.NaN, "BatchOptions.MaxSubmitsPerSecond must be a positive number of submits per second, not NaN." },
        { "MaxSubmitsPerSecond", o => o.MaxSubmitsPerSecond = double.PositiveInfinity, "BatchOptions.MaxSubmitsPerSecond must be a positive number of submits per second, not Infinity." },
        { "MaxAnalyses", o => o.MaxAnalyses = -1, "BatchOptions.MaxAnalyses must be 0 or more, not -1." },
        { "MaxCredits", o => o.MaxCredits = -5, "BatchOptions.MaxCredits must be 0 or more, not -5." },
        { "CancellationGrace", o => o.CancellationGrace = TimeSpan.FromSeconds(-1), "BatchOptions.CancellationGrace must be between zero and" },
        { "MaxFileBytes", o => o.MaxFileBytes = 0, "BatchOptions.MaxFileBytes must be positive, not 0." },
        { "JournalPath", o => o.JournalPath = "", "BatchOptions.JournalPath is empty: give a file path, or null for no journal." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_names_the_setting_and_says_what_is_wrong(string member, Action<BatchOptions> spoil, string message)
    {
        var options = new BatchOptions();
        spoil(options);

        ArgumentException error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(member, error.ParamName);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_and_the_extremes_of_each_range_are_valid()
    {
        new BatchOptions().Validate();
        new BatchOptions
        {
            MaxConcurrentSubmits = BatchOptions.MaxSubmitConcurrency,
            MaxConcurrentWaits = BatchOptions.MaxWaitConcurrency,
            MaxConcurrentPreparations = 1,
            MaxSubmitsPerSecond = 0.001,
            MaxAnalyses = 0,
            MaxCredits = 0,
            CancellationGrace = TimeSpan.Zero,
            MaxFileBytes = 1,
        }.Validate();
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void AnalyzeManyAsync_throws_at_the_call_before_anything_is_enumerated(string member, Action<BatchOptions> spoil, string message)
    {
        using var service = new FakeService();
        var client = new SkinLiteClient(service.HttpClient, new SkinLiteClientOptions { AppId = FakeService.AppId, Credential = FakeService.Credential });
        var options = new BatchOptions();
        spoil(options);
        int read = 0;
        IEnumerable<string> Paths()
        {
            read++;
            yield return "a.png";
        }

        ArgumentException error = Assert.Throws<ArgumentException>(() => client.AnalyzeManyAsync(Paths(), options));

        Assert.Equal(member, error.ParamName);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, read);
        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task Options_changed_after_the_call_do_not_apply_to_the_batch()
    {
        using var folder = new TempFolder();
        using var service = new FakeService();
        var client = new SkinLiteClient(service.HttpClient, new SkinLiteClientOptions { AppId = FakeService.AppId, Credential = FakeService.Credential });
        string path = folder.Write("a.png", TestImages.Png());
        var options = new BatchOptions { MaxAnalyses = 0 };

        IAsyncEnumerable<BatchItemResult> batch = client.AnalyzeManyAsync([path], options);
        options.MaxAnalyses = null;
        var results = new List<BatchItemResult>();
        await foreach (BatchItemResult item in batch)
        {
            results.Add(item);
        }

        BatchItemResult result = Assert.Single(results);
        Assert.Equal(BatchItemStatus.NotSubmitted, result.Status);
        Assert.Equal(BatchStopReason.Budget, result.StopReason);
        Assert.Empty(service.Requests);
    }
}
