namespace SkinLite.Tests.Architecture;

/// <summary>
/// The folders of src/SkinLite are its layers (docs/design.md): references go one way, with one deliberate exception,
/// Model -> Reading (<c>AnalysisOutcome.Parse</c> drives the document reader, as <c>JsonDocument.Parse</c> does in
/// System.Text.Json; the job handle's JSON context; the readers' field structs the model's constructors take).
/// </summary>
public sealed class LayeringTests
{
    private static readonly (string From, string To) DeliberatePair = ("Model", "Reading");
    private static readonly LibrarySources Sources = LibrarySources.Load();

    [Fact]
    public void The_sources_were_read_and_every_layer_declares_types()
    {
        string[] layers = ["(root)", "Batching", "Diagnostics", "Errors", "Images", "Model", "Pacing", "Polling", "Reading", "Transport", "Utf8"];
        Assert.Equal(layers, Sources.TypeFolders.Values.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal("(root)", Sources.TypeFolders["SkinLiteClient"]);
        Assert.Equal("Transport", Sources.TypeFolders["ServiceChannel"]);
        Assert.True(Sources.TypeFolders.Count > 60, $"only {Sources.TypeFolders.Count} types found");
    }

    [Fact]
    public void No_two_folders_depend_on_each_other_except_model_and_reading()
    {
        var edges = Sources.FolderReferences();
        string[] twoWay = edges.Keys
            .Where(e => string.CompareOrdinal(e.From, e.To) < 0 && edges.ContainsKey((e.To, e.From)))
            .Where(e => e != DeliberatePair)
            .Select(e => $"{e.From} <-> {e.To}: {string.Join(", ", edges[e])} | {string.Join(", ", edges[(e.To, e.From)])}")
            .ToArray();

        Assert.True(twoWay.Length == 0, "Folders that depend on each other both ways:\n" + string.Join("\n", twoWay));
        Assert.True(edges.ContainsKey(DeliberatePair) && edges.ContainsKey((DeliberatePair.To, DeliberatePair.From)), "the deliberate pair is gone: update this test and docs/design.md");
    }

    [Fact]
    public void Without_the_deliberate_arrow_the_folders_form_no_cycle()
    {
        var graph = Sources.FolderReferences().Keys.Where(e => e != DeliberatePair)
            .GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToArray());

        List<string>? cycle = FindCycle(graph);

        Assert.True(cycle is null, $"The folders form a cycle: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void The_layer_order_of_the_design_document_holds()
    {
        // Bottom to top, as docs/design.md draws it; a folder may use only folders below it (Model -> Reading excepted).
        string[] order = ["Utf8", "Model", "Diagnostics", "Images", "Errors", "Reading", "Pacing", "Transport", "Polling", "Batching", "(root)"];
        string[] upward = Sources.FolderReferences()
            .Where(e => e.Key != DeliberatePair && Array.IndexOf(order, e.Key.To) > Array.IndexOf(order, e.Key.From))
            .Select(e => $"{e.Key.From} -> {e.Key.To}: {string.Join(", ", e.Value)}")
            .ToArray();

        Assert.True(upward.Length == 0, "References that go up the layers:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void The_graph_check_finds_a_cycle_when_there_is_one()
    {
        var graph = new Dictionary<string, string[]> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] };

        Assert.Equal(["A", "B", "C", "A"], FindCycle(graph));
        Assert.Null(FindCycle(new Dictionary<string, string[]> { ["A"] = ["B"], ["B"] = ["C"], ["D"] = ["C"] }));
    }

    [Fact]
    public void Comments_and_strings_do_not_count_as_references()
    {
        string code = LibrarySources.WithoutCommentsAndStrings(
            "var a = \"ServiceChannel\"; // JobPoller\n/* Routes */ var b = $\"\"\"{x} SkinLiteClient\"\"\"; var c = @\"Log \"\"q\"\"\"; Telemetry.Go();");

        Assert.DoesNotContain("ServiceChannel", code, StringComparison.Ordinal);
        Assert.DoesNotContain("JobPoller", code, StringComparison.Ordinal);
        Assert.DoesNotContain("Routes", code, StringComparison.Ordinal);
        Assert.DoesNotContain("SkinLiteClient", code, StringComparison.Ordinal);
        Assert.DoesNotContain("Log", code, StringComparison.Ordinal);
        Assert.Contains("Telemetry.Go()", code, StringComparison.Ordinal);
    }

    private static List<string>? FindCycle(IReadOnlyDictionary<string, string[]> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1: on the path, 2: done
        var path = new List<string>();
        foreach (string start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        List<string>? Visit(string node)
        {
            if (state.GetValueOrDefault(node) == 2)
            {
                return null;
            }

            if (state.GetValueOrDefault(node) == 1)
            {
                return [.. path.Skip(path.IndexOf(node)), node];
            }

            state[node] = 1;
            path.Add(node);
            foreach (string next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
    }
}
