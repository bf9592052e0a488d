using System.Text.Json;
using System.Text.Unicode;

namespace SkinLite;

/// <summary>Reads <c>output.skinData</c> with the names the recorded real answer uses. Unknown fields are skipped here and kept in the raw JSON.</summary>
internal static class SkinDataReader
{
    /// <summary>Reads the object at the reader (on its <c>StartObject</c>); offsets are relative to <paramref name="origin"/>, where the <c>output</c> object starts in the reader's input, <paramref name="json"/>.</summary>
    /// <param name="reader">On the object's start.</param>
    /// <param name="json">The reader's input.</param>
    /// <param name="origin">Where the <c>output</c> object starts in <paramref name="json"/>.</param>
    /// <param name="scan">
    /// The concerns may be read by <see cref="ConcernsScanner"/>; the reader then carries on after them on a slice of its
    /// input (<see cref="SkinDataDraft.ReaderShift"/> says how far in), and positions in its errors are the slice's.
    /// </param>
    public static SkinDataDraft Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int origin, bool scan)
    {
        SkinDataDraft draft = SkinDataDraft.Rent();

        // One vectorised pass over the rest of the answer instead of one check per long text (about thirty in an answer);
        // when it finds a bad byte somewhere, each text is checked on its own, so only a bad text is an error.
        bool validUtf8 = Utf8.IsValid(json[(int)reader.TokenStartIndex..]);
        ref SkinAnalysisFields f = ref draft.Fields;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<byte> name = TolerantJsonValues.PropertyName(ref reader);
            reader.Read();
            switch (name.Length)
            {
                case 5 when name.SequenceEqual("zones"u8): ReadZones(ref reader, draft, origin, validUtf8); break;
                case 7 when name.SequenceEqual("eye_age"u8): f.EyeAge = TolerantJsonValues.ReadInt32(ref reader); break;
                case 7 when name.SequenceEqual("summary"u8): f.Summary = LazyUtf8String.Read(ref reader, origin, validUtf8); break;
                case 8 when name.SequenceEqual("concerns"u8):
                    if (scan && validUtf8 && reader.TokenType == JsonTokenType.StartArray
                        && ConcernsScanner.TryRead(json, (int)reader.TokenStartIndex, origin, draft, out int end))
                    {
                        // A reader on the rest, in the state the reader had on '[', reads the ']' and goes on from there.
                        reader = new Utf8JsonReader(json[end..], isFinalBlock: true, reader.CurrentState);
                        reader.Read();
                        json = json[end..];
                        origin -= end;
                        draft.ReaderShift += end;
                    }
                    else
                    {
                        ReadConcerns(ref reader, json, draft, origin, validUtf8);
                    }

                    break;
                case 8 when name.SequenceEqual("skin_age"u8): f.SkinAge = TolerantJsonValues.ReadInt32(ref reader); break;
                case 8 when name.SequenceEqual("emulated"u8): f.Emulated = TolerantJsonValues.ReadBoolean(ref reader); break;
                case 9 when name.SequenceEqual("skin_tone"u8): f.SkinTone = TolerantJsonValues.ReadString(ref reader); break;
                case 9 when name.SequenceEqual("skin_type"u8): f.SkinType = TolerantJsonValues.ReadString(ref reader); break;
                case 10 when name.SequenceEqual("skin_shade"u8): f.SkinShade = TolerantJsonValues.ReadString(ref reader); break;
                case 10 when name.SequenceEqual("inputImage"u8): f.InputImageUrl = LazyUtf8String.Read(ref reader, origin, validUtf8); break;
                case 11 when name.SequenceEqual("skin_health"u8): f.SkinHealth = TolerantJsonValues.ReadString(ref reader); break;
                case 11 when name.SequenceEqual("facial_hair"u8): f.FacialHair = TolerantJsonValues.ReadInt32(ref reader); break;
                case 15 when name.SequenceEqual("facial_hair_url"u8): f.FacialHairUrl = LazyUtf8String.Read(ref reader, origin, validUtf8); break;
                case 16 when name.SequenceEqual("total_skin_score"u8): f.TotalSkinScore = TolerantJsonValues.ReadInt32(ref reader); break;
                case 18 when name.SequenceEqual("combine_masked_url"u8): f.CombineMaskedUrl = LazyUtf8String.Read(ref reader, origin, validUtf8); break;
                default: reader.Skip(); break;
            }
        }

        return draft;
    }

    private static void ReadZones(ref Utf8JsonReader reader, SkinDataDraft draft, int origin, bool validUtf8)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isT = reader.ValueTextEquals("t_zone"u8);
            bool isU = !isT && reader.ValueTextEquals("u_zone"u8);
            reader.Read();
            if (!(isT || isU) || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            var zone = ReadZone(ref reader, origin, validUtf8);
            if (isT) { draft.TZone = zone; } else { draft.UZone = zone; }
        }
    }

    private static (int, int, LazyUtf8String, string?) ReadZone(ref Utf8JsonReader reader, int origin, bool validUtf8)
    {
        int start = (int)reader.TokenStartIndex;
        LazyUtf8String image = default;
        string? type = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("image"u8)) { reader.Read(); image = LazyUtf8String.Read(ref reader, start, validUtf8); continue; }
            if (reader.ValueTextEquals("type"u8)) { reader.Read(); type = TolerantJsonValues.ReadString(ref reader); continue; }
            reader.Read();
            reader.Skip();
        }

        return (start - origin, (int)reader.BytesConsumed - start, image, type);
    }

    private static void ReadConcerns(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, SkinDataDraft draft, int origin, bool validUtf8)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            int start = (int)reader.TokenStartIndex;
            SkinConcernFields concern = ReadConcern(ref reader, json, start, validUtf8);
            draft.Concerns.Add((start - origin, (int)reader.BytesConsumed - start, concern));
        }
    }

    /// <summary>Reads one concern; its long texts are kept as ranges relative to <paramref name="start"/>, where the concern object starts.</summary>
    private static SkinConcernFields ReadConcern(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int start, bool validUtf8)
    {
        SkinConcernFields c = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            SkinConcernField field = SkinConcernFields.Identify(TolerantJsonValues.PropertyName(ref reader));
            reader.Read();
            switch (field)
            {
                case SkinConcernField.Name: c.Name = TolerantJsonValues.ReadString(ref reader); break;
                case SkinConcernField.Value: c.Value = TolerantJsonValues.ReadInt32(ref reader); break;
                case SkinConcernField.Image: c.ImageUrl = LazyUtf8String.Read(ref reader, start, validUtf8); break;
                case SkinConcernField.Severity: c.Severity = TolerantJsonValues.ReadString(ref reader); break;
                case SkinConcernField.Analyses: c.Analyses = LazyUtf8String.Read(ref reader, start, validUtf8); break;
                case SkinConcernField.TechName: c.TechName = TolerantJsonValues.ReadString(ref reader); break;
                case SkinConcernField.AreaName: c.AreaName = TolerantJsonValues.ReadString(ref reader); break;
                case SkinConcernField.ScoreRange: c.ScoreRange = TolerantJsonValues.ReadStringList(ref reader, json); break;
                case SkinConcernField.Description: c.Description = LazyUtf8String.Read(ref reader, start, validUtf8); break;
                case SkinConcernField.SeverityList: c.SeverityList = TolerantJsonValues.ReadStringList(ref reader, json); break;
                default: reader.Skip(); break;
            }
        }

        return c;
    }
}
