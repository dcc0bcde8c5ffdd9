import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';

export interface Sms { to: string; from: string; body: string; accountSid: string }

export const TEST_TWILIO = { sid: `AC${'0123456789abcdef'.repeat(2)}`, token: 'test-auth-token', from: '+3197010000000' };

/**
 * A stand-in for Twilio's Messages API on 127.0.0.1, reached by the real twilio SDK through TWILIO_API_URL.
 * It checks the path and Basic authentication as Twilio does, records each SMS, and answers like Twilio
 * (201 with a message resource). `failNext` makes the next requests fail with 500, for retry tests.
 */
export class TwilioStandIn {
  readonly messages: Sms[] = [];
  failNext = 0;
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req).then(({ status, body }) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    }));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) return { status: 404, body: { code: 20404, message: 'The requested resource was not found', status: 404 } };
    const expected = `Basic ${Buffer.from(`${TEST_TWILIO.sid}:${TEST_TWILIO.token}`).toString('base64')}`;
    if (req.headers.authorization !== expected || match[1] !== TEST_TWILIO.sid) return { status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } };
    if (this.failNext > 0) {
      this.failNext -= 1;
      return { status: 500, body: { code: 20500, message: 'Internal Server Error', status: 500 } };
    }
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const sms = { to: form.get('To') ?? '', from: form.get('From') ?? '', body: form.get('Body') ?? '', accountSid: match[1] };
    this.messages.push(sms);
    return {
      status: 201,
      body: { sid: `SM${randomBytes(16).toString('hex')}`, account_sid: sms.accountSid, to: sms.to, from: sms.from, body: sms.body, status: 'queued', num_segments: '1', direction: 'outbound-api' },
    };
  }

  to(number: string): Sms[] {
    return this.messages.filter((m) => m.to === number);
  }

  /** Waits (polling) until `count` SMS to `number` arrived; returns them. */
  async waitFor(number: string, count = 1, timeoutMs = 10_000): Promise<Sms[]> {
    const end = Date.now() + timeoutMs;
    while (this.to(number).length < count) {
      if (Date.now() > end) throw new Error(`expected ${count} SMS to ${number}, got ${this.to(number).length}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return this.to(number);
  }

  /** The six-digit code of the latest SMS to `number`. */
  async codeFor(number: string, count?: number): Promise<string> {
    const all = await this.waitFor(number, count ?? Math.max(1, this.to(number).length));
    const code = /\b(\d{6})\b/.exec(all[all.length - 1].body)?.[1];
    if (!code) throw new Error(`no code in SMS "${all[all.length - 1].body}"`);
    return code;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
