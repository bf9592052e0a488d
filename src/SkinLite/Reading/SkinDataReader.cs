using System.Text.Json;

namespace SkinLite;

/// <summary>Reads <c>output.skinData</c> with the names the recorded real answer uses. Unknown fields are skipped here and kept in the raw JSON.</summary>
internal static class SkinDataReader
{
    /// <summary>Reads the object at the reader (on its <c>StartObject</c>); offsets are relative to <paramref name="origin"/>, where the <c>output</c> object starts in the reader's input.</summary>
    public static SkinDataDraft Read(ref Utf8JsonReader reader, int origin)
    {
        SkinDataDraft draft = SkinDataDraft.Rent();
        ref SkinAnalysisFields f = ref draft.Fields;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<byte> name = TolerantJsonValues.PropertyName(ref reader);
            reader.Read();
            switch (name.Length)
            {
                case 5 when name.SequenceEqual("zones"u8): ReadZones(ref reader, draft, origin); break;
                case 7 when name.SequenceEqual("eye_age"u8): f.EyeAge = TolerantJsonValues.ReadInt32(ref reader); break;
                case 7 when name.SequenceEqual("summary"u8): f.Summary = LazyUtf8String.Read(ref reader, origin); break;
                case 8 when name.SequenceEqual("concerns"u8): ReadConcerns(ref reader, draft, origin); break;
                case 8 when name.SequenceEqual("skin_age"u8): f.SkinAge = TolerantJsonValues.ReadInt32(ref reader); break;
                case 8 when name.SequenceEqual("emulated"u8): f.Emulated = TolerantJsonValues.ReadBoolean(ref reader); break;
                case 9 when name.SequenceEqual("skin_tone"u8): f.SkinTone = TolerantJsonValues.ReadString(ref reader); break;
                case 9 when name.SequenceEqual("skin_type"u8): f.SkinType = TolerantJsonValues.ReadString(ref reader); break;
                case 10 when name.SequenceEqual("skin_shade"u8): f.SkinShade = TolerantJsonValues.ReadString(ref reader); break;
                case 10 when name.SequenceEqual("inputImage"u8): f.InputImageUrl = LazyUtf8String.Read(ref reader, origin); break;
                case 11 when name.SequenceEqual("skin_health"u8): f.SkinHealth = TolerantJsonValues.ReadString(ref reader); break;
                case 11 when name.SequenceEqual("facial_hair"u8): f.FacialHair = TolerantJsonValues.ReadInt32(ref reader); break;
                case 15 when name.SequenceEqual("facial_hair_url"u8): f.FacialHairUrl = LazyUtf8String.Read(ref reader, origin); break;
                case 16 when name.SequenceEqual("total_skin_score"u8): f.TotalSkinScore = TolerantJsonValues.ReadInt32(ref reader); break;
                case 18 when name.SequenceEqual("combine_masked_url"u8): f.CombineMaskedUrl = LazyUtf8String.Read(ref reader, origin); break;
                default: reader.Skip(); break;
            }
        }

        return draft;
    }

    private static void ReadZones(ref Utf8JsonReader reader, SkinDataDraft draft, int origin)
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

            var zone = ReadZone(ref reader, origin);
            if (isT) { draft.TZone = zone; } else { draft.UZone = zone; }
        }
    }

    private static (int, int, LazyUtf8String, string?) ReadZone(ref Utf8JsonReader reader, int origin)
    {
        int start = (int)reader.TokenStartIndex;
        LazyUtf8String image = default;
        string? type = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("image"u8)) { reader.Read(); image = LazyUtf8String.Read(ref reader, start); continue; }
            if (reader.ValueTextEquals("type"u8)) { reader.Read(); type = TolerantJsonValues.ReadString(ref reader); continue; }
            reader.Read();
            reader.Skip();
        }

        return (start - origin, (int)reader.BytesConsumed - start, image, type);
    }

    private static void ReadConcerns(ref Utf8JsonReader reader, SkinDataDraft draft, int origin)
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
            SkinConcernFields concern = ReadConcern(ref reader, start);
            draft.Concerns.Add((start - origin, (int)reader.BytesConsumed - start, concern));
        }
    }

    /// <summary>Reads one concern; its long texts are kept as ranges relative to <paramref name="start"/>, where the concern object starts.</summary>
    private static SkinConcernFields ReadConcern(ref Utf8JsonReader reader, int start)
    {
        // The hottest loop of a finished answer (every concern, every field): one length switch and one comparison
        // per name instead of trying each known name in turn.
        SkinConcernFields c = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<byte> name = TolerantJsonValues.PropertyName(ref reader);
            reader.Read();
            switch (name.Length)
            {
                case 4 when name.SequenceEqual("name"u8): c.Name = TolerantJsonValues.ReadString(ref reader); break;
                case 5 when name.SequenceEqual("value"u8): c.Value = TolerantJsonValues.ReadInt32(ref reader); break;
                case 5 when name.SequenceEqual("image"u8): c.ImageUrl = LazyUtf8String.Read(ref reader, start); break;
                case 8 when name.SequenceEqual("severity"u8): c.Severity = TolerantJsonValues.ReadString(ref reader); break;
                case 8 when name.SequenceEqual("analyses"u8): c.Analyses = LazyUtf8String.Read(ref reader, start); break;
                case 9 when name.SequenceEqual("tech_name"u8): c.TechName = TolerantJsonValues.ReadString(ref reader); break;
                case 9 when name.SequenceEqual("area_name"u8): c.AreaName = TolerantJsonValues.ReadString(ref reader); break;
                case 11 when name.SequenceEqual("score_range"u8): c.ScoreRange = TolerantJsonValues.ReadStringList(ref reader); break;
                case 11 when name.SequenceEqual("description"u8): c.Description = LazyUtf8String.Read(ref reader, start); break;
                case 13 when name.SequenceEqual("severity_list"u8): c.SeverityList = TolerantJsonValues.ReadStringList(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return c;
    }
}
