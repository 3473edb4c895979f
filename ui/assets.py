"""The page's CSS and the small script that ties [n] markers in the chat to the sources panel."""

CSS = """
#status-line { font-size: 0.9em; }
#status-line p { margin: 0.2em 0; }
#sources-panel { max-height: 78vh; overflow-y: auto; }
.sources.empty { color: var(--body-text-color-subdued); padding: 0.5em; }
.src-question { font-weight: 600; margin-bottom: 0.5em; }
.src { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 0.6em 0.8em;
       margin-bottom: 0.6em; transition: box-shadow 0.3s, border-color 0.3s; }
.src.flash { border-color: #d97706; box-shadow: 0 0 0 3px rgba(217, 119, 6, 0.35); }
.src-n { font-weight: 700; color: #b45309; }
.src-unit { font-weight: 600; }
.src-path { color: var(--body-text-color-subdued); font-size: 0.88em; margin: 0.15em 0 0.35em; }
.src-context { margin: 0.3em 0; padding: 0.3em 0.6em; border-left: 3px solid #f59e0b;
               white-space: pre-wrap; line-height: 1.6; }
.src mark, .chat-sources mark { background: #fde68a; color: inherit; padding: 0 1px; }
.src-unverified { color: #b91c1c; font-size: 0.9em; }
.src-full summary { cursor: pointer; color: #2563eb; font-size: 0.9em; }
.notice-full { max-height: 360px; overflow-y: auto; white-space: pre-wrap; line-height: 1.6;
               border: 1px solid var(--border-color-primary); padding: 0.5em; margin-top: 0.3em;
               font-size: 0.92em; }
a.cite { text-decoration: none; font-size: 0.8em; vertical-align: super; color: #b45309;
         font-weight: 600; cursor: pointer; }
.chat-sources { font-size: 0.85em; color: var(--body-text-color-subdued); margin-top: 0.4em; }
#question-hint, #question-hint p { color: #b45309; }
#upload-result { white-space: normal; }
.records-charts { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1em; }
.chart-block { display: grid; grid-template-columns: 720px minmax(0, 1fr); column-gap: 1em; align-items: start;
               border-bottom: 1px solid var(--border-color-primary); padding-bottom: 0.6em; }
.chart-block > .chart-title, .chart-block > svg, .chart-block > .chart-silent { grid-column: 1; }
.chart-block > .chart-sources { grid-column: 2; grid-row: 1 / span 3; }
.chart-title { font-weight: 600; margin-bottom: 0.2em; }
.chart .chart-label { font-size: 13px; fill: var(--body-text-color); }
.chart .chart-value { font-size: 12px; fill: var(--body-text-color-subdued); }
.chart a.chart-bar { cursor: pointer; }
.chart a.chart-bar:hover rect { fill: #d97706; }
.chart-silent { color: var(--body-text-color-subdued); font-size: 0.85em; }
.chart-sources { max-height: 190px; overflow-y: auto; font-size: 0.85em; }
.chart-src .src-context { white-space: normal; }
"""

# Clicking an [n] marker scrolls the sources panel to that source and flashes it; when the panel
# shows another answer, the chat's select event swaps it in first, so the lookup retries briefly.
# Opening "在原文中查看" scrolls the whole-notice view to the highlighted quote.
HEAD = """
<script>
(() => {
  function flash(el) {
    el.scrollIntoView({behavior: "smooth", block: "nearest"});
    el.classList.add("flash");
    setTimeout(() => el.classList.remove("flash"), 1600);
  }
  function findAndFlash(id, tries) {
    const el = document.getElementById(id);
    if (el) { flash(el); return; }
    if (tries > 0) setTimeout(() => findAndFlash(id, tries - 1), 150);
  }
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a.cite");
    if (!link) return;
    event.preventDefault();
    const id = (link.getAttribute("href") || "").replace(/^#/, "");
    if (id) findAndFlash(id, 20);
  }, true);
  document.addEventListener("toggle", (event) => {
    const details = event.target;
    if (!details.classList || !details.classList.contains("src-full") || !details.open) return;
    const box = details.querySelector(".notice-full");
    const mark = box && box.querySelector("mark.here");
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 80);
  }, true);
})();
</script>
"""
