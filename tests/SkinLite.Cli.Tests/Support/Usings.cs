global using Xunit;
global using SkinLite.TestSupport;
