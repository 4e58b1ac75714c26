import { randomUUID } from 'node:crypto';
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import type { AppDefinition, FunctionDef } from '../definition/types';
import { repoRoot } from './local-paths';

/**
 * Runs the definition's handler modules in this process the way Lambda runs them: each module is
 * imported once, on its first invocation (tsx and vitest load TypeScript directly), and called
 * with `(event, context)` under the function's timeout.
 */
export type Invoke = (functionId: string, event: unknown) => Promise<unknown>;

export interface LambdaRuntime {
  invoke: Invoke;
  /** The function's definition; throws for an id the definition does not declare. */
  functionDef(functionId: string): FunctionDef;
}

type Handler = (event: unknown, context: Context) => Promise<unknown>;

/** Lambda's own wording for a timed-out invocation. */
export class FunctionTimeoutError extends Error {
  override name = 'FunctionTimeoutError';
}

export function createLambdaRuntime(definition: AppDefinition, options: { region: string; accountId: string; rootDir?: string }): LambdaRuntime {
  const root = options.rootDir ?? repoRoot;
  const handlers = new Map<string, Promise<Handler>>();

  const functionDef = (functionId: string): FunctionDef => {
    const fn = definition.functions.find((f) => f.id === functionId);
    if (!fn) throw new Error(`No function "${functionId}" in the app definition`);
    return fn;
  };

  const load = (fn: FunctionDef): Promise<Handler> => {
    let handler = handlers.get(fn.id);
    if (!handler) {
      const file = isAbsolute(fn.entry) ? fn.entry : join(root, fn.entry);
      handler = import(pathToFileURL(file).href).then((module: { handler?: unknown }) => {
        if (typeof module.handler !== 'function') throw new Error(`${fn.entry} does not export a handler function`);
        return module.handler as Handler;
      });
      // A module that failed to load is retried on the next invocation, as a new Lambda sandbox would.
      handler.catch(() => handlers.delete(fn.id));
      handlers.set(fn.id, handler);
    }
    return handler;
  };

  const invoke: Invoke = async (functionId, event) => {
    const fn = functionDef(functionId);
    const handler = await load(fn);
    const deadline = Date.now() + fn.timeoutSeconds * 1000;
    const context = lambdaContext(fn, deadline, options);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new FunctionTimeoutError(`Task timed out after ${fn.timeoutSeconds.toFixed(2)} seconds`)), deadline - Date.now());
    });
    try {
      // The handler cannot be stopped in-process; like a timed-out Lambda, its result is dropped.
      return await Promise.race([handler(event, context), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  return { invoke, functionDef };
}

function lambdaContext(fn: FunctionDef, deadline: number, options: { region: string; accountId: string }): Context {
  const notSupported = () => {
    throw new Error('Callback-style completion (done/succeed/fail) is not supported; return a promise');
  };
  return {
    functionName: fn.id,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${options.region}:${options.accountId}:function:${fn.id}`,
    memoryLimitInMB: String(fn.memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${fn.id}`,
    logStreamName: `local/${fn.id}`,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: notSupported,
    succeed: notSupported,
    fail: notSupported,
  };
}
