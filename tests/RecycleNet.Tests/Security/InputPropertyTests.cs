using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using RecycleNet.Core.Export;
using RecycleNet.Core.Input;

namespace RecycleNet.Tests.Security;

/// <summary>Properties of the input rules over generated values (FsCheck, a fixed seed so every run checks the same cases).</summary>
public class InputPropertyTests
{
    private static readonly Config Seeded = Config.QuickThrowOnFailure.WithMaxTest(500).WithReplay(20261130UL, 1UL);

    private static bool Forbidden(char c) => c < 0x20 || c is >= '\u007F' and <= '\u009F' || TextRules.IsBidiControl(c);

    [Fact]
    public void The_text_rule_refuses_exactly_control_bidi_and_unpaired_surrogate_text() =>
        Prop.ForAll<string>(s =>
        {
            s ??= "";
            var bad = s.Any(Forbidden) || !IsWellFormed(s);
            return (TextRules.Check(s) is not null) == bad;
        }).Check(Seeded);

    [Fact]
    public void A_member_given_twice_is_refused_at_its_own_path() =>
        Prop.ForAll<Dictionary<string, int>, int>((members, pick) =>
        {
            var clean = members.Where(kv => kv.Key is not null && IsWellFormed(kv.Key)).ToDictionary();
            if (clean.Count == 0) return true;
            var twice = clean.Keys.ElementAt(Math.Abs(pick % clean.Count));
            var json = JsonSerializer.Serialize(new { inner = clean });
            // Insert the same member again at the start of the inner object.
            json = json.Replace("{\"inner\":{", "{\"inner\":{" + JsonSerializer.Serialize(twice) + ":0,");
            try { using var _ = StrictJson.Parse(Encoding.UTF8.GetBytes(json)); return false; }
            catch (JsonInputException e) { return e.Path == $"$.inner.{twice}" && e.Rule.Contains("twice"); }
        }).Check(Seeded);

    [Fact]
    public void Valid_JSON_with_unique_members_is_taken_whole() =>
        Prop.ForAll<Dictionary<string, string>>(members =>
        {
            var clean = members.Where(kv => kv.Key is not null && IsWellFormed(kv.Key) && (kv.Value is null || IsWellFormed(kv.Value))).ToDictionary();
            var bytes = JsonSerializer.SerializeToUtf8Bytes(clean);
            using var doc = StrictJson.Parse(bytes);
            return doc.RootElement.EnumerateObject().Count() == clean.Count;
        }).Check(Seeded);

    [Fact]
    public void A_byte_that_is_never_UTF8_is_named_at_its_offset() =>
        Prop.ForAll<string, int>((text, at) =>
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new { name = IsWellFormed(text ?? "") ? text : "x" }).ToList();
            var offset = 1 + Math.Abs(at % (bytes.Count - 1));
            // Step back to the start of a UTF-8 sequence, so the inserted byte is the first bad one.
            while ((bytes[offset] & 0xC0) == 0x80) offset--;
            bytes.Insert(offset, 0xFF);
            try { using var _ = StrictJson.Parse(bytes.ToArray()); return false; }
            catch (JsonInputException e) { return e.Path == "$" && e.Rule.Contains($"offset {offset})"); }
        }).Check(Seeded);

    [Fact]
    public void No_exported_text_opens_as_a_formula() =>
        Prop.ForAll<string>(s =>
        {
            s ??= "";
            var safe = SpreadsheetText.Safe(s);
            return (safe == s || safe == "'" + s) && !(safe.Length > 0 && safe[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
        }).Check(Seeded);

    private static bool IsWellFormed(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }
}
