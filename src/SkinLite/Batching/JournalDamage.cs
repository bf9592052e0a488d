namespace SkinLite;

/// <summary>A journal line that replay could not read and skipped.</summary>
/// <param name="LineNumber">The line's number, from 1 (the header is line 1).</param>
/// <param name="Offset">The byte offset where the line starts; -1 for a <c>submitted</c> record that read but whose job
/// handle did not (found after the whole file was read).</param>
/// <param name="Reason">What was wrong with it.</param>
/// <param name="IsTornTail">True for the last line of the file when it has no line end: a write cut short by a crash.</param>
internal readonly record struct JournalDamage(long LineNumber, long Offset, string Reason, bool IsTornTail);
