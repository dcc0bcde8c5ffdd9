import { createHmac, randomBytes } from 'node:crypto';

/** A new secret token: 256 random bits, URL-safe. */
export const newToken = () => randomBytes(32).toString('base64url');

/** The stored form of a token: HMAC-SHA-256 keyed with SESSION_SECRET, so a database leak alone reveals nothing usable. */
export const hashToken = (secret: string, token: string) => createHmac('sha256', secret).update(token).digest('hex');
