using Lib.Platform;

namespace Lib.Tests;

public class NativeToolsTests
{
    [Theory]
    [InlineData("linux", "x64", false, "@ffmpeg-installer/linux-x64/ffmpeg")]
    [InlineData("linux", "x64", true, "@ffmpeg-installer/linux-x64/ffmpeg")]
    [InlineData("darwin", "arm64", false, "@ffmpeg-installer/darwin-arm64/ffmpeg")]
    [InlineData("win32", "x64", false, "@ffmpeg-installer/win32-x64/ffmpeg.exe")]
    public void Each_platform_maps_to_its_npm_package_layout(string os, string arch, bool musl, string ffmpeg)
    {
        var platform = new PlatformId(os, arch, musl);
        Assert.Equal(ffmpeg, NativeTool.Ffmpeg.RelativePath(platform));
        Assert.Equal(ffmpeg.Replace("ffmpeg", "ffprobe"), NativeTool.Ffprobe.RelativePath(platform));
    }

    [Fact]
    public void The_build_installed_every_tool_for_this_machine()
    {
        foreach (var tool in NativeTool.All)
        {
            var path = NativeTools.Locate(tool);
            Assert.True(File.Exists(path), path);
            Assert.True(new FileInfo(path).Length > 1_000_000, $"{tool.Name} at {path} is suspiciously small");
        }
    }

    [Fact]
    public void A_missing_tool_is_named_with_where_it_was_looked_for_and_how_to_get_it()
    {
        var empty = Directory.CreateTempSubdirectory("lab-tools-");
        try
        {
            Directory.CreateDirectory(Path.Combine(empty.FullName, "node_modules"));
            var e = Assert.Throws<NativeToolNotFoundException>(() =>
                NativeTools.Locate(NativeTool.Ffprobe, new PlatformId("linux", "x64"), [empty.FullName], _ => null));
            Assert.Contains("ffprobe for linux-x64 was not found", e.Message);
            Assert.Contains("@ffprobe-installer/ffprobe", e.Message);
            Assert.Contains("npm ci", e.Message);
            Assert.Contains("LAB_FFPROBE", e.Message);
            Assert.Same(NativeTool.Ffprobe, e.Tool);
        }
        finally { empty.Delete(recursive: true); }
    }

    [Fact]
    public void An_environment_override_must_exist()
    {
        var e = Assert.Throws<NativeToolNotFoundException>(() =>
            NativeTools.Locate(NativeTool.Ffmpeg, PlatformId.Current, [], v => v == "LAB_FFMPEG" ? "/nowhere/ffmpeg" : null));
        Assert.Contains("LAB_FFMPEG is set to '/nowhere/ffmpeg'", e.Message);
    }

    [Fact]
    public void Programs_found_without_the_executable_bit_are_made_executable()
    {
        if (OperatingSystem.IsWindows()) return;
        var root = Directory.CreateTempSubdirectory("lab-tools-");
        try
        {
            var file = Path.Combine(root.FullName, "node_modules", "@ffmpeg-installer", "linux-x64", "ffmpeg");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "#!/bin/sh\n");
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var found = NativeTools.Locate(NativeTool.Ffmpeg, new PlatformId("linux", "x64"), [Path.Combine(root.FullName, "a", "b")], _ => null);
            Assert.Equal(file, found);
            Assert.True((File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0);
        }
        finally { root.Delete(recursive: true); }
    }
}
