namespace SkinLite.Cli;

/// <summary>A problem with what the user gave (a file, an option, a setting), found before anything was sent: exit code 2.</summary>
internal sealed class BadInputException(string message) : Exception(message);
