using Terminal.Storage.Keys;

namespace Terminal.Storage.Tests.Keys;

[TestClass]
public sealed class PinKeyTests
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>
    /// The production cost (64 MiB, 3 passes, 1 lane) measured on this machine and written to the test log; the
    /// bound only catches a misconfiguration (hardware-docs/storage/KEYS.md has the figures and the handheld estimate).
    /// </summary>
    [TestMethod]
    public void Derive_ProductionDefaults_IsMeasuredAndStaysBelowTenSeconds()
    {
        var options = new Argon2idOptions();
        PinKey.Derive("246810", Salt, options);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        PinKey.Derive("246810", Salt, options);
        var elapsed = clock.Elapsed;
        TestContext.WriteLine($"Argon2id m={options.MemoryKiB} KiB t={options.Iterations} p={options.Parallelism}: {elapsed.TotalMilliseconds:F0} ms");
        Assert.IsLessThan(TimeSpan.FromSeconds(10), elapsed);
    }

    private static readonly byte[] Salt = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();

    [TestMethod]
    public void Derive_SamePinAndSalt_GivesTheSameKey() =>
        CollectionAssert.AreEqual(PinKey.Derive("246810", Salt, Argon2idOptions.Cheap), PinKey.Derive("246810", Salt, Argon2idOptions.Cheap));

    [TestMethod]
    public void Derive_OtherPinSaltOrCost_GivesAnotherKey()
    {
        var key = PinKey.Derive("246810", Salt, Argon2idOptions.Cheap);
        CollectionAssert.AreNotEqual(key, PinKey.Derive("246811", Salt, Argon2idOptions.Cheap));
        CollectionAssert.AreNotEqual(key, PinKey.Derive("246810", Salt.Reverse().ToArray(), Argon2idOptions.Cheap));
        CollectionAssert.AreNotEqual(key, PinKey.Derive("246810", Salt, Argon2idOptions.Cheap with { Iterations = 2 }));
    }

    [TestMethod]
    public void Validate_MemoryBelowEightKiBPerLane_IsRefused() =>
        Assert.ThrowsExactly<ArgumentException>(() => new Argon2idOptions { MemoryKiB = 8, Parallelism = 2 }.Validate());

    [TestMethod]
    [DataRow("12345", false)]
    [DataRow("123456", true)]
    [DataRow("12345a", false)]
    [DataRow("1234567890123", false)]
    public void Problem_Pin_IsNullOnlyForSixToTwelveDigits(string pin, bool acceptable) =>
        Assert.AreEqual(acceptable, OperatorPin.Problem(pin) is null);
}
