using System.Text.RegularExpressions;

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
            if (ctx.Exception is not BadHttpRequestException bad)
            {
                StatusOnly(ctx);
                return;
            }
            ctx.ProblemDetails.Status = bad.StatusCode;
            ctx.ProblemDetails.Title = "The request could not be read";
            ctx.ProblemDetails.Detail = bad.Message;
            ctx.ProblemDetails.Type = "urn:recyclenet:problem:invalid-parameter";
            var field = Parameter().Match(bad.Message) is { Success: true } m ? m.Groups["name"].Value : "request";
            ctx.ProblemDetails.Extensions["field"] = field;
            ctx.ProblemDetails.Extensions["detailZh"] = $"参数“{field}”的值无法读取：{bad.Message}";
        });
    }

    /// <summary>
    /// An answer with a status and no body of its own (no route matched, a method the route does not take, the service's
    /// own failure): the status code pages write it as problem+json, here named in both languages.
    /// </summary>
    private static void StatusOnly(ProblemDetailsContext ctx)
    {
        if (ctx.ProblemDetails.Extensions.ContainsKey("detailZh")) return;
        var path = ctx.HttpContext.Request.PathBase + ctx.HttpContext.Request.Path;
        var shown = path.Value is { Length: > 80 } long_ ? long_[..80] + "…" : path.Value;
        (string En, string Zh)? text = ctx.ProblemDetails.Status switch
        {
            404 => ($"There is no resource at {shown}; GET / lists the service's routes.", $"地址 {shown} 不存在；GET / 列出本服务的全部地址。"),
            405 => ($"{shown} does not take {ctx.HttpContext.Request.Method}.", $"地址 {shown} 不接受 {ctx.HttpContext.Request.Method} 请求。"),
            406 => ("None of the formats the request accepts is offered here.", "本地址不提供请求所接受的格式。"),
            415 => ("The body's Content-Type is not accepted here.", "本地址不接受该请求体类型（Content-Type）。"),
            500 => ("The service failed; the failure is logged.", "服务出错，已记录在日志中。"),
            _ => null,
        };
        if (text is not { } t) return;
        ctx.ProblemDetails.Detail ??= t.En;
        ctx.ProblemDetails.Extensions["detailZh"] = t.Zh;
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
