using System.Buffers.Binary;

namespace SkinLite.AotSmoke;

/// <summary>Image headers the preflight accepts, built in code.</summary>
internal static class SmokeImages
{
    public static byte[] Png1024()
    {
        var bytes = new byte[64];
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(bytes);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), 1024);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), 1024);
        bytes[24] = 8;
        bytes[25] = 2;
        return bytes;
    }
}
