/// The one style sheet every page carries inline: system fonts, no external assets. Each status
/// has a colour *and* a printed mark with words, so nothing depends on colour alone. Printing
/// hides the navigation, keeps table rows and steps whole, and keeps the status labels.
///
/// On a phone (narrower than 44em) the agenda matrix stacks: each activity becomes a block with
/// its half-years under it, each named by the cell's `data-label`, and empty half-years left out;
/// the step histories and the list of reports stack the same way. Wider, the matrix keeps a
/// minimum width and scrolls sideways in its labelled region. Words are never broken: no
/// `overflow-wrap` or `word-break`, and tables lay out automatically, so a column is at least as
/// wide as its longest word.
enum SiteStyle {
    static let css = """
    :root{color-scheme:light;--ink:#1f2328;--muted:#59636e;--line:#d0d7de;--head:#eef2f6;--link:#0550ae}
    *{box-sizing:border-box}
    body{margin:0;font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;font-size:15px;line-height:1.45;color:var(--ink);background:#fff}
    a{color:var(--link)}
    .skip{position:absolute;left:-999px}
    .skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:1}
    header.site{background:#0b3d5c;color:#fff;padding:10px 24px}
    header.site .name{font-weight:600;margin-right:24px}
    header.site ul{display:inline-flex;flex-wrap:wrap;gap:4px 18px;list-style:none;margin:0;padding:0}
    header.site a{color:#fff;text-decoration:none;padding:2px 0;border-bottom:2px solid transparent}
    header.site a:hover,header.site a:focus{border-bottom-color:#fff}
    header.site a[aria-current=page]{border-bottom-color:#ffd33d}
    nav.toc ul{display:flex;flex-wrap:wrap;gap:4px 18px;list-style:none;margin:4px 0;padding:0}
    .legend-box{margin:8px 0}
    .legend-box p{margin:0}
    .legend-box p.phases{margin:4px 0 0;color:var(--muted)}
    main{padding:8px 24px 32px;max-width:1600px}
    h1{font-size:1.6em;margin:.6em 0 .2em}
    h2{font-size:1.3em;margin:1.6em 0 .3em;padding-top:.4em;border-top:3px solid #0b3d5c}
    h3{font-size:1.1em;margin:1.2em 0 .3em}
    .stand,.meta{color:var(--muted)}
    .goal{background:#f6f8fa;border-left:4px solid #0b3d5c;padding:4px 12px;margin:8px 0 12px}
    .goal p{margin:.4em 0}
    .scroll{overflow-x:auto}
    .scroll:focus{outline:2px solid var(--link);outline-offset:2px}
    table{border-collapse:collapse;width:100%;margin:8px 0 16px}
    caption{text-align:left;font-weight:600;padding:4px 0}
    th,td{border:1px solid var(--line);padding:6px 8px;vertical-align:top;text-align:left}
    thead th{background:var(--head);font-weight:600}
    th.now{background:#fff8c5}
    table.matrix{min-width:60rem;font-size:14px}
    table.matrix th[scope=row]{font-weight:400}
    thead th .meta{white-space:nowrap}
    table.history{width:auto;min-width:60%}
    table.history td:first-child{white-space:nowrap}
    .act{font-weight:700}
    .roles{display:block;color:var(--muted);font-size:.9em;margin-top:4px}
    ul.steps{list-style:none;margin:0;padding:0}
    ul.steps li{margin:0 0 6px;padding:4px 6px;border-left-width:5px;border-left-style:solid;border-radius:3px}
    .label{font-weight:600;font-size:.85em}
    .step-text{display:block}
    .due{display:block;color:var(--muted);font-size:.85em}
    .st-done{background:#dafbe1;border-color:#1a7f37}
    .st-done .label{color:#116329}
    .st-in-progress{background:#ddf4ff;border-color:#0969da}
    .st-in-progress .label{color:#0a3069}
    .st-planned{background:#f6f8fa;border-color:#8c959f}
    .st-planned .label{color:#424a53}
    .st-postponed{background:#fff8c5;border-color:#9a6700}
    .st-postponed .label{color:#7d4e00}
    .st-dropped{background:#eaeef2;border-color:#6e7781}
    .st-dropped .label{color:#424a53}
    .st-dropped .step-text{text-decoration:line-through}
    .st-overdue{background:#ffebe9;border-color:#cf222e}
    .st-overdue .label{color:#a40e26}
    ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px 12px}
    ul.legend li{padding:2px 8px;border-left-width:5px;border-left-style:solid;border-radius:3px}
    section.step{border-top:1px solid var(--line);padding:4px 0 8px}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:6px 0}
    dl.facts dt{color:var(--muted)}
    dl.facts dd{margin:0}
    dl.facts dd p{margin:0 0 .3em}
    dl.facts dd ul{margin:0;padding-left:1.2em}
    span.badge{display:inline-block;padding:1px 8px;border-left-width:5px;border-left-style:solid;border-radius:3px}
    .none{color:var(--muted);font-style:italic}
    footer{color:var(--muted);font-size:.85em;padding:12px 24px;border-top:1px solid var(--line)}
    @media screen and (max-width:44em){
    header.site,main,footer{padding-left:12px;padding-right:12px}
    table.matrix{min-width:0}
    table.matrix,table.matrix caption,table.matrix tbody,table.matrix tr,table.matrix th,table.matrix td{display:block;width:auto}
    table.matrix thead{display:none}
    table.matrix tr{margin:0 0 12px;border:1px solid var(--line)}
    table.matrix th[scope=row]{background:var(--head);border:0}
    table.matrix td{border:0;border-top:1px solid var(--line)}
    table.matrix td:empty{display:none}
    table.matrix td::before{content:attr(data-label);display:block;font-weight:600;font-size:.85em;color:var(--muted);margin:0 0 4px}
    table.history{min-width:0;width:100%}
    table.history,table.history caption,table.history tbody,table.history tr,table.history td{display:block}
    table.history thead{display:none}
    table.history tr{border-top:1px solid var(--line);padding:4px 0}
    table.history td{border:0;padding:2px 0}
    table.history td:first-child{font-weight:600}
    table.history td:empty{display:none}
    table.reports,table.reports caption,table.reports tbody,table.reports tr,table.reports th,table.reports td{display:block;border:0}
    table.reports thead{display:none}
    table.reports tr{border-top:1px solid var(--line);padding:6px 0}
    table.reports th,table.reports td{padding:2px 0}
    table.reports td::before{content:attr(data-label) ": ";color:var(--muted)}
    }
    @media print{
    @page{size:A4 landscape;margin:12mm}
    body{font-size:10pt}
    header.site,nav,.skip{display:none}
    main{padding:0;max-width:none}
    a{color:inherit;text-decoration:none}
    .scroll{overflow:visible}
    table.matrix{min-width:0;font-size:8.5pt}
    tr,li,section.step,dl.facts{break-inside:avoid;page-break-inside:avoid}
    thead{display:table-header-group}
    h2{break-after:avoid}
    section.agenda section.theme{break-before:page}
    section.agenda section.theme:first-of-type{break-before:auto}
    h3{break-after:avoid}
    .label{display:inline!important;visibility:visible!important}
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    }
    """
}
