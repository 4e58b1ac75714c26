import type { RouteDef } from '../definition/types';

/**
 * The HTTP API's route selection for the definition's routes: a request matches a route of its
 * method whose path has as many segments, literal segments equal, `{name}` segments capturing
 * one (decoded) segment. The most specific route wins: a literal segment beats a variable.
 */
export interface RouteMatch {
  route: RouteDef;
  routeKey: string;
  pathParameters: Record<string, string> | undefined;
}

type Segment = { literal: string } | { param: string };

interface CompiledRoute {
  route: RouteDef;
  routeKey: string;
  segments: Segment[];
}

export class RouteTable {
  readonly routes: readonly RouteDef[];
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly RouteDef[]) {
    const keys = new Set<string>();
    this.compiled = routes.map((route) => {
      const routeKey = `${route.method} ${route.path}`;
      if (keys.has(routeKey)) throw new Error(`Route ${routeKey} is declared twice`);
      keys.add(routeKey);
      return { route, routeKey, segments: compilePath(route.path) };
    });
    this.compiled.sort((a, b) => specificity(b) - specificity(a));
    this.routes = routes;
  }

  match(method: string, rawPath: string): RouteMatch | undefined {
    const parts = rawPath.split('/').slice(1);
    for (const { route, routeKey, segments } of this.compiled) {
      if (route.method !== method || segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const matched = segments.every((segment, i) => {
        const part = parts[i]!;
        if ('literal' in segment) return segment.literal === part;
        const value = decodeSegment(part);
        if (value === undefined || value === '') return false;
        params[segment.param] = value;
        return true;
      });
      if (matched) return { route, routeKey, pathParameters: Object.keys(params).length ? params : undefined };
    }
    return undefined;
  }
}

function compilePath(path: string): Segment[] {
  if (!path.startsWith('/')) throw new Error(`Route path "${path}" must start with "/"`);
  return path
    .split('/')
    .slice(1)
    .map((part) => {
      if (part === '') throw new Error(`Route path "${path}" has an empty segment`);
      const param = /^\{([A-Za-z0-9_.-]+)\}$/.exec(part);
      if (param) return { param: param[1]! };
      if (/[{}]/.test(part)) throw new Error(`Route path "${path}": only whole-segment {name} variables are supported, not "${part}"`);
      return { literal: part };
    });
}

/** Literal segments earlier in the path weigh more, so `/a/b/{x}` beats `/a/{y}/c`. */
function specificity({ segments }: CompiledRoute): number {
  return segments.reduce((score, segment, i) => score + ('literal' in segment ? 2 ** (16 - i) : 0), 0);
}

function decodeSegment(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
