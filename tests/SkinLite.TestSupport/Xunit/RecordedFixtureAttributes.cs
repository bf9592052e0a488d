namespace SkinLite.TestSupport;

// xUnit attributes, so compiled into the test projects that link this file rather than into SkinLite.TestSupport.

/// <summary>A fact that needs the recorded responses; skipped with a reason when ../shared is absent.</summary>
internal sealed class RecordedFixtureFactAttribute : FactAttribute
{
    public RecordedFixtureFactAttribute()
    {
        if (RecordedFixtures.Directory is null)
            Skip = "../shared/fixtures/recorded is not beside the clone";
    }
}

/// <summary>A theory that needs the recorded responses; skipped with a reason when ../shared is absent.</summary>
internal sealed class RecordedFixtureTheoryAttribute : TheoryAttribute
{
    public RecordedFixtureTheoryAttribute()
    {
        if (RecordedFixtures.Directory is null)
            Skip = "../shared/fixtures/recorded is not beside the clone";
    }
}
