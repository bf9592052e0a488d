using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Globalization;

namespace SkinLite.Tests.Reading;

/// <summary>
/// Counts what the mutants came to, so that a property that passes can be seen not to pass emptily (every mutant
/// refused, or no mutant the oracle could judge). Thread-safe: the sweep runs on every core.
/// </summary>
internal sealed class ReaderTally
{
    private const string RefusedName = "refused (SkinLiteException)";
    private const string JudgedName = "outcomes the oracle could judge";
    private const string ForbiddenName = "of which it forbade a success";
    private const string LayoutSuccessName = "layout pairs that read as a success";
    private const string ShortcutSuccessName = "shortcut pairs that read as a success";

    private readonly ConcurrentDictionary<string, StrongBox<long>> _counts = new(StringComparer.Ordinal);

    public long Refused => Get(RefusedName);

    public long Judged => Get(JudgedName);

    public long Forbidden => Get(ForbiddenName);

    public long LayoutSuccesses => Get(LayoutSuccessName);

    public long ShortcutSuccesses => Get(ShortcutSuccessName);

    public long Count(OutcomeKind kind) => Get(kind.ToString());

    public void CountRefused() => Add(RefusedName);

    public void CountHandle() => Add("handles");

    public void CountErrorBody(bool read) => Add(read ? "error bodies with a code or message" : "error bodies without");

    public void CountNotRewritable() => Add("not JSON System.Text.Json can write back");

    public void CountLayoutPair(bool succeeded) => Add(succeeded ? LayoutSuccessName : "layout pairs that read otherwise");

    public void CountShortcutPair(bool succeeded) => Add(succeeded ? ShortcutSuccessName : "shortcut pairs that read otherwise");

    public void CountOutcome(OutcomeKind kind, OracleVerdict verdict)
    {
        Add(kind.ToString());
        if (verdict.IsJudged)
        {
            Add(JudgedName);
        }

        if (verdict.ForbidsSuccess)
        {
            Add(ForbiddenName);
        }
    }

    /// <summary>Every count that is not zero, e.g. <c>refused (SkinLiteException) 28828, Pending 7148, ...</c>.</summary>
    public override string ToString() =>
        string.Join(", ", _counts.OrderBy(c => Order(c.Key)).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {Interlocked.Read(ref c.Value.Value)}")));

    private long Get(string name) => _counts.TryGetValue(name, out StrongBox<long>? box) ? Interlocked.Read(ref box.Value) : 0;

    private void Add(string name) => Interlocked.Increment(ref _counts.GetOrAdd(name, _ => new StrongBox<long>()).Value);

    private static int Order(string name) => name switch
    {
        RefusedName => 0,
        nameof(OutcomeKind.Pending) => 1,
        nameof(OutcomeKind.Succeeded) => 2,
        nameof(OutcomeKind.Rejected) => 3,
        nameof(OutcomeKind.Failed) => 4,
        JudgedName => 5,
        ForbiddenName => 6,
        _ => 7,
    };
}
