using SkinLite.Benchmarks.Parse;
using SkinLite.Benchmarks.Polling;
using SkinLite.Benchmarks.Submit;

namespace SkinLite.Benchmarks.Harness;

/// <summary>The BenchmarkDotNet groups again, as delegates over the same benchmark classes (no logic written twice).</summary>
public static class InterleavedGroups
{
    public static IEnumerable<InterleavedGroup> All()
    {
        foreach (string layout in new[] { "status-first", "status-last" })
        {
            var pending = new ParsePendingBenchmarks { Layout = layout };
            pending.Setup();
            yield return new InterleavedGroup($"parse-pending ({layout})",
            [
                new("floor: find status", () => pending.FindStatus(), IsBaseline: true),
                new("SkinLite Parse", () => Sink.Keep(pending.SkinLite())),
                new("STJ source-gen", () => Sink.Keep(pending.StjSourceGenerated())),
                new("Newtonsoft", () => Sink.Keep(pending.Newtonsoft())),
            ], OperationsPerRound: 2000);
        }

        foreach (string layout in new[] { "recorded", "one-line" })
        {
            var success = new ParseSuccessBenchmarks { Layout = layout };
            success.Setup();
            yield return new InterleavedGroup($"parse-success ({layout})",
            [
                new("floor: read every token", () => success.Floor(), IsBaseline: true),
                new("SkinLite Parse", () => Sink.Keep(success.SkinLite())),
                new("SkinLite Parse + read every field", () => Sink.Keep(success.SkinLiteReadEveryField())),
                new("STJ source-gen", () => Sink.Keep(success.StjSourceGenerated())),
                new("STJ reflection", () => Sink.Keep(success.StjReflection())),
                new("Newtonsoft", () => Sink.Keep(success.Newtonsoft())),
            ], OperationsPerRound: 200);
        }

        foreach (string answer in new[] { "rejection", "failure" })
        {
            var error = new ParseErrorAnswerBenchmarks { Answer = answer };
            error.Setup();
            yield return new InterleavedGroup($"parse-error ({answer})",
            [
                new("floor: read every token", () => error.Floor(), IsBaseline: true),
                new("SkinLite Parse", () => Sink.Keep(error.SkinLite())),
                new("STJ source-gen", () => Sink.Keep(error.StjSourceGenerated())),
                new("Newtonsoft", () => Sink.Keep(error.Newtonsoft())),
            ], OperationsPerRound: 1000);
        }

        foreach (string state in new[] { "pending", "success" })
        {
            var poll = new InProcessPollBenchmarks { State = state };
            poll.Setup();
            yield return PollGroup($"poll in-process ({state})", poll);
        }

        foreach (string state in new[] { "pending", "success" })
        {
            var poll = new Loopback.LoopbackPollBenchmarks { State = state };
            poll.Setup();
            yield return PollGroup($"poll loopback ({state})", poll);
        }

        var concurrent = new Loopback.ConcurrentPollBenchmarks();
        concurrent.Setup();
        yield return new InterleavedGroup($"poll loopback, {Loopback.ConcurrentPollBenchmarks.Pollers} concurrent pollers (time per {Loopback.ConcurrentPollBenchmarks.Pollers * Loopback.ConcurrentPollBenchmarks.PollsEach} polls)",
        [
            new("transport only", () => concurrent.TransportOnly().GetAwaiter().GetResult(), IsBaseline: true),
            new("SkinLite GetOutcomeAsync", () => concurrent.SkinLite().GetAwaiter().GetResult()),
            new("GetFromJsonAsync (STJ source-gen) + classify", () => concurrent.GetFromJson().GetAwaiter().GetResult()),
        ], OperationsPerRound: 1);

        var submit = new SubmitImageBenchmarks();
        submit.Setup();
        yield return new InterleavedGroup("submit (5 MB)",
        [
            new("naive: ByteArrayContent(File.ReadAllBytes)", () => submit.Naive().GetAwaiter().GetResult(), IsBaseline: true),
            new("SkinLite SubmitAsync(path)", () => Sink.Keep(submit.SkinLite().GetAwaiter().GetResult())),
        ], OperationsPerRound: 2);
    }

    private static InterleavedGroup PollGroup(string name, PollRoundTripBenchmarks poll) => new(name,
    [
        new("transport only: GetAsync + ReadAsByteArrayAsync", () => Sink.Keep(poll.TransportOnly().GetAwaiter().GetResult()), IsBaseline: true),
        new("SkinLite GetOutcomeAsync", () => Sink.Keep(poll.SkinLite().GetAwaiter().GetResult())),
        new("GetFromJsonAsync (STJ source-gen) + classify", () => Sink.Keep(poll.GetFromJson().GetAwaiter().GetResult())),
    ], OperationsPerRound: 50);
}
