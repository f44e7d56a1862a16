using System.CommandLine;
using TpoSim.Web.Hosting;

namespace TpoSim.Cli.Commands;

/// <summary><c>tposim serve [--urls http://127.0.0.1:5080]</c>: the web page and JSON API, on loopback only.</summary>
public static class ServeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Address to listen on; loopback only (127.0.0.1, [::1] or localhost). Several are separated by ';'.",
            DefaultValueFactory = _ => TpoSimServer.DefaultUrl,
        };
        var command = new Command("serve", "Serve the web page (patient, drugs, procedures, charts, comparison, virtual trials, fit and forecast, interpretation, parameters) and its JSON API with an OpenAPI document at /openapi/v1.json, shown at /scalar. Binds loopback only; Ctrl+C stops it.")
        {
            urls,
        };
        command.SetAction(parse => TpoSimServer.Serve(parse.GetValue(urls)!, console.Out, console.Error, console.Cancellation));
        return command;
    }
}
