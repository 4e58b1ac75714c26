import { functionById } from '../../infra/definition/app';

/** For tests generated from the app definition: a route's parameters, made-up values for them, the function serving it. */
export const paramsOf = (path: string): string[] => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** Well-formed values for path parameters: the named ones valid, any id a made-up record id. */
const wellFormed: Record<string, string> = { recordType: 'lead', resource: 'leads', pipelineId: 'default', formId: 'website' };
export const wellFormedParam = (name: string): string => wellFormed[name] ?? '01JZZZZZZZZZZZZZZZZZZZZZZZ';

const handlers = new Map<string, unknown>();
/** The `handler` of a function of the definition, imported once. */
export async function handlerOf(functionId: string): Promise<unknown> {
  if (!handlers.has(functionId)) handlers.set(functionId, ((await import(`../../${functionById(functionId).entry}`)) as { handler: unknown }).handler);
  return handlers.get(functionId);
}
