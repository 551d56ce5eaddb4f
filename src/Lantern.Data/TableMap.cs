using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Lantern.Domain.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Lantern.Data;

/// <summary>One column of a table, read from the EF Core model: its name, its type mapping
/// (with the value converter) and compiled accessors, so the bulk paths store exactly what EF Core would.</summary>
internal sealed class ColumnMap
{
    public required string Name { get; init; }

    public required IProperty Property { get; init; }

    public required RelationalTypeMapping Mapping { get; init; }

    public required string StoreType { get; init; }

    public required bool IsNullable { get; init; }

    /// <summary>Entity to the value sent to the database (converted, boxed; null for NULL).</summary>
    public required Func<object, object?> ProviderValue { get; init; }

    public NpgsqlDbType NpgsqlDbType => ToNpgsqlDbType(StoreType);

    private static NpgsqlDbType ToNpgsqlDbType(string storeType)
    {
        var paren = storeType.IndexOf('(', StringComparison.Ordinal);
        var name = (paren < 0 ? storeType : storeType[..paren]).Trim().ToLowerInvariant();
        return name switch
        {
            "bigint" => NpgsqlDbType.Bigint,
            "integer" => NpgsqlDbType.Integer,
            "smallint" => NpgsqlDbType.Smallint,
            "boolean" => NpgsqlDbType.Boolean,
            "text" => NpgsqlDbType.Text,
            "character varying" => NpgsqlDbType.Varchar,
            "date" => NpgsqlDbType.Date,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            "numeric" => NpgsqlDbType.Numeric,
            "double precision" => NpgsqlDbType.Double,
            "uuid" => NpgsqlDbType.Uuid,
            _ => throw new NotSupportedException($"The bulk writer does not know PostgreSQL column type '{storeType}'."),
        };
    }
}

/// <summary>One table of <see cref="AuthorityData"/>, described by the EF Core model.</summary>
internal abstract class TableMap
{
    protected TableMap(string table, IEntityType entityType, IReadOnlyList<ColumnMap> columns)
    {
        Table = table;
        EntityType = entityType;
        Columns = columns;
        QuotedColumns = string.Join(", ", columns.Select(c => Quote(c.Name)));
    }

    public string Table { get; }

    public IEntityType EntityType { get; }

    public IReadOnlyList<ColumnMap> Columns { get; }

    /// <summary>"col1", "col2", ... in <see cref="Columns"/> order.</summary>
    public string QuotedColumns { get; }

    public string QuotedTable => Quote(Table);

    public abstract IReadOnlyList<Entity> Rows(AuthorityData data);

    /// <summary>Writes one entity as a row of a PostgreSQL binary COPY, each value with its
    /// exact type (no boxing; compiled on first use).</summary>
    public Action<NpgsqlBinaryImporter, Entity> CopyRow => _copyRow ??= TableMaps.CompileCopyRow(EntityType.ClrType, Columns);

    private Action<NpgsqlBinaryImporter, Entity>? _copyRow;

    /// <summary>Grows the table's list to hold <paramref name="count"/> more rows.</summary>
    public abstract void Reserve(AuthorityData data, long count);

    /// <summary>Reads every row of a <c>SELECT</c> of <see cref="QuotedColumns"/> into its list.</summary>
    public abstract Task ReadAllAsync(DbDataReader reader, AuthorityData data, CancellationToken cancellationToken);

    /// <summary>Reads every row of the table, in id order, into its list through SQLitePCL on the
    /// connection's open transaction: what <see cref="ReadAllAsync"/> would read, faster.</summary>
    public abstract void ReadAllSqlite(SqliteConnection connection, SqliteTransaction transaction, AuthorityData data, CancellationToken cancellationToken);

    /// <summary>The table's <c>SELECT</c>, in id order.</summary>
    public string SelectAll => $"SELECT {QuotedColumns} FROM {QuotedTable} ORDER BY id";

    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

internal sealed class TableMap<T> : TableMap
    where T : Entity
{
    private readonly Func<AuthorityData, List<T>> _list;
    private readonly DbProvider _provider;
    private Func<DbDataReader, T>? _materializer;
    private SqliteRowReader<T>? _sqliteRow;
    private bool _sqliteRowCompiled;

    public TableMap(string table, IEntityType entityType, IReadOnlyList<ColumnMap> columns, Func<AuthorityData, List<T>> list, DbProvider provider)
        : base(table, entityType, columns)
    {
        _list = list;
        _provider = provider;
    }

    /// <summary>Reads one row from a data reader (compiled on first use: on SQLite it is needed only
    /// for values the fast readers leave to it).</summary>
    private Func<DbDataReader, T> Materialize => _materializer ??= TableMaps.CompileMaterializer<T>(Columns, _provider);

    public override IReadOnlyList<Entity> Rows(AuthorityData data) => _list(data);

    public override void Reserve(AuthorityData data, long count) =>
        _list(data).EnsureCapacity((int)Math.Min(int.MaxValue, _list(data).Count + count));

    public override async Task ReadAllAsync(DbDataReader reader, AuthorityData data, CancellationToken cancellationToken)
    {
        var list = _list(data);
        var materialize = Materialize;
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(materialize(reader));
        }
    }

    public override void ReadAllSqlite(SqliteConnection connection, SqliteTransaction transaction, AuthorityData data, CancellationToken cancellationToken)
    {
        // Compiled on first use (two threads may both compile it; either result is the same).
        if (!Volatile.Read(ref _sqliteRowCompiled))
        {
            _sqliteRow = SqliteColumns.Available ? SqliteRowReader<T>.TryCompile(Columns) : null;
            Volatile.Write(ref _sqliteRowCompiled, true);
        }

        var rowReader = _sqliteRow;
        if (rowReader is null)
        {
            // A column type the fast readers do not know: the general way.
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandTimeout = 0;
            command.CommandText = SelectAll;
            using var reader = command.ExecuteReader();
            ReadAllAsync(reader, data, cancellationToken).GetAwaiter().GetResult();
            return;
        }

        var db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var list = _list(data);
        var caches = rowReader.NewCaches();
        var rc = raw.sqlite3_prepare_v2(db, SelectAll, out var statement);
        using (statement)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }

            var handle = statement.DangerousGetHandle();
            var rows = 0;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if ((++rows & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                T row;
                try
                {
                    row = rowReader.Read(handle, caches);
                }
                catch (NotCanonicalException)
                {
                    row = ReadOne(connection, transaction, Native.sqlite3_column_int64(handle, 0));
                }

                list.Add(row);
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }
        }
    }

    /// <summary>One row read the general way (the data reader and EF Core's converters).</summary>
    private T ReadOne(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {QuotedColumns} FROM {QuotedTable} WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Materialize(reader) : throw new InvalidOperationException($"Row {id} of {Table} vanished while it was read.");
    }
}

/// <summary>A compiled reader of one row of a table from a stepped SQLite statement through
/// <see cref="SqliteColumns"/>, with EF Core's converters, for the columns it knows.</summary>
internal sealed class SqliteRowReader<T>
    where T : Entity
{
    private readonly Func<nint, object[], T> _read;
    private readonly Func<object>[] _newCaches;

    private SqliteRowReader(Func<nint, object[], T> read, Func<object>[] newCaches)
    {
        _read = read;
        _newCaches = newCaches;
    }

    public object[] NewCaches() => [.. _newCaches.Select(f => f())];

    public T Read(nint statement, object[] caches) => _read(statement, caches);

    /// <summary>Null when a column has a provider type the fast readers do not know.</summary>
    public static SqliteRowReader<T>? TryCompile(IReadOnlyList<ColumnMap> columns)
    {
        var statement = Expression.Parameter(typeof(nint), "statement");
        var caches = Expression.Parameter(typeof(object[]), "caches");
        var newCaches = new List<Func<object>>();
        var bindings = new List<MemberBinding>();
        for (var ordinal = 0; ordinal < columns.Count; ordinal++)
        {
            var column = columns[ordinal];
            var mapping = column.Mapping;
            var propertyInfo = column.Property.PropertyInfo!;
            var propertyType = propertyInfo.PropertyType;
            var index = Expression.Constant(ordinal);
            var converter = mapping.Converter;
            var providerType = converter?.ProviderClrType ?? Nullable.GetUnderlyingType(mapping.ClrType) ?? mapping.ClrType;

            Expression read;
            if (converter is not null && providerType == typeof(string) && converter.ModelClrType.IsValueType)
            {
                // Enum names and DfE codes: a few texts, each converted once.
                var fromProvider = converter.ConvertFromProviderExpression;
                var convertType = typeof(Func<,>).MakeGenericType(typeof(string), converter.ModelClrType);
                var convert = Expression.Lambda(convertType, fromProvider.Body, fromProvider.Parameters).Compile();
                var cacheType = typeof(SqliteTextCache<>).MakeGenericType(converter.ModelClrType);
                newCaches.Add(() => Activator.CreateInstance(cacheType, convert)!);
                var cache = Expression.Convert(Expression.ArrayIndex(caches, Expression.Constant(newCaches.Count - 1)), cacheType);
                read = Expression.Call(cache, cacheType.GetMethod(nameof(SqliteTextCache<int>.Read))!, statement, index);
            }
            else
            {
                var method = ReaderFor(providerType);
                if (method is null || !KnowsReader(mapping, providerType))
                {
                    return null;
                }

                read = Expression.Call(typeof(SqliteColumns).GetMethod(method)!, statement, index);
                if (converter is not null)
                {
                    var fromProvider = converter.ConvertFromProviderExpression;
                    read = ReplacingExpressionVisitor.Replace(fromProvider.Parameters[0], read, fromProvider.Body);
                }
            }

            if (read.Type != propertyType)
            {
                read = Expression.Convert(read, propertyType);
            }

            if (column.IsNullable)
            {
                read = Expression.Condition(
                    Expression.Call(typeof(SqliteColumns).GetMethod(nameof(SqliteColumns.IsNull))!, statement, index),
                    Expression.Default(propertyType),
                    read);
            }

            bindings.Add(Expression.Bind(propertyInfo, read));
        }

        var body = Expression.MemberInit(Expression.New(typeof(T)), bindings);
        return new SqliteRowReader<T>(Expression.Lambda<Func<nint, object[], T>>(body, statement, caches).Compile(), [.. newCaches]);
    }

    private static string? ReaderFor(Type providerType) =>
        providerType == typeof(long) ? nameof(SqliteColumns.Int64)
        : providerType == typeof(int) ? nameof(SqliteColumns.Int32)
        : providerType == typeof(short) ? nameof(SqliteColumns.Int16)
        : providerType == typeof(bool) ? nameof(SqliteColumns.Boolean)
        : providerType == typeof(double) ? nameof(SqliteColumns.Double)
        : providerType == typeof(string) ? nameof(SqliteColumns.String)
        : providerType == typeof(DateOnly) ? nameof(SqliteColumns.DateOnly)
        : providerType == typeof(DateTime) ? nameof(SqliteColumns.DateTime)
        : null;

    /// <summary>The general path reads this column with the data reader's plain getter (dates aside,
    /// which it reads through <see cref="SqliteText"/>), so the fast reader matches it.</summary>
    private static bool KnowsReader(RelationalTypeMapping mapping, Type providerType)
    {
        if (providerType == typeof(DateOnly) || providerType == typeof(DateTime))
        {
            return true;
        }

        var reader = Expression.Parameter(typeof(DbDataReader), "reader");
        var call = Expression.Call(reader, mapping.GetDataReaderMethod(), Expression.Constant(0));
        return ReferenceEquals(mapping.CustomizeDataReaderExpression(call), call)
            && call.Method.Name == "Get" + providerType.Name;
    }
}

/// <summary>The tables of the model in an order that satisfies foreign keys (principals first),
/// built once per provider from the EF Core model.</summary>
internal static class TableMaps
{
    private static readonly ConcurrentDictionary<DbProvider, IReadOnlyList<TableMap>> Cache = new();

    public static IReadOnlyList<TableMap> For(DbProvider provider) => Cache.GetOrAdd(provider, Build);

    private static IReadOnlyList<TableMap> Build(DbProvider provider)
    {
        var target = provider == DbProvider.Sqlite
            ? DbTarget.Sqlite(Path.Combine(Path.GetTempPath(), "lantern-model.db"))
            : DbTarget.Postgres("Host=localhost;Database=lantern");
        using var context = LanternDatabase.CreateContext(target);
        var model = context.Model;

        var lists = typeof(AuthorityData).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(List<>)
                && typeof(Entity).IsAssignableFrom(p.PropertyType.GetGenericArguments()[0]))
            .ToList();
        var listByType = lists.ToDictionary(p => p.PropertyType.GetGenericArguments()[0]);

        var entityTypes = model.GetEntityTypes().Where(e => typeof(Entity).IsAssignableFrom(e.ClrType)).ToList();
        var missing = entityTypes.Where(e => !listByType.ContainsKey(e.ClrType)).Select(e => e.ClrType.Name)
            .Concat(listByType.Keys.Where(t => entityTypes.All(e => e.ClrType != t)).Select(t => t.Name))
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The EF Core model and AuthorityData disagree about {string.Join(", ", missing)}: every entity needs a DbSet, a configuration and an AuthorityData list.");
        }

        // Principals first, otherwise in AuthorityData order.
        var ordered = new List<IEntityType>();
        var visiting = new HashSet<IEntityType>();
        void Visit(IEntityType entityType)
        {
            if (ordered.Contains(entityType) || !visiting.Add(entityType))
            {
                return;
            }

            foreach (var fk in entityType.GetForeignKeys())
            {
                if (fk.PrincipalEntityType != entityType)
                {
                    Visit(fk.PrincipalEntityType);
                }
            }

            ordered.Add(entityType);
        }

        foreach (var list in lists)
        {
            Visit(entityTypes.Single(e => e.ClrType == list.PropertyType.GetGenericArguments()[0]));
        }

        return [.. ordered.Select(e => Create(e, listByType[e.ClrType], provider))];
    }

    private static TableMap Create(IEntityType entityType, PropertyInfo list, DbProvider provider)
    {
        var mapping = entityType.GetTableMappings().Single();
        var table = mapping.Table.Name;
        var columns = mapping.ColumnMappings
            .OrderBy(c => c.Property.IsPrimaryKey() ? 0 : 1)
            .ThenBy(c => c.Column.Name, StringComparer.Ordinal)
            .Select(c => new ColumnMap
            {
                Name = c.Column.Name,
                Property = c.Property,
                Mapping = c.TypeMapping,
                StoreType = c.Column.StoreType,
                IsNullable = c.Column.IsNullable,
                ProviderValue = CompileProviderValue(entityType.ClrType, c.Property, c.TypeMapping),
            })
            .ToList();
        var mapType = typeof(TableMap<>).MakeGenericType(entityType.ClrType);
        var getter = list.GetMethod!.CreateDelegate(typeof(Func<,>).MakeGenericType(typeof(AuthorityData), list.PropertyType));
        return (TableMap)Activator.CreateInstance(mapType, table, entityType, columns, getter, provider)!;
    }

    private static Func<object, object?> CompileProviderValue(Type entityClrType, IProperty property, RelationalTypeMapping mapping)
    {
        var parameter = Expression.Parameter(typeof(object), "entity");
        Expression value = Expression.Property(Expression.Convert(parameter, entityClrType), property.PropertyInfo!);
        var converter = mapping.Converter;
        Expression body;
        if (converter is null)
        {
            body = Expression.Convert(value, typeof(object));
        }
        else
        {
            var convert = converter.ConvertToProviderExpression;
            Expression Converted(Expression input) => Expression.Convert(
                ReplacingExpressionVisitor.Replace(convert.Parameters[0], input, convert.Body), typeof(object));
            var nullObject = Expression.Constant(null, typeof(object));
            if (Nullable.GetUnderlyingType(value.Type) is not null)
            {
                body = Expression.Condition(Expression.Property(value, "HasValue"), Converted(Expression.Property(value, "Value")), nullObject);
            }
            else if (!value.Type.IsValueType)
            {
                body = Expression.Condition(Expression.Equal(value, Expression.Constant(null, value.Type)), nullObject, Converted(value));
            }
            else
            {
                body = Converted(value);
            }
        }

        return Expression.Lambda<Func<object, object?>>(body, parameter).Compile();
    }

    internal static Action<NpgsqlBinaryImporter, Entity> CompileCopyRow(Type entityClrType, IReadOnlyList<ColumnMap> columns)
    {
        var importer = Expression.Parameter(typeof(NpgsqlBinaryImporter), "importer");
        var parameter = Expression.Parameter(typeof(Entity), "row");
        var entity = Expression.Variable(entityClrType, "entity");
        var writeNull = Expression.Call(importer, typeof(NpgsqlBinaryImporter).GetMethod(nameof(NpgsqlBinaryImporter.WriteNull), Type.EmptyTypes)!);
        var writeGeneric = typeof(NpgsqlBinaryImporter).GetMethods()
            .Single(m => m.Name == nameof(NpgsqlBinaryImporter.Write) && m.IsGenericMethodDefinition
                && m.GetParameters() is [_, { ParameterType: var p }] && p == typeof(NpgsqlDbType));
        var variables = new List<ParameterExpression> { entity };
        var body = new List<Expression>
        {
            Expression.Assign(entity, Expression.Convert(parameter, entityClrType)),
            Expression.Call(importer, typeof(NpgsqlBinaryImporter).GetMethod(nameof(NpgsqlBinaryImporter.StartRow), Type.EmptyTypes)!),
        };

        foreach (var column in columns)
        {
            Expression value = Expression.Property(entity, column.Property.PropertyInfo!);
            var converter = column.Mapping.Converter;
            var dbType = Expression.Constant(column.NpgsqlDbType);
            Expression Convert(Expression input) => converter is null
                ? input
                : ReplacingExpressionVisitor.Replace(converter.ConvertToProviderExpression.Parameters[0], input, converter.ConvertToProviderExpression.Body);
            Expression Write(Expression provider)
            {
                var type = Nullable.GetUnderlyingType(provider.Type) ?? provider.Type;
                return Expression.Call(importer, writeGeneric.MakeGenericMethod(type), provider.Type == type ? provider : Expression.Property(provider, "Value"), dbType);
            }

            var local = Expression.Variable(value.Type, column.Name);
            variables.Add(local);
            body.Add(Expression.Assign(local, value));
            if (Nullable.GetUnderlyingType(value.Type) is not null)
            {
                body.Add(Expression.IfThenElse(
                    Expression.Property(local, "HasValue"),
                    Write(Convert(Expression.Property(local, "Value"))),
                    writeNull));
            }
            else if (!value.Type.IsValueType)
            {
                var converted = Convert(local);
                if (converted.Type.IsValueType && Nullable.GetUnderlyingType(converted.Type) is null)
                {
                    body.Add(Expression.IfThenElse(Expression.Equal(local, Expression.Constant(null, local.Type)), writeNull, Write(converted)));
                }
                else
                {
                    var provider = Expression.Variable(converted.Type, column.Name + "_provider");
                    variables.Add(provider);
                    body.Add(Expression.IfThenElse(
                        Expression.Equal(local, Expression.Constant(null, local.Type)),
                        writeNull,
                        Expression.Block(
                            Expression.Assign(provider, converted),
                            Expression.IfThenElse(Expression.Equal(provider, Expression.Constant(null, provider.Type)), writeNull, Write(provider)))));
                }
            }
            else
            {
                body.Add(Write(Convert(local)));
            }
        }

        return Expression.Lambda<Action<NpgsqlBinaryImporter, Entity>>(Expression.Block(variables, body), importer, parameter).Compile();
    }

    internal static Func<DbDataReader, T> CompileMaterializer<T>(IReadOnlyList<ColumnMap> columns, DbProvider provider)
        where T : Entity
    {
        var reader = Expression.Parameter(typeof(DbDataReader), "reader");
        var isDbNull = typeof(DbDataReader).GetMethod(nameof(DbDataReader.IsDBNull), [typeof(int)])!;
        var bindings = new List<MemberBinding>();
        for (var ordinal = 0; ordinal < columns.Count; ordinal++)
        {
            var column = columns[ordinal];
            var mapping = column.Mapping;
            var propertyInfo = column.Property.PropertyInfo!;
            var propertyType = propertyInfo.PropertyType;
            var index = Expression.Constant(ordinal);

            var converter = mapping.Converter;
            var providerType = converter?.ProviderClrType ?? Nullable.GetUnderlyingType(mapping.ClrType) ?? mapping.ClrType;
            Expression read;
            if (provider == DbProvider.Sqlite && (providerType == typeof(DateOnly) || providerType == typeof(DateTime)))
            {
                var fast = providerType == typeof(DateOnly) ? nameof(SqliteText.ReadDateOnly) : nameof(SqliteText.ReadDateTime);
                read = Expression.Call(typeof(SqliteText).GetMethod(fast)!, reader, index);
            }
            else
            {
                read = Expression.Call(reader, mapping.GetDataReaderMethod(), index);
                read = mapping.CustomizeDataReaderExpression(read);
            }

            if (read.Type != providerType)
            {
                read = Expression.Convert(read, providerType);
            }

            if (converter is not null)
            {
                var fromProvider = converter.ConvertFromProviderExpression;
                read = ReplacingExpressionVisitor.Replace(fromProvider.Parameters[0], read, fromProvider.Body);
            }

            if (read.Type != propertyType)
            {
                read = Expression.Convert(read, propertyType);
            }

            if (column.IsNullable)
            {
                read = Expression.Condition(Expression.Call(reader, isDbNull, index), Expression.Default(propertyType), read);
            }

            bindings.Add(Expression.Bind(propertyInfo, read));
        }

        var body = Expression.MemberInit(Expression.New(typeof(T)), bindings);
        return Expression.Lambda<Func<DbDataReader, T>>(body, reader).Compile();
    }
}
