using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Firmware.Collection;
using Terminal.Firmware.Photos;
using Terminal.Records.Model;
using Terminal.Records.Rules;

namespace Terminal.Firmware.Tests.Collection;

/// <summary>The photo service on the 演示摄像头: the same YUYV conversion, normalisation and limits as with a V4L2 camera.</summary>
[TestClass]
public sealed class PhotoServiceTests
{
    [TestMethod]
    public void Capture_PersonalPhoto_IsAJpegWithinTheLimitCroppedToThreeByFourAndSavedWithTheDraft()
    {
        using var f = new AppStoreFixture();
        using var photos = new PhotoService(f.State, f.Options, NullLogger<PhotoService>.Instance);
        StringAssert.Contains(photos.CameraName, "演示摄像头");
        var preview = photos.Preview();
        Assert.IsNotNull(preview);
        Assert.IsTrue(PhotoLimits.IsJpeg(preview));
        var photo = photos.Capture(f.RecordId, PhotoKind.PersonalPhoto, null, null);
        Assert.IsLessThanOrEqualTo(PhotoLimits.MaxBytes(PhotoKind.PersonalPhoto), photo.Length);
        Assert.AreEqual(3.0 / 4.0, photo.Width / (double)photo.Height, 0.01);
        var saved = f.Store.LoadPhoto(f.RecordId, photo.Sha256)!;
        Assert.IsNull(PhotoLimits.Check(PhotoKind.PersonalPhoto, saved));
        Assert.AreEqual(photo, f.Record.Photos.Single());
        Assert.AreEqual("photos", f.Store.LoadDraft(f.RecordId)!.Step);
    }

    [TestMethod]
    public void Capture_LensCovered_IsRejectedSayingItIsTooDarkAndKeepsNothing()
    {
        using var f = new AppStoreFixture();
        using var photos = new PhotoService(f.State, f.Options, NullLogger<PhotoService>.Instance);
        photos.Demo!.LensCovered = true;
        var e = Assert.ThrowsExactly<CollectionRefusedException>(() => photos.Capture(f.RecordId, PhotoKind.PersonalPhoto, null, null));
        StringAssert.Contains(e.Message, "照片太暗");
        Assert.IsEmpty(f.Record.Photos);
    }

    [TestMethod]
    public void Capture_RetakeAndDocuments_ReplacesTheRetakenOneAndAsksForTheDocumentsName()
    {
        using var f = new AppStoreFixture();
        using var photos = new PhotoService(f.State, f.Options, NullLogger<PhotoService>.Instance);
        var first = photos.Capture(f.RecordId, PhotoKind.PersonalPhoto, null, null);
        var document = photos.Capture(f.RecordId, PhotoKind.DocumentPhoto, " 退伍证 ", null);
        Assert.AreEqual("退伍证", document.Label);
        var second = photos.Capture(f.RecordId, PhotoKind.PersonalPhoto, null, first.Sha256);
        Assert.AreNotEqual(first.Sha256, second.Sha256, "the demo camera's frames move");
        CollectionAssert.AreEquivalent(new[] { document, second }, f.Record.Photos.ToArray());
        var unnamed = Assert.ThrowsExactly<CollectionRefusedException>(() => photos.Capture(f.RecordId, PhotoKind.DocumentPhoto, " ", null));
        StringAssert.Contains(unnamed.Message, "哪份证件材料");
        photos.Remove(f.RecordId, document.Sha256);
        Assert.AreEqual(second, f.Record.Photos.Single());
    }

    [TestMethod]
    public void Preview_NoCameraDevice_SaysWhatIsWrongInChinese()
    {
        using var f = new AppStoreFixture(o => o with { DemoCamera = false, Camera = new() { DevicePath = "/dev/no-such-video" } });
        using var photos = new PhotoService(f.State, f.Options, NullLogger<PhotoService>.Instance);
        Assert.IsNull(photos.Preview());
        StringAssert.Contains(photos.State, "摄像头");
        var e = Assert.ThrowsExactly<CollectionRefusedException>(() => photos.Capture(f.RecordId, PhotoKind.PersonalPhoto, null, null));
        Assert.AreEqual(photos.State, e.Message);
    }
}
