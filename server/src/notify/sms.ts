import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';

/** Delivers one SMS; throws when the provider refuses (the outbox then retries). */
export interface SmsSender {
  send(to: string, body: string): Promise<void>;
}

const TWILIO_API = 'https://api.twilio.com';

/**
 * Twilio's Messages API through the official SDK. TWILIO_API_URL swaps the origin of every API call
 * (a local stand-in in tests, or an egress proxy), leaving path, body and authentication as they are.
 */
export function twilioSender(config: Config): SmsSender {
  const base = config.TWILIO_API_URL?.replace(/\/+$/, '');
  class RoutedRequestClient extends twilio.RequestClient {
    override request<T>(opts: RequestClient.RequestOptions<T>) {
      if (base && opts.uri.startsWith(TWILIO_API)) opts = { ...opts, uri: base + opts.uri.slice(TWILIO_API.length) };
      return super.request<T>(opts);
    }
  }
  const client = twilio(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, { httpClient: new RoutedRequestClient({ timeout: 15_000 }) });
  return {
    async send(to, body) {
      await client.messages.create({ to, from: config.TWILIO_FROM, body });
    },
  };
}

/** Development: the SMS goes to the log (with its code) instead of a phone. */
export function logSender(logger: Logger): SmsSender {
  return {
    async send(to, body) {
      logger.info({ to, sms: body }, `development SMS to ${to}: ${body}`);
    },
  };
}

export const createSmsSender = (config: Config, logger: Logger): SmsSender =>
  config.SMS_PROVIDER === 'twilio' ? twilioSender(config) : logSender(logger);
