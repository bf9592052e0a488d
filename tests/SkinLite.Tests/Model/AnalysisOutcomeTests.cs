using System.Runtime.CompilerServices;

namespace SkinLite.Tests.Model;

/// <summary>The outcome discriminator: a readonly struct whose kind reads naturally in a C# switch.</summary>
public sealed class AnalysisOutcomeTests
{
    private static readonly AnalysisOutcome Pending = AnalysisOutcome.Parse("""{"status":"PROCESSING"}""");
    private static readonly AnalysisOutcome Succeeded = AnalysisOutcome.Parse("""{"status":"SUCCESS","output":{"skinData":{"total_skin_score":64}}}""");
    private static readonly AnalysisOutcome Rejected = AnalysisOutcome.Parse("""{"status":"SUCCESS","output":{"error":"No face detected","status_code":422}}""");
    private static readonly AnalysisOutcome Failed = AnalysisOutcome.Parse("""{"status":"FAILURE","error":"Backend failed"}""");

    [Fact]
    public void It_is_a_readonly_struct()
    {
        Assert.True(typeof(AnalysisOutcome).IsValueType);
        Assert.True(typeof(AnalysisOutcome).IsDefined(typeof(IsReadOnlyAttribute), inherit: false));
    }

    [Fact]
    public void A_switch_on_the_kind_reads_each_case()
    {
        Assert.Equal("still PROCESSING", Describe(Pending));
        Assert.Equal("score 64", Describe(Succeeded));
        Assert.Equal("rejected: NoFaceDetected (422)", Describe(Rejected));
        Assert.Equal("failed: Backend failed", Describe(Failed));

        static string Describe(AnalysisOutcome outcome) => outcome switch
        {
            { Kind: OutcomeKind.Succeeded, Result: var analysis } => $"score {analysis.TotalSkinScore}",
            { Kind: OutcomeKind.Rejected, RejectionReason: var reason, StatusCode: var code } => $"rejected: {reason} ({code})",
            { Kind: OutcomeKind.Failed, Message: var message } => $"failed: {message}",
            { Kind: OutcomeKind.Pending, Status: var status } => $"still {status}",
            _ => throw new InvalidOperationException("unreachable"),
        };
    }

    [Fact]
    public void Property_patterns_on_the_flags_and_the_reason_match()
    {
        Assert.True(Rejected is { IsRejected: true, RejectionReason: RejectionReason.NoFaceDetected });
        Assert.True(Succeeded is { IsSucceeded: true, IsTerminal: true });
        Assert.True(Pending is { IsPending: true, IsTerminal: false });
        Assert.True(Failed is { IsFailed: true, IsTerminal: true });
        Assert.False(Rejected is { IsSucceeded: true });
    }

    [Fact]
    public void The_default_value_is_an_explicit_none_neither_pending_nor_terminal()
    {
        AnalysisOutcome none = default;

        Assert.Equal(OutcomeKind.None, none.Kind);
        Assert.False(none.IsPending);
        Assert.False(none.IsTerminal);
        Assert.False(none.IsSucceeded || none.IsRejected || none.IsFailed);
        Assert.Equal(string.Empty, none.Status.Value);
        Assert.False(none.TryGetResult(out _));
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => none.Result);
        Assert.Contains("none", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("none", none.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_parsed_document_has_the_none_kind()
    {
        foreach (AnalysisOutcome outcome in new[] { Pending, Succeeded, Rejected, Failed, AnalysisOutcome.Parse("""{"status":""}""") })
        {
            Assert.NotEqual(OutcomeKind.None, outcome.Kind);
        }
    }

    [Fact]
    public void Exactly_one_flag_is_set_for_each_kind()
    {
        foreach (AnalysisOutcome outcome in new[] { Pending, Succeeded, Rejected, Failed })
        {
            bool[] flags = [outcome.IsPending, outcome.IsSucceeded, outcome.IsRejected, outcome.IsFailed];
            Assert.Single(flags, f => f);
        }
    }

    [Theory]
    [InlineData("pending", "PROCESSING")]
    [InlineData("rejected", "NoFaceDetected")]
    [InlineData("failed", "Backend failed")]
    public void Reading_the_result_of_an_outcome_that_did_not_succeed_says_what_it_was(string kind, string detail)
    {
        AnalysisOutcome outcome = kind switch { "pending" => Pending, "rejected" => Rejected, _ => Failed };

        var error = Assert.Throws<InvalidOperationException>(() => outcome.Result);

        Assert.Contains(kind, error.Message, StringComparison.Ordinal);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGetResult_gives_the_analysis_only_when_it_succeeded()
    {
        Assert.True(Succeeded.TryGetResult(out SkinAnalysis? analysis));
        Assert.Equal(64, analysis.TotalSkinScore);
        Assert.Same(Succeeded.Result, analysis);

        foreach (AnalysisOutcome outcome in new[] { Pending, Rejected, Failed })
        {
            Assert.False(outcome.TryGetResult(out SkinAnalysis? none));
            Assert.Null(none);
        }
    }

    [Fact]
    public void ToString_names_the_kind_and_its_detail()
    {
        Assert.Equal("pending (status PROCESSING)", Pending.ToString());
        Assert.Equal("succeeded", Succeeded.ToString());
        Assert.Equal("rejected (NoFaceDetected: No face detected)", Rejected.ToString());
        Assert.Equal("failed (status FAILURE: Backend failed)", Failed.ToString());
    }

    [Fact]
    public void Parse_from_a_string_and_from_utf8_agree()
    {
        const string json = """{"status":"SUCCESS","output":{"error":"Failed to read Image"}}""";

        AnalysisOutcome fromString = AnalysisOutcome.Parse(json);
        AnalysisOutcome fromUtf8 = AnalysisOutcome.Parse(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Equal(RejectionReason.UnreadableImage, fromString.RejectionReason);
        Assert.Equal(fromString.RejectionReason, fromUtf8.RejectionReason);
        Assert.Equal(fromString.Message, fromUtf8.Message);
        Assert.Throws<ArgumentNullException>(() => AnalysisOutcome.Parse((string)null!));
    }
}
