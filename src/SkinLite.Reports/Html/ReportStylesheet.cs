namespace SkinLite.Reports.Html;

/// <summary>
/// The one stylesheet of both pages, emitted as the page's only <c>&lt;style&gt;</c> and allowed by its hash. System
/// fonts only (a web font is a network request). Colours pass WCAG AA on white; severity is always written out too,
/// so colour is never the only signal. The print rules aim at one analysis on one or two A4 pages.
/// </summary>
internal static class ReportStylesheet
{
    public const string Css = """
:root{color-scheme:light;--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--panel:#f6f8fa;--bad:#b42318;--mid:#8a4b00;--good:#067647}
*{box-sizing:border-box}
body{margin:0;padding:1rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff;overflow-wrap:break-word}
.card,figure,dd,th,td{min-width:0}
main{max-width:70rem;margin:0 auto}
h1{font-size:1.6rem;margin:.2rem 0 .8rem}
h2{font-size:1.25rem;margin:1.6rem 0 .6rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:0 0 .3rem}
.emulated{border:3px solid var(--bad);background:#fff4f2;color:var(--bad);font-weight:700;font-size:1.15rem;padding:.8rem 1rem;margin:0 0 1rem;border-radius:.4rem}
.notice{border:2px solid var(--mid);background:#fff8e6;padding:.8rem 1rem;border-radius:.4rem}
.overview{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:1rem;align-items:start}
.gauge{width:10rem;height:10rem;display:block}
.gauge .value{font-size:26px;font-weight:700;fill:var(--ink)}
.gauge .of{font-size:9px;fill:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
.swatch{vertical-align:middle;margin-right:.3rem}
.muted{color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--panel)}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.bar{width:100%;max-width:8rem;min-width:3rem;height:.8rem;display:block;margin-top:.2rem}
.sev-0{color:var(--bad);font-weight:600}
.sev-1{color:var(--mid);font-weight:600}
.sev-2{color:var(--good);font-weight:600}
.ranges{margin:0;padding-left:1rem;font-size:.9rem}
.table-wrap{overflow-x:auto}
.photos,.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}
.card{border:1px solid var(--line);border-radius:.4rem;padding:.8rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:.5rem;margin:.5rem 0}
figure{margin:0}
figure img{display:block;width:100%;height:auto;border:1px solid var(--line);border-radius:.2rem}
svg.defs{position:absolute;width:0;height:0;overflow:hidden}
svg.photo{display:block;width:100%;height:auto;border:1px solid var(--line);border-radius:.2rem;background:var(--panel)}
figcaption{font-size:.85rem;color:var(--muted)}
.placeholder{display:flex;align-items:center;justify-content:center;aspect-ratio:1;border:2px dashed var(--line);background:var(--panel);color:var(--muted);text-align:center;padding:.5rem;font-size:.9rem}
.url{font-size:.75rem;color:var(--muted);word-break:break-all}
.summary{font-size:1.05rem;background:var(--panel);border-left:4px solid var(--line);padding:.6rem .9rem;margin:0}
.small{font-size:.9rem}
footer{margin-top:2rem;font-size:.85rem;color:var(--muted)}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;color:inherit;cursor:pointer;text-align:left}
th button::after{content:" \2195";color:var(--muted)}
th[aria-sort=ascending] button::after{content:" \2191"}
th[aria-sort=descending] button::after{content:" \2193"}
th button:focus-visible{outline:2px solid #0969da;outline-offset:2px}
img.thumb{width:4rem;height:4rem;object-fit:cover;display:block;border:1px solid var(--line)}
.histogram{width:100%;max-width:36rem;height:auto;display:block}
.histogram .bin{fill:#0969da}
.histogram text{font-size:8px;fill:var(--ink)}
a{color:#0969da}
@media (max-width:40rem){body{padding:.6rem;font-size:15px}.gauge{width:8rem;height:8rem}th,td{padding:.3rem}.ranges{font-size:.8rem;padding-left:.8rem}}
@media print{
@page{size:A4;margin:10mm}
body{padding:0;font-size:8.5pt;line-height:1.3}
main{max-width:none}
h1{font-size:14pt;margin:0 0 .2rem}
h2{font-size:11pt;margin:.5rem 0 .3rem;break-after:avoid;page-break-after:avoid}
h3{font-size:9.5pt;margin:0}
p{margin:.2rem 0}
.emulated{padding:.3rem .6rem;font-size:10pt;margin:0 0 .4rem}
.overview{grid-template-columns:auto 1fr;gap:.8rem}
dl.facts{grid-template-columns:max-content 1fr max-content 1fr}
.gauge{width:26mm;height:26mm}
table{margin:.2rem 0}
th,td{padding:.1rem .3rem}
.bar{width:25mm;max-width:none;height:2mm}
.ranges{padding:0;list-style:none;font-size:8pt}
.ranges li{display:inline;margin-right:.6rem}
tr,figure,.summary,.emulated{break-inside:avoid;page-break-inside:avoid}
.summary{padding:.3rem .6rem;font-size:9pt}
.photos{grid-template-columns:repeat(4,1fr);gap:.3rem}
.photos img,.photos .placeholder{width:100%;height:32mm;object-fit:contain}
.cards{grid-template-columns:repeat(3,1fr);gap:.3rem}
.card{box-shadow:none;break-inside:avoid;page-break-inside:avoid;padding:.3rem}
.pair{gap:.2rem;margin:.2rem 0}
.pair img,.pair .placeholder,.pair svg.photo{width:100%;height:22mm;object-fit:contain}
.placeholder{aspect-ratio:auto;font-size:7pt}
.card .analyses,.url{display:none}
.table-wrap{overflow:visible}
th button::after{content:""}
img.thumb{width:12mm;height:12mm}
a{color:inherit;text-decoration:none}
.emulated,svg{-webkit-print-color-adjust:exact;print-color-adjust:exact}
footer{margin-top:.5rem}
}
""";
}
