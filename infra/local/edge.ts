import { edgeHeaders } from '../../shared/config/edge';

/**
 * The local server's CloudFront part: what the distribution adds on the way to the API (its
 * origin header with the edge secret, the viewer-address header its function sets), overwriting
 * any header of those names a viewer sent, as CloudFront does.
 */
export function throughLocalEdge(rawHeaders: readonly string[], viewerIp: string, edgeSecret: string): string[] {
  const ours = new Set<string>(Object.values(edgeHeaders));
  const kept: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (!ours.has(rawHeaders[i]!.toLowerCase())) kept.push(rawHeaders[i]!, rawHeaders[i + 1]!);
  }
  return [...kept, edgeHeaders.secret, edgeSecret, edgeHeaders.viewerIp, viewerIp];
}
