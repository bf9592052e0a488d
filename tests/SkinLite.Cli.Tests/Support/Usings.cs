global using Xunit;
global using SkinLite.Tests.Support;
