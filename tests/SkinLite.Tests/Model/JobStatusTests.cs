using System.Text.Json;

namespace SkinLite.Tests.Model;

/// <summary>The job status is an open set: unknown values are kept, never thrown on, and compare ignoring case.</summary>
public sealed class JobStatusTests
{
    [Theory]
    [InlineData("ACCEPTED", false, false, false)]
    [InlineData("PREPARING", false, false, false)]
    [InlineData("PROCESSING", false, false, false)]
    [InlineData("QUEUED", false, false, false)]
    [InlineData("SUCCESS", true, false, true)]
    [InlineData("FAILURE", false, true, true)]
    [InlineData("FAILED", false, true, true)]
    [InlineData("Success", true, false, true)]
    public void Each_value_says_whether_it_is_success_failure_or_terminal(string value, bool success, bool failure, bool terminal)
    {
        var status = new JobStatus(value);

        Assert.Equal(success, status.IsSuccess);
        Assert.Equal(failure, status.IsFailure);
        Assert.Equal(terminal, status.IsTerminal);
        Assert.Equal(value, status.Value);
        Assert.Equal(value, status.ToString());
    }

    [Fact]
    public void The_well_known_values_are_spelled_as_the_service_spells_them()
    {
        Assert.Equal("ACCEPTED", JobStatus.Accepted.Value);
        Assert.Equal("PREPARING", JobStatus.Preparing.Value);
        Assert.Equal("PROCESSING", JobStatus.Processing.Value);
        Assert.Equal("SUCCESS", JobStatus.Success.Value);
        Assert.Equal("FAILURE", JobStatus.Failure.Value);
        Assert.Equal("FAILED", JobStatus.Failed.Value);
    }

    [Fact]
    public void Equality_ignores_ascii_case_and_hashes_alike()
    {
        var lower = new JobStatus("processing");

        Assert.True(lower == JobStatus.Processing);
        Assert.False(lower != JobStatus.Processing);
        Assert.True(lower.Equals((object)JobStatus.Processing));
        Assert.Equal(JobStatus.Processing.GetHashCode(), lower.GetHashCode());
        Assert.NotEqual(JobStatus.Failure, JobStatus.Failed);
    }

    [Fact]
    public void The_default_value_is_empty_and_not_terminal()
    {
        JobStatus status = default;

        Assert.Equal(string.Empty, status.Value);
        Assert.False(status.IsTerminal);
        Assert.Throws<ArgumentNullException>(() => new JobStatus(null!));
    }

    [Fact]
    public void The_converter_writes_and_reads_the_plain_string()
    {
        var options = new JsonSerializerOptions { Converters = { new JobStatusJsonConverter() } };
        var converter = new JobStatusJsonConverter();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            converter.Write(writer, new JobStatus("WARMING_UP"), options);
        }

        var reader = new Utf8JsonReader(buffer.ToArray());
        reader.Read();
        JobStatus read = converter.Read(ref reader, typeof(JobStatus), options);

        Assert.Equal("\"WARMING_UP\"", System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        Assert.Equal("WARMING_UP", read.Value);
    }

    [Fact]
    public void The_converter_refuses_a_status_that_is_not_a_string_with_a_json_exception()
    {
        var converter = new JobStatusJsonConverter();
        var reader = new Utf8JsonReader("42"u8);
        reader.Read();

        try
        {
            converter.Read(ref reader, typeof(JobStatus), new JsonSerializerOptions());
            Assert.Fail("a number is not a status");
        }
        catch (JsonException error)
        {
            Assert.Contains("Number", error.Message, StringComparison.Ordinal);
        }
    }
}
