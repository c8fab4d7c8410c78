using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace RecycleNet.Api.Http;

/// <summary>
/// Query and route values the framework binds (?wait=maybe, a tile's z=abc) fail with BadHttpRequestException. They
/// are thrown (not silently answered with an empty 400), mapped to their own 4xx by the exception handler, and their
/// problem+json names the parameter like every other refusal here.
/// </summary>
public static partial class BindingProblems
{
    public static void AddBindingProblems(this IServiceCollection services)
    {
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            if (ctx.Exception is not BadHttpRequestException bad) return;
            ctx.ProblemDetails.Status = bad.StatusCode;
            ctx.ProblemDetails.Title = "The request could not be read";
            ctx.ProblemDetails.Detail = bad.Message;
            ctx.ProblemDetails.Type = "urn:recyclenet:problem:invalid-parameter";
            var field = Parameter().Match(bad.Message) is { Success: true } m ? m.Groups["name"].Value : "request";
            ctx.ProblemDetails.Extensions["field"] = field;
            ctx.ProblemDetails.Extensions["detailZh"] = $"参数“{field}”的值无法读取：{bad.Message}";
        });
    }

    public static IApplicationBuilder UseRecycleNetExceptionHandler(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            // A client's bad parameter is not the service's error: no error-level log line (and no log flood) for it.
            SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
        });

    // 'Failed to bind parameter "bool? wait" from "maybe".' / 'Required parameter "int z" was not provided ...'
    [GeneratedRegex("parameter \"(?:[^\"]*\\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex Parameter();
}
