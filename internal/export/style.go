package export

// styleSheet is the page's whole style: the system's own fonts (nothing
// fetched), light and dark schemes after the reader's setting, pictures
// side by side where a place holds several, a deck's column layouts as
// grids (their widths in layoutStyles), text in its own direction
// paragraph by paragraph, and for print the cover (the header and the
// intro) and each section on a page of their own.
const styleSheet = `:root{color-scheme:light dark;--bg:#fdfdfb;--fg:#1b1b1b;--muted:#5a5a5a;--rule:#d8d8d4;--panel:#f0efea;--link:#1f5fa8}
@media (prefers-color-scheme:dark){:root{--bg:#151515;--fg:#e6e6e3;--muted:#a8a8a2;--rule:#3a3a38;--panel:#232322;--link:#8ab4f0}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1.05rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif}
header.cover,main>.intro,main>section{max-width:62rem;margin:0 auto;padding:2.5rem 1.25rem;border-bottom:1px solid var(--rule)}
header.cover{padding-bottom:0;border:0}
main>.intro{padding-top:.5rem}
h1{font-size:2.3rem;line-height:1.2;margin:.2rem 0 .8rem}
h2{font-size:1.6rem;line-height:1.25;margin:0 0 1rem}
p,h1,h2,h3,h4,h5,h6,li,dd,dt,td,th,blockquote,figcaption,pre{unicode-bidi:plaintext}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:.85rem;color:var(--muted);margin:0}
.subtitle{font-size:1.25rem;margin:0 0 .8rem}
.meta,figcaption,.figcaption,.notes{color:var(--muted)}
.meta{font-size:.95rem}
a{color:var(--link)}
figure{margin:1.5rem 0}
figure img{display:block;max-width:100%;height:auto;margin:0 auto;background:var(--panel)}
figcaption,.figcaption{font-size:.92rem;margin-top:.5rem;text-align:center}
.credit{display:block;font-size:.85rem;opacity:.85}
figure.row{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
.row>figure,.row>.missing{flex:1 1 16rem;margin:0}
.missing{margin:1.5rem 0}
.columns{display:grid;grid-template-columns:minmax(0,1fr);gap:1rem 2rem;align-items:start;margin:1.5rem 0}
.column>:first-child,.column>.text>:first-child{margin-top:0}
.panel{border:1px dashed var(--muted);background:var(--panel);padding:1.5rem 1rem;text-align:center;min-height:8rem;display:flex;flex-direction:column;justify-content:center}
.panel .alt{font-style:italic;margin:0 0 .4rem}
.panel .why{font-size:.85rem;color:var(--muted);margin:0}
.alt{font-style:italic}
pre,code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.92em}
pre{background:var(--panel);padding:.8rem 1rem;overflow-x:auto}
blockquote{margin:1rem 0;padding:0 1rem;border-inline-start:3px solid var(--rule)}
table{border-collapse:collapse}td,th{border:1px solid var(--rule);padding:.3rem .6rem}
.notes{margin-top:1.5rem;padding:.2rem 1rem;border-inline-start:3px solid var(--link);font-size:.95rem}
.notes .label{font-weight:bold;text-transform:uppercase;font-size:.8rem;letter-spacing:.06em}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#333;--panel:#f4f4f4}
body{font-size:11pt}
header.cover,main>.intro,main>section{max-width:none;border:0;padding:0}
main>.intro,main>section{break-after:page}
figure,.missing,.columns{break-inside:avoid}
figure img{max-height:62vh;width:auto}
a{color:inherit}
}
`
