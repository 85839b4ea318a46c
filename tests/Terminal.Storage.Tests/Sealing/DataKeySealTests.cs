using CsCheck;
using Terminal.Storage.Sealing;

namespace Terminal.Storage.Tests.Sealing;

[TestClass]
public sealed class DataKeySealTests
{
    private static readonly SealingContext Draft = new("draft", Guid.Parse("6f1d2c3b-4a59-4e87-9d10-2b3c4d5e6f70"), 1);

    [TestMethod]
    public void Open_WhatWasSealed_GivesThePlaintextBack() =>
        Gen.Byte.Array[0, 2000].Sample(plaintext =>
        {
            using var key = DataKey.Generate();
            return DataKeySeal.Open(key, Draft, DataKeySeal.Seal(key, Draft, plaintext)).AsSpan().SequenceEqual(plaintext);
        }, iter: 200);

    [TestMethod]
    public void Seal_SamePlaintextTwice_UsesAFreshNonce()
    {
        using var key = DataKey.Generate();
        var a = DataKeySeal.Seal(key, Draft, "张建国"u8);
        var b = DataKeySeal.Seal(key, Draft, "张建国"u8);
        Assert.IsFalse(a.AsSpan(4, 12).SequenceEqual(b.AsSpan(4, 12)));
        Assert.IsFalse(a.AsSpan().SequenceEqual(b));
    }

    [TestMethod]
    public void Open_AnySingleByteChanged_IsRefusedAsTampered() =>
        Gen.Select(Gen.Byte.Array[1, 300], Gen.Int, Gen.Byte[1, 255]).Sample((plaintext, at, flip) =>
        {
            using var key = DataKey.Generate();
            var envelope = DataKeySeal.Seal(key, Draft, plaintext);
            envelope[(int)((uint)at % envelope.Length)] ^= flip;
            var e = Assert.ThrowsExactly<BrokenSealException>(() => DataKeySeal.Open(key, Draft, envelope));
            return e.Failure is SealFailure.Tampered or SealFailure.UnknownFormat;
        }, iter: 300);

    [TestMethod]
    public void Open_WrongKey_IsRefused()
    {
        using var key = DataKey.Generate();
        using var other = DataKey.Generate();
        var envelope = DataKeySeal.Seal(key, Draft, "650105196503120137"u8);
        Assert.AreEqual(SealFailure.Tampered, Assert.ThrowsExactly<BrokenSealException>(() => DataKeySeal.Open(other, Draft, envelope)).Failure);
    }

    [TestMethod]
    [DataRow("photo", 1)]
    [DataRow("draft", 2)]
    public void Open_OtherPurposeOrVersion_IsRefused(string purpose, int version)
    {
        using var key = DataKey.Generate();
        var envelope = DataKeySeal.Seal(key, Draft, "x"u8);
        Assert.ThrowsExactly<BrokenSealException>(() => DataKeySeal.Open(key, Draft with { Purpose = purpose, Version = version }, envelope));
    }

    [TestMethod]
    public void Open_OtherRecordId_IsRefused()
    {
        using var key = DataKey.Generate();
        var envelope = DataKeySeal.Seal(key, Draft, "x"u8);
        Assert.ThrowsExactly<BrokenSealException>(() => DataKeySeal.Open(key, Draft with { Id = Guid.NewGuid() }, envelope));
    }

    [TestMethod]
    public void Open_Truncated_IsRefusedAsUnknownFormat()
    {
        using var key = DataKey.Generate();
        var envelope = DataKeySeal.Seal(key, Draft, "x"u8);
        Assert.AreEqual(SealFailure.UnknownFormat, Assert.ThrowsExactly<BrokenSealException>(() => DataKeySeal.Open(key, Draft, envelope.AsSpan(0, 20))).Failure);
    }

    [TestMethod]
    public void Dispose_ZeroesTheKeyAndRefusesUse()
    {
        var key = DataKey.Generate();
        key.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => DataKeySeal.Seal(key, Draft, "x"u8));
    }
}
