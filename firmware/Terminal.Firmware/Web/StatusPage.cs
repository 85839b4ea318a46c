using System.Net;
using System.Text;
using Terminal.Records.Categories;
using Terminal.Records.Forms;

namespace Terminal.Firmware.Web;

/// <summary>The terminal's status page (Chinese, sized for the 720×1280 touchscreen).</summary>
internal static class StatusPage
{
    public static string Html(FormDefinition form)
    {
        var boxes = new StringBuilder();
        foreach (var c in Enum.GetValues<Category>())
        {
            boxes.Append(CultureInfoFree($"<label class=\"cat\"><input type=\"checkbox\" value=\"{(int)c}\"> {WebUtility.HtmlEncode(CategoryNames.Label(c))}</label>"));
        }
        return $$"""
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=720">
            <title>采集终端</title>
            <style>
              body { font-family: sans-serif; margin: 0; padding: 24px; max-width: 720px; font-size: 22px; }
              h1 { font-size: 30px; } .cat { display: block; padding: 10px 0; }
              #result { margin-top: 16px; padding: 12px; border-radius: 8px; background: #eef; min-height: 1.5em; }
              #result.bad { background: #fdd; } #result.good { background: #dfd; }
            </style></head>
            <body>
            <h1>退役军人和其他优抚对象信息采集终端</h1>
            <p>采集表版本：<b id="form-version">{{WebUtility.HtmlEncode(form.Version)}}</b>　标准时点：{{form.ReferenceDate:yyyy年M月d日}}</p>
            <h2>对象类别复选核对</h2>
            <div id="categories">{{boxes}}</div>
            <div id="result">请勾选对象类别</div>
            <script>
              const boxes = [...document.querySelectorAll('#categories input')];
              async function check() {
                const list = boxes.filter(b => b.checked).map(b => b.value).join(',');
                const r = document.getElementById('result');
                if (!list) { r.className = ''; r.textContent = '请勾选对象类别'; return; }
                const res = await (await fetch('/api/categories/check?list=' + encodeURIComponent(list))).json();
                r.className = res.allowed ? 'good' : 'bad';
                r.textContent = res.allowed ? '组合有效' : res.messages.join('；');
              }
              boxes.forEach(b => b.addEventListener('change', check));
            </script>
            </body></html>
            """;
    }

    private static string CultureInfoFree(FormattableString s) => FormattableString.Invariant(s);
}
