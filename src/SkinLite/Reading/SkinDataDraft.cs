namespace SkinLite;

/// <summary>
/// <c>output.skinData</c> as read from the answer buffer, kept as offsets (relative to the <c>output</c> object) until
/// the output bytes are retained: a rejected or failed answer then costs no copy. One draft per thread is reused, as
/// reading and building happen in one synchronous call.
/// </summary>
internal sealed class SkinDataDraft
{
    [ThreadStatic]
    private static SkinDataDraft? t_draft;

    public SkinAnalysisFields Fields;

    public List<(int Start, int Length, SkinConcernFields Fields)> Concerns { get; } = new(12);

    /// <summary>How far into its input the reader now starts: the concerns were read on the fast path and the reader carried on after them on a slice.</summary>
    public int ReaderShift { get; set; }

    public (int Start, int Length, LazyUtf8String Image, string? Type)? TZone { get; set; }

    public (int Start, int Length, LazyUtf8String Image, string? Type)? UZone { get; set; }

    /// <summary>This thread's draft, emptied.</summary>
    public static SkinDataDraft Rent()
    {
        SkinDataDraft draft = t_draft ??= new SkinDataDraft();
        draft.Clear();
        return draft;
    }

    /// <summary>Builds the analysis over <paramref name="output"/>, the retained copy of the <c>output</c> object the offsets point into.</summary>
    public static SkinAnalysis Build(SkinDataDraft? draft, byte[] output, bool emulated)
    {
        ReadOnlyMemory<byte> memory = output;
        SkinAnalysisFields fields = draft?.Fields ?? default;
        fields.Emulated |= emulated;
        if (draft is not null)
        {
            fields.Zones = new SkinZones(Zone(memory, draft.TZone), Zone(memory, draft.UZone));
            var concerns = new SkinConcern[draft.Concerns.Count];
            for (int i = 0; i < concerns.Length; i++)
            {
                (int start, int length, SkinConcernFields concern) = draft.Concerns[i];
                concerns[i] = new SkinConcern(new RawJson(memory.Slice(start, length)), concern);
            }

            fields.Concerns = new SkinConcernList(concerns);
            draft.Clear(); // let go of this answer's strings
        }

        return new SkinAnalysis(new RawJson(memory), fields);
    }

    private static SkinZone? Zone(ReadOnlyMemory<byte> output, (int Start, int Length, LazyUtf8String Image, string? Type)? zone) =>
        zone is { } z ? new SkinZone(new RawJson(output.Slice(z.Start, z.Length)), z.Image, z.Type) : null;

    private void Clear()
    {
        Fields = default;
        Concerns.Clear();
        ReaderShift = 0;
        TZone = null;
        UZone = null;
    }
}
