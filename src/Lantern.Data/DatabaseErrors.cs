using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lantern.Data;

/// <summary>Turns driver failures to reach or open a database into one-line messages for users.</summary>
internal static class DatabaseErrors
{
    private const int SqliteCantOpen = 14;
    private const int SqliteReadOnly = 8;
    private const int SqliteNotADatabase = 26;
    private const int SqliteCorrupt = 11;
    private const int SqlitePermission = 3;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;

    /// <summary>A <see cref="DatabaseUnavailableException"/> when <paramref name="exception"/> means
    /// the database cannot be reached or opened; null for any other failure.</summary>
    public static DatabaseUnavailableException? Translate(Exception exception, DbTarget target)
    {
        if (exception is DatabaseUnavailableException)
        {
            return null;
        }

        var message = target.Provider == DbProvider.Postgres ? Postgres(exception, target) : Sqlite(exception, target);
        return message is null ? null : new DatabaseUnavailableException(message, exception);
    }

    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string? Postgres(Exception exception, DbTarget target)
    {
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        var server = $"PostgreSQL on {builder.Host}:{builder.Port}";
        switch (exception)
        {
            case PostgresException pg:
                return pg.SqlState switch
                {
                    PostgresErrorCodes.InvalidPassword => $"{server} refused the password for user '{builder.Username}'.",
                    PostgresErrorCodes.InvalidAuthorizationSpecification => $"{server} refused the login for user '{builder.Username}': {OneLine(pg.MessageText)}",
                    PostgresErrorCodes.InvalidCatalogName => $"{target} does not exist.",
                    PostgresErrorCodes.CannotConnectNow => $"{server} is not accepting connections yet (starting up or shutting down).",
                    PostgresErrorCodes.TooManyConnections => $"{server} has too many connections open.",
                    PostgresErrorCodes.InsufficientPrivilege when pg.Routine?.Contains("Perm", StringComparison.OrdinalIgnoreCase) == true || pg.MessageText.Contains("connect", StringComparison.OrdinalIgnoreCase) =>
                        $"User '{builder.Username}' may not connect to {target}: {OneLine(pg.MessageText)}",
                    _ => null,
                };
            case NpgsqlException npgsql:
                return Network(npgsql, server, builder);
            case TimeoutException:
                return $"Cannot connect to {server}: no answer within {builder.Timeout} seconds.";
            default:
                return null;
        }
    }

    private static string Network(NpgsqlException exception, string server, NpgsqlConnectionStringBuilder builder)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return $"Cannot connect to {server}: the connection was refused (is PostgreSQL running and listening on that port?).";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData }:
                    return $"Cannot connect to PostgreSQL: the host name '{builder.Host}' was not found.";
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                case TimeoutException:
                    return $"Cannot connect to {server}: no answer within {builder.Timeout} seconds.";
                case SocketException { SocketErrorCode: SocketError.HostUnreachable or SocketError.NetworkUnreachable }:
                    return $"Cannot connect to {server}: the host cannot be reached from here.";
                case SocketException socket:
                    return $"Cannot connect to {server}: {OneLine(socket.Message)}";
                default:
                    break;
            }
        }

        return $"Cannot connect to {server}: {OneLine(exception.Message)}";
    }

    private static string? Sqlite(Exception exception, DbTarget target)
    {
        if (exception is not SqliteException sqlite)
        {
            return null;
        }

        return sqlite.SqliteErrorCode switch
        {
            SqliteCantOpen => $"Cannot open the SQLite database {target.FilePath}: the file or its folder cannot be opened or created (check the path and permissions).",
            SqliteReadOnly => $"The SQLite database {target.FilePath} is read-only: Lantern needs to write to the file and its folder.",
            SqlitePermission => $"Permission denied opening the SQLite database {target.FilePath}.",
            SqliteNotADatabase => $"{target.FilePath} is not a SQLite database.",
            SqliteCorrupt => $"The SQLite database {target.FilePath} is damaged (malformed): restore it from a backup.",
            SqliteIoError => $"Cannot read or write the SQLite database {target.FilePath}: disk I/O error.",
            SqliteFull => $"Cannot write the SQLite database {target.FilePath}: the disk is full.",
            _ => null,
        };
    }
}
