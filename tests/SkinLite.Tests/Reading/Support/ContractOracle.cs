using System.Runtime.InteropServices;
using System.Text.Json;

namespace SkinLite.Tests.Reading;

/// <summary>
/// Decides, independently of SkinLite's reader, whether a document may read as a success, from the rules of
/// docs and api-contract.md as OutputReader.Classify documents them: an <c>error</c> (in <c>output</c>, else at the top
/// level) or a 4xx <c>status_code</c> is a rejection, a 5xx one a failure; <c>status_code</c> is looked for in
/// <c>output</c> first, then at the top level. It judges only what it can judge exactly, and errs towards saying
/// nothing: a document that is not JSON (or has a name it cannot compare), whose code is not a whole JSON number, or whose <c>output.status_code</c> is
/// there but unreadable gives no verdict. Duplicate names resolve as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>
/// resolves them, the last one wins, which is also what the reader does.
/// </summary>
internal static class ContractOracle
{
    public static OracleVerdict Judge(ReadOnlySpan<byte> document)
    {
        // The reader skips one UTF-8 byte-order mark, as JSON allows; JsonDocument refuses it.
        ReadOnlySpan<byte> json = document.StartsWith("\uFEFF"u8) ? document[3..] : document;
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException)
        {
            return OracleVerdict.Unjudged;
        }

        using (parsed)
        {
            JsonElement root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return OracleVerdict.Judged(forbiddenBecause: null);
            }

            try
            {
                bool hasOutput = root.TryGetProperty("output", out JsonElement output) && output.ValueKind == JsonValueKind.Object;
                string? reason =
                    hasOutput && HasError(output) ? "output.error" :
                    hasOutput && HasFailingCode(output) ? "output.status_code" :
                    HasError(root) ? "error" :
                    (!hasOutput || !Has(output, "status_code")) && HasFailingCode(root) ? "status_code" :
                    null;
                return OracleVerdict.Judged(reason);
            }
            catch (InvalidOperationException)
            {
                // A name with a lone surrogate escape (e.g. "\ud800") in an object searched: JsonDocument cannot compare
                // it. The reader compares every name of those objects too and refuses such a document, unless a pending
                // status came first; either way there is no success to judge.
                return OracleVerdict.Unjudged;
            }
        }
    }

    /// <summary>An <c>error</c> that says something: any value but <c>null</c> and the empty string.</summary>
    private static bool HasError(JsonElement owner) =>
        owner.TryGetProperty("error", out JsonElement error)
        && error.ValueKind != JsonValueKind.Null
        && !(error.ValueKind == JsonValueKind.String && JsonMarshal.GetRawUtf8Value(error).SequenceEqual("\"\""u8));

    /// <summary>A <c>status_code</c> that is a whole JSON number from 400 to 599.</summary>
    private static bool HasFailingCode(JsonElement owner) =>
        owner.TryGetProperty("status_code", out JsonElement code)
        && code.ValueKind == JsonValueKind.Number
        && code.TryGetInt32(out int value)
        && value is >= 400 and <= 599;

    private static bool Has(JsonElement owner, string name) => owner.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null;
}

/// <summary>What the oracle found: whether it could judge the document (valid JSON it can read), and if it must not read as a success, why.</summary>
internal readonly record struct OracleVerdict(bool IsJudged, string? ForbiddenBecause)
{
    public static OracleVerdict Unjudged => new(false, null);

    public bool ForbidsSuccess => ForbiddenBecause is not null;

    public static OracleVerdict Judged(string? forbiddenBecause) => new(true, forbiddenBecause);
}
