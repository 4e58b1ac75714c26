import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { env, envOr } from '../../shared/config/runtime-env';
import type { Money } from '../../shared/domain/leads/lead';
import { submitForm } from '../../shared/services/form-submission-service';
import { throughEdge, viewerIp } from '../http/edge';
import { formPath } from '../http/params';
import { errorResult, json } from '../http/responses';
import { logger } from '../observability/logger';
import { readFormBody } from './form-body';
import { errorPage } from './error-page';

/**
 * Public web-to-lead endpoint (MKT-1). A browser's form post is answered with a 303 to the form's
 * thank-you page (or an HTML error page), a script's post with JSON. A filled honeypot gets the
 * same answer as a success, so bots learn nothing.
 */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
  .use(injectLambdaContext(logger))
  .use(throughEdge())
  .handler(async (event) => {
    const browser = isBrowserPost(event);
    const origin = event.headers.origin;
    const cors: Record<string, string> = origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
    try {
      const { formId } = formPath.parse(event.pathParameters ?? {});
      const result = await submitForm({
        formId,
        fields: await readFormBody(event),
        ...(origin ? { origin } : {}),
        sourceIp: viewerIp(event),
        meta: { ...(event.headers.referer ? { pageUrl: event.headers.referer } : {}), currency: env('currency') as Money['currency'] },
        defaultOrigins: envOr('allowedFormOrigins', '').split(',').filter(Boolean),
      });
      if (result.outcome === 'ignored') logger.info('Honeypot filled; submission dropped', { formId });
      else logger.info('Form submission accepted', { formId, outcome: result.outcome, leadId: result.leadId });
      return browser
        ? { statusCode: 303, headers: { location: result.form.thankYouUrl, 'cache-control': 'no-store' } }
        : json(202, { status: 'received' }, cors);
    } catch (error) {
      const { status, body } = errorResult(error);
      if (status >= 500) logger.error('Form submission failed', error as Error);
      return browser ? errorPage(status, body, event.headers['accept-language']) : json(status, body, cors);
    }
  });

/** An HTML form post (not a script asking for JSON). */
function isBrowserPost(event: APIGatewayProxyEventV2): boolean {
  const type = (event.headers['content-type'] ?? '').toLowerCase();
  const accept = (event.headers.accept ?? '').toLowerCase();
  const formEncoded = type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
  return formEncoded && !accept.startsWith('application/json');
}
