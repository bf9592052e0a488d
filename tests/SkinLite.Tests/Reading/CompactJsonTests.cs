using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Reading;

/// <summary>
/// <see cref="CompactJson"/> works 32 bytes at a time with the string state carried between blocks: these move quotes,
/// escapes and line breaks across every block boundary and compare with the plain rule (a line break or tab outside a
/// string, and the whitespace after it, goes; nothing else does).
/// </summary>
public sealed class CompactJsonTests
{
    [Theory]
    [InlineData("\\\"")]
    [InlineData("\\\\")]
    [InlineData("\\\\\\\"")]
    [InlineData("\\u0022")]
    [InlineData("\\n")]
    [InlineData("\\/")]
    public void Strings_and_escapes_on_every_block_boundary_are_kept_and_breaks_around_them_go(string tricky)
    {
        for (int padding = 0; padding <= 70; padding++)
        {
            string value = new string('x', padding) + tricky + " \\u00e9 \u2014 a  b";
            string json = $"{{\n\t\"k\":\n   \"{value}\",\r\n  \"next\" : [ 1,\n    \"{value}\"\n  ]\n}}";

            string compacted = Compact(json);

            Assert.Equal(JsonLayout.WithoutLineBreaks(json), compacted);
            using JsonDocument before = JsonDocument.Parse(json);
            using JsonDocument after = JsonDocument.Parse(compacted);
            Assert.True(JsonElement.DeepEquals(before.RootElement, after.RootElement), $"padding {padding}");
        }
    }

    [Fact]
    public void Documents_written_indented_lose_exactly_their_line_breaks_and_indentation()
    {
        var random = new Random(20261129);
        const string Alphabet = "ab \"\\/\t\né—😀:{},[]";
        for (int round = 0; round < 300; round++)
        {
            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentCharacter = round % 2 == 0 ? ' ' : '\t', Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                for (int field = random.Next(1, 12); field > 0; field--)
                {
                    string text = new(Enumerable.Range(0, random.Next(0, 90)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
                    writer.WriteStartArray($"f{field}");
                    writer.WriteStringValue(text);
                    writer.WriteNumberValue(random.Next());
                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            string json = Encoding.UTF8.GetString(buffer.ToArray());

            Assert.Equal(JsonLayout.WithoutLineBreaks(json), Compact(json));
        }
    }

    [Fact]
    public void A_raw_line_break_inside_a_string_is_left_for_the_reader_to_reject()
    {
        string json = "{\n  \"a\": \"one\n two\",\n  \"b\": 1\n}";

        Assert.Equal("{\"a\": \"one\n two\",\"b\": 1}", Compact(json));
    }

    [Theory]
    [InlineData("0.7\n 1", "0.7\n1")] // would be 0.71, a valid number
    [InlineData("1\n        e5", "1\ne5")] // would be 1e5
    [InlineData("tr\n ue", "tr\nue")] // would be true
    [InlineData("-\n\t2", "-\n2")]
    [InlineData("12\n  ,\n  3", "12,3")] // a comma between: the breaks go as usual
    public void Whitespace_between_two_numbers_or_literals_keeps_one_byte_so_the_text_stays_malformed(string value, string compacted)
    {
        // Every block boundary: the run of whitespace may be cut by the 32-byte blocks anywhere.
        for (int pad = 0; pad < 40; pad++)
        {
            string json = "{\n  \"p\": \"" + new string('x', pad) + "\",\n  \"v\": " + value + "\n}";

            Assert.Equal("{\"p\": \"" + new string('x', pad) + "\",\"v\": " + compacted + "}", Compact(json));
        }
    }

    [Fact]
    public void A_number_broken_by_a_line_break_is_refused_as_the_reader_alone_refuses_it()
    {
        string padding = new('x', 2100); // long enough for the remainder to be compacted
        byte[] document = Encoding.UTF8.GetBytes("{\n  \"status\": \"SUCCESS\",\n  \"output\": {\n    \"skinData\": {\n      \"summary\": \"" + padding
            + "\",\n      \"total_skin_score\": 7\n        3\n    }\n  }\n}");

        var error = Assert.Throws<SkinLiteProtocolException>(() => AnalysisOutcome.Parse(document));

        Assert.Equal(Assert.Throws<SkinLiteProtocolException>(() => PredictionDocumentReader.ReadByReaderAlone(document)).Message, error.Message);
    }

    [Fact]
    public void Text_without_line_breaks_is_not_formatted_and_copies_as_it_is()
    {
        const string Json = """{ "a": "x\ty", "b": [ 1, 2 ] }""";

        Assert.False(CompactJson.IsFormatted(Encoding.UTF8.GetBytes(Json)));
        Assert.True(CompactJson.IsFormatted("{\n}"u8));
        Assert.Equal(Json, Compact(Json));
    }

    [Fact]
    public void A_destination_shorter_than_the_text_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CompactJson.Compact("{\n}"u8, new byte[2]));
    }

    private static string Compact(string json)
    {
        byte[] source = Encoding.UTF8.GetBytes(json);
        byte[] destination = new byte[source.Length];
        return Encoding.UTF8.GetString(destination, 0, CompactJson.Compact(source, destination));
    }
}
