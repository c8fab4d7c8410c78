using System.Buffers.Binary;
using RecycleNet.Core.Input;

namespace RecycleNet.Core.Network.Centrelines;

/// <summary>
/// Walks a Shapefile's .shp and .dbf headers and record structure before a reader allocates from them: every count
/// (parts, points, records, fields) must fit in the bytes the file has, every part index must lie in its record, and
/// the totals stay inside the budget. A record that says numParts = 0x7fffffff in a 1 KB file is refused here, not
/// allocated. O(records) reads of a few bytes each; the coordinates themselves are not read.
/// </summary>
public static class ShapefileGuard
{
    /// <summary>Checks the .shp; returns its record and vertex counts. Throws <see cref="FileBudgetException"/>.</summary>
    public static (int Records, long Vertices) CheckShp(Stream shp, CentrelineLimits limits, ReadDeadline deadline)
    {
        var length = shp.Length;
        if (length < 100) throw Bad($"the .shp is {length} bytes, shorter than its 100-byte header", $".shp 只有 {length} 字节，比 100 字节的文件头还短");
        shp.Position = 0;
        var header = new byte[100];
        shp.ReadExactly(header);
        if (BinaryPrimitives.ReadInt32BigEndian(header) != 9994) throw Bad("the .shp does not start with the Shapefile code 9994", ".shp 不以 Shapefile 标识 9994 开头");
        var records = 0;
        long vertices = 0;
        long at = 100;
        var recordHeader = new byte[8];
        var counts = new byte[44];
        while (at < length)
        {
            if ((records & 1023) == 0) deadline.Check();
            if (length - at < 8) throw Bad($"the .shp ends inside a record header at byte {at}", $".shp 在第 {at} 字节的记录头中结束");
            shp.Position = at;
            shp.ReadExactly(recordHeader);
            var content = 2L * BinaryPrimitives.ReadInt32BigEndian(recordHeader.AsSpan(4));
            if (content < 4 || content > length - at - 8)
                throw Bad($"record {records + 1} of the .shp says it holds {content} bytes, but the file has {length - at - 8} left",
                    $".shp 第 {records + 1} 条记录声称有 {content} 字节，但文件只剩 {length - at - 8} 字节");
            if (++records > limits.MaxLines)
                throw Bad($"the .shp holds more than {limits.MaxLines:N0} records, the limit", $".shp 的记录超过 {limits.MaxLines:N0} 条的上限");
            var n = (int)Math.Min(content, counts.Length);
            shp.ReadExactly(counts.AsSpan(0, n));
            var type = BinaryPrimitives.ReadInt32LittleEndian(counts);
            long points = type switch
            {
                0 => 0,
                1 or 11 or 21 => Need(content, 20, records, 1),
                3 or 5 or 13 or 15 or 23 or 25 or 31 => Parts(shp, at + 8, content, counts, records, type == 31 ? 8 : 4),
                8 or 18 or 28 => MultiPoint(content, counts, records),
                _ => throw Bad($"record {records} of the .shp has shape type {type}, which is not a Shapefile type", $".shp 第 {records} 条记录的几何类型 {type} 不是 Shapefile 类型"),
            };
            vertices += points;
            limits.CheckVertices(vertices);
            at += 8 + content;
        }
        return (records, vertices);
    }

    private static long Need(long content, long need, int record, long points) => content >= need ? points
        : throw Bad($"record {record} of the .shp needs {need} bytes for its shape but holds {content}", $".shp 第 {record} 条记录的几何需要 {need} 字节，实际只有 {content} 字节");

    /// <summary>A polyline, polygon or multipatch: bbox, numParts, numPoints, the part starts, the points (<paramref name="perPart"/>: 8 with part types).</summary>
    private static long Parts(Stream shp, long contentAt, long content, byte[] counts, int record, int perPart)
    {
        Need(content, 44, record, 0);
        var parts = BinaryPrimitives.ReadInt32LittleEndian(counts.AsSpan(36));
        var points = BinaryPrimitives.ReadInt32LittleEndian(counts.AsSpan(40));
        if (parts < 0 || points < 0 || (points > 0 && parts == 0) || parts > points)
            throw Bad($"record {record} of the .shp says {parts} parts of {points} points", $".shp 第 {record} 条记录声称 {parts} 个部分、{points} 个点，不合规");
        Need(content, 44 + (long)perPart * parts + 16L * points, record, 0);
        // The part starts: each within the record's points and in order, so no reader indexes past them.
        var starts = new byte[4 * Math.Min(parts, 4096)];
        var previous = -1;
        shp.Position = contentAt + 44;
        for (var read = 0; read < parts;)
        {
            var chunk = Math.Min(parts - read, starts.Length / 4);
            shp.ReadExactly(starts.AsSpan(0, 4 * chunk));
            for (var i = 0; i < chunk; i++)
            {
                var start = BinaryPrimitives.ReadInt32LittleEndian(starts.AsSpan(4 * i));
                if (start <= previous || start >= points || (read + i == 0 && start != 0))
                    throw Bad($"record {record} of the .shp has part {read + i} starting at point {start} of {points}", $".shp 第 {record} 条记录的第 {read + i} 部分起点 {start} 不在 {points} 个点之内");
                previous = start;
            }
            read += chunk;
        }
        return points;
    }

    private static long MultiPoint(long content, byte[] counts, int record)
    {
        Need(content, 40, record, 0);
        var points = BinaryPrimitives.ReadInt32LittleEndian(counts.AsSpan(36));
        if (points < 0) throw Bad($"record {record} of the .shp says {points} points", $".shp 第 {record} 条记录声称 {points} 个点");
        return Need(content, 40 + 16L * points, record, points);
    }

    /// <summary>Checks the .dbf header: its records and fields fit in the file, within the budget.</summary>
    public static void CheckDbf(Stream dbf, CentrelineLimits limits)
    {
        var length = dbf.Length;
        if (length < 33) throw Bad($"the .dbf is {length} bytes, shorter than a table header", $".dbf 只有 {length} 字节，比表头还短");
        dbf.Position = 0;
        var header = new byte[32];
        dbf.ReadExactly(header);
        var records = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8));
        var recordLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(10));
        if (records > limits.MaxLines) throw Bad($"the .dbf says {records:N0} records; at most {limits.MaxLines:N0} are read", $".dbf 声称 {records:N0} 条记录；最多读取 {limits.MaxLines:N0} 条");
        if (headerLength < 33 || headerLength > length || recordLength < 1)
            throw Bad($"the .dbf's header says {headerLength} header bytes and {recordLength}-byte records in a {length}-byte file", $".dbf 文件头声称表头 {headerLength} 字节、每条记录 {recordLength} 字节，与 {length} 字节的文件不符");
        if (headerLength + (long)records * recordLength > length)
            throw Bad($"the .dbf says {records:N0} records of {recordLength} bytes, more than its {length:N0} bytes hold", $".dbf 声称 {records:N0} 条 {recordLength} 字节的记录，超出文件的 {length:N0} 字节");
        // The field descriptors (32 bytes each, up to the 0x0D terminator): their widths must fit in a record.
        var fields = new byte[headerLength - 32];
        dbf.ReadExactly(fields);
        long width = 1; // the deletion flag
        for (var i = 0; i + 32 <= fields.Length && fields[i] != 0x0D; i += 32) width += fields[i + 16];
        if (width > recordLength)
            throw Bad($"the .dbf's fields are {width} bytes wide but its records {recordLength}", $".dbf 的字段共 {width} 字节宽，但记录只有 {recordLength} 字节");
    }

    private static FileBudgetException Bad(string en, string zh) => new(new(en, zh));
}
