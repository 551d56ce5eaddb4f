using System.Collections;
using System.Reflection;
using Lantern.Domain.Model;
using Xunit;

namespace Lantern.Data.Tests;

/// <summary>Compares two authorities record by record, every stored property.</summary>
public static class AuthorityAssert
{
    public static IEnumerable<PropertyInfo> Lists =>
        typeof(AuthorityData).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(List<>));

    /// <summary>Properties with a public setter: the stored ones (computed properties have no setter).</summary>
    public static IEnumerable<PropertyInfo> StoredProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic);

    public static void Equal(AuthorityData expected, AuthorityData actual)
    {
        foreach (var list in Lists)
        {
            var e = ((IList)list.GetValue(expected)!).Cast<Entity>().OrderBy(x => x.Id).ToList();
            var a = ((IList)list.GetValue(actual)!).Cast<Entity>().OrderBy(x => x.Id).ToList();
            Assert.True(e.Count == a.Count, $"{list.Name}: expected {e.Count} rows, got {a.Count}");
            for (var i = 0; i < e.Count; i++)
            {
                EntityEqual(e[i], a[i], list.Name);
            }
        }
    }

    public static void EntityEqual(object expected, object actual, string where)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        foreach (var property in StoredProperties(expected.GetType()))
        {
            var e = property.GetValue(expected);
            var a = property.GetValue(actual);
            var label = $"{where} id {((Entity)expected).Id}: {property.Name}";
            if (e is IList el && a is IList al)
            {
                Assert.True(el.Cast<object>().SequenceEqual(al.Cast<object>()), $"{label}: expected [{string.Join(",", el.Cast<object>())}], got [{string.Join(",", al.Cast<object>())}]");
            }
            else if (e is DateTime ed && a is DateTime ad)
            {
                Assert.True(ed == ad && ad.Kind == DateTimeKind.Utc, $"{label}: expected {ed:O}, got {ad:O} ({ad.Kind})");
            }
            else
            {
                Assert.True(Equals(e, a), $"{label}: expected '{e}', got '{a}'");
            }
        }
    }

    public static int RowCount(AuthorityData data) => Lists.Sum(l => ((IList)l.GetValue(data)!).Count);
}
