using Lantern.Web.Access;

// In the Lantern.Web namespace, like the other startup extensions Program.cs uses.
namespace Lantern.Web;

public static class AccessStartup
{
    /// <summary>Relationship-based access to children's records (<see cref="ChildAccessService"/>) and
    /// the settings of the access reports.</summary>
    public static IServiceCollection AddLanternAccess(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<Work.ChildRecordCache>();
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName);
        services.AddScoped<ChildAccessService>();
        services.AddScoped<Casework.CaseworkServices>();
        services.AddScoped<Work.WorkLists>();
        services.AddScoped<Work.WorkforceLists>();
        services.AddScoped<Indicators.IndicatorSettingsStore>();
        services.AddSingleton<Indicators.IndicatorResults>();
        services.AddSingleton<Returns.ReturnJobQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<Returns.ReturnJobQueue>());
        return services;
    }
}
