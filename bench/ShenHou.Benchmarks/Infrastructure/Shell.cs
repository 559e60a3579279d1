using System.Diagnostics;

namespace ShenHou.Benchmarks.Infrastructure;

/// <summary>Runs a program to its end and collects what it printed.</summary>
public static class Shell
{
    public static async Task<(int Code, string Stdout, string Stderr)> Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
