namespace Lantern.TestCommon;

/// <summary>The database providers Lantern supports; data tests run once for each.</summary>
public enum Provider
{
    Sqlite,
    Postgres,
}
