using System.ComponentModel;
using System.Text.Json;
using RecycleNet.Core.Import;
using RecycleNet.Core.Input;

namespace RecycleNet.Core.Enterprises;

[Description("An enterprise as written: name and unified social credit code required. id, version and source are read-only: " +
    "they may be sent back as read, and are ignored (If-Match carries the version).")]
public sealed record EnterpriseBody(long? Id, string Name, string CreditCode, bool? MofcomRegistered, int? DirectOutletCount, long? Version, string? Source);

/// <summary>An enterprise as a form gives it, before the store checks its rules (null: not given).</summary>
public sealed record EnterpriseInput(string? Name, string? CreditCode, bool? MofcomRegistered, int? DirectOutletCount)
{
    /// <summary>
    /// An enterprise body read by the strict field reader: only <see cref="EnterpriseBody"/>'s members, each of its type;
    /// what is wrong is named by field in both languages, as the store's own rules (credit code, uniqueness) are.
    /// </summary>
    public static (EnterpriseInput Input, IReadOnlyList<ImportError> Errors) Read(JsonElement body)
    {
        var r = new JsonFieldReader();
        r.OnlyKnown(body, "", Fields.Of<EnterpriseBody>());
        var input = new EnterpriseInput(r.Text(body, "", "name"), r.Text(body, "", "creditCode", 18),
            r.Flag(body, "", "mofcomRegistered"), r.Count(body, "", "directOutletCount"));
        return (input, [.. r.Errors.Select(e => new ImportError(null, e.Field, e.Rule, e.RuleZh))]);
    }
}
