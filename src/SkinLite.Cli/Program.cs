using SkinLite.Cli;

return await CliApplication.RunAsync(args).ConfigureAwait(false);
