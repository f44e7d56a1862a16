using System.Diagnostics;
using System.Globalization;
using System.Text;
using TpoSim.Web.Hosting;

// Loopback load test: starts the server on 127.0.0.1 (a free port), sends N POST /api/simulate requests from C
// concurrent clients and reports errors, latency percentiles and throughput. Exit 1 when any request fails.
//   dotnet run -c Release --project bench/TpoSim.LoadTest -- [--requests 2000] [--concurrency 16] [--scenario scenarios/default.json]
var requests = Arg("--requests", 2000);
var concurrency = Arg("--concurrency", 16);
var scenarioPath = ArgText("--scenario", null) ?? Path.Combine(FindRoot(), "scenarios", "default.json");
var body = File.ReadAllText(scenarioPath);

var app = TpoSimServer.Build([], "http://127.0.0.1:0");
await app.StartAsync();
var url = app.Urls.First();
using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };

// One warm-up request (JIT, first model build), not counted.
(await client.PostAsync("/api/simulate", Content())).EnsureSuccessStatusCode();

// The machine's state is part of the result: wall-clock figures on a shared machine depend on its load, so the load
// average is printed before and after, with the process's CPU time per request (server and client share the process).
var loadBefore = LoadAverage();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var latencies = new double[requests];
var statuses = new int[requests];
var next = -1;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < requests)
    {
        var t = Stopwatch.StartNew();
        try
        {
            using var response = await client.PostAsync("/api/simulate", Content());
            await response.Content.ReadAsByteArrayAsync();
            statuses[i] = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            statuses[i] = -1;
        }
        latencies[i] = t.Elapsed.TotalMilliseconds;
    }
}));
clock.Stop();
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
var loadAfter = LoadAverage();
await app.StopAsync();

var sorted = latencies.Order().ToArray();
double P(double q) => sorted[Math.Clamp((int)Math.Ceiling(q / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
var errors = statuses.Count(s => s != 200);
string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
Console.WriteLine($"scenario: {Path.GetFileName(scenarioPath)}; {requests} requests, {concurrency} concurrent, {Environment.ProcessorCount} cores, server {url}");
Console.WriteLine($"errors: {errors} ({string.Join(", ", statuses.Where(s => s != 200).GroupBy(s => s).Select(g => $"{g.Count()} × {g.Key}"))})");
Console.WriteLine($"latency ms: p50 {F(P(50))}, p95 {F(P(95))}, p99 {F(P(99))}, max {F(sorted[^1])}");
Console.WriteLine($"throughput: {F(requests / clock.Elapsed.TotalSeconds)} requests/s over {F(clock.Elapsed.TotalSeconds)} s");
Console.WriteLine($"cpu: {F(cpu.TotalMilliseconds / requests)} ms of process CPU per request ({F(cpu.TotalSeconds)} s in all)");
Console.WriteLine($"machine: load average (1 min) {loadBefore} before, {loadAfter} after; {Environment.ProcessorCount} cores");
return errors == 0 ? 0 : 1;

StringContent Content() => new(body, Encoding.UTF8, "application/json");

int Arg(string name, int fallback) => ArgText(name, null) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

string? ArgText(string name, string? fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "TpoSim.slnx"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
