import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiError } from '../../shared/api/contracts';

/** A plain bilingual page for a visitor whose browser posted a form we refused. */
const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function errorPage(status: number, body: ApiError, acceptLanguage = ''): APIGatewayProxyStructuredResultV2 {
  const russian = !/^en\b/i.test(acceptLanguage);
  const title = russian ? 'Форма не отправлена' : 'The form was not sent';
  const back = russian ? 'Вернуться и исправить' : 'Go back and correct it';
  const items = (body.error.fields ?? []).map((f) => `<li><b>${escape(f.path)}</b>: ${escape(f.message)}</li>`).join('');
  const html = `<!doctype html><html lang="${russian ? 'ru' : 'en'}"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>${title}</h1><p>${escape(body.error.message)}</p>${items ? `<ul>${items}</ul>` : ''}
<p><a href="javascript:history.back()">${back}</a></p></body></html>`;
  return { statusCode: status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body: html };
}
