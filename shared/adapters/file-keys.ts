/** Rules every file store keeps (file-store.ts). */

/** How long a signed upload or download URL works. */
export const signedUrlSeconds = 15 * 60;

/** `attachments/<type>/<id>/<attId>`, `imports/<id>/source`, `exports/<id>.xlsx`: no traversal, nothing odd. */
export function assertFileKey(key: string): void {
  if (key.length === 0 || key.length > 512 || !/^[A-Za-z0-9][A-Za-z0-9/_.-]*$/.test(key) || key.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(`Invalid file key: ${JSON.stringify(key)}`);
  }
}

/** `Content-Disposition` for a download under its own name, Cyrillic included (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
