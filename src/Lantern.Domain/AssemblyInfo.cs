using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Lantern.Domain.Tests")]
