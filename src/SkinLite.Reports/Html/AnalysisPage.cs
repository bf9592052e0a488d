namespace SkinLite.Reports.Html;

/// <summary>
/// The page of one analysis. A finished analysis shows its overview (gauge, type, tone with its swatch, ages, zones),
/// the service's summary, a table of concerns (score bar, severity, bands) and a card per concern with its annotated
/// image beside the input; any other outcome shows what happened instead. Every string of the document goes through
/// <see cref="HtmlWriter.Text"/>.
/// </summary>
internal static class AnalysisPage
{
    public const string DefaultTitle = "Skin analysis report";

    public const string EmulatedBanner =
        "Emulated result \u2014 synthetic scores and images made up by SkinLite's emulator, not an analysis of this face.";

    public static string Render(AnalysisOutcome outcome, IReportImages images, bool emulated, string? predictionId, ReportOptions options)
    {
        var html = new HtmlWriter();
        string title = options.Title ?? DefaultTitle;
        PageShell.Open(html, title, withScript: false);
        if (emulated || (outcome.TryGetResult(out SkinAnalysis? flagged) && flagged.IsEmulated))
        {
            html.Raw("<p class=\"emulated\" role=\"note\"><strong>").Raw(EmulatedBanner).Raw("</strong></p>\n");
        }

        html.Raw("<h1>").Text(title).Raw("</h1>\n");
        if (!string.IsNullOrEmpty(predictionId))
        {
            html.Raw("<p class=\"muted small\">Prediction ").Text(predictionId).Raw("</p>\n");
        }

        if (outcome.TryGetResult(out SkinAnalysis? analysis))
        {
            Overview(html, analysis);
            Summary(html, analysis);
            ConcernTable(html, analysis);
            Photos(html, analysis, images);
            ConcernCards(html, analysis, images);
        }
        else
        {
            NotAnalysed(html, outcome, images);
        }

        PageShell.Close(html, options, withScript: false);
        return html.ToString();
    }

    private static void Overview(HtmlWriter html, SkinAnalysis analysis)
    {
        html.Raw("<section aria-labelledby=\"overview\">\n<h2 id=\"overview\">Overview</h2>\n<div class=\"overview\">\n<div>");
        ScoreGauge.Write(html, analysis.TotalSkinScore);
        html.Raw("<p>Total skin score");
        if (analysis.SkinHealth is not null)
        {
            html.Raw(": <strong>").Text(analysis.SkinHealth).Raw("</strong>");
        }

        html.Raw("</p></div>\n<dl class=\"facts\">\n");
        Fact(html, "Skin type", analysis.SkinType);
        html.Raw("<dt>Skin tone</dt><dd>").Text(analysis.SkinTone ?? "\u2014").Raw("</dd>\n<dt>Skin shade</dt><dd>");
        if (SkinShadeColour.Parse(analysis.SkinShade) is { } colour)
        {
            html.Raw("<svg class=\"swatch\" width=\"22\" height=\"22\" viewBox=\"0 0 22 22\" aria-hidden=\"true\" focusable=\"false\">")
                .Raw("<rect x=\"0.5\" y=\"0.5\" width=\"21\" height=\"21\" rx=\"3\" stroke=\"#57606a\" fill=\"").Raw(colour).Raw("\"/></svg>")
                .Raw(colour);
        }
        else if (analysis.SkinShade is not null)
        {
            html.Text(analysis.SkinShade).Raw(" <span class=\"muted\">(not a colour)</span>");
        }
        else
        {
            html.Raw("\u2014");
        }

        html.Raw("</dd>\n<dt>Skin age</dt><dd>").NumberOrDash(analysis.SkinAge).Raw("</dd>\n<dt>Eye age</dt><dd>").NumberOrDash(analysis.EyeAge).Raw("</dd>\n");
        Fact(html, "T-zone", analysis.Zones.TZone?.Type);
        Fact(html, "U-zone", analysis.Zones.UZone?.Type);
        html.Raw("<dt>Facial hair</dt><dd>").NumberOrDash(analysis.FacialHair).Raw("</dd>\n</dl>\n</div>\n</section>\n");
    }

    private static void Fact(HtmlWriter html, string label, string? value) =>
        html.Raw("<dt>").Raw(label).Raw("</dt><dd>").Text(value ?? "\u2014").Raw("</dd>\n");

    private static void Summary(HtmlWriter html, SkinAnalysis analysis)
    {
        if (string.IsNullOrWhiteSpace(analysis.Summary))
        {
            return;
        }

        html.Raw("<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n<p class=\"summary\">")
            .Text(analysis.Summary, HtmlText.LongLimit).Raw("</p>\n</section>\n");
    }

    private static void ConcernTable(HtmlWriter html, SkinAnalysis analysis)
    {
        html.Raw("<section aria-labelledby=\"concerns\">\n<h2 id=\"concerns\">Concerns</h2>\n");
        if (analysis.Concerns.Count == 0)
        {
            html.Raw("<p>The analysis lists no concerns.</p>\n</section>\n");
            return;
        }

        html.Raw("<div class=\"table-wrap\"><table>\n<caption>Score of each concern, 0 to 100, higher is better</caption>\n")
            .Raw("<thead><tr><th scope=\"col\">Concern</th><th scope=\"col\">Score</th><th scope=\"col\">Severity</th><th scope=\"col\">Score ranges</th></tr></thead>\n<tbody>\n");
        foreach (SkinConcern concern in analysis.Concerns)
        {
            int? band = SeverityBand.Of(concern);
            html.Raw("<tr><th scope=\"row\">").Text(NameOf(concern)).Raw("</th><td class=\"num\">").NumberOrDash(concern.Value);
            ScoreBar.Write(html, concern.Value, band);
            html.Raw("</td><td>");
            Severity(html, concern.Severity, band);
            html.Raw("</td><td>");
            Ranges(html, concern);
            html.Raw("</td></tr>\n");
        }

        html.Raw("</tbody>\n</table></div>\n</section>\n");
    }

    private static void Severity(HtmlWriter html, string? severity, int? band)
    {
        if (severity is null)
        {
            html.Raw("\u2014");
            return;
        }

        html.Raw("<span class=\"sev-").Number(band ?? 9).Raw("\">").Text(severity).Raw("</span>");
    }

    /// <summary>Each band of <c>score_range</c> with its name from <c>severity_list</c>, the band the score is in marked.</summary>
    private static void Ranges(HtmlWriter html, SkinConcern concern)
    {
        if (concern.ScoreRange.Count == 0)
        {
            html.Raw("\u2014");
            return;
        }

        html.Raw("<ul class=\"ranges\">");
        for (int i = 0; i < concern.ScoreRange.Count && i < 12; i++)
        {
            string range = concern.ScoreRange[i];
            bool current = concern.Value is { } value && SeverityBand.TryParseRange(range, out int low, out int high) && value >= low && value <= high;
            html.Raw("<li>").Raw(current ? "<strong>" : string.Empty).Text(range);
            if (i < concern.SeverityList.Count)
            {
                html.Raw(": ").Text(concern.SeverityList[i]);
            }

            html.Raw(current ? "</strong> (this score)" : string.Empty).Raw("</li>");
        }

        html.Raw("</ul>");
    }

    private static void Photos(HtmlWriter html, SkinAnalysis analysis, IReportImages images)
    {
        html.Raw("<section aria-labelledby=\"images\">\n<h2 id=\"images\">Images</h2>\n<div class=\"photos\">\n");
        ImageFigure.Write(html, Input(images, out _), "The photo as the service analysed it", "Input photo", analysis.InputImageUrl);
        ImageFigure.Write(html, images.Get(DocumentFields.CombinedMask), "The photo with every concern's areas marked by the service", "All concerns marked", analysis.CombineMaskedUrl);
        ImageFigure.Write(html, images.Get(DocumentFields.TZone), "The photo with the T-zone (forehead, nose, chin) marked", "T-zone", analysis.Zones.TZone?.ImageUrl);
        ImageFigure.Write(html, images.Get(DocumentFields.UZone), "The photo with the U-zone (cheeks, jaw) marked", "U-zone", analysis.Zones.UZone?.ImageUrl);
        if (analysis.FacialHairUrl is not null && analysis.FacialHairUrl != analysis.InputImageUrl)
        {
            // The service has so far sent the input itself here; shown only when it is a picture of its own.
            ImageFigure.Write(html, images.Get(DocumentFields.FacialHair), "The photo with facial hair marked", "Facial hair", analysis.FacialHairUrl);
        }
        html.Raw("\n</div>\n</section>\n");
    }

    private static void ConcernCards(HtmlWriter html, SkinAnalysis analysis, IReportImages images)
    {
        if (analysis.Concerns.Count == 0)
        {
            return;
        }

        ReportImage input = Input(images, out _);
        html.Raw("<section aria-labelledby=\"details\">\n<h2 id=\"details\">Concerns in detail</h2>\n");
        if (input.DataUri is { } photo)
        {
            SharedPhoto.WriteDefinition(html, photo);
        }

        html.Raw("<div class=\"cards\">\n");
        for (int i = 0; i < analysis.Concerns.Count; i++)
        {
            SkinConcern concern = analysis.Concerns[i];
            string name = NameOf(concern);
            int? band = SeverityBand.Of(concern);
            html.Raw("<article class=\"card\">\n<h3>").Text(name).Raw("</h3>\n<p>Score <strong>").NumberOrDash(concern.Value).Raw("</strong> of 100");
            if (concern.Severity is not null)
            {
                html.Raw(" \u2014 ");
                Severity(html, concern.Severity, band);
            }

            html.Raw("</p>\n<div class=\"pair\">");
            if (input.DataUri is not null)
            {
                SharedPhoto.WriteUse(html, "The input photo, for comparison", "Input");
            }
            else
            {
                ImageFigure.Write(html, input, "The input photo, for comparison", "Input", null);
            }

            ImageFigure.Write(html, images.Get(DocumentFields.Concern(i)), HtmlText.Cap(name, HtmlText.ShortLimit) + ": the photo with the areas the service scored for this concern marked", "Marked by the service", concern.ImageUrl);
            html.Raw("</div>\n");
            if (!string.IsNullOrWhiteSpace(concern.Description))
            {
                html.Raw("<p>").Text(concern.Description, HtmlText.LongLimit).Raw("</p>\n");
            }

            if (!string.IsNullOrWhiteSpace(concern.Analyses))
            {
                html.Raw("<p class=\"analyses small muted\">").Text(concern.Analyses, HtmlText.LongLimit).Raw("</p>\n");
            }

            html.Raw("</article>\n");
        }

        html.Raw("</div>\n</section>\n");
    }

    private static void NotAnalysed(HtmlWriter html, AnalysisOutcome outcome, IReportImages images)
    {
        html.Raw("<section class=\"notice\" aria-labelledby=\"outcome\">\n<h2 id=\"outcome\">");
        html.Raw(outcome.Kind switch
        {
            OutcomeKind.Rejected => "Rejected: the service refused the image",
            OutcomeKind.Failed => "Failed: the service could not analyse the image",
            OutcomeKind.Pending => "Not finished: the analysis was still running",
            _ => "No analysis",
        });
        html.Raw("</h2>\n<dl class=\"facts\">\n");
        if (outcome.IsRejected)
        {
            html.Raw("<dt>Reason</dt><dd>").Raw(OutcomeText.Reason(outcome.RejectionReason)).Raw("</dd>\n");
        }

        if (outcome.Message is not null)
        {
            html.Raw("<dt>Service's message</dt><dd>").Text(outcome.Message, HtmlText.LongLimit).Raw("</dd>\n");
        }

        html.Raw("<dt>Status</dt><dd>").Text(outcome.Status.ToString()).Raw("</dd>\n");
        if (outcome.StatusCode is { } code)
        {
            html.Raw("<dt>Status code</dt><dd>").Number(code).Raw("</dd>\n");
        }

        html.Raw("</dl>\n<p>There are no scores for this image.</p>\n</section>\n");
        ReportImage input = Input(images, out string field);
        if (input.DataUri is not null)
        {
            html.Raw("<section aria-labelledby=\"images\">\n<h2 id=\"images\">Image</h2>\n<div class=\"photos\">\n");
            ImageFigure.Write(html, input, "The photo that was submitted", field == DocumentFields.Input ? "Submitted photo" : "Input photo", null);
            html.Raw("\n</div>\n</section>\n");
        }
    }

    /// <summary>The processed input (the geometry the masks are drawn on), else the photo as submitted.</summary>
    private static ReportImage Input(IReportImages images, out string field)
    {
        field = DocumentFields.ProcessedInput;
        ReportImage processed = images.Get(field);
        if (processed.DataUri is not null)
        {
            return processed;
        }

        field = DocumentFields.Input;
        ReportImage submitted = images.Get(field);
        return submitted.DataUri is not null ? submitted : processed;
    }

    private static string NameOf(SkinConcern concern) => concern.Name ?? concern.TechName ?? "Unnamed concern";
}
