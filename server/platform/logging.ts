import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Credentials, cookies and free text that may describe a person are redacted
 * wherever they appear, so a careless log call cannot leak them.
 */
export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { service: 'ct-directory', ...base },
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.token',
        '*.summary',
        '*.note',
        '*.notes',
      ],
      censor: '[redacted]',
    },
  });
}
