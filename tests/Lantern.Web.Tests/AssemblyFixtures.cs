using Lantern.Web.Tests.Infrastructure;

// One web server and one Chromium for the whole assembly; tests take them as constructor arguments.
[assembly: AssemblyFixture(typeof(LanternWebServer))]
[assembly: AssemblyFixture(typeof(BrowserFixture))]
