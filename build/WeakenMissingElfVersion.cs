// The build step of build/TorchSharpCompat.targets (compiled by MSBuild's RoslynCodeTaskFactory; read that file first).
// Marks one symbol-version reference of an ELF64 little-endian shared library weak, and the undefined symbols bound to
// it weak, when no system library defines that version. In place of patchelf, which a fresh machine may not have.
using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class WeakenMissingElfVersion : Task
{
    const uint ShtDynsym = 11;
    const uint ShtGnuVerneed = 0x6ffffffe;
    const uint ShtGnuVersym = 0x6fffffff;
    const ushort VerFlagWeak = 0x2;
    const byte StbWeak = 2;

    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string Version { get; set; } = "";

    /// <summary>Where the system's library may be, ';'-separated; the first that exists is read.</summary>
    [Required]
    public string SystemLibraries { get; set; } = "";

    public override bool Execute()
    {
        var system = SystemLibraries
            .Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(File.Exists);
        if (system is null)
        {
            Log.LogMessage(MessageImportance.Normal, $"No system libstdc++ found; {Version} left as it is.");
            return true;
        }
        if (Contains(File.ReadAllBytes(system), Encoding.ASCII.GetBytes(Version + "\0")))
            return true; // the system has the version: change nothing
        foreach (var item in Libraries)
        {
            var path = item.GetMetadata("FullPath");
            try
            {
                var bytes = File.ReadAllBytes(path);
                var changed = Weaken(bytes, Version);
                if (changed == 0)
                    continue;
                var temp = path + ".compat-tmp";
                File.WriteAllBytes(temp, bytes);
                File.Replace(temp, path, null); // a rename: the library is whole at every moment
                Log.LogMessage(
                    MessageImportance.High,
                    $"{path}: {system} lacks {Version}; marked that version reference and {changed - 1} symbol(s) weak."
                );
            }
            catch (InvalidDataException e)
            {
                Log.LogError($"{path}: not a library this step can read ({e.Message}).");
            }
        }
        return !Log.HasLoggedErrors;
    }

    /// <summary>How many entries changed (the version reference plus its symbols); 0 when already weak or
    /// absent.</summary>
    public static int Weaken(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("no ELF magic");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not ELF64 little-endian");
        var shoff = (long)BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A), shnum = BitConverter.ToUInt16(elf, 0x3C);
        long dynsymOffset = -1, dynsymSize = 0, versymOffset = -1, verneedOffset = -1;
        uint verneedLink = 0, verneedCount = 0;
        var stringTables = new long[shnum];
        for (var i = 0; i < shnum; i++)
        {
            var h = (int)(shoff + (long)i * shentsize);
            var type = BitConverter.ToUInt32(elf, h + 4);
            var offset = (long)BitConverter.ToUInt64(elf, h + 0x18);
            stringTables[i] = offset;
            if (type == ShtDynsym)
            {
                dynsymOffset = offset;
                dynsymSize = (long)BitConverter.ToUInt64(elf, h + 0x20);
            }
            else if (type == ShtGnuVersym)
                versymOffset = offset;
            else if (type == ShtGnuVerneed)
            {
                verneedOffset = offset;
                verneedLink = BitConverter.ToUInt32(elf, h + 0x28);
                verneedCount = BitConverter.ToUInt32(elf, h + 0x2C);
            }
        }
        if (dynsymOffset < 0 || versymOffset < 0 || verneedOffset < 0)
            return 0;
        var strings = stringTables[verneedLink];
        var changed = 0;
        ushort index = 0;
        var need = verneedOffset;
        for (var n = 0; n < verneedCount && index == 0; n++)
        {
            var count = BitConverter.ToUInt16(elf, (int)need + 2);
            var aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
            for (var a = 0; a < count; a++)
            {
                var name = ReadString(elf, strings + BitConverter.ToUInt32(elf, (int)aux + 8));
                if (name == version)
                {
                    var flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                    index = BitConverter.ToUInt16(elf, (int)aux + 6);
                    if ((flags & VerFlagWeak) == 0)
                    {
                        var weak = flags | VerFlagWeak;
                        elf[aux + 4] = (byte)weak;
                        elf[aux + 5] = (byte)(weak >> 8);
                        changed++;
                    }
                    break;
                }
                aux += BitConverter.ToUInt32(elf, (int)aux + 12);
            }
            need += BitConverter.ToUInt32(elf, (int)need + 12);
        }
        if (changed == 0)
            return 0;
        for (var s = 0; s < dynsymSize / 24; s++)
        {
            var sym = (int)(dynsymOffset + s * 24L);
            var undefined = BitConverter.ToUInt16(elf, sym + 6) == 0;
            var bound = (BitConverter.ToUInt16(elf, (int)(versymOffset + s * 2L)) & 0x7fff) == index;
            if (undefined && bound && (elf[sym + 4] >> 4) != StbWeak)
            {
                elf[sym + 4] = (byte)((StbWeak << 4) | (elf[sym + 4] & 0xf));
                changed++;
            }
        }
        return changed;
    }

    static string ReadString(byte[] bytes, long offset)
    {
        var end = (int)offset;
        while (bytes[end] != 0)
            end++;
        return Encoding.ASCII.GetString(bytes, (int)offset, end - (int)offset);
    }

    static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
                j++;
            if (j == needle.Length)
                return true;
        }
        return false;
    }
}
