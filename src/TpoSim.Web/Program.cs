using TpoSim.Web.Hosting;

// `dotnet run --project src/TpoSim.Web` starts the same server as `tposim serve`.
return TpoSimServer.RunCommandLine(args, Console.Out, Console.Error);
