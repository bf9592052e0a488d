using CsCheck;

namespace SkinLite.Tests.Images;

/// <summary>
/// The preflight's contract over every truncation and many random corruptions of valid images: a file cut short at any
/// length is refused, and no input makes it throw, whichever way the bytes come.
/// </summary>
public sealed class ImagePreflightPropertyTests
{
    public static TheoryData<string> ValidImages() => ["png", "palette png", "jpeg", "progressive jpeg"];

    [Theory]
    [MemberData(nameof(ValidImages))]
    public void Every_truncation_of_a_valid_image_is_refused(string name)
    {
        byte[] image = Image(name);
        Assert.True(ImagePreflight.Check(image).IsValid, name);

        for (int length = 0; length < image.Length; length++)
        {
            ReadOnlySpan<byte> cut = image.AsSpan(0, length);
            ImagePreflightResult inMemory = ImagePreflight.Check(cut);
            Assert.False(inMemory.IsValid, $"{name} cut to {length} of {image.Length} bytes passed: {inMemory}");

            using var stream = new MemoryStream(image, 0, length);
            Assert.Equal(inMemory.ToString(), ImagePreflight.Check(stream).ToString());
        }
    }

    [Theory]
    [MemberData(nameof(ValidImages))]
    public void A_truncation_at_a_random_length_is_refused_from_a_stream_that_cannot_seek_or_passes_only_past_the_first_data(string name)
    {
        byte[] image = Image(name);
        Gen.Int[0, image.Length - 1].Sample(length =>
        {
            using var stream = new ForwardOnlyStream(image[..length]);
            ImagePreflightResult result = ImagePreflight.Check(stream);
            // The walk of a stream that cannot seek stops at the first IDAT or SOS: only a cut after that passes.
            return !result.IsValid || length >= FirstData(image);
        }, iter: 2_000);
    }

    [Theory]
    [MemberData(nameof(ValidImages))]
    public void Random_corruptions_never_throw_and_every_source_agrees(string name)
    {
        byte[] image = Image(name);
        Gen.Select(Gen.Int[0, image.Length - 1], Gen.Byte, Gen.Int[0, image.Length]).Sample((at, value, length) =>
        {
            byte[] mutant = (byte[])image.Clone();
            mutant[at] = value;
            mutant = mutant[..length];

            ImagePreflightResult inMemory = ImagePreflight.Check(mutant);
            using var seekable = new MemoryStream(mutant);
            using var forward = new ForwardOnlyStream(mutant);
            ImagePreflightResult forwardOnly = ImagePreflight.Check(forward);
            // A stream that cannot seek checks less, so it may pass what the others refuse, never the other way round.
            return inMemory.ToString() == ImagePreflight.Check(seekable).ToString() && (inMemory.IsValid ? forwardOnly.IsValid : true);
        }, iter: 5_000);
    }

    private static byte[] Image(string name) => name switch
    {
        "png" => TestPng.Create(1024, 1024),
        "palette png" => TestPng.Minimal(1100, 1024, bitDepth: 8, colorType: 3),
        "jpeg" => TestJpeg.Create(1024, 1024, exifBytes: 300),
        _ => ImagePreflightStructureTests.Progressive(),
    };

    /// <summary>Where the first IDAT chunk's type ends, or the first SOS marker's length: past it a cut is not seen without seeking.</summary>
    private static int FirstData(byte[] image) =>
        image[0] == 0x89 ? image.AsSpan().IndexOf("IDAT"u8) + 4 : image.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]) + 4;
}
