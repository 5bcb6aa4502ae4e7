using Lib.Tensors.IO;

namespace Lib.Tensors.Tests.IO;

public class AtomicFileTests
{
    [Fact]
    public void Replaces_the_file_and_leaves_no_temporary_files()
    {
        var dir = Directory.CreateTempSubdirectory("lab-atomic-");
        try
        {
            var path = Path.Combine(dir.FullName, "sub", "out.json");
            AtomicFile.WriteAllText(path, "first");
            AtomicFile.WriteAllText(path, "second");
            Assert.Equal("second", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void A_failed_write_keeps_what_was_saved()
    {
        var dir = Directory.CreateTempSubdirectory("lab-atomic-");
        try
        {
            var path = Path.Combine(dir.FullName, "model.json");
            AtomicFile.WriteAllText(path, "saved");
            Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
            {
                s.Write("partial"u8);
                throw new InvalidOperationException("crash mid-write");
            }));
            Assert.Equal("saved", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(dir.FullName));
        }
        finally { dir.Delete(recursive: true); }
    }
}
