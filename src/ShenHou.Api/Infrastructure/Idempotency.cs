using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using ShenHou.Api.Cases;
using Weasel.Postgresql.Tables;

namespace ShenHou.Api.Infrastructure;

/// <summary>
/// <c>Idempotency-Key</c> on the POSTs under <c>/api/cases</c>: the first request with a key (per
/// authenticated user) runs and its answer is kept; a repeat with the same method, path and body
/// gets that answer again (<c>Idempotent-Replayed: true</c>) and writes nothing; the same key with
/// another request is 422, and a repeat while the first still runs is 409. Answers that a retry
/// might change (5xx, 429, a stale-version 409, an exception) are not kept: the key is freed.
/// </summary>
internal static class Idempotency
{
    public const string KeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const string TableName = "idempotency_keys";
    private const string Qualified = $"{CaseNumbers.Schema}.{TableName}";

    public static Table Table()
    {
        var table = new Table(Qualified);
        table.AddColumn<string>("scope").AsPrimaryKey();
        table.AddColumn<string>("key").AsPrimaryKey();
        table.AddColumn<string>("fingerprint").NotNull();
        table.AddColumn("status", "integer");
        table.AddColumn("content_type", "text");
        table.AddColumn("body", "bytea");
        table.AddColumn("created_at", "timestamp with time zone").NotNull().DefaultValueByExpression("now()");
        return table;
    }

    public static void UseShenHouIdempotency(this WebApplication app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments("/api/cases")
            || !request.Headers.TryGetValue(KeyHeader, out var values))
        {
            await next();
            return;
        }
        var key = values.ToString();
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            await Write(context, Problems.Validation(KeyHeader,
                "幂等键须为1至200个字符 / the Idempotency-Key must be 1 to 200 characters"));
            return;
        }
        // Keys are per user: two clerks may pick the same key without meeting.
        var scope = Access.StaffMember.UserIdOf(context.User) ?? "anonymous";
        var fingerprint = await Fingerprint(request, context.RequestAborted);
        var db = context.RequestServices.GetRequiredService<NpgsqlDataSource>();
        var ct = context.RequestAborted;

        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using (var insert = db.CreateCommand(
                $"insert into {Qualified} (scope, key, fingerprint) values ($1, $2, $3) on conflict (scope, key) do nothing"))
            {
                Add(insert, scope, key, fingerprint);
                if (await insert.ExecuteNonQueryAsync(ct) == 1)
                {
                    await RunAndKeep(context, next, db, scope, key);
                    return;
                }
            }
            await using var select = db.CreateCommand(
                $"select fingerprint, status, content_type, body from {Qualified} where scope = $1 and key = $2");
            Add(select, scope, key);
            await using var row = await select.ExecuteReaderAsync(ct);
            if (!await row.ReadAsync(ct)) continue; // freed meanwhile: try to take it
            if (row.GetString(0) != fingerprint)
            {
                await Write(context, Problem(StatusCodes.Status422UnprocessableEntity, "幂等键冲突 / Idempotency-Key reused",
                    "同一幂等键用于不同请求 / the Idempotency-Key was used for a different request", "idempotency-key-reused"));
                return;
            }
            if (row.IsDBNull(1)) break;
            context.Response.StatusCode = row.GetInt32(1);
            if (!row.IsDBNull(2)) context.Response.ContentType = row.GetString(2);
            context.Response.Headers[ReplayedHeader] = "true";
            var body = row.IsDBNull(3) ? [] : (byte[])row.GetValue(3);
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, ct);
            return;
        }
        await Write(context, Problem(StatusCodes.Status409Conflict, "状态冲突 / Conflict with the case's state",
            "使用此幂等键的请求仍在处理中，请稍后重试 / a request with this Idempotency-Key is still being processed; retry later",
            "idempotency-key-in-progress"));
    });

    /// <summary>Runs the request into a buffer; keeps the answer or frees the key; then sends it.</summary>
    private static async Task RunAndKeep(HttpContext context, Func<Task> next, NpgsqlDataSource db, string scope, string key)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        Exception? failure = null;
        try
        {
            await next();
        }
        catch (Exception e)
        {
            failure = e;
        }
        // Problems the exception handler maps (a case rule's 409, a 404) are answers to keep, so map them here.
        if (failure is not null && !context.Response.HasStarted)
        {
            context.Response.Clear();
            foreach (var handler in context.RequestServices.GetServices<IExceptionHandler>())
                if (await handler.TryHandleAsync(context, failure, CancellationToken.None)) { failure = null; break; }
        }
        context.Response.Body = original;
        var status = context.Response.StatusCode;
        var keep = failure is null && status is >= 200 and < 300 or >= 400 and < 500
            && status != StatusCodes.Status429TooManyRequests
            && !(status == StatusCodes.Status409Conflict && Rule(buffer) == "stale-version");
        await using (var command = db.CreateCommand(keep
            ? $"update {Qualified} set status = $3, content_type = $4, body = $5 where scope = $1 and key = $2"
            : $"delete from {Qualified} where scope = $1 and key = $2"))
        {
            Add(command, scope, key);
            if (keep) Add(command, status, (object?)context.Response.ContentType ?? DBNull.Value, buffer.ToArray());
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task<string> Fingerprint(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0) hash.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static string? Rule(MemoryStream buffer)
    {
        try
        {
            using var json = JsonDocument.Parse(buffer.ToArray());
            return json.RootElement.TryGetProperty("rule", out var rule) ? rule.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static void Add(NpgsqlCommand command, params object[] values)
    {
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
    }

    private static ProblemDetails Problem(int status, string title, string detail, string rule) => new()
    {
        Status = status, Title = title, Detail = detail, Extensions = { ["rule"] = rule },
    };

    private static async Task Write(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status!.Value;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
