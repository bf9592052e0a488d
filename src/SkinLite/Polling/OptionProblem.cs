namespace SkinLite;

/// <summary>
/// One setting that is missing or out of range: its member path (<c>AppId</c>, <c>Polling:Deadline</c>, in the
/// configuration's spelling) and what is wrong, worded to follow the setting's name in any spelling: the C# property
/// (<c>SkinLiteClientOptions.AppId</c>) for code, the configuration key (<c>SkinLite:AppId</c>) for a host.
/// </summary>
internal readonly record struct OptionProblem(string Member, string Text);
