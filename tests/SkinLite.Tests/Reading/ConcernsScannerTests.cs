using System.Text;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Reading;

/// <summary>
/// The fast path for <c>concerns</c> (<see cref="ConcernsScanner"/>): it must be taken for the answers the service
/// sends, read them exactly as the reader would, and give up, keeping nothing, on anything else, so the reader decides.
/// The property sweep in <see cref="ReaderPropertyTests"/> compares the two over many thousands of mutants.
/// </summary>
public sealed class ConcernsScannerTests
{
    [RecordedFixtureFact]
    public void The_recorded_concerns_are_read_on_the_fast_path_on_one_line_and_compacted()
    {
        byte[] recorded = RecordedFixtures.Read("transformation-success.json");

        Assert.Equal(9, Scan(OneLine(recorded)));
        Assert.Equal(9, Scan(Compacted(recorded)));
    }

    [Fact]
    public void The_own_compact_success_is_read_on_the_fast_path_and_reads_as_the_reader_alone_reads_it()
    {
        byte[] document = OwnFixtures.Read("Mutation/success-compact.json");

        Assert.True(Scan(document) > 0);
        Assert.Equal(Describe(PredictionDocumentReader.ReadByReaderAlone(document)), Describe(AnalysisOutcome.Parse(document)));
    }

    [Fact]
    public void Escaped_texts_and_labels_read_the_same_on_the_fast_path()
    {
        byte[] document = Document("""
            {"name":"Dark \u0043ircles","tech_name":"dark_circle","area_name":"eyes","value":-7,"score_range":["0-49","50\/89"],"severity":"Needs\tAttention","severity_list":["A\"B","C"],"image":"https://x.test/a%20b.jpg","description":"One \u2014 two \ud83d\ude00 \"three\"","analyses":"é","sub_areas":[{"k":[1,2.5e-3,true,false,null,{}]}]}
            """);

        Assert.Equal(1, Scan(document));
        SkinConcern concern = AnalysisOutcome.Parse(document).Result.Concerns[0];
        Assert.Equal(("Dark Circles", "Needs\tAttention", -7), (concern.Name, concern.Severity, concern.Value));
        Assert.Equal(["0-49", "50/89"], concern.ScoreRange);
        Assert.Equal(["A\"B", "C"], concern.SeverityList);
        Assert.Equal("One \u2014 two \U0001F600 \"three\"", concern.Description);
        Assert.Equal("é", concern.Analyses);
        Assert.Equal(Describe(PredictionDocumentReader.ReadByReaderAlone(document)), Describe(AnalysisOutcome.Parse(document)));
    }

    [Theory]
    [InlineData("""{"name":  "spaced"}""")] // whitespace beyond one space after a colon or comma
    [InlineData("""{"name":"a","value":1 }""")]
    [InlineData("""{"value":61.5}""")] // a fraction: the reader rounds it
    [InlineData("""{"value":"61"}""")] // a number as a string
    [InlineData("""{"name":7}""")] // a label that is a number
    [InlineData("""{"image":7}""")] // a long text that is not a string
    [InlineData("""{"score_range":"0-49"}""")] // a list that is not an array
    [InlineData("""{"n\u0061me":"escaped member name"}""")] // compared unescaped by the reader
    [InlineData("""{"value":12345678901}""")] // does not fit an int
    [InlineData("""{"sub_areas":[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]}""")] // deeper than the scanner goes
    public void The_fast_path_gives_up_on_what_it_does_not_expect_and_the_reader_reads_it(string concern)
    {
        byte[] document = Document(concern);

        Assert.Equal(-1, Scan(document));
        Assert.Equal(Describe(PredictionDocumentReader.ReadByReaderAlone(document)), Describe(AnalysisOutcome.Parse(document)));
    }

    [Theory]
    [InlineData("""{"name":"x","value":01}""")] // a leading zero
    [InlineData("""{"name":"x",}""")] // a trailing comma
    [InlineData("""{"name":"x"}{"name":"y"}""")] // a missing comma
    [InlineData("""{"sub_areas":[tru]}""")]
    [InlineData("""{"sub_areas":[1.]}""")]
    [InlineData("""{"description":"bad \x escape"}""")]
    [InlineData("""{"description":"bad \u12 escape"}""")]
    [InlineData("""{"sub_areas":["bad \q escape"]}""")]
    public void A_malformed_concern_is_refused_with_the_position_the_reader_alone_gives(string concern)
    {
        byte[] document = Document(concern);

        var fast = Assert.Throws<SkinLiteProtocolException>(() => AnalysisOutcome.Parse(document));
        var alone = Assert.Throws<SkinLiteProtocolException>(() => PredictionDocumentReader.ReadByReaderAlone(document));
        Assert.Equal(alone.Message, fast.Message);
    }

    [Fact]
    public void Nulls_read_as_the_reader_reads_them_on_the_fast_path()
    {
        byte[] document = Document("""{"name":null,"value":null,"image":null,"score_range":null,"severity_list":[null,"Good"],"description":null}""");

        Assert.Equal(1, Scan(document));
        SkinConcern concern = AnalysisOutcome.Parse(document).Result.Concerns[0];
        Assert.Equal((null, null, null, null), (concern.Name, concern.Value, concern.ImageUrl, concern.Description));
        Assert.Empty(concern.ScoreRange);
        Assert.Equal(["Good"], concern.SeverityList);
        Assert.Equal(Describe(PredictionDocumentReader.ReadByReaderAlone(document)), Describe(AnalysisOutcome.Parse(document)));
    }

    [Fact]
    public void A_list_that_begins_like_one_seen_before_is_read_whole()
    {
        AnalysisOutcome.Parse(Document("""{"score_range":["a","b"],"severity_list":["c"]}"""));

        SkinConcern longer = AnalysisOutcome.Parse(Document("""{"score_range":["a","b","x"],"severity_list":["c","d"]}""")).Result.Concerns[0];
        SkinConcern same = AnalysisOutcome.Parse(Document("""{"score_range":["a","b"],"severity_list":["c"]}""")).Result.Concerns[0];

        Assert.Equal(["a", "b", "x"], longer.ScoreRange);
        Assert.Equal(["c", "d"], longer.SeverityList);
        Assert.Equal(["a", "b"], same.ScoreRange);
        Assert.Equal(["c"], same.SeverityList);
    }

    [Fact]
    public void A_raw_control_character_inside_a_description_is_refused()
    {
        byte[] document = Document("{\"description\":\"a\u0001b\"}");

        Assert.Throws<SkinLiteProtocolException>(() => AnalysisOutcome.Parse(document));
    }

    [Fact]
    public void Invalid_UTF_8_in_a_description_is_still_refused_when_parsed_and_elsewhere_is_left_alone()
    {
        byte[] inText = Document("{\"description\":\"a\u00FFb\"}", latin1: true);
        byte[] inUnknown = Document("{\"name\":\"ok\",\"notes\":\"a\u00FFb\"}", latin1: true);

        Assert.Throws<SkinLiteProtocolException>(() => AnalysisOutcome.Parse(inText));
        Assert.Equal("ok", AnalysisOutcome.Parse(inUnknown).Result.Concerns[0].Name);
        Assert.Equal(Describe(PredictionDocumentReader.ReadByReaderAlone(inUnknown)), Describe(AnalysisOutcome.Parse(inUnknown)));
    }

    [Fact]
    public void What_follows_the_concerns_is_read_from_where_the_scan_ended()
    {
        byte[] document = Encoding.UTF8.GetBytes("""
            {"status":"SUCCESS","output":{"skinData":{"concerns":[{"tech_name":"acne","value":80}],"summary":"after \u0041","total_skin_score":77},"extra":{"kept":[1,2]},"status_code":200},"consumedCredits":5}
            """);

        AnalysisOutcome outcome = AnalysisOutcome.Parse(document);

        Assert.Equal(1, Scan(document));
        Assert.Equal(("after A", 77, 80), (outcome.Result.Summary, outcome.Result.TotalSkinScore, outcome.Result.Concerns[0].Value));
        Assert.EndsWith("\"status_code\":200}", Encoding.UTF8.GetString(outcome.Result.OutputUtf8Json.Span), StringComparison.Ordinal);
        Assert.Equal((200, 5), (outcome.StatusCode, outcome.ConsumedCredits));
    }

    [Fact]
    public void An_error_object_after_the_concerns_is_read_whole()
    {
        byte[] document = Encoding.UTF8.GetBytes("""
            {"status":"SUCCESS","output":{"skinData":{"concerns":[{"tech_name":"acne"}]},"error":{"kept":[1,2]}},"error":["top",{"a":1}]}
            """);

        AnalysisOutcome outcome = AnalysisOutcome.Parse(document);

        Assert.Equal(1, Scan(document));
        Assert.Equal((OutcomeKind.Rejected, "{\"kept\":[1,2]}"), (outcome.Kind, outcome.Message));
        Assert.Equal(Describe(PredictionDocumentReader.ReadByReaderAlone(document)), Describe(outcome));
    }

    /// <summary>The number of concerns the fast path read from the document's <c>concerns</c>, or -1 when it gave up (and then it kept none).</summary>
    private static int Scan(byte[] document)
    {
        ReadOnlySpan<byte> json = document;
        int start = json.IndexOf("\"concerns\":"u8) + "\"concerns\":"u8.Length;
        start += json[start] == (byte)' ' ? 1 : 0;
        SkinDataDraft draft = SkinDataDraft.Rent();
        bool read = ConcernsScanner.TryRead(json, start, 0, draft, out int end);
        Assert.True(read ? json[end] == (byte)']' : draft.Concerns.Count == 0);
        return read ? draft.Concerns.Count : -1;
    }

    private static byte[] Document(string concern, bool latin1 = false)
    {
        string text = "{\"status\":\"SUCCESS\",\"output\":{\"skinData\":{\"total_skin_score\":70,\"concerns\":[" + concern.Trim() + "]}}}";
        return latin1 ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text);
    }

    private static byte[] OneLine(byte[] document) => Encoding.UTF8.GetBytes(System.Text.Json.Nodes.JsonNode.Parse(document)!.ToJsonString());

    private static byte[] Compacted(byte[] document)
    {
        byte[] compacted = new byte[document.Length];
        return compacted[..CompactJson.Compact(document, compacted)];
    }

    private static string Describe(AnalysisOutcome outcome) =>
        outcome.TryGetResult(out SkinAnalysis? analysis) ? AnalysisText.Describe(analysis) : outcome.ToString();
}
