using Spectre.Console;

namespace Lantern.Cli.Tests;

internal sealed record CliResult(int ExitCode, string Output);

internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        var code = await LanternApp.RunAsync(args, console);
        return new CliResult(code, writer.ToString());
    }
}
