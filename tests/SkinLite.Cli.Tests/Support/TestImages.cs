using SkinLite.Emulator;
using SkinLite.Tests.Support;

namespace SkinLite.Cli.Tests.Support;

/// <summary>
/// Writes the images the tests pass to the binary into a temporary folder: valid grey PNGs of any size (the library
/// suite's <see cref="TestPng"/>), optionally carrying an emulator marker after IEND or padded past the 5 MB limit,
/// and files that are not images.
/// </summary>
internal sealed class TestImages : IDisposable
{
    public const string NoFaceMarker = SkinAnalysisEmulator.NoFaceMarker;
    public const string FailureMarker = SkinAnalysisEmulator.FailureMarker;

    public string Folder { get; } = Directory.CreateTempSubdirectory("skinlite-cli-tests-").FullName;

    public string Png(string name, int width, int height, string? marker = null, int paddingBytes = 0) =>
        Write(name, TestPng.Create(width, height, padding: paddingBytes, trailer: marker));

    public string Gif(string name) => Write(name, [.. "GIF89a"u8, 0x00, 0x04, 0x00, 0x04, 0x80, 0x00, 0x00, .. new byte[64]]);

    public string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
