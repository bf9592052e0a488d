using SkinLite.Tests.Polling;

namespace SkinLite.Tests.Errors;

/// <summary>A status a hostile service makes huge is cut in the messages that repeat it, and says how long it was.</summary>
public sealed class EchoedTextTests
{
    [Fact]
    public async Task A_huge_status_is_cut_in_the_wait_timeout_message_but_kept_whole_in_the_exception()
    {
        string huge = "PROCESSING" + new string('x', 100_000);
        using var harness = new WaitingHarness(new PollingOptions { InitialDelay = TimeSpan.Zero, FixedInterval = TimeSpan.FromSeconds(1), Deadline = TimeSpan.FromSeconds(2) });
        harness.Handler.OnPoll(Replies.Pending(huge));

        var timeout = await Assert.ThrowsAsync<SkinLiteWaitTimeoutException>(() => harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.SubmittedJob())));

        Assert.True(timeout.Message.Length < 400, $"{timeout.Message.Length} characters");
        Assert.Contains($"({huge.Length} characters)", timeout.Message, StringComparison.Ordinal);
        Assert.Equal(huge, timeout.LastStatus?.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(EchoedText.MaxLength)]
    public void Text_up_to_the_limit_is_kept_as_is(int length)
    {
        string text = new('s', length);

        Assert.Same(text, EchoedText.Clip(text));
    }
}
