using TpoSim.Cli;

using var interrupt = CliInterrupt.Install(Console.Error);
return CliApp.Run(args, Console.Out, Console.Error, interrupt);
