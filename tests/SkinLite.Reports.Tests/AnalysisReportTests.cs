using System.Text;
using SkinLite.Reports.Html;
using SkinLite.Reports.Tests.Support;
using SkinLite.TestSupport;

namespace SkinLite.Reports.Tests;

public sealed class AnalysisReportTests
{
    [RecordedFixtureFact]
    public void The_recorded_success_renders_every_concern_name_score_and_the_summary()
    {
        byte[] document = RecordedFixtures.Read("transformation-success.json");
        SkinAnalysis analysis = AnalysisOutcome.Parse(document).Result;

        string html = AnalysisReport.Render(document);

        Assert.NotEmpty(analysis.Concerns);
        foreach (SkinConcern concern in analysis.Concerns)
        {
            Assert.Contains("<th scope=\"row\">" + HtmlText.Escape(concern.Name) + "</th><td class=\"num\">" + concern.Value, html, StringComparison.Ordinal);
            Assert.Contains("<h3>" + HtmlText.Escape(concern.Name) + "</h3>", html, StringComparison.Ordinal);
        }

        Assert.Contains(HtmlText.Escape(analysis.Summary, HtmlText.LongLimit), html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Total skin score 88 out of 100\"", html, StringComparison.Ordinal);
        Assert.Contains("fill=\"#9D7A54\"", html, StringComparison.Ordinal);
        Assert.Contains("0-49: Needs Attention", html, StringComparison.Ordinal);
    }

    [RecordedFixtureFact]
    public void A_bare_document_shows_placeholders_and_never_an_image_of_the_service()
    {
        string html = AnalysisReport.Render(RecordedFixtures.Read("transformation-success.json"));

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("Image not saved", html, StringComparison.Ordinal);
        // The URL is there, but as text in a caption, escaped (its space kept as a space).
        Assert.Contains("<span class=\"url\">https://delivery.pixelbin.io/predictions/outputs/1y/kurenai/generate/skinAnalysisInt--generate--019b033e-276b-700d-9e1b-a8fe645b3ae6/dark circle.jpg</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_saved_image_is_embedded_as_a_data_uri_of_its_media_type()
    {
        using var temp = new TempFolder();
        SavedFolders.Image[] images = ReportSamples.AllImages(3);
        images[1] = images[1] with { Bytes = TestJpeg.Create(8, 8), MediaType = ImageSniffer.Jpeg, FileName = "api_image.jpg" };
        SavedAnalysis saved = SavedAnalysis.Load(SavedFolders.Write(temp.Path, SampleDocuments.Success(), images, emulated: false));

        string html = AnalysisReport.Render(saved);

        foreach (SavedFolders.Image image in images.Where(image => image.Field != DocumentFields.FacialHair && image.Field != DocumentFields.Input))
        {
            Assert.Contains($"src=\"data:{image.MediaType};base64,{Convert.ToBase64String(image.Bytes)}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Image not saved", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_input_appears_beside_every_concern_image()
    {
        using var temp = new TempFolder();
        SavedFolders.Image[] images = ReportSamples.AllImages(3);
        SavedAnalysis saved = SavedAnalysis.Load(SavedFolders.Write(temp.Path, SampleDocuments.Success(), images, emulated: false));
        string input = Convert.ToBase64String(images.Single(image => image.Field == DocumentFields.ProcessedInput).Bytes);

        string html = AnalysisReport.Render(saved);

        // Once in the images section, once more for the three concern cards, each of which draws it.
        Assert.Equal(2, Count(html, input));
        Assert.Contains($"<image id=\"input-photo\" width=\"100\" height=\"100\" preserveAspectRatio=\"xMidYMid meet\" href=\"data:image/png;base64,{input}\"/>", html, StringComparison.Ordinal);
        Assert.Equal(3, Count(html, "<svg class=\"photo\" viewBox=\"0 0 100 100\" role=\"img\" aria-label=\"The input photo, for comparison\"><use href=\"#input-photo\"/></svg>"));
        Assert.Contains("alt=\"Dark circles: the photo with the areas the service scored for this concern marked\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_image_shows_the_placeholder_in_its_place()
    {
        using var temp = new TempFolder();
        SavedFolders.Image[] images = [.. ReportSamples.AllImages(3).Where(image => image.Field != DocumentFields.Concern(1))];
        SavedAsset failed = new() { Field = DocumentFields.Concern(1), Url = SampleDocuments.Outputs + "hydration.png", Status = SavedAssetStatus.Failed, Error = "HTTP 404" };
        SavedAnalysis saved = SavedAnalysis.Load(SavedFolders.Write(temp.Path, SampleDocuments.Success(), images, emulated: false, [failed]));

        string html = AnalysisReport.Render(saved);

        Assert.Equal(1, Count(html, ">Image not saved</div>"));
        int card = html.IndexOf("<h3>Hydration</h3>", StringComparison.Ordinal);
        int placeholder = html.IndexOf("class=\"placeholder\"", StringComparison.Ordinal);
        Assert.True(card > 0 && placeholder > card && placeholder < html.IndexOf("<h3>Dark circles</h3>", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_the_image_the_manifest_says_is_not_embedded()
    {
        using var temp = new TempFolder();
        SavedAnalysis saved = SavedAnalysis.Load(ReportSamples.Hostile(temp.Path));

        string html = AnalysisReport.Render(saved);

        Assert.DoesNotContain("image/svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("<svg")), html, StringComparison.Ordinal);
        Assert.Contains("its bytes are not the image the manifest says", html, StringComparison.Ordinal);
        Assert.Contains("not a PNG, JPEG, GIF or WebP", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_above_the_limit_is_not_embedded()
    {
        using var temp = new TempFolder();
        SavedAnalysis saved = SavedAnalysis.Load(SavedFolders.Write(temp.Path, SampleDocuments.Success(), ReportSamples.AllImages(3), emulated: false));

        string html = AnalysisReport.Render(saved, new ReportOptions { MaxEmbeddedImageBytes = 10 });

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("Image too large to embed in the report", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_emulated_result_carries_the_banner_and_a_real_one_does_not()
    {
        using var temp = new TempFolder();
        SavedAnalysis emulated = SavedAnalysis.Load(ReportSamples.EmulatorLike(temp.Path));
        SavedAnalysis real = SavedAnalysis.Load(SavedFolders.Write(Path.Combine(temp.Path, "real"), SampleDocuments.Success(), ReportSamples.AllImages(3), emulated: false));

        string banner = "<p class=\"emulated\" role=\"note\"><strong>" + AnalysisPage.EmulatedBanner;
        string emulatedHtml = AnalysisReport.Render(emulated);
        Assert.Contains(banner, emulatedHtml, StringComparison.Ordinal);
        Assert.True(emulatedHtml.IndexOf(banner, StringComparison.Ordinal) < emulatedHtml.IndexOf("<h1>", StringComparison.Ordinal), "The banner is not above the heading.");
        Assert.DoesNotContain("class=\"emulated\"", AnalysisReport.Render(real), StringComparison.Ordinal);
        Assert.Contains(banner, AnalysisReport.Render(SampleDocuments.Success(emulated: true)), StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"emulated\"", AnalysisReport.Render(SampleDocuments.Success()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_document_renders_its_reason_and_message()
    {
        string html = AnalysisReport.Render(SampleDocuments.Rejected("No face detected"));

        Assert.Contains("Rejected: the service refused the image", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Reason</dt><dd>No face detected</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Service's message</dt><dd>No face detected</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Status code</dt><dd>422</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"gauge\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_saved_analysis_shows_the_submitted_photo()
    {
        using var temp = new TempFolder();
        byte[] photo = TestPng.Create(8, 8, 0x33);
        SavedAnalysis saved = SavedAnalysis.Load(SavedFolders.Write(temp.Path, SampleDocuments.Rejected("Image dimensions are too small. Min required resolution 1024x1024 pixels."), [new(DocumentFields.Input, photo, ImageSniffer.Png, "input.png")], emulated: false));

        string html = AnalysisReport.Render(saved);

        Assert.Contains("<dd>Resolution below 1024 x 1024</dd>", html, StringComparison.Ordinal);
        Assert.Contains(Convert.ToBase64String(photo), html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_and_a_pending_document_say_so()
    {
        string failed = AnalysisReport.Render(SampleDocuments.Failed("Backend failed with: <b>500</b>"));
        string pending = AnalysisReport.Render(SampleDocuments.Pending());

        Assert.Contains("Failed: the service could not analyse the image", failed, StringComparison.Ordinal);
        Assert.Contains("Backend failed with: &lt;b&gt;500&lt;/b&gt;", failed, StringComparison.Ordinal);
        Assert.Contains("Not finished: the analysis was still running", pending, StringComparison.Ordinal);
        Assert.Contains("<dd>PROCESSING</dd>", pending, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("")]
    public void A_malformed_document_is_invalid_data(string document)
    {
        var ex = Assert.Throws<InvalidDataException>(() => AnalysisReport.Render(Encoding.UTF8.GetBytes(document)));

        Assert.Contains("not a result document", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9D7A54", "#9D7A54")]
    [InlineData("#9d7a54", "#9D7A54")]
    public void A_hex_shade_is_the_swatch_colour(string shade, string fill)
    {
        string html = AnalysisReport.Render(SampleDocuments.Success(shade: shade));

        Assert.Contains($"fill=\"{fill}\"/></svg>{fill}", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("red")]
    [InlineData("12345G")]
    [InlineData("9D7A5")]
    [InlineData("9D7A544")]
    [InlineData("##9D7A54")]
    [InlineData("url(#x)")]
    [InlineData("9D7A54\"/><script>")]
    [InlineData(" 9D7A54")]
    public void A_shade_that_is_not_six_hex_digits_is_not_a_colour(string shade)
    {
        string html = AnalysisReport.Render(SampleDocuments.Success(shade: shade));

        Assert.DoesNotContain("class=\"swatch\"", html, StringComparison.Ordinal);
        Assert.Contains(HtmlText.Escape(shade) + " <span class=\"muted\">(not a colour)</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(HtmlScan.Attributes(html), attribute => attribute.Name == "fill" && attribute.Value.Contains(shade.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Severity_is_written_out_and_coloured_by_its_band()
    {
        string html = AnalysisReport.Render(SampleDocuments.Success());

        Assert.Contains("<span class=\"sev-0\">Needs Attention</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"sev-1\">Average</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"sev-2\">Good</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<rect width=\"45\" height=\"8\" fill=\"{SeverityBand.BadColour}\"/>", html, StringComparison.Ordinal);
        Assert.Contains($"<rect width=\"92\" height=\"8\" fill=\"{SeverityBand.GoodColour}\"/>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_output_is_deterministic_and_dated_only_when_asked()
    {
        byte[] document = SampleDocuments.Success();
        var at = new DateTimeOffset(2026, 11, 30, 9, 5, 0, TimeSpan.Zero);

        Assert.Equal(AnalysisReport.Render(document), AnalysisReport.Render(document));
        Assert.DoesNotContain(" on 20", AnalysisReport.Render(document), StringComparison.Ordinal);
        Assert.Contains(" on 2026-11-30 09:05 UTC+00:00.", AnalysisReport.Render(document, new ReportOptions { GeneratedAt = at }), StringComparison.Ordinal);
    }

    [Fact]
    public void The_title_is_the_callers_escaped()
    {
        string html = AnalysisReport.Render(SampleDocuments.Success(), new ReportOptions { Title = "Anna <b>&</b>" });

        Assert.Contains("<title>Anna &lt;b&gt;&amp;&lt;/b&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Anna &lt;b&gt;&amp;&lt;/b&gt;</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_replaces_the_page_atomically_and_leaves_no_temporary_file()
    {
        using var temp = new TempFolder();
        SavedAnalysis saved = SavedAnalysis.Load(ReportSamples.EmulatorLike(temp.Path));
        string path = Path.Combine(temp.Path, "out", "report.html");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "old");

        AnalysisReport.Write(saved, path);

        Assert.Equal(AnalysisReport.Render(saved), File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
        Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]); // no byte-order mark
    }

    [Fact]
    public void A_failed_write_leaves_the_old_page_and_no_temporary_file()
    {
        using var temp = new TempFolder();
        SavedAnalysis saved = SavedAnalysis.Load(ReportSamples.EmulatorLike(temp.Path));
        string path = Path.Combine(temp.Path, "report.html");
        Directory.CreateDirectory(path); // a folder where the page should go: the rename must fail

        Assert.ThrowsAny<IOException>(() => AnalysisReport.Write(saved, path));

        Assert.True(Directory.Exists(path));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.part"));
        Assert.Empty(Directory.GetFiles(temp.Path, ".*"));
    }

    private static int Count(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
