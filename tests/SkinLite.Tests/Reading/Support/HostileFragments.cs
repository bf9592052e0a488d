using System.Text;

namespace SkinLite.Tests.Reading;

/// <summary>
/// The pieces the mutations splice in: what a hostile or broken service could send where the readers expect a value or a
/// name (issue 11's list: lone surrogates, deep nesting, huge numbers, NaN-like tokens, a byte-order mark, nulls where
/// objects belong, duplicate keys, <c>"status_code":422</c>, <c>"error":{...}</c>).
/// </summary>
internal static class HostileFragments
{
    /// <summary>Names the readers look for, and a few they must not confuse with them.</summary>
    public static readonly string[] Keys =
    [
        "status", "output", "error", "status_code", "skinData", "zones", "t_zone", "u_zone", "concerns", "summary",
        "total_skin_score", "skin_age", "tech_name", "score_range", "severity_list", "description", "image", "emulated",
        "_id", "scanId", "createdAt", "message", "errorCode",
        @"st\u0061tus_code", @"\u0065rror", @"\ud800", "Status", "status_code ", "",
    ];

    /// <summary>JSON values, most of them valid JSON, some of them not.</summary>
    public static readonly string[] Values =
    [
        "422", "400", "499", "500", "503", "200", "0", "-0", "422.0", "421.5", "4.22e2", "\"422\"", "\"abc\"",
        "1e999", "-1e999", "123456789012345678901234567890", "-9223372036854775809", "2147483648", "0.000000000000000000001",
        "NaN", "Infinity", "-Infinity", "nan", "undefined", "01", "+1", ".5",
        "null", "true", "false", "\"\"", "\" \"", "\"No face detected\"", "\"Failed to read Image\"",
        "\"SUCCESS\"", "\"FAILURE\"", "\"FAILED\"", "\"success\"", "\"PROCESSING\"", "\"ACCEPTED\"", "\"\"",
        @"""\ud800""", @"""\udc00""", @"""\ud800\udc00""", @"""a\udc00b""", @"""\u0000""", @"""\/\b\f\n\r\t""",
        "{}", "[]", "[null]", "{\"message\":\"x\"}", "{\"message\":\"No face detected\",\"code\":422}",
        "{\"skinData\":{}}", "{\"skinData\":null}", "{\"status_code\":422}", "{\"error\":\"e\",\"status_code\":422}",
        "{\"error\":{\"message\":\"nested\"}}", "{\"t_zone\":null,\"u_zone\":[]}", "[{\"tech_name\":null},1,\"x\",[]]",
        Nested('[', ']', 10), Nested('[', ']', 62), Nested('[', ']', 65), Nested('[', ']', 2000),
        NestedObjects(30), NestedObjects(70), new string('[', 3000),
        Escaped(@"\u00e9", 100) , Escaped(@"\u00e9", 700), Escaped(@"\u00e9", 100, @"\ud800"), Escaped(@"\u00e9", 700, @"\udc00"),
        "\"" + new string('x', 5000) + "\"",
    ];

    /// <summary>Raw bytes spliced anywhere, inside strings and out: escapes, structure, invalid UTF-8, a byte-order mark.</summary>
    public static readonly Fragment[] Raw =
    [
        Text(@"\ud800"), Text(@"\udc00"), Text(@"\u"), Text(@"\"), Text("\""), Text("{"), Text("}"), Text("["), Text("]"),
        Text(","), Text(":"), Text(",,"), Text("\"status_code\":422"), Text(",\"status_code\":422"),
        Text(",\"error\":{\"message\":\"x\"}"), Text("\"error\":\"e\","), Text(",\"status\":\"SUCCESS\""),
        Text(",\"output\":null"), Text(",\"skinData\":null"), Text("/*c*/"), Text("//"), Text("NaN"), Text("1e999"),
        Text(new string('[', 200)), Text(new string(']', 200)), Text("\r\n\t  "), Text("\n"),
        Bytes("bom", 0xEF, 0xBB, 0xBF), Bytes("nul", 0x00), Bytes("ff", 0xFF), Bytes("overlong /", 0xC0, 0xAF),
        Bytes("cesu surrogate", 0xED, 0xA0, 0x80), Bytes("cut 3-byte", 0xE2, 0x82), Bytes("5-byte", 0xF8, 0x88, 0x80, 0x80, 0x80),
        Bytes("lone continuation", 0x80), Bytes("nbsp", 0xC2, 0xA0),
    ];

    /// <summary>A named run of bytes; the name is what a failure report shows.</summary>
    internal sealed record Fragment(string Name, byte[] Bytes)
    {
        public override string ToString() => Name;
    }

    private static Fragment Text(string text) => new(text.Length > 24 ? $"{text[..12]}...({text.Length} chars)" : text, Encoding.UTF8.GetBytes(text));

    private static Fragment Bytes(string name, params byte[] bytes) => new(name, bytes);

    private static string Nested(char open, char close, int depth) => new string(open, depth) + new string(close, depth);

    private static string NestedObjects(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static string Escaped(string escape, int count, string tail = "") => "\"" + string.Concat(Enumerable.Repeat(escape, count)) + tail + "\"";
}
