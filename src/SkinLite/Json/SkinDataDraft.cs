namespace SkinLite;

/// <summary>
/// <c>output.skinData</c> as read from the answer buffer, kept as offsets (relative to the <c>output</c> object) until
/// the output bytes are retained (compacted: <see cref="CompactJson"/>): a rejected or failed answer then costs no copy. One draft per thread is reused, as
/// reading and building happen in one synchronous call.
/// </summary>
internal sealed class SkinDataDraft
{
    [ThreadStatic]
    private static SkinDataDraft? t_draft;

    public SkinAnalysisFields Fields;

    public List<(int Start, int Length, SkinConcernFields Fields)> Concerns { get; } = new(12);

    public (int Start, int Length, Utf8Text Image, string? Type)? TZone { get; set; }

    public (int Start, int Length, Utf8Text Image, string? Type)? UZone { get; set; }

    /// <summary>This thread's draft, emptied.</summary>
    public static SkinDataDraft Rent()
    {
        SkinDataDraft draft = t_draft ??= new SkinDataDraft();
        draft.Clear();
        return draft;
    }

    /// <summary>
    /// Builds the analysis over <paramref name="output"/>, the retained compact copy of the <c>output</c> object;
    /// <paramref name="map"/> moves the offsets read from the original into it.
    /// </summary>
    public static SkinAnalysis Build(SkinDataDraft? draft, byte[] output, OffsetMap map, bool emulated)
    {
        ReadOnlyMemory<byte> memory = output;
        SkinAnalysisFields fields = draft?.Fields ?? default;
        fields.Emulated |= emulated;
        if (draft is not null)
        {
            bool moved = !map.IsEmpty;
            if (moved)
            {
                fields.Relocate(map);
            }

            fields.Zones = new SkinZones(Zone(memory, draft.TZone, map), Zone(memory, draft.UZone, map));
            var concerns = new SkinConcern[draft.Concerns.Count];
            for (int i = 0; i < concerns.Length; i++)
            {
                (int start, int length, SkinConcernFields concern) = draft.Concerns[i];
                if (moved)
                {
                    concern.Relocate(map, start);
                    (start, length) = map.Map(start, length);
                }

                concerns[i] = new SkinConcern(new RawJson(memory.Slice(start, length)), concern);
            }

            fields.Concerns = new SkinConcernList(concerns);
            draft.Clear(); // let go of this answer's strings
        }

        return new SkinAnalysis(new RawJson(memory), fields);
    }

    private static SkinZone? Zone(ReadOnlyMemory<byte> output, (int Start, int Length, Utf8Text Image, string? Type)? zone, OffsetMap map)
    {
        if (zone is not { } z)
        {
            return null;
        }

        (int start, int length) = map.IsEmpty ? (z.Start, z.Length) : map.Map(z.Start, z.Length);
        Utf8Text image = map.IsEmpty ? z.Image : z.Image.Relocated(map, z.Start);
        return new SkinZone(new RawJson(output.Slice(start, length)), image, z.Type);
    }

    private void Clear()
    {
        Fields = default;
        Concerns.Clear();
        TZone = null;
        UZone = null;
    }
}
