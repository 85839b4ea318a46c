using CsCheck;
using Terminal.Storage.Sealing;

namespace Terminal.Storage.Tests.Sealing;

[TestClass]
public sealed class DistrictSealTests
{
    private static readonly SealingContext Record = new("record", Guid.Parse("6f1d2c3b-4a59-4e87-9d10-2b3c4d5e6f70"), 1);

    [TestMethod]
    [DataRow(DistrictSuite.P256)]
    [DataRow(DistrictSuite.Sm2)]
    public void Open_WhatWasSealed_GivesThePlaintextBack(DistrictSuite suite)
    {
        using var district = DistrictKeyPair.Generate(suite);
        Gen.Byte.Array[0, 3000].Sample(plaintext =>
            DistrictSeal.Open(district, Record, DistrictSeal.Seal(district.PublicKey, Record, plaintext)).AsSpan().SequenceEqual(plaintext), iter: 50);
    }

    [TestMethod]
    [DataRow(DistrictSuite.P256)]
    [DataRow(DistrictSuite.Sm2)]
    public void Open_AnySingleByteChanged_IsRefused(DistrictSuite suite)
    {
        using var district = DistrictKeyPair.Generate(suite);
        var envelope = DistrictSeal.Seal(district.PublicKey, Record, "张建国 650105196503120137"u8);
        for (var i = 0; i < envelope.Length; i++)
        {
            var tampered = (byte[])envelope.Clone();
            tampered[i] ^= (byte)(1 + (i % 255));
            Assert.ThrowsExactly<BrokenSealException>(() => DistrictSeal.Open(district, Record, tampered), $"byte {i} changed");
        }
    }

    [TestMethod]
    [DataRow(DistrictSuite.P256)]
    [DataRow(DistrictSuite.Sm2)]
    public void Open_AnotherDistrictsKey_IsRefusedAsWrongKey(DistrictSuite suite)
    {
        using var district = DistrictKeyPair.Generate(suite);
        using var other = DistrictKeyPair.Generate(suite);
        var envelope = DistrictSeal.Seal(district.PublicKey, Record, "x"u8);
        Assert.AreEqual(SealFailure.WrongKey, Assert.ThrowsExactly<BrokenSealException>(() => DistrictSeal.Open(other, Record, envelope)).Failure);
    }

    [TestMethod]
    public void Open_KeyOfTheOtherSuite_IsRefusedAsWrongKey()
    {
        using var p256 = DistrictKeyPair.Generate(DistrictSuite.P256);
        using var sm2 = DistrictKeyPair.Generate(DistrictSuite.Sm2);
        var envelope = DistrictSeal.Seal(p256.PublicKey, Record, "x"u8);
        Assert.AreEqual(SealFailure.WrongKey, Assert.ThrowsExactly<BrokenSealException>(() => DistrictSeal.Open(sm2, Record, envelope)).Failure);
    }

    [TestMethod]
    [DataRow(DistrictSuite.P256)]
    [DataRow(DistrictSuite.Sm2)]
    public void Open_OtherContext_IsRefused(DistrictSuite suite)
    {
        using var district = DistrictKeyPair.Generate(suite);
        var envelope = DistrictSeal.Seal(district.PublicKey, Record, "x"u8);
        Assert.ThrowsExactly<BrokenSealException>(() => DistrictSeal.Open(district, Record with { Version = 2 }, envelope));
    }

    [TestMethod]
    [DataRow(DistrictSuite.P256)]
    [DataRow(DistrictSuite.Sm2)]
    public void Import_ExportedPrivateKey_OpensWhatWasSealed(DistrictSuite suite)
    {
        using var district = DistrictKeyPair.Generate(suite);
        var envelope = DistrictSeal.Seal(DistrictPublicKey.Parse(district.PublicKey.ToString()), Record, "x"u8);
        using var imported = DistrictKeyPair.Import(suite, district.ExportPrivateKey());
        Assert.AreEqual(district.PublicKey, imported.PublicKey);
        CollectionAssert.AreEqual("x"u8.ToArray(), DistrictSeal.Open(imported, Record, envelope));
        Assert.AreEqual(suite, DistrictSeal.SuiteOf(envelope));
    }

    [TestMethod]
    [DataRow("RSA:AAAA")]
    [DataRow("P256:bm90IGEgcG9pbnQ=")]
    [DataRow("SM2:")]
    public void Parse_NotADistrictKey_SaysWhatIsWrongInChinese(string text)
    {
        var e = Assert.ThrowsExactly<FormatException>(() => DistrictPublicKey.Parse(text));
        StringAssert.StartsWith(e.Message, "区县公钥");
    }

    [TestMethod]
    public void Parse_PointOfTheOtherCurve_IsRefused()
    {
        using var sm2 = DistrictKeyPair.Generate(DistrictSuite.Sm2);
        Assert.ThrowsExactly<FormatException>(() => DistrictPublicKey.Parse("P256:" + Convert.ToBase64String(sm2.PublicKey.Point)));
    }
}
