using Lib.Notebooks.Execution;

namespace Lib.Notebooks.Tests;

public class NuGetSourcesTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Added_sources_are_read_with_relative_folders_made_absolute()
    {
        var config = _dir.Write("repo/nuget.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="mirror" value="https://nuget.example.org/v3/index.json" />
                <add key="local" value="packages/feed" />
              </packageSources>
            </configuration>
            """);
        Assert.Equal(["https://nuget.example.org/v3/index.json", Path.Combine(_dir.Path, "repo", "packages", "feed")], NuGetSources.Read(config));
        Assert.Equal(config, NuGetSources.FindConfig(Path.Combine(_dir.Path, "repo", "notebooks", "track")));
    }

    [Fact]
    public void A_config_without_sources_adds_none_and_a_broken_one_is_named()
    {
        Assert.Empty(NuGetSources.Read(_dir.Write("empty/nuget.config", "<configuration>\n</configuration>")));
        var broken = _dir.Write("broken/nuget.config", "<configuration>\n<packageSources>");
        var e = Assert.Throws<InvalidDataException>(() => NuGetSources.Read(broken));
        Assert.Contains("broken/nuget.config", e.Message);
    }
}
