using CsCheck;

namespace SkinLite.Imaging.Tests.Fitting;

/// <summary>Whatever the bytes, the fitter answers with an assessment or an <see cref="ImageFitException"/>, never anything else.</summary>
public sealed class HostileInputTests
{
    private static readonly ImageFitter Fitter = new();

    [Fact]
    public void Any_truncation_or_corruption_of_a_real_photo_is_assessed_or_refused_never_thrown_otherwise()
    {
        byte[] photo = FixtureFiles.Bytes("orientation-6.jpg");
        Gen.Select(Gen.Int[1, photo.Length - 1], Gen.Int[0, photo.Length - 1], Gen.Byte).Sample((cut, at, value) =>
        {
            byte[] damaged = photo[..cut];
            if (at < damaged.Length)
            {
                damaged[at] = value;
            }

            FitAssessment assessment = Fitter.Assess(damaged);
            try
            {
                using FittedImage fitted = Fitter.Fit(damaged);
                return assessment.CanFit && ImagePreflight.Check(fitted.Content.Span).IsValid;
            }
            catch (ImageFitException)
            {
                return true;
            }
        }, iter: 300);
    }

    [Fact]
    public void Random_bytes_behind_each_signature_are_refused_with_an_ImageFitException()
    {
        byte[][] signatures =
        [
            [0xFF, 0xD8, 0xFF],
            [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A],
            "RIFF\0\0\0\0WEBP"u8.ToArray(),
        ];
        Gen.Select(Gen.Int[0, signatures.Length - 1], Gen.Byte.Array[0, 4096]).Sample((which, tail) =>
        {
            byte[] content = [.. signatures[which], .. tail];
            _ = Fitter.Assess(content);
            try
            {
                using FittedImage fitted = Fitter.Fit(content);
                return ImagePreflight.Check(fitted.Content.Span).IsValid;
            }
            catch (ImageFitException)
            {
                return true;
            }
        }, iter: 500);
    }
}
