using System.Buffers.Binary;

namespace Lantern.Returns.AnnexA;

/// <summary>
/// Sets the modification time of every entry of a zip package (an xlsx) to one fixed date. The xlsx
/// writer stamps each part with the time it was written, which is all that differs between two
/// workbooks of the same data; with the stamp fixed, the same data and date give the same bytes.
/// </summary>
internal static class ZipTimestamps
{
    private const uint EndOfCentralDirectory = 0x06054b50;
    private const uint CentralDirectoryEntry = 0x02014b50;
    private const uint LocalFileHeader = 0x04034b50;

    /// <summary>Stamps every entry of <paramref name="zip"/> (a whole archive, changed in place) with
    /// midnight at the start of <paramref name="date"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a zip archive this can read.</exception>
    public static void Fix(Span<byte> zip, DateOnly date)
    {
        var dosDate = (ushort)(((Math.Clamp(date.Year, 1980, 2107) - 1980) << 9) | (date.Month << 5) | date.Day);
        var end = FindEnd(zip);
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(zip[(end + 10)..]);
        var at = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip[(end + 16)..]);
        for (var i = 0; i < entries; i++)
        {
            Expect(zip, at, CentralDirectoryEntry);
            Stamp(zip[(at + 12)..], dosDate);
            var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip[(at + 42)..]);
            Expect(zip, local, LocalFileHeader);
            Stamp(zip[(local + 10)..], dosDate);
            at += 46 + BinaryPrimitives.ReadUInt16LittleEndian(zip[(at + 28)..])
                + BinaryPrimitives.ReadUInt16LittleEndian(zip[(at + 30)..])
                + BinaryPrimitives.ReadUInt16LittleEndian(zip[(at + 32)..]);
        }
    }

    private static void Stamp(Span<byte> timeAndDate, ushort dosDate)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(timeAndDate, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(timeAndDate[2..], dosDate);
    }

    private static int FindEnd(ReadOnlySpan<byte> zip)
    {
        for (var i = zip.Length - 22; i >= 0 && i >= zip.Length - 22 - ushort.MaxValue; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip[i..]) == EndOfCentralDirectory)
            {
                return i;
            }
        }

        throw new InvalidDataException("The workbook is not a zip archive: it has no end of central directory.");
    }

    private static void Expect(ReadOnlySpan<byte> zip, int at, uint signature)
    {
        if (at < 0 || at + 46 > zip.Length || BinaryPrimitives.ReadUInt32LittleEndian(zip[at..]) != signature)
        {
            throw new InvalidDataException("The workbook's zip directory is not as expected.");
        }
    }
}
