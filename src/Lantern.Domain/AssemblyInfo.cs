using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Lantern.Domain.Tests")]
[assembly: InternalsVisibleTo("Lantern.Returns")]
[assembly: InternalsVisibleTo("Lantern.Returns.Tests")]
