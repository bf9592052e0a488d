using System.Text.RegularExpressions;
using SkinLite.Reports.Html;
using SkinLite.Reports.Tests.Support;
using SkinLite.TestSupport;

namespace SkinLite.Reports.Tests;

public sealed class BatchIndexReportTests
{
    private static readonly BatchReportEntry[] Entries =
    [
        Entry("one.jpg", SampleDocuments.Success(total: 72)),
        Entry("two.jpg", SampleDocuments.Success(total: 95, concerns: [new("Acne", "acne", 12, "Needs Attention", "https://x/acne.png")])),
        Entry("three.jpg", SampleDocuments.Rejected("No face detected")),
        Entry("four.jpg", SampleDocuments.Rejected("No face detected")),
        Entry("five.jpg", SampleDocuments.Rejected("File size exceeds 5MB limit.")),
        Entry("six.jpg", SampleDocuments.Rejected("Something the documentation does not list")),
        Entry("seven.jpg", SampleDocuments.Failed("Backend failed")),
        new() { Name = "eight.jpg", Status = "uncertain" },
    ];

    [Fact]
    public void Each_entry_is_a_row_in_order()
    {
        string html = BatchIndexReport.Render(Entries);
        string body = Regex.Match(html, "<table id=\"results\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;

        string[] names = [.. Regex.Matches(body, "<th scope=\"row\" data-sort=\"([^\"]*)\">").Select(match => match.Groups[1].Value)];
        Assert.Equal(Entries.Select(entry => entry.Name), names);
        Assert.Equal(Entries.Length, Regex.Matches(body, "<tr>").Count);
        Assert.Contains("<td data-sort=\"Rejected: No face detected\">Rejected: No face detected</td>", body, StringComparison.Ordinal);
        Assert.Contains("<td data-sort=\"uncertain\">uncertain</td>", body, StringComparison.Ordinal);
        Assert.Contains("<td data-sort=\"Failed\">Failed</td>", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_and_concerns_are_numeric_sortable_columns_with_missing_values_empty()
    {
        string html = BatchIndexReport.Render(Entries);

        // The columns: the three concerns of the first analysis, then Acne first seen in the second.
        string[] headers = [.. Regex.Matches(html, "<th scope=\"col\" aria-sort=\"none\"><button type=\"button\" data-type=\"(\\w+)\">([^<]*)</button></th>").Select(match => match.Groups[1].Value + ":" + match.Groups[2].Value)];
        Assert.Equal(["text:Image", "text:Outcome", "number:Total score", "number:Post Acne Scars", "number:Hydration", "number:Dark circles", "number:Acne"], headers);
        Assert.Contains("<td class=\"num\" data-sort=\"72\">72</td><td class=\"num\" data-sort=\"45\">45</td><td class=\"num\" data-sort=\"69\">69</td><td class=\"num\" data-sort=\"92\">92</td><td class=\"num\" data-sort=\"\">", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" data-sort=\"95\">95</td><td class=\"num\" data-sort=\"\"><span class=\"muted\">\u2014</span></td><td class=\"num\" data-sort=\"\"><span class=\"muted\">\u2014</span></td><td class=\"num\" data-sort=\"\"><span class=\"muted\">\u2014</span></td><td class=\"num\" data-sort=\"12\">12</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_are_relative_percent_encoded_and_escaped()
    {
        BatchReportEntry[] entries =
        [
            new() { Name = "a b.jpg", ReportHref = "my photos/a b#1/report.html", ThumbnailHref = "my photos\\a b#1\\images\\input.png" },
            new() { Name = "<b>x</b>", ReportHref = "javascript:alert(1)", ThumbnailHref = "/etc/passwd" },
            new() { Name = "c", ReportHref = "../up.html", ThumbnailHref = "https://evil.example/x.png" },
        ];

        string html = BatchIndexReport.Render(entries);

        Assert.Contains("<a href=\"my%20photos/a%20b%231/report.html\">a b.jpg</a>", html, StringComparison.Ordinal);
        Assert.Contains("<img class=\"thumb\" src=\"my%20photos/a%20b%231/images/input.png\" alt=\"Photo a b.jpg\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"javascript%3Aalert%281%29\">&lt;b&gt;x&lt;/b&gt;</a>", html, StringComparison.Ordinal);
        Assert.Contains("data-sort=\"c\">c</th>", html, StringComparison.Ordinal); // no link for ../
        Assert.Contains("src=\"https%3A/evil.example/x.png\"", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(html, "<img ").Count);
    }

    [Fact]
    public void The_histogram_counts_scores_in_ten_point_bins()
    {
        ScoreHistogram histogram = ScoreHistogram.Of([0, 9, 10, 55, 59, 89, 90, 99, 100, 101, -1]);

        Assert.Equal([2, 1, 0, 0, 0, 2, 0, 0, 1, 3], histogram.Bins);
        Assert.Equal(2, histogram.OutOfRange);
        Assert.Equal("90\u2013100", ScoreHistogram.Label(9));
        Assert.Equal("50\u201359", ScoreHistogram.Label(5));
    }

    [Fact]
    public void The_page_shows_the_histogram_of_the_analysed_images()
    {
        BatchReportEntry[] entries = [.. new[] { 5, 55, 58, 100, 90 }.Select(score => Entry($"{score}.jpg", SampleDocuments.Success(total: score))), .. Entries.Skip(2)];

        string html = BatchIndexReport.Render(entries);

        Assert.Contains("<desc id=\"histogram-desc\">0\u20139: 1; 10\u201319: 0; 20\u201329: 0; 30\u201339: 0; 40\u201349: 0; 50\u201359: 2; 60\u201369: 0; 70\u201379: 0; 80\u201389: 0; 90\u2013100: 2</desc>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">50\u201359</th><td class=\"num\">2</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">90\u2013100</th><td class=\"num\">2</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Mean total score</dt><dd>61.6</dd>", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Matches(html, "<rect class=\"bin\"").Count);
    }

    [Fact]
    public void Rejections_are_counted_by_reason()
    {
        string html = BatchIndexReport.Render(Entries);
        string table = Regex.Match(html, "<table class=\"rejections\">.*?</table>", RegexOptions.Singleline).Value;

        string[] rows = [.. Regex.Matches(table, "<tr><th scope=\"row\">([^<]*)</th><td class=\"num\">(\\d+)</td></tr>").Select(match => match.Groups[1].Value + "=" + match.Groups[2].Value)];
        // Most frequent first, ties in the order of RejectionReason.
        Assert.Equal(["No face detected=2", "Other reason=1", "File larger than 5 MB=1"], rows);
        Assert.Contains("<dt>Rejected</dt><dd>4</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Analysed</dt><dd>2</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Failed</dt><dd>1</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>No outcome</dt><dd>1</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Images</dt><dd>8</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_without_rejections_says_so()
    {
        Assert.Contains("<p>No image was rejected.</p>", BatchIndexReport.Render(Entries.Take(2)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_emulated_batch_is_marked()
    {
        string html = BatchIndexReport.Render([Entry("e.jpg", SampleDocuments.Success(emulated: true)), Entries[0]]);

        Assert.Contains("<p class=\"emulated\" role=\"note\"><strong>Some results are emulated", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"emulated\"", BatchIndexReport.Render(Entries), StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_document_cannot_make_thousands_of_columns()
    {
        ConcernSpec[] many = [.. Enumerable.Range(0, 500).Select(i => new ConcernSpec($"c{i}", $"c{i}", i % 100, "Good", "x"))];

        string html = BatchIndexReport.Render([Entry("many.jpg", SampleDocuments.Success(concerns: many))]);

        Assert.Equal(ConcernColumns.MaxColumns + 3, Regex.Matches(html, "<th scope=\"col\" aria-sort").Count);
        Assert.Contains("<p class=\"muted\">470 more concerns are not shown as columns.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_is_atomic_and_leaves_no_temporary_file()
    {
        using var temp = new TempFolder();
        string path = Path.Combine(temp.Path, "batch", "index.html");

        BatchIndexReport.Write(Entries, path);

        Assert.Equal(BatchIndexReport.Render(Entries), File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    private static BatchReportEntry Entry(string name, byte[] document) => new() { Name = name, Outcome = AnalysisOutcome.Parse(document) };
}
