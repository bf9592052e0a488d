using CsCheck;
using Xunit.Abstractions;

namespace SkinLite.Tests.Reading;

/// <summary>
/// Issue 11, "keep it fixed": the readers' contract checked over many thousands of mutants of real and own documents
/// (byte flips, insertions, deletions, truncations, hostile fragments, duplicate and replaced members), not only over the
/// hand-picked hostile documents of <see cref="HostileDocumentTests"/>. Every sweep is repeatable (a fixed master seed per
/// property, see <see cref="ReproducibleSample"/>) and prints its figures; a failure is shrunk and reported by CsCheck with
/// a seed that replays it. The iteration counts keep the whole class to a few seconds on a 2-core machine.
/// </summary>
public sealed class ReaderPropertyTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_mutant_of_a_result_document_reads_as_an_outcome_or_a_SkinLite_exception()
    {
        var tally = new ReaderTally();

        Sweep(Mutations.Of(MutationSeeds.OwnResults, Mutations.Any), m => ReaderContract.CheckResultDocument(m, tally), masterSeed: 0x5EED_0001, iterations: 40_000, tally);

        Assert.True(tally.Refused > 0 && tally.Count(OutcomeKind.Succeeded) > 0, $"The mutants should both break the reader and get past it: {tally}");
    }

    [Fact]
    public void A_mutant_that_carries_an_error_or_a_4xx_or_5xx_status_code_never_reads_as_a_success()
    {
        var tally = new ReaderTally();

        SampleReport run = Sweep(Mutations.Of(MutationSeeds.OwnResults, Mutations.Structural, maxSteps: 4), m => ReaderContract.CheckResultDocument(m, tally), masterSeed: 0x5EED_0002, iterations: 40_000, tally);

        // Not vacuous: most mutants must be outcomes the oracle could judge, and many must carry an error or a 4xx/5xx code
        // (about 73% and 44% of them with the fixed seed).
        Assert.True(tally.Judged >= run.Samples / 2 && tally.Forbidden >= run.Samples / 4, $"Too few mutants the oracle could judge: {tally}");
    }

    [Fact]
    public void A_mutant_that_reads_as_a_success_always_has_an_analysis_that_reads_in_full()
    {
        var tally = new ReaderTally();

        SampleReport run = Sweep(Mutations.Of(MutationSeeds.OwnSuccesses, Mutations.Any, maxSteps: 2), m => ReaderContract.CheckResultDocument(m, tally), masterSeed: 0x5EED_0003, iterations: 30_000, tally);

        // About half of them still do with the fixed seed.
        Assert.True(tally.Count(OutcomeKind.Succeeded) >= run.Samples / 4, $"Too few mutants still read as a success: {tally}");
    }

    [Fact]
    public void A_valid_mutant_reads_the_same_indented_and_on_one_line()
    {
        var tally = new ReaderTally();

        SampleReport run = Sweep(Mutations.Of(MutationSeeds.OwnSuccesses, Mutations.Structural, maxSteps: 2), m => ReaderContract.CheckLayouts(m, tally), masterSeed: 0x5EED_0009, iterations: 10_000, tally);

        // About 70% of them are still successes with the fixed seed: the analysis is compared field by field.
        Assert.True(tally.LayoutSuccesses >= run.Samples / 3, $"Too few successes compared: {tally}");
    }

    [Fact]
    public void A_mutant_reads_the_same_with_the_parse_shortcuts_as_with_the_reader_alone()
    {
        var tally = new ReaderTally();

        SampleReport run = Sweep(Mutations.Of(MutationSeeds.OwnSuccesses, Mutations.Any, maxSteps: 2), m => ReaderContract.CheckShortcuts(m, tally), masterSeed: 0x5EED_000B, iterations: 30_000, tally);

        // Byte flips inside the concerns both break the document and get past it: many must still be compared as successes.
        Assert.True(tally.ShortcutSuccesses >= run.Samples / 4, $"Too few successes compared: {tally}");
    }

    [RecordedFixtureFact]
    public void Mutants_of_the_recorded_documents_keep_the_readers_contract()
    {
        var results = new ReaderTally();
        var answers = new ReaderTally();
        var layouts = new ReaderTally();
        var shortcuts = new ReaderTally();

        Sweep(Mutations.Of(MutationSeeds.Recorded, Mutations.Any), m => ReaderContract.CheckResultDocument(m, results), masterSeed: 0x5EED_0004, iterations: 20_000, results);
        Sweep(Mutations.Of(MutationSeeds.Recorded, Mutations.Any), m => ReaderContract.CheckSubmitAnswer(m, SkinLiteApi.Transformation, answers), masterSeed: 0x5EED_0005, iterations: 10_000, answers);
        Sweep(Mutations.Of(MutationSeeds.Recorded, Mutations.Structural, maxSteps: 2), m => ReaderContract.CheckLayouts(m, layouts), masterSeed: 0x5EED_000A, iterations: 5_000, layouts);
        Sweep(Mutations.Of(MutationSeeds.Recorded, Mutations.Any, maxSteps: 2), m => ReaderContract.CheckShortcuts(m, shortcuts), masterSeed: 0x5EED_000C, iterations: 10_000, shortcuts);

        Assert.True(results.Count(OutcomeKind.Succeeded) > 0 && results.Count(OutcomeKind.Pending) > 0, $"The recorded success and submit answers should survive some mutants: {results}");
        Assert.True(layouts.LayoutSuccesses > 0, $"The recorded success should survive some mutants: {layouts}");
        Assert.True(shortcuts.ShortcutSuccesses > 0, $"The recorded success should survive some mutants: {shortcuts}");
    }

    [Theory]
    [InlineData(SkinLiteApi.Private, 0x5EED_0006UL)]
    [InlineData(SkinLiteApi.Transformation, 0x5EED_0007UL)]
    public void Every_mutant_of_a_submit_answer_reads_as_a_handle_or_a_SkinLite_exception(SkinLiteApi api, ulong masterSeed)
    {
        var tally = new ReaderTally();

        Sweep(Mutations.Of(MutationSeeds.OwnSubmitAnswers, Mutations.Any), m => ReaderContract.CheckSubmitAnswer(m, api, tally), masterSeed, iterations: 15_000, tally);

        Assert.True(tally.Refused > 0, $"The mutants should break some submit answers: {tally}");
    }

    [Fact]
    public void Reading_a_mutant_of_an_error_body_never_throws()
    {
        var tally = new ReaderTally();

        Sweep(Mutations.Of(MutationSeeds.OwnErrorBodies, Mutations.Any), m => ReaderContract.CheckErrorBody(m, tally), masterSeed: 0x5EED_0008, iterations: 15_000, tally);
    }

    private SampleReport Sweep(Gen<Mutant> mutants, Action<Mutant> check, ulong masterSeed, long iterations, ReaderTally tally)
    {
        SampleReport run = ReproducibleSample.Run(mutants, check, masterSeed, iterations, output.WriteLine, m => m.ToString());
        output.WriteLine(tally.ToString());
        return run;
    }
}
