using System.Text;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Reading;

/// <summary>
/// A second reviewer's cases for the concerns scanner: odd escapes, numbers, literals, whitespace, stray brackets after
/// the array, repeated members and documents, lists that begin like recent ones. Each must read exactly as the reader
/// alone reads it (outcome and every field, or the same refusal).
/// </summary>
public sealed class ConcernsScannerReviewTests
{
    [Theory]
    [InlineData("{\"name\":\"a\\\\\"}")] // escaped backslash before the closing quote
    [InlineData("{\"name\":\"a\\\"}")] // backslash escapes the closing quote: truncated
    [InlineData("{\"name\":\"\\u\"}")]
    [InlineData("{\"name\":\"\\ud800\"}")] // lone surrogate in a label
    [InlineData("{\"description\":\"\\udc00\"}")]
    [InlineData("{\"x\":\"\\ud800\"}")] // lone surrogate in an unknown member: nobody decodes it
    [InlineData("{\"score_range\":[\"\\ud800\"]}")]
    [InlineData("{\"score_range\":[[\"\\ud800\"]]}")]
    [InlineData("{\"value\":-0}")]
    [InlineData("{\"value\":-2147483648}")]
    [InlineData("{\"value\":2147483648}")]
    [InlineData("{\"value\":1e5}")]
    [InlineData("{\"value\":-}")]
    [InlineData("{\"value\":null,\"value\":3}")]
    [InlineData("{\"score_range\":[\"a\"],\"score_range\":null}")]
    [InlineData("{\"x\":[1e5,-0.5E+3,true,false,null,{},[]]}")]
    [InlineData("{\"x\":tru}")]
    [InlineData("{\"x\":nulls}")]
    [InlineData("{\"x\":1 }")]
    [InlineData("{\"x\":\t1}")]
    [InlineData("{\"x\": \"\u007f\"}")]
    [InlineData("{}, {}, []")]
    [InlineData("{},")]
    [InlineData("1,\"a\",null,[{\"name\":\"inner\"}]")]
    [InlineData("{\"name\":\"a\"}]")]
    [InlineData("{\"name\":\"a\"}}")]
    public void A_concern_reads_the_same_on_both_paths(string concern)
    {
        AssertSame(Document(concern));
    }

    [Theory]
    [InlineData("{\"status\":\"SUCCESS\",\"output\":{\"skinData\":{\"concerns\":[{\"name\":\"a\"}],\"concerns\":[{\"name\":\"b\",\"description\":\"x\"}],\"zones\":{\"t_zone\":{\"image\":\"i\",\"type\":\"t\"}},\"summary\":\"s\"},\"error\":\"\"},\"error\":\"\"}")]
    [InlineData("{\"status\":\"SUCCESS\",\"output\":{\"skinData\":{\"concerns\":[{\"name\":\"a\"}]},\"skinData\":{\"summary\":\"s\",\"concerns\":[{\"name\":\"b\"}],\"facial_hair_url\":\"u\"}}}")]
    [InlineData("{\"status\":\"SUCCESS\",\"output\":{\"skinData\":{\"concerns\":[{\"name\":\"a\"}]}},\"output\":{\"skinData\":{\"concerns\":[{\"name\":\"b\"}],\"summary\":\"t\"}}}")]
    [InlineData("{\"status\":\"SUCCESS\",\"output\":{\"skinData\":{\"concerns\":[{\"name\":\"a\"}]}},\"output\":null}")]
    [InlineData("{\"status\":\"SUCCESS\",\"output\":{\"skinData\":{\"concerns\":[{\"name\":\"a\"}]}},\"output\":{\"error\":\"\"}}")]
    [InlineData("{\"status\":\"SUCCESS\",\"output\":{\"skinData\":{\"concerns\":[{\"name\":\"a\"}]}}} trailing")]
    [InlineData("{\"status\":\"SUCCESS\",\"output\":{\"skinData\":{\"concerns\":[{\"name\":\"a\"}]")] // truncated after the array
    [InlineData("{\"status\":\"SUCCESS\",\"output\":{\"skinData\":{\"concerns\":[{\"name\":\"a\"}]]}}")]
    [InlineData("{\"status\":\"SUCCESS\",\"output\":{\"skinData\":{\"concerns\":[{\"name\":\"a\"}],}}}")]
    [InlineData("{\"status\":\"SUCCESS\",\"output\":{\"skinData\":{\"concerns\":[{\"name\":\"a\"}]:1}}}")]
    [InlineData("\uFEFF{\"status\":\"SUCCESS\",\"output\":{\"skinData\":{\"concerns\":[{\"name\":\"a\"}]}}}")]
    public void A_document_reads_the_same_on_both_paths(string document)
    {
        AssertSame(Encoding.UTF8.GetBytes(document));
    }

    [Fact]
    public void Label_lists_that_begin_like_recent_ones_read_whole()
    {
        AssertSame(Document("{\"score_range\":[\"a\"],\"severity_list\":[\"a\",\"b\"]}"));
        AssertSame(Document("{\"score_range\":[\"a\",\"b\"],\"severity_list\":[\"a\"]}"));
        AssertSame(Document("{\"score_range\":[\"a\"]]}")); // a known list followed by a stray bracket
        AssertSame(Document("{\"score_range\":[\"a\"],\"severity_list\":[\"a\"] }"));

        // A list first met on the reader's path (with a line break inside), then found by its bytes on the fast path.
        AssertSame(Encoding.UTF8.GetBytes("{\"status\":\"SUCCESS\",\"output\":{\"skinData\":{\"concerns\":[ {\"score_range\":[\n\"q\"]}]}}}"));
        AssertSame(Document("{\"score_range\":[\n\"q\"]}"));

        // Items quoted one by one: ["a,b"] must not read like ["a","b"].
        byte[] tricky = Document("{\"score_range\":[\"a,b\"],\"severity_list\":[\"a\",\"b\"]}");
        SkinConcern fast = AnalysisOutcome.Parse(tricky).Result.Concerns[0];
        SkinConcern alone = PredictionDocumentReader.ReadByReaderAlone(tricky).Result.Concerns[0];
        Assert.Equal(alone.ScoreRange, fast.ScoreRange);
        Assert.Equal(alone.SeverityList, fast.SeverityList);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)fast.SeverityList).Add("x"));
    }

    [Fact]
    public void A_SUCCESS_without_skinData_is_refused_with_the_same_text_and_excerpt_when_compacted()
    {
        // Indented and over 2 KB: compacted first. The excerpt is the body as sent, not the compacted remainder.
        string padding = new('p', 2100);
        byte[] document = Encoding.UTF8.GetBytes("{\n  \"status\": \"SUCCESS\",\n  \"output\": {\n    \"note\": \"" + padding + "\"\n  }\n}");

        var fast = Assert.Throws<SkinLiteProtocolException>(() => AnalysisOutcome.Parse(document));
        var alone = Assert.Throws<SkinLiteProtocolException>(() => PredictionDocumentReader.ReadByReaderAlone(document));
        Assert.Equal(alone.Message, fast.Message);
        Assert.Equal(alone.BodyExcerpt, fast.BodyExcerpt);
    }

    private static void AssertSame(byte[] document)
    {
        string alone = Outcome(() => PredictionDocumentReader.ReadByReaderAlone(document));
        string fast = Outcome(() => AnalysisOutcome.Parse(document));
        Assert.Equal(alone, fast);
    }

    private static string Outcome(Func<AnalysisOutcome> parse)
    {
        try
        {
            AnalysisOutcome outcome = parse();
            return outcome.TryGetResult(out SkinAnalysis? analysis) ? AnalysisText.Describe(analysis) : outcome.ToString();
        }
        catch (SkinLiteProtocolException ex)
        {
            return "refused: " + ex.Message;
        }
    }

    private static byte[] Document(string concern) =>
        Encoding.UTF8.GetBytes("{\"status\":\"SUCCESS\",\"output\":{\"skinData\":{\"total_skin_score\":70,\"concerns\":[" + concern + "]}}}");
}
