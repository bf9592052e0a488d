using System.Net;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Client;

/// <summary>One client is shared by many callers at once: no answer, buffer or header leaks from one call into another.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly FakeService _service = new();

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task Parallel_fetches_each_get_their_own_answer()
    {
        // Each answer names its prediction in an unknown status, padded so that answers differ in length too.
        _service.Respond(request =>
        {
            string id = request.RequestUri!.Segments[^1];
            return FakeService.Json(HttpStatusCode.OK, $$"""{"status":"WAITING-{{id}}","pad":"{{new string('x', id.Length * 97)}}"}""");
        });
        SkinLiteClient client = _service.CreateClient();
        string[] ids = Enumerable.Range(0, 64).Select(i => "pred-" + new string('p', i % 7) + i).ToArray();

        AnalysisOutcome[] outcomes = await Task.WhenAll(ids.Select(id => Task.Run(() => client.GetOutcomeAsync("scan", id))));

        Assert.Equal(ids.Select(id => "WAITING-" + id), outcomes.Select(o => o.Status.Value));
    }

    [Fact]
    public async Task Parallel_successes_keep_their_own_raw_json()
    {
        _service.Respond(request =>
        {
            string id = request.RequestUri!.Segments[^1];
            int score = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
            string summary = new('s', score * 50);
            return FakeService.Json(HttpStatusCode.OK, "{\"status\":\"SUCCESS\",\"output\":{\"skinData\":{\"total_skin_score\":" + score + ",\"summary\":\"" + summary + "\"}}}");
        });
        SkinLiteClient client = _service.CreateClient(SkinLiteApi.Transformation);

        AnalysisOutcome[] outcomes = await Task.WhenAll(Enumerable.Range(1, 40).Select(i => Task.Run(() => client.GetOutcomeAsync(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

        for (int i = 0; i < outcomes.Length; i++)
        {
            SkinAnalysis analysis = outcomes[i].Result;
            Assert.Equal(i + 1, analysis.TotalSkinScore);
            Assert.Equal(i + 1, analysis.OutputJson.GetProperty("skinData").GetProperty("total_skin_score").GetInt32());
            Assert.Equal((i + 1) * 50, analysis.Summary?.Length);
        }
    }
}
