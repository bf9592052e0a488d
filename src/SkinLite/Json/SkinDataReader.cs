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
            ReadOnlySpan<byte> name = JsonValues.PropertyName(ref reader);
            reader.Read();
            switch (name.Length)
            {
                case 5 when name.SequenceEqual("zones"u8): ReadZones(ref reader, draft, origin); break;
                case 7 when name.SequenceEqual("eye_age"u8): f.EyeAge = JsonValues.ReadInt32(ref reader); break;
                case 7 when name.SequenceEqual("summary"u8): f.Summary = Utf8Text.Read(ref reader, origin); break;
                case 8 when name.SequenceEqual("concerns"u8): ReadConcerns(ref reader, draft, origin); break;
                case 8 when name.SequenceEqual("skin_age"u8): f.SkinAge = JsonValues.ReadInt32(ref reader); break;
                case 8 when name.SequenceEqual("emulated"u8): f.Emulated = JsonValues.ReadBoolean(ref reader); break;
                case 9 when name.SequenceEqual("skin_tone"u8): f.SkinTone = JsonValues.ReadString(ref reader); break;
                case 9 when name.SequenceEqual("skin_type"u8): f.SkinType = JsonValues.ReadString(ref reader); break;
                case 10 when name.SequenceEqual("skin_shade"u8): f.SkinShade = JsonValues.ReadString(ref reader); break;
                case 10 when name.SequenceEqual("inputImage"u8): f.InputImageUrl = Utf8Text.Read(ref reader, origin); break;
                case 11 when name.SequenceEqual("skin_health"u8): f.SkinHealth = JsonValues.ReadString(ref reader); break;
                case 11 when name.SequenceEqual("facial_hair"u8): f.FacialHair = JsonValues.ReadInt32(ref reader); break;
                case 15 when name.SequenceEqual("facial_hair_url"u8): f.FacialHairUrl = Utf8Text.Read(ref reader, origin); break;
                case 16 when name.SequenceEqual("total_skin_score"u8): f.TotalSkinScore = JsonValues.ReadInt32(ref reader); break;
                case 18 when name.SequenceEqual("combine_masked_url"u8): f.CombineMaskedUrl = Utf8Text.Read(ref reader, origin); break;
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

    private static (int, int, Utf8Text, string?) ReadZone(ref Utf8JsonReader reader, int origin)
    {
        int start = (int)reader.TokenStartIndex;
        Utf8Text image = default;
        string? type = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("image"u8)) { reader.Read(); image = Utf8Text.Read(ref reader, start); continue; }
            if (reader.ValueTextEquals("type"u8)) { reader.Read(); type = JsonValues.ReadString(ref reader); continue; }
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
            ReadOnlySpan<byte> name = JsonValues.PropertyName(ref reader);
            reader.Read();
            switch (name.Length)
            {
                case 4 when name.SequenceEqual("name"u8): c.Name = JsonValues.ReadString(ref reader); break;
                case 5 when name.SequenceEqual("value"u8): c.Value = JsonValues.ReadInt32(ref reader); break;
                case 5 when name.SequenceEqual("image"u8): c.ImageUrl = Utf8Text.Read(ref reader, start); break;
                case 8 when name.SequenceEqual("severity"u8): c.Severity = JsonValues.ReadString(ref reader); break;
                case 8 when name.SequenceEqual("analyses"u8): c.Analyses = Utf8Text.Read(ref reader, start); break;
                case 9 when name.SequenceEqual("tech_name"u8): c.TechName = JsonValues.ReadString(ref reader); break;
                case 9 when name.SequenceEqual("area_name"u8): c.AreaName = JsonValues.ReadString(ref reader); break;
                case 11 when name.SequenceEqual("score_range"u8): c.ScoreRange = JsonValues.ReadStringList(ref reader); break;
                case 11 when name.SequenceEqual("description"u8): c.Description = Utf8Text.Read(ref reader, start); break;
                case 13 when name.SequenceEqual("severity_list"u8): c.SeverityList = JsonValues.ReadStringList(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return c;
    }
}
