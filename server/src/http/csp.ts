import { randomBytes } from 'node:crypto';

/** A fresh nonce for one HTML response's CSP. */
export const cspNonce = (): string => randomBytes(16).toString('base64');

/**
 * An HTML page's Content-Security-Policy: scripts and styles only from the portal, the nonce admitting the page's
 * own <style> elements, no framing. `changes` adds or replaces directives for one page. Everything else the portal
 * answers gets helmet's policy that allows nothing (http/server.ts).
 */
export function pageCsp(nonce: string, upgradeInsecure: boolean, changes: Record<string, string> = {}): string {
  const directives: Record<string, string> = {
    'default-src': "'self'", 'script-src': "'self'", 'style-src': `'self' 'nonce-${nonce}'`, 'img-src': "'self' data:",
    'font-src': "'self'", 'connect-src': "'self'", 'object-src': "'none'", 'base-uri': "'self'", 'form-action': "'self'",
    'frame-ancestors': "'none'", ...changes,
  };
  return [...Object.entries(directives).map(([name, value]) => `${name} ${value}`), ...(upgradeInsecure ? ['upgrade-insecure-requests'] : [])].join('; ');
}
