// The page a screen shows when it keeps crashing, instead of a crash loop. Pure; in all three languages.

const TEXT = {
  'zh-CN': { title: '此屏幕暂时无法使用', body: '请联系工作人员。屏幕将在几分钟后自动重试。' },
  en: { title: 'This screen is temporarily out of service', body: 'Please ask a member of staff. The screen will retry by itself in a few minutes.' },
  ru: { title: 'Экран временно не работает', body: 'Пожалуйста, обратитесь к сотруднику. Экран сам повторит попытку через несколько минут.' },
} as const;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A self-contained page (no script, no remote resources) naming the screen and why, for staff. */
export function errorPageHtml(screen: string, reason: string): string {
  const blocks = Object.entries(TEXT)
    .map(([lang, t]) => `<section lang="${lang}"><h1>${t.title}</h1><p>${t.body}</p></section>`)
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${TEXT['zh-CN'].title}</title>
<style>body{font-family:sans-serif;background:#fff;color:#222;display:flex;flex-direction:column;justify-content:center;align-items:center;height:100vh;margin:0;text-align:center}section{margin:1.5em}h1{font-size:2.2em;margin:0 0 .3em}p{font-size:1.4em;margin:0}small{color:#888;margin-top:2em}</style>
</head><body>
${blocks}
<small>${escapeHtml(screen)} · ${escapeHtml(reason)}</small>
</body></html>`;
}

export function errorPageUrl(screen: string, reason: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(errorPageHtml(screen, reason))}`;
}
