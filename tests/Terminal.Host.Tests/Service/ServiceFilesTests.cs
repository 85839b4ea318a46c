using Microsoft.Extensions.Configuration;
using Terminal.Host.Cli;
using Terminal.Host.Configuration;

namespace Terminal.Host.Tests.Service;

/// <summary>The installation files in hardware-docs/host agree with the program they install.</summary>
[TestClass]
public sealed class ServiceFilesTests
{
    private static Dictionary<string, List<string>> UnitSettings()
    {
        var settings = new Dictionary<string, List<string>>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "terminal-host.service")))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or '[')
            {
                continue;
            }
            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            var name = trimmed[..equals];
            if (!settings.TryGetValue(name, out var values))
            {
                settings[name] = values = [];
            }
            values.Add(trimmed[(equals + 1)..]);
        }
        return settings;
    }

    [TestMethod]
    public void SystemdUnit_IsNotifyAndHandsTheCredentialTheHostReads()
    {
        var unit = UnitSettings();
        Assert.AreEqual("notify", unit["Type"].Single());
        Assert.AreEqual("terminal-host", unit["StateDirectory"].Single(), "the default District:DataFolder is /var/lib/terminal-host");
        if (!OperatingSystem.IsWindows())
        {
            Assert.AreEqual("/var/lib/terminal-host", new DistrictOptions().DataFolder);
        }
        var credential = unit["LoadCredential"].Single().Split(':')[0];
        Assert.AreEqual(new DistrictKeyOptions().CredentialName, credential);
        CollectionAssert.Contains(unit["Environment"], "TERMINAL_HOST_DistrictKey__PassphraseSource=SystemdCredential");
        CollectionAssert.IsSubsetOf(new[] { HostCli.Usage.ToString(System.Globalization.CultureInfo.InvariantCulture), HostCli.StartRefused.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            unit["RestartPreventExitStatus"].Single().Split(' '));
        StringAssert.Contains(unit["ExecStart"].Single(), "terminal-host run --settings ");
    }

    [TestMethod]
    public void ExampleSettings_PassEveryValidator()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "settings.example.json")).Build();
        T Bind<T>(string section) where T : new()
        {
            var options = new T();
            configuration.GetSection(section).Bind(options);
            return options;
        }
        Assert.IsTrue(new DistrictOptionsValidator().Validate(null, Bind<DistrictOptions>(DistrictOptions.Section)).Succeeded);
        Assert.IsTrue(new DatabaseOptionsValidator().Validate(null, Bind<DatabaseOptions>(DatabaseOptions.Section)).Succeeded);
        Assert.IsTrue(new ListenOptionsValidator().Validate(null, Bind<ListenOptions>(ListenOptions.Section)).Succeeded);
        Assert.IsTrue(new DistrictKeyOptionsValidator().Validate(null, Bind<DistrictKeyOptions>(DistrictKeyOptions.Section)).Succeeded);
    }
}
