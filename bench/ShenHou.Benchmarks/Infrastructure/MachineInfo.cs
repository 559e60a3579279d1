using System.Runtime.InteropServices;

namespace ShenHou.Benchmarks.Infrastructure;

/// <summary>What the figures were measured on: they only mean something next to it.</summary>
public sealed record MachineInfo(
    int Cores, string Cpu, double MemoryGiB, string Os, string Kernel, string DotNet, string PostgreSql,
    string GitCommit, DateTimeOffset Date, string LoadAverageAtStart)
{
    public static async Task<MachineInfo> Describe(string repoRoot, string postgresVersion)
    {
        var (_, commit, _) = await Shell.Run("git", "-C", repoRoot, "rev-parse", "--short", "HEAD");
        var (_, dirty, _) = await Shell.Run("git", "-C", repoRoot, "status", "--porcelain", "--untracked-files=no");
        return new MachineInfo(
            Environment.ProcessorCount,
            FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
            Math.Round(double.Parse((FirstValue("/proc/meminfo", "MemTotal") ?? "0 kB").Split(' ')[0]) / 1024 / 1024, 1),
            OsName(),
            Environment.OSVersion.Version.ToString(),
            RuntimeInformation.FrameworkDescription,
            postgresVersion,
            commit.Trim() + (dirty.Trim().Length > 0 ? " (with uncommitted changes)" : ""),
            DateTimeOffset.UtcNow,
            File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "");
    }

    private static string OsName()
    {
        var pretty = FirstValue("/etc/os-release", "PRETTY_NAME", '=');
        return pretty?.Trim('"') ?? RuntimeInformation.OSDescription;
    }

    private static string? FirstValue(string file, string key, char separator = ':')
    {
        if (!File.Exists(file)) return null;
        foreach (var line in File.ReadLines(file))
        {
            var at = line.IndexOf(separator);
            if (at > 0 && line[..at].Trim() == key) return line[(at + 1)..].Trim();
        }
        return null;
    }
}
