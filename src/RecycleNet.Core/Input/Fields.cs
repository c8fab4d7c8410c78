using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecycleNet.Core.Input;

// A body the service reads is a record: the OpenAPI document describes it (.Accepts<T>) and its reader takes exactly
// its members (Fields.Of<T>), so what is documented and what is accepted cannot drift apart.

/// <summary>The member names of a body type as they appear in JSON (camelCase).</summary>
public static class Fields
{
    public static string[] Of<T>() => Cache<T>.Names;

    private static class Cache<T>
    {
        public static readonly string[] Names = [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name))];
    }
}
