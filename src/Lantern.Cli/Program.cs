using Lantern.Cli;

return await LanternApp.RunAsync(args);
