global using Xunit;
global using SkinLite.Reports.Tests.Saving.Support;
global using SkinLite.TestSupport;
