/**
 * The API is reached through the app's edge: CloudFront in the cloud, the local server on a
 * laptop. The edge proves itself to the functions with a secret header, so nobody can call the
 * execute-api endpoint around it (and around its WAF), and it tells them the viewer's address,
 * which API Gateway cannot: behind CloudFront its `sourceIp` is an edge server's.
 * Both headers are set by the edge, overwriting anything a viewer sent under those names.
 */
export const edgeHeaders = {
  secret: 'x-crm-edge-secret',
  viewerIp: 'x-crm-viewer-ip',
} as const;
