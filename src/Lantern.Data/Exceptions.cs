namespace Lantern.Data;

/// <summary>The database cannot be reached or opened. <see cref="Exception.Message"/> is one line
/// naming the problem, fit to show a user; the driver's exception is the inner exception.</summary>
public sealed class DatabaseUnavailableException : Exception
{
    public DatabaseUnavailableException()
    {
    }

    public DatabaseUnavailableException(string message)
        : base(message)
    {
    }

    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A bulk write was refused because the database already holds records.</summary>
public sealed class DatabaseNotEmptyException : InvalidOperationException
{
    public DatabaseNotEmptyException()
    {
    }

    public DatabaseNotEmptyException(string message)
        : base(message)
    {
    }

    public DatabaseNotEmptyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The database exists but its schema is not the one this version of Lantern expects.</summary>
public sealed class DatabaseNotMigratedException : InvalidOperationException
{
    public DatabaseNotMigratedException()
    {
    }

    public DatabaseNotMigratedException(string message)
        : base(message)
    {
    }

    public DatabaseNotMigratedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A bulk write failed and was rolled back: nothing was written. The message names the
/// table and the problem; the driver's exception is the inner exception.</summary>
public sealed class AuthorityWriteException : Exception
{
    public AuthorityWriteException()
    {
    }

    public AuthorityWriteException(string message)
        : base(message)
    {
    }

    public AuthorityWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Something tried to change or delete a completed case note; a correction is a new note.</summary>
public sealed class CompletedNoteException : InvalidOperationException
{
    public CompletedNoteException()
    {
    }

    public CompletedNoteException(string message)
        : base(message)
    {
    }

    public CompletedNoteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CompletedNoteException(long noteId)
        : base($"Case note {noteId} is completed and cannot be changed or deleted; record a correction instead.")
    {
    }
}
