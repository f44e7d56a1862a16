using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;

namespace TpoSim.Web.Hosting;

/// <summary>
/// Turns every failure into a JSON error body: <see cref="ApiException"/> keeps its status and problems, a body over
/// the size cap is a 413, a client that went away gets nothing (its work was cancelled), anything else is a 500 with
/// no stack trace or exception text.
/// </summary>
public sealed class ErrorHandling(RequestDelegate next, ILogger<ErrorHandling> log)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Runs the rest of the pipeline and answers for its failures.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ApiException e)
        {
            await Write(context, e.Body);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var max = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            await Write(context, RequestBody.TooLarge(max ?? 0).Body);
        }
        catch (BadHttpRequestException e) when (BindingError(e.Message) is { } error)
        {
            await Write(context, new ApiErrorBody(StatusCodes.Status400BadRequest, "invalid request", [error]));
        }
        catch (BadHttpRequestException e)
        {
            await Write(context, new ApiErrorBody(e.StatusCode, "bad request", [new ApiError("$", "the request could not be read")]));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client disconnected: its computation has been cancelled through RequestAborted; nobody to answer.
            log.LogInformation("{Method} {Path}: client disconnected, work cancelled", context.Request.Method, context.Request.Path);
        }
        catch (Exception e)
        {
            log.LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            await Write(context, new ApiErrorBody(StatusCodes.Status500InternalServerError, "internal error",
                [new ApiError("$", "internal error; please report it with the request that caused it")]));
        }
    }

    /// <summary>
    /// The error for a query value ASP.NET Core could not bind to its parameter ("Failed to bind parameter \"int? weeks\"
    /// from \"abc\"."): "?weeks: 'abc' is not a whole number"; null for any other bad request.
    /// </summary>
    internal static ApiError? BindingError(string message)
    {
        var m = Regex.Match(message, "^Failed to bind parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\" from \"(?<value>[^\"]*)\"");
        if (!m.Success) return null;
        var type = m.Groups["type"].Value.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('?', '>');
        var expected = type switch
        {
            "int" or "long" or "Int32" or "Int64" => "a whole number",
            "double" or "float" or "Double" or "Single" => "a number",
            "bool" or "Boolean" => "true or false",
            _ => $"a value of type {type}",
        };
        return new ApiError("?" + m.Groups["name"].Value, $"'{m.Groups["value"].Value}' is not {expected}");
    }

    /// <summary>Writes <paramref name="body"/> as the response, unless the response has already started.</summary>
    public static async Task Write(HttpContext context, ApiErrorBody body)
    {
        if (context.Response.HasStarted) return;
        var retryAfter = context.Response.Headers.RetryAfter; // set by the queue's 429 before the body is written
        context.Response.Clear();
        if (body.Status == StatusCodes.Status429TooManyRequests && retryAfter.Count > 0) context.Response.Headers.RetryAfter = retryAfter;
        context.Response.StatusCode = body.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
