using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Lantern.Data.Tests")]
