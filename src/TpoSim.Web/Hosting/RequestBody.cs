using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace TpoSim.Web.Hosting;

/// <summary>Reads a request body as UTF-8 text under the size cap, whether or not the client sent a Content-Length.</summary>
public static class RequestBody
{
    /// <summary>The 413 for a body over <paramref name="maxBytes"/>.</summary>
    public static ApiException TooLarge(long maxBytes) => new(StatusCodes.Status413PayloadTooLarge, "request too large",
        [new ApiError("$", $"the request body is larger than this server allows; allowed at most {maxBytes} bytes")]);

    /// <summary>The whole body as text; a 413 when it exceeds <see cref="ServerLimits.MaxRequestBytes"/>.</summary>
    public static async Task<string> ReadTextAsync(HttpContext context, ServerLimits limits)
    {
        var max = limits.MaxRequestBytes;
        if (context.Request.ContentLength > max) throw TooLarge(max);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = max;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + n > max) throw TooLarge(max);
            buffer.Write(chunk, 0, n);
        }
        return new UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
