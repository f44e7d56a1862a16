using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using TpoSim.Web.Api;
using TpoSim.Web.Jobs;

namespace TpoSim.Web.Hosting;

/// <summary>
/// Builds and runs the web app of <c>tposim serve</c>: the page (embedded static files), the JSON API with its OpenAPI
/// document (<c>/openapi/v1.json</c>, shown by Scalar at <c>/scalar</c>), the caps of <see cref="ServerLimits"/> and
/// a bounded queue. It listens on loopback only.
/// </summary>
public static class TpoSimServer
{
    /// <summary>Default address.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Rate-limiter policy of the synchronous compute endpoints (a concurrency limit with a bounded queue).</summary>
    public const string ComputePolicy = "compute";

    /// <summary>
    /// Checks that every URL binds a loopback address (127.0.0.1, [::1] or localhost) over http; returns the problem, or
    /// null. The server runs simulations for whoever reaches it, so it never listens on other interfaces.
    /// </summary>
    public static string? CheckLoopback(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "http")
                return $"--urls: '{url}' is not an http URL; allowed: http://127.0.0.1:PORT (loopback only)";
            var loopback = uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback) return $"--urls: '{url}' is not a loopback address; allowed: http://127.0.0.1:PORT or http://[::1]:PORT (the server binds loopback only)";
        }
        return null;
    }

    /// <summary>Builds the app. <paramref name="configure"/> may adjust the builder (tests use it for limits).</summary>
    public static WebApplication Build(string[] args, string urls = DefaultUrl, Action<WebApplicationBuilder>? configure = null)
    {
        // ErrorHandling is the first middleware and answers for every exception, so no developer page or stack trace
        // ever reaches a response, whatever the environment; static files and data are found next to the assembly.
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls(urls);
        Configure(builder);
        configure?.Invoke(builder);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    /// <summary>Registers the services (limits, rate limiter, jobs, OpenAPI) on a builder.</summary>
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<ServerLimits>(builder.Configuration.GetSection(ServerLimits.Section));
        // A query value that does not bind (?weeks=abc) is thrown rather than answered with a bare 400, so ErrorHandling
        // can name the parameter and the value in the usual error body.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var limits = new ServerLimits();
            context.Configuration.GetSection(ServerLimits.Section).Bind(limits);
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(ComputePolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<ServerLimits>>().Value;
                return RateLimitPartition.GetConcurrencyLimiter("all", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = Math.Max(1, limits.ComputeConcurrency),
                    QueueLimit = Math.Max(0, limits.ComputeQueue),
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
            options.OnRejected = async (rejected, _) =>
            {
                var limits = rejected.HttpContext.RequestServices.GetRequiredService<IOptions<ServerLimits>>().Value;
                rejected.HttpContext.Response.Headers.RetryAfter = limits.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await ErrorHandling.Write(rejected.HttpContext, Busy(limits.ComputeConcurrency + limits.ComputeQueue, "computations"));
            };
        });
        builder.Services.AddSingleton<PopulationJobs>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PopulationJobs>());
        builder.Services.AddSingleton(DataFiles.FromBaseDirectory());
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "TpoSim API";
            document.Info.Version = typeof(TpoSimServer).Assembly.GetName().Version?.ToString(3) ?? "0";
            document.Info.Description = "The JSON API of `tposim serve`: simulate scenarios, run virtual trials as background jobs, fit a patient's history, forecast regimens, read a (platelets, TPO) pair, ask what drives a scenario's endpoints (local sensitivities), and list conditions, drugs, parameters and trial files. Research and teaching tool; not for clinical decisions.";
            return Task.CompletedTask;
        }));
    }

    /// <summary>The 429 body for a full queue.</summary>
    public static ApiErrorBody Busy(int capacity, string what) => new(StatusCodes.Status429TooManyRequests, "server busy",
        [new ApiError("$", $"the server's queue of {what} is full ({capacity}); retry after the Retry-After delay")]);

    /// <summary>Adds the middleware and endpoints.</summary>
    public static void ConfigurePipeline(WebApplication app)
    {
        app.UseMiddleware<ErrorHandling>();
        app.UseStatusCodePages(async status =>
        {
            var context = status.HttpContext;
            if (context.Request.Path.StartsWithSegments("/api"))
                await ErrorHandling.Write(context, context.Response.StatusCode switch
                {
                    StatusCodes.Status404NotFound => new ApiErrorBody(404, "not found", [new ApiError("$", $"no endpoint {context.Request.Method} {context.Request.Path}; /openapi/v1.json lists them")]),
                    StatusCodes.Status405MethodNotAllowed => new ApiErrorBody(405, "method not allowed", [new ApiError("$", $"{context.Request.Path} does not take {context.Request.Method}; /openapi/v1.json lists its methods")]),
                    StatusCodes.Status415UnsupportedMediaType => new ApiErrorBody(415, "unsupported media type", [new ApiError("$", $"Content-Type '{context.Request.ContentType}' is not accepted here; send application/json (a scenario or request object) or text/csv (a patient history)")]),
                    var code => new ApiErrorBody(code, "error", [new ApiError("$", $"{context.Request.Method} {context.Request.Path} answered {code}")]),
                });
        });
        var files = new EmbeddedFileProvider(typeof(TpoSimServer).Assembly, "TpoSim.Web.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("TpoSim API").DisableDefaultFonts());
        SimulateEndpoints.Map(app);
        CatalogEndpoints.Map(app);
        InterpretEndpoints.Map(app);
        FitEndpoints.Map(app);
        PopulationEndpoints.Map(app);
        SensitivityEndpoints.Map(app);
    }

    /// <summary>
    /// <c>tposim serve [--urls URL]</c>: checks the address is loopback, starts the server and prints where it listens.
    /// Returns 2 for a bad address, 0 when stopped.
    /// </summary>
    public static int RunCommandLine(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var urls = DefaultUrl;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--urls" && i + 1 < args.Length) urls = args[++i];
            else if (args[i].StartsWith("--urls=", StringComparison.Ordinal)) urls = args[i]["--urls=".Length..];
        }
        return Serve(urls, stdout, stderr);
    }

    /// <summary>Serves on <paramref name="urls"/> until stopped (Ctrl+C).</summary>
    public static int Serve(string urls, TextWriter stdout, TextWriter stderr, CancellationToken stop = default)
    {
        if (CheckLoopback(urls) is { } problem)
        {
            stderr.WriteLine($"tposim: {problem}");
            return 2;
        }
        var app = Build([], urls);
        try
        {
            app.StartAsync(stop).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            stderr.WriteLine($"tposim: --urls: cannot listen on {urls}: {e.Message}");
            return 2;
        }
        foreach (var address in app.Urls) stdout.WriteLine($"TpoSim is serving on {address} (the page; the API is under /api, documented at /scalar). Ctrl+C stops it.");
        app.WaitForShutdownAsync(stop).GetAwaiter().GetResult();
        return 0;
    }
}
