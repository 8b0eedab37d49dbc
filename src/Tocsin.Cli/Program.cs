using System.CommandLine;
using Tocsin.Cli;

return TocsinCommand.Run(args, Console.Out, Console.Error);
