using System.Buffers.Binary;

namespace SkinLite.DependencyInjection.Tests;

/// <summary>A PNG header of the size the service accepts, followed by padding: enough for the header preflight.</summary>
internal static class TestImages
{
    public static byte[] Png(int width = 1024, int height = 1024)
    {
        var bytes = new byte[64];
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(bytes);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8;
        bytes[25] = 2;
        return bytes;
    }
}
