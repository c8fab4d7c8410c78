using System.Text;
using RecycleNet.Core.Input;

namespace RecycleNet.Core.Network.Centrelines;

/// <summary>
/// The encoding of a Shapefile's attributes: what its .cpg names; without one, what the DBF header's language driver
/// byte (offset 29, as ArcGIS and ArcView write it) names; without either, GBK — what Chinese GIS software writes.
/// Only encodings whose text this service can tell apart are read: a driver of another script is refused, not guessed.
/// </summary>
public static class ShapefileEncoding
{
    public const int LanguageDriverOffset = 29;

    public static Encoding Gbk => Encoding.GetEncoding(936);

    /// <summary>The encoding a .cpg names.</summary>
    public static Encoding FromCpg(string name) => name.Trim().ToUpperInvariant() switch
    {
        "UTF-8" or "UTF8" or "65001" => Encoding.UTF8,
        "GBK" or "GB2312" or "CP936" or "936" or "ANSI 936" => Gbk,
        "GB18030" or "54936" => Encoding.GetEncoding(54936),
        "BIG5" or "CP950" or "950" or "ANSI 950" => Encoding.GetEncoding(950),
        _ => throw new FileBudgetException(new($"The .cpg names the encoding '{JsonFieldReader.Clip(name)}', which is not one of UTF-8, GBK (936), GB18030 or Big5 (950).",
            $".cpg 指定的编码“{JsonFieldReader.Clip(name)}”不是 UTF-8、GBK（936）、GB18030 或 Big5（950）之一。")),
    };

    /// <summary>
    /// The encoding a DBF's language driver id names: 0 (none) and 0x57 (ANSI: the writer's system code page, GBK on a
    /// Chinese Windows) leave GBK; 0x4D and 0x7A are GBK, 0x4F and 0x78 Big5, 0x01 and 0x03 code pages 437 and 1252.
    /// </summary>
    public static Encoding FromLanguageDriver(byte id) => id switch
    {
        0x00 or 0x57 or 0x4D or 0x7A => Gbk,
        0x4F or 0x78 => Encoding.GetEncoding(950),
        0x01 => Encoding.GetEncoding(437),
        0x03 => Encoding.GetEncoding(1252),
        _ => throw new FileBudgetException(new(
            $"The .dbf's language driver (byte 29 = 0x{id:X2}) names an encoding this service does not read; add a .cpg naming UTF-8, GBK, GB18030 or Big5.",
            $".dbf 的语言驱动（第 29 字节 = 0x{id:X2}）指定的编码本服务不支持；请在压缩包中加入 .cpg 文件，写明 UTF-8、GBK、GB18030 或 Big5。")),
    };
}
