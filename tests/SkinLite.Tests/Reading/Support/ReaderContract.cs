namespace SkinLite.Tests.Reading;

/// <summary>
/// What every document, however broken, must give the readers' callers: an outcome or a SkinLite exception, never another
/// exception type (the XML docs of <see cref="AnalysisOutcome.Parse(ReadOnlySpan{byte})"/> name only
/// <see cref="SkinLiteProtocolException"/>); never <see cref="OutcomeKind.None"/> (docs/design.md); never a success
/// the oracle forbids; and a success always with an analysis whose every field reads without throwing (long texts are
/// decoded lazily, but LazyUtf8String promises any error at parse time).
/// </summary>
internal static class ReaderContract
{
    public static void CheckResultDocument(Mutant mutant, ReaderTally tally)
    {
        AnalysisOutcome outcome;
        try
        {
            outcome = AnalysisOutcome.Parse(mutant.Bytes);
        }
        catch (SkinLiteException)
        {
            tally.CountRefused();
            return;
        }
        catch (Exception other)
        {
            throw new ReaderContractViolation($"AnalysisOutcome.Parse threw {other.GetType().FullName}, not a SkinLiteException: {other.Message}", other);
        }

        OracleVerdict verdict = ContractOracle.Judge(mutant.Bytes);
        tally.CountOutcome(outcome.Kind, verdict);
        if (outcome.Kind == OutcomeKind.None)
        {
            throw new ReaderContractViolation("AnalysisOutcome.Parse returned default(AnalysisOutcome) (OutcomeKind.None), which no parse may return.");
        }

        if (outcome.IsSucceeded && verdict.ForbidsSuccess)
        {
            throw new ReaderContractViolation($"A document with {verdict.ForbiddenBecause} (an error or a 4xx/5xx status_code) read as a success.");
        }

        bool hasResult = outcome.TryGetResult(out SkinAnalysis? analysis);
        if (hasResult != outcome.IsSucceeded)
        {
            throw new ReaderContractViolation($"The outcome is {outcome.Kind} but TryGetResult says {hasResult}: a success must have an analysis, anything else none.");
        }

        if (analysis is not null)
        {
            ReadInFull(analysis);
        }
    }

    /// <summary>A valid document reads the same on one line and indented (the reader compacts a long indented remainder first).</summary>
    public static void CheckLayouts(Mutant mutant, ReaderTally tally)
    {
        if (Relayout.Of(mutant.Bytes) is not { } layouts)
        {
            tally.CountNotRewritable();
            return;
        }

        string oneLine = OutcomeFingerprint.Of(layouts.OneLine);
        string indented = OutcomeFingerprint.Of(layouts.Indented);
        tally.CountLayoutPair(oneLine.StartsWith(nameof(OutcomeKind.Succeeded), StringComparison.Ordinal));
        if (oneLine != indented)
        {
            throw new ReaderContractViolation($"The document reads differently indented ({layouts.Indented.Length} bytes) and on one line ({layouts.OneLine.Length} bytes):\n  one line: {oneLine}\n  indented: {indented}");
        }
    }

    /// <summary>
    /// The shortcuts of a parse (compacting an indented remainder, scanning the concerns without the reader) never change
    /// what it gives: the same outcome and fields as the reader alone, or the same refusal.
    /// </summary>
    public static void CheckShortcuts(Mutant mutant, ReaderTally tally)
    {
        string withShortcuts = OutcomeFingerprint.Of(mutant.Bytes);
        string readerAlone = OutcomeFingerprint.Of(mutant.Bytes, static bytes => PredictionDocumentReader.ReadByReaderAlone(bytes));
        tally.CountShortcutPair(withShortcuts.StartsWith(nameof(OutcomeKind.Succeeded), StringComparison.Ordinal));
        if (withShortcuts != readerAlone)
        {
            throw new ReaderContractViolation($"The document reads differently with the parse's shortcuts and with the reader alone:\n  shortcuts:    {withShortcuts}\n  reader alone: {readerAlone}");
        }
    }

    public static void CheckSubmitAnswer(Mutant mutant, SkinLiteApi api, ReaderTally tally)
    {
        SkinAnalysisJob job;
        try
        {
            job = SubmitAnswerReader.Read(mutant.Bytes, api, api.UsesScanId() ? "app-property" : null);
        }
        catch (SkinLiteException)
        {
            tally.CountRefused();
            return;
        }
        catch (Exception other)
        {
            throw new ReaderContractViolation($"Reading a submit answer threw {other.GetType().FullName}, not a SkinLiteException: {other.Message}", other);
        }

        tally.CountHandle();
        if (string.IsNullOrEmpty(job.PredictionId) || (api.UsesScanId() && string.IsNullOrEmpty(job.ScanId)))
        {
            throw new ReaderContractViolation($"A submit answer gave a {api} handle without the ids it needs: {job}.");
        }

        try
        {
            // A handle must survive a restart as a line of text (docs/design.md).
            if (SkinAnalysisJob.FromJson(job.ToJson()) != job)
            {
                throw new ReaderContractViolation($"The handle {job} did not come back equal from its own JSON.");
            }
        }
        catch (Exception error) when (error is not ReaderContractViolation)
        {
            throw new ReaderContractViolation($"The handle read from a submit answer could not be saved and read back: {error.GetType().FullName}: {error.Message}", error);
        }
    }

    public static void CheckErrorBody(Mutant mutant, ReaderTally tally)
    {
        try
        {
            (string? code, string? message) = ErrorBodyReader.Read(mutant.Bytes);
            tally.CountErrorBody(code is not null || message is not null);
        }
        catch (Exception error)
        {
            throw new ReaderContractViolation($"Reading an error body threw {error.GetType().FullName}; it must give the code and message or neither: {error.Message}", error);
        }
    }

    private static void ReadInFull(SkinAnalysis analysis)
    {
        try
        {
            _ = (analysis.TotalSkinScore, analysis.SkinAge, analysis.EyeAge, analysis.SkinHealth, analysis.SkinTone, analysis.SkinShade,
                analysis.SkinShadeHex, analysis.SkinType, analysis.FacialHair, analysis.FacialHairUrl, analysis.InputImageUrl,
                analysis.CombineMaskedUrl, analysis.Summary, analysis.IsEmulated, analysis.OutputJson.ValueKind, analysis.ToString());
            foreach (SkinZone? zone in new[] { analysis.Zones.TZone, analysis.Zones.UZone })
            {
                _ = (zone?.ImageUrl, zone?.Type, zone?.Json.ValueKind);
            }

            foreach (SkinConcern concern in analysis.Concerns)
            {
                _ = (concern.Name, concern.TechName, concern.AreaName, concern.Value, concern.Severity, concern.ImageUrl,
                    concern.Description, concern.Analyses, concern.ScoreRange.Count, concern.SeverityList.Count, concern.Json.ValueKind, concern.ToString());
            }
        }
        catch (Exception error)
        {
            throw new ReaderContractViolation($"The analysis of a success threw {error.GetType().FullName} when read: {error.Message}", error);
        }
    }
}

/// <summary>A broken rule of the readers' contract, with what broke it.</summary>
internal sealed class ReaderContractViolation(string message, Exception? inner = null) : Exception(message, inner);
